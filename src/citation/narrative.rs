//! "Smith and Jones (2015)": names in the running text before a
//! parenthesis that starts with the years.

use super::filters::{is_name_word, plausible};
use super::years::{clean_locator, expand_years, push_years};
use super::{Cite, Form, Known};
use crate::grammar;
use crate::lexicon;
use regex::Regex;
use std::sync::LazyLock;

static YEAR_START: LazyLock<Regex> = LazyLock::new(|| {
    let year = grammar::cited_year();
    let locator = grammar::locator();
    Regex::new(&format!(
        r"^\s*(?P<years>{year}(?:\s*[,;]\s*(?:{year}|[a-h])\b)*)(?P<loc>{locator})?\s*(?:\)|;|\s(?:apud|as cited in|cited in|quoted in)\s)"
    ))
    .expect("valid regex")
});

/// "Smith and Jones (2015)", "Smith et al.'s (2015a, b)", "Lev Manovich
/// (2001, 2002, p. 302)": a parenthesis that starts with years, after names.
pub(super) fn narrative(text: &str, open: usize, close: usize, known: &Known, out: &mut Vec<Cite>) {
    let Some(c) = YEAR_START.captures(&text[open + 1..=close]) else {
        return;
    };
    let Some(mut names) = names_before(text, open) else {
        return;
    };
    while leading_phrase(text, open, &names, known) {
        drop_first_name(text, open, &mut names);
    }
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
        group_name: names.group.map(Into::into),
        given: names.given.map(Into::into),
        et_al: names.et_al,
        year: String::new(),
        locator: c.name("loc").map(|m| clean_locator(m.as_str())),
        prefix: None,
        keyed: None,
    };
    push_years(out, template, base, &years, end);
}

/// Whether the first "name" is a phrase that opens the sentence, set off
/// by a comma, rather than an author: "Specifically, Smith and Jones
/// (1994)", "In the south, Lee and Park (2004)". It is when the reference
/// list knows the next name but not this one, or, whatever the list holds,
/// when it is a sentence-initial adverb ("Specifically,") it does not know.
/// `open` is the citation's opening parenthesis.
fn leading_phrase(text: &str, open: usize, names: &NamesBefore, known: &Known) -> bool {
    let [first, second, ..] = names.names.as_slice() else {
        return false;
    };
    // Only the names, up to the parenthesis: a search past it would read
    // the rest of the paragraph once per citation.
    let written = &text[names.start..open];
    let comma_after_first = written
        .find(',')
        .is_some_and(|k| written[..k].trim_end().ends_with(first.as_str()));
    if !comma_after_first || known.contains(first) {
        return false;
    }
    let sentence_start = text[..names.start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | ')' | '"' | '”'));
    let adverb = sentence_start
        && !first.contains(' ')
        && first.ends_with("ly")
        && first.chars().count() >= 6;
    known.contains(second) || adverb
}

/// Drops the first name and the comma after it.
fn drop_first_name(text: &str, open: usize, names: &mut NamesBefore) {
    let written = &text[names.start..open];
    let Some(k) = written.find(',') else { return };
    let rest = &written[k + 1..];
    names.start += k + 1 + (rest.len() - rest.trim_start().len());
    names.names.remove(0);
    names.given = None;
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
    let from = crate::text::ceil_boundary(text, open.saturating_sub(300));
    let head = &text[from..open];
    let tokens: Vec<(usize, &str)> = tokenize(head);
    let mut k = tokens.len();
    let et_al = trailing_et_al(&tokens, &mut k);
    let mut words = name_words(&tokens, k);
    if words.is_empty() {
        return None;
    }
    // A comma-separated earlier name: "Smith, Jones, and Lee (2015)" is
    // covered because "Jones," ends with a comma and is a name word.
    words.reverse();
    let ends_comma = |pos: usize| {
        tokens
            .iter()
            .find(|(p, _)| *p == pos)
            .is_some_and(|(_, raw)| raw.ends_with(','))
    };
    // A list of names separated by commas ends with "and" or "&" ("Smith,
    // Jones, and Lee (2015)"). Without one, what stands before the last
    // comma is running text ("do Théâtre Optique, Bendazzi (1994)").
    if !words.iter().any(|(_, w)| w == "&") {
        if let Some(cut) = words.iter().rposition(|(p, _)| ends_comma(*p)) {
            words.drain(..=cut);
        }
        if words.is_empty() {
            return None;
        }
    }
    let start = words[0].0;
    let (names, given) = group_names(&words, ends_comma);
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

/// "et al." (or "et al.’s", "and colleagues") at the end of the tokens
/// before `k`: steps `k` back over it.
fn trailing_et_al(tokens: &[(usize, &str)], k: &mut usize) -> bool {
    if *k < 2 {
        return false;
    }
    let last = tokens[*k - 1]
        .1
        .trim_end_matches(['\'', '’', 's'])
        .trim_end_matches(['\'', '’']);
    let before = tokens[*k - 2].1;
    let et_al = (last == "al." || last == "al" || last == "al.,") && before == "et";
    // "Smith and colleagues (2010)" stands for "Smith et al.".
    let colleagues = before != "&"
        && lexicon::is_name_and(before)
        && lexicon::is_colleagues(tokens[*k - 1].1.trim_end_matches(['\'', '’']));
    if et_al || colleagues {
        *k -= 2;
    }
    et_al || colleagues
}

/// Name words, particles, initials and joining words ("&" for any "and"),
/// collected backwards from token `k`.
fn name_words(tokens: &[(usize, &str)], mut k: usize) -> Vec<(usize, String)> {
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
    words
}

/// Groups the words into names at "&" and after a comma; within a group,
/// leading capitalised words are given names and the last word (with its
/// particles) the family name. Returns the names and the first one's
/// given name.
fn group_names(
    words: &[(usize, String)],
    ends_comma: impl Fn(usize) -> bool,
) -> (Vec<String>, Option<String>) {
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
    for (pos, w) in words {
        if w == "&" {
            flush(&mut cur, &mut names, &mut given);
            continue;
        }
        cur.push(w.clone());
        if ends_comma(*pos) {
            flush(&mut cur, &mut names, &mut given);
        }
    }
    flush(&mut cur, &mut names, &mut given);
    (names, given)
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
