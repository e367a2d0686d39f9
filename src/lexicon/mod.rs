//! Vocabulary as data: the word lists of [`words`], and typed look-ups that
//! say how each list is compared.
//!
//! A rule asks `lexicon::is_particle(w)`, never spells a list inline, so a
//! word added here reaches every rule that needs it.

pub mod words;

pub use words::*;

/// Whether `w` (any case) is a particle of a family name ("van", "de").
pub fn is_particle(w: &str) -> bool {
    PARTICLES.binary_search(&w).is_ok()
}

/// Whether `w` (any case) is a particle in a reference list, where "al",
/// "y" and "bin" are particles too.
pub fn is_reference_particle(w: &str) -> bool {
    let w = w.to_lowercase();
    PARTICLES.binary_search(&w.as_str()).is_ok()
        || REFERENCE_PARTICLES.binary_search(&w.as_str()).is_ok()
}

/// Whether `w` is a word that joins the last two names ("and", "&", "e").
pub fn is_name_and(w: &str) -> bool {
    NAME_AND.binary_search(&w).is_ok()
}

/// Whether `w` (lower case) is a month or its abbreviation.
pub fn is_month(w: &str) -> bool {
    MONTHS.binary_search(&w).is_ok()
}

/// The number of the month `w` names (lower case, a trailing period
/// allowed): a full name, or its first three letters or more ("sept.").
pub fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if w.chars().count() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|names| names.iter().any(|m| m.starts_with(w)))
        .map(|i| i as u32 + 1)
}

/// The number an English ordinal word stands for ("second" is 2).
pub fn ordinal_number(w: &str) -> Option<u32> {
    ORDINALS.iter().position(|o| *o == w).map(|i| i as u32 + 1)
}

/// Whether `w` (lower case, without a period) is a word that looks like
/// a name before a year but is not one: a month, a season, a part of a
/// document, a preposition.
pub fn is_not_name(w: &str) -> bool {
    is_month(w) || SEASONS.binary_search(&w).is_ok() || NOT_NAMES.binary_search(&w).is_ok()
}

/// Whether `w` (lower case) is a function word that starts a sentence or
/// phrase, never a name.
pub fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.binary_search(&w).is_ok()
}

/// Whether `w` is a lower-case word that may stand inside a name.
pub fn is_connector(w: &str) -> bool {
    CONNECTORS.binary_search(&w).is_ok()
}

/// Whether `w` (lower case) is a definite article.
pub fn is_article(w: &str) -> bool {
    ARTICLES.binary_search(&w).is_ok()
}

/// Whether `w` (lower case) is a city or state that lists name as a place
/// of publication.
pub fn is_place_name(w: &str) -> bool {
    PLACE_NAMES.binary_search(&w).is_ok() || MORE_PLACE_NAMES.binary_search(&w).is_ok()
}

/// Whether `w` (lower case) is a word of publishers' names.
pub fn is_publisher_word(w: &str) -> bool {
    PUBLISHER_WORDS.binary_search(&w).is_ok()
}

/// Whether `w` (lower case, without punctuation) marks an organisation.
pub fn is_org_word(w: &str) -> bool {
    ORG_WORDS.binary_search(&w).is_ok()
}

/// Whether `w` is a generational suffix ("Jr", "III"), as written.
pub fn is_name_suffix(w: &str) -> bool {
    NAME_SUFFIXES.binary_search(&w).is_ok()
}

/// Whether `w` stands for "et al." after "and" ("colleagues").
pub fn is_colleagues(w: &str) -> bool {
    COLLEAGUES.binary_search(&w).is_ok()
}

/// Whether a lower-case word may stand in an author list ("and", "et").
pub fn is_name_list_word(w: &str) -> bool {
    NAME_LIST_WORDS.binary_search(&w).is_ok()
}

/// Whether a lower-case word may join the words of a group author.
pub fn is_group_joiner(w: &str) -> bool {
    GROUP_JOINERS.binary_search(&w).is_ok()
}

/// Whether `w` (lower case, no period) is an abbreviation in prose.
pub fn is_prose_abbreviation(w: &str) -> bool {
    PROSE_ABBREVIATIONS.binary_search(&w).is_ok()
}

/// Whether `w` starts with the name of a source that writes itself in
/// small letters ("figshare").
pub fn is_lowercase_source(w: &str) -> bool {
    LOWERCASE_SOURCES
        .iter()
        .any(|s| w.starts_with(s) && !w[s.len()..].starts_with(char::is_alphanumeric))
}

/// Whether `w` (lower case, no final period) is an abbreviation inside a
/// reference entry ("vol", "pp").
pub fn is_entry_abbreviation(w: &str) -> bool {
    ENTRY_ABBREVIATIONS.binary_search(&w).is_ok()
}

/// Whether a folded word is skipped when a key takes a title's first
/// significant word.
pub fn is_title_stopword(w: &str) -> bool {
    TITLE_STOPWORDS.binary_search(&w).is_ok()
}

/// Whether `w` has the ending of a Latin species epithet.
pub fn has_latin_ending(w: &str) -> bool {
    LATIN_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// The words of `list` as a regex alternation `(?:a|b|…)`, each escaped,
/// longest first so that a longer word is never cut by a shorter prefix.
pub fn alternation(list: &[&str]) -> String {
    let mut ws: Vec<&str> = list.to_vec();
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let escaped: Vec<String> = ws.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", escaped.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list, by name, for the tests that hold them to their form.
    const LISTS: &[(&str, &[&str])] = &[
        ("PARTICLES", PARTICLES),
        ("REFERENCE_PARTICLES", REFERENCE_PARTICLES),
        ("NAME_AND", NAME_AND),
        ("COLLEAGUES", COLLEAGUES),
        ("NAME_SUFFIXES", NAME_SUFFIXES),
        ("NAME_LIST_WORDS", NAME_LIST_WORDS),
        ("MONTHS", MONTHS),
        ("SEASONS", SEASONS),
        ("NOT_NAMES", NOT_NAMES),
        ("FUNCTION_WORDS", FUNCTION_WORDS),
        ("CONNECTORS", CONNECTORS),
        ("GROUP_JOINERS", GROUP_JOINERS),
        ("ARTICLES", ARTICLES),
        ("ORG_WORDS", ORG_WORDS),
        ("PROSE_ABBREVIATIONS", PROSE_ABBREVIATIONS),
        ("ENTRY_ABBREVIATIONS", ENTRY_ABBREVIATIONS),
        ("LOWERCASE_SOURCES", LOWERCASE_SOURCES),
        ("WHOLE_WORD_ENDINGS", WHOLE_WORD_ENDINGS),
        ("TITLE_STOPWORDS", TITLE_STOPWORDS),
        ("LATIN_ENDINGS", LATIN_ENDINGS),
        ("ABSTRACT_NAMES", ABSTRACT_NAMES),
        ("SECTION_NAMES", SECTION_NAMES),
        ("ABSTRACT_LABELS", ABSTRACT_LABELS),
        ("FIELD_MONTHS", FIELD_MONTHS),
        ("EDITOR_MARKS", EDITOR_MARKS),
        ("PAGE_MARKS", PAGE_MARKS),
        ("VOLUME_MARKS", VOLUME_MARKS),
        ("ISSUE_MARKS", ISSUE_MARKS),
        ("EDITION_MARKS", EDITION_MARKS),
        ("PUBLISHER_WORDS", PUBLISHER_WORDS),
        ("JOURNAL_WORDS", JOURNAL_WORDS),
        ("PLACE_NAMES", PLACE_NAMES),
        ("MORE_PLACE_NAMES", MORE_PLACE_NAMES),
        ("GENRE_WORDS", GENRE_WORDS),
        ("LINK_WORDS", LINK_WORDS),
    ];

    #[test]
    fn every_list_is_sorted_and_unique() {
        for (name, list) in LISTS {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} before {:?}", w[0], w[1]);
            }
            assert!(!list.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn look_ups_compare_as_documented() {
        assert!(is_particle("van") && !is_particle("Van"));
        assert!(is_reference_particle("Van") && is_reference_particle("bin"));
        assert!(is_month("march") && is_not_name("march") && is_not_name("figure"));
        assert!(is_name_and("&") && is_name_and("und") && !is_name_and("or"));
        assert!(has_latin_ending("brasiliensis") && !has_latin_ending("smith"));
        assert!(is_place_name("berlin") && !is_place_name("Berlin"));
        assert!(is_place_name("ottawa") && is_place_name("bogotá"));
        assert!(is_publisher_word("springer") && !is_publisher_word("berlin"));
    }

    #[test]
    fn alternations_put_longer_words_first() {
        assert_eq!(alternation(&["de", "del", "a.b"]), r"(?:a\.b|del|de)");
        let re = regex::Regex::new(&format!("^{}$", alternation(SECTION_NAMES))).unwrap();
        assert!(re.is_match("materials") && re.is_match("final remarks"));
    }
}
