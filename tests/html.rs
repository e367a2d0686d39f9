//! The HTML report: structure, self-containment and escaping, checked by
//! parsing the page; and a real browser run when Chromium is installed.

use citemap::{Options, analyze, report};
use scraper::{Html, Selector};
use std::path::Path;
use std::process::Command;

const CHAPTER: &str = include_str!("../examples/kassen2016/chapter.txt");

fn page(text: &str) -> (citemap::Analysis, String) {
    let a = analyze(text, &Options::default());
    let r = report::build(&a);
    let mut out = Vec::new();
    citemap::render::html::write(&a, &r, "test document", &mut out).unwrap();
    (a, String::from_utf8(out).unwrap())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn every_dimension_and_reference_is_present() {
    let (a, html) = page(CHAPTER);
    let doc = Html::parse_document(&html);
    for d in &a.document.dimensions {
        let s = sel(&format!("article#dim-{}", d.id));
        assert_eq!(doc.select(&s).count(), 1, "dimension {}", d.heading);
    }
    for r in &a.references {
        let s = sel(&format!("tr#ref-{}", r.key));
        assert_eq!(doc.select(&s).count(), 1, "reference {}", r.key);
    }
    let cells = doc.select(&sel("table.heatmap td.cell")).count();
    assert_eq!(cells, a.document.dimensions.len() * 41);
    let filled: usize = doc
        .select(&sel("table.heatmap td.cell"))
        .map(|c| {
            c.value()
                .attr("data-count")
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(filled, 42, "cells add up to the citations");
    // Every citation is highlighted and linked to its reference.
    assert_eq!(doc.select(&sel("ol.claims a.cite mark")).count(), 42);
    for a_el in doc.select(&sel("a.cite")) {
        let target = a_el.value().attr("href").unwrap();
        assert!(
            doc.select(&sel(&format!("tr{target}"))).count() == 1,
            "{target}"
        );
    }
    // Charts are inline SVG with accessible names.
    let svgs: Vec<_> = doc.select(&sel("figure svg[role=img]")).collect();
    assert_eq!(svgs.len(), 3);
    assert!(
        svgs.iter()
            .all(|s| s.value().attr("aria-labelledby").is_some())
    );
}

#[test]
fn nothing_is_loaded_from_elsewhere() {
    let (a, html) = page(CHAPTER);
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("script, link, img, iframe, object, embed"))
            .count(),
        0
    );
    let own: Vec<String> = a
        .references
        .iter()
        .filter_map(|r| {
            r.doi
                .as_ref()
                .map(|d| format!("https://doi.org/{d}"))
                .or_else(|| r.url.clone())
        })
        .collect();
    for el in doc.select(&sel("[src], [href]")) {
        for attr in ["src", "href"] {
            if let Some(v) = el.value().attr(attr) {
                let internal = v.starts_with('#');
                let reference = own
                    .iter()
                    .any(|o| v == o || v.trim_start_matches("https://") == o.as_str());
                assert!(internal || reference, "external {attr}={v}");
            }
        }
    }
    assert!(
        !html.contains("@import") && !html.contains("url("),
        "no external styles or fonts"
    );
}

#[test]
fn text_from_the_document_is_escaped() {
    let doc = "Intro\n\nA claim with \"><img src=x onerror=alert(1)> in it (Evil, 2020). And <script>alert(2)</script> here (Evil, 2020).\n\nReferences\n\nEvil, E. (2020). <script>alert(3)</script> \"><img src=y onerror=alert(4)>. Journal, 1, 1–2. javascript:alert(5)\n";
    let (_, html) = page(doc);
    let parsed = Html::parse_document(&html);
    assert_eq!(parsed.select(&sel("script")).count(), 0);
    assert_eq!(parsed.select(&sel("img")).count(), 0);
    assert!(parsed.select(&sel("[onerror]")).next().is_none());
    assert!(parsed.select(&sel("a[href^=javascript]")).next().is_none());
    let text: String = parsed.root_element().text().collect();
    assert!(text.contains("<script>alert(2)</script>"), "shown as text");
    assert!(
        text.contains("\"><img src=x onerror=alert(1)>"),
        "shown as text"
    );
}

#[test]
fn a_long_reference_list_stays_usable() {
    // 300 references cited across 6 sections; names are letters only.
    let name = |n: usize| {
        format!(
            "Au{}{}",
            char::from(b'a' + (n / 26) as u8),
            char::from(b'a' + (n % 26) as u8)
        )
    };
    let mut doc = String::from("A long review\n\n");
    let mut refs = String::from("References\n\n");
    for s in 0..6 {
        doc.push_str(&format!("{}. Section {s}\n\n", s + 1));
        let cites: Vec<String> = (0..50)
            .map(|i| format!("{}, {}", name(s * 50 + i), 1950 + (s * 50 + i) % 70))
            .collect();
        doc.push_str(&format!("Many studies agree ({}).\n\n", cites.join("; ")));
    }
    for n in 0..300 {
        refs.push_str(&format!(
            "{}, A. ({}). Study number {n}. Journal of Things, {}, 1–10.\n",
            name(n),
            1950 + n % 70,
            n + 1
        ));
    }
    doc.push_str(&refs);
    let (a, html) = page(&doc);
    assert_eq!(a.references.len(), 300);
    assert_eq!(a.citations.len(), 300);
    let parsed = Html::parse_document(&html);
    assert_eq!(
        parsed.select(&sel("table.heatmap td.cell")).count(),
        6 * 300
    );
    // The heatmap scrolls inside its box with headers that stay in view.
    assert_eq!(parsed.select(&sel("div.scroll > table.heatmap")).count(), 1);
    assert!(html.contains(".heatmap thead th { position: sticky; top: 0;"));
    assert!(html.contains(".heatmap tbody th { position: sticky; left: 0;"));
    assert!(html.len() < 3_000_000, "{} bytes", html.len());
}

/// Headless Chromium loads the chapter's report, takes a screenshot, and
/// its DOM has the heatmap with one cell per dimension and cited source.
#[test]
fn a_browser_renders_the_report() {
    let found = Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed, and CI must have it (see .ci/run)"
        );
        eprintln!("chromium is not installed: browser test skipped (.ci/run installs it)");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (a, html) = page(CHAPTER);
    let file = dir.join("report.html");
    std::fs::write(&file, html).unwrap();
    let url = format!("file://{}", file.display());
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];
    let profile = format!("--user-data-dir={}", dir.join("profile").display());
    let shot = dir.join("report.png");
    let o = Command::new("chromium")
        .args(flags)
        .arg(&profile)
        .args([
            "--window-size=1280,1000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    let o = Command::new("chromium")
        .args(flags)
        .arg(&profile)
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&o.stdout);
    let parsed = Html::parse_document(&dom);
    assert_eq!(
        parsed.select(&sel("table.heatmap td.cell")).count(),
        a.document.dimensions.len() * 41
    );
}
