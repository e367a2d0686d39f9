//! The reference region: where the list starts (its heading, or a trailing
//! run of entry-like lines) and where end matter begins.

use super::Document;
use super::blocks::{Block, Kind, MD_HEADING, block_text};
use regex::Regex;
use std::sync::LazyLock;

static REFERENCE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d+\.?\s*)?(?:references?(?: list| cited)?|bibliography|select bibliography|works cited|literature cited|cited literature|literature|referências(?: bibliográficas)?|referencias(?: bibliográficas)?|bibliografia|bibliografía|literatur(?:verzeichnis)?|références(?: bibliographiques)?|bibliographie)\s*:?$",
    )
    .expect("valid regex")
});

static END_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d+\.?\s*)?(?:appendix|appendices|annex|notes|endnotes|footnotes|acknowledg(?:e)?ments?|supplementary|supporting information|figure (?:legends|captions)|tables|about the authors?|author contributions|funding|conflicts? of interest|competing interests|data availability|anexos?|apêndices?|notas|anhang)\b",
    )
    .expect("valid regex")
});

/// Where a reference list without a heading starts: the first block of the
/// longest trailing run of blocks whose lines look like references.
fn trailing_reference_run(src: &str, bs: &[Block]) -> usize {
    static ENTRY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(crate::grammar::REFERENCE_LINE).expect("valid regex"));
    let mut start = bs.len();
    let mut entries = 0;
    for (i, b) in bs.iter().enumerate().rev() {
        if b.kind != Kind::Text {
            continue;
        }
        let hits = b
            .lines
            .iter()
            .filter(|l| ENTRY.is_match(src[(*l).clone()].trim()))
            .count();
        if hits * 2 < b.lines.len().max(1) || hits == 0 {
            break;
        }
        entries += hits;
        start = i;
    }
    if entries >= 3 { start } else { bs.len() }
}

/// Finds the reference list: the last reference heading that is followed
/// by text, or failing that a trailing run of reference-like lines. Records
/// its lines and heading in `doc` and returns where the body ends.
pub(super) fn find(text: &str, bs: &[Block], doc: &mut Document) -> usize {
    let heading_text = |b: &Block| -> String {
        let t = block_text(text, b);
        match MD_HEADING.captures(&t) {
            Some(c) => c[2].to_string(),
            None => t,
        }
    };
    let ref_start = bs
        .iter()
        .enumerate()
        .rev()
        .find(|(i, b)| {
            b.kind == Kind::Text
                && b.lines.len() == 1
                && REFERENCE_HEADING.is_match(heading_text(b).trim())
                && bs[i + 1..].iter().any(|n| n.kind == Kind::Text)
        })
        .map(|(i, _)| i);
    let (body_end, refs_from, refs_to) = match ref_start {
        Some(i) => {
            let end = bs[i + 1..]
                .iter()
                .position(|b| {
                    b.kind == Kind::Text
                        && b.lines.len() == 1
                        && END_MATTER.is_match(heading_text(b).trim())
                })
                .map_or(bs.len(), |p| i + 1 + p);
            doc.reference_heading = Some(bs[i].lines[0].clone());
            (i, i + 1, end)
        }
        None => {
            let start = trailing_reference_run(text, bs);
            (start, start, bs.len())
        }
    };
    for b in &bs[refs_from..refs_to] {
        if b.kind == Kind::Text {
            doc.reference_lines.extend(b.lines.iter().cloned());
        }
    }
    body_end
}
