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

#[test]
fn a_report_an_editor_can_read() {
    let (a, html) = page(CHAPTER);
    let doc = Html::parse_document(&html);
    // Column labels keep the year whatever is cut, and carry the whole
    // reference on hover.
    let year = regex::Regex::new(r"\((\d{4}[a-z]?|n\.d\.|in press)\)$").unwrap();
    let heads: Vec<_> = doc.select(&sel("table.heatmap th.src")).collect();
    assert_eq!(heads.len(), 41);
    for th in &heads {
        let label: String = th.text().collect();
        assert!(year.is_match(label.trim()), "{label}");
        assert!(
            th.value()
                .attr("title")
                .is_some_and(|t| t.len() > label.len()),
            "{label}"
        );
    }
    // The flags come first.
    let ids: Vec<&str> = doc
        .select(&sel("main > section"))
        .filter_map(|s| s.value().attr("id"))
        .collect();
    assert_eq!(ids, ["flags", "heatmap", "dimensions", "sources", "charts"]);
    assert!(doc.select(&sel("#flags li a")).count() >= 3);
    // Every chart has a heading; the year axes have ticks every few years.
    for f in doc.select(&sel("#charts figure")) {
        assert_eq!(f.select(&sel("h3")).count(), 1);
    }
    let ticks: Vec<u32> = doc
        .select(&sel("#charts svg text.xtick"))
        .filter_map(|t| t.text().collect::<String>().parse().ok())
        .collect();
    assert!(ticks.len() >= 8, "{ticks:?}");
    assert!(
        ticks
            .windows(2)
            .filter(|w| w[1] > w[0])
            .all(|w| w[1] - w[0] <= 10),
        "{ticks:?}"
    );
    // The legend lists only the kinds that occur among the cited sources.
    let kinds: std::collections::HashSet<String> = a
        .citations
        .iter()
        .filter_map(|c| c.link.reference)
        .map(|i| format!("{:?}", a.references[i].kind))
        .collect();
    let legend = doc.select(&sel("#charts p.legend > span")).count();
    assert!(
        legend >= 1 && legend <= kinds.len(),
        "{legend} of {kinds:?}"
    );
}

#[test]
fn ticks_are_round_and_few() {
    // Through the page: a document whose sources span 1901–2020 gets
    // ticks every 20 years, not two labels.
    let mut doc = String::from("Intro\n\n");
    let mut refs = String::from("\n\nReferences\n\n");
    for (i, y) in [1901, 1950, 1999, 2020].iter().enumerate() {
        let name = ["Abel", "Berg", "Cole", "Dunn"][i];
        doc.push_str(&format!("Soils matter ({name}, {y}). "));
        refs.push_str(&format!(
            "{name}, A. ({y}). Soils {i}. Journal of Soils, 4, 1–9.\n"
        ));
    }
    let (_, html) = page(&(doc + &refs));
    let parsed = Html::parse_document(&html);
    let ticks: Vec<String> = parsed
        .select(&sel("#charts figure:first-of-type svg text.xtick"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(ticks, ["1920", "1940", "1960", "1980", "2000", "2020"]);
}

fn chromium() -> bool {
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
    }
    found
}

const FLAGS: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
];

/// The width and height a PNG says it has.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG"));
    let n = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (n(16), n(20))
}

/// Headless Chromium takes screenshots of the chapter's report at a desk
/// (1400 px) and on a phone (390 px), measures its layout, and prints it
/// on A4.
#[test]
fn a_browser_renders_the_report_at_a_desk_on_a_phone_and_on_paper() {
    if !chromium() {
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (a, html) = page(CHAPTER);
    let file = dir.join("report.html");
    std::fs::write(&file, &html).unwrap();
    // A copy with a probe that writes the layout into the page, for
    // --dump-dom to read (the report itself has no scripts).
    let probe = html.replace(
        "</body>",
        "<script>window.addEventListener('load',()=>{const t=document.querySelector('table.heatmap');\
         const m=document.querySelector('main');document.body.dataset.layout=JSON.stringify({\
         table:t.getBoundingClientRect().width,main:m.getBoundingClientRect().width,\
         view:window.innerWidth,page:document.documentElement.scrollWidth});});</script></body>",
    );
    let probe_file = dir.join("probe.html");
    std::fs::write(&probe_file, probe).unwrap();
    let profile = format!("--user-data-dir={}", dir.join("profile").display());
    for width in [1400u32, 390] {
        let shot = dir.join(format!("report-{width}.png"));
        let o = Command::new("chromium")
            .args(FLAGS)
            .arg(&profile)
            .args([
                &format!("--window-size={width},1600"),
                &format!("--screenshot={}", shot.display()),
                &format!("file://{}", file.display()),
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let png = std::fs::read(&shot).unwrap();
        assert_eq!(png_size(&png).0, width);
        assert!(png.len() > 10_000);
        let o = Command::new("chromium")
            .args(FLAGS)
            .arg(&profile)
            .args([
                &format!("--window-size={width},1600"),
                "--virtual-time-budget=2000",
                "--dump-dom",
                &format!("file://{}", probe_file.display()),
            ])
            .output()
            .unwrap();
        let dom = String::from_utf8_lossy(&o.stdout);
        let parsed = Html::parse_document(&dom);
        assert_eq!(
            parsed.select(&sel("table.heatmap td.cell")).count(),
            a.document.dimensions.len() * 41
        );
        let layout: serde_json::Value = parsed
            .select(&sel("body"))
            .next()
            .and_then(|b| b.value().attr("data-layout"))
            .map(|l| serde_json::from_str(l).unwrap())
            .expect("the probe ran");
        let f = |k: &str| layout[k].as_f64().unwrap();
        // The page never scrolls sideways; a wide grid scrolls in its box.
        assert!(f("page") <= f("view") + 1.0, "{width}: {layout}");
        if width == 1400 {
            // The grid uses the width it has.
            assert!(f("table") >= 0.95 * f("main") - 60.0, "{layout}");
            assert!(f("main") >= 0.9 * f("view"), "{layout}");
        }
    }
    // Printed, the page is A4 (595 × 842 points).
    let pdf = dir.join("report.pdf");
    let o = Command::new("chromium")
        .args(FLAGS)
        .arg(&profile)
        .args([
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", file.display()),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let media = regex::Regex::new(r"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)").unwrap();
    let c = media.captures(&text).expect("a media box");
    let (w, h): (f64, f64) = (c[1].parse().unwrap(), c[2].parse().unwrap());
    assert!(
        (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0,
        "not A4: {w} × {h}"
    );
}
