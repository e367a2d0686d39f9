//! The exports read by the real tools: biber validates the BibLaTeX, BibTeX
//! runs plain.bst on the BibTeX, and pandoc's citeproc renders the CSL-JSON
//! and both .bib files back to an APA reference list that matches the
//! original reference strings.
//!
//! `.ci/run` installs the tools. Where one is missing the test says so and
//! passes, except under CI (`CI` set), where a missing tool is a failure.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_citemap");
const APA_CSL: &str = "/usr/share/citation-style-language/styles/apa.csl";

fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is not installed, and CI must have it (see .ci/run)"
        );
        eprintln!("{tool} is not installed: test skipped (.ci/run installs it)");
    }
    found
}

/// The chapter and, when present, the development documents.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![
        PathBuf::from("examples/kassen2016/chapter.txt"),
        // Hand-made: n.d., in press, an edition, article numbers, an
        // access date, an edited book, a title-case title.
        PathBuf::from("tests/data/exports.txt"),
    ];
    if let Ok(rd) = std::fs::read_dir("../shared/dev") {
        let mut dev: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        dev.sort();
        docs.extend(dev);
    } else {
        eprintln!("../shared/dev is not here: only the chapter is exported");
    }
    docs
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn export(doc: &Path, format: &str, out: &Path) {
    let o = Command::new(BIN)
        .args([
            "bib",
            doc.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
            "--force",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn stem(doc: &Path) -> String {
    doc.file_stem().unwrap().to_string_lossy().replace('.', "_")
}

#[test]
fn biber_validates_the_biblatex_data_model() {
    if !have("biber") {
        return;
    }
    let dir = scratch("biber");
    for doc in documents() {
        let bib = dir.join(format!("{}.bib", stem(&doc)));
        export(&doc, "biblatex", &bib);
        let o = Command::new("biber")
            .current_dir(&dir)
            .args([
                "--tool",
                "--validate-datamodel",
                "--dieondatamodel",
                bib.file_name().unwrap().to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let log =
            String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{}: {log}", doc.display());
        assert!(!log.contains("ERROR"), "{}: {log}", doc.display());
    }
}

#[test]
fn bibtex_runs_plain_bst_without_errors() {
    if !have("bibtex") {
        return;
    }
    let dir = scratch("bibtex");
    for doc in documents() {
        let s = stem(&doc);
        export(&doc, "bibtex", &dir.join(format!("{s}.bib")));
        std::fs::write(
            dir.join(format!("{s}.aux")),
            format!("\\citation{{*}}\n\\bibstyle{{plain}}\n\\bibdata{{{s}}}\n"),
        )
        .unwrap();
        let o = Command::new("bibtex")
            .current_dir(&dir)
            .arg(&s)
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{}: {log}", doc.display());
        assert!(!log.contains("error message"), "{}: {log}", doc.display());
        let bbl = std::fs::read_to_string(dir.join(format!("{s}.bbl"))).unwrap();
        assert!(bbl.matches("\\bibitem").count() > 0);
    }
}

fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn token_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for t in &tb {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in &ta {
        if let Some(n) = counts.get_mut(t.as_str())
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (
        f64::from(common) / ta.len() as f64,
        f64::from(common) / tb.len() as f64,
    );
    2.0 * p * r / (p + r)
}

/// Renders a bibliography file with pandoc's citeproc and the APA style;
/// returns the reference list's entries.
fn render(dir: &Path, bibliography: &Path) -> Vec<String> {
    let md = dir.join("nocite.md");
    std::fs::write(&md, "---\nnocite: \"@*\"\n---\n").unwrap();
    let o = Command::new("pandoc")
        .args([
            md.to_str().unwrap(),
            "--citeproc",
            "--csl",
            APA_CSL,
            "--bibliography",
            bibliography.to_str().unwrap(),
            "-t",
            "plain",
            "--wrap=none",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .unwrap()
        .split("\n\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The faults consumers showed, asserted away: a doubled "n.d.", "ed
/// edition", a dropped article number, an access date left as text, and
/// titles a sentence-casing style cannot case.
fn faults_are_gone(
    doc: &Path,
    format: &str,
    a: &citemap::Analysis,
    file: &Path,
    rendered: &[String],
) {
    let name = format!("{} {format}", doc.display());
    let all = rendered.join("\n");
    assert!(!all.contains("n.d.n.d."), "{name}: {all}");
    for bad in ["ed edition", "ed. edition", "edn edition", "edn. edition"] {
        assert!(!all.contains(bad), "{name}: {bad}");
    }
    let written = std::fs::read_to_string(file).unwrap();
    assert!(!written.contains("pubstate = {n.d.}"), "{name}");
    for r in &a.references {
        if let Some(n) = citemap::render::fields::article_number(r) {
            // pandoc's biblatex reader drops `eid`, which biblatex prints.
            if format != "biblatex" {
                assert!(all.contains(n), "{name}: article number {n} rendered");
            }
            let field = match format {
                "csl-json" => format!("\"number\": \"{n}\""),
                "biblatex" => format!("eid = {{{n}}}"),
                _ => format!("pages = {{{n}}}"),
            };
            assert!(written.contains(&field), "{name}: {field}");
        }
        if let Some(iso) = r
            .urldate
            .as_deref()
            .and_then(citemap::render::fields::iso_date)
        {
            let field = match format {
                "csl-json" => "\"accessed\": {\n      \"date-parts\"".to_string(),
                _ => format!("urldate = {{{iso}}}"),
            };
            assert!(written.contains(&field), "{name}: {field} for {}", r.key);
        }
    }
    if format != "csl-json" {
        // Sentence-casing what is not braced gives back a sentence-case
        // title as the list wrote it.
        for r in &a.references {
            let Some(t) = &r.title else { continue };
            if citemap::render::bib::is_title_case(t) {
                continue;
            }
            let cased =
                citemap::render::bib::sentence_cased(&citemap::render::bib::title_chunks(t));
            assert_eq!(&cased, t, "{name}: {}", r.key);
        }
    }
}

#[test]
fn ris_dates_are_years_and_edited_books_are_edbook() {
    let dir = scratch("ris");
    for doc in documents() {
        let file = dir.join(format!("{}.ris", stem(&doc)));
        export(&doc, "ris", &file);
        let ris = std::fs::read_to_string(&file).unwrap();
        for line in ris.lines() {
            if let Some(y) = line.strip_prefix("PY  - ") {
                assert!(
                    y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()),
                    "{}: {line}",
                    doc.display()
                );
            }
            if let Some(d) = line.strip_prefix("Y2  - ") {
                assert!(d.ends_with('/') && d.matches('/').count() == 3, "{line}");
            }
        }
    }
    let ris = std::fs::read_to_string(dir.join("exports.ris")).unwrap();
    assert!(ris.contains("TY  - EDBOOK"), "{ris}");
    assert!(ris.contains("N1  - in press"), "{ris}");
    assert!(ris.contains("Y2  - 2020/03/05/"), "{ris}");
    assert!(ris.contains("ET  - 2\r\n"), "{ris}");
}

#[test]
fn pandoc_renders_the_exports_back_to_the_original_references() {
    if !have("pandoc") {
        return;
    }
    assert!(
        Path::new(APA_CSL).exists(),
        "apa.csl missing (Debian package citation-style-language-styles)"
    );
    let dir = scratch("pandoc");
    let mut all = Vec::new();
    eprintln!(
        "{:<34} {:>8} {:>8} {:>8}",
        "document", "csl-json", "bibtex", "biblatex"
    );
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let a = citemap::analyze(&text, &citemap::Options::default());
        let originals: Vec<String> = a
            .references
            .iter()
            .map(|r| r.text.as_str().to_string())
            .collect();
        let mut row = Vec::new();
        for (format, ext) in [
            ("csl-json", "json"),
            ("bibtex", "bib"),
            ("biblatex", "biblatex.bib"),
        ] {
            let file = dir.join(format!("{}.{ext}", stem(&doc)));
            export(&doc, format, &file);
            let rendered = render(&dir, &file);
            faults_are_gone(&doc, format, &a, &file, &rendered);
            assert_eq!(
                rendered.len(),
                originals.len(),
                "{} {format}: one entry per reference",
                doc.display()
            );
            // Pair each rendered entry with the original it is closest to.
            let f1: f64 = rendered
                .iter()
                .map(|e| originals.iter().map(|o| token_f1(e, o)).fold(0.0, f64::max))
                .sum::<f64>()
                / rendered.len() as f64;
            row.push(f1);
            all.push(f1);
        }
        eprintln!(
            "{:<34} {:>8.3} {:>8.3} {:>8.3}",
            doc.file_name().unwrap().to_string_lossy(),
            row[0],
            row[1],
            row[2]
        );
    }
    let mean = all.iter().sum::<f64>() / all.len() as f64;
    eprintln!("mean token F1 {mean:.3}");
    assert!(mean >= 0.9, "mean token F1 {mean:.3}");
}
