//! Splitting a reference region into one text per work.
//!
//! Two layouts occur. Either each entry is one line (clean text, Markdown),
//! or lines are hard-wrapped at a fixed width (PDF extraction), and an entry
//! continues until a line that starts like a new entry: a name followed
//! soon by a year. In both, two entries can share a line when extraction
//! lost the break between them ("… Routledge. Marlow, H. A. (1996). …").

use crate::grammar;
use crate::text::{Mapped, Removed};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// One entry's text, before parsing.
#[derive(Debug, Clone)]
pub struct RawEntry {
    /// Clean text with its map back to the original.
    pub text: Mapped,
    /// Proof marks and other leftovers removed from it.
    pub removed: Vec<Removed>,
    /// True when the entry shared its line with another one.
    pub merged: bool,
}

/// A list bullet or label before an entry: "- ", "• ", "[12] ", "12. ".
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-•*–]\s+|\[\d{1,3}\]\s*|\d{1,3}\.\s+(?:\p{Lu}))").expect("valid regex")
});

/// A name at the start of an entry, then (soon) its date.
static ENTRY_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&grammar::entry_start()).expect("valid regex"));

/// An inverted name with initials at the start of a line ("Smith, J. A.").
static INVERTED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // "Smith, J. A." or an organisation before people: "Malaria Genomic
    // Epidemiology Network, Rockett, K. A.".
    Regex::new(&grammar::inverted_name()).expect("valid regex")
});

/// A second entry that starts inside a line, after the end of the first.
static INLINE_START: LazyLock<Regex> = LazyLock::new(|| {
    // After the end of one entry (".", a digit or ")"), perhaps a bullet,
    // then a second entry's names and date. APA/Harvard: "Marlow, H. A.,
    // & Lee, K. (1996)", with "et al." allowed before the date. Chicago and
    // house styles: "Clarke, Geraldine. 2017." or "Smith AB, Jones CD. 2015."
    // "van der Berg": particles come in runs, and a name may capitalise
    // them ("Da Silva").
    let particle = format!(r"(?:(?i:{})\s+){{0,3}}", crate::grammar::particles());
    let inverted = format!(r"{particle}\p{{Lu}}[\p{{L}}'’\-]+,\s+(?:\p{{Lu}}\.\s?-?)+");
    Regex::new(&format!(
        r"[.\d)]\s+(?:[-•–]\s+)?((?:{inverted}(?:,?\s+(?:&\s+|and\s+)?{inverted})*(?:,?\s+et al\.)?\s*\(\d{{4}}[a-z]?\))|(?:{particle}\p{{Lu}}[\p{{L}}'’\-]+(?:\s\p{{Lu}}{{1,3}})?,\s[^()“”\x22]{{1,250}}?\.\s(?:(?:1[5-9]|20)\d\d[a-z]?\.|n\.d\.)\s))"
    ))
    .expect("valid regex")
});

/// "Rossi, Maria" or "van der Berg, J." at the start of a line.
static NAME_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{particles}\s+)*\p{{Lu}}[\p{{L}}'’\-]+(?:\s\p{{Lu}}[\p{{L}}'’\-]+)?,\s+\p{{Lu}}",
        particles = crate::grammar::particles()
    ))
    .expect("valid regex")
});

static HAS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*(?:\d{4}[a-z]?|n\.\s?d\.)[^)]{0,20}\)|[.,]\s(?:\d{4}[a-z]?\.|n\.d\.)\s")
        .expect("valid regex")
});

fn strip_bullet(src: &str, line: &Range<usize>) -> Range<usize> {
    let t = &src[line.clone()];
    let mut start = line.start;
    if let Some(m) = BULLET.find(t) {
        // Keep the capital letter that the numbered-label form looks at.
        let label = m.as_str().trim_end_matches(|c: char| c.is_uppercase());
        start += label.len();
    }
    let rest = &src[start..line.end];
    start += rest.len() - rest.trim_start().len();
    start..line.end
}

fn ends_entry(t: &str) -> bool {
    let t = t.trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    if last.contains("://") || last.starts_with("10.") || last.starts_with("www.") {
        return true;
    }
    // An author list goes on after an initial ("Kwiatkowski, D. P."):
    // entries end in pages, a publisher or an identifier, never in one.
    // At most two letters: "P.", "A.M."; "BFI." is a publisher.
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    let initial = (1..=2).contains(&letters)
        && last.ends_with('.')
        && last
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-')
        && last
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    // Nor does an entry end in an ellipsis of authors (". . .").
    if initial || t.ends_with(". . .") || t.ends_with('…') {
        return false;
    }
    t.ends_with(['.', ')', ']']) || t.ends_with(|c: char| c.is_ascii_digit()) || t.ends_with('/')
}

/// Whether line `t` goes on with the entry of line `prev`: it holds the
/// rest of a link that the line break cut, or the entry's link, which was
/// too long to fit on the line where the entry ends. An entry never starts
/// with its link, and one with a link of its own already is finished.
fn continues_link(prev: &str, t: &str) -> bool {
    use crate::text::identifier::{cuts_link, is_link};
    cuts_link(prev, t)
        || t.split_whitespace().next().is_some_and(is_link) && !prev.split_whitespace().any(is_link)
}

/// True when the region looks hard-wrapped: many lines end near one width.
fn hard_wrapped(src: &str, lines: &[Range<usize>]) -> bool {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| src[l.clone()].chars().count())
        .collect();
    if lines.len() < 4 {
        return false;
    }
    // The wrapping width: a long unbreakable URL may stick out, so take
    // the 90th percentile, not the longest line.
    lens.sort_unstable();
    let width = lens[lens.len() * 9 / 10];
    if width == 0 || width > 140 {
        return false;
    }
    let near = lens.iter().filter(|&&n| n * 100 >= width * 85).count();
    // Even lengths alone are not enough (short entries of one shape are
    // even too): wrapped lines also end in the middle of an entry.
    let open = lines
        .iter()
        .filter(|l| !ends_entry(&src[(*l).clone()]))
        .count();
    near * 100 >= lens.len() * 25 && open * 100 >= lines.len() * 20
}

/// Whether line `i` starts an entry: names and (soon) a date, an inverted
/// name with initials, or "Rossi, Maria A., Hans-Peter Brown, … John" whose
/// long author list puts the date on the next line. `loose` lets any line
/// take its date from the next, as after a line that surely ended an entry
/// (a URL or DOI).
fn opens_entry(src: &str, lines: &[Range<usize>], i: usize, loose: bool) -> bool {
    let t = super::cues::without_genre_label(src[lines[i].clone()].trim());
    starts_entry(t)
        || inverted_name(t)
        || (loose || NAME_COMMA.is_match(t) || family_initials_comma(t))
            && lines.get(i + 1).is_some_and(|n| {
                // The date must be this line's: after a line that reads as
                // finished, a next line that opens an entry of its own holds
                // its own date ("Springer, Cham." ends one entry; it does
                // not start the next). A line of names left open ("…, and")
                // takes its date from the next line, names and all.
                let n = src[n.clone()].trim();
                !(ends_entry(t) && starts_entry(n)) && starts_entry(&format!("{t} {n}"))
            })
}

/// Whether `t` opens with a family name and its initials without periods,
/// then a comma and the next name ("Fernández-López L, O'Brien MA, …"), as
/// Springer's and Vancouver's lists write them. Checked in code: a regex
/// would repeat a Unicode class for the initials.
fn family_initials_comma(t: &str) -> bool {
    let Some((first, rest)) = t.split_once(", ") else {
        return false;
    };
    let Some((family, initials)) = first.rsplit_once(' ') else {
        return false;
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let family_words = family.split(' ').count();
    (1..=3).contains(&family_words)
        && (1..=3).contains(&initials.chars().count())
        && initials.chars().all(char::is_uppercase)
        && family.rsplit(' ').next().is_some_and(capital)
        && family.split(' ').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        })
        && (capital(rest)
            || rest
                .split(' ')
                .next()
                .is_some_and(crate::lexicon::is_reference_particle))
}

/// Whether the entry so far, lines `g`, holds only its names and date
/// ("Lee K, Ross N, …, Imre N (1960)"): its title is still to come, so a
/// line after it that reads as an entry's start ("Institutions of the
/// coast (1990–2010). …") is its title. Only a short entry is read, so the
/// split stays linear.
fn names_and_date_only(src: &str, g: &[Range<usize>]) -> bool {
    let last = g.last().map_or("", |l| src[l.clone()].trim_end());
    if g.len() > 3 || !(last.ends_with(')') || last.ends_with(").")) {
        return false;
    }
    let text = g
        .iter()
        .map(|l| src[l.clone()].trim())
        .collect::<Vec<_>>()
        .join(" ");
    super::anchor::find_anchor(&text).is_some_and(|a| text[a.end..].trim().is_empty())
}

/// Whether `t` opens with a name and, within [`grammar::ENTRY_GAP`], a date.
fn starts_entry(t: &str) -> bool {
    let t = super::cues::without_genre_label(t);
    // The fast test first: most lines do not match at all.
    ENTRY_START.is_match(t)
        && ENTRY_START.captures(t).is_some_and(|c| {
            c.name("gap")
                .is_none_or(|g| grammar::entry_gap_units(g.as_str()) <= grammar::ENTRY_GAP)
        })
}

/// Whether `t` opens with an inverted name, or with an organisation or a
/// team of no more words than [`grammar`] allows.
fn inverted_name(t: &str) -> bool {
    let words = |m: regex::Match| m.as_str().split_whitespace().count();
    INVERTED_NAME.is_match(t)
        && INVERTED_NAME.captures(t).is_some_and(|c| {
            c.name("org").is_none_or(|m| words(m) <= grammar::ORG_WORDS)
                && c.name("team")
                    .is_none_or(|m| words(m) <= grammar::TEAM_WORDS)
        })
}

/// Whether line `i` of a reference list is page furniture that the PDF
/// left in it. A running head recurs on the body's pages too (its page
/// number aside), so a line that recurs outside the list is one wherever
/// it falls, even inside an entry; a line that recurs only inside the list
/// is the entries' own (one organisation's works, one publisher's line).
/// A page number, or a line in capitals without a sentence's punctuation,
/// is furniture only between two entries: after one that is finished and
/// before a line that starts the next (or at the list's end). A finished
/// entry's own last line ("Retrieved from …", "[Accessed …]") has the
/// punctuation and does not recur.
fn furniture(
    src: &str,
    lines: &[Range<usize>],
    i: usize,
    recurs_outside: &dyn Fn(&str) -> bool,
) -> bool {
    let t = src[lines[i].clone()].trim();
    let prev = i.checked_sub(1).map(|p| src[lines[p].clone()].trim());
    // The rest of a link that the line break cut is the entry's own.
    let link_rest = prev.is_some_and(|p| crate::text::identifier::cuts_link(p, t));
    if t.is_empty() || t.ends_with('.') || link_rest || opens_entry(src, lines, i, false) {
        return false;
    }
    // Words that recur, not a number alone: page numbers are everywhere.
    let worded = t.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    if worded && recurs_outside(t) {
        return true;
    }
    let prev_done = prev.is_none_or(ends_entry);
    if !prev_done || !looks_like_furniture(t) {
        return false;
    }
    // The next line that is not furniture too: a page number and a
    // running head often come together.
    let head = |n: &str| n.chars().any(char::is_alphabetic) && recurs_outside(n);
    let Some(j) = (i + 1..lines.len()).take(3).find(|&n| {
        let n = src[lines[n].clone()].trim();
        !(looks_like_furniture(n) || head(n))
    }) else {
        return true;
    };
    opens_entry(src, lines, j, false)
}

/// A page number, or a line in capitals without a sentence's punctuation.
fn looks_like_furniture(t: &str) -> bool {
    let page_number = t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
    let capitals = t.contains(char::is_alphabetic)
        && !t.contains(char::is_lowercase)
        && !t.contains(['.', ',', ';']);
    page_number || capitals
}

/// A line with each run of digits as one `#`, so that running heads with
/// their page numbers ("18 Journal of Studies", "Journal of Studies 19")
/// compare equal. Written into `out`, which is cleared first, so one buffer
/// serves a whole document. Bytes, not characters: the digits and `#` are
/// ASCII, so the result is as valid UTF-8 as the line.
fn without_numbers(t: &str, out: &mut Vec<u8>) {
    out.clear();
    for &b in t.trim().as_bytes() {
        if b.is_ascii_digit() {
            if out.last() != Some(&b'#') {
                out.push(b'#');
            }
        } else {
            out.push(b);
        }
    }
}

/// Splits reference lines into entries.
pub fn split(src: &str, lines: &[Range<usize>]) -> Vec<RawEntry> {
    let lines: Vec<Range<usize>> = lines
        .iter()
        .filter(|l| !src[(*l).clone()].trim().is_empty())
        .cloned()
        .collect();
    // How often each line occurs outside the list, its numbers aside,
    // counted only when the list has a line that could be furniture.
    // Only the list's own lines are ever asked about, so only they are
    // counted: the document's other lines are looked up, never stored.
    let counts: std::cell::OnceCell<HashMap<Box<[u8]>, isize>> = std::cell::OnceCell::new();
    let buf = std::cell::RefCell::new(Vec::new());
    let recurs_outside = |t: &str| {
        let mut buf = buf.borrow_mut();
        let c = counts.get_or_init(|| {
            let mut m: HashMap<Box<[u8]>, isize> = HashMap::new();
            for l in &lines {
                without_numbers(&src[l.clone()], &mut buf);
                *m.entry(buf.as_slice().into()).or_default() -= 1;
            }
            for l in src.lines() {
                without_numbers(l, &mut buf);
                if let Some(n) = m.get_mut(buf.as_slice()) {
                    *n += 1;
                }
            }
            m
        });
        without_numbers(t, &mut buf);
        c.get(buf.as_slice()).copied().unwrap_or(0) >= 1
    };
    let keep: Vec<bool> = (0..lines.len())
        .map(|i| !furniture(src, &lines, i, &recurs_outside))
        .collect();
    let lines: Vec<Range<usize>> = lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect();
    // Hanging indentation (continuation lines indented, first lines not)
    // says where entries start better than any reading of the text.
    let indent = |l: &Range<usize>| {
        let t = &src[l.clone()];
        t.len() - t.trim_start().len()
    };
    let indented = lines.iter().filter(|l| indent(l) >= 2).count();
    let hanging = lines.len() >= 4
        && indented * 5 >= lines.len()
        && (lines.len() - indented) * 5 >= lines.len()
        && lines.first().is_some_and(|l| indent(l) < 2);
    let flags: Vec<bool> = lines.iter().map(|l| indent(l) >= 2).collect();
    // A bullet starts an entry, whatever the line holds.
    let (lines, bulleted): (Vec<Range<usize>>, Vec<bool>) = lines
        .iter()
        .map(|l| {
            let item = strip_bullet(src, l);
            let bullet = item.start > l.start + indent(l);
            (item, bullet)
        })
        .unzip();
    let wrapped = hard_wrapped(src, &lines);
    let mut groups: Vec<Vec<Range<usize>>> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = src[l.clone()].trim();
        let new_entry =
            if i > 0 && !bulleted[i] && continues_link(src[lines[i - 1].clone()].trim(), t) {
                false
            } else if hanging {
                !flags[i] || groups.is_empty()
            } else if !wrapped {
                true
            } else {
                let prev = i.checked_sub(1).map(|p| src[lines[p].clone()].trim());
                // After a line that surely ends an entry (a URL or DOI), a long
                // author list may put the date on the next line.
                let after_identifier = prev.is_some_and(|p| {
                    let last = p.rsplit(char::is_whitespace).next().unwrap_or("");
                    last.contains("://") || last.starts_with("10.") || last.starts_with("www.")
                });
                let starts = opens_entry(src, &lines, i, after_identifier);
                // `names_and_date_only` joins lines, so it is asked last.
                groups.is_empty()
                    || (starts
                        && prev.is_none_or(ends_entry)
                        && !groups.last().is_some_and(|g| names_and_date_only(src, g)))
            };
        if new_entry {
            groups.push(vec![l.clone()]);
        } else if let Some(g) = groups.last_mut() {
            g.push(l.clone());
        }
    }

    let mut out = Vec::new();
    for g in groups {
        let mut removed = Vec::new();
        let mut text = Mapped::new();
        for l in &g {
            text.push_joined_line(src, l.clone(), &mut removed);
        }
        split_inline(text, removed, &mut out);
    }
    out
}

/// Splits an entry that holds further entries run into it.
fn split_inline(text: Mapped, removed: Vec<Removed>, out: &mut Vec<RawEntry>) {
    let s = text.as_str();
    let cuts: Vec<usize> = INLINE_START
        .captures_iter(s)
        .filter_map(|c| c.get(1))
        .map(|m| m.start())
        .filter(|&p| p > 20)
        .collect();
    // Cut only after a complete entry: one with its own date. An author
    // list with an ellipsis (". . . Tsvetkova, N. J. (1999)") is not.
    let mut kept = Vec::new();
    let mut from = 0;
    for c in cuts {
        if HAS_DATE.is_match(&s[from..c]) {
            kept.push(c);
            from = c;
        }
    }
    let cuts = kept;
    if cuts.is_empty() {
        out.push(RawEntry {
            text,
            removed,
            merged: false,
        });
        return;
    }
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(s.len());
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = s[a..b].trim_end();
        let mut m = Mapped::new();
        // Copy the piece byte for byte so that it keeps its mapping.
        let end = a + piece.len();
        rebuild(&text, a, end, &mut m);
        // A mark belongs to the piece it stands in; marks before the first
        // piece's text ("AuQ7 Harte, B.") belong to the first piece.
        let lo = if a == 0 { 0 } else { text.orig(a) };
        let hi = if b == s.len() {
            usize::MAX
        } else {
            text.orig(b)
        };
        let rm = removed
            .iter()
            .filter(|r| r.span.start >= lo && r.span.start < hi)
            .cloned()
            .collect();
        out.push(RawEntry {
            text: m,
            removed: rm,
            merged: true,
        });
    }
}

/// Copies `text[a..b]` into `out`, keeping each byte's original offset.
fn rebuild(text: &Mapped, a: usize, b: usize, out: &mut Mapped) {
    let s = text.as_str();
    let mut i = a;
    while i < b {
        let ch = s[i..].chars().next().unwrap_or(' ');
        let n = ch.len_utf8();
        let o = text.orig(i);
        out.push_synthetic(&s[i..i + n], o);
        i += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(src: &str) -> Vec<Range<usize>> {
        crate::input::Source::new(src).lines()
    }

    fn texts(src: &str) -> Vec<String> {
        texts_after(src, 0)
    }

    /// The entries of a list that starts after the first `body` lines.
    fn texts_after(src: &str, body: usize) -> Vec<String> {
        split(src, &lines(src)[body..])
            .into_iter()
            .map(|e| e.text.as_str().to_string())
            .collect()
    }

    #[test]
    fn an_entry_start_holds_its_date_within_reach_of_the_name() {
        let near = format!("Lee, A. (Eds.) {} (2001). Title.", "word ".repeat(40));
        assert!(starts_entry(&near));
        let far = format!("Lee, A. {} (2001). Title.", "word ".repeat(60));
        assert!(!starts_entry(&far));
        assert!(starts_entry("Lee, A. B. 2001. Title."));
        assert!(!starts_entry("Lee, A. B. Title with no date."));
    }

    #[test]
    fn an_organisation_before_people_has_a_few_words_at_most() {
        assert!(inverted_name("Smith, J. A. Title."));
        assert!(inverted_name(
            "Malaria Genomic Epidemiology Network, Rockett, K. A."
        ));
        let long = format!("Network{}, Rockett, K. A.", " Of Word".repeat(5));
        assert!(!inverted_name(&long));
        assert!(inverted_name("Brown Green, & Smith"));
        assert!(!inverted_name(&format!(
            "Brown{}, & Smith",
            " Green".repeat(7)
        )));
    }

    #[test]
    fn one_entry_per_line_with_bullets_removed() {
        let src = "- Abel, R. (1994). Film. Press.\n - Becker, M. (2011). Parties. J, 4(3), 1–9.\n";
        assert_eq!(
            texts(src),
            [
                "Abel, R. (1994). Film. Press.",
                "Becker, M. (2011). Parties. J, 4(3), 1–9."
            ]
        );
    }

    #[test]
    fn a_link_on_the_next_line_stays_with_its_entry() {
        let src = "Abel, R. (1994). Film. J, 2, 3-4. https://doi.org/10.1016/j.\n\
                   envres.2019.03.001\n\
                   Becker, M. (2011). Parties. J, 4(3), 1–9.\n\
                   https://doi.org/10.1000/b.2\n\
                   Cole, A. (2012). Rivers. J, 5, 1–9. https://doi.org/10.1000/c.3\n\
                   https://example.org/another-entry\n";
        assert_eq!(
            texts(src),
            [
                "Abel, R. (1994). Film. J, 2, 3-4. https://doi.org/10.1016/j.envres.2019.03.001",
                "Becker, M. (2011). Parties. J, 4(3), 1–9. https://doi.org/10.1000/b.2",
                "Cole, A. (2012). Rivers. J, 5, 1–9. https://doi.org/10.1000/c.3",
                "https://example.org/another-entry",
            ]
        );
        // A bullet starts an entry even where the line could go on a link.
        let bulleted =
            "- Abel, R. (1994). Film. https://example.org/a/\n- x1.b Lee, K. (2001). Rivers.\n";
        assert_eq!(texts(bulleted).len(), 2);
    }

    #[test]
    fn page_furniture_between_entries_is_left_out() {
        let src = "Journal of Studies 4(2)\n\
                   Body text of the last page.\n\
                   Abel, R. (2001). A long title of an article that wraps onto the\n\
                   next line. Journal of Studies, 12(3), 45–67.\n\
                   18\n\
                   JOURNAL OF GENERATED STUDIES\n\
                   Cole, M. (2005). A third title that also wraps onto a second\n\
                   line. Review of Things, 7(2), 100–120.\n\
                   Dunn, P. (2007). A fourth title that wraps onto a second line\n\
                   here. Review of Things, 9, 10–20.\n\
                   Journal of Studies 4(2)\n\
                   Egan, L. (2009). Fifth title that is long enough to wrap onto\n\
                   a line. Review of Things, 11, 1–5.\n\
                   Retrieved from the archive of the society.\n\
                   Fox, N. (2010). Sixth title that is long enough to wrap onto\n\
                   a line. Review of Things, 12, 1–5.\n\
                   Retrieved from the archive of the society.\n\
                   Journal of Studies 4(2)\n\
                   United Nations, Department of Economic and Social Affairs\n\
                   Division. 2011. A report. United Nations.\n\
                   United Nations, Department of Economic and Social Affairs\n\
                   Division. 2012. Another report. United Nations.\n";
        // The list starts after the body's two lines.
        let got = texts_after(src, 2);
        assert_eq!(got.len(), 7, "{got:#?}");
        // A line that recurs only inside the list is the entries' own.
        assert!(
            got[5].starts_with("United Nations, Department"),
            "{}",
            got[5]
        );
        assert!(
            got[6].starts_with("United Nations, Department"),
            "{}",
            got[6]
        );
        assert!(got[0].ends_with("45–67."));
        assert!(got[1].starts_with("Cole, M.") && got[1].ends_with("100–120."));
        assert!(got[2].ends_with("10–20."), "a recurring head: {}", got[2]);
        // An entry's own last line is not furniture, even where another
        // entry ends in the same line.
        assert!(got[3].ends_with("Retrieved from the archive of the society."));
        assert!(got[4].ends_with("1–5. Retrieved from the archive of the society."));
    }

    #[test]
    fn furniture_before_a_long_author_list_is_left_out() {
        let src = "Abel, Ann. 2001. A long title of the work that wraps onto the\n\
                   next line. Journal of Studies 12 (3): 45–67.\n\
                   JOURNAL OF GENERATED STUDIES\n\
                   MacDonald, Sarah J., Ngozi Nguyen, Sarah J. Fernández-López, and\n\
                   John Costa. 1997. Evidence of things. BMC Public Health 22 (10): 1–9.\n\
                   Nash, Ann. 2003. Another long title of a work that wraps onto\n\
                   the next line. Journal of Studies 14 (1): 5–7.\n";
        let got = texts(src);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].ends_with("45–67."));
        assert!(got[1].starts_with("MacDonald"));
    }

    #[test]
    fn the_rest_of_a_cut_link_is_not_furniture() {
        let src = "12\n\
                   Body text of a page.\n\
                   Abel, R. (2001). A long title of an article that wraps onto the\n\
                   next line. Journal of Studies, 12(3), 45–67. https://example.org/docs/\n\
                   859\n\
                   Brown, K. (2003). Another title that also wraps onto a second\n\
                   line. Journal of Studies, 4, 1–9. https://doi.org/10.1000/j.x.\n\
                   42548\n\
                   Cole, M. (2005). A third title that also wraps onto a second\n\
                   line. Review of Things, 7(2), 100–120.\n";
        let got = texts_after(src, 2);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(
            got[0].ends_with("https://example.org/docs/859"),
            "{}",
            got[0]
        );
        assert!(
            got[1].ends_with("https://doi.org/10.1000/j.x.42548"),
            "{}",
            got[1]
        );
    }

    #[test]
    fn numbers_aside_running_heads_with_accents_compare_equal() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        without_numbers(" 18 Revista de Educação ", &mut a);
        without_numbers("Revista de Educação 2019", &mut b);
        assert_eq!(
            String::from_utf8(a.clone()).unwrap(),
            "# Revista de Educação"
        );
        assert_eq!(String::from_utf8(b).unwrap(), "Revista de Educação #");
        // The buffer is reused: a shorter line leaves nothing of the last.
        without_numbers("12–345", &mut a);
        assert_eq!(a, "#–#".as_bytes());
    }

    #[test]
    fn a_running_head_inside_an_entry_is_left_out() {
        let src = "17 Journal of Generated Studies\n\
                   Body text of the last page.\n\
                   Abel, R. (2001). A long title of an article that wraps onto the\n\
                   next line. Journal of Studies, 12(3), 45–67.\n\
                   Brown, K. (2003). Another title that also wraps onto a second\n\
                   18 Journal of Generated Studies\n\
                   line of the page. Journal of Other Studies, 4, 1–9.\n\
                   Cole, M. (2005). A third title that also wraps onto a second\n\
                   line. Review of Things, 7(2), 100–120.\n";
        let got = texts_after(src, 2);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[1].contains("second line of the page"), "{}", got[1]);
    }

    #[test]
    fn splits_two_entries_run_together_on_one_line() {
        let src = "Harte, B. (2013). The long gap. Routledge. Marlow, H. A. (1996). Facing the past. Regional Studies, 48(3), 413–428.\n";
        let e = split(src, &lines(src));
        assert_eq!(e.len(), 2);
        assert!(e.iter().all(|x| x.merged));
        assert!(e[1].text.as_str().starts_with("Marlow, H. A. (1996)"));
        let span = e[1].text.orig_span(0, 6);
        assert_eq!(&src[span], "Marlow");
    }

    #[test]
    fn run_together_entries_in_other_shapes() {
        let src = "- Okafor, P. K. (2015). The impact. J, 9(1), 26–29. - Becker, M. (2011). Parties. J, 4, 1–9.\n";
        assert_eq!(split(src, &lines(src)).len(), 2);
        let src = "Band, Gavin. 2015. “A locus.” Nature 526: 253–257. Clarke, Geraldine. 2017. “Effects.” eLife 6: e15085.\n";
        assert_eq!(split(src, &lines(src)).len(), 2);
        let src = "Ad Hoc Committee. (1996). Investing. WHO. Beaglehole, R., Bonita, R., et al. (2011a). UN meeting. Lancet, 378, 449–55.\n";
        assert_eq!(split(src, &lines(src)).len(), 2);
        // A co-author whose particles run to two words.
        let src = "Lund, S. J. (1997). Markets. J, 7(4), 190–203. Brown, J. R., van der Berg, K., & Dahl, A. P. (1987). Roles. J, 11(7).\n";
        assert_eq!(split(src, &lines(src)).len(), 2);
        let src = "Lund, S. J. (1997). Markets. J, 7(4), 190–203. Brown, J. R., Da Silva, K., & Dahl, A. P. (1987). Roles. J, 11(7).\n";
        assert_eq!(split(src, &lines(src)).len(), 2);
    }

    #[test]
    fn a_long_url_does_not_hide_the_wrapping_width() {
        let src = "Briggs, G. E. (1925). A further note on the kinetics of enzyme action. Biochem J, 19,\n1037–8.\nCaldwell, J. (1979). Education as a factor in mortality decline an examination of\nNigerian data. Population Stud, 33, 395–413.\nCaldwell, J. (1986). Routes to low mortality in poor countries. Population and Devel-\nopment Review, 12, 171–220.\nDaar, A., Singer, P., Persad, D., Pramming, S., Matthews, D., Beaglehole, R., et al.\n(2007). Grand challenges in chronic non-communicable diseases. Nature, 450, 494–6.\nEnglish, B. P., Min, W., Van Oijen, A. M., Lee, K. T., Luo, G., Sun, H., et al. (2005).\nEver-fluctuating single enzyme molecules: Michaelis-Menten equation. Nat Chem\nBiol, 2, 87–94.\nUNAIDS. (2010). AIDSInfo. http://www.aidsinfoonline.org/a/very/long/unbreakable/path/that/sticks/out/past/the/margin/of/the/page\nZagreb, K. (2001). A title. Journal, 1, 1–2.\n";
        let t = texts(src);
        assert_eq!(t.len(), 7, "{t:?}");
        assert!(t[2].ends_with("Population and Development Review, 12, 171–220."));
    }

    #[test]
    fn wrapped_author_lists_and_organisations_first() {
        let src = "Clarke, G. M., Rockett, K., Kivinen, K., Hubbart, C., Jeffreys, A. E., Rowlands, K.,\nJallow, M., Conway, D. J., Bojang, K. A., Pinder, M., Usen, S., Sisay-Joof, F., . . .\nMalariaGEN Consortium. (2017). Characterisation of the opposing effects of G6PD def\non cerebral malaria and severe malarial anaemia. eLife, 6, Article e15085.\nLuzzatto, L., and P. Arese. 2018. “Favism and Glucose-6-Phosphate dehydrogenase\ndeficiency.” New England Journal of Medicine 378: 60–71.\nMalaria Genomic Epidemiology Network, K. A. Rockett, G. M. Clarke, K. Fitzpatrick, C.\nHubbart, A. E. Jeffreys, K. Rowlands, R. Craik, M. Jallow, and D. J. Conway. 2014.\n“Reappraisal of known malaria resistance loci in a large multicenter study.” Nature\nGenetics 46: 1197–1204.\nWhite, N. J., Pukrittayakamee, S., Hien, T. T., Faiz, M. A., Mokuolu, O. A., & Dondorp, A.\nM. (2014). Malaria. The Lancet, 383, 723–735.\n";
        let t = texts(src);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[0].ends_with("Article e15085."));
        assert!(t[2].starts_with("Malaria Genomic Epidemiology Network, K. A. Rockett"));
    }

    #[test]
    fn a_long_list_of_names_with_bare_initials_puts_its_date_on_the_next_line() {
        let t = texts(&wrapped_between_two_entries(
            "Corde L, Dale MA, Earl HP, Fenn L, Gage L, de Haas MA, Imre N, Jost K\n\
             (1967) A second title. Some Press, Leeds.\n",
        ));
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("Corde L, Dale MA") && t[1].ends_with("Leeds."));
        assert!(family_initials_comma("van der Berg J, Smith K"));
        assert!(family_initials_comma("Okafor SJ, da Silva SJ"));
        assert!(!family_initials_comma(
            "Soil moisture in dry years, Some Press"
        ));
        assert!(!family_initials_comma("Berlin, Germany"));
    }

    /// `middle` between two entries hard-wrapped at one width, so that the
    /// list reads as wrapped and its lines are read one by one.
    fn wrapped_between_two_entries(middle: &str) -> String {
        format!(
            "Abel K (1999) A first long title of an article that wraps onto a\n\
             second line here. Soil Rev 2:1–9.\n{middle}\
             Ross K (2002) Another title that is long enough to wrap onto a\n\
             second line. Soil Rev 2:1–9.\n"
        )
    }

    #[test]
    fn a_genre_label_before_wrapped_names_starts_an_entry() {
        let t = texts(&wrapped_between_two_entries(
            "[dataset] Lund, K., Abel, P., Corde, L., Dale, M.A., Earl, H.P.,\n\
             Fenn, L., 2015. Seed counts of the coast. Dryad.\n",
        ));
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("[dataset] Lund"), "{}", t[1]);
    }

    #[test]
    fn a_publisher_line_after_a_finished_title_is_not_an_entry() {
        let t = texts(&wrapped_between_two_entries(
            "Park L, Abel MA (2001) Markets and public policy on the coast of\n\
             the small islands of the north in the years of the long drought.\n\
             Springer, Cham.\n\
             Park N (2024) Field evidence on markets. In: Lee MA (ed) Soils of\n\
             the north. Fenwick Press, Leeds, pp 1–9.\n",
        ));
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[1].ends_with("Springer, Cham."), "{}", t[1]);
    }

    #[test]
    fn a_title_after_a_line_of_names_and_date_is_the_entry_s_own() {
        let t = texts(&wrapped_between_two_entries(
            "Corde L, Dale MA, Earl HP, Fenn L, Gage L, de Haas MA, Imre N (1960)\n\
             Institutions of the coast (1990–2010). Fenwick Press, Leeds.\n",
        ));
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].ends_with("Fenwick Press, Leeds."), "{}", t[1]);
    }

    #[test]
    fn chicago_entries_whose_date_wraps_or_is_undated() {
        let src = "Rossi, Li. 1997. “Data in the role of gender policy.” In Coastal health methods,\nedited by Li Yamada, 360–380. Academic Press.\nRossi, Maria A., Hans-Peter Brown, J. R. Ivanova, Ngozi Okafor, John\nAndersson, and Sarah J. Kowalski. n.d. “Institutions field of tax systems\ndata.” Nature 91 (10): 1–2.\nIvanova, Sarah J., Hans-Peter Chen, Ana Paula Wilson, and Sarah J. Ivanova.\n1986. “Brazilian health systems and the role of growth.” The Lancet 64 (10).\n";
        let t = texts(src);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("Rossi, Maria A.") && t[1].ends_with("1–2."));
        assert!(t[2].starts_with("Ivanova, Sarah J."));
    }

    #[test]
    fn an_acronym_publisher_ends_an_entry() {
        let src = "MANOVICH, L. (2006). Quoted in the Sage Publications flyer announcing its new. Animation:\nAn Interdisciplinary Journal.\nNEALE, S. (1985). Cinema and Technology: Image, Sound, Colour. BFI.\nNOVERRE, M. (1926). La Verité sur l'invention de la projection animée: Émile Reynaud, sa\nvie et ses travaux. Imprimé pour L'auteur.\nPARKINSON, D. (1995). History of Film. Thames and Hudson.\n";
        let e = split(src, &lines(src));
        assert_eq!(e.len(), 4);
        assert!(e.iter().all(|x| !x.merged));
    }

    #[test]
    fn hanging_indentation_marks_the_entries() {
        let src = "Abel, R. (1994). The cinema goes to town: French cinema,\n    1896-1914. University of California Press.\nAndrew, D. (1976). The major film theories.\n    Oxford University Press.\nBurch, N. (1990). Life to those shadows.\n    University of California Press.\n";
        let t = texts(src);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(
            t[0],
            "Abel, R. (1994). The cinema goes to town: French cinema, 1896-1914. University of California Press."
        );
    }

    #[test]
    fn an_ellipsis_in_an_author_list_is_not_a_second_entry() {
        let src =
            "Tanaka, J., Okada, M., . . . Petrova, N. J. (1999). Field doses. J, 40(4), 337–344.\n";
        assert_eq!(split(src, &lines(src)).len(), 1);
    }

    #[test]
    fn joins_hard_wrapped_entries() {
        let src = "ABEL, R. (1994). The Cine Goes to Town: French Cinema, 1896-1914. University of Californ\nPress.\nALEXEIEFF, A. (1994). Preface. In G. BENDAZZI (Ed.), Cartoons: One Hundred Years of Ci\nAnimation. John Libbey.\nANDREW, D. (1976). The Major Film Theories. Oxford University Press and some more words\nBURCH, N. (1990). Life to Those Shadows. University of California Press and more words.\n";
        let t = texts(src);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].ends_with("Ci Animation. John Libbey."));
    }
}
