//! Documents that carry their structure: Word, OpenDocument, HTML, LaTeX
//! and JATS. Each reader turns its file into Markdown text, a `#` heading
//! per heading at its level and a paragraph per paragraph, so that the
//! rest of the pipeline reads it the one way it reads Markdown. Spans then
//! point into that extracted text (`citemap extract` prints it), and the
//! paragraph numbers let a finding be found in the original.

use std::io::Read;
use std::path::Path;

use super::Format;

/// The kind of file a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text, typically extracted from a PDF.
    Text,
    /// Markdown.
    Markdown,
    /// Word (`.docx`, Office Open XML).
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// HTML.
    Html,
    /// LaTeX.
    Latex,
    /// JATS XML (journal articles).
    Jats,
}

impl Kind {
    /// The kind a file name says, by its extension.
    pub fn from_path(p: &Path) -> Option<Kind> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "docx" | "docm" | "dotx" => Kind::Docx,
            "odt" | "ott" => Kind::Odt,
            "html" | "htm" | "xhtml" => Kind::Html,
            "tex" | "latex" | "ltx" => Kind::Latex,
            "xml" | "nxml" | "jats" => Kind::Jats,
            "md" | "markdown" => Kind::Markdown,
            "txt" | "text" => Kind::Text,
            _ => return None,
        })
    }

    /// The kind the bytes show: a zip's parts, an HTML or JATS root, a
    /// LaTeX preamble. Plain text (or Markdown) otherwise.
    pub fn sniff(bytes: &[u8]) -> Kind {
        if bytes.starts_with(b"PK\x03\x04") {
            let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
            return if has(b"word/document.xml") {
                Kind::Docx
            } else {
                Kind::Odt
            };
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
        let start = head.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with("<!doctype html") || start.starts_with("<html") {
            Kind::Html
        } else if start.starts_with("<?xml") || start.starts_with("<!doctype article") {
            if head.contains("<html") {
                Kind::Html
            } else {
                Kind::Jats
            }
        } else if head.contains("\\documentclass") || head.contains("\\begin{document}") {
            Kind::Latex
        } else {
            Kind::Text
        }
    }

    /// Whether the kind is a zipped package.
    pub fn zipped(self) -> bool {
        matches!(self, Kind::Docx | Kind::Odt)
    }

    /// Name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Markdown => "Markdown",
            Kind::Docx => ".docx",
            Kind::Odt => ".odt",
            Kind::Html => "HTML",
            Kind::Latex => "LaTeX",
            Kind::Jats => "JATS XML",
        }
    }
}

/// A document as the analysis reads it.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The text to analyse: the file itself for text and Markdown, the
    /// extracted Markdown for the other kinds.
    pub text: String,
    /// How to read [`Extracted::text`].
    pub format: Format,
    /// What the file was.
    pub kind: Kind,
    /// Byte offsets in `text` where each paragraph of the original starts
    /// (headings count), for the structured kinds; empty for text.
    pub paragraphs: Vec<usize>,
    /// What was left out, for the user: a LaTeX `\input` outside the
    /// document's folder, say.
    pub notes: Vec<String>,
    /// Runs of `text` that replaced bytes that were not text, when the file
    /// was read with [`crate::input::decode_lossy`].
    pub replaced: Vec<std::ops::Range<usize>>,
    /// The libraries the document names for itself (`\bibliography{}`,
    /// `\addbibresource{}`, a YAML `bibliography:`), as written.
    pub libraries: Vec<String>,
    /// A LaTeX `thebibliography`'s keys: each `\bibitem{key}` and the
    /// offset in `text` from which its entry follows, so that `\cite{key}`
    /// finds the entry the list prints.
    pub bibitems: Vec<(String, usize)>,
}

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Largest part of a zipped document that is decompressed: a zip bomb
/// stops here, not at the end of memory.
pub const MAX_PART: u64 = 64 << 20;

/// Deepest nesting a reader follows (LaTeX `\input`, Word style
/// inheritance).
pub(crate) const MAX_DEPTH: usize = 16;

/// Markdown text built a block at a time.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    text: String,
    paragraphs: Vec<usize>,
    /// LaTeX `\bibitem` keys and where their entry's text starts.
    pub(crate) bibitems: Vec<(String, usize)>,
}

impl Writer {
    /// The length of the text written so far.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    fn block(&mut self, prefix: &str, t: &str) {
        let mut words = t.split_whitespace().peekable();
        if words.peek().is_none() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.paragraphs.push(self.text.len());
        self.text.push_str(prefix);
        let mut first = true;
        for w in words {
            if !first {
                self.text.push(' ');
            }
            first = false;
            self.text.push_str(w);
        }
    }

    /// A heading at `level` (1 is the highest; deeper than 6 is 6).
    pub(crate) fn heading(&mut self, level: usize, t: &str) {
        let marks = "#".repeat(level.clamp(1, 6));
        self.block(&format!("{marks} "), t);
    }

    /// A paragraph of body text (or a reference entry).
    pub(crate) fn para(&mut self, t: &str) {
        let t = t.trim_start();
        if t.starts_with('#') {
            // Not a heading: the paragraph's own "#" is kept, after a mark
            // the Markdown reader does not take for a heading.
            self.block("\\", t);
        } else {
            self.block("", t);
        }
    }

    pub(crate) fn finish(mut self, kind: Kind, notes: Vec<String>) -> Extracted {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        Extracted {
            text: self.text,
            format: Format::Markdown,
            kind,
            paragraphs: self.paragraphs,
            notes,
            replaced: Vec::new(),
            libraries: Vec::new(),
            bibitems: self.bibitems,
        }
    }
}

/// Reads a document of `kind` from its bytes. `dir` is the folder of the
/// file, for LaTeX's `\input`; without it, nothing is followed.
pub fn extract(bytes: Vec<u8>, kind: Kind, dir: Option<&Path>) -> Result<Extracted, Unreadable> {
    match kind {
        Kind::Docx => super::docx::read(&bytes),
        Kind::Odt => super::odt::read(&bytes),
        Kind::Html => super::html::read(&text_of(bytes, kind)?),
        Kind::Jats => super::jats::read(&text_of(bytes, kind)?),
        Kind::Latex => {
            let text = text_of(bytes, kind)?;
            let mut doc = super::latex::read(&text, dir)?;
            doc.libraries = crate::library::named_in(&text);
            Ok(doc)
        }
        Kind::Text | Kind::Markdown => Ok(Extracted {
            libraries: crate::library::named_in(&text_of_ref(&bytes)),
            text: text_of(bytes, kind)?,
            format: if kind == Kind::Markdown {
                Format::Markdown
            } else {
                Format::Auto
            },
            kind,
            paragraphs: Vec::new(),
            notes: Vec::new(),
            replaced: Vec::new(),
            bibitems: Vec::new(),
        }),
    }
}

/// The start of a text file, for the names in its header: a library is
/// named in the first lines, and a file that is not text names none.
fn text_of_ref(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)])
}

fn text_of(bytes: Vec<u8>, kind: Kind) -> Result<String, Unreadable> {
    super::decode(bytes).map_err(|e| {
        Unreadable(format!(
            "{}:{}: not UTF-8 text, so not {} (save the file as UTF-8)",
            e.line,
            e.column,
            kind.name()
        ))
    })
}

/// One part of a zipped document, decompressed up to [`MAX_PART`].
/// `None` when the package has no such part.
pub(crate) fn zip_part(bytes: &[u8], name: &str, kind: Kind) -> Result<Option<String>, Unreadable> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // Office saves a password-protected .docx as a compound file, not
        // a zip; so is the old binary .doc.
        return Err(Unreadable(format!(
            "not a {} package: an encrypted (password-protected) document or an old binary .doc; save it unprotected as {}",
            kind.name(),
            kind.name()
        )));
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        Unreadable(format!(
            "not a {} package (a damaged or incomplete zip: {e})",
            kind.name()
        ))
    })?;
    let mut part = match zip.by_name(name) {
        Ok(p) => p,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(m))
            if m == zip::result::ZipError::PASSWORD_REQUIRED =>
        {
            return Err(Unreadable(format!(
                "{name} in the {} package is encrypted; save the document without a password",
                kind.name()
            )));
        }
        Err(e) => {
            return Err(Unreadable(format!(
                "cannot read {name} in the {} package: {e}",
                kind.name()
            )));
        }
    };
    if part.encrypted() {
        return Err(Unreadable(format!(
            "{name} in the {} package is encrypted; save the document without a password",
            kind.name()
        )));
    }
    let mut out = Vec::new();
    (&mut part)
        .take(MAX_PART + 1)
        .read_to_end(&mut out)
        .map_err(|e| {
            Unreadable(format!(
                "cannot decompress {name} in the {} package: {e}",
                kind.name()
            ))
        })?;
    if out.len() as u64 > MAX_PART {
        return Err(Unreadable(format!(
            "{name} in the {} package decompresses to more than {} MiB; refusing it (a zip bomb?)",
            kind.name(),
            MAX_PART >> 20
        )));
    }
    String::from_utf8(out).map(Some).map_err(|_| {
        Unreadable(format!(
            "{name} in the {} package is not UTF-8",
            kind.name()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_makes_markdown_blocks_and_counts_paragraphs() {
        let mut w = Writer::default();
        w.heading(2, "  Intro\n duction ");
        w.para("Text  (Lee, 2001).");
        w.para("   ");
        w.para("#hashtag first");
        w.heading(9, "Deep");
        let e = w.finish(Kind::Docx, Vec::new());
        assert_eq!(
            e.text,
            "## Intro duction\n\nText (Lee, 2001).\n\n\\#hashtag first\n\n###### Deep\n"
        );
        assert_eq!(e.paragraphs, [0, 18, 37, 54]);
    }

    #[test]
    fn kinds_come_from_names_and_content() {
        assert_eq!(Kind::from_path(Path::new("a/B.DOCX")), Some(Kind::Docx));
        assert_eq!(Kind::from_path(Path::new("a.tex")), Some(Kind::Latex));
        assert_eq!(Kind::from_path(Path::new("a")), None);
        assert_eq!(Kind::sniff(b"<!DOCTYPE html><p>x"), Kind::Html);
        assert_eq!(Kind::sniff(b"<?xml version=\"1.0\"?><article>"), Kind::Jats);
        assert_eq!(Kind::sniff(b"\\documentclass{article}"), Kind::Latex);
        assert_eq!(Kind::sniff(b"Intro\n\nText."), Kind::Text);
    }

    #[test]
    fn damaged_and_encrypted_packages_are_refused() {
        let e = zip_part(b"PK\x03\x04 not really", "word/document.xml", Kind::Docx);
        assert!(e.unwrap_err().0.contains("damaged"));
        let e = zip_part(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0], "x", Kind::Docx);
        assert!(e.unwrap_err().0.contains("encrypted"));
    }
}
