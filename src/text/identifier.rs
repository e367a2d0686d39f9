//! Links and DOIs that a line break or a stray space cut in two.
//!
//! PDF typesetting breaks a long URL or DOI at a slash, a period or a
//! hyphen without adding a hyphen, and text extraction turns the break into
//! a line end or a space: `https://doi.org/10.1016/j.` + `envres.2019.03`.
//! Read as two words, the first half is a truncated identifier and the
//! second a stray token (or, in a reference list, a new entry). Only a
//! link that ends in such punctuation can go on. Its second half is told
//! from the next word of prose or the next entry by its shape: it starts
//! in lower case or with a digit (or is a capitalised code with digits and
//! no lower case, "BF02105068"), holds a digit or link punctuation, uses
//! only the characters links use, and does not end in a comma, as a name
//! does.

/// Whether `chunk` (a run without white space) is a link or an identifier:
/// "https://…", "www.…", "doi:…", "arXiv:…" or a bare DOI "10.1234/…".
pub fn is_link(chunk: &str) -> bool {
    let lower = chunk.trim_start_matches(['(', '[', '<']);
    let starts = |p: &str| {
        lower
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    starts("http")
        || starts("www.")
        || starts("doi:")
        || starts("arxiv:")
        || chunk.contains("://")
        || doi_like(lower)
}

/// "10.1234/…".
fn doi_like(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("10.") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits >= 4 && rest.as_bytes().get(digits) == Some(&b'/')
}

/// How far back the last word of a text is looked for: a link is shorter,
/// and a bound keeps joining many lines without spaces linear.
const MAX_LINK: usize = 512;

/// The last word of `text`, if it ends within [`MAX_LINK`] bytes.
fn last_word(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let from = super::ceil_boundary(t, t.len().saturating_sub(MAX_LINK));
    let tail = &t[from..];
    // The space may be wider than a byte (an em space from a PDF).
    match tail.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        Some((i, c)) => Some(&tail[i + c.len_utf8()..]),
        None if from == 0 => Some(tail),
        None => None,
    }
}

/// Whether `word` can be the second half of a cut link.
fn continues(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    let link_char = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+;=%".contains(c);
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    let has_mark = word[first.len_utf8()..]
        .trim_end_matches(['.', ')', ']'])
        .contains(['.', '/', '-', '_', '=', '%', '?', '&']);
    let opens = first.is_ascii_lowercase()
        || first.is_ascii_digit()
        || (first.is_ascii_uppercase() && has_digit && !word.contains(|c: char| c.is_lowercase()));
    // A link of its own ("https://…") starts anew; a bare DOI may be the
    // rest of "https://doi.org/".
    let own_link = is_link(word) && !doi_like(word);
    // A year after a finished link is the entry's date ("…/x.2. 2010.").
    let core = word.trim_end_matches(['.', ',', ';', ')']);
    let year = core.len() == 4
        && core.bytes().all(|b| b.is_ascii_digit())
        && ("1500".."2100").contains(&core);
    opens
        && !own_link
        && !year
        && (has_digit || has_mark)
        && word.chars().all(link_char)
        && !word.ends_with([',', ';'])
}

/// Whether the line break between `before` (the text so far) and `after`
/// (the next line) falls inside a link: the last word of `before` is a link
/// that can go on, and the first word of `after` reads as its rest.
pub fn cuts_link(before: &str, after: &str) -> bool {
    cut(before, after, true)
}

/// [`cuts_link`] at a line end (`line_end`) or at a space inside a line,
/// where no page number can come between the halves.
fn cut(before: &str, after: &str, line_end: bool) -> bool {
    let Some(last) = last_word(before) else {
        return false;
    };
    if !is_link(last) || last.trim_end_matches('.').ends_with([',', ';', ')', ']']) {
        return false;
    }
    // Typesetting breaks a link after its punctuation; a link that ends in
    // a letter or digit is finished, and a number after it is a page's.
    if !last.ends_with(['/', '.', '-', '_', '=', '&', '?', '#', '~', ':']) {
        return false;
    }
    let Some(word) = after.split_whitespace().next() else {
        return false;
    };
    // At a line end after a period, a short number alone is the page
    // number that follows a finished link ("…/x.5." + "285"), not its rest.
    let page_number = word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit());
    continues(word) && !(line_end && last.ends_with('.') && page_number)
}

/// `text` with the single spaces that cut a link taken out, for reading
/// identifiers out of a reference (`https://doi.org/10.1016/ j.x.2019` →
/// `https://doi.org/10.1016/j.x.2019`). A space before a word that cannot
/// go on a link stays.
pub fn rejoin_links(text: &str) -> std::borrow::Cow<'_, str> {
    // Most entries hold no link at all: one pass over the bytes, without
    // a lower-case copy, says so.
    let holds = |p: &[u8]| {
        text.as_bytes()
            .windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p))
    };
    if !text.contains("://") && !text.contains("10.") && !holds(b"www.") && !holds(b"doi:") {
        return std::borrow::Cow::Borrowed(text);
    }
    let cut_at = |i: usize| cut(&text[..i], &text[i + 1..], false);
    let spaces: Vec<usize> = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .filter(|&i| {
            text[..i].ends_with(|c: char| !c.is_whitespace())
                && text[i + 1..].starts_with(|c: char| !c.is_whitespace())
                && cut_at(i)
        })
        .collect();
    if spaces.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for i in spaces {
        out.push_str(&text[from..i]);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_word_after_a_wide_space_is_cut_on_a_char_boundary() {
        assert_eq!(last_word("pages 47\u{2003}72."), Some("72."));
        assert_eq!(last_word("one\u{a0}two "), Some("two"));
        assert_eq!(last_word("alone"), Some("alone"));
    }

    #[test]
    fn a_link_cut_at_its_punctuation_goes_on_across_the_break() {
        assert!(cuts_link(
            "see https://doi.org/10.1016/j.",
            "envres.2019.03.001"
        ));
        assert!(cuts_link("https://doi.org/10.1016/", "j.envres.2019"));
        assert!(cuts_link("https://doi.org/10.1007/", "BF02105068."));
        assert!(cuts_link("doi:10.1080/0950069.", "2019.1585"));
        assert!(cuts_link(
            "https://example.org/reports/",
            "annual-report.pdf"
        ));
        assert!(cuts_link("https://doi.org/", "10.1016/j.envres"));
    }

    #[test]
    fn the_next_entry_or_word_after_a_finished_link_stays_apart() {
        assert!(!cuts_link(
            "https://doi.org/10.1000/182.",
            "Smith, J. (2020)."
        ));
        assert!(!cuts_link("https://example.org/", "van der Berg, J."));
        assert!(!cuts_link("https://example.org/x.", "Accessed 3 May 2020."));
        assert!(!cuts_link("https://example.org/x,", "2020."));
        assert!(!cuts_link("in the journal.", "envres.2019"));
        assert!(!cuts_link("https://example.org/x", "de-la-Cruz, M."));
        assert!(!cuts_link("", "x.1"));
        assert!(!cuts_link("https://example.org/a/", "AuQ7 Warf, B."));
        assert!(!cuts_link("doi: 10.1130/2010.2465(22).", "2010."));
        assert!(!cuts_link("https://doi.org/10.1000/x.", "2010"));
        assert!(cuts_link("https://doi.org/10.1000/x.", "8953."));
        assert!(!cuts_link("https://doi.org/10.4466/j.x.76604", "285"));
        assert!(!cuts_link("https://doi.org/10.4466/j.x.76604.", "285"));
        assert!(cuts_link("https://example.org/docs/", "285"));
        assert!(!cuts_link(
            "https://doi.org/10.1/c.3",
            "https://example.org/x"
        ));
    }

    #[test]
    fn spaces_inside_a_cut_link_are_taken_out_and_others_kept() {
        assert_eq!(
            rejoin_links("Journal, 2. https://doi.org/10.1016/ j.envres.2019 Next"),
            "Journal, 2. https://doi.org/10.1016/j.envres.2019 Next"
        );
        assert_eq!(
            rejoin_links("J, 2. https://doi.org/10.9007/j.x. 4229"),
            "J, 2. https://doi.org/10.9007/j.x.4229"
        );
        let plain = "Smith, J. (2019). A title. Journal, 2, 3-4.";
        assert!(matches!(rejoin_links(plain), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_word_longer_than_a_link_is_not_searched_to_its_start() {
        let long = format!("https://{}", "a".repeat(2 * MAX_LINK));
        assert!(!cuts_link(&long, "x.1"));
        assert!(cuts_link("https://a.org/", "x.1"));
    }
}
