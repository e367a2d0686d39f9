//! `citemap check`: outputs (snapshots, SARIF's required fields), exit
//! codes and settings.

use citemap::check::{CheckOptions, Style, check};
use citemap::render::diagnostics;
use citemap::{Options, analyze};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_citemap");

/// A small document with one finding of each common kind.
const DOC: &str = "\
Introduction

Sedges are diverse (Barrett, 2007a; Barrett, 2007). Their anatomy is known (Bruhl & Wilson, 2008).
Smyth & Jones (2010) disagree, and so does Lee (2001). About 40% of species are rare.

References

Barrett, R. L. (2007a). New species. Nuytsia, 17, 37–60.
Barrett, R. L. (2007b). Other species. Nuytsia, 17, 61–66.
Bruhl, J. J., & Wilson, K. L. (2007). Towards a survey. Aliso, 23, 99–148.
AuQ3 Abel, R. (1994). The cinema. University of California Press.
Smith, J., & Jones, K. (2010). A book. Sage.
";

fn findings() -> (citemap::Analysis, Vec<citemap::check::Diagnostic>) {
    let a = analyze(DOC, &Options::default());
    let d = check(
        &a,
        &CheckOptions {
            style: Style::Apa7,
            current_year: 2026,
            ..Default::default()
        },
    );
    (a, d)
}

#[test]
fn human_output_snapshot() {
    let (a, d) = findings();
    let mut out = Vec::new();
    diagnostics::human(&d, &a.source, "doc.txt", false, &mut out).unwrap();
    insta::assert_snapshot!("human", String::from_utf8(out).unwrap());
}

#[test]
fn json_output_snapshot_and_fields() {
    let (a, d) = findings();
    let mut out = Vec::new();
    diagnostics::json(&d, &a.source, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for f in v.as_array().unwrap() {
        for k in [
            "code",
            "severity",
            "message",
            "line",
            "column",
            "byte_start",
            "byte_end",
            "keys",
        ] {
            assert!(f.get(k).is_some(), "{k} in {f}");
        }
        let (s, e) = (
            f["byte_start"].as_u64().unwrap() as usize,
            f["byte_end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= DOC.len());
    }
    insta::assert_snapshot!("json", text);
}

#[test]
fn sarif_has_the_schemas_required_fields() {
    let (a, d) = findings();
    let mut out = Vec::new();
    diagnostics::sarif(&d, &a.source, "doc.txt", &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Required by SARIF 2.1.0: log.version, log.runs; run.tool.driver.name;
    // result.message (with text); rules have an id.
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "citemap");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["id"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), d.len());
    for r in results {
        assert!(r["message"]["text"].is_string());
        let id = r["ruleId"].as_str().unwrap();
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], id, "ruleIndex points at the rule");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "doc.txt"
        );
    }
    insta::assert_snapshot!("sarif", text);
}

#[test]
fn the_expected_codes_at_the_expected_lines() {
    let (a, d) = findings();
    let got: Vec<(&str, usize)> = d
        .iter()
        .map(|x| (x.code.name(), a.source.line_col(x.span.start).0))
        .collect();
    for want in [
        ("missing-year-suffix", 3),
        ("year-mismatch", 3),
        ("name-mismatch", 4),
        ("unresolved-citation", 4),
        ("parenthetical-ampersand", 4),
        ("proof-marker", 11),
        ("reference-order", 11),
        ("uncited-reference", 11),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_style_comes_from_the_reference_list_unless_given() {
    let d = scratch("check-style");
    let doc = d.join("harvard.txt");
    std::fs::write(
        &doc,
        "Intro\n\nText (Smith and Jones, 2010; Brown, 2011).\n\nReferences\n\nBrown, A. (2011) Another book. Oxford: OUP.\nSmith, J. and Jones, K. (2010) A book. London: Sage.\n",
    )
    .unwrap();
    let codes = |args: &[&str]| -> Vec<String> {
        let o = Command::new(BIN)
            .arg("check")
            .arg(&doc)
            .args(["--format", "json", "--no-config"])
            .args(args)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    // Harvard joins authors with "and" in parentheses; APA wants "&".
    assert!(!codes(&[]).contains(&"parenthetical-ampersand".to_string()));
    assert!(codes(&["--style", "apa7"]).contains(&"parenthetical-ampersand".to_string()));
}

#[test]
fn exit_codes_follow_the_deny_level() {
    let d = scratch("check-exit");
    let doc = d.join("doc.txt");
    std::fs::write(&doc, DOC).unwrap();
    let run = |args: &[&str]| {
        Command::new(BIN)
            .arg("check")
            .arg(&doc)
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(1), "errors found");
    let clean = d.join("clean.txt");
    std::fs::write(&clean, "Intro\n\nText (Abel, 1994).\n\nReferences\n\nAbel, R. (1994). The cinema. University of California Press.\n").unwrap();
    let o = Command::new(BIN)
        .args(["check", clean.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = Command::new(BIN)
        .args(["check", clean.to_str().unwrap(), "--deny", "note"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    // Allowing every error-level code found leaves warnings only.
    let all_allowed = run(&[
        "--allow",
        "missing-year-suffix",
        "--allow",
        "ambiguous-citation",
        "--allow",
        "year-mismatch",
        "--allow",
        "unresolved-citation",
        "--allow",
        "proof-marker",
    ]);
    assert_eq!(
        all_allowed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&all_allowed.stdout)
    );
    assert_eq!(run(&["--deny", "bogus"]).status.code(), Some(2));
    let o = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 8);
}

#[test]
fn sarif_validates_against_the_2_1_0_schema_with_rule_metadata() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("the vendored schema compiles");
    let (a, d) = findings();
    let mut out = Vec::new();
    diagnostics::sarif(&d, &a.source, "doc.txt", &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema does not require rule metadata; code-scanning tools show it.
    for r in v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        assert!(r["fullDescription"]["text"].as_str().unwrap().len() > 20);
        assert!(
            r["helpUri"]
                .as_str()
                .unwrap()
                .ends_with(&format!("README.md#{id}")),
            "{r}"
        );
    }
    // A fix's shape is schema-valid too.
    let fixed = citemap::analyze(
        "Intro\n\nRoots store carbon (Berg, 2015).\n\nReferences\n\nBerg, A. (2015). Roots AQ2 and soil. Journal of Soils, 4(2), 1–9. doi:10.1000/x.1\n",
        &Options::default(),
    );
    let d = check(&fixed, &CheckOptions::default());
    assert!(d.iter().any(|d| d.fix.is_some()));
    let mut out = Vec::new();
    diagnostics::sarif(&d, &fixed.source, "doc.txt", &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(validator.is_valid(&v));
}

#[test]
fn every_code_has_its_readme_section_as_explain_writes_it() {
    // SARIF's helpUri points at these sections; `citemap explain --format md
    // --all` prints them, and the README holds the same text.
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut section = Vec::new();
    citemap::render::explain::readme_section(&mut section).unwrap();
    let section = String::from_utf8(section).unwrap();
    assert!(
        readme.contains(section.trim()),
        "README.md's section on codes differs from `citemap explain --all --format md`; paste that output in"
    );
    for c in citemap::check::CODES {
        assert!(readme.contains(&format!("#### `{}`", c.name)), "{}", c.name);
    }
}

#[test]
fn concise_github_and_junit_snapshots() {
    let (a, d) = findings();
    let render = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    };
    let concise = render(&|w| diagnostics::concise(&d, &a.source, "doc.txt", w).unwrap());
    assert_eq!(concise.lines().count(), d.len());
    insta::assert_snapshot!("concise", concise);
    let github = render(&|w| diagnostics::github(&d, &a.source, "doc, 1.txt", w).unwrap());
    for l in github.lines() {
        assert!(
            l.starts_with("::error file=doc%2C 1.txt,line=")
                || l.starts_with("::warning file=doc%2C 1.txt,line=")
                || l.starts_with("::notice file=doc%2C 1.txt,line="),
            "{l}"
        );
    }
    insta::assert_snapshot!("github", github);
    let junit = render(&|w| {
        w.extend_from_slice(diagnostics::JUNIT_HEAD.as_bytes());
        diagnostics::junit_suite(&d, &a.source, "doc.txt", &mut *w).unwrap();
        w.extend_from_slice(diagnostics::JUNIT_TAIL.as_bytes());
    });
    // Parsed back: one failed test case a finding, in one suite.
    let mut reader = quick_xml::Reader::from_str(&junit);
    let (mut cases, mut failures, mut suites) = (0, 0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().0 {
                    "testsuite" => suites += 1,
                    "testcase" => cases += 1,
                    "failure" => failures += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!((suites, cases, failures), (1, d.len(), d.len()));
    insta::assert_snapshot!("junit", junit);
}

#[test]
fn junit_of_several_documents_is_one_report_and_a_clean_one_passes() {
    let d = scratch("check-junit");
    std::fs::write(d.join("a.txt"), DOC).unwrap();
    std::fs::write(
        d.join("b.txt"),
        "Intro\n\nRoots store carbon (Berg, 2015).\n\nReferences\n\nBerg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.\n",
    )
    .unwrap();
    let o = Command::new(BIN)
        .args(["check", "--no-config", "--format", "junit"])
        .arg(&d)
        .output()
        .unwrap();
    let xml = String::from_utf8(o.stdout).unwrap();
    assert_eq!(xml.matches("<testsuites").count(), 1, "{xml}");
    assert_eq!(xml.matches("<testsuite ").count(), 2, "{xml}");
    assert!(xml.contains("b.txt\" tests=\"1\" failures=\"0\""), "{xml}");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn settings_come_from_the_nearest_citemap_toml() {
    let d = scratch("check-config");
    let sub = d.join("chapters");
    std::fs::create_dir_all(&sub).unwrap();
    let doc = sub.join("doc.txt");
    std::fs::write(&doc, DOC).unwrap();
    std::fs::write(
        d.join("citemap.toml"),
        "[check]\nstyle = \"apa6\"\nallow = [\"missing-year-suffix\", \"ambiguous-citation\", \"year-mismatch\", \"unresolved-citation\", \"proof-marker\"]\ndeny = [\"warning\"]\n",
    )
    .unwrap();
    let o = Command::new(BIN)
        .args(["check", doc.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"proof-marker"), "{codes:?}");
    assert_eq!(
        o.status.code(),
        Some(1),
        "warnings fail under deny = warning"
    );
    let o = Command::new(BIN)
        .args(["check", doc.to_str().unwrap(), "--no-config"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("proof-marker"));
    std::fs::write(d.join("citemap.toml"), "[check]\nstyle = \"mla\"\n").unwrap();
    let o = Command::new(BIN)
        .args(["check", doc.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown style"));
}

#[test]
fn no_colour_when_not_a_terminal_or_no_color_is_set() {
    let d = scratch("check-color");
    let doc = d.join("doc.txt");
    std::fs::write(&doc, DOC).unwrap();
    let o = Command::new(BIN)
        .args(["check", doc.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        !o.stdout.contains(&0x1b),
        "piped output has no escape codes"
    );
    let o = Command::new(BIN)
        .args(["check", doc.to_str().unwrap(), "--color", "always"])
        .output()
        .unwrap();
    assert!(o.stdout.contains(&0x1b));
}
