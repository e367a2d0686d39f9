//! Findings against the author's library: keys it lacks or gives twice,
//! cited entries that are incomplete for their type, entries no citation
//! uses (on request), and reference-list entries that disagree with it.
//!
//! A library entry has no place in the document, so each finding about one
//! sits on the first citation that uses it (or at the document's start)
//! and names the entry's file and line.

use super::{CheckOptions, Code, Out};
use crate::analysis::Citation;
use crate::library::{Library, first_family};
use crate::link::Match;
use crate::reference::{EntryType, Reference};
use crate::text::fold;
use std::collections::HashMap;
use std::ops::Range;

pub(super) fn library(out: &mut Out<'_>, o: &CheckOptions) {
    let a = out.a;
    // Where each reference is first cited, by index.
    let mut first_cite: HashMap<usize, Range<usize>> = HashMap::new();
    // Without a library, keys can only have come from the document's own
    // list; if none of them was found there, `silence` says so once.
    let own_list = a
        .citations
        .iter()
        .any(|c| c.cite.keyed.is_some() && c.link.reference.is_some());
    // The nearest key is looked for once per unknown key, however often
    // it is cited.
    let mut nearest: HashMap<&str, Option<&str>> = HashMap::new();
    for c in &a.citations {
        if let Some(r) = c.link.reference {
            first_cite.entry(r).or_insert_with(|| c.span.clone());
        }
        unknown_key(out, c, own_list, &mut nearest);
    }
    let Some(lib) = a.library.as_deref() else {
        return;
    };
    let by_key: HashMap<&str, usize> = a
        .references
        .iter()
        .enumerate()
        .filter(|(_, r)| r.origin.is_some())
        .map(|(i, r)| (r.key.as_str(), i))
        .collect();
    let at = |key: &str| {
        by_key
            .get(key)
            .and_then(|i| first_cite.get(i))
            .cloned()
            .unwrap_or(0..0)
    };
    // Keys matter only to a manuscript that cites by them.
    let keyed = a.citations.iter().any(|c| c.cite.keyed.is_some());
    for d in lib.duplicates.iter().filter(|_| keyed) {
        out.push(
            Code::DuplicateKey,
            at(&d.key),
            format!(
                "the key \"{}\" is given to two library entries, at {} and at {}",
                d.key, d.first, d.again
            ),
            vec![d.key.clone()],
            Some(format!("give the entry at {} a key of its own", d.again)),
        );
    }
    for (i, r) in a.references.iter().enumerate() {
        let Some(origin) = &r.origin else { continue };
        let missing = missing_fields(r);
        if !missing.is_empty() {
            out.push(
                Code::IncompleteReference,
                first_cite.get(&i).cloned().unwrap_or(0..0),
                format!(
                    "the library entry {} ({origin}) is {} without {}",
                    r.key,
                    type_name(r.kind),
                    missing.join(", ")
                ),
                vec![r.key.clone()],
                Some(format!("complete the entry at {origin}")),
            );
        }
    }
    if o.uncited_library {
        for e in &lib.entries {
            if !by_key.contains_key(e.key.as_str()) {
                let origin = origin_of(e);
                out.push(
                    Code::UncitedReference,
                    0..0,
                    format!("the library entry {} ({origin}) is not cited", e.key),
                    vec![e.key.clone()],
                    None,
                );
            }
        }
    }
    mismatches(out, lib);
}

/// Where a library entry was read, for messages: "refs.bib:12".
fn origin_of(e: &Reference) -> String {
    e.origin
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// A citation by key that the library does not have.
fn unknown_key<'a>(
    out: &mut Out<'a>,
    c: &'a Citation,
    own_list: bool,
    nearest: &mut HashMap<&'a str, Option<&'a str>>,
) {
    let (Some(k), Match::None { .. }) = (&c.cite.keyed, &c.link.how) else {
        return;
    };
    let Some(lib) = out.a.library.as_deref() else {
        // Keys that a list of the document's own (LaTeX's `\bibitem`)
        // lacks; with no list either, the document has one finding
        // (`silence`).
        if own_list {
            out.push(
                Code::UnknownKey,
                c.span.clone(),
                format!(
                    "\"{}\" cites the key \"{}\", which the reference list does not have",
                    out.a.written(c),
                    k.key
                ),
                vec![],
                Some("add a \\bibitem for it, or pass the library with --bib".into()),
            );
        }
        return;
    };
    let near = *nearest
        .entry(k.key.as_str())
        .or_insert_with(|| lib.closest_key(&k.key));
    out.push(
        Code::UnknownKey,
        c.span.clone(),
        format!(
            "\"{}\" cites the key \"{}\", which the library does not have",
            out.a.written(c),
            k.key
        ),
        near.iter().map(|n| n.to_string()).collect(),
        near.map(|n| {
            let e = lib
                .get(n)
                .map(Reference::short_citation)
                .unwrap_or_default();
            format!("did you mean \"{n}\" ({e})?")
        }),
    );
}

fn type_name(kind: EntryType) -> &'static str {
    match kind {
        EntryType::Article => "an article",
        EntryType::Book => "a book",
        EntryType::InCollection => "a chapter",
        EntryType::InProceedings => "a conference paper",
        EntryType::Report => "a report",
        EntryType::Thesis => "a thesis",
        EntryType::Online => "a web page",
        EntryType::Misc => "an entry",
    }
}

/// The fields an entry of its type needs for a reader to find the work,
/// in the names BibTeX users know.
fn missing_fields(r: &Reference) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if r.people().is_empty() && r.kind != EntryType::Online {
        missing.push("author");
    }
    if r.title.is_none() {
        missing.push("title");
    }
    if r.year.is_none() && r.kind != EntryType::Online {
        missing.push("year");
    }
    match r.kind {
        EntryType::Article if r.container.is_none() => missing.push("journal"),
        EntryType::InCollection | EntryType::InProceedings if r.container.is_none() => {
            missing.push("booktitle")
        }
        EntryType::Book if r.publisher.is_none() => missing.push("publisher"),
        EntryType::Thesis if r.publisher.is_none() => missing.push("school"),
        EntryType::Report if r.publisher.is_none() => missing.push("institution"),
        EntryType::Online if r.url.is_none() && r.doi.is_none() => missing.push("url"),
        _ => {}
    }
    missing
}

/// A title as a matching key: folded, letters and digits only.
fn title_key(t: &str) -> String {
    fold(t)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(80)
        .collect()
}

/// Page ranges compared without their dash's kind or spaces.
fn pages_key(p: &str) -> String {
    p.chars().filter(char::is_ascii_digit).collect()
}

/// Each reference-list entry of a work the library also has, matched by
/// DOI or by first author and title, whose year, first author, pages or
/// DOI differ there.
fn mismatches(out: &mut Out<'_>, lib: &Library) {
    let mut by_doi: HashMap<String, usize> = HashMap::new();
    let mut by_title: HashMap<(String, String), usize> = HashMap::new();
    let mut by_title_only: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in lib.entries.iter().enumerate() {
        if let Some(d) = &e.doi {
            by_doi.entry(d.to_lowercase()).or_insert(i);
        }
        if let Some(t) = &e.title {
            let t = title_key(t);
            if t.len() >= 12 {
                by_title_only.entry(t.clone()).or_default().push(i);
            }
            if let Some(f) = first_family(e) {
                by_title.entry((f, t)).or_insert(i);
            }
        }
    }
    for r in out.a.references.iter().filter(|r| r.origin.is_none()) {
        let title = r.title.as_deref().map(title_key);
        let found = r
            .doi
            .as_ref()
            .and_then(|d| by_doi.get(&d.to_lowercase()))
            .or_else(|| {
                let t = title.clone()?;
                by_title.get(&(first_family(r)?, t))
            })
            // A long title that only one library entry has is the same
            // work even when the first author's name was changed.
            .or_else(|| {
                let hits = by_title_only.get(title.as_ref()?)?;
                (hits.len() == 1).then(|| &hits[0])
            });
        let Some(&i) = found else { continue };
        let e = &lib.entries[i];
        let mut diffs = Vec::new();
        let show = |x: Option<&str>| x.unwrap_or("none").to_string();
        if r.year_digits() != e.year_digits() && e.year.is_some() {
            diffs.push(format!(
                "year {} here, {} there",
                show(r.year.as_deref()),
                show(e.year.as_deref())
            ));
        }
        if let (Some(a), Some(b)) = (first_family(r), first_family(e))
            && a != b
        {
            diffs.push(format!(
                "first author {} here, {} there",
                r.people()[0].citation_name(),
                e.people()[0].citation_name()
            ));
        }
        if let (Some(a), Some(b)) = (&r.pages, &e.pages)
            && pages_key(a) != pages_key(b)
        {
            diffs.push(format!("pages {a} here, {b} there"));
        }
        if let (Some(a), Some(b)) = (&r.doi, &e.doi)
            && !a.eq_ignore_ascii_case(b)
        {
            diffs.push(format!("DOI {a} here, {b} there"));
        }
        if diffs.is_empty() {
            continue;
        }
        let origin = origin_of(e);
        out.push(
            Code::LibraryMismatch,
            r.span.clone(),
            format!(
                "{} disagrees with the library's {} ({origin}): {}",
                r.key,
                e.key,
                diffs.join("; ")
            ),
            vec![r.key.clone(), e.key.clone()],
            Some(format!("correct whichever of the two is wrong ({origin})")),
        );
    }
}

/// The library entry that a typed citation without an entry in the list
/// would have found: same first author and year, for the help.
pub(super) fn answer(lib: &Library, names: &[String], year: &str) -> Option<String> {
    let cited = fold(names.first()?);
    let y = crate::reference::year_digits(year)?;
    let e = lib.by_author_year(&cited, y)?;
    let origin = origin_of(e);
    Some(format!(
        "your library has it: {} ({}, {origin}); add it to the reference list",
        e.key,
        e.short_citation()
    ))
}
