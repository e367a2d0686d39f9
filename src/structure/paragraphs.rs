//! Paragraphs: body blocks, with the ones a page break cut in two joined
//! again.

use super::blocks::{Block, Kind, Text, block_text};
use super::headings::{leaves_bracket_open, looks_like_heading};

/// Continuation text after a page break: starts in lower case or with a
/// parenthesis that continues the sentence.
pub(super) fn continues(t: &str) -> bool {
    t.starts_with(|c: char| c.is_lowercase() || c == '(' || c == ',' || c == ';')
}

/// Whether a line leaves a clause open ("(Lee,"), so that whatever comes
/// next runs on from it.
pub(super) fn opens_clause(t: &str) -> bool {
    t.ends_with([',', '(', '&'])
}

/// Whether a line ends a sentence (closing quotes and brackets aside).
pub(super) fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*']);
    t.ends_with(['.', '!', '?', ':', '…'])
}

/// Body text: drops furniture and joins paragraphs cut by page breaks.
pub(super) fn join_page_breaks(text: &str, bs: &[Block]) -> Vec<Text> {
    let mut texts: Vec<Text> = Vec::new();
    let mut broke = false; // furniture or a wide gap since the last text
    for b in bs {
        if b.kind != Kind::Text {
            broke = true;
            continue;
        }
        let wide_gap = b.gap >= 2;
        let this = block_text(text, b);
        if let Some(prev) = texts.last_mut() {
            // Long: more than two lines, or over 100 characters in them.
            let prev_long = prev.lines.len() > 2
                || prev
                    .lines
                    .iter()
                    .map(|l| text[l.clone()].trim().chars().count() + 1)
                    .sum::<usize>()
                    > 101;
            let prev_end = prev.lines.last().map_or("", |l| text[l.clone()].trim());
            let signal = broke || wide_gap;
            let prev_open =
                !ends_sentence(prev_end) && prev.md_level.is_none() && b.md_level.is_none();
            let lines_of: Vec<&str> = b.lines.iter().map(|l| text[l.clone()].trim()).collect();
            // A bracket the paragraph left open ("supported (Agency for
            // Statistics") closes in the text after the break ("2010).").
            let unclosed = || leaves_bracket_open(prev.lines.iter().map(|l| &text[l.clone()]));
            let join = prev_open
                && ((continues(&this) && (prev_long || signal))
                    || (signal
                        && (prev_long || opens_clause(prev_end) || unclosed())
                        && !looks_like_heading(&this, &lines_of)));
            if join {
                prev.lines.extend(b.lines.iter().cloned());
                broke = false;
                continue;
            }
        }
        texts.push(Text {
            lines: b.lines.clone(),
            md_level: b.md_level,
        });
        broke = false;
    }
    texts
}
