//! Tagged runs into fields: the rule-based normalisers after the tagger.
//!
//! The tagger says where a field is; these rules say what it holds. Names
//! are split by [`parse_names`], marks such as "pp.", "Vol." and "(Eds.)"
//! are dropped, "12(3)" is cut into volume and issue, and a year keeps its
//! suffix ("2015a") or reads as "n.d." or "in press".

use super::{Label, Segment};
use crate::grammar;
use crate::reference::names::parse_names;
use crate::reference::tail::EDITORS_MARK;
use crate::reference::{Name, Reference};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

re!(
    YEAR_IN,
    &format!(r"(?i)\b({}[a-z]?)\b|({})", grammar::YEAR, grammar::NO_DATE)
);
re!(
    VOLUME_ISSUE,
    r"^(?P<vol>[^()\s]*?\d[^()\s]*?)\s*\((?P<iss>[^)]{1,30})\)$"
);
re!(
    MARK,
    r"(?i)^(?:vols?|volume|bd|jg|tome|t|v|nos?|nr|number|issue|heft|h|n|num|núm|fasc|iss|pp?|pages?|pg|s|seiten?|ss|pág|págs|art|article|e-?location|edn|ed)\.?\s*"
);
re!(IN_MARK, r"(?i)^(?:in|em|en)\s*:?\s+");
re!(
    EDITOR_WORDS,
    &format!(
        r"(?i)\(?\b(?:{})\b\.?\)?(?:\s+by\b|\s+v\.)?\s*:?,?",
        crate::lexicon::alternation(crate::lexicon::EDITOR_MARKS)
    )
);

/// The byte range of the field `label`: its first run, and for names,
/// later runs that only unlabelled text separates ("Lee, & Kim").
fn field(segs: &[Segment], label: &str) -> Option<Range<usize>> {
    let y = Label::named(label)?;
    let first = segs.iter().position(|s| s.label == y)?;
    let mut span = segs[first].span.clone();
    if matches!(label, "author" | "editor") {
        for s in &segs[first + 1..] {
            if s.label == y {
                span.end = s.span.end;
            } else if s.label.0 != 0 {
                break;
            }
        }
    }
    Some(span)
}

/// The text of every run labelled `label`.
fn all<'a>(segs: &'a [Segment], text: &'a str, label: &str) -> impl Iterator<Item = &'a str> {
    let y = Label::named(label);
    segs.iter()
        .filter(move |s| Some(s.label) == y)
        .filter_map(move |s| text.get(s.span.clone()))
}

/// Trims the punctuation that separates fields, a closing period, and a
/// bracket whose partner is outside the run.
fn trim(s: &str) -> &str {
    let mut t = trim_separators(s).trim_end_matches('.').trim();
    // Enclosing punctuation is a few marks deep at most; a bound keeps a run
    // of brackets in hostile input linear.
    for _ in 0..MAX_PASSES {
        let before = t.len();
        for (open, close) in [('(', ')'), ('[', ']')] {
            let (o, c) = (t.matches(open).count(), t.matches(close).count());
            if c > o && t.ends_with(close) {
                t = trim_separators(&t[..t.len() - 1])
                    .trim_end_matches('.')
                    .trim();
            } else if o > c && t.starts_with(open) {
                t = trim_separators(&t[1..]);
            }
        }
        if t.len() == before {
            break;
        }
    }
    t
}

/// Passes of the trimming loops.
const MAX_PASSES: usize = 4;

/// Trims white space and the separators between fields.
fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '/'))
}

/// Trims a title: separators, a closing period, quotes and brackets that
/// enclose the whole of it.
fn trim_title(s: &str) -> String {
    let mut t = trim(s).to_string();
    for _ in 0..MAX_PASSES {
        let before = t.len();
        for (a, b) in [
            ('"', '"'),
            ('“', '”'),
            ('‘', '’'),
            ('\'', '\''),
            ('«', '»'),
            ('„', '“'),
        ] {
            if t.starts_with(a) && t.ends_with(b) && t.len() > a.len_utf8() + b.len_utf8() {
                t = t[a.len_utf8()..t.len() - b.len_utf8()].to_string();
            }
        }
        // A quote whose partner is outside the title run.
        for q in ['"', '“', '”', '‘', '’', '«', '»', '„'] {
            let n = t.matches(q).count();
            if n == 1 && (t.starts_with(q) || t.ends_with(q)) {
                t = t.trim_matches(q).to_string();
            }
        }
        t = trim(&t).to_string();
        if t.len() == before {
            break;
        }
    }
    t
}

/// A field's value: it ends at a bracket that closes one it did not open
/// ("University]. Repository").
fn value(s: &str) -> Option<String> {
    let mut depth = 0i32;
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth < 0 {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let t = trim(&s[..end]);
    (!t.is_empty()).then(|| t.to_string())
}

/// Drops a leading mark ("Vol.", "pp.", "No.") and brackets.
fn unmark(s: &str) -> Option<String> {
    let t = trim(s)
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    let t = MARK.replace(t, "");
    value(&t)
}

/// A list of names, with the marks around an editor list taken out.
fn names(s: &str, editors: bool) -> (Vec<Name>, bool) {
    let mut t = IN_MARK.replace(s.trim(), "").into_owned();
    if editors {
        t = EDITORS_MARK.replace_all(&t, " ").into_owned();
        t = EDITOR_WORDS.replace_all(&t, " ").into_owned();
    }
    // The period after a last initial belongs to it.
    parse_names(trim_separators(&t))
}

/// An organisation's name tagged as the title where author-date styles put
/// the names: first in the entry, right before the date ("The Office of
/// Evaluation (2014). https://…").
fn organisation_before_date(segs: &[Segment], text: &str) -> Option<String> {
    let mut labelled = segs.iter().filter(|s| s.label.0 != 0);
    let (first, second) = (labelled.next()?, labelled.next()?);
    if first.label.name() != "title" || second.label.name() != "year" {
        return None;
    }
    let t = trim_title(text.get(first.span.clone())?);
    t.split_whitespace()
        .any(|w| crate::lexicon::is_org_word(&w.to_lowercase()))
        .then_some(t)
}

/// Fills the fields of `r` from the tagged runs of `text`. The DOI, the URL
/// and the access date are left to the rules that read them already.
pub fn fill(r: &mut Reference, text: &str, segs: &[Segment]) {
    let get = |label: &str| field(segs, label).and_then(|s| text.get(s));
    if let Some(a) = get("author") {
        let edited = EDITORS_MARK.is_match(a) || trim(a).to_lowercase().ends_with("eds");
        let (list, truncated) = names(a, edited);
        r.authors_truncated = truncated;
        if edited && get("editor").is_none() {
            r.editors = list;
        } else {
            r.authors = list;
        }
    }
    if let Some(e) = get("editor") {
        r.editors = names(e, true).0;
    }
    let organisation_first = organisation_before_date(segs, text);
    // The first run that holds a date; later ones are reprints or access
    // dates.
    for y in all(segs, text, "year") {
        if let Some(c) = YEAR_IN.captures(y) {
            let v = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            r.year = Some(if c.get(2).is_some() {
                if v.to_lowercase().starts_with('n') || v.to_lowercase().starts_with('s') {
                    "n.d.".to_string()
                } else {
                    v.to_lowercase()
                }
            } else {
                v.to_string()
            });
            break;
        }
    }
    r.title = get("title").map(trim_title).filter(|t| !t.is_empty());
    if let Some(org) = organisation_first.filter(|_| r.people().is_empty()) {
        // Author-date styles put the names before the date.
        r.authors = vec![Name::Literal { literal: org }];
        r.title = all(segs, text, "title").nth(1).map(trim_title);
    }
    r.container = get("container")
        .map(|c| IN_MARK.replace(trim(c), "").into_owned())
        .map(|c| trim_title(&c))
        .filter(|c| !c.is_empty());
    if let Some(v) = get("volume") {
        let v = trim(v);
        match VOLUME_ISSUE.captures(v) {
            Some(c) => {
                r.volume = unmark(&c["vol"]);
                r.issue = unmark(&c["iss"]);
            }
            None => r.volume = unmark(v),
        }
    }
    if let Some(i) = get("issue") {
        r.issue = unmark(i);
    }
    r.pages = get("pages").and_then(unmark);
    let raw_container = get("container").map(trim_separators);
    split_volume(r, raw_container.is_some_and(|c| c.ends_with('.')));
    r.publisher = get("publisher").and_then(value);
    r.location = get("location").and_then(value);
    r.edition = get("edition").and_then(|e| {
        let t = trim(e).trim_start_matches('(').trim_end_matches(')');
        value(t)
    });
}

re!(SERIES_VOLUME, r"^(\p{Lu})(\d{1,3})$");
// German "H." (Heft) is an issue mark only here, after a volume number;
// the lexicon leaves it out, where it would read an initial as a mark.
re!(
    VOLUME_AND_MORE,
    &format!(
        r"(?i)^(\d+)\s*[,\s]\s*(?:(?:{}|h)\.?\s*(?P<iss>\d+)|(?P<num>\p{{Lu}}?\d+(?:\s?[-–]\s?\p{{Lu}}?\d+)?)|\D.*)$",
        crate::lexicon::alternation(crate::lexicon::ISSUE_MARKS)
    )
);

/// A volume run that holds more than the volume. Physics journals glue a
/// series letter to it ("Phys. Rev. D12"): the letter belongs to the
/// journal's name. Compact styles put the issue, the pages or an article
/// number right after it ("74, No. 5", "36, 3", "254 425", "792 L32"): a
/// number of one or two digits is the issue, a longer one or a range the
/// pages, when those are not read already. A stray mark can trail it
/// ("50, no"). `abbreviated` says whether the journal's name ended in a
/// period, which trimming took off and the letter gives back.
fn split_volume(r: &mut Reference, abbreviated: bool) {
    let Some(v) = r.volume.clone() else { return };
    if let Some(c) = SERIES_VOLUME.captures(&v) {
        if let Some(cont) = r.container.as_mut()
            && !cont.ends_with(&c[1])
        {
            if abbreviated && !cont.ends_with('.') {
                cont.push('.');
            }
            cont.push(' ');
            cont.push_str(&c[1]);
        }
        r.volume = Some(c[2].to_string());
    } else if let Some(c) = VOLUME_AND_MORE.captures(&v) {
        r.volume = Some(c[1].to_string());
        let issue = c.name("iss").or_else(|| {
            c.name("num")
                .filter(|n| n.as_str().len() <= 2 && n.as_str().bytes().all(|b| b.is_ascii_digit()))
        });
        if let Some(i) = issue {
            r.issue.get_or_insert_with(|| i.as_str().to_string());
        } else if let Some(p) = c.name("num") {
            r.pages.get_or_insert_with(|| p.as_str().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segment labelled `label` over the first `part` of `t`.
    fn seg(t: &str, label: &str, part: &str) -> Segment {
        let at = t.find(part).expect("part of the text");
        Segment {
            label: Label::named(label).expect("a label"),
            span: at..at + part.len(),
        }
    }

    #[test]
    fn volume_and_issue_are_cut_apart() {
        let t = "J 24(2), 5–9.";
        let segs = [
            seg(t, "container", "J"),
            seg(t, "volume", "24(2),"),
            seg(t, "pages", "5–9."),
        ];
        let mut r = Reference::default();
        fill(&mut r, t, &segs);
        assert_eq!(r.volume.as_deref(), Some("24"));
        assert_eq!(r.issue.as_deref(), Some("2"));
        assert_eq!(r.pages.as_deref(), Some("5–9"));
    }

    #[test]
    fn a_volume_run_keeps_only_the_volume() {
        for (vol, cont, pages, want) in [
            ("D12,", "Phys. Rev. D", None, ("12", "Phys. Rev. D", None)),
            (
                "C67",
                "Z. Phys.",
                Some("321"),
                ("67", "Z. Phys. C", Some("321")),
            ),
            ("792 L32", "ApJL", None, ("792", "ApJL", Some("L32"))),
            ("1509, 008", "JCAP", None, ("1509", "JCAP", Some("008"))),
            (
                "50, no",
                "IEEE Trans",
                Some("1-9"),
                ("50", "IEEE Trans", Some("1-9")),
            ),
            ("12", "J", None, ("12", "J", None)),
            (
                "W7653",
                "NBER Working Paper",
                None,
                ("W7653", "NBER Working Paper", None),
            ),
            ("XII", "J", None, ("XII", "J", None)),
        ] {
            let t = format!("{cont} {vol} {}", pages.unwrap_or(""));
            let mut segs = vec![seg(&t, "container", cont), seg(&t, "volume", vol)];
            if let Some(p) = pages {
                segs.push(seg(&t, "pages", p));
            }
            let mut r = Reference::default();
            fill(&mut r, &t, &segs);
            assert_eq!(r.volume.as_deref(), Some(want.0), "{vol}");
            assert_eq!(r.container.as_deref(), Some(want.1), "{vol}");
            assert_eq!(r.pages.as_deref(), want.2, "{vol}");
        }
    }

    #[test]
    fn an_issue_after_the_volume_is_the_issue() {
        for (vol, want) in [("74, No. 5", "5"), ("36, 3", "3"), ("16, 1", "1")] {
            let t = format!("J {vol} 1-9");
            let segs = [seg(&t, "volume", vol), seg(&t, "pages", "1-9")];
            let mut r = Reference::default();
            fill(&mut r, &t, &segs);
            assert_eq!(r.volume.as_deref(), Some(&vol[..2]), "{vol}");
            assert_eq!(r.issue.as_deref(), Some(want), "{vol}");
            assert_eq!(r.pages.as_deref(), Some("1-9"), "{vol}");
        }
    }

    #[test]
    fn marks_and_quotes_are_dropped() {
        let t = "“A title,” Vol. 3, pp. 1-2";
        let segs = [
            seg(t, "title", "“A title,”"),
            seg(t, "volume", "Vol. 3,"),
            seg(t, "pages", "pp. 1-2"),
        ];
        let mut r = Reference::default();
        fill(&mut r, t, &segs);
        assert_eq!(r.title.as_deref(), Some("A title"));
        assert_eq!(r.volume.as_deref(), Some("3"));
        assert_eq!(r.pages.as_deref(), Some("1-2"));
    }

    #[test]
    fn editors_lose_their_marks() {
        let t = "In: A. Lee and B. Kim (Eds.),";
        let segs = [seg(t, "editor", t)];
        let mut r = Reference::default();
        fill(&mut r, t, &segs);
        let fams: Vec<&str> = r.editors.iter().map(Name::citation_name).collect();
        assert_eq!(fams, ["Lee", "Kim"]);
    }

    #[test]
    fn years_keep_suffixes_and_read_no_date() {
        for (t, want) in [
            ("(2015a).", "2015a"),
            ("(n.d.).", "n.d."),
            ("(in press)", "in press"),
        ] {
            let segs = [seg(t, "year", t)];
            let mut r = Reference::default();
            fill(&mut r, t, &segs);
            assert_eq!(r.year.as_deref(), Some(want), "{t}");
        }
    }
}
