//! Citations by key: natbib's and biblatex's `\cite` commands and pandoc's
//! `[@key]` syntax.
//!
//! A keyed citation names its work outright, so it is read by its syntax
//! alone, never by the evidence the author-date shapes weigh. One record
//! per key, as for typed citations: `\citep{a,b}` gives two.
//!
//! The scan is one pass over the paragraph, and every argument it reads is
//! bounded, so a paragraph of unclosed brackets stays linear.

use super::{Cite, Form};
use std::ops::Range;

/// Which syntax a keyed citation was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// A LaTeX command: `\citep[p. 3]{key}`.
    Latex,
    /// Pandoc, in brackets: `[see @key, p. 3]`.
    Bracketed,
    /// Pandoc, in the running text: `@key says`, `@key [p. 3]`. Weak
    /// evidence on its own (a handle, a mention), so it counts only in a
    /// document that also cites in brackets or whose library has the key.
    Bare,
}

/// The key part of a keyed citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed {
    /// The citation key, as written.
    pub key: String,
    /// The syntax it was written in.
    pub syntax: Syntax,
    /// Pandoc's `-@key` or `\citeyear`: the author's name is left out.
    pub suppress_author: bool,
}

/// The longest argument read (a key list, a note): past it the bracket is
/// taken as unclosed, so a stray `[` does not read to the paragraph's end.
const MAX_ARG: usize = 400;

/// natbib and biblatex commands that cite, and the form of the text they
/// print. A command that prints the author in the running text is
/// narrative; natbib's bare `\cite` is `\citet` in author-year mode.
const COMMANDS: &[(&str, Form)] = &[
    ("cite", Form::Narrative),
    ("Cite", Form::Narrative),
    ("citet", Form::Narrative),
    ("Citet", Form::Narrative),
    ("citealt", Form::Narrative),
    ("Citealt", Form::Narrative),
    ("citeauthor", Form::Narrative),
    ("Citeauthor", Form::Narrative),
    ("textcite", Form::Narrative),
    ("Textcite", Form::Narrative),
    ("textcites", Form::Narrative),
    ("Textcites", Form::Narrative),
    ("citep", Form::Parenthetical),
    ("Citep", Form::Parenthetical),
    ("citealp", Form::Parenthetical),
    ("Citealp", Form::Parenthetical),
    ("citeyear", Form::Parenthetical),
    ("citeyearpar", Form::Parenthetical),
    ("parencite", Form::Parenthetical),
    ("Parencite", Form::Parenthetical),
    ("parencites", Form::Parenthetical),
    ("Parencites", Form::Parenthetical),
    ("autocite", Form::Parenthetical),
    ("Autocite", Form::Parenthetical),
    ("autocites", Form::Parenthetical),
    ("Autocites", Form::Parenthetical),
    ("footcite", Form::Parenthetical),
    ("footcites", Form::Parenthetical),
    ("footcitetext", Form::Parenthetical),
    ("smartcite", Form::Parenthetical),
    ("Smartcite", Form::Parenthetical),
    ("supercite", Form::Parenthetical),
    ("cites", Form::Parenthetical),
    ("Cites", Form::Parenthetical),
];

/// The commands that take several `[pre][post]{keys}` groups.
fn is_multicite(name: &str) -> bool {
    name.ends_with("cites")
}

/// Finds the keyed citations of one paragraph, in order.
pub fn find(text: &str) -> Vec<Cite> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let next = match b[i] {
            b'\\' => latex(text, i, &mut out),
            b'[' => bracketed(text, i, &mut out),
            b'@' => bare(text, i, &mut out),
            _ => None,
        };
        i = next.unwrap_or(i + 1);
    }
    out
}

fn cite(span: Range<usize>, form: Form, k: Keyed) -> Cite {
    Cite {
        span,
        form,
        names: Vec::new(),
        written: String::new(),
        group_name: None,
        given: None,
        et_al: false,
        year: String::new(),
        locator: None,
        prefix: None,
        keyed: Some(Box::new(k)),
    }
}

fn non_empty(s: &str) -> Option<Box<str>> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.into())
}

/// The end (past the closer) of a group opened at `open` by `o` and closed
/// by `c`, with nesting; `None` when unclosed within [`MAX_ARG`].
fn group_end(text: &str, open: usize, o: u8, c: u8) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    for (k, &x) in b.iter().enumerate().skip(open).take(MAX_ARG) {
        if x == o {
            depth += 1;
        } else if x == c {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(k + 1);
            }
        }
    }
    None
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    while text.as_bytes().get(i).is_some_and(|c| *c == b' ') {
        i += 1;
    }
    i
}

/// `\citep*[pre][post]{a, b}`; the multicite commands repeat the groups.
fn latex(text: &str, at: usize, out: &mut Vec<Cite>) -> Option<usize> {
    let b = text.as_bytes();
    let name_end = at
        + 1
        + b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    let name = &text[at + 1..name_end];
    let form = COMMANDS.iter().find(|(n, _)| *n == name)?.1;
    let mut i = name_end;
    if b.get(i) == Some(&b'*') {
        i += 1;
    }
    let suppress_author = name.starts_with("citeyear");
    // biblatex's multicite commands open with optional (pre)(post) notes
    // for the whole list.
    if is_multicite(name) {
        for _ in 0..2 {
            let k = skip_spaces(text, i);
            if b.get(k) == Some(&b'(') {
                i = group_end(text, k, b'(', b')')?;
            }
        }
    }
    let first = out.len();
    loop {
        let mut notes: Vec<Range<usize>> = Vec::new();
        let mut k = skip_spaces(text, i);
        while notes.len() < 2 && b.get(k) == Some(&b'[') {
            let e = group_end(text, k, b'[', b']')?;
            notes.push(k + 1..e - 1);
            k = skip_spaces(text, e);
        }
        if b.get(k) != Some(&b'{') {
            break;
        }
        let e = group_end(text, k, b'{', b'}')?;
        // natbib and biblatex alike: one note is the postnote, two are the
        // prenote and the postnote.
        let (pre, post) = match notes.as_slice() {
            [post] => (None, non_empty(&text[post.clone()])),
            [pre, post] => (
                non_empty(&text[pre.clone()]),
                non_empty(&text[post.clone()]),
            ),
            _ => (None, None),
        };
        let group_first = out.len();
        let mut pos = k + 1;
        for part in text[k + 1..e - 1].split(',') {
            let lead = part.len() - part.trim_start().len();
            let key = part.trim();
            if !key.is_empty() && key != "*" {
                let s = pos + lead;
                out.push(cite(
                    s..s + key.len(),
                    form,
                    Keyed {
                        key: key.to_string(),
                        syntax: Syntax::Latex,
                        suppress_author,
                    },
                ));
            }
            pos += part.len() + 1;
        }
        // The notes belong to the group: the prenote before its first
        // key, the postnote after its last.
        if out.len() > group_first {
            out[group_first].prefix = pre;
            if let Some(last) = out.last_mut() {
                last.locator = post;
            }
        }
        i = e;
        if !is_multicite(name) {
            break;
        }
    }
    // A command citing one work is that work's citation as a whole.
    if out.len() == first + 1 {
        out[first].span = at..i;
    }
    (out.len() > first).then_some(i)
}

/// Whether `c` may continue a pandoc key (alphanumerics, `_` and the
/// internal punctuation pandoc allows).
fn key_char(c: char) -> bool {
    c.is_alphanumeric() || "_:.#$%&-+?<>~/".contains(c)
}

/// The key that starts at `at` (just past the `@`): pandoc's `@{key}` or a
/// run of key characters without trailing punctuation. Returns the key's
/// range and the end of what was read.
fn pandoc_key(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let rest = text.get(at..)?;
    if rest.starts_with('{') {
        let e = group_end(text, at, b'{', b'}')?;
        return (e - 1 > at + 1).then_some((at + 1..e - 1, e));
    }
    let first = rest.chars().next()?;
    if !(first.is_alphanumeric() || first == '_') {
        return None;
    }
    let mut end = at;
    for (k, c) in rest.char_indices() {
        if !key_char(c) || k > MAX_ARG {
            break;
        }
        end = at + k + c.len_utf8();
    }
    // Internal punctuation only: "@smith2015." ends before the period.
    while end > at && !text[..end].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
        end -= 1;
    }
    Some((at..end, end))
}

/// Whether an `@` at `at` may open a citation: not inside a word, an
/// address or a handle in a link.
fn may_open(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|p| !(p.is_alphanumeric() || "._@/\\`".contains(p)))
}

/// `[see @a, p. 3; -@b]`: every `;` part must hold a key, as pandoc asks.
fn bracketed(text: &str, at: usize, out: &mut Vec<Cite>) -> Option<usize> {
    let end = group_end(text, at, b'[', b']')?;
    let inner = at + 1..end - 1;
    if !text[inner.clone()].contains('@') {
        return None;
    }
    let mut found = Vec::new();
    let mut pos = inner.start;
    for part in text[inner.clone()].split(';') {
        let start = pos;
        pos += part.len() + 1;
        let mut key = None;
        for (k, _) in part.match_indices('@') {
            let a = start + k;
            // The key ends with its part, even in the `@{…}` form.
            if may_open(text, a)
                && let Some(r) = pandoc_key(&text[..start + part.len()], a + 1)
            {
                key = Some((a, r));
                break;
            }
        }
        let (a, (krange, kend)) = key?;
        let suppress = text[..a].ends_with('-');
        let prefix_end = if suppress { a - 1 } else { a };
        let suffix = text[kend..start + part.len()].trim_start_matches([',', ' ']);
        let lead = part.len() - part.trim_start().len();
        let trail = part.len() - part.trim_end().len();
        let mut c = cite(
            start + lead..start + part.len() - trail,
            Form::Parenthetical,
            Keyed {
                key: text[krange].to_string(),
                syntax: Syntax::Bracketed,
                suppress_author: suppress,
            },
        );
        c.prefix = non_empty(&text[start..prefix_end]);
        c.locator = non_empty(suffix);
        found.push(c);
    }
    if found.len() == 1 {
        found[0].span = at..end;
    }
    out.extend(found);
    Some(end)
}

/// `@key` in the running text, with an optional `[locator]` after it.
fn bare(text: &str, at: usize, out: &mut Vec<Cite>) -> Option<usize> {
    if !may_open(text, at) {
        return None;
    }
    let (krange, mut end) = pandoc_key(text, at + 1)?;
    let mut c = cite(
        at..end,
        Form::Narrative,
        Keyed {
            key: text[krange].to_string(),
            syntax: Syntax::Bare,
            suppress_author: false,
        },
    );
    if text[end..].starts_with(" [")
        && let Some(e) = group_end(text, end + 1, b'[', b']')
        && !text[end + 2..e - 1].contains('@')
    {
        c.locator = non_empty(&text[end + 2..e - 1]);
        end = e;
        c.span.end = e;
    }
    out.push(c);
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Key, text, prefix, locator and form of each citation found.
    type Read<'a> = (String, &'a str, Option<Box<str>>, Option<Box<str>>, Form);

    fn read(t: &str) -> Vec<Read<'_>> {
        find(t)
            .into_iter()
            .map(|c| {
                let k = c.keyed.unwrap();
                (k.key, &t[c.span], c.prefix, c.locator, c.form)
            })
            .collect()
    }

    #[test]
    fn natbib_and_biblatex_commands_with_notes_and_several_keys() {
        let t = r"As \citet[p.~5]{ames2010} and \citep[see][ch. 2]{bo2011, cy2012} show, \parencite*{dee2013}.";
        let got = read(t);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].0, "ames2010");
        assert_eq!(got[0].1, r"\citet[p.~5]{ames2010}");
        assert_eq!(got[0].3.as_deref(), Some("p.~5"));
        assert_eq!(got[0].4, Form::Narrative);
        assert_eq!((got[1].0.as_str(), got[1].1), ("bo2011", "bo2011"));
        assert_eq!(got[1].2.as_deref(), Some("see"));
        assert_eq!(got[1].3, None);
        assert_eq!(got[2].2, None);
        assert_eq!(got[2].3.as_deref(), Some("ch. 2"));
        assert_eq!(
            (got[2].0.as_str(), got[2].4),
            ("cy2012", Form::Parenthetical)
        );
        assert_eq!(got[3].1, r"\parencite*{dee2013}");
    }

    #[test]
    fn multicite_and_year_only_commands() {
        let got = read(r"\textcites(x)(y)[4]{a1}[see][]{b2} and \citeyear{c3}; \footcite{d4}");
        let keys: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(keys, ["a1", "b2", "c3", "d4"]);
        assert!(
            find(r"\citeyear{c3}")[0]
                .keyed
                .as_ref()
                .unwrap()
                .suppress_author
        );
        // Not citing commands, and an unclosed group.
        assert!(find(r"\section{Intro} \nocite{*} \citep{unclosed").is_empty());
    }

    #[test]
    fn pandoc_brackets_bare_keys_and_suppressed_authors() {
        let t =
            "Trees [see @ames2010, pp. 3-4; -@bo_2011] grow. @cy:2012 [p. 7] says so, as @dee2013.";
        let got = read(t);
        let keys: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(keys, ["ames2010", "bo_2011", "cy:2012", "dee2013"]);
        assert_eq!(got[0].2.as_deref(), Some("see"));
        assert_eq!(got[0].3.as_deref(), Some("pp. 3-4"));
        assert_eq!(got[1].1, "-@bo_2011");
        let c = find(t);
        assert!(c[1].keyed.as_ref().unwrap().suppress_author);
        assert_eq!(c[2].keyed.as_ref().unwrap().syntax, Syntax::Bare);
        assert_eq!(got[2].1, "@cy:2012 [p. 7]");
        assert_eq!(got[2].3.as_deref(), Some("p. 7"));
        assert_eq!(got[3].1, "@dee2013");
        assert_eq!(read("[@{odd key}]")[0].0, "odd key");
        assert_eq!(read("[@one]")[0].1, "[@one]");
    }

    #[test]
    fn addresses_handles_and_plain_brackets_are_not_citations() {
        for t in [
            "Write to someone@example.org today.",
            "See https://example.org/@handle for it.",
            "A list [one; two] and [an @ sign; here] and `@code`.",
            "Values [1, 2] and [@] and [@;@]",
        ] {
            assert!(find(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn any_text_is_read_without_panic() {
        for t in [
            "\\",
            "\\cite",
            "\\citep[",
            "[@",
            "@",
            "[-@",
            "@{",
            "\\cites(",
            "é@é [@é]",
        ] {
            let _ = find(t);
        }
    }
}
