//! Normalisation: clean text that still knows where every byte came from.
//!
//! PDF extraction leaves hard line breaks, hyphenated words, proof marks and
//! Markdown emphasis in the text. Every later stage wants clean text, but
//! every report must point into the *original* bytes. [`Mapped`] solves both:
//! it is a `String` plus, for each of its bytes, the offset of the original
//! byte it was copied from. Synthetic bytes (a space that replaces a line
//! break) map to the original position they stand for.

use regex::Regex;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// Text built from pieces of an original document, with a byte map back to it.
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    text: String,
    /// Set, with `text` and `runs` left empty, when the normalised text
    /// is exactly the original's `start..end` (see [`Mapped::share`]): a
    /// paragraph written on one clean line then costs no copy of itself
    /// and no map.
    shared: Option<(Arc<String>, usize)>,
    /// The map, as runs in text order. It is run-length encoded because a
    /// byte-per-byte map cost eight bytes of memory per byte of text, the
    /// largest part of a big reference list's footprint.
    runs: Vec<Run>,
    /// Original offset just past the last copied byte; the end of any span
    /// that reaches the end of the text.
    end: usize,
}

/// Bytes of the text from `start` to the next run's start that map to the
/// original from `orig`: one after another when copied, all to `orig` when
/// synthetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    start: usize,
    orig: usize,
    synthetic: bool,
}

impl Run {
    /// The one run of a text copied whole from `orig` on: the map of a
    /// shared text.
    fn whole_copy(orig: usize) -> Run {
        Run {
            start: 0,
            orig,
            synthetic: false,
        }
    }
}

/// A typesetting leftover removed while normalising, with its original span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// What was removed, as written.
    pub text: String,
    /// Its byte span in the original input.
    pub span: Range<usize>,
}

/// Equal when the text and its map are, however the text is held.
impl PartialEq for Mapped {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
            && self.end == other.end
            && self.map_runs() == other.map_runs()
    }
}

impl Eq for Mapped {}

/// Author-query marks that proofs leave in the text ("AuQ4", "AQ12").
static PROOF_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:AuQ|AQ)\d{1,3}\b").expect("valid regex"));

/// A Markdown link: `[text](target)`; group 1 is the opening bracket,
/// group 2 the text.
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\[)([^\]\n]+)\]\([^)\s]+(?:\s+\x22[^\x22]*\x22)?\)").expect("valid regex")
});

/// Markdown emphasis pairs on one line: `*word*`, `**word**`, `_word_`.
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\*{1,2})[^*\s](?:[^*\n]*?[^*\s])?(\*{1,2})|\b(_)[^_\s](?:[^_\n]*?[^_\s])?(_)\b")
        .expect("valid regex")
});

impl Mapped {
    /// An empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Gives back the room the text and its map were grown with and will
    /// not use: a document keeps one of these a paragraph or a reference.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.runs.shrink_to_fit();
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        match &self.shared {
            Some((src, start)) => src.get(*start..self.end).unwrap_or_default(),
            None => &self.text,
        }
    }

    /// Length in bytes of the normalised text.
    pub fn len(&self) -> usize {
        self.as_str().len()
    }

    /// True when nothing has been pushed.
    pub fn is_empty(&self) -> bool {
        self.as_str().is_empty()
    }

    /// Drops the text's own copy when it is, byte for byte, the run of
    /// `src` it maps to, and reads it from `src` instead. Most paragraphs
    /// of text that was not wrapped (Markdown, text extracted from Word or
    /// HTML, many plain-text files) are such a run, and the copies were
    /// as large as the input.
    pub fn share(&mut self, src: &Arc<String>) {
        if self.shared.is_some() || self.text.is_empty() {
            return;
        }
        let [run] = self.runs[..] else { return };
        if !run.synthetic
            && run.start == 0
            && self.end == run.orig + self.text.len()
            && src.get(run.orig..self.end) == Some(self.text.as_str())
        {
            self.text = String::new();
            self.runs = Vec::new();
            self.shared = Some((Arc::clone(src), run.orig));
        }
    }

    /// Takes back an own copy of a shared text before it is changed.
    fn unshare(&mut self) {
        if let Some((src, start)) = self.shared.take() {
            self.text = src.get(start..self.end).unwrap_or_default().to_string();
            self.runs = vec![Run::whole_copy(start)];
        }
    }

    /// The map as runs, however the text is held.
    fn map_runs(&self) -> std::borrow::Cow<'_, [Run]> {
        match &self.shared {
            Some((_, start)) => std::borrow::Cow::Owned(vec![Run::whole_copy(*start)]),
            None => std::borrow::Cow::Borrowed(&self.runs),
        }
    }

    /// Original offset of normalised byte `i` (`i == len()` gives the end).
    pub fn orig(&self, i: usize) -> usize {
        self.origin(i).unwrap_or(self.end)
    }

    /// The original offset of byte `i`, if the text has one.
    fn origin(&self, i: usize) -> Option<usize> {
        if i >= self.len() {
            return None;
        }
        if let Some((_, start)) = &self.shared {
            return Some(start + i);
        }
        let k = self.runs.partition_point(|r| r.start <= i).checked_sub(1)?;
        let r = self.runs[k];
        Some(if r.synthetic {
            r.orig
        } else {
            r.orig + (i - r.start)
        })
    }

    /// Maps the bytes about to be pushed, from `orig` on.
    fn extend_map(&mut self, orig: usize, synthetic: bool) {
        let start = self.text.len();
        if let Some(last) = self.runs.last()
            && !synthetic
            && !last.synthetic
            && last.orig + (start - last.start) == orig
        {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.start == start
        {
            // The last run has no bytes left (after pops): reuse it.
            *last = Run {
                start,
                orig,
                synthetic,
            };
            return;
        }
        self.runs.push(Run {
            start,
            orig,
            synthetic,
        });
    }

    /// Original byte span of the normalised span `start..end`.
    pub fn orig_span(&self, start: usize, end: usize) -> Range<usize> {
        if end <= start {
            let s = self.orig(start);
            return s..s;
        }
        let s = self.orig(start);
        let e = self.origin(end - 1).map_or(self.end, |o| o + 1);
        // A synthetic byte at the end maps to the position it stands for;
        // never report an end before the start.
        s..e.max(s)
    }

    /// Copies `src[range]` verbatim.
    pub fn push_src(&mut self, src: &str, range: Range<usize>) {
        self.unshare();
        self.end = range.end;
        if range.is_empty() {
            return;
        }
        self.extend_map(range.start, false);
        self.text.push_str(&src[range.clone()]);
        self.end = range.end;
    }

    /// Appends text that is not in the original, mapped to offset `at`.
    pub fn push_synthetic(&mut self, s: &str, at: usize) {
        self.unshare();
        if s.is_empty() {
            return;
        }
        self.extend_map(at, true);
        self.text.push_str(s);
    }

    fn pop_byte(&mut self) {
        // Only ever called on ASCII bytes we pushed ourselves.
        if self.text.pop().is_some() {
            let len = self.text.len();
            while self.runs.last().is_some_and(|r| r.start >= len) {
                self.runs.pop();
            }
        }
    }

    fn ends_with_space(&self) -> bool {
        self.text.ends_with(' ')
    }

    /// Appends one line of the original, cleaned: whitespace and control
    /// character runs fold to one space, Markdown emphasis markers and proof marks are dropped, and a
    /// word split by a proof mark ("infor- AuQ5 mal") is joined again.
    /// Removed proof marks are reported through `removed`.
    pub fn push_clean_line(&mut self, src: &str, line: Range<usize>, removed: &mut Vec<Removed>) {
        self.unshare();
        let text = &src[line.clone()];
        let base = line.start;
        let skip = skipped(text, base, removed);
        // Most lines are words and single spaces: copy them in one go, as
        // the loop below would, word by word.
        if skip.is_empty()
            && let Some(core) = plain_core(text)
        {
            if core.start > 0 && !self.text.is_empty() && !self.ends_with_space() {
                self.push_src(src, base..base + 1);
            }
            self.push_src(src, base + core.start..base + core.end);
            if core.end < text.len() {
                self.push_src(src, base + core.end..base + core.end + 1);
            }
            while self.ends_with_space() {
                self.pop_byte();
            }
            return;
        }
        // Copy runs of ordinary text in one go; stop at whitespace (folded
        // to one space) and at skipped ranges (marks, emphasis markers).
        let mut after_mark = false;
        let mut next_skip = 0;
        let mut i = 0;
        while i < text.len() {
            if let Some((r, mark)) = skip.get(next_skip)
                && r.start <= i
            {
                after_mark |= *mark;
                i = i.max(r.end);
                next_skip += 1;
                continue;
            }
            let ch = text[i..].chars().next().unwrap_or(' ');
            // A control character (NUL, a form feed) is no text: it folds
            // into the space around it, so that no output carries it.
            if ch.is_whitespace() || ch.is_control() {
                if !self.text.is_empty() && !self.ends_with_space() {
                    // A plain space is copied, which maps it as a synthetic
                    // one would and keeps the run of the map going.
                    if ch == ' ' {
                        self.push_src(src, base + i..base + i + 1);
                    } else {
                        self.push_synthetic(" ", base + i);
                    }
                }
                i += ch.len_utf8();
                continue;
            }
            if after_mark && ch.is_lowercase() {
                self.rejoin_split_word();
            }
            after_mark = false;
            let stop = skip
                .get(next_skip)
                .map_or(text.len(), |(r, _)| r.start.max(i));
            let run_end = text[i..stop]
                .find(|c: char| c.is_whitespace() || c.is_control())
                .map_or(stop, |k| i + k);
            let run_end = if run_end == i {
                i + ch.len_utf8()
            } else {
                run_end
            };
            self.push_src(src, base + i..base + run_end);
            i = run_end;
        }
        while self.ends_with_space() {
            self.pop_byte();
        }
    }

    /// "infor- AuQ5 mal": the hyphen before a proof mark only split the
    /// word, so it goes, with the space after it.
    fn rejoin_split_word(&mut self) {
        let t = self.text.trim_end_matches(' ');
        if t.ends_with('-') && t[..t.len() - 1].ends_with(|c: char| c.is_lowercase()) {
            while self.ends_with_space() {
                self.pop_byte();
            }
            self.pop_byte();
        }
    }

    /// The space that joins a line to the next one, which starts at
    /// `next`. When the text so far ends right at the line break, the space
    /// maps to the break as a copied byte would, so the map's run goes on
    /// into the next line: a hard-wrapped paragraph then needs one run, not
    /// two a line, which were 8.5 MB of a 20 MiB wrapped text. Otherwise
    /// (a CRLF break, trailing spaces) it maps to `next`, as a synthetic
    /// byte does.
    fn push_break_space(&mut self, src: &str, next: usize) {
        match next.checked_sub(1) {
            Some(nl) if self.end == nl && src.as_bytes().get(nl) == Some(&b'\n') => {
                self.extend_map(nl, false);
                self.text.push(' ');
                self.end = next;
            }
            _ => self.push_synthetic(" ", next),
        }
    }

    /// Joins a further line to the text: a line-end hyphen between two
    /// lower-case word parts is dropped ("collec-" + "ting"), otherwise one
    /// space separates the lines.
    pub fn push_joined_line(&mut self, src: &str, line: Range<usize>, removed: &mut Vec<Removed>) {
        self.unshare();
        let next = src[line.clone()].trim_start();
        // A link broken across lines goes on without a space, and a hyphen
        // at the break is its own ("…/long-" + "name").
        if !self.text.is_empty() && !super::identifier::cuts_link(&self.text, next) {
            // A line-end hyphen between letters of one case split a word
            // ("collec-" + "ting", "CHOLO-" + "DENKO"); between cases it is
            // a compound's own hyphen ("Post-" + "Communist").
            let hyphen = self.text.ends_with('-');
            let before = if hyphen {
                self.text[..self.text.len() - 1].chars().next_back()
            } else {
                None
            };
            let after = next.chars().next();
            match (hyphen, before, after) {
                (true, Some(b), Some(a)) if b.is_alphabetic() && a.is_alphabetic() => {
                    let same_case = (b.is_lowercase() && a.is_lowercase())
                        || (b.is_uppercase() && a.is_uppercase());
                    if same_case {
                        self.pop_byte();
                    }
                }
                _ => {
                    if !self.ends_with_space() {
                        self.push_break_space(src, line.start);
                    }
                }
            }
        }
        self.push_clean_line(src, line, removed);
    }
}

/// The ranges of a line that cleaning drops, in order, each marked when it
/// is a proof mark: a Markdown link's brackets and target (its text stays),
/// proof marks (reported through `removed`, with `base` added to their
/// spans) and emphasis markers.
/// The span of `text` inside its outer spaces when that is only words
/// and single spaces: no other whitespace, no control character.
fn plain_core(text: &str) -> Option<Range<usize>> {
    let start = text.len() - text.trim_start_matches(' ').len();
    let end = text.trim_end_matches(' ').len();
    let core = text.get(start..end).filter(|c| !c.is_empty())?;
    let ascii_ok = core.bytes().all(|b| b >= 0x20 && b != 0x7f);
    let plain = ascii_ok
        && !core.contains("  ")
        && (core.is_ascii()
            || !core
                .chars()
                .any(|c| c != ' ' && (c.is_whitespace() || c.is_control())));
    plain.then_some(start..end)
}

fn skipped(text: &str, base: usize, removed: &mut Vec<Removed>) -> Vec<(Range<usize>, bool)> {
    let mut skip: Vec<(Range<usize>, bool)> = Vec::new();
    // Most lines have neither marks, emphasis nor links; skip the regexes.
    if text.contains("](") {
        for c in MD_LINK.captures_iter(text) {
            if let (Some(open), Some(text_end), Some(all)) = (c.get(1), c.get(2), c.get(0)) {
                skip.push((open.range(), false));
                skip.push((text_end.end()..all.end(), false));
            }
        }
    }
    let mut marks: Vec<(Range<usize>, bool)> = Vec::new();
    if text.contains('Q') {
        for m in PROOF_MARK.find_iter(text) {
            marks.push((m.range(), true));
            removed.push(Removed {
                text: m.as_str().to_string(),
                span: base + m.start()..base + m.end(),
            });
        }
    }
    if text.contains(['*', '_']) {
        for c in EMPHASIS.captures_iter(text) {
            for g in [1, 2, 3, 4] {
                if let Some(m) = c.get(g) {
                    skip.push((m.range(), false));
                }
            }
        }
    }
    skip.extend(marks);
    skip.sort_by_key(|(r, _)| r.start);
    skip
}

/// Builds a [`Mapped`] text from a run of original lines.
pub fn join_lines(src: &str, lines: &[Range<usize>], removed: &mut Vec<Removed>) -> Mapped {
    let mut m = Mapped::new();
    // Paragraphs hold most of a document's text, and a text grown by
    // doubling, line after line, left up to half of each one unused: ask
    // once for what the lines can take, and give back what is left over.
    m.text.reserve(lines.iter().map(|l| l.len() + 1).sum());
    for l in lines {
        m.push_joined_line(src, l.clone(), removed);
    }
    m.shrink_to_fit();
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A line read by the one-go copy maps as the word-by-word loop maps
    /// it: the same line with a tab inside its trailing spaces takes the
    /// loop and must give the same text and spans.
    #[test]
    fn a_plain_line_copied_in_one_go_maps_as_the_loop_maps_it() {
        let lines = [
            "Plain words here",
            "  lead and trail  ",
            "é ñ ü words",
            "x",
            " Smith (2015).",
        ];
        for prefix in ["", "Before"] {
            for l in lines {
                let build = |line: &str| {
                    let src = format!("{prefix}\n{line}");
                    let mut m = Mapped::new();
                    let mut removed = Vec::new();
                    m.push_clean_line(&src, 0..prefix.len(), &mut removed);
                    m.push_clean_line(&src, prefix.len() + 1..src.len(), &mut removed);
                    let spans: Vec<Range<usize>> = (0..m.as_str().len())
                        .map(|k| m.orig_span(k, k + 1))
                        .collect();
                    (m.as_str().to_string(), spans)
                };
                assert!(plain_core(l).is_some(), "{l:?}");
                let slow = format!("{l} \t");
                assert!(plain_core(&slow).is_none());
                assert_eq!(build(l), build(&slow), "{l:?}");
            }
        }
        assert!(plain_core("two  spaces").is_none());
        assert!(plain_core("no\u{a0}break").is_none());
        assert!(plain_core("   ").is_none());
    }

    #[derive(Debug, Clone)]
    enum Op {
        Src(usize, usize),
        Synthetic(usize),
        Pop,
    }

    proptest! {
        /// The run-length map answers as a byte-per-byte map would.
        #[test]
        fn runs_map_as_a_byte_map_would(ops in proptest::collection::vec(prop_oneof![
            (0usize..40, 0usize..6).prop_map(|(a, n)| Op::Src(a, n)),
            (0usize..40).prop_map(Op::Synthetic),
            Just(Op::Pop),
        ], 0..40)) {
            let src = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
            let mut m = Mapped::new();
            let mut naive: Vec<usize> = Vec::new();
            let mut end = 0;
            for op in ops {
                match op {
                    Op::Src(a, n) => {
                        m.push_src(src, a..a + n);
                        naive.extend(a..a + n);
                        end = a + n;
                    }
                    Op::Synthetic(at) => {
                        m.push_synthetic(" ", at);
                        naive.push(at);
                    }
                    Op::Pop => {
                        if !m.is_empty() {
                            naive.pop();
                        }
                        m.pop_byte();
                    }
                }
            }
            prop_assert_eq!(m.len(), naive.len());
            for (i, &o) in naive.iter().enumerate() {
                prop_assert_eq!(m.orig(i), o);
            }
            prop_assert_eq!(m.orig(naive.len()), end);
        }
    }

    fn lines(src: &str) -> Vec<Range<usize>> {
        crate::input::Source::new(src).lines()
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let src = "Hello  *big*\nworld";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(m.as_str(), "Hello big world");
        let i = m.as_str().find("big").unwrap();
        let span = m.orig_span(i, i + 3);
        assert_eq!(&src[span], "big");
        let w = m.as_str().find("world").unwrap();
        assert_eq!(&src[m.orig_span(w, w + 5)], "world");
    }

    /// Hard-wrapped lines join into one run of the map: the joining space
    /// maps to the line break, and every word maps back to itself. A CRLF
    /// break or trailing spaces fall back to a synthetic space.
    #[test]
    fn wrapped_lines_join_into_one_run_that_maps_back() {
        let src = "alpha beta\ngamma delta\nepsilon";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(m.as_str(), "alpha beta gamma delta epsilon");
        assert_eq!(m.runs.len(), 1);
        assert_eq!(m.orig(10), 10);
        for w in ["beta", "gamma", "epsilon"] {
            let k = m.as_str().find(w).unwrap();
            assert_eq!(&src[m.orig_span(k, k + w.len())], w);
        }
        for src in ["alpha beta\r\ngamma delta", "alpha beta  \ngamma delta"] {
            let m = join_lines(src, &lines(src), &mut rm);
            assert_eq!(m.as_str(), "alpha beta gamma delta");
            assert_eq!(m.runs.len(), 3, "{src:?}");
            let k = m.as_str().find("gamma").unwrap();
            assert_eq!(&src[m.orig_span(k, k + 5)], "gamma");
        }
    }

    /// A line that cleaning leaves as it is reads from the original, with
    /// the same text and spans; a line that cleaning changes, or two lines
    /// joined, keep a copy of their own.
    #[test]
    fn a_clean_line_is_read_from_the_original_and_maps_as_a_copy_would() {
        let src = Arc::new("Title\nPlain words (Lee, 2001) here.\nTwo  spaces\nend".to_string());
        let all = lines(&src);
        let mut rm = Vec::new();
        let copy = join_lines(&src, &all[1..2], &mut rm);
        let mut shared = copy.clone();
        shared.share(&src);
        assert!(shared.shared.is_some() && shared.text.is_empty());
        assert_eq!(shared, copy);
        assert_eq!(shared.as_str(), "Plain words (Lee, 2001) here.");
        let k = shared.as_str().find("Lee").unwrap();
        assert_eq!(shared.orig_span(k, k + 3), copy.orig_span(k, k + 3));
        assert_eq!(&src[shared.orig_span(k, k + 3)], "Lee");
        // Changed by cleaning, or joined: not a run of the original.
        for range in [2..3, 1..3] {
            let mut m = join_lines(&src, &all[range], &mut rm);
            m.share(&src);
            assert!(m.shared.is_none(), "{:?}", m.as_str());
        }
        // Pushing onto a shared text takes a copy first.
        shared.push_synthetic("!", 0);
        assert_eq!(shared.as_str(), "Plain words (Lee, 2001) here.!");
        assert!(shared.shared.is_none());
    }

    #[test]
    fn a_link_broken_across_lines_is_joined_without_a_space() {
        let src = "at https://doi.org/10.1016/j.\nenvres.2019.03-\nx1 and\nmore";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(
            m.as_str(),
            "at https://doi.org/10.1016/j.envres.2019.03-x1 and more"
        );
        let d = m.as_str().find("envres").unwrap();
        assert_eq!(&src[m.orig_span(d, d + 6)], "envres");
    }

    #[test]
    fn joins_hyphenated_line_breaks_but_keeps_compounds_inside_lines() {
        let src = "the collec-\nting of well-known data";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(m.as_str(), "the collecting of well-known data");
    }

    #[test]
    fn removes_proof_marks_and_rejoins_split_words() {
        let src = "Between formal and infor- AuQ5 mal politics";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(m.as_str(), "Between formal and informal politics");
        assert_eq!(rm.len(), 1);
        assert_eq!(&src[rm[0].span.clone()], "AuQ5");
    }

    #[test]
    fn proof_mark_between_words_leaves_one_space() {
        let src = "E-Learning and AuQ6 e-Commerce";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(m.as_str(), "E-Learning and e-Commerce");
    }

    #[test]
    fn markdown_links_keep_their_text() {
        let src = "as [Smith (2015)](#smith2015) and [the site](https://x.org/a_b) show";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        assert_eq!(m.as_str(), "as Smith (2015) and the site show");
        let i = m.as_str().find("Smith").unwrap();
        assert_eq!(&src[m.orig_span(i, i + 12)], "Smith (2015)");
    }

    #[test]
    fn multibyte_spans_are_whole_characters() {
        let src = "Mañé-Garzón\n(1949)";
        let mut rm = Vec::new();
        let m = join_lines(src, &lines(src), &mut rm);
        let s = m.as_str().find("Garzón").unwrap();
        let span = m.orig_span(s, s + "Garzón".len());
        assert_eq!(&src[span], "Garzón");
    }
}
