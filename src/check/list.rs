//! Findings about the list as a whole: its order and works listed twice.

use super::{Code, Out};
use crate::reference::Reference;
use crate::text::fold;

/// The sort key of author-date lists: first author (ignoring a leading
/// "The"), then the further authors (one-author works first), then year.
fn order_key(r: &Reference) -> (String, Vec<String>, String) {
    let names: Vec<String> = r
        .people()
        .iter()
        .map(|n| {
            let f = fold(n.citation_name());
            f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
        })
        .collect();
    let first = names
        .first()
        .cloned()
        .or_else(|| r.title.as_deref().map(fold))
        .unwrap_or_default();
    (
        first,
        names.into_iter().skip(1).collect(),
        r.year.clone().unwrap_or_default(),
    )
}

pub(super) fn order(out: &mut Out<'_>) {
    let a = out.a;
    // The library's entries come after the list, in citation order; the
    // processor sorts them.
    let own = a
        .references
        .iter()
        .take_while(|r| r.origin.is_none())
        .count();
    let keys: Vec<_> = a.references[..own].iter().map(order_key).collect();
    for i in 1..keys.len() {
        // Compare names only: works by the same authors are in date order,
        // and "n.d." or "in press" sort differently between styles.
        let (prev, cur) = (&keys[i - 1], &keys[i]);
        if (&cur.0, &cur.1) < (&prev.0, &prev.1) {
            let r = &a.references[i];
            out.push(
                Code::ReferenceOrder,
                r.span.clone(),
                format!(
                    "{} should come before {} in alphabetical order",
                    r.key,
                    a.references[i - 1].key
                ),
                vec![r.key.clone(), a.references[i - 1].key.clone()],
                None,
            );
        }
    }
}

pub(super) fn duplicates(out: &mut Out<'_>) {
    let a = out.a;
    for (i, r) in a.references.iter().enumerate() {
        let j = out.copies.first[i];
        if j != i && r.origin.is_none() && a.references[j].origin.is_none() {
            out.push(
                Code::DuplicateReference,
                r.span.clone(),
                format!("{} repeats {}", r.key, a.references[j].key),
                vec![r.key.clone(), a.references[j].key.clone()],
                Some("remove one of the two entries".into()),
            );
        }
    }
    for (j, i) in out.copies.shared_doi.clone() {
        let (first, r) = (&a.references[j], &a.references[i]);
        if r.origin.is_some() || first.origin.is_some() {
            continue;
        }
        out.push(
            Code::SharedDoi,
            r.span.clone(),
            format!(
                "{} and {} both give the DOI {}, but their authors and titles differ (\"{}\" and \"{}\")",
                first.key,
                r.key,
                r.doi.as_deref().unwrap_or(""),
                first.short_citation(),
                r.short_citation()
            ),
            vec![first.key.clone(), r.key.clone()],
            Some("give each work its own DOI, or none where only the book has one".into()),
        );
    }
}
