//! Small helpers that turn read spans into field values.

use super::Name;
use regex::Regex;
use std::sync::LazyLock;

// A web address.
re!(pub(super) URL, r"(?i)\b(?:https?://|www\.)[^\s]+");

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

pub(super) fn person(family: &str, given: &str) -> Name {
    Name::Person {
        family: clean(family),
        given: given.trim().trim_end_matches(',').trim().to_string(),
    }
}
