//! The `analyze` JSON: the stable contract other tools read.
//!
//! Schema version [`SCHEMA`]. Fields are only ever added within a version.

use crate::analysis::{Analysis, Citation};
use crate::link::Match;
use crate::reference::{Name, Reference};
use serde::Serialize;
use std::io::Write;

/// Version of the JSON schema written by [`write()`].
pub const SCHEMA: u32 = 1;

/// A dimension in the JSON output.
#[derive(Debug, Serialize)]
pub struct DimensionOut<'a> {
    /// Stable identifier.
    pub id: &'a str,
    /// Heading as written.
    pub heading: &'a str,
    /// 1-based line of the heading.
    pub line: usize,
    /// Byte offset of the heading.
    pub byte_start: usize,
}

/// A problem in the JSON output.
#[derive(Debug, Serialize)]
pub struct ProblemOut<'a> {
    /// Stable code.
    pub code: &'a str,
    /// Explanation.
    pub message: &'a str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Byte span start.
    pub byte_start: usize,
    /// Byte span end.
    pub byte_end: usize,
}

/// A reference in the JSON output: its fields, where it stands, and what
/// is wrong with it.
#[derive(Debug, Serialize)]
pub struct ReferenceOut<'a> {
    /// The parsed fields, key and type first.
    #[serde(flatten)]
    pub fields: FieldsOut<'a>,
    /// 1-based line where it starts.
    pub line: usize,
    /// Byte offset of its start in the original input.
    pub byte_start: usize,
    /// Byte offset just past its end in the original input.
    pub byte_end: usize,
    /// For an entry from the author's library (a keyed citation's), the
    /// library file; `line` and the byte offsets are then in that file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// The entry as written, cleaned of line breaks and proof marks.
    pub raw: &'a str,
    /// The author list was cut short ("et al.", an ellipsis).
    pub authors_truncated: bool,
    /// Access date, as written.
    pub urldate: Option<&'a str>,
    /// Chapter number.
    pub chapter: Option<&'a str>,
    /// Problems found in the entry.
    pub problems: Vec<ProblemOut<'a>>,
}

/// A citation in the JSON output.
#[derive(Debug, Serialize)]
pub struct CitationOut<'a> {
    /// The citation as written (one cited work).
    pub text: &'a str,
    /// Byte offset of its start in the original input.
    pub byte_start: usize,
    /// Byte offset just past its end in the original input.
    pub byte_end: usize,
    /// 1-based line where it starts.
    pub line: usize,
    /// 1-based column (characters) of its start.
    pub column: usize,
    /// `parenthetical` or `narrative`.
    pub form: crate::citation::Form,
    /// Cited names (family names or organisations).
    pub names: &'a [String],
    /// "et al." follows the names.
    pub et_al: bool,
    /// Year as written, with suffix ("2015a"), or "n.d." / "in press".
    pub year: &'a str,
    /// Page or other locator.
    pub locator: Option<&'a str>,
    /// Prefix such as "see" or "e.g.".
    pub prefix: Option<&'a str>,
    /// Citation key, unique in the document.
    pub key: Option<&'a str>,
    /// How it was linked: `exact`, `fuzzy` or `none`.
    #[serde(rename = "match")]
    pub how: &'static str,
    /// Why a match is fuzzy, or why there is none.
    pub match_reason: Option<String>,
    /// Id of the dimension it sits in; null in front matter.
    pub dimension: Option<&'a str>,
    /// The sentence it supports, as clean text.
    pub claim: &'a str,
    /// Byte offset of the claim in the original input.
    pub claim_byte_start: usize,
    /// Byte offset just past the claim.
    pub claim_byte_end: usize,
}

/// The whole JSON document.
#[derive(Debug, Serialize)]
pub struct AnalysisOut<'a> {
    /// Schema version, [`SCHEMA`].
    pub schema: u32,
    /// Top-level sections, in order.
    pub dimensions: Vec<DimensionOut<'a>>,
    /// The reference list, in order.
    pub references: Vec<ReferenceOut<'a>>,
    /// In-text citations, in document order.
    pub citations: Vec<CitationOut<'a>>,
}

fn reference_out<'a>(a: &'a Analysis, r: &'a Reference) -> ReferenceOut<'a> {
    ReferenceOut {
        fields: fields_out(r),
        line: r
            .origin
            .as_ref()
            .map_or_else(|| a.source.line_col(r.span.start).0, |o| o.line),
        byte_start: r.span.start,
        byte_end: r.span.end,
        file: r.origin.as_ref().map(|o| &*o.path),
        raw: r.text.as_str(),
        authors_truncated: r.authors_truncated,
        urldate: r.urldate.as_deref(),
        chapter: r.chapter.as_deref(),
        problems: r
            .problems
            .iter()
            .map(|p| {
                let (line, column) = a.source.line_col(p.span.start);
                ProblemOut {
                    code: p.kind.name(),
                    message: &p.message,
                    line,
                    column,
                    byte_start: p.span.start,
                    byte_end: p.span.end,
                }
            })
            .collect(),
    }
}

fn fields_out(r: &Reference) -> FieldsOut<'_> {
    FieldsOut {
        key: &r.key,
        kind: r.kind,
        authors: &r.authors,
        editors: &r.editors,
        year: r.year.as_deref(),
        title: r.title.as_deref(),
        container: r.container.as_deref(),
        volume: r.volume.as_deref(),
        issue: r.issue.as_deref(),
        pages: r.pages.as_deref(),
        publisher: r.publisher.as_deref(),
        location: r.location.as_deref(),
        url: r.url.as_deref(),
        doi: r.doi.as_deref(),
        edition: r.edition.as_deref(),
    }
}

/// One reference's fields, without positions (for `citemap refs`).
#[derive(Debug, Serialize)]
pub struct FieldsOut<'a> {
    /// Citation key.
    pub key: &'a str,
    /// Entry type.
    #[serde(rename = "type")]
    pub kind: crate::reference::EntryType,
    /// Authors.
    pub authors: &'a [Name],
    /// Editors.
    pub editors: &'a [Name],
    /// Year as written.
    pub year: Option<&'a str>,
    /// Title.
    pub title: Option<&'a str>,
    /// Journal, book or proceedings title.
    pub container: Option<&'a str>,
    /// Volume.
    pub volume: Option<&'a str>,
    /// Issue.
    pub issue: Option<&'a str>,
    /// Pages.
    pub pages: Option<&'a str>,
    /// Publisher.
    pub publisher: Option<&'a str>,
    /// Place.
    pub location: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// DOI.
    pub doi: Option<&'a str>,
    /// Edition.
    pub edition: Option<&'a str>,
}

/// Writes references as JSON lines, one object per reference.
pub fn write_fields<W: Write>(refs: &[Reference], mut w: W) -> std::io::Result<()> {
    for r in refs {
        serde_json::to_writer(&mut w, &fields_out(r)).map_err(std::io::Error::other)?;
        writeln!(w)?;
    }
    Ok(())
}

/// Builds the serialisable view of an analysis.
pub fn view(a: &Analysis) -> AnalysisOut<'_> {
    AnalysisOut {
        schema: SCHEMA,
        dimensions: dimensions_out(a),
        references: a.references.iter().map(|r| reference_out(a, r)).collect(),
        citations: a.citations.iter().map(|c| citation_out(a, c)).collect(),
    }
}

fn dimensions_out(a: &Analysis) -> Vec<DimensionOut<'_>> {
    a.document
        .dimensions
        .iter()
        .map(|d| DimensionOut {
            id: &d.id,
            heading: &d.heading,
            line: a.source.line_col(d.span.start).0,
            byte_start: d.span.start,
        })
        .collect()
}

fn citation_out<'a>(a: &'a Analysis, c: &'a Citation) -> CitationOut<'a> {
    let how = match &c.link.how {
        Match::Exact => "exact",
        Match::Fuzzy { .. } => "fuzzy",
        Match::None { .. } => "none",
    };
    let claim_span = a.claim_span(c);
    CitationOut {
        text: a.written(c),
        byte_start: c.span.start,
        byte_end: c.span.end,
        line: c.line,
        column: c.column,
        form: c.cite.form,
        names: &c.cite.names,
        et_al: c.cite.et_al,
        year: &c.cite.year,
        locator: c.cite.locator.as_deref(),
        prefix: c.cite.prefix.as_deref(),
        key: c.link.reference.map(|i| a.references[i].key.as_str()),
        how,
        match_reason: c.link.how.reason(),
        dimension: c.dimension.map(|d| a.document.dimensions[d].id.as_str()),
        claim: a.claim(c),
        claim_byte_start: claim_span.start,
        claim_byte_end: claim_span.end,
    }
}

/// A sequence serialised as its items are made, so that writing a large
/// analysis never holds a second, serialisable copy of its lists.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// [`AnalysisOut`] with its lists made while they are written; the same
/// fields in the same order, so the same JSON.
#[derive(Serialize)]
struct AnalysisStream<'a, R, C> {
    schema: u32,
    dimensions: Vec<DimensionOut<'a>>,
    references: R,
    citations: C,
}

/// Writes the analysis as pretty JSON.
pub fn write<W: Write>(a: &Analysis, mut w: W) -> std::io::Result<()> {
    let out = AnalysisStream {
        schema: SCHEMA,
        dimensions: dimensions_out(a),
        references: Lazy(|| a.references.iter().map(|r| reference_out(a, r))),
        citations: Lazy(|| a.citations.iter().map(|c| citation_out(a, c))),
    };
    serde_json::to_writer_pretty(&mut w, &out).map_err(std::io::Error::other)?;
    writeln!(w)
}
