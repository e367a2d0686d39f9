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
        // Cut before digits glued to a word: "Astronomy10", "Springer1998"
        // (not "B191" or "3458A": a word of three letters or more).
        if c.is_ascii_digit()
            && prev.is_some_and(char::is_lowercase)
            && k >= 3
            && chars[k - 3..k].iter().all(|(_, p)| p.is_alphabetic())
            && i > from
        {
            out.push(b + from..b + i);
            from = i;
        }
        let Some(next) = next else { continue };
        // Cut after a sentence's period glued to the next field:
        // "strings.JHEP", "Phys.337" (not "J.Smith" or "e.g.").
        if c == '.'
            && (next.is_uppercase() || next.is_ascii_digit())
            && k >= 2
            && chars[k - 2..k].iter().all(|(_, p)| p.is_lowercase())
        {
            let end = i + 1;
            out.push(b + from..b + end);
            from = end;
            continue;
        }
        // Cut after a separator glued to what follows: "Smith,J.",
        // "2001;276", "(5):123", "1165-74,1989", but not a thousands comma
        // "1,000".
        let digits_both = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit();
        let thousands = digits_both && {
            let run = chars[k + 1..]
                .iter()
                .take_while(|(_, d)| d.is_ascii_digit())
                .count();
            run == 3
        };
        let after = match c {
            ',' => !thousands,
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
        assert_eq!(words("1165-74,1989."), ["1165-74,", "1989."]);
    }

    #[test]
    fn fields_glued_by_lost_spaces_are_cut_apart() {
        assert_eq!(
            words("strings.JHEP Phys.337 Astronomy10 Springer1998"),
            [
                "strings.",
                "JHEP",
                "Phys.",
                "337",
                "Astronomy",
                "10",
                "Springer",
                "1998"
            ]
        );
        assert_eq!(
            words("J.Smith e.g. B191 3458A"),
            ["J.Smith", "e.g.", "B191", "3458A"]
        );
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
