//! The anchor of an author-date entry: the date right after the names,
//! "(2015)." in APA and Harvard, ". 2015." in Chicago.

use crate::grammar;
use crate::lexicon::{self, is_reference_particle as is_particle};
use regex::{Captures, Regex};
use std::sync::LazyLock;

re!(PAREN_DATE, &grammar::paren_date());

re!(DOT_DATE, &grammar::dot_date());

/// The position of the date that follows the names.
pub(super) struct Anchor {
    pub start: usize,
    pub end: usize,
    pub year: String,
    /// Further years of a multi-year entry ("(2001, 2002)").
    pub also: Vec<String>,
    /// APA's "(Year)." form, after which titles are never quoted (a title
    /// may start with a quotation).
    pub apa: bool,
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

pub(super) fn find_anchor(t: &str) -> Option<Anchor> {
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
        year = crate::grammar::canonical_year(&year);
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
