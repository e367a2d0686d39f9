//! `check --fix` and `--diff`: the safe fixes, applied or shown, never to
//! the original without `--force`, and idempotent. Neutral, hand-made text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");

const DOC: &str = "Introduction

Rivers rise (Okafor and Lind, 2010). As Okafor & Lind (2010) say, lakes dry (Berg, 2015).

References

Berg, K. (2015a). One lake. Water Journal, 1, 1–2.
Berg, K., & Park, M. (2015b). Two lakes. Water Journal, 2, 3–4.
Okafor, J., & Lind, K. (2010). A book AuQ2 of rivers. Sage.
";

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

/// A fresh folder holding `doc.txt` with [`DOC`]; returns the folder and
/// the document's path as a string.
fn scratch(name: &str) -> (PathBuf, String) {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let doc = d.join("doc.txt");
    std::fs::write(&doc, DOC).unwrap();
    let doc = doc.to_str().unwrap().to_string();
    (d, doc)
}

const FIXED: &str = "Introduction

Rivers rise (Okafor & Lind, 2010). As Okafor and Lind (2010) say, lakes dry (Berg, 2015a).

References

Berg, K. (2015a). One lake. Water Journal, 1, 1–2.
Berg, K., & Park, M. (2015b). Two lakes. Water Journal, 2, 3–4.
Okafor, J., & Lind, K. (2010). A book of rivers. Sage.
";

#[test]
fn diff_shows_every_safe_fix_and_changes_nothing() {
    let (_, doc) = scratch("fix-diff");
    let o = run(&["check", &doc, "--diff"]);
    assert_eq!(o.status.code(), Some(1));
    let diff = String::from_utf8(o.stdout).unwrap();
    assert!(
        diff.contains("-Rivers rise (Okafor and Lind, 2010)"),
        "{diff}"
    );
    assert!(diff.contains("+Rivers rise (Okafor & Lind, 2010). As Okafor and Lind (2010) say, lakes dry (Berg, 2015a)."), "{diff}");
    assert!(
        diff.contains("+Okafor, J., & Lind, K. (2010). A book of rivers. Sage."),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), DOC);
}

#[test]
fn fix_never_touches_the_original_without_force() {
    let (d, doc) = scratch("fix-refuse");
    let o = run(&["check", &doc, "--fix"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), DOC);
    // -o writes a fixed copy and leaves the original as it was.
    let copy = d.join("fixed.txt");
    let o = run(&["check", &doc, "--fix", "-o", copy.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), FIXED);
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), DOC);
    // An existing copy is not replaced without --force.
    let o = run(&["check", &doc, "--fix", "-o", copy.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn fix_in_place_with_force_is_idempotent() {
    let (_, doc) = scratch("fix-force");
    let o = run(&["check", &doc, "--fix", "--force", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), FIXED);
    // What remains is reported, and nothing is left to fix.
    let left: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        left.as_array()
            .unwrap()
            .iter()
            .all(|d| d.get("fix").is_none()),
        "{left}"
    );
    let o = run(&["check", &doc, "--diff"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    let o = run(&["check", &doc, "--fix", "--force"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), FIXED);
}

#[test]
fn json_and_sarif_carry_each_fix_as_edits() {
    let (_, doc) = scratch("fix-json");
    let o = run(&["check", &doc, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut fixed = DOC.to_string();
    let mut edits: Vec<(usize, usize, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.get("fix"))
        .flat_map(|f| f["edits"].as_array().unwrap().clone())
        .map(|e| {
            (
                e["byte_start"].as_u64().unwrap() as usize,
                e["byte_end"].as_u64().unwrap() as usize,
                e["replacement"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(edits.len(), 4);
    // Applied from the end, the edits give the fixed document.
    edits.sort();
    for (a, b, r) in edits.into_iter().rev() {
        fixed.replace_range(a..b, &r);
    }
    assert_eq!(fixed, FIXED);
    let o = run(&["check", &doc, "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let with_fixes = results.iter().filter(|r| r.get("fixes").is_some()).count();
    assert_eq!(with_fixes, 4);
    let r = &results.iter().find(|r| r.get("fixes").is_some()).unwrap()["fixes"][0];
    assert!(r["artifactChanges"][0]["replacements"][0]["deletedRegion"]["byteOffset"].is_u64());
}

#[test]
fn structured_documents_are_not_edited() {
    let (d, _) = scratch("fix-structured");
    let doc = d.join("doc.html");
    std::fs::write(&doc, "<h1>Intro</h1><p>Rivers (Okafor and Lind, 2010).</p>").unwrap();
    let o = run(&["check", doc.to_str().unwrap(), "--diff"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("plain text and Markdown"));
}
