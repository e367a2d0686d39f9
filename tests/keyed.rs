//! Manuscripts that cite by key: LaTeX (natbib and biblatex) and pandoc
//! Markdown, checked against a hand-made library with planted errors, and
//! typed manuscripts checked against the same library. Every file is in
//! `tests/data/keyed/`; every name in it is invented.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/keyed")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn json(args: &[&str]) -> Value {
    let o = run(args);
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// (code, first key) of each finding.
fn findings(v: &Value) -> BTreeSet<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let key = d["keys"]
                .as_array()
                .and_then(|k| k.first())
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            (d["code"].as_str().unwrap().to_string(), key)
        })
        .collect()
}

/// The planted errors, and nothing else: an unknown key with a near miss
/// (suggested), an unknown key with none, a key given twice in the library,
/// a cited article without a journal, and (with the flag) an uncited entry.
fn planted() -> BTreeSet<(String, String)> {
    [
        ("unknown-key", "morris2012"),
        ("unknown-key", ""),
        ("duplicate-key", "lane2016"),
        ("incomplete-reference", "quinn2017"),
        ("uncited-reference", "west1999"),
    ]
    .iter()
    .map(|(c, k)| (c.to_string(), k.to_string()))
    .collect()
}

/// (key, dimension) of each citation.
fn cited(path: &str, extra: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["links", path, "--format", "json"];
    args.extend(extra);
    json(&args)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["key"].as_str().unwrap_or("").to_string(),
                c["dimension"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Checks `path` against the library it names: exactly the planted
/// findings, and the citations' keys in order ("" for an unknown key).
fn planted_and_cited(path: &str, keys: &str) -> Vec<(String, String)> {
    let found = findings(&json(&[
        "check",
        path,
        "--uncited-library",
        "--format",
        "json",
    ]));
    assert_eq!(found, planted(), "{path}");
    let got = cited(path, &[]);
    let want: Vec<&str> = keys
        .split(' ')
        .map(|k| if k == "-" { "" } else { k })
        .collect();
    let have: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(have, want, "{path}");
    got
}

#[test]
fn every_latex_command_form_is_read_and_every_planted_error_found() {
    let tex = data("manuscript.tex");
    // The library is named by \bibliography{library}, next to the file.
    let got = planted_and_cited(
        &tex,
        "morris2012 morris2012 lane2016 lane2016 vale2009 lane2016 lane2016 hale2001 ferris2001 nash2020 vale2009 quinn2017 - vale2009 -",
    );
    let dims: BTreeSet<&str> = got.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(
        dims,
        BTreeSet::from(["introduction", "methods", "discussion"])
    );
    // Notes: natbib's one optional argument is the postnote, two are the
    // prenote and the postnote of the group.
    let a = json(&["analyze", &tex]);
    let c = a["citations"].as_array().unwrap();
    assert_eq!(c[1]["locator"], "p.~4");
    assert_eq!(c[1]["form"], "narrative");
    assert_eq!(
        (c[3]["prefix"].as_str(), c[4]["locator"].as_str()),
        (Some("see"), Some("ch.~2"))
    );
    // The cited library entries are the reference list, in citation
    // order, with the library's line.
    let refs = a["references"].as_array().unwrap();
    assert_eq!(refs[0]["key"], "morris2012");
    assert_eq!(refs[0]["line"], 7);
    assert_eq!(refs[0]["container"], "Water Journal");
}

#[test]
fn every_pandoc_form_is_read_and_every_planted_error_found() {
    let md = data("manuscript.md");
    // The library is named by the YAML header; the address in the text is
    // not a citation.
    planted_and_cited(
        &md,
        "morris2012 morris2012 lane2016 lane2016 vale2009 lane2016 hale2001 ferris2001 nash2020 vale2009 quinn2017 - vale2009 -",
    );
    let a = json(&["analyze", &md]);
    let c = a["citations"].as_array().unwrap();
    assert_eq!(c[1]["text"], "@morris2012 [p. 4]");
    assert_eq!(c[1]["locator"], "p. 4");
    assert_eq!(c[3]["prefix"], "see");
    assert_eq!(c[3]["locator"], "ch. 2");
    assert_eq!(c[5]["text"], "[-@lane2016]");
}

#[test]
fn without_the_flag_uncited_library_entries_are_not_reported() {
    let found = findings(&json(&[
        "check",
        &data("manuscript.md"),
        "--format",
        "json",
    ]));
    assert!(
        !found.iter().any(|(c, _)| c == "uncited-reference"),
        "{found:?}"
    );
}

#[test]
fn bib_exports_the_cited_subset_under_the_librarys_keys() {
    let o = run(&["bib", &data("manuscript.tex"), "--format", "biblatex"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let bib = biblatex::Bibliography::parse(&text).unwrap();
    let keys: BTreeSet<String> = bib.keys().map(str::to_string).collect();
    let want: BTreeSet<String> = [
        "morris2012",
        "lane2016",
        "vale2009",
        "hale2001",
        "ferris2001",
        "nash2020",
        "quinn2017",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(keys, want);
}

#[test]
fn a_typed_manuscript_gets_help_and_mismatches_from_the_library() {
    let v = json(&[
        "check",
        &data("authordate.txt"),
        "--bib",
        &data("library.bib"),
        "--format",
        "json",
    ]);
    let list = v.as_array().unwrap();
    // Hale (2001) is not in the list; the library has it.
    let hale = list
        .iter()
        .find(|d| d["code"] == "unresolved-citation")
        .expect("unresolved");
    let help = hale["help"].as_str().unwrap();
    assert!(
        help.contains("hale2001") && help.contains("library.bib:35"),
        "{help}"
    );
    // The list dates Morris and Quill 2011 with its citation; the library
    // has 2012: the citation is fine, the entry disagrees with the library.
    let m = list
        .iter()
        .find(|d| d["code"] == "library-mismatch")
        .expect("mismatch");
    let msg = m["message"].as_str().unwrap();
    assert!(msg.contains("year 2011 here, 2012 there"), "{msg}");
    let codes: BTreeSet<&str> = list.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        BTreeSet::from(["unresolved-citation", "library-mismatch"])
    );
}

#[test]
fn csl_json_and_ris_libraries_link_the_same_keys() {
    let dir = scratch("keyed-formats");
    let json_lib = dir.join("lib.json");
    std::fs::write(
        &json_lib,
        r#"[{"id": "morris2012", "type": "article-journal", "title": "Floods",
            "author": [{"family": "Morris", "given": "Tana"}],
            "issued": {"date-parts": [[2012]]}, "container-title": "Water Journal"}]"#,
    )
    .unwrap();
    let ris_lib = dir.join("lib.ris");
    std::fs::write(
        &ris_lib,
        "TY  - JOUR\nID  - morris2012\nAU  - Morris, Tana\nPY  - 2012\nTI  - Floods\nT2  - Water Journal\nER  - \n",
    )
    .unwrap();
    let doc = dir.join("doc.md");
    std::fs::write(
        &doc,
        "# One\n\nFloods happen [@morris2012].\n\n# Two\n\nAgain \\citep{morris2012}.\n",
    )
    .unwrap();
    for lib in [&json_lib, &ris_lib] {
        let got = cited(doc.to_str().unwrap(), &["--bib", lib.to_str().unwrap()]);
        assert_eq!(
            got,
            [
                ("morris2012".to_string(), "one".to_string()),
                ("morris2012".to_string(), "two".to_string())
            ],
            "{lib:?}"
        );
    }
}

#[test]
fn a_broken_library_is_an_error_naming_its_line_and_nothing_is_written() {
    let dir = scratch("keyed-broken");
    let out = dir.join("out.json");
    let o = run(&[
        "check",
        &data("manuscript.md"),
        "--bib",
        &data("broken.bib"),
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("broken.bib") && err.contains("line 3"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn a_library_named_outside_the_documents_folder_is_refused() {
    let dir = scratch("keyed-outside");
    let doc = dir.join("doc.md");
    std::fs::write(
        &doc,
        "---\nbibliography: ../elsewhere.bib\n---\n\n# One\n\nText [@a].\n",
    )
    .unwrap();
    let o = run(&["check", doc.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--bib-outside"));
}

/// Pandoc's Word output of the Markdown manuscript keeps the citations as
/// written; LaTeX through pandoc's citeproc is author-date Word with a
/// reference list. Both give the manuscript's dimensions.
#[test]
fn word_files_that_pandoc_writes_give_the_same_dimensions() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI needs pandoc");
        eprintln!("pandoc missing: Word renderings not read");
        return;
    }
    let dir = scratch("keyed-docx");
    let lib = data("library.bib");
    let md_docx = dir.join("md.docx");
    let o = Command::new("pandoc")
        .args([&data("manuscript.md"), "-o", md_docx.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        cited(md_docx.to_str().unwrap(), &["--bib", &lib]),
        cited(&data("manuscript.md"), &[])
    );
    let tex_docx = dir.join("tex.docx");
    let o = Command::new("pandoc")
        .args([
            &data("manuscript.tex"),
            "--citeproc",
            "--bibliography",
            &lib,
            "-M",
            "reference-section-title=References",
            "-o",
            tex_docx.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dims = |path: &str| -> Vec<String> {
        json(&["analyze", path])["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["heading"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        dims(tex_docx.to_str().unwrap()),
        dims(&data("manuscript.tex"))
    );
    // Rendered by citeproc, the citations are typed and link to the
    // printed list.
    let linked = cited(tex_docx.to_str().unwrap(), &[]);
    assert!(
        linked.iter().filter(|(k, _)| !k.is_empty()).count() >= 8,
        "{linked:?}"
    );
}

#[test]
fn a_latex_list_of_its_own_answers_its_keys() {
    let tex = data("thebibliography.tex");
    let got = cited(&tex, &[]);
    assert_eq!(
        got,
        [
            ("morris2012floods".to_string(), "introduction".to_string()),
            ("lane2016rain".to_string(), "introduction".to_string()),
            ("lane2016rain".to_string(), "results".to_string()),
            (String::new(), "results".to_string()),
        ]
    );
    let found = findings(&json(&["check", &tex, "--format", "json"]));
    assert_eq!(
        found,
        BTreeSet::from([("unknown-key".to_string(), String::new())])
    );
}
