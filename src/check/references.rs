//! Findings about each entry of the reference list: what the parser found
//! wrong, uncited works, future years, DOIs and access dates.

use super::{CheckOptions, Code, Out};
use crate::reference::{EntryType, ProblemKind, Reference};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static DOI_OK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9<>\[\]#+]+$").expect("valid regex")
});

static DOI_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bdoi\b|doi\.org").expect("valid regex"));

pub(super) fn references(out: &mut Out<'_>, o: &CheckOptions) {
    let a = out.a;
    let cited = cited(out);
    let mut merged = merged_by_line(out);
    for (i, r) in a.references.iter().enumerate() {
        // A library entry is not the document's: its findings are the
        // library's (`library.rs`).
        if r.origin.is_some() {
            continue;
        }
        problems(out, r, &mut merged);
        // With no citation at all, the list is not uncited entry by entry:
        // one no-citations note says so.
        if !cited[i] && !a.citations.is_empty() {
            out.push(
                Code::UncitedReference,
                r.span.clone(),
                format!(
                    "{} ({}) is not cited in the text",
                    r.key,
                    r.short_citation()
                ),
                vec![r.key.clone()],
                None,
            );
        }
        if let Some(y) = r.year_digits().and_then(|d| d.parse::<u32>().ok())
            && y > o.current_year
        {
            out.push(
                Code::FutureYear,
                r.span.clone(),
                format!("{} is dated {y}, after {}", r.key, o.current_year),
                vec![r.key.clone()],
                None,
            );
        }
        doi(out, r);
        if r.kind == EntryType::Online && r.url.is_some() && r.urldate.is_none() {
            out.push(
                Code::UrlWithoutAccessDate,
                r.span.clone(),
                format!("{}: a web source without an access date", r.key),
                vec![r.key.clone()],
                Some("add \"Retrieved Month D, YYYY, from\" or \"(accessed …)\"".into()),
            );
        }
    }
}

/// Which entries a citation uses. A citation with the wrong year, or one
/// that fits several entries, still uses them; they are reported once, on
/// the citation. A copy of a work is used when its first copy is.
fn cited(out: &Out<'_>) -> Vec<bool> {
    let a = out.a;
    let mut cited = vec![false; a.references.len()];
    for c in &a.citations {
        if let Some(r) = c.link.reference {
            cited[r] = true;
        }
        for &r in c.link.year_mismatch.iter().chain(&c.link.ambiguous) {
            cited[r] = true;
        }
    }
    // A copy of a cited work is reported as a copy, not as uncited.
    for (i, &first) in out.copies.first.iter().enumerate() {
        cited[i] |= cited[first];
    }
    cited
}

/// The keys of the entries that share a line with another, by the line
/// they start on: one pass over the list.
fn merged_by_line(out: &Out<'_>) -> HashMap<usize, Vec<String>> {
    let a = out.a;
    let mut lines: HashMap<usize, Vec<String>> = HashMap::new();
    for r in &a.references {
        if r.problems
            .iter()
            .any(|p| p.kind == ProblemKind::MergedReferences)
        {
            let line = a.source.line_col(r.span.start).0;
            lines.entry(line).or_default().push(r.key.clone());
        }
    }
    lines
}

/// The problems the parser found in `r`. Entries run together are one
/// finding per line, naming every entry on it; `merged` gives up each
/// line's keys when its finding is made.
fn problems(out: &mut Out<'_>, r: &Reference, merged: &mut HashMap<usize, Vec<String>>) {
    for p in &r.problems {
        if p.kind != ProblemKind::MergedReferences {
            out.push(
                problem_code(p.kind),
                p.span.clone(),
                p.message.clone(),
                vec![r.key.clone()],
                None,
            );
            // A proof mark is a leftover with no meaning: removing it is
            // safe.
            if p.kind == ProblemKind::ProofMarker {
                let text = out.a.source.text();
                out.fix(
                    "remove the proof mark",
                    vec![super::fix::remove(text, p.span.clone())],
                );
            }
            continue;
        }
        let line = out.a.source.line_col(p.span.start).0;
        let Some(keys) = merged.remove(&line) else {
            continue;
        };
        out.push(
            problem_code(p.kind),
            p.span.clone(),
            format!(
                "{} entries run together on one line: {}",
                keys.len(),
                super::key_list(&keys)
            ),
            keys,
            None,
        );
    }
}

/// A DOI that is not well formed, or a mention of one that cannot be read.
fn doi(out: &mut Out<'_>, r: &Reference) {
    match &r.doi {
        Some(d) if !DOI_OK.is_match(d) => {
            out.push(
                Code::MalformedDoi,
                r.span.clone(),
                format!("{}: \"{d}\" is not a well-formed DOI", r.key),
                vec![r.key.clone()],
                None,
            );
        }
        None if DOI_WORD.is_match(r.text.as_str()) => {
            out.push(
                Code::MalformedDoi,
                r.span.clone(),
                format!("{} mentions a DOI that cannot be read", r.key),
                vec![r.key.clone()],
                None,
            );
        }
        _ => {}
    }
}

/// The check code of a problem the parser found.
fn problem_code(kind: ProblemKind) -> Code {
    match kind {
        ProblemKind::ProofMarker => Code::ProofMarker,
        ProblemKind::MergedReferences => Code::MergedReferences,
        ProblemKind::MissingYear => Code::MissingYear,
        ProblemKind::StrayNumber => Code::StrayNumber,
        ProblemKind::IncompleteReference => Code::IncompleteReference,
    }
}
