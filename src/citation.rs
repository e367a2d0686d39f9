//! In-text citations: "(Smith, 2015)", "Smith (2015)" and their relatives.
//!
//! Two shapes cover author-date styles. A parenthetical citation is a
//! parenthesis whose `;`-separated parts each end in names + years
//! (+ locator), after an optional prefix such as "see" or "e.g.". A
//! narrative citation is a parenthesis that starts with a year, preceded by
//! the names. Everything else in parentheses (abbreviations, figure
//! references, ranges, dates, measurements) fails one of the two shapes.

use crate::grammar::{self, LOCATOR};
use crate::lexicon;
use crate::text::Mapped;
use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// How a citation is woven into the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Inside parentheses: "(Smith, 2015)".
    Parenthetical,
    /// Names in the running text: "Smith (2015)".
    Narrative,
}

/// One cited work, as found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    /// Span in the paragraph's normalised text.
    pub span: Range<usize>,
    /// Parenthetical or narrative.
    pub form: Form,
    /// Cited names in order: family names or whole organisation names.
    pub names: Vec<String>,
    /// The names as written, before splitting: an organisation may hold
    /// commas and "and" ("United Nations Educational, Scientific and
    /// Cultural Organization").
    pub written: String,
    /// A longer reading of the names that may be an organisation
    /// ("The National Statistics Agency" before "(2015)").
    pub group_name: Option<String>,
    /// Given name or initial written before the first family name.
    pub given: Option<String>,
    /// "et al." follows the names.
    pub et_al: bool,
    /// The year as cited: "2015", "2015a", "n.d.", "in press".
    pub year: String,
    /// Page or other locator ("p. 12").
    pub locator: Option<String>,
    /// Prefix such as "see" or "e.g.".
    pub prefix: Option<String>,
}

/// A cited year: 1500–2099 with an optional letter, "n.d.", "in press";
/// "[1998] 2015" for a reprint. Four digits outside that range are
/// specimen or model numbers, not years.
impl Cite {
    /// The shared part of a parenthetical citation's records, for
    /// [`push_years`].
    fn parenthetical(
        start: usize,
        names: Vec<String>,
        written: String,
        et_al: bool,
        loc: Option<regex::Match<'_>>,
        prefix: Option<String>,
    ) -> Cite {
        Cite {
            span: start..start,
            form: Form::Parenthetical,
            names,
            written,
            group_name: None,
            given: None,
            et_al,
            year: String::new(),
            locator: loc.map(|m| clean_locator(m.as_str())),
            prefix,
        }
    }
}

static PART: LazyLock<Regex> = LazyLock::new(|| {
    // Names, an optional abbreviation of a group author ("World Health
    // Organization [WHO], 2019"), years and a locator.
    let year = grammar::cited_year();
    Regex::new(&format!(
        r"^(?P<names>(?:\p{{Lu}}|{particles}\s+\p{{Lu}}|d['’]\p{{Lu}})[^\d;()\[\]]*?)(?:\s*\[(?P<abbr>[^\]\d]{{1,30}})\])?\s*,?\s+(?P<years>{year}(?:\s*,\s*(?:{year}|[a-h])\b)*)(?P<loc>{LOCATOR})?\s*\.?$",
        particles = crate::grammar::particles()
    ))
    .expect("valid regex")
});

/// A part that is only years: "(Smith, 2015; 2016)" continues the names
/// of the part before.
static YEARS_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let year = grammar::cited_year();
    Regex::new(&format!(
        r"^(?P<years>{year}(?:\s*,\s*(?:{year}|[a-h])\b)*)(?P<loc>{LOCATOR})?\s*$"
    ))
    .expect("valid regex")
});

static YEAR_START: LazyLock<Regex> = LazyLock::new(|| {
    let year = grammar::cited_year();
    Regex::new(&format!(
        r"^\s*(?P<years>{year}(?:\s*[,;]\s*(?:{year}|[a-h])\b)*)(?P<loc>{LOCATOR})?\s*(?:\)|;|\s(?:apud|as cited in|cited in|quoted in)\s)"
    ))
    .expect("valid regex")
});

/// A citation with strictly name-shaped authors, found anywhere in a text:
/// "Smith and Jones, 2015", "Burdin et al., 2014". Only trusted when its
/// first name is an author in the reference list.
static STRICT: LazyLock<Regex> = LazyLock::new(|| {
    // A name may be several capitalised words ("Malaria Genomic
    // Epidemiology Network"); a leading function word is trimmed later.
    let name = format!(
        r"(?:{}\s+)?\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+){{0,5}}",
        grammar::particles()
    );
    let year = grammar::cited_year();
    let et_al = grammar::ET_AL;
    Regex::new(&format!(
        r"(?P<names>{name}(?:(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+){name}){{0,5}}(?:,?\s+{et_al})?),?\s+(?P<years>{year}(?:\s*,\s*(?:{year}|[a-h])\b)*)(?P<loc>\s*[,:]\s*(?:pp?\.\s*)\d+(?:\s*[–-]\s*\d+)?)?"
    ))
    .expect("valid regex")
});

/// Folded author names of the reference list, for checking citations that
/// have only their shape to go on.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Folded names, whole and by their last word, with the years (digits)
    /// of their works.
    works: std::collections::HashMap<String, std::collections::HashSet<String>>,
    /// Whether the years were given: without them any year will do.
    dated: bool,
}

impl Known {
    /// Collects the citation names (family names, organisations) of a list.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self::collect(names.into_iter().map(|n| (n, None)), false)
    }

    /// The names of a reference list with the years of their works, so
    /// that a weakly shaped citation is held to a work the list has, not
    /// only to a name.
    pub fn from_references(refs: &[crate::reference::Reference]) -> Self {
        let works = refs.iter().flat_map(|r| {
            let years: Vec<Option<&str>> = std::iter::once(r.year_digits())
                .chain(
                    r.other_years
                        .iter()
                        .map(|y| crate::reference::year_digits(y)),
                )
                .collect();
            r.authors.iter().chain(&r.editors).flat_map(move |n| {
                years
                    .clone()
                    .into_iter()
                    .map(move |y| (n.citation_name(), y))
            })
        });
        Self::collect(works, true)
    }

    fn collect<'a>(works: impl Iterator<Item = (&'a str, Option<&'a str>)>, dated: bool) -> Self {
        let mut map: std::collections::HashMap<String, std::collections::HashSet<String>> =
            std::collections::HashMap::new();
        for (n, y) in works {
            let f = crate::text::fold(n);
            let last = f.rsplit(' ').next().unwrap_or(&f).to_string();
            let whole = f.strip_prefix("the ").unwrap_or(&f).to_string();
            for key in [last, whole] {
                map.entry(key).or_default().extend(y.map(str::to_string));
            }
        }
        Known { works: map, dated }
    }

    /// The years of the works of `cited`, by its whole folded name or its
    /// last word.
    fn years(&self, cited: &str) -> Option<&std::collections::HashSet<String>> {
        let f = crate::text::fold(cited);
        let f = f.strip_prefix("the ").unwrap_or(&f);
        self.works
            .get(f)
            .or_else(|| self.works.get(f.rsplit(' ').next().unwrap_or(f)))
    }

    fn contains(&self, cited: &str) -> bool {
        self.years(cited).is_some()
    }

    /// Whether the list may have a work of `cited` from `year`: always
    /// when years are unknown or the citation has none ("n.d.").
    fn has_work(&self, cited: &str, year: &str) -> bool {
        match (self.dated, crate::reference::year_digits(year)) {
            (true, Some(digits)) => self.years(cited).is_none_or(|ys| ys.contains(digits)),
            _ => true,
        }
    }
}

static ONE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{}|\b[a-h]\b", grammar::cited_year())).expect("valid regex")
});

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:see also|see,? e\.g\.|see|e\.\s?g\.|e\.\s?g|i\.\s?e\.|cf\.|for example|for instance|for a review,? see|for a review|reviewed in|as cited in|cited in|quoted in|as reviewed in|apud|also|but see|compare|especially|esp\.|among others|including|such as|following|after|contra|vide|ver também|ver|veja|in|and|or|by|from|e\.g\.,? see)[,:]?\s+)+")
        .expect("valid regex")
});

fn is_name_word(w: &str) -> bool {
    let w = w.trim_end_matches(['\'', '’']);
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !w.ends_with('.')
}

/// Splits a names string into individual names.
fn split_names(s: &str) -> (Vec<String>, bool) {
    static ET_AL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(grammar::ET_AL_CITED).expect("valid regex"));
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\s*(?:,\s*(?:and|&)\s+|\s+{}\s+|,\s*|;\s*)",
            grammar::name_and()
        ))
        .expect("valid regex")
    });
    let et_al = ET_AL.is_match(s);
    let s = ET_AL.replace_all(s, "");
    let names: Vec<String> = SEP
        .split(s.trim())
        .map(|x| {
            x.trim()
                .trim_end_matches(['\'', '’'])
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string()
        })
        .filter(|x| !x.is_empty())
        .collect();
    (names, et_al)
}

/// A plausible author or group name: capitalised, no stop words alone,
/// not too long.
/// `known` vouches for names of any shape that the reference list holds.
fn plausible(names: &[String], known: &Known) -> bool {
    if names.is_empty() || names.len() > 8 {
        return false;
    }
    names.iter().all(|n| {
        let words: Vec<&str> = n.split_whitespace().collect();
        if words.is_empty() || words.len() > 12 {
            return false;
        }
        let first = words[0].to_lowercase();
        let first = first.trim_end_matches('.');
        if lexicon::is_not_name(first) {
            return false;
        }
        let caps = words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        // Lower-case words join the parts of a name ("Ministry of Health",
        // "de Queiroz"); others mean running text ("Pantomimes lumineuses").
        // A group name led by "The" may hold any words ("The open-archive
        // project").
        let group = matches!(first, "the" | "a");
        let joined = words.iter().all(|w| {
            !w.starts_with(|c: char| c.is_lowercase())
                || lexicon::is_connector(w.trim_end_matches([',', '.']))
        });
        caps >= 1 && n.chars().any(|c| c.is_alphabetic()) && (group || joined || known.contains(n))
    })
}

/// A zoological or botanical authority after a Latin binomial:
/// "Isolda pulchella (Müller in Grube, 1858)". Not a citation of a work.
fn after_binomial(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let (Some(species), Some(genus)) = (words.next(), words.next()) else {
        return false;
    };
    genus.chars().next().is_some_and(char::is_uppercase)
        && genus.chars().skip(1).all(char::is_lowercase)
        && species.chars().all(char::is_lowercase)
        && species.len() >= 4
        && lexicon::has_latin_ending(species)
}

fn expand_years(years: &str) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for m in ONE_YEAR.find_iter(years) {
        let y = m.as_str();
        let y = if y.len() == 1 {
            // "2015a, b": a bare letter repeats the previous year.
            match out.last() {
                Some((_, prev)) if prev.len() >= 4 => format!("{}{y}", &prev[..4]),
                _ => continue,
            }
        } else if y.starts_with('[') {
            // "[1998] 2015": cite the edition read.
            y.rsplit(']').next().unwrap_or(y).trim().to_string()
        } else {
            y.replace("n. d.", "n.d.")
        };
        out.push((m.range(), y));
    }
    out
}

/// Finds the citations in one paragraph. `known` holds the reference
/// list's names; without it only unambiguous shapes are accepted.
pub fn find(text: &str, known: &Known) -> Vec<Cite> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let Some(close) = matching_paren(text, i) else {
                i += 1;
                continue;
            };
            let inner = i + 1..close;
            let before = out.len();
            narrative(text, i, close, &mut out);
            if out.len() == before {
                parenthetical(text, inner, known, &mut out);
            } else if text[inner.clone()].contains(" apud ") {
                // "Silva (2010 apud SOUZA, 2012)": the source read follows,
                // a part of its own.
                parenthetical(text, inner, known, &mut out);
            }
            // Parentheses inside are already handled as part of this one.
            i = if out.len() > before { close + 1 } else { i + 1 };
            continue;
        }
        i += 1;
    }
    running_text(text, known, &mut out);
    out.sort_by_key(|c| c.span.start);
    out
}

/// Citations outside parentheses without the year in parentheses:
/// "Stotsky, 1996 and Elson (2006) mention". Shape alone is weak evidence
/// here, so the first name must be in the reference list.
fn running_text(text: &str, known: &Known, out: &mut Vec<Cite>) {
    // Only the text outside parentheses: what is inside was read as
    // parenthetical citations already.
    let mut free: Vec<Range<usize>> = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 && i > start {
                    free.push(start..i);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    if depth == 0 && start < text.len() {
        free.push(start..text.len());
    }
    let mut found = Vec::new();
    for r in free {
        loose(text, r, known, &mut found);
    }
    for c in found {
        let overlaps = out
            .iter()
            .any(|o| o.span.start < c.span.end && c.span.start < o.span.end);
        if !overlaps {
            out.push(c);
        }
    }
}

/// Strictly shaped citations inside `range` whose first name is known.
fn loose(text: &str, range: Range<usize>, known: &Known, out: &mut Vec<Cite>) {
    // The full pattern is costly on long text and a citation ends in a
    // year: run it only in a window that ends just after each year.
    let mut done = range.start;
    for y in YEAR_ONLY.find_iter(&text[range.clone()]) {
        let year_end = range.start + y.end();
        if year_end <= done {
            continue;
        }
        let mut lo = year_end.saturating_sub(200).max(done).max(range.start);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = (year_end + 40).min(range.end);
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let before = out.len();
        loose_window(text, lo..hi, year_end, known, out);
        if let Some(last) = out[before..].iter().map(|c| c.span.end).max() {
            done = last;
        }
    }
}

static YEAR_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&grammar::cited_year()).expect("valid regex"));

/// Strict citations in `range` whose years include the one ending at
/// `year_end`.
fn loose_window(
    text: &str,
    range: Range<usize>,
    year_end: usize,
    known: &Known,
    out: &mut Vec<Cite>,
) {
    let hay = &text[range.clone()];
    for c in STRICT.captures_iter(hay) {
        let Some(m) = c.get(0) else { continue };
        let start = range.start + m.start();
        let end = range.start + m.end();
        let years_end = range.start + c.name("years").map_or(0, |y| y.end());
        if years_end < year_end || start >= year_end {
            continue;
        }
        // Whole words only.
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|ch| !ch.is_alphanumeric());
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_alphanumeric());
        if !before_ok || !after_ok {
            continue;
        }
        let (mut names, et_al) = split_names(&c["names"]);
        // "However, Stotsky, 1996": the citation starts at the first name
        // the reference list knows.
        let Some(k) = names.iter().position(|n| known.contains(n)) else {
            continue;
        };
        let mut start = start;
        if k > 0 {
            let Some(off) = c["names"].find(names[k].as_str()) else {
                continue;
            };
            start += off;
            names.drain(..k);
        }
        // "In Smith and Jones, 2010": a capitalised function word is not
        // part of the first name.
        while let Some((head, rest)) = names[0].split_once(' ')
            && lexicon::is_function_word(&head.to_lowercase())
        {
            start += head.len() + 1;
            names[0] = rest.to_string();
        }
        let names_end = range.start + c.name("names").map_or(0, |m| m.end());
        let written = text[start..names_end].trim().to_string();
        if !plausible(&names, known) {
            continue;
        }
        let years_m = c.name("years").map_or(0..0, |m| m.range());
        let years = expand_years(&hay[years_m.clone()]);
        // Only the shape vouches for this citation: hold it to a work the
        // list has ("Lumière, 1895", the date of an invention, is not one).
        if !years.iter().any(|(_, y)| known.has_work(&names[0], y)) {
            continue;
        }
        let template = Cite::parenthetical(start, names, written, et_al, c.name("loc"), None);
        push_years(out, template, range.start + years_m.start, &years, end);
    }
}

fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (k, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            _ => {}
        }
        if k > 600 {
            return None;
        }
    }
    None
}

fn parenthetical(text: &str, inner: Range<usize>, known: &Known, out: &mut Vec<Cite>) {
    let content = &text[inner.clone()];
    // Parts separated by ";" at depth 0.
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut depth = 0;
    for (k, c) in content.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ';' if depth == 0 => {
                parts.push(start..k);
                start = k + 1;
            }
            // "(2010 apud SOUZA, 2012)": the work read, then the source.
            ' ' if depth == 0 && content[k..].starts_with(" apud ") => {
                parts.push(start..k);
                start = k + " apud ".len();
            }
            _ => {}
        }
    }
    parts.push(start..content.len());
    // ABNT lists authors with ";": "(Rodrigues; Fachin, 2010)".
    let mut pending: Option<usize> = None;
    for p in parts {
        let raw = &content[p.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let mut s = p.start + lead;
        let part = raw.trim();
        let mut prefix = None;
        let mut body = part;
        if let Some(m) = PREFIX.find(part) {
            prefix = Some(
                part[..m.end()]
                    .trim()
                    .trim_end_matches([',', ':'])
                    .to_string(),
            );
            body = &part[m.end()..];
            s += m.end();
        }
        let Some(c) = PART.captures(body) else {
            // "(Smith, 2015; 2016)": years that continue the names before.
            if let (Some(y), Some(prev)) = (YEARS_ONLY.captures(body), out.last())
                && prev.form == Form::Parenthetical
                && prev.span.end <= inner.start + s
                && prev.span.start >= inner.start
            {
                let years_m = y.name("years").map_or(0..0, |m| m.range());
                let years = expand_years(&body[years_m.clone()]);
                let at = inner.start + s;
                let end = y.name("loc").map_or(at + years_m.end, |m| at + m.end());
                let template = Cite {
                    span: at..at,
                    locator: y.name("loc").map(|m| clean_locator(m.as_str())),
                    prefix: None,
                    ..prev.clone()
                };
                push_years(out, template, at + years_m.start, &years, end);
                pending = None;
                continue;
            }
            // Every word a capitalised name, a particle or a conjunction:
            // "Rodrigues" in "(Rodrigues; Fachin, 2010)", but not "see
            // Materials and methods".
            let only_name = body.split_whitespace().count() <= 4
                && body.starts_with(|c: char| c.is_uppercase())
                && body.chars().all(|c| {
                    c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '\'' | '.')
                })
                && body.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase)
                        || lexicon::is_particle(w)
                        || (w != "&" && lexicon::is_name_and(w))
                });
            if only_name {
                pending = pending.or(Some(inner.start + s));
            } else {
                pending = None;
                // "(a review is presented in Apps and Rees, 2009)".
                loose(text, inner.start + p.start..inner.start + p.end, known, out);
            }
            continue;
        };
        let names_str = &c["names"];
        let (mut names, et_al) = split_names(names_str);
        let mut start = inner.start + s;
        if let Some(ps) = pending.take() {
            let extra = &text[ps..inner.start + s];
            let (mut pre, _) = split_names(extra);
            pre.append(&mut names);
            names = pre;
            start = ps;
        }
        let names_end = inner.start + s + c.name("names").map_or(0, |m| m.end());
        let written = text[start..names_end].trim().to_string();
        if !plausible(&names, known) {
            continue;
        }
        let authority = after_binomial(&text[..inner.start.saturating_sub(1)]);
        if authority && !names.first().is_some_and(|n| known.contains(n)) {
            continue;
        }
        let years_m = c.name("years").map_or(0..0, |m| m.range());
        let years = expand_years(&body[years_m.clone()]);
        let body_start = inner.start + s;
        let end = c
            .name("loc")
            .map_or(body_start + years_m.end, |m| body_start + m.end());
        let template = Cite::parenthetical(start, names, written, et_al, c.name("loc"), prefix);
        push_years(out, template, body_start + years_m.start, &years, end);
    }
}

fn clean_locator(s: &str) -> String {
    s.trim().trim_start_matches([',', ':']).trim().to_string()
}

/// "Smith and Jones (2015)", "Smith et al.'s (2015a, b)", "Lev Manovich
/// (2001, 2002, p. 302)": a parenthesis that starts with years, after names.
fn narrative(text: &str, open: usize, close: usize, out: &mut Vec<Cite>) {
    let Some(c) = YEAR_START.captures(&text[open + 1..=close]) else {
        return;
    };
    let Some(names) = names_before(text, open) else {
        return;
    };
    let years_m = c.name("years").map_or(0..0, |m| m.range());
    let base = open + 1 + years_m.start;
    let years = expand_years(&text[base..open + 1 + years_m.end]);
    // The last record ends after the locator and the closing parenthesis
    // of the citation.
    let mut end = c
        .name("loc")
        .map_or(base + years_m.len(), |l| open + 1 + l.end());
    if text[end..].starts_with(')') {
        end += 1;
    }
    let template = Cite {
        span: names.start..names.start,
        form: Form::Narrative,
        names: names.names,
        written: text[names.start..open].trim().to_string(),
        group_name: names.group,
        given: names.given,
        et_al: names.et_al,
        year: String::new(),
        locator: c.name("loc").map(|m| clean_locator(m.as_str())),
        prefix: None,
    };
    push_years(out, template, base, &years, end);
}

/// Pushes one record per cited year. `template` holds what the records
/// share, with its span starting at the names, its locator and prefix;
/// `base` is where the years' text starts. The first record spans the
/// names and its year, later ones their year alone; the last one ends at
/// `end` and takes the locator, the first one the prefix.
fn push_years(
    out: &mut Vec<Cite>,
    template: Cite,
    base: usize,
    years: &[(Range<usize>, String)],
    end: usize,
) {
    let n = years.len();
    for (k, (yr, y)) in years.iter().enumerate() {
        let start = if k == 0 {
            template.span.start
        } else {
            base + yr.start
        };
        let last = k + 1 == n;
        out.push(Cite {
            span: start..if last {
                end.max(base + yr.end)
            } else {
                base + yr.end
            },
            year: y.clone(),
            locator: if last { template.locator.clone() } else { None },
            prefix: if k == 0 {
                template.prefix.clone()
            } else {
                None
            },
            ..template.clone()
        });
    }
}

struct NamesBefore {
    start: usize,
    names: Vec<String>,
    group: Option<String>,
    given: Option<String>,
    et_al: bool,
}

/// Walks back from `open` over the names of a narrative citation.
fn names_before(text: &str, open: usize) -> Option<NamesBefore> {
    // Names are short: look back a bounded distance, so that a paragraph
    // with many citations costs linear time.
    let mut from = open.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..open];
    let tokens: Vec<(usize, &str)> = tokenize(head);
    let mut k = tokens.len();
    let mut et_al = false;
    // "et al." / "et al.’s"
    if k >= 2 {
        let last = tokens[k - 1]
            .1
            .trim_end_matches(['\'', '’', 's'])
            .trim_end_matches(['\'', '’']);
        if (last == "al." || last == "al" || last == "al.,") && tokens[k - 2].1 == "et" {
            et_al = true;
            k -= 2;
        } else if (tokens[k - 2].1 != "&" && lexicon::is_name_and(tokens[k - 2].1))
            && lexicon::is_colleagues(tokens[k - 1].1.trim_end_matches(['\'', '’']))
        {
            // "Smith and colleagues (2010)" stands for "Smith et al.".
            et_al = true;
            k -= 2;
        }
    }
    // Collect name words and connectors backwards.
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut end_ok = false;
    while k > 0 {
        let (pos, w) = tokens[k - 1];
        let bare = w
            .trim_end_matches(',')
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['\'', '’']);
        let lower = bare.to_lowercase();
        let acronym = bare.len() >= 2 && bare.chars().all(|c| c.is_uppercase());
        if is_name_word(bare) && (acronym || !lexicon::is_function_word(&lower)) {
            words.push((pos, bare.to_string()));
            end_ok = true;
            k -= 1;
            continue;
        }
        // A particle belongs to the family name right after it.
        let directly_before_family = words.last().is_some_and(|(_, w)| w != "&")
            && (words.len() == 1 || words[words.len() - 2].1 == "&");
        if end_ok
            && directly_before_family
            && lexicon::is_particle(&lower)
            && bare.starts_with(|c: char| c.is_lowercase())
        {
            words.push((pos, bare.to_string()));
            k -= 1;
            continue;
        }
        if end_ok && (lexicon::is_name_and(bare) || bare == "et") && k >= 2 {
            let (_, prev) = tokens[k - 2];
            let prev_bare = prev.trim_end_matches(',');
            if is_name_word(prev_bare) && !lexicon::is_function_word(&prev_bare.to_lowercase()) {
                words.push((pos, "&".to_string()));
                k -= 1;
                continue;
            }
        }
        // An initial before a family name: "N. Odebrecht (2011)".
        if end_ok
            && bare.len() == 2
            && bare.ends_with('.')
            && bare.starts_with(|c: char| c.is_uppercase())
        {
            words.push((pos, bare.to_string()));
            k -= 1;
            continue;
        }
        break;
    }
    if words.is_empty() {
        return None;
    }
    // A comma-separated earlier name: "Smith, Jones, and Lee (2015)" is
    // covered because "Jones," ends with a comma and is a name word.
    words.reverse();
    // A list of names separated by commas ends with "and" or "&" ("Smith,
    // Jones, and Lee (2015)"). Without one, what stands before the last
    // comma is running text ("do Théâtre Optique, Bendazzi (1994)").
    if !words.iter().any(|(_, w)| w == "&") {
        let ends_comma = |pos: usize| {
            tokens
                .iter()
                .find(|(p, _)| *p == pos)
                .is_some_and(|(_, raw)| raw.ends_with(','))
        };
        if let Some(cut) = words.iter().rposition(|(p, _)| ends_comma(*p)) {
            words.drain(..=cut);
        }
        if words.is_empty() {
            return None;
        }
    }
    let start = words[0].0;
    // Group into names at "&"; within a group, leading capitalised words
    // are given names and the last word (with particles) the family name.
    let mut names = Vec::new();
    let mut given = None;
    let mut cur: Vec<String> = Vec::new();
    let flush = |cur: &mut Vec<String>, names: &mut Vec<String>, given: &mut Option<String>| {
        if cur.is_empty() {
            return;
        }
        let mut fam_start = cur.len() - 1;
        while fam_start > 0 && lexicon::is_particle(&cur[fam_start - 1].to_lowercase()) {
            fam_start -= 1;
        }
        if names.is_empty() && fam_start > 0 {
            *given = Some(cur[..fam_start].join(" "));
        }
        names.push(cur[fam_start..].join(" "));
        cur.clear();
    };
    for (idx, (_, w)) in words.iter().enumerate() {
        if w == "&" {
            flush(&mut cur, &mut names, &mut given);
            continue;
        }
        let comma = tokens
            .iter()
            .find(|(p, _)| *p == words[idx].0)
            .is_some_and(|(_, raw)| raw.ends_with(','));
        cur.push(w.clone());
        if comma {
            flush(&mut cur, &mut names, &mut given);
        }
    }
    flush(&mut cur, &mut names, &mut given);
    if !plausible(&names, &Known::default()) {
        return None;
    }
    // A group author may hold lower-case words: "The Ruritanian Agency of
    // Statistics (2015)". Offer the longer reading for linking.
    let group = group_before(head, start);
    Some(NamesBefore {
        start: from + start,
        names,
        group,
        given,
        et_al,
    })
}

fn group_before(head: &str, start: usize) -> Option<String> {
    let tokens = tokenize(&head[..start]);
    let mut k = tokens.len();
    let mut begin = None;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        let (pos, w) = tokens[k - 1];
        let lower = w.to_lowercase();
        if lexicon::is_group_joiner(&lower) || is_name_word(w) {
            if w.starts_with(|c: char| c.is_uppercase()) {
                begin = Some(pos);
            }
            k -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    begin
        .map(|b| head[b..].trim().to_string())
        .filter(|g| g.split_whitespace().count() >= 2)
}

fn tokenize(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// A citation found in the document, with spans in the original input.
#[derive(Debug, Clone)]
pub struct Located {
    /// The citation as parsed.
    pub cite: Cite,
    /// Index of the paragraph it was found in.
    pub paragraph: usize,
    /// Byte span in the original input.
    pub span: Range<usize>,
}

/// Finds citations in every paragraph and maps their spans back.
pub fn find_all(paragraphs: &[Mapped], known: &Known) -> Vec<Located> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for cite in find(p.as_str(), known) {
            let span = p.orig_span(cite.span.start, cite.span.end);
            out.push(Located {
                cite,
                paragraph: i,
                span,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_(t: &str) -> Vec<Cite> {
        find(t, &Known::default())
    }

    #[test]
    fn loose_citations_need_a_known_author() {
        let known = Known::new(["Apps", "Stotsky", "Burdin"]);
        let t = "x (a review is presented in Apps and Rees, 2009). However, Stotsky, 1996 and Elson (2006) say. Burdin et al., 2014 assess. Brazil, 2015 was.";
        let got: Vec<&str> = find(t, &known).into_iter().map(|c| &t[c.span]).collect();
        assert_eq!(
            got,
            [
                "Apps and Rees, 2009",
                "Stotsky, 1996",
                "Elson (2006)",
                "Burdin et al., 2014"
            ]
        );
        assert!(find("x (data from Brazil, 2015).", &known).is_empty());
        // With the list's years, a known name with a year it has no work
        // from is a date, not a citation.
        let list = crate::reference::parse_lines(
            "Reynaud, E. (1945). A film. Paris: Cinémathèque.\nApps, P., & Rees, J. (2009). A review. Nature, 1, 1–2.\n",
        );
        let works = Known::from_references(&list);
        let t = "x (exhibition of actions – Reynaud, 1877), as in Apps and Rees, 2009.";
        let got: Vec<&str> = find(t, &works).into_iter().map(|c| &t[c.span]).collect();
        assert_eq!(got, ["Apps and Rees, 2009"]);
    }

    #[test]
    fn roman_page_locators() {
        let c = find_("as he says (ALEXEÏEFF, 1994, p. xix e xx).");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].locator.as_deref(), Some("p. xix e xx"));
    }

    fn texts(t: &str) -> Vec<&str> {
        find(t, &Known::default())
            .into_iter()
            .map(|c| &t[c.span])
            .collect::<Vec<_>>()
    }

    #[test]
    fn parenthetical_forms() {
        assert_eq!(texts("land (Ward, 2013), which"), ["Ward, 2013"]);
        assert_eq!(
            texts("x (Pianosi, 2001; Okafor, 2013)."),
            ["Pianosi, 2001", "Okafor, 2013"]
        );
        assert_eq!(
            texts("x (Tanaka et al., 1999; Simon, Barrow & Lindqvist, 2003)."),
            ["Tanaka et al., 1999", "Simon, Barrow & Lindqvist, 2003"]
        );
        assert_eq!(
            texts("x (The Office of Public Sector Evaluation, 2014)."),
            ["The Office of Public Sector Evaluation, 2014"]
        );
        assert_eq!(texts("x (Ward, 2013, p. 12)."), ["Ward, 2013, p. 12"]);
        assert_eq!(
            texts("x (see Smith 2015; e.g., Jones, 2016)."),
            ["Smith 2015", "Jones, 2016"]
        );
        assert_eq!(
            texts("x (Banerjee, 2010, 2012)."),
            ["Banerjee, 2010", "2012"]
        );
        assert_eq!(
            texts("x (Smith, 2015a; Lee, n.d.; Kim, in press)."),
            ["Smith, 2015a", "Lee, n.d.", "Kim, in press"]
        );
        assert_eq!(texts("x (as cited in Lee, 2001)."), ["Lee, 2001"]);
        assert_eq!(texts("x (Smith 2015: 34)."), ["Smith 2015: 34"]);
        assert_eq!(
            texts("x (Rodrigues; Fachin, 2010)."),
            ["Rodrigues; Fachin, 2010"]
        );
        assert_eq!(
            texts("x (see Materials and methods; Smith, 2012)."),
            ["Smith, 2012"]
        );
        assert_eq!(
            texts("segundo Silva (2010 apud SOUZA, 2012), x."),
            ["Silva (2010", "SOUZA, 2012"]
        );
        assert_eq!(
            texts("x (Smith, 2015; 2016, p. 4)."),
            ["Smith, 2015", "2016, p. 4"]
        );
        assert_eq!(find_("x (Smith, 2015; 2016).")[1].names, ["Smith"]);
        assert_eq!(
            texts("x (World Health Organization [WHO], 2019)."),
            ["World Health Organization [WHO], 2019"]
        );
        assert_eq!(
            find_("x (World Health Organization [WHO], 2019).")[0].names,
            ["World Health Organization"]
        );
        assert_eq!(
            texts("x (Smith, 2015, Chapter 3)."),
            ["Smith, 2015, Chapter 3"]
        );
        assert_eq!(
            texts("Smith (2015, pp. 3–4) says"),
            ["Smith (2015, pp. 3–4)"]
        );
    }

    #[test]
    fn narrative_forms() {
        assert_eq!(texts("Defined by Becker (2011) as x"), ["Becker (2011)"]);
        assert_eq!(
            texts("as Smith and Jones (2015) show"),
            ["Smith and Jones (2015)"]
        );
        let c = find_("Smith and colleagues (2010) argue");
        assert_eq!(c[0].names, ["Smith"]);
        assert!(c[0].et_al);
        let c = find_("Smith et al. (2015a, b) show");
        assert_eq!(c.len(), 2);
        assert!(c[0].et_al);
        assert_eq!((c[0].year.as_str(), c[1].year.as_str()), ("2015a", "2015b"));
        let c = find_("Smith's (2015) claim");
        assert_eq!(c[0].names, ["Smith"]);
        let c = find_("In Lev Manovich (2001, 2002, p. 302) we");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].names, ["Manovich"]);
        assert_eq!(c[0].given.as_deref(), Some("Lev"));
        assert_eq!(find_("See de Queiroz (1998)")[0].names, ["de Queiroz"]);
    }

    #[test]
    fn non_citations() {
        for t in [
            "tenge (KZT) in",
            "regions (called oblasts in the local language)",
            "politics (Vol. 26).",
            "archives (see figure 2.1).",
            "famine (1931–1933).",
            "in (March 2015) and",
            "(n = 12, 2015 samples)",
            "Marsh, M. (2016). The country",
            "(Figure 3, 2015)",
            "shows (Pantomimes lumineuses, Paris, 1892) here",
            "Isolda pulchella (Müller in Grube, 1858) was",
            "specimen (A.M. Buchanan 9981)",
            "In: E-government (pp.8-28).",
        ] {
            assert!(find_(t).is_empty(), "{t}: {:?}", find_(t));
        }
    }

    #[test]
    fn a_comma_list_of_names_needs_a_final_and() {
        assert_eq!(
            texts("do Théâtre Optique, Bendazzi (1994) disse"),
            ["Bendazzi (1994)"]
        );
        let c = find_("as Smith, Jones, and Lee (2015) show");
        assert_eq!(c[0].names, ["Smith", "Jones", "Lee"]);
    }

    #[test]
    fn narrative_organisation_keeps_a_group_reading() {
        let c = find_("according to The National Statistics Agency (2015), most");
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].group_name.as_deref(),
            Some("The National Statistics Agency")
        );
    }
}
