//! Sentence boundaries inside a paragraph.
//!
//! Scholarly prose defeats general-purpose splitters in predictable ways: a
//! citation's "et al." or "p." is not a sentence end, nor is the period of
//! an initial ("J. Smith"), nor anything inside parentheses, where a
//! citation list may hold several periods. The rules here are exactly
//! those, and they return byte ranges so claims keep their spans.

use crate::lexicon;
use std::ops::Range;

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return false;
    }
    // A single capital is an initial ("J. Smith"), not a sentence; a
    // single small letter ends one ("as in 2007a. Then") unless it is an
    // abbreviation ("c. 75").
    let lower = w.to_lowercase();
    if crate::lexicon::is_prose_abbreviation(&lower) {
        return true;
    }
    let mut chars = w.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Splits `text` into sentence byte ranges, trimmed of surrounding spaces.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: i32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            b'.' | b'!' | b'?' if depth == 0 => {
                // Include closing quotes and brackets after the mark.
                let mut end = i + 1;
                while end < bytes.len() {
                    let rest = &text[end..];
                    let c = rest.chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '\'' | '”' | '’' | ')' | '*')
                        || (c == '.' && bytes[i] != b'.')
                    {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let next = text[end..].chars().next();
                let after = text[end..].trim_start();
                // A parenthesis after a closing quote gives the quotation's
                // source and stays with it: `… end." (Smith, 2015).`
                let quoted = text[i + 1..end].contains(['"', '”', '’', '\'']);
                let boundary = next.is_some_and(char::is_whitespace)
                    && after.chars().next().is_some_and(|c| {
                        c.is_uppercase()
                            || c.is_ascii_digit()
                            || matches!(c, '"' | '“' | '‘')
                            || (c == '(' && !quoted)
                    });
                if boundary && bytes[i] == b'.' {
                    let word = text[start..i]
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or("");
                    if is_abbreviation(word) {
                        i += 1;
                        continue;
                    }
                }
                if boundary {
                    push_trimmed(text, start..end, &mut out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(r.start + lead..r.end - trail);
    }
}

/// The preset for reference entries: byte offsets just after each
/// sentence-ending mark at bracket depth 0 (the space after it is not
/// included). Entries end their parts at a period before a capital, a
/// digit or a quotation, but not after an initial or an abbreviation of
/// [`lexicon::ENTRY_ABBREVIATIONS`].
pub fn entry_bounds(s: &str) -> Vec<usize> {
    // Longest word looked at around a mark: an initial or an abbreviation
    // is far shorter, so a longer word is neither, and the scans stay
    // bounded however long the line or its runs of dots.
    const WORD: usize = 64;
    const CLOSERS: [char; 5] = ['.', '"', '”', '’', '\''];
    let mut out = Vec::new();
    let mut depth = 0i32;
    // End of the run of closing marks after the last mark looked at: every
    // mark inside one run ends at the same place, so the run is read once.
    let mut run_end = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            '.' | '?' | '!' if depth == 0 => {
                let from = i + c.len_utf8();
                if from > run_end {
                    run_end = s.len() - s[from..].trim_start_matches(CLOSERS).len();
                }
                let mut rest = s[run_end..].chars();
                let Some(after) = rest.next() else {
                    continue;
                };
                if !after.is_whitespace() {
                    continue;
                }
                let word_after = rest.as_str();
                let next = word_after.chars().next().unwrap_or(' ');
                // A capital inside the next word also starts a new part:
                // journals such as "eLife" or "mBio".
                let camel = word_after
                    .chars()
                    .take(WORD)
                    .take_while(|x| x.is_alphanumeric())
                    .any(char::is_uppercase);
                if !(next.is_uppercase()
                    || next.is_ascii_digit()
                    || camel
                    || matches!(next, '“' | '"' | '‘' | '[' | '¿' | '¡')
                    || crate::lexicon::is_lowercase_source(word_after))
                {
                    continue;
                }
                if c == '.' && short_word_before(s, i, WORD).is_some_and(initial_or_abbreviation) {
                    continue;
                }
                out.push(run_end);
            }
            _ => {}
        }
    }
    out
}

/// Whether the word before a period makes it no sentence end: an initial
/// ("J."), an abbreviation of [`lexicon::ENTRY_ABBREVIATIONS`] or a short
/// capitalised one ("U.S.").
fn initial_or_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[']);
    let initial = w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
    initial
        || lexicon::is_entry_abbreviation(&w.to_lowercase())
        || (w.contains('.')
            && w.len() <= 5
            && w.chars().filter(|c| c.is_alphabetic()).count() <= 3
            && w.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// The word that ends at byte `end` of `s` (back to the last whitespace),
/// or `None` when it is longer than `max` bytes.
fn short_word_before(s: &str, end: usize, max: usize) -> Option<&str> {
    let lo = super::ceil_boundary(s, end.saturating_sub(max + 1));
    let window = &s[lo..end];
    match window.rfind(char::is_whitespace) {
        Some(ws) => {
            let ws_len = window[ws..].chars().next().map_or(1, char::len_utf8);
            Some(&window[ws + ws_len..])
        }
        None if lo == 0 => Some(window),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading before the scans were bounded: quadratic on a long run
    /// of dots, but the meaning the bounded one must keep.
    fn entry_bounds_unbounded(s: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut depth = 0i32;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = (depth - 1).max(0),
                '.' | '?' | '!' if depth == 0 => {
                    let mut j = k + 1;
                    while j < chars.len() && matches!(chars[j].1, '.' | '"' | '”' | '’' | '\'')
                    {
                        j += 1;
                    }
                    let Some(&(_, after)) = chars.get(j) else {
                        continue;
                    };
                    if !after.is_whitespace() {
                        continue;
                    }
                    let next = chars.get(j + 1).map_or(' ', |x| x.1);
                    // A capital inside the next word also starts a new part:
                    // journals such as "eLife" or "mBio".
                    let camel = chars[j + 1..]
                        .iter()
                        .take_while(|x| x.1.is_alphanumeric())
                        .any(|x| x.1.is_uppercase());
                    if !(next.is_uppercase()
                        || next.is_ascii_digit()
                        || camel
                        || matches!(next, '“' | '"' | '‘' | '[' | '¿' | '¡'))
                    {
                        continue;
                    }
                    if c == '.' {
                        // Not after an initial or an abbreviation.
                        let word = s[..i]
                            .rsplit(|c: char| c.is_whitespace())
                            .next()
                            .unwrap_or("");
                        if initial_or_abbreviation(word) {
                            continue;
                        }
                    }
                    out.push(chars.get(j).map_or(s.len(), |x| x.0));
                }
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn bounded_entry_bounds_agree_with_the_unbounded_reading(
            s in "[aZ.?!\"”’' ()\\[\\]eL1J]{0,120}"
        ) {
            proptest::prop_assert_eq!(entry_bounds(&s), entry_bounds_unbounded(&s));
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn does_not_split_after_abbreviations_initials_or_inside_parentheses() {
        let t = "Smith et al. (2015) found it, e.g. in J. Doe's data (see Lee, 2001, p. 3. Also Kim). Then it rained.";
        assert_eq!(
            sents(t),
            [
                "Smith et al. (2015) found it, e.g. in J. Doe's data (see Lee, 2001, p. 3. Also Kim).",
                "Then it rained."
            ]
        );
    }

    #[test]
    fn small_letters_end_sentences_unless_abbreviations() {
        let t = "A genus of c. 75 species (Smith 2007a). As in 2007a. Then spp. Nov. came.";
        assert_eq!(
            sents(t),
            [
                "A genus of c. 75 species (Smith 2007a).",
                "As in 2007a.",
                "Then spp. Nov. came."
            ]
        );
    }

    #[test]
    fn splits_on_question_and_quote_endings() {
        let t = "Is it \"pragmatic.\" Yes? No.";
        assert_eq!(sents(t), ["Is it \"pragmatic.\"", "Yes?", "No."]);
    }

    #[test]
    fn a_quotations_source_stays_with_it() {
        assert_eq!(
            sents("He said \"it is so.\" (Lee, 2001, p. 8). Then more. (Kim, 2003) wrote."),
            [
                "He said \"it is so.\" (Lee, 2001, p. 8).",
                "Then more.",
                "(Kim, 2003) wrote."
            ]
        );
    }

    #[test]
    fn a_number_can_end_a_sentence() {
        assert_eq!(
            sents("Scaled from 0 to 1. Figure 1A shows it."),
            ["Scaled from 0 to 1.", "Figure 1A shows it."]
        );
    }

    #[test]
    fn lower_case_after_period_is_not_a_boundary() {
        assert_eq!(
            sents("The U.S. economy grew. Fine."),
            ["The U.S. economy grew.", "Fine."]
        );
        assert_eq!(
            sents("Brindle, etc. and more."),
            ["Brindle, etc. and more."]
        );
    }
}
