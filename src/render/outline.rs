//! `citemap outline`: the heading tree, each heading with its level, the
//! evidence for that level, and the dimension it opens.

use crate::analysis::Analysis;
use serde::Serialize;
use std::io::{self, Write};

/// One heading in the JSON outline.
#[derive(Debug, Serialize)]
pub struct HeadingOut<'a> {
    /// The heading as the analysis reads it.
    pub text: &'a str,
    /// 1 for the top level, more below it, 0 above it (a title or a part).
    pub level: usize,
    /// The evidence for the level.
    pub reason: &'a str,
    /// The id of the dimension it opens, if it opens one.
    pub dimension: Option<&'a str>,
    /// 1-based line in the text read (see `citemap extract`).
    pub line: usize,
    /// Paragraph of the original file, for Word and the other structured
    /// kinds.
    pub paragraph: Option<usize>,
    /// Byte offset of its start in the text read.
    pub byte_start: usize,
    /// Byte offset just past it.
    pub byte_end: usize,
}

/// The outline as JSON.
#[derive(Debug, Serialize)]
pub struct OutlineOut<'a> {
    /// The rule that told the levels apart ("markdown", "numbering",
    /// "typography", "research-sections", "recurring-names", "all-top").
    pub level_rule: Option<&'a str>,
    /// Every heading, in order.
    pub headings: Vec<HeadingOut<'a>>,
}

/// The outline model of an analysis.
pub fn view(a: &Analysis) -> OutlineOut<'_> {
    let d = &a.document;
    let headings = d
        .headings
        .iter()
        .map(|h| HeadingOut {
            text: &h.text,
            level: h.level,
            reason: &h.reason,
            dimension: d
                .dimensions
                .iter()
                .find(|x| x.span == h.span)
                .map(|x| x.id.as_str()),
            line: a.source.line_col(h.span.start).0,
            paragraph: a.source.paragraph_of(h.span.start),
            byte_start: h.span.start,
            byte_end: h.span.end,
        })
        .collect();
    OutlineOut {
        level_rule: d.level_rule,
        headings,
    }
}

/// The outline as JSON.
pub fn json<W: Write>(a: &Analysis, mut w: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, &view(a)).map_err(io::Error::other)?;
    writeln!(w)
}

/// The outline as an indented tree: a line per heading with its level,
/// the dimension it opens in brackets, and the reason.
pub fn text<W: Write>(a: &Analysis, mut w: W) -> io::Result<()> {
    let v = view(a);
    writeln!(w, "levels by: {}", v.level_rule.unwrap_or("no headings"))?;
    for h in &v.headings {
        let indent = "  ".repeat(h.level.saturating_sub(1));
        let dim = h
            .dimension
            .map_or_else(String::new, |d| format!("  [dimension {d}]"));
        let at = match h.paragraph {
            Some(p) => format!("paragraph {p}"),
            None => format!("line {}", h.line),
        };
        writeln!(w, "{} {indent}{}{dim}", h.level, h.text)?;
        writeln!(w, "  {indent}  {at}: {}", h.reason)?;
    }
    if v.headings.is_empty() {
        writeln!(w, "(no headings found)")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{Options, analyze};

    #[test]
    fn the_outline_gives_levels_reasons_and_dimensions_and_parses_back() {
        let doc = "# A title\n\n## Intro\n\nText (Lee, 2001).\n\n### Detail\n\nMore.\n\n## End\n\nLast.\n";
        let a = analyze(doc, &Options::default());
        let mut out = Vec::new();
        super::json(&a, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let hs = v["headings"].as_array().unwrap();
        let levels: Vec<u64> = hs.iter().map(|h| h["level"].as_u64().unwrap()).collect();
        assert_eq!(levels, [0, 1, 2, 1]);
        assert_eq!(hs[1]["dimension"], "intro");
        assert!(hs[2]["dimension"].is_null());
        assert!(
            hs[2]["reason"]
                .as_str()
                .unwrap()
                .contains("below the top level")
        );
        let mut t = Vec::new();
        super::text(&a, &mut t).unwrap();
        let t = String::from_utf8(t).unwrap();
        assert!(t.starts_with("levels by: markdown\n"));
        assert!(t.contains("\n1 Intro  [dimension intro]\n"));
        assert!(t.contains("\n2   Detail\n"));
    }
}
