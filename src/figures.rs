//! Figures without a source: percentages, counts and money in paragraphs
//! that cite nothing. Shared by `check` and the report.

use crate::analysis::Analysis;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static STATISTIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d+(?:[.,]\d+)?\s?%|\b\d+(?:[.,]\d+)?\s+(?:percent|per cent|million|billion|thousand)\b|[$€£¥]\s?\d|\b\d{1,3}(?:,\d{3})+\b")
        .expect("valid regex")
});

/// A figure in a sentence whose paragraph cites nothing.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The sentence, as clean text.
    pub sentence: String,
    /// The figure as written ("45%", "$3 million").
    pub figure: String,
    /// Byte span of the figure in the original input.
    pub span: Range<usize>,
}

/// Sentences with figures (percentages, counts, money) in paragraphs that
/// cite nothing, within dimensions. Shared by `check` and the report.
pub fn unsupported(a: &Analysis) -> Vec<Figure> {
    let mut cited = vec![false; a.document.paragraphs.len()];
    for c in &a.citations {
        cited[c.paragraph] = true;
    }
    let mut out = Vec::new();
    for (i, p) in a.document.paragraphs.iter().enumerate() {
        if cited[i] || p.dimension.is_none() {
            continue;
        }
        let text = p.text.as_str();
        for s in crate::text::sentence::split(text) {
            if let Some(m) = STATISTIC.find(&text[s.clone()]) {
                out.push(Figure {
                    paragraph: i,
                    sentence: text[s.clone()].to_string(),
                    figure: m.as_str().to_string(),
                    span: p.text.orig_span(s.start + m.start(), s.start + m.end()),
                });
            }
        }
    }
    out
}
