//! "Looks like a citation but is not": every rule that turns a shape
//! away lives here.

use super::{Cite, Form, Known};
use crate::lexicon;

pub(super) fn is_name_word(w: &str) -> bool {
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

/// A plausible author or group name: capitalised, no stop words alone,
/// not too long.
/// `known` vouches for names of any shape that the reference list holds.
pub(super) fn plausible(names: &[String], known: &Known) -> bool {
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
pub(super) fn after_binomial(before: &str) -> bool {
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

/// "Provinha do Teatro Óptico (1892)": a narrative "citation" after a
/// definite article that matches no reference names a thing and its date.
/// A linked one stays ("the Preston (1975) curve"): `linked` says whether
/// the list has the name, for that year or another.
pub fn names_a_thing(text: &str, cite: &Cite, linked: bool) -> bool {
    if cite.form != Form::Narrative || linked {
        return false;
    }
    let before = text[..cite.span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    crate::lexicon::is_article(before)
}
