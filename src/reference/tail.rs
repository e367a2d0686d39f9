//! The tail of an entry after its title: a journal with volume, issue and
//! pages, an "In …" chapter, a series, or a publisher and its place.

use super::Reference;
use super::cues::{JOURNAL_WORD, ORGANISATION, PRESS, REPORT, THESIS, UNIVERSITY};
use super::fields::{clean, non_empty};
use super::names::parse_names;
use crate::grammar::{self, PAGES};
use crate::lexicon;
use crate::text::sentence::entry_bounds as sentence_bounds;
use regex::Regex;
use std::sync::LazyLock;

re!(
    pub(super) EDITION,
    r"(?i)\(?\b(\d{1,2}(?:st|nd|rd|th|a|ª|º|e)?\.?\s*(?:edition|edn|ed|éd|aufl)\.?)\)?"
);

re!(
    pub(super) JOURNAL,
    &format!(
        r"^(?P<container>.*?[^\s,.:])(?:\.,|[,.])?\s+(?:(?i:vol\.?\s*))?(?P<vol>[A-Z]?\d+[A-Za-z]?(?:[/–-]\d+)?|e\d{{3,}})\s*(?:\((?P<iss>[^)]{{1,25}})\))?\s*(?:(?:[,:]|,?\s*(?i:no\.)\s*)\s*(?P<pages>(?:(?i:pp?\.)\s*)?(?:(?i:article)\s+)?{PAGES}))?\s*\.?\s*(?P<rest>.*)$"
    )
);

re!(
    PAGES_ONLY,
    &format!(
        r"^(?P<container>.*?\p{{L}})\.?(?:,\s*pp?\.\s*|,\s*(?i:article)\s+|:\s*)(?P<pages>{PAGES})$"
    )
);

re!(
    ISSUE_ONLY,
    &format!(
        r"^(?P<container>.*?\p{{L}})\.?,?\s+\((?P<iss>[^)]{{1,25}})\)(?:\s*[,:]\s*(?:pp?\.\s*)?(?P<pages>{PAGES}))?$"
    )
);

// An issue: "11", "3-4", "Suppl. 2", not a report number ("NSB-2018-1").
re!(
    ISSUE,
    r"^(?:\d{1,4}[A-Za-z]?(?:\s*[–/-]\s*\d{1,4})?|(?i:suppl?\.?\s*\d*|s\d{1,2}))$"
);

re!(
    SERIES_NUMBER,
    r"^(?P<container>.*?\p{L}),?\s+(?i:no\.|n\.|nº|núm\.|number)\s*(?P<num>\d[\w/–-]*)$"
);

re!(
    pub(super) EDITORS_MARK,
    r"\s*\((?:[Ee]ds?|[Ee]d|[Oo]rgs?|[Cc]oords?|Hrsg|Hgg?|[Dd]ir)\.?\)\s*,?\s*"
);

re!(EDITED_BY, r",?\s*(?i:edited by|ed\. by|eds?\.)\s+");

re!(
    pub(super) PP_PAGES,
    &format!(r"(?:\b(?i:pp?\.)|\b(?i:pp)\s|\bS\.)\s*({PAGES})")
);

re!(VOL_IN, r"[Vv]ol\.\s*([^,;)]+)");

// A place is a few words; the word count is checked in code, because a
// bounded repetition of a Unicode class costs milliseconds to compile.
re!(
    LOCATION,
    r"^(?P<loc>\p{Lu}[\p{L}.\s,'’\-]+):\s+(?P<pub>[^:]+)$"
);

/// The longest place of publication, in characters: "Chapel Hill and
/// Rio de Janeiro" fits.
const LOCATION_CHARS: usize = 96;

fn split_location(s: &str) -> (Option<String>, Option<String>) {
    let s = clean(s);
    if s.is_empty() {
        return (None, None);
    }
    if let Some(c) = LOCATION.captures(&s)
        && c["loc"].split_whitespace().count() <= 5
        && c["loc"].chars().count() <= LOCATION_CHARS
    {
        return (non_empty(&c["loc"]), non_empty(&c["pub"]));
    }
    if let Some((publ, loc)) = publisher_then_place(&s) {
        return (non_empty(loc), non_empty(publ));
    }
    (None, Some(s))
}

/// "Springer, Berlin", "Sage, Thousand Oaks, CA", "Cambridge University
/// Press, Cambridge": the publisher first and its place after a comma, as
/// Springer's and other house styles write them. The place must read as
/// one: a few capitalised words without digits or publishers' words, with
/// a known place among them, or after a publisher the first part names
/// ("Press", "Verlag", a publisher's own name). A publisher whose name has
/// a comma ("Little, Brown and Company") is left whole.
fn publisher_then_place(s: &str) -> Option<(&str, &str)> {
    let (publ, loc) = s.split_once(", ")?;
    let loc = loc.trim_end_matches('.');
    let words: Vec<String> = loc
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches('.').to_lowercase())
        .collect();
    let fits = !words.is_empty()
        && words.len() <= 5
        && loc.chars().count() <= LOCATION_CHARS
        && loc.chars().next().is_some_and(char::is_uppercase)
        && !loc
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | ';' | '(' | '&'))
        && !words
            .iter()
            .any(|w| lexicon::is_publisher_word(w) && !lexicon::is_place_name(w));
    let place = words.iter().any(|w| lexicon::is_place_name(w));
    // "Springer-Verlag", "(Wiley)": the publisher's word inside punctuation.
    let named = PRESS.is_match(publ)
        || publ
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .any(|w| lexicon::is_publisher_word(&w.to_lowercase()));
    (fits && (place || named) && !publ.trim().is_empty()).then_some((publ.trim(), loc))
}

/// Parses the part after "In" of a chapter or conference paper.
pub(super) fn parse_in(r: &mut Reference, body: &str) {
    let mut body = body.trim().to_string();
    if let Some(m) = EDITORS_MARK.find(&body) {
        let eds = body[..m.start()].to_string();
        let (names, _) = parse_names(&eds);
        r.editors = names;
        // ABNT: "In: SILVA, J. (Org.). Book."
        // German: "In: Schmidt, A. (Hrsg.): Buch."
        body = body[m.end()..]
            .trim_start_matches(['.', ':', ' '])
            .to_string();
    } else if let Some(m) = EDITED_BY.find(&body) {
        // Chicago: "In Book, edited by Given Surname, 12–34. Publisher."
        let book = body[..m.start()].to_string();
        let after = body[m.end()..].to_string();
        let bounds = sentence_bounds(&after);
        let cut = bounds.first().copied().unwrap_or(after.len());
        let mut eds = after[..cut].trim().trim_end_matches('.').to_string();
        if let Some(p) = PAGES_AT_END.captures(&eds) {
            r.pages = non_empty(&p[1]);
            eds.truncate(p.get(0).map_or(eds.len(), |m| m.start()));
        }
        r.editors = parse_names(&eds).0;
        r.container = non_empty(&book);
        let rest = after[cut..].to_string();
        tail_publisher(r, &rest);
        return;
    }
    // "Book (2nd ed., Vol. 3, pp. 12–34). Publisher." or "Book, pp. 1–2."
    let bounds = sentence_bounds(&body);
    let cut = book_end(&body, &bounds);
    let mut book = body[..cut].trim().trim_end_matches('.').to_string();
    let rest = body[cut..].to_string();
    static PAREN_INFO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*\(([^()]*(?:pp?\.|[Vv]ol\.|ed\.)[^()]*)\)\s*$").expect("valid regex")
    });
    if let Some(c) = PAREN_INFO.captures(&book) {
        let info = c[1].to_string();
        book.truncate(c.get(0).map_or(book.len(), |m| m.start()));
        if let Some(p) = PP_PAGES.captures(&info) {
            r.pages = non_empty(&p[1]);
        }
        if let Some(v) = VOL_IN.captures(&info) {
            r.volume = non_empty(&v[1]);
        }
        if let Some(e) = EDITION.captures(&info) {
            r.edition = non_empty(&e[1]);
        }
    }
    if let Some(p) = PAGES_AT_END.captures(&book) {
        r.pages = non_empty(&p[1]);
        book.truncate(p.get(0).map_or(book.len(), |m| m.start()));
    }
    // "Book title, 2nd edn": the edition closes the book's title.
    if r.edition.is_none()
        && let Some(m) = EDITION.find(&book)
        && book[m.end()..].trim().is_empty()
        && book[..m.start()].trim_end().ends_with(',')
    {
        book = take_edition(r, &book);
    }
    // "Proceedings of X, pp. 62–68. Sydney": pages inside the book part end
    // its title; what follows is the place or publisher.
    let mut rest = rest;
    if let Some(p) = PP_PAGES.captures(&book)
        && let Some(m) = p.get(0)
    {
        r.pages = r.pages.take().or_else(|| non_empty(&p[1]));
        let after = book[m.end()..]
            .trim_start_matches([')', ',', '.', ' '])
            .to_string();
        book.truncate(m.start());
        let book_trimmed = book
            .trim_end_matches(|c: char| c == ',' || c == '(' || c.is_whitespace())
            .to_string();
        book = book_trimmed;
        if !after.is_empty() {
            rest = format!("{after}. {rest}");
        }
    }
    r.container = non_empty(&book);
    tail_publisher(r, &rest);
}

static PAGES_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r",?\s*(?:(?i:pp?\.)\s*|(?i:pp?)\s+|S\.\s*)?({})\s*$",
        grammar::PAGE_RANGE
    ))
    .expect("valid regex")
});

/// Reads "Publisher." / "Location: Publisher." / "Publisher, pp. 1–2.".
pub(super) fn tail_publisher(r: &mut Reference, rest: &str) {
    let mut rest = clean(rest);
    if let Some(p) = PAGES_AT_END.captures(&rest) {
        if r.pages.is_none() {
            r.pages = non_empty(&p[1]);
        }
        rest.truncate(p.get(0).map_or(rest.len(), |m| m.start()));
    }
    let (loc, publ) = split_location(&rest);
    r.location = r.location.take().or(loc);
    r.publisher = r.publisher.take().or(publ);
}

/// Removes an edition statement from `s`, storing it.
pub(super) fn take_edition(r: &mut Reference, s: &str) -> String {
    if let Some(c) = EDITION.captures(s) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        r.edition = non_empty(&c[1]);
        let mut out = s[..m.start].to_string();
        out.push_str(&s[m.end..]);
        return out.trim().trim_end_matches([',', '.']).trim().to_string();
    }
    s.to_string()
}

/// "835–849" or "e7057" where a volume was expected. A range whose ends
/// have as many digits is pages even when it runs backwards ("849–835", a
/// slip the check reports), while "2019–20" may be a volume.
fn pages_not_volume(v: &str) -> bool {
    if let Some(n) = v.strip_prefix('e') {
        return n.chars().all(|c| c.is_ascii_digit());
    }
    match v.split_once(['–', '-']) {
        Some((a, b)) => match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(x), Ok(y)) => y > x || a.len() == b.len(),
            _ => false,
        },
        None => false,
    }
}

/// The tail after its edition is taken out, with its sentence bounds.
pub(super) struct Tail {
    text: String,
    bounds: Vec<usize>,
    first_end: usize,
}

impl Tail {
    fn new(text: String) -> Self {
        let mut bounds = sentence_bounds(&text);
        let mut first_end = bounds.first().copied().unwrap_or(text.len());
        if let Some(end) = journal_end(&text, &bounds).filter(|&e| e > first_end) {
            first_end = end;
            bounds.retain(|&b| b >= end);
        }
        Tail {
            text,
            bounds,
            first_end,
        }
    }

    /// The first part, up to the first sentence end, without its period.
    fn first(&self) -> &str {
        self.text[..self.first_end].trim().trim_end_matches('.')
    }

    /// What follows the first part.
    fn after(&self) -> &str {
        self.text[self.first_end..].trim()
    }
}

/// One reading of a tail. It fills the fields it reads and says whether it
/// took the tail.
pub(super) struct TailRule {
    /// The rule's name, recorded on the reference as evidence.
    pub name: &'static str,
    read: fn(&mut Reference, &Tail) -> bool,
}

/// Tried in this order; the first that takes the tail wins. A series
/// number must be tried before a journal with a volume ("IMF Working
/// Paper, No. 96/99"), and pages alone before an issue or a volume.
pub(super) const TAIL_RULES: &[TailRule] = &[
    TailRule {
        name: "series-number",
        read: series_number,
    },
    TailRule {
        name: "pages-only",
        read: pages_only,
    },
    TailRule {
        name: "issue-only",
        read: issue_only,
    },
    TailRule {
        name: "journal",
        read: journal,
    },
    TailRule {
        name: "described-publisher",
        read: described_publisher,
    },
    TailRule {
        name: "thesis-or-journal-name",
        read: thesis_or_journal_name,
    },
];

/// Reads the tail after the title into `r`; returns the name of the rule
/// that read it ("in-part" for a chapter, "publisher" when none did).
pub(super) fn parse_tail(r: &mut Reference, tail: &str) -> Option<&'static str> {
    let tail = tail.trim().trim_start_matches(['.', ',']).trim();
    if tail.is_empty() {
        return None;
    }
    static IN: LazyLock<Regex> =
        // "Em"/"En" (Portuguese, Spanish) only with a colon: "Em Questão"
        // is a journal.
        LazyLock::new(|| {
            Regex::new(r"^(?:(?:In|in)\s*:?|(?:Em|En):)\s+").expect("valid regex")
        });
    if let Some(m) = IN.find(tail) {
        parse_in(r, &tail[m.end()..]);
        return Some("in-part");
    }
    let t = Tail::new(take_edition(r, tail));
    for rule in TAIL_RULES {
        if (rule.read)(r, &t) {
            return Some(rule.name);
        }
    }
    tail_publisher(r, &t.text);
    Some("publisher")
}

/// "IMF Working Paper, No. 96/99.": a series and its number.
fn series_number(r: &mut Reference, t: &Tail) -> bool {
    let Some(c) = SERIES_NUMBER.captures(t.first()) else {
        return false;
    };
    r.container = non_empty(&c["container"]);
    r.issue = non_empty(&c["num"]);
    true
}

/// "Nature, pp. 881–895." (Harvard) or "Nature: 881–895." (Chicago): a
/// journal with pages and no volume.
fn pages_only(r: &mut Reference, t: &Tail) -> bool {
    let Some(c) = PAGES_ONLY.captures(t.first()) else {
        return false;
    };
    r.container = non_empty(&c["container"]);
    r.pages = non_empty(&c["pages"]);
    true
}

/// "Journal, (11), 463–480." or "Journal (11): 463–480.": an issue and no
/// volume. A report number in parentheses ("(NSB-2018-1)") is not an issue.
fn issue_only(r: &mut Reference, t: &Tail) -> bool {
    let Some(c) = ISSUE_ONLY.captures(t.first()) else {
        return false;
    };
    if !ISSUE.is_match(c["iss"].trim()) {
        return false;
    }
    r.container = non_empty(&c["container"]);
    r.issue = non_empty(&c["iss"]);
    r.pages = c.name("pages").and_then(|m| non_empty(m.as_str()));
    true
}

/// Whether a part ends in an abbreviated word: an initial ("J.") or a
/// capital and a few small letters ("Appl.", "Proc.", "Physiol."). An
/// acronym ("ICML.", "USA.") ends a sentence.
fn ends_abbreviated(part: &str) -> bool {
    let Some(word) = part.trim_end().strip_suffix('.') else {
        return false;
    };
    let w = word
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let mut chars = w.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() <= 8
        && chars.all(char::is_lowercase);
    // Cut words end in a consonant ("Appl", "Ecol", "Conf") or in "i"
    // ("Sci"); a whole word often ends otherwise ("Cinema", "Aging",
    // "Press", "Nation").
    let lower = w.to_lowercase();
    let n = w.chars().count();
    let whole = n > 1
        && (lower.ends_with(['a', 'e', 'o', 'u', 'y'])
            || crate::lexicon::WHOLE_WORD_ENDINGS
                .iter()
                .any(|e| lower.ends_with(e))
            // A plural ("Cartoons", "Studies"); cut words ending in "s"
            // are short ("Phys", "Trans", "Res").
            || (n >= 6 && lower.ends_with('s')));
    shaped && !whole
}

/// Where the book's name ends in the part after "In": at the first
/// sentence end, read on over abbreviated words ("In Proc. Intern. Conf.
/// on Vision, pp. 77–82.") while what follows is more than a short
/// publisher's name ("In Book. Sage.").
fn book_end(body: &str, bounds: &[usize]) -> usize {
    for (k, &b) in bounds.iter().enumerate().take(8) {
        // What follows, a few words of it.
        let following: Vec<&str> = body[b..].split_whitespace().take(3).collect();
        let more = following.len() >= 3
            || following
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit()));
        // A publisher after the book's name ends it ("… of Aging.
        // University of Chicago Press").
        let next_part = &body[b..bounds.get(k + 1).copied().unwrap_or(body.len())];
        let publisher = PRESS.is_match(next_part)
            || UNIVERSITY.is_match(next_part)
            || LOCATION.is_match(next_part.trim().trim_end_matches('.'));
        if !(ends_abbreviated(&body[..b]) && more) || publisher {
            return b;
        }
    }
    // Every end was an abbreviation's: the name runs on.
    match bounds.get(8) {
        Some(&b) => b,
        None => body.len(),
    }
}

/// The end of the first stretch of `text` from `start` that `reads`
/// accepts (given the stretch, trimmed of its final period, and its
/// end), read on over the part ends that follow a cut word: "J. Appl.
/// Ecol., 3, 1–9." is one journal, though each period before a capital
/// ends a part. `ends` are the part ends after `start`, in order; eight
/// at most are joined, so a long entry stays linear.
pub(super) fn read_on(
    text: &str,
    start: usize,
    ends: impl Iterator<Item = usize>,
    reads: impl Fn(&str, usize) -> bool,
) -> Option<usize> {
    for end in ends.take(8) {
        let chunk = text[start..end].trim();
        if reads(chunk.trim_end_matches('.'), end) {
            return Some(end);
        }
        if !ends_abbreviated(chunk) {
            return None;
        }
    }
    None
}

/// Where a tail's first part ends when it is a journal whose name is cut
/// words: only a part that then reads as a journal (with a volume and
/// pages, an issue, pages, or a series number) counts, so a publisher's
/// sentence ("Sage. London") is never joined to it.
fn journal_end(text: &str, bounds: &[usize]) -> Option<usize> {
    // Most first parts end in a whole word: nothing to read on over, and
    // no pattern is tried twice.
    let (&first, more) = bounds.split_first()?;
    if !ends_abbreviated(&text[..first]) {
        return None;
    }
    let ends = more.iter().copied().chain([text.len()]);
    read_on(text, 0, ends, |first, end| {
        // A volume alone ("Ann. Bot., 41.") counts when nothing follows.
        let last = text[end..].trim().is_empty();
        JOURNAL.captures(first).is_some_and(|c| {
            c["rest"].trim().is_empty()
                && (c.name("pages").is_some() || c.name("iss").is_some() || last)
        }) || ISSUE_ONLY.is_match(first)
            || PAGES_ONLY.is_match(first)
            || SERIES_NUMBER.is_match(first)
    })
}

/// "Journal, 12(3), 45–67." and its relatives; also "Book Title, 270.
/// Publisher.", where the number is a page of a book.
fn journal(r: &mut Reference, t: &Tail) -> bool {
    let Some(c) = JOURNAL.captures(t.first()) else {
        return false;
    };
    if !c["rest"].trim().is_empty()
        || c["container"].trim().is_empty()
        || !c["container"].chars().any(|ch| ch.is_alphabetic())
    {
        return false;
    }
    let after = t.after();
    let has_pages = c.name("pages").is_some();
    let has_issue = c.name("iss").is_some();
    if !after.is_empty() && !has_pages && !has_issue && !after.contains("://") {
        // A journal has no publisher, so this is a part of a book.
        r.container = non_empty(&c["container"]);
        r.pages = non_empty(&c["vol"]);
        tail_publisher(r, after);
        return true;
    }
    r.container = non_empty(&c["container"]);
    r.volume = non_empty(&c["vol"]);
    r.issue = c.name("iss").and_then(|m| non_empty(m.as_str()));
    if !has_pages && !has_issue && r.volume.as_deref().is_some_and(pages_not_volume) {
        // "Journal, 835–849." or "Journal, e7057.": no volume, only pages
        // or an article number.
        r.pages = r.volume.take();
        return true;
    }
    r.pages = c
        .name("pages")
        .and_then(|m| non_empty(bare_pages(m.as_str())));
    if !after.is_empty() && r.publisher.is_none() {
        let after_clean = clean(after);
        if !after_clean.is_empty() && !after_clean.chars().all(|ch| !ch.is_alphanumeric()) {
            r.publisher = None;
        }
    }
    true
}

/// Pages without their "pp." or "Article" label.
fn bare_pages(p: &str) -> &str {
    let p = p.trim_start_matches(|ch: char| !ch.is_alphanumeric());
    let p = p
        .strip_prefix("pp.")
        .or_else(|| p.strip_prefix("p."))
        .unwrap_or(p);
    p.trim()
        .strip_prefix("Article ")
        .or_else(|| p.trim().strip_prefix("article "))
        .unwrap_or(p.trim())
}

/// "Series or description. Publisher.": the last sentence is the
/// publisher, what comes before is a container or a description.
fn described_publisher(r: &mut Reference, t: &Tail) -> bool {
    if t.bounds.is_empty() || t.first_end >= t.text.len() {
        return false;
    }
    let last_start = *t.bounds.last().unwrap_or(&0);
    let before = t.text[..last_start].trim().trim_end_matches('.');
    let last = &t.text[last_start..];
    // A bare year there ("… 2015. University.") is not a container.
    let has_letters = before.chars().any(char::is_alphabetic);
    if has_letters && !THESIS.is_match(before) && !REPORT.is_match(before) {
        r.container = non_empty(before);
    }
    tail_publisher(r, last);
    true
}

/// One part that names a thesis and its school ("(Doctoral dissertation,
/// University)"), or a journal named without volume or pages ("Frontiers
/// in Marine Science."): a publisher is not called a review or letters.
fn thesis_or_journal_name(r: &mut Reference, t: &Tail) -> bool {
    if let Some(m) = THESIS.find(&t.text) {
        let rest = t.text[m.end()..].trim_start_matches([',', ')', ' ']);
        tail_publisher(r, rest);
        return true;
    }
    let rest = &t.text;
    if JOURNAL_WORD.is_match(rest)
        && !PRESS.is_match(rest)
        && !UNIVERSITY.is_match(rest)
        && !ORGANISATION.is_match(rest)
    {
        r.container = non_empty(rest);
        return true;
    }
    false
}

/// Whether a tail starts with "Journal, 12(3), 45–67" or "Journal 12: 45".
/// `first` is a tail's first part, trimmed and without its final period.
pub(super) fn journal_part(first: &str) -> bool {
    JOURNAL.captures(first).is_some_and(|c| {
        c["rest"].trim().is_empty()
            && (c.name("pages").is_some() || c.name("iss").is_some())
            && c["container"].chars().any(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::publisher_then_place;

    #[test]
    fn a_place_after_a_publisher_is_split_off() {
        assert_eq!(
            publisher_then_place("Vale University Press, Cambridge."),
            Some(("Vale University Press", "Cambridge"))
        );
        // A place the lexicon does not know, after a name that says it is a
        // publisher's, even inside a hyphenated or bracketed word.
        assert_eq!(
            publisher_then_place("Springer-Verlag, Oberholm"),
            Some(("Springer-Verlag", "Oberholm"))
        );
        assert_eq!(
            publisher_then_place("Hollis (Verlag), Oberholm"),
            Some(("Hollis (Verlag)", "Oberholm"))
        );
    }

    #[test]
    fn a_publisher_with_a_comma_in_its_name_stays_whole() {
        assert_eq!(publisher_then_place("Little, Brown and Company"), None);
        // A place from the wider gazetteer makes the split without a
        // publisher's word in the name.
        assert_eq!(
            publisher_then_place("Hollis Grant, Bogotá"),
            Some(("Hollis Grant", "Bogotá"))
        );
        assert_eq!(publisher_then_place("Hollis Grant, Oberholm"), None);
    }
}
