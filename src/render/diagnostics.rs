//! `check` findings as text for people (like rustc or ruff), one line each
//! (concise), as JSON, as SARIF 2.1.0 for code-scanning tools, as GitHub
//! workflow commands, and as JUnit XML for CI test reports.

use crate::check::{CODES, Diagnostic, Severity, key_list};
use crate::input::Source;
use crate::text::{ceil_boundary, floor_boundary};
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
            .then(|| format!("references: {}", key_list(&d.keys)))
            .into_iter()
            .collect();
        if let Some(p) = source.paragraph_of(d.span.start) {
            notes.push(format!(
                "paragraph {p} of the original document (lines are those of `citemap extract`)"
            ));
        }
        // A span is marked by whole characters: one that ends inside a
        // character (from text folded on the way in) is widened to it.
        let mut span = floor_boundary(text, d.span.start)..ceil_boundary(text, d.span.end);
        span.end = span.end.max(span.start);
        // An empty span still needs a character to point at.
        if span.is_empty() && span.end < text.len() {
            span.end += text[span.end..].chars().next().map_or(0, char::len_utf8);
        }
        // Only the lines of the finding go to the renderer, so that the
        // output costs the findings' lines, not the document once each.
        let (first, line) = source.line_of(span.start);
        let (last, _) = source.line_of(span.end.max(span.start + 1) - 1);
        let lines = first.start..last.end.max(span.end).min(text.len());
        // A paragraph-per-line document can have lines of megabytes, and the
        // renderer reads the whole line each time; past a bound only a
        // window around the span is shown.
        let windowed = lines.len() > WINDOW_LIMIT;
        let lines = if windowed {
            window(text, lines, &span)
        } else {
            lines
        };
        let local = span.start - lines.start..span.end.min(lines.end) - lines.start;
        let mut title = level(d.severity)
            .primary_title(d.message.as_str())
            .id(d.code.name())
            .element(
                Snippet::source(&text[lines.clone()])
                    .line_start(line)
                    .path(name)
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(local.clone())),
            );
        for n in &notes {
            title = title.element(Level::NOTE.message(n.as_str()));
        }
        if let Some(h) = &d.help {
            title = title.element(Level::HELP.message(h.as_str()));
        }
        let mut out = renderer.render(&[title]);
        if windowed {
            // The renderer counts the column from the window's start; the
            // location line after the title gets the column in the line.
            let (_, column) = source.line_col(span.start);
            let local_column = text[lines.start..span.start].chars().count() + 1;
            let after_title = out.find('\n').map_or(out.len(), |i| i + 1);
            let (head, tail) = out.split_at(after_title);
            out = format!(
                "{head}{}",
                tail.replacen(
                    &format!("{name}:{line}:{local_column}"),
                    &format!("{name}:{line}:{column}"),
                    1
                )
            );
        }
        writeln!(w, "{out}\n")?;
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

/// Lines longer than this (in bytes) are shown as a window around the span.
const WINDOW_LIMIT: usize = 4096;

/// Bytes of context either side of a span in a window.
const CONTEXT: usize = 160;

/// A window of `lines` around `span`, cut at character boundaries and never
/// wider than the span plus [`CONTEXT`] either side (a long span is cut too).
fn window(
    text: &str,
    lines: std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let floor = |i: usize| floor_boundary(text, i);
    let start = floor(span.start.saturating_sub(CONTEXT).max(lines.start));
    let end = span.end.min(span.start + WINDOW_LIMIT) + CONTEXT;
    start..floor(end.min(lines.end))
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
    /// The edits that resolve the finding, when they are certain: byte
    /// ranges of the original input and their replacements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<&'a crate::check::fix::Fix>,
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
                fix: d.fix.as_ref(),
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
                "fullDescription": {"text": format!("{}: {}.", capitalised(c.summary), c.why)},
                "help": {"text": format!("{}. See `citemap explain {}`.", capitalised(c.why), c.name)},
                "helpUri": c.help_uri(),
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
            let fixes: Vec<serde_json::Value> = d
                .fix
                .iter()
                .map(|f| {
                    json!({
                        "description": {"text": f.description},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": f.edits.iter().map(|e| json!({
                                "deletedRegion": {
                                    "byteOffset": e.byte_start,
                                    "byteLength": e.byte_end - e.byte_start,
                                },
                                "insertedContent": {"text": e.replacement},
                            })).collect::<Vec<_>>(),
                        }],
                    })
                })
                .collect();
            let mut result = json!({
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
            });
            if !fixes.is_empty() {
                result["fixes"] = json!(fixes);
            }
            result
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

/// `s` with its first letter in capitals.
pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The finding's message with its help, as the one-line formats and the
/// language server give it.
pub(crate) fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(h) => format!("{} ({h})", d.message),
        None => d.message.clone(),
    }
}

/// One line a finding, for grep and editors' quickfix lists:
/// `path:line:column: severity[code] message (help)`. Nothing else is
/// written, so no finding means no output.
pub fn concise<W: Write>(
    diags: &[Diagnostic],
    source: &Source,
    name: &str,
    mut w: W,
) -> io::Result<()> {
    for d in diags {
        let (line, column) = source.line_col(d.span.start);
        let text = message_with_help(d).replace(['\n', '\r'], " ");
        writeln!(
            w,
            "{name}:{line}:{column}: {}[{}] {text}",
            d.severity.as_str(),
            d.code.name()
        )?;
    }
    Ok(())
}

/// GitHub Actions workflow commands (`::error file=…,line=…::message`):
/// each finding becomes an annotation on the pull request's diff, without
/// code scanning. Notes are `::notice`.
pub fn github<W: Write>(
    diags: &[Diagnostic],
    source: &Source,
    name: &str,
    mut w: W,
) -> io::Result<()> {
    // The runner reads a command up to the line's end and splits its
    // properties at commas and colons, so those are percent-encoded.
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    for d in diags {
        let (line, column) = source.line_col(d.span.start);
        let (end_line, end_column) = source.line_col(d.span.end.max(d.span.start));
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = format!("file={},line={line},col={column}", property(name));
        if end_line == line {
            props.push_str(&format!(",endColumn={end_column}"));
        } else {
            props.push_str(&format!(",endLine={end_line}"));
        }
        props.push_str(&format!(
            ",title={}",
            property(&format!("citemap {}", d.code.name()))
        ));
        writeln!(w, "::{command} {props}::{}", data(&message_with_help(d)))?;
    }
    Ok(())
}

/// The start of a JUnit XML report, before the documents' test suites.
pub const JUNIT_HEAD: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"citemap check\">\n";

/// The end of a JUnit XML report.
pub const JUNIT_TAIL: &str = "</testsuites>\n";

/// One document's findings as a JUnit `<testsuite>`: a failed test case
/// a finding, named by its code and place, or one passing case when there
/// is none, so that a clean document shows as a passed test.
pub fn junit_suite<W: Write>(
    diags: &[Diagnostic],
    source: &Source,
    name: &str,
    mut w: W,
) -> io::Result<()> {
    use quick_xml::escape::escape;
    let name_x = escape(clean(name));
    writeln!(
        w,
        "  <testsuite name=\"{name_x}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        diags.len().max(1),
        diags.len()
    )?;
    if diags.is_empty() {
        writeln!(w, "    <testcase classname=\"citemap\" name=\"{name_x}\"/>")?;
    }
    for d in diags {
        let (line, column) = source.line_col(d.span.start);
        let message = escape(clean(&message_with_help(d))).into_owned();
        writeln!(
            w,
            "    <testcase classname=\"citemap.{}\" name=\"{name_x}:{line}:{column}\" file=\"{name_x}\" line=\"{line}\">",
            d.code.name()
        )?;
        writeln!(
            w,
            "      <failure type=\"{}\" message=\"{message}\">{}[{}] {message}\n  at {name_x}:{line}:{column}</failure>",
            d.severity.as_str(),
            d.severity.as_str(),
            d.code.name()
        )?;
        writeln!(w, "    </testcase>")?;
    }
    writeln!(w, "  </testsuite>")
}

/// XML 1.0 has no way to write most control characters, even escaped;
/// they are dropped.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if s.chars().any(bad) {
        s.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Code;

    /// The human rendering of one finding over `span` of `text`.
    fn rendered(text: String, span: std::ops::Range<usize>) -> String {
        let d = Diagnostic {
            code: Code::UnresolvedCitation,
            severity: Severity::Error,
            message: "a test finding".into(),
            span,
            keys: Vec::new(),
            help: None,
            fix: None,
        };
        let mut out = Vec::new();
        human(&[d], &Source::new(text), "doc.txt", false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_finding_on_a_long_line_shows_a_window_and_the_true_column() {
        let mut text = "é".repeat(5000);
        let at = text.len();
        text.push_str("Target word here.");
        text.push_str(&"x".repeat(5000));
        let out = rendered(text, at..at + 6);
        assert!(out.contains("doc.txt:1:5001"), "{out}");
        assert!(out.contains("Target"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 200), "{out}");
    }

    #[test]
    fn a_span_that_ends_inside_a_character_is_marked_by_the_whole_character() {
        let out = rendered("A study.\u{201d} More text.\n".to_string(), 2..9);
        assert!(out.contains("doc.txt:1:3"), "{out}");
    }
}
