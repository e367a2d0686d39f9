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
}

impl Source {
    /// Wraps a document. A UTF-8 byte-order mark is kept as part of the text
    /// so that spans stay byte offsets into the file as it is on disk.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source { text, line_starts }
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
        let col = self.text[start..col_end].chars().count() + 1;
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

    /// The full original line that contains byte `at`, without terminator.
    pub fn line_text(&self, at: usize) -> &str {
        let (line, _) = self.line_col(at);
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&n| n - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
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
        assert_eq!(s.line_text(7), "çd e");
    }

    #[test]
    fn lines_strip_crlf() {
        let s = Source::new("a\r\nb");
        let ls: Vec<&str> = s.lines().into_iter().map(|r| &s.text()[r]).collect();
        assert_eq!(ls, ["a", "b"]);
    }
}
