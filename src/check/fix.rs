//! Safe fixes: edits that resolve a finding without changing what the
//! author meant, and their application to the document's text.
//!
//! A fix is a list of byte-range replacements in the original input, as
//! ruff's are. Only findings whose correction is certain carry one: a
//! proof mark removed, "&" or "and" as the style wants, and a year's
//! letter that only one entry can take.

use serde::Serialize;
use std::ops::Range;

/// One replacement in the original input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte offset of the first byte replaced.
    pub byte_start: usize,
    /// Byte offset just past the last byte replaced.
    pub byte_end: usize,
    /// What replaces them.
    pub replacement: String,
}

impl Edit {
    /// Replaces `span` by `replacement`.
    pub fn new(span: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            byte_start: span.start,
            byte_end: span.end,
            replacement: replacement.into(),
        }
    }

    fn span(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }
}

/// The edits that resolve one finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, in a few words.
    pub description: String,
    /// The edits, in document order and apart.
    pub edits: Vec<Edit>,
}

/// What the safe fix of `code` does, for the codes that have one.
pub fn describe(code: super::Code) -> Option<&'static str> {
    use super::Code;
    match code {
        Code::ProofMarker => Some("the mark is removed, with one of the spaces around it"),
        Code::ParentheticalAmpersand => {
            Some("\"&\" or \"and\" as the style wants, where the citation writes the names")
        }
        Code::MissingYearSuffix => {
            Some("the year's letter, when only one entry by those authors can take it")
        }
        Code::DoiForm => Some("the DOI written as a https://doi.org/ link"),
        Code::ListAmpersand => Some("the word before the last author as the style writes it"),
        Code::PagesPrefix => Some("\"pp.\" removed before a journal article's pages"),
        Code::InitialsSpacing => Some("the initials spaced and dotted"),
        Code::NoDateForm => Some("\"no date\" written as the style writes it"),
        Code::YearForm => Some(
            "the year's parentheses and period as the style writes them (a year after the title is left to move)",
        ),
        Code::CitationOrder => {
            Some("the works cited together in APA's order, when none has a page or a prefix")
        }
        _ => None,
    }
}

/// `text` with every fix of `diags` applied, and how many fixes were.
/// Fixes whose edits overlap an earlier fix's, or fall outside the text or
/// inside a character, are left for a later pass.
pub fn apply(text: &str, diags: &[super::Diagnostic]) -> (String, usize) {
    let mut fixes: Vec<&Fix> = diags.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| f.edits.first().map_or(0, |e| e.byte_start));
    let mut edits: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut end = 0;
    for f in fixes {
        let ok = f.edits.windows(2).all(|w| w[0].byte_end <= w[1].byte_start)
            && f.edits.first().is_some_and(|e| e.byte_start >= end)
            && f.edits.iter().all(|e| {
                e.byte_start <= e.byte_end
                    && e.byte_end <= text.len()
                    && text.is_char_boundary(e.byte_start)
                    && text.is_char_boundary(e.byte_end)
            });
        if ok {
            end = f.edits.last().map_or(end, |e| e.byte_end);
            edits.extend(&f.edits);
            applied += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.byte_start]);
        out.push_str(&e.replacement);
        at = e.span().end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// The edit that removes `span` from `text` with one space next to it, so
/// that "word AuQ4 word" becomes "word word", not "word  word".
pub(super) fn remove(text: &str, span: Range<usize>) -> Edit {
    let b = text.as_bytes();
    let before = span.start.checked_sub(1).map(|k| b[k]);
    let after = b.get(span.end).copied();
    let span = match (before, after) {
        (Some(b' '), Some(b' ')) => span.start - 1..span.end,
        // Before punctuation the space before goes: "word AuQ4." → "word."
        (Some(b' '), Some(c)) if c.is_ascii_punctuation() => span.start - 1..span.end,
        (Some(b' '), None) => span.start - 1..span.end,
        (_, Some(b' ')) => span.start..span.end + 1,
        _ => span,
    };
    Edit::new(span, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Code, Diagnostic, Severity};

    fn diag(edits: Vec<Edit>) -> Diagnostic {
        Diagnostic {
            code: Code::ProofMarker,
            severity: Severity::Error,
            message: String::new(),
            span: 0..0,
            keys: Vec::new(),
            help: None,
            fix: Some(Fix {
                description: String::new(),
                edits,
            }),
        }
    }

    #[test]
    fn fixes_apply_in_order_and_overlapping_ones_wait() {
        let t = "one AuQ1 two & three";
        let d = [
            diag(vec![Edit::new(13..14, "and")]),
            diag(vec![remove(t, 4..8)]),
            diag(vec![Edit::new(6..10, "x")]),
        ];
        let (out, n) = apply(t, &d);
        assert_eq!((out.as_str(), n), ("one two and three", 2));
        assert_eq!(apply("é", &[diag(vec![Edit::new(1..2, "x")])]).1, 0);
    }

    #[test]
    fn a_removed_mark_takes_one_space_with_it() {
        for (t, span, want) in [
            ("a AuQ1 b", 2..6, "a b"),
            ("a AuQ1.", 2..6, "a."),
            ("AuQ1 b", 0..4, "b"),
            ("a AuQ1", 2..6, "a"),
        ] {
            let (out, _) = apply(t, &[diag(vec![remove(t, span)])]);
            assert_eq!(out, want);
        }
    }
}
