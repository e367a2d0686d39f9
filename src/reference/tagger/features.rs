//! The features of each token, in the manner of AnyStyle and GROBID: the
//! word, its shape, case, affixes and punctuation, its lexicon classes, its
//! place in the string and in the field order (after the year, inside
//! quotes or brackets), and the same for its neighbours.
//!
//! A feature is a 64-bit hash of its template and value, so the model needs
//! no string table and extraction allocates only per string, never per
//! feature.

use crate::lexicon;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Lexicon and shape classes of a token, as bits.
mod class {
    pub const YEAR: u32 = 1;
    pub const NUMBER: u32 = 1 << 1;
    pub const RANGE: u32 = 1 << 2;
    pub const ROMAN: u32 = 1 << 3;
    pub const INITIAL: u32 = 1 << 4;
    pub const CAPITALISED: u32 = 1 << 5;
    pub const UPPER: u32 = 1 << 6;
    pub const LOWER: u32 = 1 << 7;
    pub const MONTH: u32 = 1 << 8;
    pub const PARTICLE: u32 = 1 << 9;
    pub const AND: u32 = 1 << 10;
    pub const EDITOR: u32 = 1 << 11;
    pub const IN: u32 = 1 << 12;
    pub const PAGE: u32 = 1 << 13;
    pub const VOLUME: u32 = 1 << 14;
    pub const ISSUE: u32 = 1 << 15;
    pub const EDITION: u32 = 1 << 16;
    pub const PUBLISHER: u32 = 1 << 17;
    pub const JOURNAL: u32 = 1 << 18;
    pub const PLACE: u32 = 1 << 19;
    pub const GENRE: u32 = 1 << 20;
    pub const LINK: u32 = 1 << 21;
    pub const ORDINAL: u32 = 1 << 22;
    pub const NO_DATE: u32 = 1 << 23;
    pub const ET_AL: u32 = 1 << 24;
    pub const ORG: u32 = 1 << 25;
    pub const FUNCTION: u32 = 1 << 26;
    pub const COUNT: u32 = 27;
}

/// What the features read of one token.
struct Info {
    /// The word without its edge punctuation, lower case.
    core: String,
    /// Character classes, runs collapsed: "Xx.", "(dddd).", "d-d".
    shape: String,
    /// Punctuation before the word.
    lead: String,
    /// Punctuation after the word.
    trail: String,
    classes: u32,
}

/// The features of every token of one string, as hashes, token by token.
#[derive(Debug, Default, Clone)]
pub struct Features {
    /// All hashes, token after token.
    pub ids: Vec<u64>,
    /// Where each token's hashes start in `ids`; one more entry at the end.
    pub starts: Vec<usize>,
    /// The class of the boundary before each token (see `edge_class`),
    /// which the model's transitions are conditioned on.
    pub edges: Vec<u8>,
}

impl Features {
    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hashes of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        &self.ids[self.starts[i]..self.starts[i + 1]]
    }
}

/// FNV-1a, which is stable across platforms and releases, so a committed
/// model keeps its meaning.
fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for p in parts {
        eat(0xff);
        for b in p.bytes() {
            eat(b);
        }
    }
    h
}

fn is_edge(c: char) -> bool {
    !c.is_alphanumeric()
}

fn info(raw: &str) -> Info {
    let core_start = raw.find(|c: char| !is_edge(c)).unwrap_or(raw.len());
    let core_end = raw.rfind(|c: char| !is_edge(c)).map_or(core_start, |i| {
        i + raw[i..].chars().next().map_or(1, char::len_utf8)
    });
    let core_raw = &raw[core_start..core_end.max(core_start)];
    let lead: String = raw[..core_start].chars().take(3).collect();
    let trail: String = raw[core_end.max(core_start)..].chars().take(3).collect();
    let core = core_raw.to_lowercase();
    let mut shape = String::new();
    for c in raw.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !shape.ends_with(k) || !matches!(k, 'X' | 'x' | 'd') {
            shape.push(k);
        }
        if shape.len() > 12 {
            break;
        }
    }
    let classes = classes_of(raw, core_raw, &core);
    Info {
        core,
        shape,
        lead,
        trail,
        classes,
    }
}

/// The lexicon classes of every word of the lexicon, so a token needs one
/// look-up, not one search per list.
static WORD_CLASSES: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    use class::*;
    let lists: [(&[&str], u32); 14] = [
        (lexicon::MONTHS, MONTH),
        (lexicon::FIELD_MONTHS, MONTH),
        (lexicon::PARTICLES, PARTICLE),
        (lexicon::NAME_AND, AND),
        (lexicon::EDITOR_MARKS, EDITOR),
        (lexicon::PAGE_MARKS, PAGE),
        (lexicon::VOLUME_MARKS, VOLUME),
        (lexicon::ISSUE_MARKS, ISSUE),
        (lexicon::EDITION_MARKS, EDITION),
        (lexicon::PUBLISHER_WORDS, PUBLISHER),
        (lexicon::JOURNAL_WORDS, JOURNAL),
        (lexicon::PLACE_NAMES, PLACE),
        (lexicon::GENRE_WORDS, GENRE),
        (lexicon::LINK_WORDS, LINK),
    ];
    let mut m: HashMap<&'static str, u32> = HashMap::new();
    for (list, bit) in lists {
        for w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    for w in lexicon::ORG_WORDS {
        *m.entry(w).or_default() |= ORG;
    }
    for w in lexicon::FUNCTION_WORDS {
        *m.entry(w).or_default() |= FUNCTION;
    }
    m
});

/// Small numbers as text, without allocating.
const DIGITS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

fn classes_of(raw: &str, core_raw: &str, core: &str) -> u32 {
    use class::*;
    let mut k = 0;
    let digits = core.bytes().filter(u8::is_ascii_digit).count();
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let mut set = |cond: bool, bit: u32| {
        if cond {
            k |= bit;
        }
    };
    let year_digits = core
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    set(
        year_digits.is_some_and(|d| ("1500".."2100").contains(&d))
            && core.len() <= 5
            && core[4..].bytes().all(|b| b.is_ascii_lowercase()),
        YEAR,
    );
    set(digits > 0 && digits == core.chars().count(), NUMBER);
    set(
        digits > 0
            && letters == 0
            && core.contains(['-', '–', '—'])
            && core.trim_matches(|c: char| c.is_ascii_digit()).len() <= 3,
        RANGE,
    );
    set(
        !core.is_empty()
            && core.len() <= 6
            && core.chars().all(|c| "ivxlc".contains(c))
            && core_raw.chars().all(|c| c.is_uppercase()),
        ROMAN,
    );
    let first_upper = core_raw.chars().next().is_some_and(char::is_uppercase);
    set(
        first_upper && core_raw.chars().count() <= 2 && letters <= 2 && raw.ends_with(['.', ',']),
        INITIAL,
    );
    set(first_upper, CAPITALISED);
    set(
        letters > 1 && core_raw.chars().all(|c| !c.is_lowercase()),
        UPPER,
    );
    set(
        core_raw.chars().next().is_some_and(char::is_lowercase),
        LOWER,
    );
    set(raw == "&", AND);
    set(super::tokens::is_link(raw), LINK);
    set(core == "in" || core == "em" || core == "en", IN);
    set(true, WORD_CLASSES.get(core).copied().unwrap_or(0));
    set(
        digits > 0
            && ["st", "nd", "rd", "th", "e", "er", "a", "o", "ª", "º"]
                .iter()
                .any(|s| core.ends_with(s) && core.len() - s.len() == digits),
        ORDINAL,
    );
    set(
        matches!(core, "n.d" | "s.d" | "o.j" | "nd" | "sd" | "oj" | "press"),
        NO_DATE,
    );
    set(matches!(core, "et" | "al" | "others"), ET_AL);
    k
}

/// Template numbers; each names one kind of feature.
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const SHAPE: u8 = 2;
    pub const PREFIX: u8 = 3;
    pub const SUFFIX: u8 = 4;
    pub const LEAD: u8 = 5;
    pub const TRAIL: u8 = 6;
    pub const CLASS: u8 = 7;
    pub const WORD_PREV: u8 = 8;
    pub const WORD_NEXT: u8 = 9;
    pub const WORD_PREV2: u8 = 10;
    pub const WORD_NEXT2: u8 = 11;
    pub const SHAPE_PREV: u8 = 12;
    pub const SHAPE_NEXT: u8 = 13;
    pub const TRAIL_PREV: u8 = 14;
    pub const LEAD_NEXT: u8 = 15;
    pub const POSITION: u8 = 16;
    pub const AFTER_YEAR: u8 = 17;
    pub const STOPS: u8 = 18;
    pub const QUOTE: u8 = 19;
    pub const PAREN: u8 = 20;
    pub const AFTER_IN: u8 = 21;
    pub const CLASS_PREV: u8 = 22;
    pub const CLASS_NEXT: u8 = 23;
    pub const YEAR_TRAIL_PREV: u8 = 24;
    pub const STOPS_SHAPE: u8 = 25;
    pub const FIRST_LAST: u8 = 26;
    pub const AFTER_EDITOR: u8 = 27;
    pub const WORD_PAIR: u8 = 28;
    pub const TRAIL_PREV_SHAPE: u8 = 29;
    pub const STOPS_AFTER_YEAR: u8 = 30;
    pub const SINCE_STOP: u8 = 31;
    pub const CLAUSE_CLASS: u8 = 32;
    pub const CLAUSE_LEN: u8 = 33;
    pub const WORD_NEXT_PAIR: u8 = 34;
    pub const SINCE_STOP_SHAPE: u8 = 35;
    pub const CLAUSE_FIRST: u8 = 36;
    // 37 was the clause before, tried and dropped; numbers are never
    // reused, so a template keeps its hashes.
    pub const NEXT_CLAUSE_CLASS: u8 = 38;
    // 39 was the style with the position, tried and dropped.
    pub const STYLE_SHAPE: u8 = 40;
}

/// The classes that describe a clause (the tokens between two stops).
const CLAUSE_CLASSES: u32 = class::JOURNAL
    | class::PUBLISHER
    | class::PLACE
    | class::EDITOR
    | class::IN
    | class::PAGE
    | class::VOLUME
    | class::ISSUE
    | class::YEAR
    | class::NUMBER
    | class::RANGE
    | class::GENRE
    | class::MONTH
    | class::INITIAL
    | class::AND
    | class::LINK
    | class::EDITION
    | class::ORG;

/// Whether a token ends a clause: a period that is not an initial's.
fn ends_clause(inf: &Info) -> bool {
    inf.trail.contains(['.', '?', '!']) && inf.classes & class::INITIAL == 0
        || inf.trail.contains(':')
}

const CLASS_NAMES: [&str; class::COUNT as usize] = [
    "year",
    "number",
    "range",
    "roman",
    "initial",
    "cap",
    "upper",
    "lower",
    "month",
    "particle",
    "and",
    "editor",
    "in",
    "page",
    "volume",
    "issue",
    "edition",
    "publisher",
    "journal",
    "place",
    "genre",
    "link",
    "ordinal",
    "nodate",
    "etal",
    "org",
    "function",
];

/// How many classes of boundary between two tokens are told apart: the
/// punctuation that ends the first, the bracket or quote that opens the
/// second, and whether the second is a field mark.
pub const EDGE_CLASSES: usize = 9 * 4 * 2;

/// The class of the boundary between two tokens: the punctuation that ends
/// the first, the bracket or quote that opens the second, and whether the
/// second is a mark that opens a field ("In", "Eds.", "pp.", "Vol.").
///
/// Fields change at boundaries, and which field follows which depends on
/// the boundary: a title ends at a period and a journal follows, an "In"
/// after a period opens a book, a bracket after the names holds the date.
/// Weights on label pairs alone cannot say so; weights on label pairs per
/// boundary class can.
fn edge_class(prev: Option<&Info>, cur: &Info) -> u8 {
    use class::{EDITOR, IN, INITIAL, ISSUE, PAGE, VOLUME};
    let p = match prev {
        None => 0,
        Some(p) => {
            // Closing quotes go around the punctuation in many styles
            // ('Title,"' and 'Title",'): the punctuation decides.
            let mark = p.trail.chars().rev().find(|c| !is_quote(*c));
            match mark {
                None if p.trail.is_empty() => 1,
                Some(',') => 2,
                Some('.') if p.classes & INITIAL != 0 => 3,
                Some('.' | '?' | '!') => 4,
                Some(':') => 5,
                Some(';') => 6,
                Some(')' | ']') => 7,
                _ => 8,
            }
        }
    };
    let lead = match cur.lead.chars().next() {
        None => 0,
        Some('(' | '[') => 1,
        Some(c) if is_quote(c) => 2,
        Some(_) => 3,
    };
    let mark = cur.classes & (IN | EDITOR | PAGE | VOLUME | ISSUE) != 0;
    (p * 4 + lead) * 2 + u8::from(mark)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '\'')
}

/// One feature of template `tmpl` for each class set in `classes`.
fn push_classes(f: &mut Vec<u64>, tmpl: u8, classes: u32) {
    for (b, name) in CLASS_NAMES.iter().enumerate() {
        if classes & (1 << b) != 0 {
            f.push(hash(tmpl, &[name]));
        }
    }
}

/// The features of the tokens `tokens` of `s`, into `out`.
pub fn extract(s: &str, tokens: &[Range<usize>], out: &mut Features) {
    out.ids.clear();
    out.starts.clear();
    out.edges.clear();
    let infos: Vec<Info> = tokens.iter().map(|r| info(&s[r.clone()])).collect();
    let n = infos.len();
    let word = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &infos[i as usize].core
        }
    };
    // Clauses: the classes each one holds, and where each token's starts.
    let mut clause_of = Vec::with_capacity(n);
    let mut clauses: Vec<(u32, usize)> = Vec::new();
    let mut open = true;
    for inf in &infos {
        if open {
            clauses.push((0, 0));
        }
        let c = clauses.last_mut().expect("a clause is open");
        c.0 |= inf.classes & CLAUSE_CLASSES;
        c.1 += 1;
        clause_of.push(clauses.len() - 1);
        open = ends_clause(inf);
    }
    // The string's style as a whole: where its first year falls and
    // whether it is numbered. Fields keep their order within a style, so
    // a token's shape says more once the style is known.
    let first_year = infos
        .iter()
        .position(|inf| inf.classes & (class::YEAR | class::NO_DATE) != 0);
    let numbered = infos.first().is_some_and(|f| {
        // "12." or "[12]", not a year that opens the string.
        f.classes & class::NUMBER != 0 && f.classes & class::YEAR == 0 && !f.trail.contains(',')
            || f.lead.starts_with('[')
    });
    let style = match (first_year, numbered) {
        (None, false) => "none",
        (None, true) => "none-numbered",
        (Some(y), false) if y * 3 < n => "early",
        (Some(y), true) if y * 3 < n => "early-numbered",
        (Some(_), false) => "late",
        (Some(_), true) => "late-numbered",
    };
    let mut after_year = false;
    let mut stops_after_year = 0usize;
    let mut since_stop = 0usize;
    let mut stops = 0usize;
    let mut in_quote = false;
    let mut paren_depth = 0i32;
    let mut after_in = false;
    let mut after_editor = false;
    for (i, inf) in infos.iter().enumerate() {
        out.starts.push(out.ids.len());
        let ii = i as isize;
        let raw = &s[tokens[i].clone()];
        // Bracket and quote state as the token begins.
        for c in inf.lead.chars() {
            match c {
                '(' | '[' => paren_depth += 1,
                '"' | '“' | '‘' | '«' | '„' => in_quote = true,
                '\'' if raw.len() > 1 => in_quote = true,
                _ => {}
            }
        }
        let prev = i.checked_sub(1).map(|p| &infos[p]);
        let next = infos.get(i + 1);
        out.edges.push(edge_class(prev, inf));
        let f = &mut out.ids;
        f.push(hash(t::BIAS, &[]));
        f.push(hash(t::WORD, &[&inf.core]));
        f.push(hash(t::SHAPE, &[&inf.shape]));
        let mut ends = inf.core.char_indices().map(|(b, _)| b);
        if let (Some(p), Some(q)) = (ends.nth(3), inf.core.char_indices().rev().nth(2)) {
            f.push(hash(t::PREFIX, &[&inf.core[..p]]));
            f.push(hash(t::SUFFIX, &[&inf.core[q.0..]]));
        }
        f.push(hash(t::LEAD, &[&inf.lead]));
        f.push(hash(t::TRAIL, &[&inf.trail]));
        push_classes(f, t::CLASS, inf.classes);
        f.push(hash(t::WORD_PREV, &[word(ii - 1)]));
        f.push(hash(t::WORD_NEXT, &[word(ii + 1)]));
        f.push(hash(t::WORD_PREV2, &[word(ii - 2)]));
        f.push(hash(t::WORD_NEXT2, &[word(ii + 2)]));
        f.push(hash(t::WORD_PAIR, &[word(ii - 1), &inf.core]));
        f.push(hash(t::SHAPE_PREV, &[prev.map_or("<s>", |p| &p.shape)]));
        f.push(hash(t::SHAPE_NEXT, &[next.map_or("</s>", |p| &p.shape)]));
        let trail_prev = prev.map_or("<s>", |p| &p.trail);
        f.push(hash(t::TRAIL_PREV, &[trail_prev]));
        f.push(hash(t::LEAD_NEXT, &[next.map_or("</s>", |p| &p.lead)]));
        for (tmpl, other) in [(t::CLASS_PREV, prev), (t::CLASS_NEXT, next)] {
            if let Some(o) = other {
                push_classes(f, tmpl, o.classes);
            }
        }
        f.push(hash(t::POSITION, &[DIGITS[i * 10 / n.max(1)]]));
        let edge = match (i, n - 1 - i) {
            (0, _) => "first",
            (_, 0) => "last",
            (_, 1) => "last-but-one",
            _ => "",
        };
        if !edge.is_empty() {
            f.push(hash(t::FIRST_LAST, &[edge]));
        }
        let yr = if after_year { "y" } else { "n" };
        f.push(hash(t::AFTER_YEAR, &[yr]));
        f.push(hash(t::YEAR_TRAIL_PREV, &[yr, trail_prev]));
        let st = DIGITS[stops.min(6)];
        f.push(hash(t::STOPS, &[st]));
        f.push(hash(t::STOPS_SHAPE, &[st, &inf.shape]));
        f.push(hash(t::STYLE_SHAPE, &[style, yr, &inf.shape]));
        if in_quote {
            f.push(hash(t::QUOTE, &[]));
        }
        if paren_depth > 0 {
            f.push(hash(t::PAREN, &[]));
        }
        if after_in {
            f.push(hash(t::AFTER_IN, &[]));
        }
        if after_editor {
            f.push(hash(t::AFTER_EDITOR, &[]));
        }
        f.push(hash(t::TRAIL_PREV_SHAPE, &[trail_prev, &inf.shape]));
        f.push(hash(t::WORD_NEXT_PAIR, &[&inf.core, word(ii + 1)]));
        let say = if after_year {
            DIGITS[stops_after_year.min(5)]
        } else {
            "-"
        };
        f.push(hash(t::STOPS_AFTER_YEAR, &[say]));
        let ss = DIGITS[since_stop.min(6)];
        f.push(hash(t::SINCE_STOP, &[ss]));
        f.push(hash(t::SINCE_STOP_SHAPE, &[ss, &inf.shape]));
        let (cc, clen) = clauses[clause_of[i]];
        push_classes(f, t::CLAUSE_CLASS, cc);
        // What the next clause holds: a title is followed by a clause with
        // a journal's words or a volume, a journal by numbers. (The
        // clause before, tried too, made no gain on unseen sets.)
        match clauses.get(clause_of[i] + 1) {
            None => f.push(hash(t::NEXT_CLAUSE_CLASS, &["none"])),
            Some(&(k, _)) => push_classes(f, t::NEXT_CLAUSE_CLASS, k),
        }
        let cl = match clen {
            0..=2 => "short",
            3..=6 => "mid",
            _ => "long",
        };
        f.push(hash(t::CLAUSE_LEN, &[cl]));
        if since_stop == 0 {
            f.push(hash(t::CLAUSE_FIRST, &[&inf.core]));
        }
        // State after the token.
        if inf.classes & (class::YEAR | class::NO_DATE) != 0 {
            after_year = true;
        }
        if inf.trail.contains('.') && inf.classes & class::INITIAL == 0 {
            stops += 1;
        }
        if ends_clause(inf) {
            since_stop = 0;
            if after_year {
                stops_after_year += 1;
            }
        } else {
            since_stop += 1;
        }
        if inf.classes & class::IN != 0 {
            after_in = true;
        }
        if inf.classes & class::EDITOR != 0 {
            after_editor = true;
        }
        for c in inf.trail.chars() {
            match c {
                ')' | ']' => paren_depth = (paren_depth - 1).max(0),
                '"' | '”' | '’' | '»' | '“' => in_quote = false,
                '\'' => in_quote = false,
                _ => {}
            }
        }
    }
    out.starts.push(out.ids.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::tagger::tokens::tokenize;

    #[test]
    fn every_token_has_features() {
        let s = "Smith, J. (2011). A title. Journal, 24(2), 1–9.";
        let toks = tokenize(s);
        let mut f = Features::default();
        extract(s, &toks, &mut f);
        assert_eq!(f.len(), toks.len());
        assert!((0..f.len()).all(|i| f.of(i).len() > 10));
    }

    #[test]
    fn boundaries_are_classed_by_their_punctuation() {
        let s = "Smith, J. (2011). “A title,” In Book. pp. 1–9.";
        let toks = tokenize(s);
        let mut f = Features::default();
        extract(s, &toks, &mut f);
        assert_eq!(f.edges.len(), toks.len());
        assert!(f.edges.iter().all(|&e| (e as usize) < EDGE_CLASSES));
        let at = |w: &str| f.edges[toks.iter().position(|r| &s[r.clone()] == w).unwrap()];
        // After an initial, a bracket; after a year, a quote; after the
        // title's comma inside its quotes, "In"; after a period, "pp.".
        assert_ne!(at("(2011)."), at("“A"));
        assert_ne!(at("In"), at("Book."));
        assert_ne!(at("pp."), at("Book."));
        assert_eq!(edge_class(None, &info("x")), 0);
    }

    #[test]
    fn classes_read_years_ranges_and_marks() {
        let c = |w: &str| info(w).classes;
        assert_ne!(c("(2011a).") & class::YEAR, 0);
        assert_eq!(c("20110") & class::YEAR, 0);
        assert_ne!(c("519–536.") & class::RANGE, 0);
        assert_ne!(c("(Eds.),") & class::EDITOR, 0);
        assert_ne!(c("2nd") & class::ORDINAL, 0);
        assert_ne!(c("J.") & class::INITIAL, 0);
    }

    #[test]
    fn tokens_know_the_style_of_their_string() {
        // The style feature of the token `word` in `s`, as its style name.
        let style_of = |s: &str, word: &str| -> &'static str {
            let toks = tokenize(s);
            let mut f = Features::default();
            extract(s, &toks, &mut f);
            let i = toks.iter().position(|r| &s[r.clone()] == word).unwrap();
            let inf = info(word);
            let styles = [
                "none",
                "none-numbered",
                "early",
                "early-numbered",
                "late",
                "late-numbered",
            ];
            let found: Vec<&str> = styles
                .into_iter()
                .filter(|st| {
                    ["y", "n"].iter().any(|yr| {
                        f.of(i)
                            .contains(&hash(t::STYLE_SHAPE, &[st, yr, &inf.shape]))
                    })
                })
                .collect();
            assert_eq!(found.len(), 1, "{s}: {found:?}");
            found[0]
        };
        assert_eq!(
            style_of("Smith, J. (2011). Title. Journal, 4, 1–9.", "Title."),
            "early"
        );
        assert_eq!(
            style_of(
                "J. Smith, Title of the work, Journal 4, 1–9 (2011).",
                "Title"
            ),
            "late"
        );
        assert_eq!(
            style_of(
                "[3] J. Smith, Title of the work, Journal 4, 1–9 (2011).",
                "Title"
            ),
            "late-numbered"
        );
        assert_eq!(
            style_of("12. Smith J. Title. Journal.", "Title."),
            "none-numbered"
        );
        assert_eq!(style_of("2011. Title. Journal.", "Title."), "early");
    }

    #[test]
    fn hashes_are_stable() {
        // A committed model depends on these values.
        assert_eq!(hash(0, &[]), 0xaf63_bd4c_8601_b7df);
        assert_ne!(hash(1, &["a"]), hash(2, &["a"]));
        assert_ne!(hash(1, &["a", "b"]), hash(1, &["ab"]));
    }
}
