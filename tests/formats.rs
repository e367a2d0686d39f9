//! Structured inputs: Word (as LibreOffice and pandoc write it),
//! OpenDocument, HTML and LaTeX give the dimensions and citations their
//! Markdown gives; damaged, encrypted and oversized packages are refused
//! with exit 2 and nothing written; scripts and outside inputs never get in.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");
const MD: &str = "tests/data/formats/rivers.md";
const LIBREOFFICE: &str = "tests/data/formats/libreoffice.docx";

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run citemap")
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn analysis(path: &str) -> serde_json::Value {
    let o = run(&["analyze", path]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// (dimension heading, citation text, linked) for each citation.
fn cites(path: &str) -> Vec<(String, String, bool)> {
    let a = analysis(path);
    let heading = |id: &serde_json::Value| {
        a["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == *id)
            .map_or(String::new(), |d| {
                d["heading"].as_str().unwrap().to_string()
            })
    };
    a["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                heading(&c["dimension"]),
                c["text"].as_str().unwrap().to_string(),
                !c["key"].is_null(),
            )
        })
        .collect()
}

fn refused(o: &Output, what: &str) {
    assert_eq!(o.status.code(), Some(2), "{what}");
    assert!(o.stdout.is_empty(), "{what}: wrote {:?}", o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(what), "{err}");
}

#[test]
fn a_docx_that_libreoffice_wrote_reads_like_its_markdown() {
    let want = cites(MD);
    assert_eq!(want.len(), 5);
    assert!(want.iter().all(|c| c.2), "{want:?}");
    let dims: Vec<&str> = want.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        dims,
        [
            "Introduction",
            "Introduction",
            "Trade on the water",
            "Trade on the water",
            "Conclusion"
        ]
    );
    assert_eq!(cites(LIBREOFFICE), want);
}

#[test]
fn what_pandoc_writes_reads_like_its_markdown() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI needs pandoc");
        eprintln!("pandoc missing: renderings not read");
        return;
    }
    let dir = scratch("formats-pandoc");
    let want = cites(MD);
    for ext in ["docx", "odt", "html", "tex"] {
        let out = dir.join(format!("rivers.{ext}"));
        let o = Command::new("pandoc")
            .args(["-s", "--metadata", "title=Rivers", MD, "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(cites(out.to_str().unwrap()), want, "{ext}");
    }
}

#[test]
fn outline_gives_levels_and_reasons_and_dimension_level_moves_the_dimensions() {
    let o = run(&["outline", LIBREOFFICE, "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hs = v["headings"].as_array().unwrap();
    let levels: Vec<u64> = hs.iter().map(|h| h["level"].as_u64().unwrap()).collect();
    assert_eq!(levels, [0, 1, 1, 2, 2, 1]);
    assert!(hs.iter().all(|h| !h["reason"].as_str().unwrap().is_empty()));
    assert_eq!(hs[3]["paragraph"], 5);
    let o = run(&[
        "links",
        LIBREOFFICE,
        "--dimension-level",
        "2",
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    let links: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dims: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["dimension"].as_str())
        .collect();
    assert_eq!(dims, ["barges-and-ports", "tolls"]);
    let o = run(&["analyze", MD, "--dimension-level", "9"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn damaged_encrypted_and_oversized_packages_are_refused_and_nothing_is_written() {
    let dir = scratch("formats-bad");
    let bad = dir.join("damaged.docx");
    std::fs::write(&bad, b"PK\x03\x04 this is not a zip at all").unwrap();
    refused(&run(&["analyze", bad.to_str().unwrap()]), "damaged");
    let out = dir.join("report.html");
    let o = run(&[
        "report",
        bad.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());

    // Office saves a password-protected document as a compound file.
    let cfb = dir.join("protected.docx");
    std::fs::write(&cfb, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    refused(&run(&["analyze", cfb.to_str().unwrap()]), "encrypted");

    // A zip whose entries say they are encrypted.
    let mut z = std::fs::read(LIBREOFFICE).unwrap();
    let mut k = 0;
    while k + 10 < z.len() {
        if z[k..k + 4] == *b"PK\x03\x04" {
            z[k + 6] |= 1;
        } else if z[k..k + 4] == *b"PK\x01\x02" {
            z[k + 8] |= 1;
        }
        k += 1;
    }
    let enc = dir.join("encrypted.docx");
    std::fs::write(&enc, &z).unwrap();
    refused(&run(&["analyze", enc.to_str().unwrap()]), "encrypted");

    // A zip bomb: a small file that decompresses past the cap.
    let bomb = dir.join("bomb.docx");
    {
        let f = std::fs::File::create(&bomb).unwrap();
        let mut w = zip::ZipWriter::new(f);
        w.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true),
        )
        .unwrap();
        let block = vec![b' '; 1 << 20];
        for _ in 0..(citemap::input::extract::MAX_PART >> 20) + 2 {
            w.write_all(&block).unwrap();
        }
        w.finish().unwrap();
    }
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    refused(&run(&["analyze", bomb.to_str().unwrap()]), "zip bomb");
}

#[test]
fn scripts_in_html_are_never_read_nor_echoed() {
    let dir = scratch("formats-html");
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><script>alert('head')</script></head><body>\
         <h1>Introduction</h1><p>Towns grow (Abbot, 2001).<script>alert('body')</script> \
         A tag as text: &lt;script&gt;evil()&lt;/script&gt;.</p><h1>End</h1><p>More (Abbot, 2001).</p>\
         <h1>References</h1><p>Abbot, A. (2001). River towns. <i>Journal</i>, 1, 1–2.</p>\
         <img src=x onerror=\"alert('img')\"></body></html>",
    )
    .unwrap();
    let o = run(&["report", page.to_str().unwrap(), "--format", "html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(!html.contains("alert("), "a script got into the report");
    assert!(!html.contains("<script>evil"));
    let o = run(&["extract", page.to_str().unwrap()]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("<script>evil()</script>") && !text.contains("alert"));
    assert_eq!(cites(page.to_str().unwrap()).len(), 2);
}

#[test]
fn latex_inputs_stay_inside_the_document_folder() {
    let dir = scratch("formats-latex");
    let doc = dir.join("paper");
    std::fs::create_dir(&doc).unwrap();
    std::fs::write(dir.join("outside.tex"), "Outside secret text.\n").unwrap();
    std::fs::write(
        doc.join("intro.tex"),
        "\\section{Introduction}\nTowns grow (Abbot, 2001).\n",
    )
    .unwrap();
    std::fs::write(
        doc.join("main.tex"),
        "\\documentclass{article}\\begin{document}\n\\input{intro}\n\\input{../outside}\n\
         \\section{End}\nMore (Abbot, 2001).\n\\begin{thebibliography}{1}\n\
         \\bibitem{a} Abbot, A. (2001). River towns. \\emph{Journal}, 1, 1--2.\n\
         \\end{thebibliography}\\end{document}\n",
    )
    .unwrap();
    let main = doc.join("main.tex");
    let o = run(&["extract", main.to_str().unwrap()]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("# Introduction") && !text.contains("secret"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("../outside"));
    let c = cites(main.to_str().unwrap());
    assert_eq!(c.len(), 2);
    assert!(c.iter().all(|x| x.2));
}
