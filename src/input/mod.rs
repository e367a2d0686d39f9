//! Input: the original document and positions in it.

use std::ops::Range;
use std::sync::Arc;

mod docx;
pub mod extract;
mod html;
mod jats;
mod latex;
mod odt;
mod xml;

pub use extract::{Extracted, Kind, Unreadable, extract};

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
    /// Shared, so that clean text that is a run of the original can point
    /// into it (see [`crate::text::Mapped::share`]).
    text: Arc<String>,
    line_starts: Vec<usize>,
    /// Characters before each checkpoint: `checkpoints[k]` is (byte offset,
    /// characters before it) at the first character boundary at or after
    /// `k * CHECKPOINT`. Columns on very long lines (a paragraph per line)
    /// then cost constant time, not the line's length.
    checkpoints: Vec<(usize, usize)>,
    /// Where each paragraph of the original file starts, for text
    /// extracted from a structured file (see [`Extracted::paragraphs`]).
    paragraphs: Vec<usize>,
}

const CHECKPOINT: usize = 4096;

impl Source {
    /// Wraps a document. A UTF-8 byte-order mark is kept as part of the text
    /// so that spans stay byte offsets into the file as it is on disk.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        let line_starts = line_starts(&text);
        let checkpoints = checkpoints(&text);
        Source {
            text: Arc::new(text),
            line_starts,
            checkpoints,
            paragraphs: Vec::new(),
        }
    }

    /// Wraps text extracted from a structured file, with the offsets
    /// where the file's paragraphs start in it.
    pub fn with_paragraphs(text: impl Into<String>, paragraphs: Vec<usize>) -> Self {
        let mut s = Source::new(text);
        s.paragraphs = paragraphs;
        s
    }

    /// The 1-based number of the original file's paragraph that holds
    /// byte `at`, for text extracted from a structured file: how a finding
    /// is found again in Word. `None` for plain text and Markdown.
    pub fn paragraph_of(&self, at: usize) -> Option<usize> {
        let k = self.paragraphs.partition_point(|&p| p <= at);
        (k > 0).then_some(k)
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

    /// The whole original text, for values that keep a run of it.
    pub fn shared(&self) -> &Arc<String> {
        &self.text
    }

    /// 1-based line and column (in characters) of byte offset `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= at).max(1);
        let start = self.line_starts[line - 1];
        let col_end = crate::text::floor_boundary(&self.text, at);
        let col = self.chars_before(col_end) - self.chars_before(start) + 1;
        (line, col)
    }

    /// The byte range of the line that holds byte `at`, without its
    /// terminator, and its 1-based number.
    pub fn line_of(&self, at: usize) -> (Range<usize>, usize) {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= at).max(1);
        let start = self.line_starts[line - 1];
        let bytes = self.text.as_bytes();
        let mut end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&n| n - 1);
        if end > start && end < bytes.len() && bytes[end] == b'\n' && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        (start..end.max(start), line)
    }

    /// The byte ranges of every line, without the line terminator.
    pub fn lines(&self) -> Vec<Range<usize>> {
        line_ranges(&self.text, &self.line_starts)
    }
}

/// Where decoding stopped: the first position that is not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Decodes a file's bytes: UTF-8 (a byte-order mark is kept, so that spans
/// stay offsets into the file), or UTF-16 after its byte-order mark. The
/// error names the line and column of the first byte that is not text.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotText> {
    if let Some(chars) = utf16_chars(&bytes) {
        let mut out = String::with_capacity(bytes.len() / 2);
        for ch in chars {
            match ch {
                Some(c) => out.push(c),
                None => return Err(position(&out, out.len())),
            }
        }
        return Ok(out);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        // The prefix is valid UTF-8 by construction.
        let text = String::from_utf8_lossy(&bytes[..valid]);
        position(&text, valid)
    })
}

/// The characters of a file that starts with a UTF-16 byte-order mark, or
/// `None` for any other file. `None` items are not characters: an unpaired
/// surrogate, or a final odd byte (half a unit).
fn utf16_chars(bytes: &[u8]) -> Option<impl Iterator<Item = Option<char>> + '_> {
    let be = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => false,
        Some([0xFE, 0xFF]) => true,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(move |c| {
        if be {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let odd = (bytes.len() % 2 == 1).then_some(None);
    Some(char::decode_utf16(units).map(Result::ok).chain(odd))
}

/// Decodes like [`decode`], but never fails: in UTF-8 each byte that is
/// not part of a character becomes `?`, one byte for one byte, so every
/// span still points at the same place in the file; in UTF-16 an unpaired
/// half becomes U+FFFD. Returns the text and, in it, the runs replaced.
pub fn decode_lossy(bytes: Vec<u8>) -> (String, Vec<Range<usize>>) {
    let mut replaced: Vec<Range<usize>> = Vec::new();
    let mut note = |r: Range<usize>| match replaced.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => replaced.push(r),
    };
    if let Some(chars) = utf16_chars(&bytes) {
        let mut out = String::with_capacity(bytes.len() / 2);
        for ch in chars {
            let at = out.len();
            out.push(ch.unwrap_or(char::REPLACEMENT_CHARACTER));
            if ch.is_none() {
                note(at..out.len());
            }
        }
        return (out, replaced);
    }
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        let bad = chunk.invalid();
        if !bad.is_empty() {
            let at = out.len();
            out.extend(std::iter::repeat_n('?', bad.len()));
            note(at..out.len());
        }
    }
    (out, replaced)
}

/// The line and column of byte `at` of `text`.
fn position(text: &str, at: usize) -> NotText {
    let s = Source::new(&text[..at.min(text.len())]);
    let (line, column) = s.line_col(at);
    NotText { line, column }
}

/// Where the lines of `text` start. A line ends at LF, CRLF or a lone CR
/// (old Mac files and some PDF extractors), in any mix.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    // memchr's vector search: a byte-at-a-time loop was 2% of a run.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

/// `(byte, characters before it)` at the first character boundary at or
/// after each multiple of [`CHECKPOINT`]. Each stretch is counted with
/// `chars().count()`, which is vectorised; walking `char_indices` cost a
/// dozen instructions a byte.
fn checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / CHECKPOINT + 1);
    let (mut at, mut chars) = (0, 0);
    while at < text.len() {
        out.push((at, chars));
        // The end of the text is a boundary, so this stops there.
        let mut next = ((at / CHECKPOINT + 1) * CHECKPOINT).min(text.len());
        while !text.is_char_boundary(next) {
            next += 1;
        }
        chars += text[at..next].chars().count();
        at = next;
    }
    out
}

/// The lines of `text` from their starts, without their terminators.
fn line_ranges(text: &str, starts: &[usize]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let mut end = starts.get(i + 1).map_or(text.len(), |&n| n - 1);
        if end > start && end < bytes.len() && bytes[end] == b'\n' && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        if start <= end {
            out.push(start..end);
        }
    }
    out
}

/// The byte ranges of the lines of `text`, without their terminators (LF,
/// CRLF or CR); a final terminator does not start another line.
pub fn lines_of(text: &str) -> Vec<Range<usize>> {
    let mut lines = line_ranges(text, &line_starts(text));
    if lines.last().is_some_and(|l| l.start == text.len()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_of_extracted_text_are_numbered_from_one() {
        let s = Source::with_paragraphs("# A\n\nText.\n", vec![0, 5]);
        assert_eq!(s.paragraph_of(2), Some(1));
        assert_eq!(s.paragraph_of(7), Some(2));
        assert_eq!(Source::new("x").paragraph_of(0), None);
    }

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

    #[test]
    fn decoding_names_the_first_bad_byte_and_reads_utf16() {
        assert_eq!(
            decode(b"ab\ncd\xFFe".to_vec()),
            Err(NotText { line: 2, column: 3 })
        );
        assert_eq!(decode("é\n".as_bytes().to_vec()).as_deref(), Ok("é\n"));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Lee (2001)".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(le).as_deref(), Ok("Lee (2001)"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(be).as_deref(), Ok("ok"));
        // A lone surrogate is not text.
        assert!(decode(vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).is_err());
    }

    #[test]
    fn lossy_decoding_keeps_every_offset_and_says_what_it_replaced() {
        let (text, replaced) = decode_lossy(b"ab\xFF\xFEc\xC3\xA9d\xE2\x80".to_vec());
        assert_eq!(text, "ab??céd??");
        assert_eq!(replaced, [2..4, 8..10]);
        assert_eq!(text.len(), 10);
        let (text, replaced) = decode_lossy(vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]);
        assert_eq!(text, "\u{FFFD}A");
        assert_eq!(replaced, vec![Range { start: 0, end: 3 }]);
        assert_eq!(decode_lossy(b"fine".to_vec()), ("fine".to_string(), vec![]));
    }

    proptest::proptest! {
        #[test]
        fn lossy_decoding_is_decoding_where_that_succeeds_and_keeps_the_length(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)
        ) {
            let (text, replaced) = decode_lossy(bytes.clone());
            let utf16 = matches!(bytes.get(..2), Some([0xFF, 0xFE] | [0xFE, 0xFF]));
            match decode(bytes.clone()) {
                Ok(t) => {
                    proptest::prop_assert_eq!(&text, &t);
                    proptest::prop_assert!(replaced.is_empty());
                }
                Err(_) => proptest::prop_assert!(!replaced.is_empty()),
            }
            if !utf16 {
                proptest::prop_assert_eq!(text.len(), bytes.len());
            }
        }
    }

    proptest::proptest! {
        /// Lines and columns from the indexes (line starts found by a
        /// vector search, characters counted per checkpoint stretch) are
        /// those of a plain walk over the text, however line ends mix
        /// and wherever a wide character straddles a checkpoint.
        #[test]
        fn line_and_column_are_those_of_a_plain_walk(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "é", "€", "𝄞", "\n", "\r", "\r\n", " "]),
                0..40,
            ),
            pad in 0usize..3,
            wide in 0usize..2,
        ) {
            // Runs of wide characters long enough to cross checkpoints.
            let mut text = "é".repeat(pad * 1500) + &"𝄞".repeat(wide * 1100);
            text.extend(parts);
            let s = Source::new(text.clone());
            let (mut line, mut col) = (1, 1);
            let b = text.as_bytes();
            for (i, c) in text.char_indices() {
                proptest::prop_assert_eq!(s.line_col(i), (line, col), "at byte {}", i);
                let ends = c == '\n' || (c == '\r' && b.get(i + 1) != Some(&b'\n'));
                if ends {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
            }
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let s = Source::new("a\rb\r\nc\nd\r\re\r");
        let ls: Vec<&str> = s.lines().into_iter().map(|r| &s.text()[r]).collect();
        assert_eq!(ls, ["a", "b", "c", "d", "", "e", ""]);
        assert_eq!(s.line_col(2), (2, 1));
        assert_eq!(lines_of("x\ry\r"), [0..1, 2..3]);
    }
}
