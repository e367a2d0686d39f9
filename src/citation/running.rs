//! Citations outside parentheses with nothing but their shape to go on:
//! "Stotsky, 1996 and Elson (2006)". Held to the reference list.

use super::filters::plausible;
use super::names::split_names;
use super::years::{expand_years, push_years};
use super::{Cite, Known};
use crate::grammar;
use crate::lexicon;
use crate::text::{ceil_boundary, floor_boundary};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A citation with strictly name-shaped authors, found anywhere in a text:
/// "Smith and Jones, 2015", "Burdin et al., 2014". Only trusted when its
/// first name is an author in the reference list.
static STRICT: LazyLock<Regex> = LazyLock::new(|| {
    // A name may be several capitalised words ("Malaria Genomic
    // Epidemiology Network"); a leading function word is trimmed later.
    // The repetitions are unbounded: the search runs in a short window
    // before a year anyway, a long run of capitalised words is one name
    // the list does not know, and a bound would copy the Unicode classes
    // once per repetition at start-up.
    let name = format!(
        r"(?:{}\s+)?\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+)*",
        grammar::particles()
    );
    let year = grammar::cited_year();
    let et_al = grammar::ET_AL;
    Regex::new(&format!(
        r"(?P<names>{name}(?:(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+){name})*(?:,?\s+{et_al})?),?\s+(?P<years>{year}(?:\s*,\s*(?:{year}|[a-h])(?-u:\b))*)(?P<loc>\s*[,:]\s*(?:pp?\.\s*)\d+(?:\s*[–-]\s*\d+)?)?"
    ))
    .expect("valid regex")
});

/// Citations outside parentheses without the year in parentheses:
/// "Stotsky, 1996 and Elson (2006) mention". Shape alone is weak evidence
/// here, so the first name must be in the reference list.
pub(super) fn running_text(text: &str, known: &Known, out: &mut Vec<Cite>) {
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
pub(super) fn loose(text: &str, range: Range<usize>, known: &Known, out: &mut Vec<Cite>) {
    // The full pattern is costly on long text and a citation ends in a
    // year: run it only in a window that ends just after each year.
    let mut done = range.start;
    for y in YEAR_ONLY.find_iter(&text[range.clone()]) {
        let year_end = range.start + y.end();
        // A citation found here must be held to a work of its year: no
        // work of that year, no costly search around it.
        if year_end <= done || !known.has_year(y.as_str()) {
            continue;
        }
        let lo = ceil_boundary(
            text,
            year_end.saturating_sub(200).max(done).max(range.start),
        );
        let hi = floor_boundary(text, (year_end + 40).min(range.end));
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
