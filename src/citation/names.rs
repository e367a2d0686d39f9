//! Splitting the names of a citation: "Smith, Jones and Lee", "Smith et
//! al.".

use crate::grammar;
use regex::Regex;
use std::sync::LazyLock;

/// Splits a names string into individual names.
pub(super) fn split_names(s: &str) -> (Vec<String>, bool) {
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
