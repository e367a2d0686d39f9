//! Parsing one reference entry into fields.
//!
//! Author-date styles agree on one thing: the date comes right after the
//! names. APA and Harvard put it in parentheses ("Smith, J. (2015)."),
//! Chicago and journal house styles between periods ("Smith, John. 2015.").
//! The parser finds that anchor first, reads the names before it, then the
//! title after it (quoted in Chicago, up to the first sentence end
//! otherwise), and finally the tail: a journal with volume, issue and pages,
//! an "In …" chapter, or a publisher.

use super::split::RawEntry;
use super::{EntryType, Name, Problem, Reference};
use crate::grammar::{self, PAGES};
use crate::lexicon::{self, is_reference_particle as is_particle};
use regex::{Captures, Regex};
use std::sync::LazyLock;

macro_rules! re {
    ($vis:vis $name:ident, $pat:expr) => {
        $vis static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

re!(PAREN_DATE, &grammar::paren_date());
re!(DOT_DATE, &grammar::dot_date());
// Chicago's editor mark after the names: "Smith, J., ed." / ", eds."
re!(CHICAGO_EDITORS, r",\s*eds?\.?\s*$");
re!(ANY_YEAR, r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b");
re!(
    DOI,
    r"(?i)(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bdoi\s+)?\b(10\.\d{4,9}/[^\s]+)"
);
re!(URL, r"(?i)\b(?:https?://|www\.)[^\s]+");
re!(
    ACCESS,
    r"(?i)(?:\[|\()?\s*(?:accessed|retrieved|consulted|acesso em|accedido|abgerufen)(?:\s+on)?\s*:?\s*([^\])]*?\d{4})\s*(?:\]|\))?\s*[.,]?\s*(?:from\s*)?"
);
re!(
    AVAILABLE,
    r"(?i)\b(?:available (?:at|from|online)|retrieved from|dispon[ií]vel em|online)\s*:?\s*$"
);
re!(
    EDITION,
    r"(?i)\(?\b(\d{1,2}(?:st|nd|rd|th|a|ª|º|e)?\.?\s*(?:edition|edn|ed|éd|aufl)\.?)\)?"
);
re!(VOLUME_PAREN, r"\s*\((?i:vol(?:ume)?\.?)\s*([^)]+)\)");
re!(
    JOURNAL,
    &format!(
        r"^(?P<container>.*?[^\s,.:])[,.]?\s+(?:(?i:vol\.?\s*))?(?P<vol>[A-Z]?\d+[A-Za-z]?(?:[/–-]\d+)?|e\d{{3,}})\s*(?:\((?P<iss>[^)]{{1,25}})\))?\s*(?:(?:[,:]|,?\s*(?i:no\.)\s*)\s*(?P<pages>(?:(?i:pp?\.)\s*)?(?:(?i:article)\s+)?{PAGES}))?\s*\.?\s*(?P<rest>.*)$"
    )
);
re!(
    PAGES_ONLY,
    &format!(
        r"^(?P<container>.*?\p{{L}})(?:,\s*pp?\.\s*|,\s*(?i:article)\s+|:\s*)(?P<pages>{PAGES})$"
    )
);
re!(
    ISSUE_ONLY,
    &format!(
        r"^(?P<container>.*?\p{{L}}),?\s+\((?P<iss>[^)]{{1,25}})\)(?:\s*[,:]\s*(?:pp?\.\s*)?(?P<pages>{PAGES}))?$"
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
    EDITORS_MARK,
    r"\s*\((?:[Ee]ds?|[Ee]d|[Oo]rgs?|[Cc]oords?|Hrsg|[Dd]ir)\.?\)\s*,?\s*"
);
re!(EDITED_BY, r",?\s*(?i:edited by|ed\. by|eds?\.)\s+");
re!(
    THESIS,
    r"(?i)\b(?:doctoral dissertation|ph\.?\s?d\.? (?:thesis|dissertation)|master'?s thesis|dissertation|thesis|tese|dissertação|thèse|doktorarbeit)\b"
);
re!(
    REPORT,
    r"(?i)\b(?:report|working paper|discussion paper|technical paper|policy brief|white paper|occasional paper|briefing|research paper|wp\s?\d)"
);
re!(
    PROCEEDINGS,
    r"(?i)\b(?:proceedings|conference|symposium|workshop|congress|colloquium|congresso|encontro|seminário)\b"
);
re!(INITIALS, grammar::INITIALS);
re!(
    HOUSE_NAME,
    &format!(
        r"^(?P<family>(?:{}\s+)*\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+)*)\s+(?P<given>\p{{Lu}}{{1,4}})$",
        crate::grammar::particles()
    )
);
re!(STRAY_NUMBER, r"^(\d{1,3})\s+(\p{Lu})");
re!(
    pub(super) PP_PAGES,
    &format!(r"\b(?i:pp?\.)\s*({PAGES})")
);
re!(VOL_IN, r"[Vv]ol\.\s*([^,;)]+)");
re!(IN_PART, r"(?:^|[.,”\x22’]\s*)(?:(?:In|in):?|(?:Em|En):)\s");
// Series and tails that make a report whatever the title says.
re!(
    REPORT_SERIES,
    r"(?i)\b(?:working paper|discussion paper|technical (?:report|memorandum|paper|note)|policy brief|white paper|occasional paper|research report|wp\s?\d)"
);
re!(UNIVERSITY, r"(?i)\buniversi\w+\b");
re!(
    PRESS,
    r"(?i)\b(?:press|publish\w*|books|verlag|editora|edições|ediciones|éditions|editorial)\b"
);
re!(
    JOURNAL_WORD,
    // Journals, and the preprint servers and code or data repositories
    // that hold works a reference list names like journals.
    r"(?i)\b(?:journal|review|letters|frontiers|annals|bulletin|quarterly|magazine|revista|zeitschrift|transactions|cahiers)\b|(?i:^(?:[a-z]*rxiv|arxiv|ssrn|preprints?|research square|github|gitlab|bitbucket|zenodo|dryad|figshare|osf|dataverse|cran|pypi|bioconductor)\b)"
);
re!(
    ORGANISATION,
    r"(?i)\b(?:institut\w*|program\w*|cent(?:er|re)|agency|ministry|organi[sz]ation|council|foundation|society|association|bank|office|department)\b"
);
re!(
    PROCEEDINGS_TAIL,
    r"(?i)\b(?:anais|actas|atas|proceedings|conference|congress|congresso|congreso|symposium|workshop)\b"
);
re!(
    LOCATION,
    r"^(?P<loc>[\p{Lu}][\p{L}.\s,'’\-]{1,60}?(?:\s(?:and|&)\s[\p{Lu}][\p{L}.\s'’\-]{1,30})?):\s+(?P<pub>[^:]+)$"
);

pub(super) fn clean(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .trim_end_matches('.')
        .trim()
        .to_string()
}

pub(super) fn non_empty(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// The position of the date that follows the names.
struct Anchor {
    start: usize,
    end: usize,
    year: String,
    /// Further years of a multi-year entry ("(2001, 2002)").
    also: Vec<String>,
    /// APA's "(Year)." form, after which titles are never quoted (a title
    /// may start with a quotation).
    apa: bool,
}

pub(super) fn author_like(prefix: &str) -> bool {
    let p = prefix.trim();
    if p.is_empty() || p.chars().any(|c| c.is_ascii_digit()) || p.contains('“') || p.contains('"')
    {
        return false;
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .filter(|w| {
            let w = w.trim_end_matches([',', '.']);
            !lexicon::is_name_list_word(w)
                && !is_particle(w)
                && !w.starts_with("d'")
                && !w.starts_with("d’")
                && !w.starts_with("l'")
        })
        .count();
    lower * 3 <= words.len().max(1)
}

fn find_anchor(t: &str) -> Option<Anchor> {
    let paren = PAREN_DATE.captures_iter(t).find(|c| {
        author_like(&t[..c.get(0).map_or(0, |m| m.start())])
            || c.get(0).is_some_and(|m| m.start() == 0)
    });
    let dot = DOT_DATE.captures_iter(t).find(|c| {
        let m = c.get(0).map_or(0, |m| m.start());
        author_like(&t[..m + 1])
    });
    let from = |c: Captures, dot: bool| {
        let m = c.get(0)?;
        // Group 2 is the dot form's "n.d.", whose own period may end it.
        let y = c.get(1).or_else(|| c.get(2))?;
        // For the dot form, the anchor starts at the year, after ". ".
        let start = if dot { y.start() } else { m.start() };
        let mut year = y.as_str().trim().to_string();
        let mut also = Vec::new();
        if year.len() > 5 && year.contains(',') {
            let mut parts = year.split(',').map(|p| p.trim().to_string());
            let first = parts.next().unwrap_or_default();
            also = parts.filter(|p| p.len() >= 4).collect();
            year = first;
        }
        if year.eq_ignore_ascii_case("s.d.")
            || year.eq_ignore_ascii_case("no date")
            || year.eq_ignore_ascii_case("sem data")
        {
            year = "n.d.".to_string();
        }
        year = year.replace("n. d.", "n.d.");
        Some(Anchor {
            start,
            end: m.end(),
            year,
            also,
            apa: !dot && m.as_str().ends_with(")."),
        })
    };
    match (paren, dot) {
        (Some(p), Some(d)) => {
            let ps = p.get(0).map_or(0, |m| m.start());
            let ds = d.get(0).map_or(0, |m| m.start());
            if ps <= ds {
                from(p, false)
            } else {
                from(d, true)
            }
        }
        (Some(p), None) => from(p, false),
        (None, Some(d)) => from(d, true),
        (None, None) => None,
    }
}

fn is_initials(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return false;
    }
    // Bare capitals are initials only when short ("AB" in "Smith AB");
    // "ABEL" is an all-capitals surname.
    if s.chars().all(char::is_alphabetic) {
        return s.chars().count() <= 3 && s.chars().all(char::is_uppercase);
    }
    // With periods or spaces, every run of letters is short: "D.K.",
    // "J.-P.", "Ch."; "UNAIDS." is a name.
    let short_runs = s
        .split(|c: char| !c.is_alphabetic())
        .all(|run| run.chars().count() <= 2);
    short_runs && s.chars().filter(|c| c.is_alphabetic()).count() <= 6 && INITIALS.is_match(s)
}

fn is_suffix(s: &str) -> bool {
    lexicon::is_name_suffix(s.trim().trim_end_matches('.'))
}

/// Drops a generational suffix after a name: "J. F. Brown Jr." and
/// "J.F. Jr" keep their names and lose the "Jr".
fn without_suffix(seg: &str) -> &str {
    match seg.trim_end().rsplit_once(char::is_whitespace) {
        Some((head, last)) if is_suffix(last) => head.trim_end().trim_end_matches(','),
        _ => seg,
    }
}

fn org_like(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(|w| w.to_lowercase()).collect();
    words
        .iter()
        .any(|w| lexicon::is_org_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
        || (words.iter().filter(|w| !is_particle(w)).count() >= 4
            && !s.contains(',')
            && !s.split_whitespace().any(is_initials))
        || (s.len() >= 2
            && s.len() <= 8
            && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && !s.contains('.'))
}

/// "K. A. Rockett" or "John Smith" or "J. A. M. González": given names first.
fn natural_order(seg: &str) -> Option<Name> {
    let words: Vec<&str> = seg.split_whitespace().collect();
    if words.len() < 2 || words.len() > 6 {
        return None;
    }
    // Family name: the last word, with any particles before it.
    let mut fam_start = words.len() - 1;
    while fam_start > 1 && is_particle(words[fam_start - 1]) {
        fam_start -= 1;
    }
    let given = words[..fam_start].join(" ");
    let family = words[fam_start..].join(" ");
    let given_ok = words[..fam_start].iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase()) && (is_initials(w) || w.chars().count() > 1)
    });
    let has_initial = words[..fam_start].iter().any(|w| is_initials(w));
    if given_ok
        && (has_initial || fam_start <= 2)
        && family.chars().any(|c| c.is_lowercase() || c.is_uppercase())
    {
        Some(Name::Person {
            family: clean(&family),
            given,
        })
    } else {
        None
    }
}

pub(super) fn person(family: &str, given: &str) -> Name {
    Name::Person {
        family: clean(family),
        given: given.trim().trim_end_matches(',').trim().to_string(),
    }
}

/// Parses a list of names: "Smith, J., & Jones, K.", "Smith, John, and
/// Jane Doe", "Smith AB, Jones CD", or an organisation.
pub fn parse_names(s: &str) -> (Vec<Name>, bool) {
    static ET_AL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(grammar::ET_AL_LIST).expect("valid regex"));
    static ELLIPSIS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:\.\s){2,}\.|…").expect("valid regex"));
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        let and = grammar::name_and();
        Regex::new(&format!(r"\s*;\s*|,\s*{and}\s+|\s+{and}\s+|\s*,\s*")).expect("valid regex")
    });
    let mut truncated = false;
    let mut s = s.trim().trim_end_matches([',', ';']).to_string();
    if ET_AL.is_match(&s) {
        truncated = true;
        s = ET_AL.replace_all(&s, "").into_owned();
    }
    if ELLIPSIS.is_match(&s) {
        truncated = true;
        s = ELLIPSIS.replace_all(&s, ",").into_owned();
    }
    let s = s.trim().trim_end_matches([',', ';']).trim();
    if s.is_empty() {
        return (Vec::new(), truncated);
    }
    // An organisation with its departments: "United Nations, Department of
    // Economic and Social Affairs" is one author, not four.
    let has_initials = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .any(is_initials);
    if !has_initials && s.contains(',') && org_like(s) {
        // Organisations are separated by "&" or ";", never by a bare comma
        // or "and", which belong to their names.
        static ORG_SEP: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r",?\s*&\s*|\s*;\s*").expect("valid regex"));
        let parts: Vec<&str> = ORG_SEP
            .split(s)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let orgs = parts.iter().all(|p| {
            p.split(',')
                .all(|q| q.split_whitespace().count() >= 2 || org_like(q))
        });
        if orgs {
            let names = parts
                .iter()
                .map(|p| Name::Literal { literal: clean(p) })
                .collect();
            return (names, truncated);
        }
    }
    let no_initials = !s
        .split(|c: char| c == ',' || c.is_whitespace())
        .any(is_initials);
    if !s.contains(',') && !s.contains(';') {
        if let Some(c) = HOUSE_NAME.captures(s.trim_end_matches('.')) {
            return (vec![person(&c["family"], &c["given"])], truncated);
        }
        if org_like(s) || no_initials {
            let single = s.split_whitespace().count() == 1;
            if single && !org_like(s) {
                return (vec![person(s, "")], truncated);
            }
            return (vec![Name::Literal { literal: clean(s) }], truncated);
        }
    }
    let segs: Vec<&str> = SEP
        .split(s)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let mut names: Vec<Name> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let seg = without_suffix(segs[i]);
        let next = segs.get(i + 1).map(|n| without_suffix(n));
        if is_suffix(seg) {
            i += 1;
            continue;
        }
        // Bare capitals ("LEE") are a family name unless a person before
        // them still lacks a given name.
        let bare = seg.chars().all(char::is_alphabetic);
        let needs_given =
            matches!(names.last(), Some(Name::Person { given, .. }) if given.is_empty());
        if is_initials(seg) && (!bare || needs_given) {
            // A stray given part: attach it to the previous person.
            if let Some(Name::Person { given, .. }) = names.last_mut()
                && given.is_empty()
            {
                *given = seg.to_string();
            }
            i += 1;
            continue;
        }
        if let Some(c) = HOUSE_NAME.captures(seg.trim_end_matches('.')) {
            names.push(person(&c["family"], &c["given"]));
            i += 1;
            continue;
        }
        if let Some(n) = next.filter(|n| is_initials(n)) {
            names.push(person(seg, n));
            i += 2;
            continue;
        }
        // "N. K. Denzin": initials first, so natural order.
        if seg.split_whitespace().count() >= 2
            && seg.split_whitespace().next().is_some_and(is_initials)
            && let Some(n) = natural_order(seg)
        {
            names.push(n);
            i += 1;
            continue;
        }
        // "Smith, John, and Jane Doe": the first author is inverted with a
        // full given name, later ones are in natural order.
        if i == 0
            && let Some(n) = next
            && n.split_whitespace().count() <= 3
            && n.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && seg.split_whitespace().count() <= 3
            && !org_like(seg)
        {
            names.push(person(seg, n));
            i += 2;
            continue;
        }
        if i > 0
            && let Some(n) = natural_order(seg)
            && !org_like(seg)
        {
            names.push(n);
            i += 1;
            continue;
        }
        if org_like(seg) || seg.split_whitespace().count() >= 3 {
            names.push(Name::Literal {
                literal: clean(seg),
            });
        } else {
            names.push(person(seg, ""));
        }
        i += 1;
    }
    (names, truncated)
}

/// Finds where the title ends in `rest`; returns (title, tail).
fn split_title(rest: &str, quoted_titles: bool) -> (Option<String>, String) {
    let r = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
    if r.is_empty() {
        return (None, String::new());
    }
    if URL.find(r).is_some_and(|m| m.start() == 0) {
        return (None, r.to_string());
    }
    // Quoted titles (Chicago articles and chapters, Harvard chapters).
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’'), ('«', '»')] {
        if !quoted_titles {
            break;
        }
        if let Some(inner) = r.strip_prefix(open)
            && let Some(end) = find_closing(inner, open, close)
        {
            let title = inner[..end].trim().trim_end_matches([',', '.']).to_string();
            let tail = inner[end + close.len_utf8()..]
                .trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
            return (Some(title), tail.to_string());
        }
    }
    let bounds = sentence_bounds(r);
    // A title may hold sentences ("Demography. Broken limits to life
    // expectancy. Science, 296, 1029–1031."): end it where the tail reads
    // as a journal with a volume, when such a place exists.
    let strong = |tail: &str| {
        let t = tail.trim_start();
        journal_tail(t) || t.starts_with("In ") || t.starts_with("In: ")
    };
    if bounds.len() >= 2
        && !strong(&r[bounds[0]..])
        && let Some(&b) = bounds[1..].iter().find(|&&b| strong(&r[b..]))
    {
        let title = r[..b].trim().trim_end_matches('.').trim().to_string();
        return (Some(title), r[b..].trim().to_string());
    }
    for (k, &b) in bounds.iter().enumerate() {
        let mark = r[..b].chars().last().unwrap_or('.');
        if mark == '?' || mark == '!' {
            // A question inside a title ("Why? Evidence from …") is not its
            // end unless what follows reads as a journal or publisher.
            let next_end = bounds.get(k + 1).copied().unwrap_or(r.len());
            let chunk = r[b..next_end].trim();
            let last = k + 1 == bounds.len();
            let containerish = chunk.chars().any(|c| c.is_ascii_digit())
                || chunk.starts_with("In ")
                || chunk.starts_with("in ")
                || last;
            if !containerish {
                continue;
            }
        }
        let title = r[..b].trim().trim_end_matches('.').trim().to_string();
        return (
            Some(title).filter(|t| !t.is_empty()),
            r[b..].trim().to_string(),
        );
    }
    (
        Some(r.trim().trim_end_matches('.').to_string()).filter(|t| !t.is_empty()),
        String::new(),
    )
}

/// Whether a tail starts with "Journal, 12(3), 45–67" or "Journal 12: 45".
fn journal_tail(tail: &str) -> bool {
    let t = tail.trim();
    let bounds = sentence_bounds(t);
    let first = t[..bounds.first().copied().unwrap_or(t.len())]
        .trim()
        .trim_end_matches('.');
    JOURNAL.captures(first).is_some_and(|c| {
        c["rest"].trim().is_empty()
            && (c.name("pages").is_some() || c.name("iss").is_some())
            && c["container"].chars().any(char::is_alphabetic)
    })
}

fn find_closing(inner: &str, open: char, close: char) -> Option<usize> {
    if open != close {
        // Nested quotes of the same kind are rare; take the last close
        // before the next sentence-like boundary after a close.
        let mut depth = 0;
        for (i, c) in inner.char_indices() {
            if c == open {
                depth += 1;
            } else if c == close {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
        }
        return None;
    }
    inner.find(close)
}

/// Byte offsets just after each sentence-ending mark at bracket depth 0
/// (the space after it is not included).
pub(super) fn sentence_bounds(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            '.' | '?' | '!' if depth == 0 => {
                let mut j = k + 1;
                while j < chars.len() && matches!(chars[j].1, '.' | '"' | '”' | '’' | '\'') {
                    j += 1;
                }
                let Some(&(_, after)) = chars.get(j) else {
                    continue;
                };
                if !after.is_whitespace() {
                    continue;
                }
                let next = chars.get(j + 1).map_or(' ', |x| x.1);
                // A capital inside the next word also starts a new part:
                // journals such as "eLife" or "mBio".
                let camel = chars[j + 1..]
                    .iter()
                    .take_while(|x| x.1.is_alphanumeric())
                    .any(|x| x.1.is_uppercase());
                if !(next.is_uppercase()
                    || next.is_ascii_digit()
                    || camel
                    || matches!(next, '“' | '"' | '‘' | '[' | '¿' | '¡'))
                {
                    continue;
                }
                if c == '.' {
                    // Not after an initial or an abbreviation.
                    let word = s[..i]
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    let w = word.trim_start_matches(['(', '[']);
                    let initial = w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
                    let abbr = lexicon::is_entry_abbreviation(&w.to_lowercase())
                        || (w.contains('.')
                            && w.len() <= 5
                            && w.chars().filter(|c| c.is_alphabetic()).count() <= 3
                            && w.chars().all(|c| c.is_uppercase() || c == '.'));
                    if initial || abbr {
                        continue;
                    }
                }
                out.push(chars.get(j).map_or(s.len(), |x| x.0));
            }
            _ => {}
        }
    }
    out
}

fn split_location(s: &str) -> (Option<String>, Option<String>) {
    let s = clean(s);
    if s.is_empty() {
        return (None, None);
    }
    if let Some(c) = LOCATION.captures(&s)
        && c["loc"].split_whitespace().count() <= 5
    {
        return (non_empty(&c["loc"]), non_empty(&c["pub"]));
    }
    (None, Some(s))
}

/// Parses the part after "In" of a chapter or conference paper.
pub(super) fn parse_in(r: &mut Reference, body: &str) {
    let mut body = body.trim().to_string();
    if let Some(m) = EDITORS_MARK.find(&body) {
        let eds = body[..m.start()].to_string();
        let (names, _) = parse_names(&eds);
        r.editors = names;
        // ABNT: "In: SILVA, J. (Org.). Book."
        body = body[m.end()..].trim_start_matches(['.', ' ']).to_string();
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
    let cut = bounds.first().copied().unwrap_or(body.len());
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
        r",?\s*(?:(?i:pp?\.)\s*)?({})\s*$",
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

/// Parses one entry.
pub fn parse(e: RawEntry) -> Reference {
    let full = e.text.as_str().to_string();
    let mut r = Reference {
        span: e.text.orig_span(0, e.text.len()),
        ..Default::default()
    };
    for rm in &e.removed {
        r.problems.push(Problem {
            code: "proof-marker",
            message: format!("typesetting leftover \"{}\" in the entry", rm.text),
            span: rm.span.clone(),
        });
    }
    if e.merged {
        r.problems.push(Problem {
            code: "merged-references",
            message: "this entry shares its line with another entry".into(),
            span: r.span.clone(),
        });
    }

    // Identifiers first: they are unambiguous and would confuse the rest.
    let mut t = full.clone();
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
        let doi = c[1].trim_end_matches(['.', ',', ';', ')', ']']).to_string();
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
    let t = AVAILABLE.replace(&t, "").trim().to_string();

    let anchor = find_anchor(&t);
    // A date that comes last (or before a chapter's pages) is ABNT's.
    let date_last = anchor.as_ref().is_none_or(|a| {
        let after = t[a.end..].trim_start();
        !after.contains(char::is_alphabetic) || after.starts_with("p.")
    });
    if date_last && super::abnt::parse(&mut r, &t) {
        return finish(r, &full, e.text);
    }
    // Names and date.
    let mut quoted_titles = true;
    let (names_part, rest) = match anchor {
        Some(a) => {
            r.year = Some(a.year);
            r.other_years = a.also;
            quoted_titles = !a.apa;
            (t[..a.start].to_string(), t[a.end..].to_string())
        }
        None => {
            // No date after the names: take names up to the first sentence
            // end, and a year from anywhere.
            if let Some(c) = ANY_YEAR.captures(&t) {
                r.year = Some(c[0].to_string());
            }
            r.problems.push(Problem {
                code: "missing-year",
                message: "no date after the author names".into(),
                span: r.span.clone(),
            });
            let b = sentence_bounds(&t);
            let cut = b.first().copied().unwrap_or(t.len());
            if author_like(&t[..cut]) {
                (t[..cut].to_string(), t[cut..].to_string())
            } else {
                (String::new(), t.clone())
            }
        }
    };
    let mut names_part = names_part.trim().to_string();
    let edited = EDITORS_MARK
        .find(&names_part)
        .or_else(|| CHICAGO_EDITORS.find(&names_part))
        .map(|m| m.range());
    if let Some(m) = edited.clone() {
        names_part.replace_range(m, " ");
    }
    let (names, truncated) = parse_names(&names_part);
    r.authors_truncated = truncated;
    if edited.is_some() {
        r.editors = names;
    } else {
        r.authors = names;
    }

    let (title, tail) = split_title(&rest, quoted_titles);
    if let Some(mut title) = title {
        if let Some(c) = STRAY_NUMBER.captures(&title) {
            let n = c[1].to_string();
            r.problems.push(Problem {
                code: "stray-number",
                message: format!("the title starts with a stray number \"{n}\""),
                span: r.span.clone(),
            });
            title = title[n.len()..].trim_start().to_string();
        }
        if let Some(c) = VOLUME_PAREN.captures(&title) {
            r.volume = non_empty(&c[1]);
            let m = c.get(0).map_or(0..0, |m| m.range());
            title.replace_range(m, "");
        }
        let title = take_edition(&mut r, &title);
        r.title = non_empty(&title);
    }
    parse_tail(&mut r, &tail);
    finish(r, &full, e.text)
}

/// The type, the completeness check and the entry's text, once its fields
/// are read.
fn finish(mut r: Reference, full: &str, text: crate::text::Mapped) -> Reference {
    r.kind = classify(&r, full);
    if incomplete(&r) {
        r.problems.push(Problem {
            code: "incomplete-reference",
            message: "no journal, book, publisher or URL".into(),
            span: r.span.clone(),
        });
    }
    r.text = text;
    r
}

/// "835–849" (ascending) or "e7057" where a volume was expected.
fn pages_not_volume(v: &str) -> bool {
    if let Some(n) = v.strip_prefix('e') {
        return n.chars().all(|c| c.is_ascii_digit());
    }
    match v.split_once(['–', '-']) {
        Some((a, b)) => match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(a), Ok(b)) => b > a,
            _ => false,
        },
        None => false,
    }
}

fn parse_tail(r: &mut Reference, tail: &str) {
    let tail = tail.trim().trim_start_matches(['.', ',']).trim();
    if tail.is_empty() {
        return;
    }
    static IN: LazyLock<Regex> =
        // "Em"/"En" (Portuguese, Spanish) only with a colon: "Em Questão"
        // is a journal.
        LazyLock::new(|| {
            Regex::new(r"^(?:(?:In|in)\s*:?|(?:Em|En):)\s+").expect("valid regex")
        });
    if let Some(m) = IN.find(tail) {
        parse_in(r, &tail[m.end()..]);
        return;
    }
    let tail = take_edition(r, tail);
    let bounds = sentence_bounds(&tail);
    let first_end = bounds.first().copied().unwrap_or(tail.len());
    let first = tail[..first_end].trim().trim_end_matches('.');
    if let Some(c) = SERIES_NUMBER.captures(first) {
        // "IMF Working Paper, No. 96/99.": a series and its number.
        r.container = non_empty(&c["container"]);
        r.issue = non_empty(&c["num"]);
        return;
    }
    if let Some(c) = PAGES_ONLY.captures(first) {
        // "Nature, pp. 881–895." (Harvard) or "Nature: 881–895." (Chicago):
        // a journal with pages and no volume.
        r.container = non_empty(&c["container"]);
        r.pages = non_empty(&c["pages"]);
        return;
    }
    // A report number in parentheses ("(NSB-2018-1)") is not an issue.
    if let Some(c) = ISSUE_ONLY.captures(first)
        && ISSUE.is_match(c["iss"].trim())
    {
        // "Journal, (11), 463–480." or "Journal (11): 463–480.": an issue
        // and no volume.
        r.container = non_empty(&c["container"]);
        r.issue = non_empty(&c["iss"]);
        r.pages = c.name("pages").and_then(|m| non_empty(m.as_str()));
        return;
    }
    if let Some(c) = JOURNAL.captures(first)
        && c["rest"].trim().is_empty()
        && !c["container"].trim().is_empty()
        && c["container"].chars().any(|ch| ch.is_alphabetic())
    {
        let after = tail[first_end..].trim();
        let has_pages = c.name("pages").is_some();
        let has_issue = c.name("iss").is_some();
        if !after.is_empty() && !has_pages && !has_issue && !after.contains("://") {
            // "Book Title, 270. Publisher.": a journal has no publisher,
            // so this is a part of a book.
            r.container = non_empty(&c["container"]);
            r.pages = non_empty(&c["vol"]);
            tail_publisher(r, after);
            return;
        }
        r.container = non_empty(&c["container"]);
        r.volume = non_empty(&c["vol"]);
        r.issue = c.name("iss").and_then(|m| non_empty(m.as_str()));
        if !has_pages && !has_issue && r.volume.as_deref().is_some_and(pages_not_volume) {
            // "Journal, 835–849." or "Journal, e7057.": no volume, only
            // pages or an article number.
            r.pages = r.volume.take();
            return;
        }
        r.pages = c.name("pages").and_then(|m| {
            let p = m.as_str();
            let p = p.trim_start_matches(|ch: char| !ch.is_alphanumeric());
            let p = p
                .strip_prefix("pp.")
                .or_else(|| p.strip_prefix("p."))
                .unwrap_or(p);
            let p = p
                .trim()
                .strip_prefix("Article ")
                .or_else(|| p.trim().strip_prefix("article "))
                .unwrap_or(p.trim());
            non_empty(p)
        });
        if !after.is_empty() && r.publisher.is_none() {
            let after_clean = clean(after);
            if !after_clean.is_empty() && !after_clean.chars().all(|ch| !ch.is_alphanumeric()) {
                r.publisher = None;
            }
        }
        return;
    }
    // Not a journal: a thesis, report, book or web page.
    if !bounds.is_empty() && first_end < tail.len() {
        // "Series or description. Publisher." — the last sentence is the
        // publisher, what comes before is a container or description.
        let last_start = *bounds.last().unwrap_or(&0);
        let before = tail[..last_start].trim().trim_end_matches('.');
        let last = &tail[last_start..];
        // A bare year there ("… 2015. University.") is not a container.
        let has_letters = before.chars().any(char::is_alphabetic);
        if has_letters && !THESIS.is_match(before) && !REPORT.is_match(before) {
            r.container = non_empty(before);
        }
        tail_publisher(r, last);
        return;
    }
    let thesis = THESIS.find(&tail).map(|m| m.range());
    let mut rest = tail.clone();
    if let Some(m) = thesis {
        // "(Doctoral dissertation, University)" — the rest is the school.
        rest = tail[m.end..].to_string();
        rest = rest.trim_start_matches([',', ')', ' ']).to_string();
    } else if JOURNAL_WORD.is_match(&rest)
        && !PRESS.is_match(&rest)
        && !UNIVERSITY.is_match(&rest)
        && !ORGANISATION.is_match(&rest)
    {
        // A journal named without volume or pages ("Frontiers in Marine
        // Science."): a publisher is not called a review or letters.
        r.container = non_empty(&rest);
        return;
    }
    tail_publisher(r, &rest);
}

fn classify(r: &Reference, full: &str) -> EntryType {
    let after_title = r
        .title
        .as_deref()
        .and_then(|t| full.find(t).map(|i| &full[i + t.len()..]))
        .unwrap_or(full);
    if THESIS.is_match(after_title) {
        return EntryType::Thesis;
    }
    if let Some(c) = r.container.as_deref()
        && PROCEEDINGS.is_match(c)
    {
        return EntryType::InProceedings;
    }
    let in_part = IN_PART.is_match(after_title);
    if r.container.is_some() && (in_part || !r.editors.is_empty() && !r.authors.is_empty()) {
        return EntryType::InCollection;
    }
    let title = r.title.as_deref().unwrap_or("");
    // "IMF Working Paper, No. 96/99" looks like a journal with a volume.
    if REPORT_SERIES.is_match(title) || REPORT_SERIES.is_match(after_title) {
        return EntryType::Report;
    }
    if r.container.is_some() && (r.volume.is_some() || r.issue.is_some()) && r.publisher.is_none() {
        return EntryType::Article;
    }
    if r.container.is_some() && r.publisher.is_some() && r.pages.is_some() {
        return EntryType::InCollection;
    }
    // "Report" in a title is often part of its name ("World Mortality
    // Report 2011"); after the title it describes the work.
    if REPORT.is_match(after_title) {
        return EntryType::Report;
    }
    if r.container.is_some() && r.publisher.is_none() && r.pages.is_some() {
        return EntryType::Article;
    }
    if PROCEEDINGS_TAIL.is_match(after_title) && r.volume.is_none() {
        return EntryType::InProceedings;
    }
    if let Some(p) = r.publisher.as_deref() {
        // A university that is not a university press awards theses.
        if UNIVERSITY.is_match(p)
            && !PRESS.is_match(p)
            && !ORGANISATION.is_match(p)
            && r.container.is_none()
        {
            return EntryType::Thesis;
        }
        return EntryType::Book;
    }
    if r.url.is_some() || r.doi.is_some() && r.container.is_none() {
        return if r.doi.is_some() {
            EntryType::Misc
        } else {
            EntryType::Online
        };
    }
    if r.container.is_some() {
        return EntryType::Article;
    }
    EntryType::Misc
}

fn incomplete(r: &Reference) -> bool {
    r.container.is_none() && r.publisher.is_none() && r.url.is_none() && r.doi.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Mapped;

    fn p(s: &str) -> Reference {
        let mut m = Mapped::new();
        m.push_src(s, 0..s.len());
        parse(RawEntry {
            text: m,
            removed: vec![],
            merged: false,
        })
    }

    fn families(r: &Reference) -> Vec<&str> {
        r.authors.iter().map(|n| n.citation_name()).collect()
    }

    #[test]
    fn apa_journal_article() {
        let r = p(
            "Abdullah, P. K., & Moss, K. S. (2015). The impact of the cosmodrome \"Atacama\" on the environment and human health. International Journal of Biology and Chemistry, 9(1), 26–29.",
        );
        assert_eq!(families(&r), ["Abdullah", "Moss"]);
        assert_eq!(r.year.as_deref(), Some("2015"));
        assert_eq!(
            r.title.as_deref(),
            Some("The impact of the cosmodrome \"Atacama\" on the environment and human health")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("International Journal of Biology and Chemistry")
        );
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
            (Some("9"), Some("1"), Some("26–29"))
        );
        assert_eq!(r.kind, EntryType::Article);
    }

    #[test]
    fn question_mark_inside_and_at_end_of_titles() {
        let r = p(
            "Becker, M. (2011). Hegemonic parties: Towards authoritarianism? Communist and Post-Communist Studies, 44(3), 189–197.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Hegemonic parties: Towards authoritarianism?")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Communist and Post-Communist Studies")
        );
        let r = p(
            "Collins, S. N. (2003). Eurasian bridge or murky waters? Ideas, identity and output in foreign policy. Journal of Communist Studies, 19(3), 139–155.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Eurasian bridge or murky waters? Ideas, identity and output in foreign policy")
        );
        assert_eq!(r.container.as_deref(), Some("Journal of Communist Studies"));
    }

    #[test]
    fn organisation_author_with_url_is_online() {
        let r = p(
            "The Office of Public Sector Evaluation (2014). http://www.bagalau.kz/ru/med/smi/i224",
        );
        assert_eq!(
            r.authors,
            [Name::Literal {
                literal: "The Office of Public Sector Evaluation".into()
            }]
        );
        assert_eq!(
            r.url.as_deref(),
            Some("http://www.bagalau.kz/ru/med/smi/i224")
        );
        assert_eq!(r.kind, EntryType::Online);
        assert_eq!(r.title, None);
    }

    #[test]
    fn book_with_location_and_volume() {
        let r = p(
            "Poliakov, P. M. (2004). Against their will: The history of forced migrations in the USSR. Budapest and New York: Central European University Press.",
        );
        assert_eq!(r.kind, EntryType::Book);
        assert_eq!(r.location.as_deref(), Some("Budapest and New York"));
        assert_eq!(
            r.publisher.as_deref(),
            Some("Central European University Press")
        );
        let r = p(
            "Ingram, R. (2011). Party system formation in Ruritania: Between formal and informal politics (Vol. 26). Routledge.",
        );
        assert_eq!(r.volume.as_deref(), Some("26"));
        assert_eq!(
            r.title.as_deref(),
            Some("Party system formation in Ruritania: Between formal and informal politics")
        );
        assert_eq!(r.publisher.as_deref(), Some("Routledge"));
    }

    #[test]
    fn apa_chapter_with_editors_and_pages() {
        let r = p(
            "Charmaz, K. (2000). Grounded theory: objectivist methods. In N. K. Denzin & Y. Lincoln (Eds.), The handbook of qualitative research (pp. 509–535). Sage publications.",
        );
        assert_eq!(r.kind, EntryType::InCollection);
        assert_eq!(
            r.container.as_deref(),
            Some("The handbook of qualitative research")
        );
        assert_eq!(r.pages.as_deref(), Some("509–535"));
        assert_eq!(r.publisher.as_deref(), Some("Sage publications"));
        let eds: Vec<&str> = r.editors.iter().map(|n| n.citation_name()).collect();
        assert_eq!(eds, ["Denzin", "Lincoln"]);
    }

    #[test]
    fn chicago_article_and_natural_order_coauthors() {
        let r = p(
            "Arboit, A. E., L. S. Bufrem, and J. A. M. González. 2011. “A produção brasileira no exterior.” Perspectivas em Ciência da Informação 16 (3): 75–92. https://doi.org/10.1590/S1413-99362011000300006.",
        );
        assert_eq!(families(&r), ["Arboit", "Bufrem", "González"]);
        assert_eq!(r.year.as_deref(), Some("2011"));
        assert_eq!(
            r.title.as_deref(),
            Some("A produção brasileira no exterior")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Perspectivas em Ciência da Informação")
        );
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
            (Some("16"), Some("3"), Some("75–92"))
        );
        assert_eq!(r.doi.as_deref(), Some("10.1590/S1413-99362011000300006"));
    }

    #[test]
    fn generational_suffixes_and_capitalised_particles() {
        let chicago = p(
            "Brown, R., L. Dal Maso, and J. F. Fraumeni Jr. 1997. “Factors of risk.” Epidemiology 8: 75–79.",
        );
        assert_eq!(families(&chicago), ["Brown", "Dal Maso", "Fraumeni"]);
        let harvard = p(
            "Brown, R., Dal Maso, L. and Fraumeni, J.F. Jr (1997) Factors of risk. Epidemiology, 8, pp. 75–79.",
        );
        assert_eq!(families(&harvard), ["Brown", "Dal Maso", "Fraumeni"]);
        let apa =
            p("Brown, R., & Fraumeni, J. F., Jr. (1997). Factors of risk. Epidemiology, 8, 75–79.");
        assert_eq!(families(&apa), ["Brown", "Fraumeni"]);
    }

    #[test]
    fn journals_without_a_volume() {
        let cases = [
            (
                "(2007). A title here. Nature, 881–895.",
                "Nature",
                None,
                "881–895",
            ),
            (
                "(2007) A title here. Nature, pp. 881–895.",
                "Nature",
                None,
                "881–895",
            ),
            (
                "2007. “A title here.” Nature: 881–895.",
                "Nature",
                None,
                "881–895",
            ),
            ("(2007). A title here. SSRN, e7057.", "SSRN", None, "e7057"),
            (
                "(2007). A title here. SSRN, Article e7057.",
                "SSRN",
                None,
                "e7057",
            ),
            (
                "(2007). A title here. Nature, (11), 463–480.",
                "Nature",
                Some("11"),
                "463–480",
            ),
            (
                "2007. “A title here.” Nature (11): 463–480.",
                "Nature",
                Some("11"),
                "463–480",
            ),
        ];
        for (rest, journal, issue, pages) in cases {
            let text = format!("Lee, K. {rest}");
            let r = p(&text);
            assert_eq!(r.container.as_deref(), Some(journal), "{text}");
            assert_eq!(r.volume, None, "{text}");
            assert_eq!(r.issue.as_deref(), issue, "{text}");
            assert_eq!(r.pages.as_deref(), Some(pages), "{text}");
        }
        let r = p("Stotsky, J. (1996). Gender bias in tax systems. IMF Working Paper, No. 96/99.");
        assert_eq!(r.container.as_deref(), Some("IMF Working Paper"));
        assert_eq!(r.issue.as_deref(), Some("96/99"));
        // A report number is not an issue.
        let r =
            p("National Board. (2018). Indicators 2018. National Science Foundation (NSB-2018-1).");
        assert_eq!(r.issue, None);
    }

    #[test]
    fn chicago_undated_entries_and_particles_in_natural_order() {
        let r = p(
            "Park, Sarah J., and Pierre van der Berg. n.d. “Growth in a field.” BMC Public Health 66: 475–502.",
        );
        assert_eq!(families(&r), ["Park", "van der Berg"]);
        assert_eq!(r.year.as_deref(), Some("n.d."));
        assert_eq!(r.title.as_deref(), Some("Growth in a field"));
        let b = p("Okafor, N. (2013) Health equity. 3rd edn. Cambridge University Press.");
        assert_eq!(b.edition.as_deref(), Some("3rd edn"));
        assert_eq!(b.publisher.as_deref(), Some("Cambridge University Press"));
    }

    #[test]
    fn harvard_article_with_available_at() {
        let r = p(
            "Alves, E.S. and Pezzuto, P.R. (2009) Effect of cold fronts on beaches. Brazilian Journal of Oceanography, 57, pp. 73–94. Available at: https://doi.org/10.1590/S1679-87592009000200001",
        );
        assert_eq!(families(&r), ["Alves", "Pezzuto"]);
        assert_eq!(
            r.container.as_deref(),
            Some("Brazilian Journal of Oceanography")
        );
        assert_eq!(r.pages.as_deref(), Some("73–94"));
        assert_eq!(r.volume.as_deref(), Some("57"));
    }

    #[test]
    fn elife_house_style_names() {
        let r = p("Smith AB, Jones CD. 2015. A title here. Journal 12:34–56.");
        assert_eq!(families(&r), ["Smith", "Jones"]);
        assert_eq!(r.container.as_deref(), Some("Journal"));
        assert_eq!(r.pages.as_deref(), Some("34–56"));
    }

    #[test]
    fn ellipsis_and_et_al_truncate_the_author_list() {
        let r = p(
            "Tanaka, J., Hoshi, M., . . . Tsvetkova, N. J. (1999). External doses. Journal of Radiation Research, 40(4), 337–344.",
        );
        assert_eq!(families(&r), ["Tanaka", "Hoshi", "Tsvetkova"]);
        assert!(r.authors_truncated);
    }

    #[test]
    fn titles_with_periods_end_where_the_journal_starts() {
        let r = p(
            "Oeppen, J., & Vaupel, J. W. (2002). Demography. Broken limits to life expectancy. Science, 296, 1029–1031.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Demography. Broken limits to life expectancy")
        );
        assert_eq!(r.container.as_deref(), Some("Science"));
        assert_eq!(r.kind, EntryType::Article);
    }

    #[test]
    fn all_capital_organisations_and_departments_stay_whole() {
        let r = p("UNAIDS. (2010). AIDSInfo 1.0. http://www.aidsinfoonline.org/");
        assert_eq!(families(&r), ["UNAIDS"]);
        let r = p(
            "United Nations, Department of Economic and Social Affairs, Population Division. (2011). World population prospects. United Nations.",
        );
        assert_eq!(r.authors.len(), 1);
        let r = p(
            "United Nations, & Department of Economic and Social Affairs, Population Division. (2011). Prospects. United Nations.",
        );
        assert_eq!(
            families(&r),
            [
                "United Nations",
                "Department of Economic and Social Affairs, Population Division"
            ]
        );
    }

    #[test]
    fn apa_titles_may_start_with_a_quotation() {
        let r = p(
            "Campbell, J. L., & Göritz, A. S. (2017). “The devil made me do it!” An inquiry into rationalized corruption. Journal of Management Inquiry, 26(3), 239–255.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("“The devil made me do it!” An inquiry into rationalized corruption")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Journal of Management Inquiry")
        );
    }

    #[test]
    fn a_doi_inside_another_sites_url_stays_in_the_url() {
        let r = p(
            "Di Bitetti, M. S. (2017). Publish or perish. Ambio 46 (1): 121–127. https://link.springer.com/article/10.1007/s13280-016-0820-7.",
        );
        assert_eq!(
            r.url.as_deref(),
            Some("https://link.springer.com/article/10.1007/s13280-016-0820-7")
        );
        assert_eq!(r.doi, None);
        let r = p(
            "Abadal, E. (2021). Ciencia abierta. Arbor, 197(799), a588. https://doi.org/10.3989/arbor.2021.799003",
        );
        assert_eq!(r.doi.as_deref(), Some("10.3989/arbor.2021.799003"));
        assert_eq!(r.url, None);
    }

    #[test]
    fn a_journal_named_em_is_not_a_chapter() {
        let r = p("Filippo, D. (2015). O que o Brasil publica. Em Questão, 21(3), 43–63.");
        assert_eq!(r.container.as_deref(), Some("Em Questão"));
        assert_eq!(r.kind, EntryType::Article);
    }

    #[test]
    fn pages_inside_the_book_part_end_it() {
        let r = p(
            "Corkill, D. D. (1979). Hierarchical planning. In Proceedings of the Sixth International Joint Conference on Artificial Intelligence, pp. 168-175 Tokyo.",
        );
        assert_eq!(
            r.container.as_deref(),
            Some(
                "Proceedings of the Sixth International Joint Conference on Artificial Intelligence"
            )
        );
        assert_eq!(r.pages.as_deref(), Some("168-175"));
        assert_eq!(r.kind, EntryType::InProceedings);
    }

    #[test]
    fn chicago_years_and_editors() {
        let r = p("Manovich, L. 2001, 2002. The Language of New Media. The MIT Press.");
        assert_eq!(
            (r.year.as_deref(), r.other_years.as_slice()),
            (Some("2001"), &["2002".to_string()][..])
        );
        assert_eq!(r.title.as_deref(), Some("The Language of New Media"));
        let r = p(
            "L'OFFICE Français d'Edition, ed. 1945. Émile Reynaud, Peintre de films 1844-1918. Cinémathèque Française.",
        );
        assert_eq!(r.year.as_deref(), Some("1945"));
        assert_eq!(r.editors.len(), 1);
        assert!(r.authors.is_empty());
    }

    #[test]
    fn preprint_servers_and_repositories_are_containers() {
        let r = p(
            "Watson, J., & Leopold, S. J. (2019). Severe Malaria. GitHub. https://github.com/x/y",
        );
        assert_eq!(r.container.as_deref(), Some("GitHub"));
        assert_eq!(r.publisher, None);
        let r =
            p("Lee, K. (2020). A new model. bioRxiv. https://doi.org/10.1101/2020.01.01.123456");
        assert_eq!(r.container.as_deref(), Some("bioRxiv"));
    }

    #[test]
    fn types_from_the_tail() {
        let kind = |s: &str| p(s).kind;
        assert_eq!(
            kind("Stotsky, J. (1996). Gender bias in tax systems. IMF Working Paper, No. 96/99."),
            EntryType::Report
        );
        assert_eq!(
            kind("United Nations. (2012). World Mortality Report 2011. United Nations."),
            EntryType::Book
        );
        assert_eq!(
            kind(
                "Neubert, P. S. (2020). Publicação científica. 2020. Universidade Federal de Santa Catarina."
            ),
            EntryType::Thesis
        );
        assert_eq!(
            kind("Abel, R. (1994). The cinema. University of California Press."),
            EntryType::Book
        );
        assert_eq!(
            kind(
                "Weatherdon, L. V. (2016). Observed impacts on fisheries. Frontiers in Marine Science."
            ),
            EntryType::Article
        );
        assert_eq!(
            kind(
                "Boyle, A. C. (2008). Parliament. Central Asia-Caucasus Institute & Silk Road Studies Program."
            ),
            EntryType::Book
        );
        assert_eq!(
            kind("WHO. 2015. “Guidelines.” In Guidelines for the Treatment of Malaria. WHO Press."),
            EntryType::InCollection
        );
    }

    #[test]
    fn incomplete_entry_is_flagged() {
        let r = p("Okafor, I. (2013). The Ruritanian famine: The beginnings of sedentarization.");
        assert!(r.problems.iter().any(|x| x.code == "incomplete-reference"));
        assert_eq!(
            r.title.as_deref(),
            Some("The Ruritanian famine: The beginnings of sedentarization")
        );
    }

    #[test]
    fn chicago_chapter_edited_by() {
        let r = p(
            "Grown, C., and I. Valodia. 2010. “Taxation and gender.” In Taxation and Gender Equity, edited by C. Grown and I. Valodia, 1–20. Routledge.",
        );
        assert_eq!(r.kind, EntryType::InCollection);
        assert_eq!(r.container.as_deref(), Some("Taxation and Gender Equity"));
        assert_eq!(r.pages.as_deref(), Some("1–20"));
        assert_eq!(r.publisher.as_deref(), Some("Routledge"));
    }
}
