//! "(Smith, 2015; Lee & Kim, 2016, p. 4)": parts separated by ";", each
//! names and years after an optional prefix.

use super::filters::{after_binomial, plausible};
use super::names::split_names;
use super::running::loose;
use super::years::{clean_locator, expand_years, push_years};
use super::{Cite, Form, Known};
use crate::grammar;
use crate::lexicon;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static PART: LazyLock<Regex> = LazyLock::new(|| {
    // Names, an optional abbreviation of a group author ("World Health
    // Organization [WHO], 2019"), years and a locator.
    let year = grammar::cited_year();
    let locator = grammar::locator();
    Regex::new(&format!(
        r"^(?P<names>(?:\p{{Lu}}|(?:{particles}\s+){{1,3}}\p{{Lu}}|d['’]\p{{Lu}})[^0-9;()\[\]]*?)(?:\s*(?:\[(?P<abbr>[^\]0-9]{{1,30}})\]|\(\p{{Lu}}[\p{{Lu}}\d\-]*\)))?\s*,?\s+(?P<years>{year}(?:\s*,\s*(?:{year}|[a-h])\b)*)(?P<loc>{locator})?\s*\.?$",
        particles = crate::grammar::particles()
    ))
    .expect("valid regex")
});

/// A part that is only years: "(Smith, 2015; 2016)" continues the names
/// of the part before.
static YEARS_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let year = grammar::cited_year();
    let locator = grammar::locator();
    Regex::new(&format!(
        r"^(?P<years>{year}(?:\s*,\s*(?:{year}|[a-h])\b)*)(?P<loc>{locator})?\s*$"
    ))
    .expect("valid regex")
});

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:see also|see,? e\.g\.|see|e\.\s?g\.|e\.\s?g|i\.\s?e\.|cf\.|for example|for instance|for a review,? see|for a review|reviewed in|as cited in|cited in|quoted in|as reviewed in|apud|also|but see|compare|especially|esp\.|among others|including|such as|following|after|contra|vide|ver também|ver|veja|in|and|or|by|from|e\.g\.,? see)[,:]?\s+)+")
        .expect("valid regex")
});

/// The parts of a parenthesis: separated by ";" at depth 0, and by "apud"
/// ("(2010 apud SOUZA, 2012)": the work read, then the source).
fn parts(content: &str) -> Vec<Range<usize>> {
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
            // `k >= start`: in "apud apud" the second begins on the first's
            // closing space, inside the part just cut.
            ' ' if depth == 0 && k >= start && content[k..].starts_with(" apud ") => {
                parts.push(start..k);
                start = k + " apud ".len();
            }
            _ => {}
        }
    }
    parts.push(start..content.len());
    parts
}

/// A part's prefix ("see", "e.g.,"), its body, and the body's offset in
/// the part.
fn split_prefix(part: &str) -> (Option<String>, &str, usize) {
    match PREFIX.find(part) {
        Some(m) => (
            Some(
                part[..m.end()]
                    .trim()
                    .trim_end_matches([',', ':'])
                    .to_string(),
            ),
            &part[m.end()..],
            m.end(),
        ),
        None => (None, part, 0),
    }
}

/// Every word a capitalised name, a particle or a conjunction: "Rodrigues"
/// in "(Rodrigues; Fachin, 2010)", but not "see Materials and methods".
fn only_name(body: &str) -> bool {
    body.split_whitespace().count() <= 4
        && body.starts_with(|c: char| c.is_uppercase())
        && body
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '\'' | '.'))
        && body.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                || lexicon::is_particle(w)
                || (w != "&" && lexicon::is_name_and(w))
        })
}

/// "(Smith, 2015; 2016)": years at `at` that continue the names of the
/// citation before, inside the same parenthesis (which starts at
/// `inner_start`). Returns whether the body was such years.
fn continued_years(body: &str, at: usize, inner_start: usize, out: &mut Vec<Cite>) -> bool {
    let (Some(y), Some(prev)) = (YEARS_ONLY.captures(body), out.last()) else {
        return false;
    };
    if prev.form != Form::Parenthetical || prev.span.end > at || prev.span.start < inner_start {
        return false;
    }
    let years_m = y.name("years").map_or(0..0, |m| m.range());
    let years = expand_years(&body[years_m.clone()]);
    let end = y.name("loc").map_or(at + years_m.end, |m| at + m.end());
    let template = Cite {
        span: at..at,
        locator: y.name("loc").map(|m| clean_locator(m.as_str())),
        prefix: None,
        ..prev.clone()
    };
    push_years(out, template, at + years_m.start, &years, end);
    true
}

pub(super) fn parenthetical(text: &str, inner: Range<usize>, known: &Known, out: &mut Vec<Cite>) {
    let content = &text[inner.clone()];
    // ABNT lists authors with ";": "(Rodrigues; Fachin, 2010)".
    let mut pending: Option<usize> = None;
    for p in parts(content) {
        let raw = &content[p.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let (prefix, body, off) = split_prefix(raw.trim());
        let body_start = inner.start + p.start + lead + off;
        let Some(c) = PART.captures(body) else {
            if continued_years(body, body_start, inner.start, out) {
                pending = None;
            } else if only_name(body) {
                pending = pending.or(Some(body_start));
            } else {
                pending = None;
                // "(a review is presented in Apps and Rees, 2009)".
                loose(text, inner.start + p.start..inner.start + p.end, known, out);
            }
            continue;
        };
        let (mut names, et_al) = split_names(&c["names"]);
        let mut start = body_start;
        if let Some(ps) = pending.take() {
            let (mut pre, _) = split_names(&text[ps..body_start]);
            pre.append(&mut names);
            names = pre;
            start = ps;
        }
        let names_end = body_start + c.name("names").map_or(0, |m| m.end());
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
        let end = c
            .name("loc")
            .map_or(body_start + years_m.end, |m| body_start + m.end());
        let template = Cite::parenthetical(
            start,
            names,
            written,
            et_al,
            c.name("loc"),
            prefix.map(Into::into),
        );
        push_years(out, template, body_start + years_m.start, &years, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_never_overlap_when_apud_repeats() {
        for s in [
            "Lee apud apud Ng, 2001",
            "a apud apud apud b",
            " apud  apud ",
        ] {
            let ps = parts(s);
            assert!(
                ps.iter().all(|p| p.start <= p.end && p.end <= s.len()),
                "{s}: {ps:?}"
            );
            assert!(ps.windows(2).all(|w| w[0].end <= w[1].start), "{s}: {ps:?}");
        }
        assert_eq!(parts("Lee, 2001 apud Ng, 2003"), [0..9, 15..23]);
    }
}
