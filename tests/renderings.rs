//! Every development article in every style, clean and damaged, scored
//! against a committed baseline: a change may raise a figure, never lower
//! it. Like hayagriva's list of passing CSL tests, the baseline tracks
//! progress both ways: when a figure rises, the test says so, and the
//! baseline should be raised with it (`tests/renderings_baseline.json`).
//! A second test renders random reference records with the generator's
//! own APA 7, Harvard and Chicago renderers, and the Springer and
//! Elsevier Harvard renderers of `tests/synthetic.py`'s own, and holds
//! every figure near 1.
//!
//! Needs `../shared/dev` and python3; without them the test says so and
//! passes, except under CI.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

type Scores = BTreeMap<String, BTreeMap<String, f64>>;

/// True when `../shared/dev` and python3 are at hand; CI must have them.
fn can_score(what: &str) -> bool {
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if Path::new("../shared/dev/make_docs.py").exists() && python {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs ../shared/dev and python3"
    );
    eprintln!("../shared/dev or python3 missing: {what} not scored");
    false
}

/// Runs `tests/SCRIPT` (the binary, `../shared`, a work folder) and reads
/// the scores it prints; `None` when the inputs are missing.
fn scores(script: &str, what: &str) -> Option<Scores> {
    if !can_score(what) {
        return None;
    }
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join(script.trim_end_matches(".py"));
    std::fs::create_dir_all(&work).unwrap();
    let o = Command::new("python3")
        .arg(Path::new("tests").join(script))
        .args([env!("CARGO_BIN_EXE_citemap"), "../shared"])
        .arg(&work)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

/// Fails when a figure of `now` falls below the committed `baseline`
/// file; says when one rises, so that the baseline is raised with it.
fn hold_to_baseline(now: &Scores, baseline: &str) {
    let base: Scores = serde_json::from_str(&std::fs::read_to_string(baseline).unwrap()).unwrap();
    let mut worse = Vec::new();
    for (doc, metrics) in &base {
        let Some(got) = now.get(doc) else {
            worse.push(format!("{doc}: not rendered"));
            continue;
        };
        for (m, &b) in metrics {
            let g = got.get(m).copied().unwrap_or(0.0);
            if g + 1e-9 < b {
                worse.push(format!("{doc} {m}: {g:.3} < {b:.3}"));
            } else if g > b + 0.001 {
                eprintln!("{doc} {m}: {g:.3} > baseline {b:.3}; raise {baseline}");
            }
        }
    }
    assert!(worse.is_empty(), "below {baseline}:\n{}", worse.join("\n"));
}

#[test]
fn no_figure_falls_below_the_baseline() {
    let Some(now) = scores("renderings.py", "renderings") else {
        return;
    };
    hold_to_baseline(&now, "tests/renderings_baseline.json");
}

#[test]
fn random_records_in_each_style_parse_back() {
    let Some(scores) = scores("synthetic.py", "synthetic records") else {
        return;
    };
    assert_eq!(
        scores.len(),
        15,
        "one row per style (APA 7, Harvard, Chicago, Springer, Elsevier): clean, damaged, links cut"
    );
    for (style, m) in &scores {
        let at_least = |metric: &str, floor: f64| {
            let got = m.get(metric).copied().unwrap_or(0.0);
            assert!(got >= floor, "{style} {metric}: {got:.3} < {floor}");
        };
        at_least("refs.count_ok", 1.0);
        at_least("refs.field_f1", 0.99);
        at_least("cites.detect_r", 0.99);
        at_least("cites.detect_p", 0.99);
        at_least("cites.link_acc", 0.99);
        at_least("cites.claim_acc", 0.99);
    }
}

#[test]
fn random_outlines_keep_their_dimensions() {
    // Random outlines with random heading conventions (tests/structure.py):
    // the dimension figures may rise, never fall below the baseline.
    let Some(now) = scores("structure.py", "random outlines") else {
        return;
    };
    hold_to_baseline(&now, "tests/structure_baseline.json");
    // Formats with explicit levels leave nothing to infer.
    for f in ["markdown", "docx", "odt", "html", "latex"] {
        assert!(now[f]["cites.dim_acc"] > 0.999, "{f}: {now:?}");
    }
    for f in ["text", "text.noisy"] {
        assert!(now[f]["cites.dim_acc"] >= 0.95, "{f}: {now:?}");
    }
}

#[test]
fn a_docx_of_each_development_document_has_the_markdown_s_dimensions() {
    // tests/formats.py writes each development article as Markdown and
    // through pandoc as .docx, .odt, HTML and LaTeX; every rendering must
    // give the Markdown's dimensions and citations per dimension.
    let Some(now) = scores("formats.py", "structured renderings") else {
        return;
    };
    let differ: Vec<String> = now
        .iter()
        .flat_map(|(doc, m)| {
            m.iter()
                .filter(|(_, same)| **same < 1.0)
                .map(move |(f, _)| format!("{doc} {f}"))
        })
        .collect();
    assert!(!now.is_empty());
    assert!(differ.is_empty(), "differ from the Markdown: {differ:?}");
}
