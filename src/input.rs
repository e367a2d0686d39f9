//! Input: the original document and positions in it.

use std::ops::Range;

/// The kind of markup the input uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the content: Markdown when it has `#` headings.
    #[default]
    Auto,
    /// Plain text, typically extracted from a PDF.
    Text,
    /// Markdown: `#` headings, emphasis and links.
    Markdown,
}

/// The original document: its bytes and an index of where lines start.
#[derive(Debug, Clone)]
pub struct Source {
    text: String,
    line_starts: Vec<usize>,
    /// Characters before each checkpoint: `checkpoints[k]` is (byte offset,
    /// characters before it) at the first character boundary at or after
    /// `k * CHECKPOINT`. Columns on very long lines (a paragraph per line)
    /// then cost constant time, not the line's length.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl Source {
    /// Wraps a document. A UTF-8 byte-order mark is kept as part of the text
    /// so that spans stay byte offsets into the file as it is on disk.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut next = 0;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = (i / CHECKPOINT + 1) * CHECKPOINT;
            }
        }
        Source {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// Number of characters before byte offset `at` (a character boundary).
    fn chars_before(&self, at: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= at);
        match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((b, n)) => n + self.text[b..at].chars().count(),
            None => self.text[..at].chars().count(),
        }
    }

    /// The whole original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// 1-based line and column (in characters) of byte offset `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= at).max(1);
        let start = self.line_starts[line - 1];
        let mut col_end = at;
        while !self.text.is_char_boundary(col_end) {
            col_end -= 1;
        }
        let col = self.chars_before(col_end) - self.chars_before(start) + 1;
        (line, col)
    }

    /// The byte ranges of every line, without the line terminator.
    pub fn lines(&self) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.line_starts.len());
        for (i, &start) in self.line_starts.iter().enumerate() {
            let mut end = self
                .line_starts
                .get(i + 1)
                .map_or(self.text.len(), |&n| n - 1);
            if end > start && self.text.as_bytes()[end - 1] == b'\r' {
                end -= 1;
            }
            if start <= end {
                out.push(start..end);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let s = Source::new("ab\nçd e\n");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(3), (2, 1));
        // "e" is after a two-byte "ç": byte 7, character column 4.
        assert_eq!(s.line_col(7), (2, 4));
    }

    #[test]
    fn columns_on_long_lines_count_characters() {
        let line: String = "é".repeat(5000) + "x";
        let s = Source::new(format!("a\n{line}"));
        let at = s.text().rfind('x').unwrap();
        assert_eq!(s.line_col(at), (2, 5001));
        assert_eq!(s.line_col(s.text().len()), (2, 5002));
    }

    #[test]
    fn lines_strip_crlf() {
        let s = Source::new("a\r\nb");
        let ls: Vec<&str> = s.lines().into_iter().map(|r| &s.text()[r]).collect();
        assert_eq!(ls, ["a", "b"]);
    }
}
