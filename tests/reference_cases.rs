//! The reference cases of `tests/data/references.toml`: each string must
//! parse into the fields its case names. Every failure is listed at once.

use citemap::reference::{Name, Reference, parse_lines};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    why: String,
    text: String,
    #[serde(flatten)]
    fields: BTreeMap<String, toml::Value>,
}

fn names(ns: &[Name]) -> toml::Value {
    toml::Value::Array(
        ns.iter()
            .map(|n| toml::Value::String(n.citation_name().to_string()))
            .collect(),
    )
}

/// The value of field `name` of `r`, as the cases write it; `None` for an
/// empty field, an error for a name the cases may not use.
fn field(r: &Reference, name: &str) -> Result<Option<toml::Value>, String> {
    let s = |v: &Option<String>| v.clone().map(toml::Value::String);
    Ok(match name {
        "type" => serde_json::to_value(r.kind)
            .ok()
            .and_then(|v| v.as_str().map(|t| toml::Value::String(t.to_string()))),
        "authors" => Some(names(&r.authors)),
        "editors" => Some(names(&r.editors)),
        "year" => s(&r.year),
        "other_years" => Some(toml::Value::Array(
            r.other_years
                .iter()
                .cloned()
                .map(toml::Value::String)
                .collect(),
        )),
        "title" => s(&r.title),
        "container" => s(&r.container),
        "volume" => s(&r.volume),
        "issue" => s(&r.issue),
        "pages" => s(&r.pages),
        "publisher" => s(&r.publisher),
        "location" => s(&r.location),
        "url" => s(&r.url),
        "doi" => s(&r.doi),
        "edition" => s(&r.edition),
        "truncated" => Some(toml::Value::Boolean(r.authors_truncated)),
        "problems" => Some(toml::Value::Array(
            r.problems
                .iter()
                .map(|p| toml::Value::String(p.kind.name().to_string()))
                .collect(),
        )),
        other => return Err(format!("unknown field \"{other}\"")),
    })
}

/// What is wrong with one case, if anything.
fn failures(case: &Case) -> Vec<String> {
    let refs = parse_lines(&case.text);
    let Some(r) = refs.first().filter(|_| refs.len() == 1) else {
        return vec![format!("{} entries instead of one", refs.len())];
    };
    let mut out = Vec::new();
    for (name, want) in &case.fields {
        if name == "absent" {
            for f in want.as_array().into_iter().flatten() {
                let f = f.as_str().unwrap_or("");
                match field(r, f) {
                    Ok(None) => {}
                    Ok(Some(got)) => out.push(format!("{f}: want none, got {got}")),
                    Err(e) => out.push(e),
                }
            }
            continue;
        }
        match field(r, name) {
            Ok(got) if name == "problems" => {
                let got = got.and_then(|g| g.as_array().cloned()).unwrap_or_default();
                for p in want.as_array().into_iter().flatten() {
                    if !got.contains(p) {
                        out.push(format!("problems: {p} not reported"));
                    }
                }
            }
            Ok(got) if got.as_ref() != Some(want) => {
                out.push(format!("{name}: want {want}, got {got:?}"));
            }
            Ok(_) => {}
            Err(e) => out.push(e),
        }
    }
    out
}

#[test]
fn every_reference_case_parses_into_its_fields() {
    let text = std::fs::read_to_string("tests/data/references.toml").expect("cases file");
    let cases: Cases = toml::from_str(&text).expect("valid cases file");
    assert!(cases.case.len() >= 40, "the cases file lost cases");
    let mut report = Vec::new();
    for case in &cases.case {
        let fails = failures(case);
        if !fails.is_empty() {
            report.push(format!(
                "{}\n  {}\n  {}",
                case.why,
                case.text,
                fails.join("\n  ")
            ));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} cases fail:\n{}",
        report.len(),
        cases.case.len(),
        report.join("\n")
    );
}
