//! Findings about the list as a whole: its order and works listed twice.

use super::{Code, Out};
use crate::reference::{Name, Reference};
use crate::text::fold;

/// What author-date lists are sorted by, read once per entry.
struct SortNames {
    /// First author (or the title), folded, a leading "The" dropped.
    first: String,
    /// The same without lowercase particles: "van der Berg" is "berg".
    first_bare: String,
    /// The first author's initials: "J. R." and "John Robert" are "jr".
    initials: String,
    /// The further authors, folded.
    rest: Vec<String>,
}

impl SortNames {
    fn of(r: &Reference) -> SortNames {
        let fold_name = |n: &Name| {
            let f = fold(n.citation_name());
            f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
        };
        let people = r.people();
        let first = people
            .first()
            .map(fold_name)
            .or_else(|| r.title.as_deref().map(fold))
            .unwrap_or_default();
        let first_bare = match people.first() {
            Some(Name::Person { family, .. }) => {
                let proper: Vec<&str> = family
                    .split(' ')
                    .skip_while(|w| w.starts_with(|c: char| c.is_lowercase()))
                    .collect();
                if proper.is_empty() {
                    first.clone()
                } else {
                    fold(&proper.join(" "))
                }
            }
            _ => first.clone(),
        };
        let initials = match people.first() {
            Some(Name::Person { given, .. }) => fold(given)
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|w| w.chars().next())
                .collect(),
            _ => String::new(),
        };
        SortNames {
            first,
            first_bare,
            initials,
            rest: people.iter().skip(1).map(fold_name).collect(),
        }
    }

    /// Whether `self` may follow `prev` under some convention of
    /// author-date lists. Years are not compared: works by the same names
    /// are in date order, and "n.d." or "in press" sort differently
    /// between styles. The conventions:
    /// - a particle is sorted as written ("van Dijk" under V) or not
    ///   (under D), as the language of the name has it;
    /// - one surname's first authors by their initials (APA), or by the
    ///   co-authors (lists that ignore initials);
    /// - a first author's works as sole author, with one co-author (by
    ///   that co-author), then with two or more ("et al.", by year), as
    ///   many journals group them.
    fn may_follow(&self, prev: &SortNames) -> bool {
        let by = |first: fn(&SortNames) -> &String| {
            let (a, b) = (first(prev), first(self));
            if a != b {
                return a < b;
            }
            fn group(s: &SortNames) -> (usize, &str) {
                let second = if s.rest.len() == 1 {
                    s.rest[0].as_str()
                } else {
                    ""
                };
                (s.rest.len().min(2), second)
            }
            prev.rest <= self.rest
                || (&prev.initials, &prev.rest) <= (&self.initials, &self.rest)
                || group(prev) <= group(self)
        };
        by(|s| &s.first) || by(|s| &s.first_bare)
    }
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
    let keys: Vec<SortNames> = a.references[..own].iter().map(SortNames::of).collect();
    for i in 1..keys.len() {
        if !keys[i].may_follow(&keys[i - 1]) {
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
