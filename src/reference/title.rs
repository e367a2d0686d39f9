//! Where the title ends: a quoted title, or the first sentence end that is
//! followed by something that reads as a container.

use super::fields::URL;
use super::tail::{journal_part, read_on};
use crate::text::sentence::entry_bounds as sentence_bounds;
use regex::Regex;
use std::sync::LazyLock;

re!(
    pub(super) STRAY_NUMBER, r"^(\d{1,3})\s+(\p{Lu})");

re!(
    pub(super) VOLUME_PAREN, r"\s*\((?i:vol(?:ume)?\.?)\s*([^)]+)\)");

/// Finds where the title ends in `rest`; returns (title, tail).
pub(super) fn split_title(rest: &str, quoted_titles: bool) -> (Option<String>, String) {
    let r = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':'));
    if r.is_empty() {
        return (None, String::new());
    }
    if URL.find(r).is_some_and(|m| m.start() == 0) {
        return (None, r.to_string());
    }
    // Quoted titles (Chicago articles and chapters, Harvard chapters).
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’'), ('«', '»')] {
        if !quoted_titles {
            break;
        }
        if let Some(inner) = r.strip_prefix(open)
            && let Some(end) = find_closing(inner, open, close)
        {
            let title = inner[..end].trim().trim_end_matches([',', '.']).to_string();
            let tail = inner[end + close.len_utf8()..]
                .trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
            return (Some(title), tail.to_string());
        }
    }
    // ", in: Editor (Ed.), Book" (Elsevier's Harvard, German styles): a
    // host introduced after a comma ends the title there.
    if let Some(at) = r.find(", in: ").or_else(|| r.find(", In: "))
        && !r[..at].trim().is_empty()
    {
        return (Some(r[..at].trim().to_string()), r[at + 2..].to_string());
    }
    let bounds = sentence_bounds(r);
    // A title may hold sentences ("Demography. Broken limits to life
    // expectancy. Science, 296, 1029–1031."): end it where the tail reads
    // as a journal with a volume, when such a place exists.
    // The part after bound `k` reads as a journal, or starts a chapter's
    // "In". Each part is read up to the next bound only, so a long entry
    // costs linear time.
    // An abbreviated journal ("J. Appl. Ecol., 3") spans parts: a part
    // that ends in an abbreviated word is read on with the next, a few at
    // most.
    let strong = |k: usize| {
        let t = r[bounds[k]..].trim_start();
        if t.starts_with("In ") || t.starts_with("In: ") {
            return true;
        }
        let ends = bounds[k + 1..].iter().copied().chain([r.len()]);
        read_on(r, bounds[k], ends, |part, _| journal_part(part)).is_some()
    };
    if bounds.len() >= 2
        && !strong(0)
        && let Some(b) = (1..bounds.len()).find(|&k| strong(k)).map(|k| bounds[k])
    {
        let title = r[..b].trim().trim_end_matches('.').trim().to_string();
        return (Some(title), r[b..].trim().to_string());
    }
    for (k, &b) in bounds.iter().enumerate() {
        let mark = r[..b].chars().next_back().unwrap_or('.');
        if mark == '?' || mark == '!' {
            // A question inside a title ("Why? Evidence from …") is not its
            // end unless what follows reads as a journal or publisher.
            let next_end = bounds.get(k + 1).copied().unwrap_or(r.len());
            let chunk = r[b..next_end].trim();
            let last = k + 1 == bounds.len();
            let containerish = chunk.chars().any(|c| c.is_ascii_digit())
                || super::cues::THESIS
                    .find(r[b..].trim_start())
                    .is_some_and(|m| m.start() == 0)
                || super::cues::SOURCE_NAME.is_match(chunk)
                || chunk.starts_with("In ")
                || chunk.starts_with("in ")
                || last
                || strong(k);
            if !containerish {
                continue;
            }
        }
        let title = r[..b].trim().trim_end_matches('.').trim().to_string();
        return (
            Some(title).filter(|t| !t.is_empty()),
            r[b..].trim().to_string(),
        );
    }
    (
        Some(r.trim().trim_end_matches('.').to_string()).filter(|t| !t.is_empty()),
        String::new(),
    )
}

fn find_closing(inner: &str, open: char, close: char) -> Option<usize> {
    if open != close {
        // Nested quotes of the same kind are rare; take the last close
        // before the next sentence-like boundary after a close.
        let mut depth = 0;
        for (i, c) in inner.char_indices() {
            if c == open {
                depth += 1;
            } else if c == close {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
        }
        return None;
    }
    inner.find(close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_ends_the_title_before_a_preprint_server() {
        let (title, tail) = split_title("A first title on soil? medRxiv. 190–203.", false);
        assert_eq!(title.as_deref(), Some("A first title on soil?"));
        assert_eq!(tail, "medRxiv. 190–203.");
        // A question followed by more of the title stays in it.
        let (title, _) = split_title("Why? Evidence from soil. Soil Rev, 3, 1–2.", false);
        assert_eq!(title.as_deref(), Some("Why? Evidence from soil"));
    }
}
