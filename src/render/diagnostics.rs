//! `check` findings as text for people (like rustc or ruff), as JSON, and
//! as SARIF 2.1.0 for code-scanning tools.

use crate::check::{CODES, Diagnostic, Severity};
use crate::input::Source;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde::Serialize;
use serde_json::json;
use std::io::{self, Write};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// Writes findings for people, like rustc: code, message,
/// `file:line:column` and the source line with the span marked. Long lines
/// (a paragraph per line is common) are cut around the span. `color` adds
/// ANSI colours.
pub fn human<W: Write>(
    diags: &[Diagnostic],
    source: &Source,
    name: &str,
    color: bool,
    mut w: W,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(100);
    let text = source.text();
    for d in diags {
        let mut notes: Vec<String> = (!d.keys.is_empty())
            .then(|| format!("references: {}", d.keys.join(", ")))
            .into_iter()
            .collect();
        if let Some(p) = source.paragraph_of(d.span.start) {
            notes.push(format!(
                "paragraph {p} of the original document (lines are those of `citemap extract`)"
            ));
        }
        // An empty span still needs a character to point at.
        let mut span = d.span.clone();
        if span.is_empty() && span.end < text.len() {
            span.end += text[span.end..].chars().next().map_or(0, char::len_utf8);
        }
        // Only the lines of the finding go to the renderer, so that the
        // output costs the findings' lines, not the document once each.
        let (first, line) = source.line_of(span.start);
        let (last, _) = source.line_of(span.end.max(span.start + 1) - 1);
        let lines = first.start..last.end.max(span.end).min(text.len());
        let local = span.start - lines.start..span.end.min(lines.end) - lines.start;
        let mut title = level(d.severity)
            .primary_title(d.message.as_str())
            .id(d.code.name())
            .element(
                Snippet::source(&text[lines])
                    .line_start(line)
                    .path(name)
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(local)),
            );
        for n in &notes {
            title = title.element(Level::NOTE.message(n.as_str()));
        }
        if let Some(h) = &d.help {
            title = title.element(Level::HELP.message(h.as_str()));
        }
        writeln!(w, "{}\n", renderer.render(&[title]))?;
    }
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    writeln!(
        w,
        "{} errors, {} warnings, {} notes",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    )
}

/// One finding in the JSON output.
#[derive(Debug, Serialize)]
pub struct DiagnosticOut<'a> {
    /// Stable code.
    pub code: &'a str,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// What is wrong.
    pub message: &'a str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Paragraph of the original file (Word, OpenDocument, HTML, LaTeX,
    /// JATS); line and column are then those of the extracted text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Byte offset of the span's start in the original input.
    pub byte_start: usize,
    /// Byte offset just past the span.
    pub byte_end: usize,
    /// Keys of the references involved.
    pub keys: &'a [String],
    /// A suggestion, when there is one.
    pub help: Option<&'a str>,
}

/// The findings as a JSON array.
pub fn json<W: Write>(diags: &[Diagnostic], source: &Source, mut w: W) -> io::Result<()> {
    let out: Vec<DiagnosticOut<'_>> = diags
        .iter()
        .map(|d| {
            let (line, column) = source.line_col(d.span.start);
            DiagnosticOut {
                code: d.code.name(),
                severity: d.severity,
                message: &d.message,
                line,
                column,
                paragraph: source.paragraph_of(d.span.start),
                byte_start: d.span.start,
                byte_end: d.span.end,
                keys: &d.keys,
                help: d.help.as_deref(),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut w, &out).map_err(io::Error::other)?;
    writeln!(w)
}

/// The findings as a SARIF 2.1.0 log with one run. `uri` names the
/// document as code-scanning tools should show it (a relative path).
pub fn sarif<W: Write>(
    diags: &[Diagnostic],
    source: &Source,
    uri: &str,
    mut w: W,
) -> io::Result<()> {
    let rules: Vec<serde_json::Value> = CODES
        .iter()
        .map(|c| {
            json!({
                "id": c.name,
                "shortDescription": {"text": c.summary},
                "defaultConfiguration": {"level": c.severity.as_str()},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let (sl, sc) = source.line_col(d.span.start);
            let (el, ec) = source.line_col(d.span.end);
            let rule_index = d.code as usize;
            let mut text = d.message.clone();
            if let Some(h) = &d.help {
                text.push_str(&format!(" ({h})"));
            }
            json!({
                "ruleId": d.code.name(),
                "ruleIndex": rule_index,
                "level": d.severity.as_str(),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": sl, "startColumn": sc,
                            "endLine": el, "endColumn": ec,
                            "byteOffset": d.span.start,
                            "byteLength": d.span.end - d.span.start,
                        }
                    }
                }],
                "properties": {"keys": d.keys},
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "citemap",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": uri}, "length": source.text().len()}],
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut w, &log).map_err(io::Error::other)?;
    writeln!(w)
}
