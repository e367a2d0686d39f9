//! The reference-list checks copy editors run (as Recite and Edifix do):
//! page ranges that run backwards, one journal written two ways, and a DOI
//! that APA 7 wants as a link.
//!
//! Each speaks only when the entry alone shows the slip: an abbreviated
//! range ("519–36") is read as the style writes it, and a journal is two
//! ways only when one name abbreviates every word of the other.

use super::style::Style;
use super::{CheckOptions, Code, Out};
use crate::reference::{EntryType, Reference};
use crate::text::fold;
use std::collections::HashMap;

pub(super) fn consistency(out: &mut Out<'_>, o: &CheckOptions) {
    let style = o.style;
    let a = out.a;
    let own: Vec<(usize, &Reference)> = a
        .references
        .iter()
        .enumerate()
        .filter(|(_, r)| r.origin.is_none())
        .collect();
    for &(_, r) in &own {
        backwards(out, r);
        missing_doi(out, r);
        if matches!(style, Style::Apa7) {
            doi_form(out, r);
        }
    }
    journals(out, &own);
    title_case(out, &own, o);
}

/// How a title is cased, where its words show it: every longer word
/// capitalised ("The Political Economy of Trade") or most of them in lower
/// case ("The political economy of trade"). The first word, a word after a
/// colon, acronyms and the document's proper nouns show nothing.
fn casing(title: &str, proper: &crate::text::proper::ProperNouns) -> Option<bool> {
    let (mut upper, mut lower) = (0, 0);
    let mut after_break = true;
    for w in title.split_whitespace() {
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        let starts = !after_break;
        after_break = w.ends_with([':', '?', '!', '.']);
        if !starts
            || word.chars().count() < 4
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            continue;
        }
        let mut chars = word.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        if chars.any(char::is_uppercase) || proper.contains(word) {
            continue;
        }
        if first_upper {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    if upper >= 3 && lower == 0 {
        Some(true)
    } else if lower >= 2 && upper == 0 {
        Some(false)
    } else {
        None
    }
}

/// A title whose case differs from the rest of the list's titles of its
/// kind (articles; books), where the others agree two to one and at least
/// three of them show their case. Journal and book titles may be cased
/// differently from each other, so kinds are compared apart.
fn title_case(out: &mut Out<'_>, own: &[(usize, &Reference)], o: &CheckOptions) {
    // Some styles (ABNT, Vancouver, many house styles) keep each title
    // as its source printed it. APA cases every title itself (sentence
    // case), so a list read off as APA, or any style the user names, is
    // held to one case.
    if !o.style_given && Style::infer(out.a) != Some(Style::Apa7) {
        return;
    }
    let proper = crate::text::proper::ProperNouns::of_analysis(out.a);
    for kind in [EntryType::Article, EntryType::Book] {
        let cased: Vec<(&Reference, bool)> = own
            .iter()
            .filter(|(_, r)| r.kind == kind)
            .filter_map(|&(_, r)| Some((r, casing(r.title.as_deref()?, &proper)?)))
            .collect();
        let titled = cased.iter().filter(|(_, t)| *t).count();
        let sentenced = cased.len() - titled;
        let (odd, usual, most) = if sentenced >= 3 && sentenced >= 2 * titled {
            (true, "sentence case", sentenced)
        } else if titled >= 3 && titled >= 2 * sentenced {
            (false, "title case", titled)
        } else {
            continue;
        };
        for (r, t) in cased.iter().filter(|(_, t)| *t == odd) {
            let title = r.title.as_deref().unwrap_or("");
            let text = out.a.source.text();
            let span = text
                .get(r.span.clone())
                .and_then(|e| e.find(title))
                .map_or(r.span.clone(), |i| {
                    r.span.start + i..r.span.start + i + title.len()
                });
            out.push(
                Code::TitleCase,
                span,
                format!(
                    "{}: \"{title}\" is in {}, and {most} other {} titles in the list are in {usual}",
                    r.key,
                    if *t { "title case" } else { "sentence case" },
                    if kind == EntryType::Article { "article" } else { "book" },
                ),
                vec![r.key.clone()],
                Some(format!("write it in {usual}, as the others")),
            );
        }
    }
}

/// The first and last page of a range as printed: "519–36" ends on 536,
/// as Chicago and Harvard shorten it. `None` for anything that is not two
/// plain numbers ("e101", "S12–S19" compare as written).
fn range(pages: &str) -> Option<(u64, u64)> {
    let (a, b) = pages.split_once(['–', '-', '—'])?;
    let (a, b) = (a.trim(), b.trim_start_matches(['–', '-', '—']).trim());
    if a.is_empty() || b.is_empty() || a.len() > 9 || b.len() > 9 {
        return None;
    }
    let first: u64 = a.parse().ok()?;
    let last: u64 = b.parse().ok()?;
    // A shorter end keeps the start's leading digits.
    if b.len() < a.len() {
        let keep = &a[..a.len() - b.len()];
        return Some((first, format!("{keep}{b}").parse().ok()?));
    }
    Some((first, last))
}

/// More pages than an article or a chapter runs to: "225–2940" is a
/// slip of one digit. Whole books are not ranges, and the longest
/// monographs printed in journals stay well below this.
const LONGEST_PART: u64 = 1000;

fn backwards(out: &mut Out<'_>, r: &Reference) {
    let Some(p) = r.pages.as_deref() else { return };
    let Some((first, last)) = range(p) else {
        return;
    };
    let part = matches!(
        r.kind,
        EntryType::Article | EntryType::InCollection | EntryType::InProceedings
    );
    if part && last >= first && (first == 0 || last - first + 1 > LONGEST_PART) {
        let part = if r.kind == EntryType::Article {
            "a journal article"
        } else {
            "a chapter or a paper"
        };
        let why = if first == 0 {
            "start at page 0, which no book or journal prints".to_string()
        } else {
            format!("span {} pages, more than {part} runs to", last - first + 1)
        };
        out.push(
            Code::PageRange,
            r.span.clone(),
            format!("{}: the pages \"{p}\" {why}", r.key),
            vec![r.key.clone()],
            Some("check the range against the source".into()),
        );
    } else if last < first {
        out.push(
            Code::PageRange,
            r.span.clone(),
            format!(
                "{}: the pages \"{p}\" run backwards ({first} to {last})",
                r.key
            ),
            vec![r.key.clone()],
            Some("check the range against the source".into()),
        );
    }
}

/// A journal article with neither a DOI nor a URL, which editors ask
/// for; `check` keeps the finding only when the code is selected, since
/// older and regional journals often have none.
fn missing_doi(out: &mut Out<'_>, r: &Reference) {
    if r.kind != EntryType::Article || r.doi.is_some() || r.url.is_some() {
        return;
    }
    out.push(
        Code::MissingDoi,
        r.span.clone(),
        format!(
            "{}: the article \"{}\" has neither a DOI nor a URL",
            r.key,
            r.title.as_deref().unwrap_or("")
        ),
        vec![r.key.clone()],
        Some(
            "add its DOI as a https://doi.org/ link, if it has one; Crossref's search finds it"
                .into(),
        ),
    );
}

/// APA 7 writes a DOI as a link: "https://doi.org/10.1000/xyz", not
/// "doi:10.1000/xyz" or "http://dx.doi.org/…". The fix rewrites the
/// prefix as written in the entry.
fn doi_form(out: &mut Out<'_>, r: &Reference) {
    let Some(doi) = r.doi.as_deref() else { return };
    let text = out.a.source.text();
    let Some(entry) = text.get(r.span.clone()) else {
        return;
    };
    let Some(at) = entry.find(doi) else { return };
    static PREFIX: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:https?://(?:dx\.)?doi\.org/\s*|doi\s*:\s*|doi\s+)$")
            .expect("valid regex")
    });
    let before = &entry[..at];
    let start = match PREFIX.find(before) {
        Some(m) => m.start(),
        // A bare DOI after a space or a period; inside a link it is the
        // link's business.
        None if before.is_empty() || before.ends_with([' ', '.']) => at,
        None => return,
    };
    let prefix = &before[start..];
    // A link cut by a line end or a space (PDF extraction) is still a link.
    if prefix.trim_end() == "https://doi.org/" {
        return;
    }
    let span = r.span.start + start..r.span.start + at;
    out.push(
        Code::DoiForm,
        span.clone(),
        format!(
            "{}: APA 7 writes the DOI as https://doi.org/{doi}, not \"{}{doi}\"",
            r.key, prefix
        ),
        vec![r.key.clone()],
        None,
    );
    out.fix(
        "write the DOI as a link",
        vec![super::fix::Edit::new(span, "https://doi.org/")],
    );
}

/// The words of a journal's name that count: folded, without "of", "the",
/// "and", "&" and the like.
fn words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty() && !matches!(*w, "of" | "the" | "and" | "for" | "in" | "on" | "a")
        })
        .map(str::to_string)
        .collect()
}

/// Whether `short` abbreviates `full`: as many words, each a prefix of
/// the other's word ("J Appl Ecol" for "Journal of Applied Ecology"), at
/// least one of them shortened.
fn abbreviates(short: &[String], full: &[String]) -> bool {
    short.len() == full.len()
        && short.len() >= 2
        && short
            .iter()
            .zip(full)
            .all(|(s, f)| f.starts_with(s.as_str()))
        && short.iter().zip(full).any(|(s, f)| s.len() < f.len())
}

/// One journal written in full in one entry and abbreviated in another.
fn journals(out: &mut Out<'_>, own: &[(usize, &Reference)]) {
    // Each distinct name once, with its first entry.
    let mut names: Vec<(String, Vec<String>, usize)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for &(i, r) in own {
        if r.kind != EntryType::Article {
            continue;
        }
        let Some(c) = r.container.as_deref() else {
            continue;
        };
        let key = fold(c);
        if seen.contains_key(&key) {
            continue;
        }
        seen.insert(key, names.len());
        names.push((c.to_string(), words(c), i));
    }
    // Names are grouped by their first letter, so the pairs compared stay
    // few however long the list.
    let mut by_initial: HashMap<char, Vec<usize>> = HashMap::new();
    for (k, (_, w, _)) in names.iter().enumerate() {
        if let Some(ch) = w.first().and_then(|w| w.chars().next()) {
            by_initial.entry(ch).or_default().push(k);
        }
    }
    let mut reported = std::collections::HashSet::new();
    for group in by_initial.values() {
        for &s in group.iter().take(64) {
            for &f in group.iter().take(64) {
                let ((short, sw, si), (full, fw, fi)) = (&names[s], &names[f]);
                if s == f || reported.contains(&s) || !abbreviates(sw, fw) {
                    continue;
                }
                reported.insert(s);
                let (r, other) = (&out.a.references[*si], &out.a.references[*fi]);
                out.push(
                    Code::JournalVariants,
                    r.span.clone(),
                    format!(
                        "{} abbreviates the journal as \"{short}\", {} writes it in full as \"{full}\"",
                        r.key, other.key
                    ),
                    vec![r.key.clone(), other.key.clone()],
                    Some("write every journal one way, abbreviated or in full".into()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_as_printed() {
        assert_eq!(range("519–36"), Some((519, 536)));
        assert_eq!(range("101-99"), Some((101, 199)));
        assert_eq!(range("250–120"), Some((250, 120)));
        assert_eq!(range("e101"), None);
        assert_eq!(range("S12–S19"), None);
    }

    fn codes_on(list: &str, select: Vec<Code>) -> Vec<(Code, String)> {
        let doc =
            format!("Introduction\n\nRoots (Adler, 2009; Cole, 2011).\n\nReferences\n\n{list}");
        let a = crate::analyze(&doc, &crate::Options::default());
        let o = CheckOptions {
            select,
            ..Default::default()
        };
        super::super::check(&a, &o)
            .into_iter()
            .map(|d| (d.code, d.message))
            .collect()
    }

    #[test]
    fn a_range_longer_than_any_article_or_from_page_0_is_reported() {
        let list = |pages: &str| {
            format!(
                "Adler, B. (2009). Fields. Journal of Soils, 2, 1–9.\nCole, D. (2011). Roots. Journal of Soils, 4, {pages}.\n"
            )
        };
        for (pages, says) in [("225–2940", "span 2716 pages"), ("0–12", "page 0")] {
            let f = codes_on(&list(pages), vec![]);
            assert!(
                f.iter()
                    .any(|(c, m)| *c == Code::PageRange && m.contains(says)),
                "{pages}: {f:?}"
            );
        }
        // Long, but an article can run so; and a book is not a range.
        assert!(
            codes_on(&list("435–753"), vec![])
                .iter()
                .all(|(c, _)| *c != Code::PageRange)
        );
    }

    #[test]
    fn a_missing_doi_is_reported_only_when_selected() {
        let list = "Adler, B. (2009). Fields. Journal of Soils, 2, 1–9. https://doi.org/10.1000/f.9\nCole, D. (2011). Roots. Journal of Soils, 4, 10–19.\n";
        assert!(
            codes_on(list, vec![])
                .iter()
                .all(|(c, _)| *c != Code::MissingDoi)
        );
        let f = codes_on(list, vec![Code::MissingDoi]);
        let m: Vec<_> = f.iter().filter(|(c, _)| *c == Code::MissingDoi).collect();
        assert_eq!(m.len(), 1, "{f:?}");
        assert!(m[0].1.contains("cole2011roots"));
        let mut p = super::super::Policy::default();
        p.deny("missing-doi").unwrap();
        assert_eq!(p.select, vec![Code::MissingDoi]);
    }

    #[test]
    fn an_abbreviation_shortens_every_word_in_order() {
        let w = |s: &str| words(s);
        assert!(abbreviates(
            &w("J. Appl. Ecol."),
            &w("Journal of Applied Ecology")
        ));
        assert!(!abbreviates(
            &w("Journal of Ecology"),
            &w("Journal of Applied Ecology")
        ));
        assert!(!abbreviates(&w("Ecology"), &w("Ecology Letters")));
        assert!(!abbreviates(
            &w("Water Research"),
            &w("Water Resources Research")
        ));
    }
}
