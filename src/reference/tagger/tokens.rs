//! Cutting a reference string into the tokens the tagger labels.
//!
//! Words split at white space, as AnyStyle's do, so a token keeps the
//! punctuation around it ("(2011).", "Smith,") and the features can read it.
//! A run that packs several fields without a space is cut further where
//! field boundaries fall in compact styles: "2001;276(5):123-130" holds a
//! year, a volume, an issue and pages. Links stay whole, because their
//! punctuation is not a boundary.

use std::ops::Range;

/// Byte ranges of the tokens of `s`, in order.
pub fn tokenize(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                cut_chunk(s, b, i, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        cut_chunk(s, b, s.len(), &mut out);
    }
    out
}

pub use crate::text::identifier::is_link;

/// Cuts the chunk `s[b..e]` (no white space) into tokens.
fn cut_chunk(s: &str, b: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let chunk = &s[b..e];
    if is_link(chunk) {
        out.push(b..e);
        return;
    }
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let mut from = 0;
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        // Cut before an opening bracket glued to a word: "24(2)".
        if matches!(c, '(' | '[') && prev.is_some_and(char::is_alphanumeric) && i > from {
            out.push(b + from..b + i);
            from = i;
        }
        let Some(next) = next else { continue };
        // Cut after a separator glued to what follows: "Smith,J.",
        // "2001;276", "(5):123", but not a thousands comma "1,000".
        let digits_both = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit();
        let after = match c {
            ',' => !digits_both,
            ';' | ':' => true,
            ')' | ']' => next.is_alphanumeric(),
            _ => false,
        };
        if after && !matches!(next, ',' | ';' | ':' | '.' | ')' | ']') {
            let end = i + c.len_utf8();
            out.push(b + from..b + end);
            from = end;
        }
    }
    if from < chunk.len() {
        out.push(b + from..e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn words_keep_their_punctuation() {
        assert_eq!(
            words("Smith, J. (2011). A title."),
            ["Smith,", "J.", "(2011).", "A", "title."]
        );
    }

    #[test]
    fn compact_numbers_are_cut_at_field_boundaries() {
        assert_eq!(
            words("Med 2001;276(5):123-130."),
            ["Med", "2001;", "276", "(5):", "123-130."]
        );
        assert_eq!(words("Smith,J. 1,000"), ["Smith,", "J.", "1,000"]);
    }

    #[test]
    fn links_stay_whole() {
        assert_eq!(
            words("See https://a.org/x,y;z doi:10.1000/a(b):c"),
            ["See", "https://a.org/x,y;z", "doi:10.1000/a(b):c"]
        );
    }

    #[test]
    fn tokens_cover_only_non_space_text() {
        for s in ["", "   ", "a", " ( ) ,,: ;", "x(y)z:w,v", "é(ü):ß"] {
            for r in tokenize(s) {
                assert!(!s[r.clone()].is_empty());
                assert!(!s[r].contains(char::is_whitespace));
            }
        }
    }
}
