//! Parsing one reference entry into fields.
//!
//! Author-date styles agree on one thing: the date comes right after the
//! names. APA and Harvard put it in parentheses ("Smith, J. (2015)."),
//! Chicago and journal house styles between periods ("Smith, John. 2015.").
//! The parser finds that anchor first, reads the names before it, then the
//! title after it (quoted in Chicago, up to the first sentence end
//! otherwise), and finally the tail: a journal with volume, issue and pages,
//! an "In …" chapter, or a publisher.

use super::anchor::{Anchor, author_like, find_anchor};
use super::classify::{classify, incomplete};
use super::fields::{URL, non_empty};
use super::names::parse_names;
use super::split::RawEntry;
use super::tail::{EDITION, EDITORS_MARK, parse_tail, take_edition};
use super::title::{STRAY_NUMBER, VOLUME_PAREN, split_title};
use super::{Problem, ProblemKind, Reference};
use crate::text::mapped::Removed;
use crate::text::sentence::entry_bounds as sentence_bounds;
use regex::Regex;
use std::sync::LazyLock;

// Chicago's editor mark after the names: "Smith, J., ed." / ", eds."
re!(CHICAGO_EDITORS, r",\s*eds?\.?\s*$");
re!(ANY_YEAR, r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b");
re!(
    DOI,
    r"(?i)(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*:\s*|\bdoi\s+)?\b(10\.\d{4,9}/[^\s,]+)"
);
re!(
    ACCESS,
    r"(?i)(?:\[|\()?\s*(?:accessed|retrieved|consulted|acesso em|accedido|abgerufen)(?:\s+on)?\s*:?\s*([^\])]*?\d{4})\s*(?:\]|\))?\s*[.,]?\s*(?:from\s*)?"
);
re!(
    AVAILABLE,
    r"(?i)\b(?:available (?:at|from|online)|retrieved from|dispon[ií]vel em|online)\s*:?\s*$"
);

/// The share of a list's entries that must be read cleanly by the rules,
/// with the tagger agreeing on their authors, year and title, for the list
/// to count as one in a style the rules know.
///
/// Reference lists are written in one style. On lists rendered in the
/// styles the rules describe (APA, Harvard, Chicago, ABNT), 0.83 to 0.97 of
/// the entries are read so; on the public labelled sets, whose strings come
/// from many styles and damaged PDFs, 0.02 to 0.38 are, and there the
/// tagger is the better reader of every kind of entry, clean or not. Half
/// lies between the two.
pub const REGULAR_SHARE: f64 = 0.5;

/// How many cleanly read entries are tagged to estimate the agreement: a
/// list is in one style, so a sample spread over it says as much as all of
/// it, at a bounded cost.
const SAMPLE: usize = 16;

/// Lists shorter than this say nothing about their style: each of their
/// entries keeps the rules' reading when the rules read it cleanly.
const MIN_LIST: usize = 3;

/// Parses the entries of one list. A list in a style the rules know (see
/// [`REGULAR_SHARE`]) keeps their reading; any other list is read by the
/// tagger, with the DOI, URL and access date still read by rule.
///
/// `CITEMAP_PARSER=rules` or `=tagger` in the environment forces one
/// reader, to compare them.
pub fn parse_list(entries: Vec<RawEntry>) -> Vec<Reference> {
    match std::env::var("CITEMAP_PARSER").as_deref() {
        Ok("tagger") => return tagged(entries),
        Ok("rules") => return entries.into_iter().map(parse_rules).collect(),
        _ => {}
    }
    let sample = rules_sample(&entries);
    if clearly_irregular(&sample) {
        return tagged(entries);
    }
    read_list(entries, sample)
}

/// [`parse_list`]'s full way: every entry by rule (those of `sample`, read
/// by rule already, are taken from it), then the tagger on a sample, or on
/// all of a list that is not regular.
fn read_list(entries: Vec<RawEntry>, sample: Vec<(usize, Reference)>) -> Vec<Reference> {
    // The entries are not kept beside their readings: a reading keeps its
    // entry's text, so an entry can be made again from it, and a long list
    // then holds one copy of its text, not two.
    let extras: Vec<(Vec<Removed>, bool)> = entries
        .iter()
        .map(|e| (e.removed.clone(), e.merged))
        .collect();
    let mut read = sample.into_iter().peekable();
    let rules: Vec<Reference> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| match read.next_if(|(j, _)| *j == i) {
            Some((_, r)) => r,
            None => parse_rules(e),
        })
        .collect();
    let again = |r: &Reference, i: usize| RawEntry {
        text: r.text.clone(),
        removed: extras[i].0.clone(),
        merged: extras[i].1,
    };
    if rules.len() < MIN_LIST {
        let m = super::tagger::model();
        return rules
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                if reads_cleanly(&r) {
                    r
                } else {
                    parse_tagged(again(&r, i), m)
                }
            })
            .collect();
    }
    let clean: Vec<usize> = (0..rules.len())
        .filter(|&i| reads_cleanly(&rules[i]))
        .collect();
    let n = rules.len() as f64;
    let retag = |rules: Vec<Reference>| -> Vec<Reference> {
        let m = super::tagger::model();
        rules
            .into_iter()
            .zip(extras.iter())
            .map(|(r, (removed, merged))| {
                let e = RawEntry {
                    text: r.text,
                    removed: removed.clone(),
                    merged: *merged,
                };
                parse_tagged(e, m)
            })
            .collect()
    };
    if (clean.len() as f64) < REGULAR_SHARE * n || clean.is_empty() {
        return retag(rules);
    }
    let k = clean.len().min(SAMPLE);
    let m = super::tagger::model();
    let agreeing = (0..k)
        .map(|j| clean[j * clean.len() / k])
        .filter(|&i| agree(&rules[i], &parse_tagged(again(&rules[i], i), m)))
        .count();
    let share = clean.len() as f64 / n * agreeing as f64 / k as f64;
    if share >= REGULAR_SHARE {
        rules
    } else {
        retag(rules)
    }
}

/// Entries read by the rules, spread over a long list, before all of it
/// is: see [`clearly_irregular`].
const PRE_SAMPLE: usize = 64;

/// The rules' readings of [`PRE_SAMPLE`] entries spread over a list of at
/// least four times as many, with their places in it, in order; none for
/// a shorter list, which is never judged on a sample.
fn rules_sample(entries: &[RawEntry]) -> Vec<(usize, Reference)> {
    let n = entries.len();
    if n < 4 * PRE_SAMPLE {
        return Vec::new();
    }
    (0..PRE_SAMPLE)
        .map(|j| j * n / PRE_SAMPLE)
        .map(|i| (i, parse_rules(entries[i].clone())))
        .collect()
}

/// Whether a long list is so plainly not in a style the rules know that
/// reading all of it by rule first would be wasted: fewer than half of
/// [`REGULAR_SHARE`] of the rules' readings of a spread `sample` of its
/// entries ([`rules_sample`]) are clean.
///
/// The rules read 0.83 to 0.97 of a regular list's entries cleanly and at
/// most 0.38 of the public sets' mixed lists, so a sample of 64 that
/// falls under a quarter is a mixed list; a list the sample cannot decide
/// is read the full way, which reuses the sample's readings. On long
/// mixed lists this saves the rules' reading of every entry, about a
/// quarter of the time.
fn clearly_irregular(sample: &[(usize, Reference)]) -> bool {
    let clean = sample.iter().filter(|(_, r)| reads_cleanly(r)).count();
    !sample.is_empty() && (clean as f64) < REGULAR_SHARE / 2.0 * sample.len() as f64
}

fn tagged(entries: Vec<RawEntry>) -> Vec<Reference> {
    let m = super::tagger::model();
    entries.into_iter().map(|e| parse_tagged(e, m)).collect()
}

/// Whether two readings agree on the authors' family names, the year and
/// the title.
fn agree(a: &Reference, b: &Reference) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let names = |r: &Reference| -> Vec<String> {
        r.people().iter().map(|n| fold(n.citation_name())).collect()
    };
    let title = |r: &Reference| r.title.as_deref().map(fold);
    a.year_digits() == b.year_digits() && names(a) == names(b) && title(a) == title(b)
}

/// Whether the rules read an entry with no problem: a date after the
/// names, a tail that one of their rules read.
fn reads_cleanly(r: &Reference) -> bool {
    // A proof mark or a stray number the rules found and took out leaves a
    // reading as good as any; the tagger would read the number as title.
    let handled =
        |p: &super::Problem| matches!(p.kind, ProblemKind::ProofMarker | ProblemKind::StrayNumber);
    r.problems.iter().all(handled) && r.tail_rule.is_some()
}

/// Parses one entry as part of a list in a style the rules know.
pub fn parse(e: RawEntry) -> Reference {
    parse_rules(e)
}

/// Parses one entry by the hand-written rules alone.
pub fn parse_rules(e: RawEntry) -> Reference {
    // Fields are read from the text with its cut links made whole; spans
    // come from the entry's map, not from this copy.
    let full = crate::text::identifier::rejoin_links(e.text.as_str()).into_owned();
    let mut r = Reference {
        span: e.text.orig_span(0, e.text.len()),
        ..Default::default()
    };
    raw_problems(&e, &mut r);
    // Identifiers first: they are unambiguous and would confuse the rest.
    let t = take_identifiers(&mut r, &full);
    let t = super::cues::without_genre_label(&t);
    let anchor = find_anchor(t);
    // A date that comes last (or before a chapter's pages) is ABNT's.
    let date_last = anchor.as_ref().is_none_or(|a| {
        let after = t[a.end..].trim_start();
        !after.contains(char::is_alphabetic) || after.starts_with("p.")
    });
    if date_last && super::abnt::parse(&mut r, t) {
        r.tail_rule = Some("abnt");
        return finish(r, &full, e.text);
    }
    let (names_part, rest, quoted_titles) = names_and_rest(&mut r, t, anchor);
    read_names(&mut r, &names_part);
    let tail = read_title(&mut r, &rest, quoted_titles);
    r.tail_rule = parse_tail(&mut r, &tail);
    finish(r, &full, e.text)
}

/// Longest entry the tagger reads (bytes). The longest real references,
/// with a hundred authors, are under half of it.
pub const MAX_TAGGED: usize = 8 << 10;

/// Parses one entry with the tagger `m`: the DOI, the URL and the access
/// date by rule, every other field from the tagged runs.
pub fn parse_tagged(e: RawEntry, m: &super::tagger::model::Model) -> Reference {
    // The tagger's features cost about a hundred times the text; an
    // "entry" this long is a page that lost its line ends, not a
    // reference, and the rules read it in linear time and little memory.
    if e.text.len() > MAX_TAGGED {
        return parse_rules(e);
    }
    // Fields are read from the text with its cut links made whole; spans
    // come from the entry's map, not from this copy.
    let full = crate::text::identifier::rejoin_links(e.text.as_str()).into_owned();
    let mut r = Reference {
        span: e.text.orig_span(0, e.text.len()),
        ..Default::default()
    };
    raw_problems(&e, &mut r);
    take_identifiers(&mut r, &full);
    let segs = super::tagger::segments_with(m, &full);
    super::tagger::read::fill(&mut r, &full, &segs);
    if r.year.is_none() {
        r.problems.push(Problem {
            kind: ProblemKind::MissingYear,
            message: "no date after the author names".into(),
            span: r.span.clone(),
        });
    }
    r.tail_rule = Some("tagger");
    finish(r, &full, e.text)
}

/// The problems the splitter found: proof marks removed, entries that
/// shared a line.
fn raw_problems(e: &RawEntry, r: &mut Reference) {
    for rm in &e.removed {
        r.problems.push(Problem {
            kind: ProblemKind::ProofMarker,
            message: format!("typesetting leftover \"{}\" in the entry", rm.text),
            span: rm.span.clone(),
        });
    }
    if e.merged {
        r.problems.push(Problem {
            kind: ProblemKind::MergedReferences,
            message: "this entry shares its line with another entry".into(),
            span: r.span.clone(),
        });
    }
}

/// Takes the DOI, the URL and the access date out of the entry, and
/// returns what is left.
fn take_identifiers(r: &mut Reference, full: &str) -> String {
    let mut t = full.to_string();
    // A DOI stands alone, after "doi:", or in a doi.org link; "10.1007/…"
    // inside another site's URL belongs to that URL.
    let doi = DOI.captures_iter(&t).find(|c| {
        let (whole, id) = (
            c.get(0).map_or(0, |m| m.start()),
            c.get(1).map_or(0, |m| m.start()),
        );
        whole < id
            || t[..id]
                .chars()
                .next_back()
                .is_none_or(|ch| ch.is_whitespace() || ch == '(' || ch == '[')
    });
    if let Some(c) = doi {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let doi = doi_value(&c[1]);
        r.doi = Some(doi);
        t.replace_range(m, "");
    }
    if let Some(m) = URL.find(&t) {
        let url = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ')', ']'])
            .to_string();
        let range = m.range();
        r.url = Some(url);
        t.replace_range(range, "");
    }
    if let Some(c) = ACCESS.captures(&t) {
        r.urldate = non_empty(&c[1]);
        let m = c.get(0).map_or(0..0, |m| m.range());
        t.replace_range(m, " ");
    }
    let t = t.trim().to_string();
    AVAILABLE.replace(&t, "").trim().to_string()
}

/// A DOI as matched, without the punctuation that ends the sentence and
/// without a label glued to it when extraction lost the space
/// ("10.1007/BF02345020.URLhttps", as biblatex's "URL:" prints).
fn doi_value(m: &str) -> String {
    let d = match m.find("URL") {
        Some(i) if m[i + 3..].is_empty() || m[i + 3..].starts_with(['h', 'H', ':', 'w']) => &m[..i],
        _ => m,
    };
    d.trim_end_matches(['.', ',', ';', ')', ']']).to_string()
}

/// The names before the anchor and the rest after it, with the year read
/// into `r`; and whether titles may be quoted (not after APA's "(Year).").
/// Without an anchor, names run to the first sentence end.
fn names_and_rest(r: &mut Reference, t: &str, anchor: Option<Anchor>) -> (String, String, bool) {
    match anchor {
        Some(a) => {
            r.year = Some(a.year);
            r.other_years = a.also;
            (t[..a.start].to_string(), t[a.end..].to_string(), !a.apa)
        }
        None => {
            // No date after the names: a year from anywhere.
            if let Some(c) = ANY_YEAR.captures(t) {
                r.year = Some(c[0].to_string());
            }
            r.problems.push(Problem {
                kind: ProblemKind::MissingYear,
                message: "no date after the author names".into(),
                span: r.span.clone(),
            });
            let b = sentence_bounds(t);
            let cut = b.first().copied().unwrap_or(t.len());
            if author_like(&t[..cut]) {
                (t[..cut].to_string(), t[cut..].to_string(), true)
            } else {
                (String::new(), t.to_string(), true)
            }
        }
    }
}

/// Reads the author list, or the editors when it carries an editor mark.
fn read_names(r: &mut Reference, names_part: &str) {
    let mut names_part = names_part.trim().to_string();
    let edited = EDITORS_MARK
        .find(&names_part)
        .or_else(|| CHICAGO_EDITORS.find(&names_part))
        .map(|m| m.range());
    if let Some(mut m) = edited.clone() {
        // "Cole, D. (Ed.)." : the period closes the names, not an initial.
        if names_part[m.end..].trim() == "." {
            m.end = names_part.len();
        }
        names_part.replace_range(m, " ");
    }
    let (names, truncated) = parse_names(&names_part);
    r.authors_truncated = truncated;
    if edited.is_some() {
        r.editors = names;
    } else {
        r.authors = names;
    }
}

/// Reads the title, with a stray number, a volume or an edition taken out
/// of it, and returns the tail after it.
fn read_title(r: &mut Reference, rest: &str, quoted_titles: bool) -> String {
    let (title, mut tail) = split_title(rest, quoted_titles);
    if let Some(mut title) = title {
        // An edition closes the title in every style: what follows it
        // ("Title, 2nd ed. Routledge, London.") is the tail.
        if let Some(m) = EDITION.find(&title)
            && title[m.end()..].contains(char::is_alphabetic)
        {
            tail = format!("{} {tail}", &title[m.end()..]);
            title.truncate(m.end());
        }
        take_stray_number(r, &mut title);
        if let Some(c) = VOLUME_PAREN.captures(&title) {
            r.volume = non_empty(&c[1]);
            let m = c.get(0).map_or(0..0, |m| m.range());
            title.replace_range(m, "");
        }
        let title = take_edition(r, &title);
        r.title = non_empty(&title);
    }
    tail
}

/// Takes a number that starts the title ("17 The digital divide", a
/// chapter number the PDF left) out of it, and reports it.
fn take_stray_number(r: &mut Reference, title: &mut String) {
    if let Some(c) = STRAY_NUMBER.captures(title) {
        let n = c[1].to_string();
        r.problems.push(Problem {
            kind: ProblemKind::StrayNumber,
            message: format!("the title starts with a stray number \"{n}\""),
            span: r.span.clone(),
        });
        *title = title[n.len()..].trim_start().to_string();
    }
}

/// The type, the completeness check and the entry's text, once its fields
/// are read.
fn finish(mut r: Reference, full: &str, text: crate::text::Mapped) -> Reference {
    r.kind = classify(&r, full);
    if incomplete(&r) {
        r.problems.push(Problem {
            kind: ProblemKind::IncompleteReference,
            message: "no journal, book, publisher or URL".into(),
            span: r.span.clone(),
        });
    }
    r.text = text;
    // Lists grown item by item keep room they will never use, and a long
    // reference list holds hundreds of thousands of them.
    r.text.shrink_to_fit();
    r.authors.shrink_to_fit();
    r.editors.shrink_to_fit();
    r.other_years.shrink_to_fit();
    r.problems.shrink_to_fit();
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Name;

    /// A surname of letters alone, a different one for each `i`.
    fn surname(i: usize) -> String {
        let letters: String = [i % 26, i / 26 % 26]
            .iter()
            .map(|&k| char::from(b'a' + k as u8))
            .collect();
        format!("Bor{letters}son")
    }

    fn long_list(line: impl Fn(usize) -> String) -> Vec<RawEntry> {
        let src: String = (0..300).map(|i| line(i) + "\n").collect();
        crate::reference::raw_lines(&src)
    }

    #[test]
    fn a_long_mixed_list_is_tagged_without_the_rules_reading_it_first_and_reads_the_same() {
        // Numbered entries with the year last: not a style the rules read.
        let mixed = long_list(|i| {
            format!(
                "[{i}] K. {}, Phys. Lett. {}, {} ({})",
                surname(i),
                i % 90 + 1,
                100 + i,
                1950 + i % 70
            )
        });
        assert!(clearly_irregular(&rules_sample(&mixed)));
        let fast = parse_list(mixed.clone());
        let full = read_list(mixed, Vec::new());
        assert_eq!(fast.len(), full.len());
        for (a, b) in fast.iter().zip(&full) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
    }

    #[test]
    fn a_long_regular_list_is_read_the_full_way() {
        let apa = long_list(|i| {
            format!(
                "{}, A. ({}). A title of work {i}. Journal of Things, {}(2), 1–9.",
                surname(i),
                1950 + i % 70,
                i % 40 + 1
            )
        });
        let sample = rules_sample(&apa);
        assert!(!clearly_irregular(&sample));
        // The sample's readings are the ones the full way keeps.
        let full = read_list(apa.clone(), Vec::new());
        let reused = read_list(apa, sample);
        assert!(full.iter().all(|r| r.tail_rule != Some("tagger")));
        assert_eq!(format!("{full:?}"), format!("{reused:?}"));
        // A short list is never judged on a sample.
        let few = long_list(|i| format!("[{i}] K. Surname, Phys. Lett. 3, 100 (1999)"));
        assert!(rules_sample(&few[..200]).is_empty());
        assert!(!clearly_irregular(&rules_sample(&few[..200])));
    }

    #[test]
    fn an_editor_mark_followed_by_the_names_period_leaves_the_initials_alone() {
        let src = "Cole, D. (Ed.). (2012). Soils of the world. Field Press.";
        let e = crate::reference::raw_lines(src).remove(0);
        let r = parse_rules(e);
        assert_eq!(r.editors.len(), 1, "{:?}", r.editors);
        assert!(r.authors.is_empty());
    }

    #[test]
    fn dois_are_read_through_extraction_damage() {
        let cases = [
            ("J, 2, 1-9. doi :10.1007/BF02105068", "10.1007/BF02105068"),
            (
                "J, 2, 1-9. doi: 10.1146/annurev.55.151502,arXiv :hep-ph/0502182.",
                "10.1146/annurev.55.151502",
            ),
            (
                "J, 2, 1-9. doi: 10.1007/BF02345020.URLhttps : //doi.org/x",
                "10.1007/BF02345020",
            ),
            (
                "J, 2, 1-9. https://doi.org/10.1016/ j.envres.2019.03.001",
                "10.1016/j.envres.2019.03.001",
            ),
            (
                "J, 2, 1-9. https://doi.org/10.1016/j. envres.2019.03.001.",
                "10.1016/j.envres.2019.03.001",
            ),
            (
                "J, 2, 1-9. https://doi.org/10.1002/(SICI)1097-4571(199806)49:8.",
                "10.1002/(SICI)1097-4571(199806)49:8",
            ),
        ];
        for (k, (tail, want)) in cases.into_iter().enumerate() {
            let line = format!("Lee, A. (2001). A title. {tail}\n");
            for r in crate::reference::parse_lines_by(&line, parse_rules)
                .into_iter()
                .chain(crate::reference::parse_lines_by(&line, |e| {
                    parse_tagged(e, crate::reference::tagger::model())
                }))
            {
                assert_eq!(r.doi.as_deref(), Some(want), "{tail}");
                // What follows the DOI in the second and third cases (an
                // arXiv number, a broken URL) is read as another field.
                if k != 1 && k != 2 {
                    assert_eq!(r.pages.as_deref(), Some("1-9"), "{tail}");
                }
            }
        }
    }

    #[test]
    fn an_entry_too_long_to_be_a_reference_is_read_by_the_rules_not_the_tagger() {
        let line = format!("Lee, A. (2001). {}\n", "A long run of words. ".repeat(600));
        assert!(line.len() > MAX_TAGGED);
        let r = &crate::reference::parse_lines_by(&line, |e| {
            parse_tagged(e, crate::reference::tagger::model())
        })[0];
        assert_ne!(r.tail_rule, Some("tagger"));
        assert_eq!(r.year.as_deref(), Some("2001"));
        let short =
            &crate::reference::parse_lines_by("Lee, A. (2001). A title. J, 3, 1-9.\n", |e| {
                parse_tagged(e, crate::reference::tagger::model())
            })[0];
        assert_eq!(short.tail_rule, Some("tagger"));
    }

    /// The rules' reading of one entry.
    fn by_rules(line: &str) -> Reference {
        let mut e = crate::reference::raw_lines(&format!("{line}\n"));
        assert_eq!(e.len(), 1, "{line}");
        parse_rules(e.remove(0))
    }

    #[test]
    fn an_edition_after_a_comma_ends_the_title_before_the_publisher() {
        let r =
            by_rules("Hale, E., Gull, R., 2019. Dispersal models, 2nd ed. Fenwick Press, Berlin.");
        assert_eq!(r.title.as_deref(), Some("Dispersal models"));
        assert_eq!(r.edition.as_deref(), Some("2nd ed"));
        assert_eq!(r.publisher.as_deref(), Some("Fenwick Press"));
        assert_eq!(r.location.as_deref(), Some("Berlin"));
    }

    #[test]
    fn a_host_after_a_comma_and_in_colon_ends_the_title() {
        let r = by_rules(
            "Dorn, D., 2008. Dry years and seed fate, in: Pell, A., Rahm, S. (Eds.), Seed ecology. Fenwick Press, Berlin, pp. 77–95.",
        );
        assert_eq!(r.title.as_deref(), Some("Dry years and seed fate"));
        assert_eq!(r.container.as_deref(), Some("Seed ecology"));
        let editors: Vec<_> = r.editors.iter().map(Name::citation_name).collect();
        assert_eq!(editors, ["Pell", "Rahm"]);
        assert_eq!(r.pages.as_deref(), Some("77–95"));
    }

    #[test]
    fn a_genre_label_before_the_names_is_not_a_name() {
        let r = by_rules("[dataset] Lund, K., Abel, P., 2015. Seed counts of the coast. Dryad.");
        let authors: Vec<_> = r.authors.iter().map(Name::citation_name).collect();
        assert_eq!(authors, ["Lund", "Abel"]);
        assert_eq!(r.title.as_deref(), Some("Seed counts of the coast"));
    }

    #[test]
    fn a_thesis_statement_after_a_question_is_not_the_title() {
        let r = by_rules("Lund, K., 1962. Where do seeds go? Ph.D. Thesis. Hollis University.");
        assert_eq!(r.title.as_deref(), Some("Where do seeds go?"));
        assert_eq!(r.kind, crate::reference::EntryType::Thesis);
    }
}
