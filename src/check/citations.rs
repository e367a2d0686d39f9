//! Findings about citations: unresolved, wrong year, ambiguous, loosely
//! matched names, and the style rules applied to each.

use super::style::{EtAl, ampersands, et_al, et_als};
use super::{CheckOptions, Code, Out, year_number};
use crate::analysis::{Analysis, Citation};
use crate::link::{Match, Tolerance};
use crate::reference::Reference;
use crate::text::fold;
use std::collections::HashMap;

pub(super) fn citations(out: &mut Out<'_>, o: &CheckOptions) {
    let a = out.a;
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut linked: Vec<&Citation> = Vec::new();
    let mut et_al_uses = Vec::new();
    for c in &a.citations {
        // A citation by key is printed by LaTeX or pandoc: its names, "et
        // al." and "&" are the processor's; only its key can be wrong
        // (`library.rs`).
        if c.cite.keyed.is_some() {
            continue;
        }
        match (&c.link.how, c.link.reference) {
            // Without any list, no-reference-list is the one finding.
            (Match::None { .. }, None) if a.references.is_empty() => {}
            (Match::None { reason }, None) => unlinked(out, c, reason),
            (Match::Fuzzy { tolerances }, Some(r)) => loosely_linked(out, c, r, tolerances),
            _ => {}
        }
        ambiguity(out, c);
        let Some(r) = c.link.reference else { continue };
        let re = &a.references[r];
        let n_auth = re.people().len();
        let first_time = {
            let n = seen.entry(r).or_default();
            *n += 1;
            *n == 1
        };
        coauthors(out, c, re, n_auth);
        match et_al(o.style, c, out.a.written(c), re, n_auth, first_time) {
            EtAl::Neither => {}
            v => et_al_uses.push((c, re.key.as_str(), v)),
        }
        linked.push(c);
        if let Some(y) = year_number(&c.cite.year)
            && y > o.current_year
        {
            out.push(
                Code::FutureYear,
                c.span.clone(),
                format!(
                    "\"{}\" cites a year after {}",
                    out.a.written(c),
                    o.current_year
                ),
                vec![re.key.clone()],
                None,
            );
        }
    }
    ampersands(out, o.style, o.style_given, &linked);
    et_als(out, o.style_given, &et_al_uses);
}

/// A citation that links to nothing: a year that the list does not have
/// for the name, or no entry at all (the closest one suggested).
fn unlinked(out: &mut Out<'_>, c: &Citation, reason: &str) {
    let a = out.a;
    let cited = a.written(c);
    match c.link.year_mismatch {
        Some(r) => {
            let ry = a.references[r].year.as_deref().unwrap_or("n.d.");
            let same_year =
                year_number(ry).is_some() && year_number(ry) == year_number(&c.cite.year);
            let code = if same_year {
                Code::WrongYearSuffix
            } else {
                Code::YearMismatch
            };
            out.push(
                code,
                c.span.clone(),
                format!(
                    "\"{cited}\": the list has this name for {ry}, not {}",
                    c.cite.year
                ),
                vec![out.key(r)],
                Some(format!(
                    "did you mean {} ({})?",
                    out.key(r),
                    a.references[r].short_citation()
                )),
            );
        }
        None => {
            let near = closest(a, &c.cite.names, &c.cite.year);
            // The author's library may answer what the list does not.
            let from_library = a
                .library
                .as_deref()
                .and_then(|l| super::library::answer(l, &c.cite.names, &c.cite.year));
            out.push(
                Code::UnresolvedCitation,
                c.span.clone(),
                format!("\"{cited}\" has no entry in the reference list ({reason})"),
                near.iter().map(|&r| out.key(r)).collect(),
                from_library.or_else(|| {
                    near.map(|r| {
                        format!(
                            "closest entry: {} ({})",
                            out.key(r),
                            a.references[r].short_citation()
                        )
                    })
                }),
            );
        }
    }
}

/// A citation linked with tolerances: a year suffix, a near-miss name.
fn loosely_linked(out: &mut Out<'_>, c: &Citation, r: usize, tolerances: &[Tolerance]) {
    let cited = out.a.written(c);
    if tolerances.iter().any(Tolerance::is_year_suffix) {
        let code = if c.cite.year.len() == 4 {
            Code::MissingYearSuffix
        } else {
            Code::WrongYearSuffix
        };
        // The works of that year that the letter would tell apart: the
        // citation fits them all, and this one finding says so.
        let mut keys = vec![out.key(r)];
        keys.extend(c.link.ambiguous.iter().map(|&x| out.key(x)));
        let help = (keys.len() > 1).then(|| format!("the list has {}", super::key_list(&keys)));
        let only_one = keys.len() == 1;
        out.push(
            code,
            c.span.clone(),
            format!("\"{cited}\": {}", crate::link::join(tolerances)),
            keys,
            help,
        );
        // A letter that only one entry can take is added where the year
        // is written, when it is written there once.
        if code == Code::MissingYearSuffix
            && only_one
            && let Some(letter) = out.a.references[r]
                .year
                .as_deref()
                .and_then(crate::reference::year_suffix)
            && let Some(at) = once_in(&out.a.source.text()[c.span.clone()], &c.cite.year)
        {
            let at = c.span.start + at + c.cite.year.len();
            out.fix(
                &format!("add the letter: {}{letter}", c.cite.year),
                vec![super::fix::Edit::new(at..at, letter.to_string())],
            );
        }
    }
    let name_reason: Vec<String> = tolerances
        .iter()
        .filter(|t| !t.is_year_suffix())
        .map(ToString::to_string)
        .collect();
    if !name_reason.is_empty() {
        out.push(
            Code::NameMismatch,
            c.span.clone(),
            format!(
                "\"{cited}\" matches {} only loosely: {}",
                out.key(r),
                name_reason.join("; ")
            ),
            vec![out.key(r)],
            Some(format!(
                "the list has {}",
                out.a.references[r].short_citation()
            )),
        );
    }
}

/// Where `needle` stands in `hay`, if it stands there once and is not
/// followed by a letter or digit.
fn once_in(hay: &str, needle: &str) -> Option<usize> {
    let mut found = hay
        .match_indices(needle)
        .filter(|(k, _)| !hay[k + needle.len()..].starts_with(|c: char| c.is_alphanumeric()));
    let first = found.next()?.0;
    found.next().is_none().then_some(first)
}

/// A citation that fits several entries as well as the one chosen. When
/// only a year's letter is missing, the missing-year-suffix finding
/// already names them all.
fn ambiguity(out: &mut Out<'_>, c: &Citation) {
    let suffix_missing = matches!(&c.link.how, Match::Fuzzy { tolerances }
        if tolerances.iter().any(Tolerance::is_year_suffix));
    if c.link.ambiguous.is_empty() || suffix_missing {
        return;
    }
    let Some(r) = c.link.reference else { return };
    let mut keys = vec![out.key(r)];
    keys.extend(c.link.ambiguous.iter().map(|&x| out.key(x)));
    out.push(
        Code::AmbiguousCitation,
        c.span.clone(),
        format!(
            "\"{}\" fits {} entries: {}",
            out.a.written(c),
            keys.len(),
            super::key_list(&keys)
        ),
        keys,
        Some("add the year suffix (a, b) or a second author".into()),
    );
}

/// A missing or extra co-author.
fn coauthors(out: &mut Out<'_>, c: &Citation, re: &Reference, n_auth: usize) {
    // An organisation whose name holds a conjunction ("Instituto Brasileiro
    // de Geografia e Estatística") is one author however it was split.
    if let [crate::reference::Name::Literal { literal }] = re.people()
        && fold(&c.cite.written).contains(&fold(literal))
    {
        return;
    }
    if c.cite.names.len() >= 2
        && !c.cite.et_al
        && !re.authors_truncated
        && n_auth != c.cite.names.len()
    {
        out.push(
            Code::NameMismatch,
            c.span.clone(),
            format!(
                "\"{}\" names {} authors; {} has {n_auth}",
                out.a.written(c),
                c.cite.names.len(),
                re.key
            ),
            vec![re.key.clone()],
            Some(format!("the list has {}", re.short_citation())),
        );
    }
}

/// The entry whose first name is nearest to the cited one (for a hint).
fn closest(a: &Analysis, names: &[String], year: &str) -> Option<usize> {
    let cited = fold(names.first()?);
    let mut best: Option<(usize, usize)> = None;
    for (i, r) in a.references.iter().enumerate() {
        let Some(first) = r.people().first() else {
            continue;
        };
        let t = fold(first.citation_name());
        let mut d = strsim::osa_distance(&cited, &t);
        if r.year_digits() != year.get(..4) {
            d += 2;
        }
        if d <= 3 + cited.len() / 4 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, i));
        }
    }
    best.map(|b| b.1)
}
