//! Batch mode: folders walked, documents read in parallel, output in input
//! order and the same with any number of threads, failures named without
//! stopping the rest, and one report across documents.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("CI")
        .output()
        .expect("run citemap")
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const FAMILIES: [&str; 6] = [
    "Lindqvist",
    "Okonjo",
    "Ferreira",
    "Halvorsen",
    "Moreau",
    "Tanaka",
];

/// A short article whose sections cite two works of `FAMILIES` and one
/// work that every chapter shares.
fn chapter(n: usize) -> String {
    let a = FAMILIES[n % FAMILIES.len()];
    let b = FAMILIES[(n + 1) % FAMILIES.len()];
    let y = 1990 + n;
    format!(
        "Chapter {n}\n\n1. Introduction\n\nTrade routes shaped the coastal towns ({a}, {y}). \
         Harbour records agree with this account (Common, 2001).\n\n2. Methods\n\n\
         We followed the survey design of {b} ({y}) in every district.\n\n\
         References\n\n\
         {a}, P. ({y}). Coastal towns and their trade. Journal of Maritime History, 12(3), 45-67.\n\
         {b}, R. ({y}). Survey design for districts. Field Methods Press.\n\
         Common, C. (2001). Harbour records of the north. Archive Studies, 4, 1-20.\n"
    )
}

/// A folder of `n` chapters, a file that is not a document, and one that
/// .gitignore leaves out.
fn book(name: &str, n: usize) -> PathBuf {
    let d = scratch(name);
    for i in 0..n {
        std::fs::write(d.join(format!("ch{i:02}.txt")), chapter(i)).unwrap();
    }
    std::fs::write(d.join("notes.log"), "not a document").unwrap();
    std::fs::write(d.join("draft.txt"), chapter(99)).unwrap();
    std::fs::write(d.join(".gitignore"), "draft.txt\n").unwrap();
    d
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn a_folder_gives_one_json_line_a_document_in_path_order() {
    let d = book("batch-lines", 3);
    let o = run(&["analyze", d.to_str().unwrap(), "--format", "jsonl"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<serde_json::Value> = text(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let paths: Vec<String> = lines
        .iter()
        .map(|l| {
            let p = PathBuf::from(l["path"].as_str().unwrap());
            p.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    assert_eq!(paths, ["ch00.txt", "ch01.txt", "ch02.txt"]);
    for l in &lines {
        let a = &l["analysis"];
        assert_eq!(a["references"].as_array().unwrap().len(), 3);
        assert_eq!(a["citations"].as_array().unwrap().len(), 3);
    }
    // No progress bar when stderr is not a terminal.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn output_is_byte_identical_with_one_thread_and_with_many() {
    let d = book("batch-threads", 14);
    let dir = d.to_str().unwrap();
    for args in [
        vec!["analyze", dir, "--format", "jsonl"],
        vec!["analyze", dir],
        vec!["check", dir, "--format", "json"],
        vec!["links", dir],
        vec!["report", dir],
        vec!["bib", dir],
    ] {
        let one = run(&[args.as_slice(), &["-j", "1"]].concat());
        let many = run(&[args.as_slice(), &["-j", "4"]].concat());
        assert!(!one.stdout.is_empty(), "{args:?}");
        assert_eq!(one.stdout, many.stdout, "{args:?}");
        assert_eq!(one.status.code(), many.status.code(), "{args:?}");
    }
}

#[test]
fn a_failed_document_is_named_and_the_others_still_come_out() {
    let d = book("batch-failure", 2);
    std::fs::write(d.join("broken.txt"), b"Text \xff\xfe more").unwrap();
    let o = run(&["analyze", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.txt"), "{err}");
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(all.len(), 3);
    let failed: Vec<&serde_json::Value> = all.iter().filter(|o| o.get("error").is_some()).collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["path"].as_str().unwrap().ends_with("broken.txt"));
    assert_eq!(
        all.iter().filter(|o| o.get("analysis").is_some()).count(),
        2
    );
    // A missing file among named files is the same.
    let missing = d.join("missing.txt");
    let ch = d.join("ch00.txt");
    let o = run(&["links", ch.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt"));
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(o.stdout.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r[0].ends_with("ch00.txt")));
}

#[test]
fn globs_choose_the_files_of_a_folder() {
    let d = book("batch-globs", 3);
    std::fs::write(d.join("extra.md"), chapter(7)).unwrap();
    let count = |extra: &[&str]| {
        let o = run(&[
            &["analyze", d.to_str().unwrap(), "--format", "jsonl"],
            extra,
        ]
        .concat());
        text(&o).lines().count()
    };
    assert_eq!(count(&[]), 4);
    assert_eq!(count(&["--glob", "*.md"]), 1);
    assert_eq!(count(&["--glob", "!ch00*"]), 3);
    assert_eq!(count(&["--no-ignore"]), 5);
    let o = run(&["analyze", d.to_str().unwrap(), "--glob", "*.none"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no documents"));
}

#[test]
fn one_report_across_documents_names_the_works_they_share() {
    let d = book("batch-report", 3);
    let o = run(&["report", d.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sources = r["sources"].as_array().unwrap();
    // Common (2001) is one work across the three chapters; each chapter's
    // two others carry its own year, so they are six distinct works.
    assert_eq!(sources.len(), 7, "{sources:#?}");
    let common = sources
        .iter()
        .find(|s| s["raw"].as_str().unwrap().starts_with("Common"))
        .unwrap();
    assert_eq!(common["documents"], 3);
    assert_eq!(common["count"], 3);
    let keys: std::collections::HashSet<&str> =
        sources.iter().map(|s| s["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys.len(),
        sources.len(),
        "keys are unique across documents"
    );
    let dims = r["dimensions"].as_array().unwrap();
    assert!(dims.iter().all(|d| d["document"].is_string()));
    assert_eq!(r["totals"]["citations"], 9);
    let md = text(&run(&["report", d.to_str().unwrap()]));
    assert!(md.contains("## Works cited in several documents"), "{md}");
    let html = run(&["report", d.to_str().unwrap(), "--format", "html"]);
    assert_eq!(html.status.code(), Some(2));
}

#[test]
fn sarif_across_documents_is_one_log_with_every_documents_results() {
    let d = book("batch-sarif", 2);
    // An uncited reference in each chapter gives each a finding.
    for i in 0..2 {
        let p = d.join(format!("ch{i:02}.txt"));
        let t = std::fs::read_to_string(&p).unwrap()
            + "Unused, U. (1999). Never cited here. Some Journal, 1, 1-2.\n";
        std::fs::write(&p, t).unwrap();
    }
    let o = run(&["check", d.to_str().unwrap(), "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let uris: std::collections::BTreeSet<String> = runs[0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let u = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            Path::new(u)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        uris.into_iter().collect::<Vec<_>>(),
        ["ch00.txt", "ch01.txt"]
    );
}

#[test]
fn refs_of_several_files_start_each_line_with_its_path() {
    let d = scratch("batch-refs");
    let a = d.join("a.txt");
    let b = d.join("b.txt");
    std::fs::write(
        &a,
        "Lindqvist, P. (1999). Coastal towns. Journal of Trade, 3, 1-9.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Okonjo, R. (2004). Survey design. Field Press.\nMoreau, A. (2010). Harbours. Port Review, 2(1), 5-8.\n",
    )
    .unwrap();
    let o = run(&["refs", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = text(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files: Vec<bool> = lines
        .iter()
        .map(|l| l["path"].as_str().unwrap().ends_with("a.txt"))
        .collect();
    assert_eq!(files, [true, false, false]);
    assert_eq!(lines[2]["year"], "2010");
}
