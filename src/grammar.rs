//! The author-date grammar as named regex pieces.
//!
//! The splitter, the parser, the citation finder, the region finder and
//! the style checks compose their patterns from these, so that "a year" or
//! "a page range" is spelled once. Pieces are non-capturing; a caller adds
//! the groups it reads. Vocabulary comes from [`crate::lexicon`].

use crate::lexicon;

/// A plausible year of publication: 1500–2099. Four digits outside that
/// range are specimen or model numbers, not years.
pub const YEAR: &str = r"(?:1[5-9]|20)\d{2}";

/// The ways a work says it has no date yet or at all: "n.d." (also as
/// "n.d", "N.D." and "nd"), "s.d." (Portuguese), "in press",
/// "forthcoming".
///
/// "nd" is held to ASCII word edges: a Unicode word edge makes the fast
/// automata give up on any text with a non-ASCII letter near a year, and
/// every pattern that reads a cited year holds this one, so such text was
/// read by the slow engines.
pub const NO_DATE: &str = r"(?:[nN]\.\s?[dD]\.?|(?-u:\b)nd(?-u:\b)|s\.\s?d\.|in press|forthcoming)";

/// How an entry may write that it has no date, inside its parentheses:
/// [`NO_DATE`]'s forms and the words for it ("no date", "undated", German
/// "o.J.", Spanish "s.f.", Portuguese "s/d" and "sem data"). Its word
/// edge is ASCII's, for the reason [`NO_DATE`] gives: the splitter tests
/// every line of a list with it.
pub const NO_DATE_WORDS: &str = r"(?:(?i:n\.?\s?d(?-u:\b)\.?)|s\.\s?d\.|s/d|s\.\s?f\.|o\.\s?J\.|in press|forthcoming|(?i:no date|undated)|sem data|sin fecha)";

/// A cited or listed year as the rest of citemap reads it: every way of
/// writing "no date" becomes "n.d.", anything else is kept.
pub fn canonical_year(y: &str) -> String {
    let t = y.trim();
    let letters: String = t
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '/')
        .collect::<String>()
        .to_lowercase();
    match letters.as_str() {
        "nd" | "sd" | "s/d" | "sf" | "oj" | "nodate" | "undated" | "semdata" | "sinfecha" => {
            "n.d.".to_string()
        }
        _ => t.to_string(),
    }
}

/// A page or an article number: "12", "e1234", "S5".
pub const PAGE: &str = r"[A-Za-z]?\d+[A-Za-z]?";

/// A page range with its dash (en dash or hyphens).
pub const PAGE_RANGE: &str = r"[A-Za-z]?\d+[A-Za-z]?\s*[–\-]+\s*[A-Za-z]?\d+[A-Za-z]?";

/// A page, a page range or an article number: "12", "e1234", "S5–S9".
pub const PAGES: &str = r"[A-Za-z]?\d+[A-Za-z]?(?:\s*[–\-]+\s*[A-Za-z]?\d+[A-Za-z]?)?";

/// A locator after a cited year: ", p. 12", ": 34–35", ", Chapter 3",
/// ", p. xix e xx".
pub fn locator() -> String {
    format!(
        r"\s*[,:]\s*(?:(?i:pp?|paras?|paragraphs?|chap|chapters?|ch|sec|sections?|figs?|figures?|tables?|vols?|volumes?|n|nos?|cap|capítulo|págs?|s|§)\.?\s*)?[\dxivlc]+[a-z]?(?:\s*(?:[–-]|\s{and}\s)\s*[\dxivlc]+)?(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*(?:\s*ff?\.?)?",
        and = name_and()
    )
}

/// Initials alone: "J.", "J. A.", "J.-P.", "Ch.", "AB".
pub const INITIALS: &str = r"^(?:\p{Lu}(?:\p{Ll}{0,2}\.)?\.?(?:\s*-\s*\p{Lu}\.?)?\s*)+$";

/// "et al." as a reference list writes it, with the words for the same in
/// running lists ("and others", "et alii").
pub const ET_AL_LIST: &str = r"(?i),?\s*(?:et\s+al\.?|and others|et alii)";

/// "et al." as a citation writes it, also without the space ("etal.") and
/// with the commas around it.
pub const ET_AL_CITED: &str = r"(?i),?\s*\bet\s*al\.?,?";

/// "et al." at the end of a list of cited names.
pub const ET_AL: &str = r"et\s+al\.?";

/// The words that join the last two names ("and", "&", "e", "y", "und").
pub fn name_and() -> String {
    lexicon::alternation(lexicon::NAME_AND)
}

/// The particles of family names, as an alternation.
pub fn particles() -> String {
    lexicon::alternation(lexicon::PARTICLES)
}

/// A year as cited: a year with an optional letter, a no-date word, and
/// "\[1998\] 2015" for a reprint.
pub fn cited_year() -> String {
    format!(r"(?:\[\d{{4}}\]\s*)?(?:{YEAR}[a-z]?|{NO_DATE})")
}

/// The date of a reference in parentheses, as APA and Harvard write it:
/// "(2015)", "(2015a)", "(2001, 2002)", "(n.d.)", "(2015, March 3)".
/// Group 1 is the year.
pub fn paren_date() -> String {
    format!(
        r"\(\s*((?:\d{{4}}[a-z]?(?:\s*[,/–-]\s*(?:\d{{2,4}}[a-z]?|[a-z]))*)|{NO_DATE_WORDS})(?:,\s*[\p{{L}}]+\.?(?:\s+\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?)?)?\s*\)\.?"
    )
}

/// The date of a reference between periods, as Chicago writes it: ". 2015."
/// or ". n.d.". Group 1 is the year, group 2 "n.d.".
pub fn dot_date() -> String {
    r"(?:^|[.,]\s+)(?:(\d{4}[a-z]?(?:,\s*\d{4}[a-z]?)*)\.|(n\.d\.)\.?)(?:\s|$)".to_string()
}

/// A name at the start of a reference entry and, soon after it, its date:
/// the splitter's test for a new entry. Group `gap` is what lies between
/// the name and the date; a caller holds it to [`ENTRY_GAP`] units, where
/// "(Eds.)" counts as one.
///
/// Bounds on repeated Unicode classes are checked in code throughout this
/// module, not written as `{m,n}`: the regex compiler copies the class
/// once per repetition, and each copy of `\p{L}` costs a few hundred
/// microseconds at start-up.
pub fn entry_start() -> String {
    format!(
        r"^(?:(?:AuQ|AQ)\d+\s+)?(?:{particles}\s+)*[\p{{Lu}}][\p{{L}}'’.\-]*(?:[\s,](?P<gap>(?:[^()0-9]|\((?:[Ee]ds?|[Oo]rgs?|[Cc]oords?)\.?\)|\(\p{{Lu}}[\p{{Lu}}\-]*\))*?))?(?:\(\s*(?:\d{{4}}[a-z]?|{NO_DATE_WORDS})[^)]{{0,30}}\)|[.,]\s+(?:\d{{4}}[a-z]?\.|n\.d\.\.?)(?:\s|$))",
        particles = particles()
    )
}

/// How far the date of an [`entry_start`] may lie from the name, in
/// characters, with a parenthesised "(Eds.)" or acronym ("(IPCC)")
/// counted as one.
pub const ENTRY_GAP: usize = 250;

/// The length of an [`entry_start`] gap in the units of [`ENTRY_GAP`].
pub fn entry_gap_units(gap: &str) -> usize {
    let mut units = 0;
    let mut in_group = false;
    for c in gap.chars() {
        match c {
            '(' => in_group = true,
            ')' => {
                in_group = false;
                units += 1;
            }
            _ if !in_group => units += 1,
            _ => {}
        }
    }
    units
}

/// An inverted name with initials at the start of a line ("Smith, J. A."),
/// or an organisation before people ("Malaria Genomic Epidemiology
/// Network, Rockett, K. A."). Group `org` is such an organisation, of at
/// most [`ORG_WORDS`] words; group `team` is a list of names before ", &",
/// of at most [`TEAM_WORDS`].
pub fn inverted_name() -> String {
    format!(
        r"^(?:{particles}\s+)*\p{{Lu}}[\p{{L}}'’\-]+(?:\s\p{{Lu}}[\p{{L}}'’\-]+)?,\s+(?:\p{{Lu}}\.\s?-?)+|^(?P<org>\p{{Lu}}[\p{{L}}\-]+(?:\s+(?:of|for|and|the|on|\p{{Lu}}[\p{{L}}\-]+))+),\s+(?:\p{{Lu}}[\p{{L}}'’\-]+,\s+(?:\p{{Lu}}\.\s?)+|(?:\p{{Lu}}\.\s?)+\p{{Lu}}[\p{{L}}'’\-]+)|^(?P<team>\p{{Lu}}[\p{{L}}\-]+(?:\s+\p{{Lu}}[\p{{L}}\-]+)*),\s+&\s+\p{{Lu}}",
        particles = particles()
    )
}

/// The most words of an [`inverted_name`] organisation.
pub const ORG_WORDS: usize = 9;

/// The most words of an [`inverted_name`] team before ", &".
pub const TEAM_WORDS: usize = 7;

/// A line that reads as a reference entry to the region finder: a
/// capitalised name and a year within a short distance. Looser than
/// [`entry_start`], because it only asks whether a block is a list.
pub const REFERENCE_LINE: &str = r"^(?:[-•*]\s*)?\p{Lu}[\p{L}'’\-]+(?:\s+[\p{L}'’\-]+){0,3},?\s.{0,120}?(?:\(\d{4}[a-z]?\)|\b\d{4}[a-z]?\.)";

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn whole(p: &str) -> Regex {
        Regex::new(&format!("^(?:{p})$")).unwrap()
    }

    #[test]
    fn every_way_of_writing_no_date_is_one_year() {
        for y in [
            "n.d.", "n. d.", "n.d", "N.D.", "nd", "s.d.", "s/d", "o.J.", "no date", "Undated",
        ] {
            assert_eq!(canonical_year(y), "n.d.", "{y}");
        }
        for y in ["2015a", "in press", "forthcoming"] {
            assert_eq!(canonical_year(y), y);
        }
        let paren = Regex::new(&paren_date()).unwrap();
        for d in [
            "(nd).",
            "(n.d)",
            "(N.D.)",
            "(no date)",
            "(undated)",
            "(o.J.)",
        ] {
            assert!(paren.is_match(d), "{d}");
        }
        // A name in parentheses that starts like "nd" is not a date.
        assert!(!paren.is_match("(Ndlovu)"));
    }

    #[test]
    fn an_entry_and_a_citation_without_a_date_link_whatever_the_form() {
        let doc = "Introduction\n\nRoots spread (Cole, nd) and so do stems (Dahl, n.d).\n\nReferences\n\nCole, D. (nd). Roots and soil. Journal of Soils, 4, 1–9.\nDahl, E. (no date). Stems. Journal of Soils, 5, 10–19.\n";
        let a = crate::analyze(doc, &crate::Options::default());
        assert_eq!(a.references.len(), 2);
        for r in &a.references {
            assert_eq!(r.year.as_deref(), Some("n.d."), "{}", r.key);
        }
        assert_eq!(a.citations.len(), 2);
        assert!(a.citations.iter().all(|c| c.link.reference.is_some()));
    }

    #[test]
    fn nd_is_a_word_of_its_own_beside_letters_of_any_script() {
        let y = Regex::new(&cited_year()).unwrap();
        assert!(whole(&cited_year()).is_match("nd"));
        for inside in ["fund", "and", "Andes", "ndege", "Grundy"] {
            assert!(!y.is_match(inside), "{inside}");
        }
        // Names with letters beyond ASCII next to an undated work: the
        // no-date word is still read, and the citation still links.
        let doc = "Introduction\n\nIce moves (Ångström, nd) and melts (Łukasik & Øberg, nd).\n\nReferences\n\nÅngström, A. (nd). Ice flow. Journal of Ice, 4, 1–9.\nŁukasik, B., & Øberg, C. (nd). Melting. Journal of Ice, 5, 10–19.\n";
        let a = crate::analyze(doc, &crate::Options::default());
        assert_eq!(a.citations.len(), 2);
        assert!(a.citations.iter().all(|c| c.link.reference.is_some()));
        assert!(
            a.references
                .iter()
                .all(|r| r.year.as_deref() == Some("n.d."))
        );
    }

    #[test]
    fn pieces_match_what_their_names_say() {
        let y = whole(&cited_year());
        for ok in ["2015", "2015a", "n.d.", "n. d.", "in press", "[1998] 2015"] {
            assert!(y.is_match(ok), "{ok}");
        }
        assert!(!y.is_match("1234") && !y.is_match("2150"));
        let p = whole(PAGES);
        assert!(p.is_match("12–34") && p.is_match("e1234") && !p.is_match("pp. 1"));
        assert!(whole(&name_and()).is_match("und") && whole(&particles()).is_match("van"));
        assert!(
            Regex::new(&entry_start())
                .unwrap()
                .is_match("Smith, J. (2015). Title.")
        );
        assert_eq!(entry_gap_units("ab (Eds.) c"), 6);
        assert!(
            Regex::new(&paren_date())
                .unwrap()
                .is_match("(2015, March 3).")
        );
    }
}
