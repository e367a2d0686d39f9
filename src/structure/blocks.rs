//! Blocks: runs of lines between blank lines, and the page furniture among
//! them (page numbers, captions, running headers).

use super::paragraphs::{continues, ends_sentence, opens_clause};
use crate::input::{Format, Source};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Body text or a heading.
    Text,
    /// A page number alone.
    PageNumber,
    /// A figure or table caption, or the note under one.
    Caption,
    /// A running header or footer.
    Header,
}

#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) lines: Vec<Range<usize>>,
    /// Blank lines before the block.
    pub(super) gap: usize,
    pub(super) kind: Kind,
    /// Heading level from Markdown `#` markers.
    pub(super) md_level: Option<usize>,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$").expect("valid regex")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    // The label is followed by punctuation or a capitalised title; "Figure 2
    // shows that …" is a paragraph that refers to a figure.
    Regex::new(
        r"^(?:Figure|Fig\.|Figs?\.|Table|Chart|Graph|Map|Box|Exhibit|Plate|Scheme|Figura|Tabela|Quadro|Gráfico|Abbildung|Tabelle|Tableau)\s*[0-9A-Z]+(?:[.\-–][0-9]+)*(?:\s*[.:|—–-]|\s+\p{Lu}|\s*$)",
    )
    .expect("valid regex")
});

static CAPTION_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Source|Sources|Note|Notes|Fonte|Fontes|Nota|Quelle)s?\s*:")
        .expect("valid regex")
});

pub(super) static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*\s*$").expect("valid regex"));

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

pub(super) fn blocks(src: &Source) -> Vec<Block> {
    let text = src.text();
    let mut out: Vec<Block> = Vec::new();
    let mut gap = 0;
    let mut cur: Vec<Range<usize>> = Vec::new();
    let flush = |cur: &mut Vec<Range<usize>>, gap: &mut usize, out: &mut Vec<Block>| {
        if !cur.is_empty() {
            out.push(Block {
                lines: std::mem::take(cur),
                gap: *gap,
                kind: Kind::Text,
                md_level: None,
            });
            *gap = 0;
        }
    };
    for line in src.lines() {
        let l = &text[line.clone()];
        if is_blank(l) {
            flush(&mut cur, &mut gap, &mut out);
            gap += 1;
            continue;
        }
        // A Markdown heading is a block of its own even without blank lines.
        if MD_HEADING.is_match(l.trim()) {
            flush(&mut cur, &mut gap, &mut out);
            cur.push(line);
            flush(&mut cur, &mut gap, &mut out);
            continue;
        }
        cur.push(line);
    }
    flush(&mut cur, &mut gap, &mut out);
    out
}

pub(super) fn block_text(src: &str, b: &Block) -> String {
    let mut s = String::new();
    for l in &b.lines {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(src[l.clone()].trim());
    }
    s
}

/// Marks page numbers, captions (with the source note under them) and
/// running headers: single lines that repeat next to page numbers.
pub(super) fn mark_furniture(src: &str, blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let first = src[b.lines[0].clone()].trim();
        if b.lines.len() == 1 && PAGE_NUMBER.is_match(first) {
            b.kind = Kind::PageNumber;
        } else if CAPTION.is_match(first) && b.md_level.is_none() {
            b.kind = Kind::Caption;
        }
    }
    for i in 1..blocks.len() {
        if blocks[i - 1].kind == Kind::Caption {
            let first = src[blocks[i].lines[0].clone()].trim();
            if CAPTION_NOTE.is_match(first) {
                blocks[i].kind = Kind::Caption;
            }
        }
    }
    // Running headers and footers: one-line blocks beside a page number.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for b in blocks
        .iter()
        .filter(|b| b.lines.len() == 1 && b.kind == Kind::Text)
    {
        *counts.entry(block_text(src, b)).or_default() += 1;
    }
    let mut headers: Vec<String> = Vec::new();
    for i in 0..blocks.len() {
        if blocks[i].kind != Kind::PageNumber {
            continue;
        }
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(b) = blocks.get(j) else { continue };
            if b.kind != Kind::Text || b.lines.len() != 1 {
                continue;
            }
            let t = block_text(src, b);
            let journal_like = t.chars().any(|c| c.is_ascii_digit())
                && t.contains(',')
                && t.starts_with(|c: char| c.is_uppercase())
                && !t.ends_with('.');
            let repeated = counts.get(&t).copied().unwrap_or(0) >= 2;
            // A sentence that runs on across the page break, from the text
            // before the page number to the text after this line, puts the
            // line on the page's furniture, even a head seen once. A clause
            // left open ("(Lee,") runs on whatever comes next.
            let text_at = |k: usize| {
                blocks
                    .get(k)
                    .filter(|b| b.kind == Kind::Text && b.md_level.is_none())
                    .map(|b| block_text(src, b))
            };
            let runs_on = j == i + 1
                && !continues(&t)
                && i.checked_sub(1).and_then(text_at).is_some_and(|p| {
                    !ends_sentence(&p)
                        && text_at(i + 2).is_some_and(|n| continues(&n) || opens_clause(&p))
                });
            // The block before a page number is usually the end of a page's
            // text; only a repeated line there is a footer.
            if repeated || runs_on || (j == i + 1 && journal_like && t.len() <= 120) {
                headers.push(t);
            }
        }
    }
    for b in blocks.iter_mut() {
        if b.kind == Kind::Text && b.lines.len() == 1 && headers.contains(&block_text(src, b)) {
            b.kind = Kind::Header;
        }
    }
}

/// Splits blocks whose every line is a list item into one block per item.
pub(super) fn split_list_items(src: &str, lines: Vec<Range<usize>>) -> Vec<Vec<Range<usize>>> {
    static BULLET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+").expect("valid regex"));
    if !lines.iter().any(|l| BULLET.is_match(&src[l.clone()]))
        || !BULLET.is_match(&src[lines[0].clone()])
    {
        return vec![lines];
    }
    let mut out: Vec<Vec<Range<usize>>> = Vec::new();
    for l in lines {
        if BULLET.is_match(&src[l.clone()]) || out.is_empty() {
            out.push(vec![l]);
        } else if let Some(last) = out.last_mut() {
            last.push(l);
        }
    }
    out
}

/// Whether the document is Markdown, and if so each block's heading level.
pub(super) fn detect_markdown(text: &str, bs: &mut [Block], format: Format) -> bool {
    let markdown = match format {
        Format::Markdown => true,
        Format::Text => false,
        Format::Auto => bs
            .iter()
            .any(|b| MD_HEADING.is_match(text[b.lines[0].clone()].trim())),
    };
    if markdown {
        for b in bs.iter_mut() {
            if let Some(c) = MD_HEADING.captures(text[b.lines[0].clone()].trim()) {
                b.md_level = Some(c[1].len());
            }
        }
    }
    markdown
}

/// Body text after page furniture is dropped, before it is classified.
pub(super) struct Text {
    pub(super) lines: Vec<Range<usize>>,
    pub(super) md_level: Option<usize>,
}
