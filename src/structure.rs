//! Structure: headings, paragraphs, the reference region and dimensions.
//!
//! The input is a list of lines. Blank lines separate blocks. Blocks that are
//! page furniture (page numbers, running headers, figure and table captions)
//! are dropped, and paragraphs that a page break cut in two are joined again.
//! Headings are recognised by shape, and their level is inferred from
//! Markdown markers, numbering ("2.1"), the usual names of top-level sections
//! ("Introduction", "Methods"), or, in documents that have none of these,
//! from repetition: a heading that recurs in every section ("Consequences",
//! "Main points of …") is a subsection, not a dimension.

use crate::input::{Format, Source};
use crate::lexicon;
use crate::profile::Profile;
use crate::text::{Mapped, Removed, fold, join_lines, slug};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A heading of the document.
#[derive(Debug, Clone)]
pub struct Heading {
    /// The heading text, cleaned (Markdown markers removed).
    pub text: String,
    /// Byte span in the original input.
    pub span: Range<usize>,
    /// True for a top-level heading: it starts a dimension.
    pub top: bool,
}

/// A paragraph of body text.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Clean text with its map back to the original.
    pub text: Mapped,
    /// Index into [`Document::dimensions`] of the dimension it sits in.
    pub dimension: Option<usize>,
}

/// A dimension: a top-level section of the document.
#[derive(Debug, Clone)]
pub struct Dimension {
    /// Stable identifier derived from the heading.
    pub id: String,
    /// The heading as written.
    pub heading: String,
    /// Byte span of the heading in the original input.
    pub span: Range<usize>,
}

/// The structure of a document.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Top-level sections.
    pub dimensions: Vec<Dimension>,
    /// Original line ranges of the reference list, page furniture removed.
    pub reference_lines: Vec<Range<usize>>,
    /// Span of the reference list heading, when there is one.
    pub reference_heading: Option<Range<usize>>,
    /// Proof marks and similar leftovers removed from the body.
    pub removed: Vec<Removed>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    PageNumber,
    Caption,
    Header,
}

#[derive(Debug, Clone)]
struct Block {
    lines: Vec<Range<usize>>,
    /// Blank lines before the block.
    gap: usize,
    kind: Kind,
    /// Heading level from Markdown `#` markers.
    md_level: Option<usize>,
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
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*\s*$").expect("valid regex"));
static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{1,2}(?:\.\d{1,2})*)\.?|([IVXLC]{1,6})\.?|([A-H])\.)(?:\s+|$)")
        .expect("valid regex")
});
/// Sections that only research articles have.
static RESEARCH_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:methods?|methodology|materials?(?: and methods?)?|results?|findings|discussion|experiment\w*|data|analysis|métodos?|metodologia|metodología|procedimentos metodológicos|resultados?|discussão|discusión|ergebnisse|diskussion|methoden)\b",
    )
    .expect("valid regex")
});

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
/// Headings of an abstract.
static ABSTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{}\W*$", abstract_names())).expect("valid regex"));
/// The label that opens a paragraph of a structured abstract ("Methods:",
/// "Keywords:", "Palavras-chave:", or a section name and a space); the
/// paragraph starts with a capital.
static ABSTRACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let labels = lexicon::alternation(&[lexicon::SECTION_NAMES, lexicon::ABSTRACT_LABELS].concat());
    Regex::new(&format!(
        r"^(?:\p{{Lu}}[\p{{L}}\- ]{{1,30}}[:.—–]\s|(?i:{labels})\s)"
    ))
    .expect("valid regex")
});
/// Names of top-level sections in research articles. A document that uses
/// them is organised by them.
static CANONICAL: LazyLock<Regex> = LazyLock::new(|| {
    // The whole heading is a conventional name, or two joined by "and"
    // ("Results and discussion", "Conclusions and policy implications"),
    // maybe with a parenthesis ("Materials (data sources)"). "Method of
    // analysis" is a subsection's name, not a conventional one.
    let name = lexicon::alternation(&[lexicon::ABSTRACT_NAMES, lexicon::SECTION_NAMES].concat());
    Regex::new(&format!(
        r"(?i)^(?:materials? and methods?|{name}(?:,?\s+(?:and|&|e|y|und)\s+(?:{name}|(?:policy )?implications|future (?:work|research|directions)|recommendations|outlook|perspectives|hypothes[ie]s|motivation))?)(?:\s*\([^)]*\))?\W*$"
    ))
    .expect("valid regex")
});

/// The abstract headings as an alternation.
fn abstract_names() -> String {
    lexicon::alternation(lexicon::ABSTRACT_NAMES)
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn blocks(src: &Source) -> Vec<Block> {
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

fn block_text(src: &str, b: &Block) -> String {
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
fn mark_furniture(src: &str, blocks: &mut [Block]) {
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
            // The block before a page number is usually the end of a page's
            // text; only a repeated line there is a footer.
            if repeated || (j == i + 1 && journal_like && t.len() <= 120) {
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

fn numbering(t: &str) -> Option<(usize, bool)> {
    let c = NUMBERING.captures(t)?;
    if let Some(m) = c.get(1) {
        return Some((m.as_str().split('.').count(), false));
    }
    if c.get(2).is_some() {
        return Some((1, true));
    }
    c.get(3).map(|_| (2, true))
}

/// Whether a (joined) block of text has the shape of a heading.
fn looks_like_heading(t: &str, lines: &[&str]) -> bool {
    if t.is_empty() || t.chars().count() > 160 || t.split_whitespace().count() > 25 {
        return false;
    }
    if lines.len() > 2 || (lines.len() == 2 && lines[0].chars().count() < 60) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    if first.is_ascii_digit() && numbering(t).is_none() {
        return false;
    }
    if t.ends_with(['.', ',', ';', ':']) && numbering(t).is_none_or(|_| t.len() > 4) {
        return false;
    }
    if t.contains("://") || t.contains("www.") || t.contains('@') {
        return false;
    }
    if numbering(t).is_none() && t.matches(',').count() > 2 {
        return false;
    }
    t.chars().any(|c| c.is_alphabetic())
}

/// Continuation text after a page break: starts in lower case or with a
/// parenthesis that continues the sentence.
fn continues(t: &str) -> bool {
    t.starts_with(|c: char| c.is_lowercase() || c == '(' || c == ',' || c == ';')
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*']);
    t.ends_with(['.', '!', '?', ':', '…'])
}

struct Text {
    lines: Vec<Range<usize>>,
    md_level: Option<usize>,
}

/// Splits blocks whose every line is a list item into one block per item.
fn split_list_items(src: &str, lines: Vec<Range<usize>>) -> Vec<Vec<Range<usize>>> {
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

/// Analyses the structure of a document.
pub fn analyze(src: &Source, format: Format, profile: Option<&Profile>) -> Document {
    let text = src.text();
    let mut bs = blocks(src);
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
    mark_furniture(text, &mut bs);

    // Find the reference list: the last reference heading that is followed
    // by text, or failing that a trailing run of reference-like lines.
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
    let mut doc = Document::default();
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
            let start = trailing_reference_run(text, &bs);
            (start, start, bs.len())
        }
    };
    for b in &bs[refs_from..refs_to] {
        if b.kind == Kind::Text {
            doc.reference_lines.extend(b.lines.iter().cloned());
        }
    }

    // Body text: drop furniture, join paragraphs cut by page breaks.
    let mut texts: Vec<Text> = Vec::new();
    let mut broke = false; // furniture or a wide gap since the last text
    for b in &bs[..body_end.min(bs.len())] {
        if b.kind != Kind::Text {
            broke = true;
            continue;
        }
        let wide_gap = b.gap >= 2;
        let this = block_text(text, b);
        if let Some(prev) = texts.last_mut() {
            // Long: more than two lines, or over 100 characters in them.
            let prev_long = prev.lines.len() > 2
                || prev
                    .lines
                    .iter()
                    .map(|l| text[l.clone()].trim().chars().count() + 1)
                    .sum::<usize>()
                    > 101;
            let prev_end = prev.lines.last().map_or("", |l| text[l.clone()].trim());
            let signal = broke || wide_gap;
            let prev_open =
                !ends_sentence(prev_end) && prev.md_level.is_none() && b.md_level.is_none();
            let lines_of: Vec<&str> = b.lines.iter().map(|l| text[l.clone()].trim()).collect();
            let join = prev_open
                && ((continues(&this) && (prev_long || signal))
                    || (signal && prev_long && !looks_like_heading(&this, &lines_of)));
            if join {
                prev.lines.extend(b.lines.iter().cloned());
                broke = false;
                continue;
            }
        }
        texts.push(Text {
            lines: b.lines.clone(),
            md_level: b.md_level,
        });
        broke = false;
    }

    // Classify: headings and paragraphs, in document order.
    enum Item {
        Heading(usize),
        Para(Vec<Range<usize>>),
    }
    let mut items: Vec<Item> = Vec::new();
    let mut levels: Vec<HeadingInfo> = Vec::new();
    for t in texts {
        let lines: Vec<&str> = t.lines.iter().map(|l| text[l.clone()].trim()).collect();
        let joined = lines.join(" ");
        let is_heading = t.md_level.is_some() || (!markdown && looks_like_heading(&joined, &lines));
        if is_heading {
            let clean = match MD_HEADING.captures(&joined) {
                Some(c) => c[2].to_string(),
                None => joined.clone(),
            };
            let clean = clean.replace(['*', '_'], "");
            let span = t.lines[0].start..t.lines[t.lines.len() - 1].end;
            levels.push(HeadingInfo {
                text: clean,
                span,
                md_level: t.md_level,
                has_body: false,
            });
            items.push(Item::Heading(levels.len() - 1));
        } else {
            if let Some(Item::Heading(h)) = items.last() {
                levels[*h].has_body = true;
            }
            for item in split_list_items(text, t.lines) {
                items.push(Item::Para(item));
            }
        }
    }
    let tops = top_levels(&levels, markdown);
    for (h, top) in levels.iter().zip(&tops) {
        doc.headings.push(Heading {
            text: h.text.clone(),
            span: h.span.clone(),
            top: *top,
        });
    }

    let mut current: Option<usize> = None;
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    if let Some(p) = profile {
        for d in &p.dimensions {
            let first = doc.headings.iter().find(|h| {
                p.classify(&h.text)
                    .is_some_and(|k| p.dimensions[k].id == d.id)
            });
            doc.dimensions.push(Dimension {
                id: d.id.clone(),
                heading: d.name.clone(),
                span: first.map_or(0..0, |h| h.span.clone()),
            });
        }
    }
    // Paragraphs of the abstract seen so far, while the current dimension
    // is an abstract in the front matter. Journals that print the
    // introduction without a heading put it right after the abstract: a
    // second paragraph that is not part of a structured abstract ends it,
    // and that text has no dimension.
    let mut abstract_paras: Option<usize> = None;
    let mut body_seen = false;
    for item in items {
        match item {
            Item::Heading(h) if profile.is_some() => {
                // A matching heading starts its dimension; an unmatched top
                // heading ends the current one.
                match profile.and_then(|p| p.classify(&doc.headings[h].text)) {
                    Some(k) => current = Some(k),
                    None if tops[h] => current = None,
                    None => {}
                }
            }
            Item::Heading(h) => {
                if tops[h] {
                    let heading = doc.headings[h].text.clone();
                    let mut id = slug(&heading);
                    let n = used_ids.entry(id.clone()).or_default();
                    *n += 1;
                    if *n > 1 {
                        id = format!("{id}-{n}");
                    }
                    doc.dimensions.push(Dimension {
                        id,
                        heading,
                        span: doc.headings[h].span.clone(),
                    });
                    abstract_paras =
                        (!body_seen && ABSTRACT.is_match(&doc.headings[h].text)).then_some(0);
                    current = Some(doc.dimensions.len() - 1);
                }
            }
            Item::Para(lines) => {
                let mapped = join_lines(text, &lines, &mut doc.removed);
                if let Some(n) = abstract_paras.as_mut() {
                    let t = mapped.as_str();
                    let labelled = t.starts_with(char::is_uppercase) && ABSTRACT_LABEL.is_match(t);
                    if *n > 0 && !labelled {
                        abstract_paras = None;
                        current = None;
                    } else {
                        *n += 1;
                    }
                } else if current.is_some() {
                    body_seen = true;
                }
                doc.paragraphs.push(Paragraph {
                    text: mapped,
                    dimension: current,
                });
            }
        }
    }
    doc
}

struct HeadingInfo {
    text: String,
    span: Range<usize>,
    md_level: Option<usize>,
    has_body: bool,
}

/// Decides which headings are top-level. See the module documentation.
fn top_levels(hs: &[HeadingInfo], markdown: bool) -> Vec<bool> {
    let canonical = |h: &HeadingInfo| {
        let t = NUMBERING.replace(&h.text, "");
        CANONICAL.is_match(t.trim())
    };
    if markdown {
        let mut count: HashMap<usize, usize> = HashMap::new();
        for h in hs {
            if let Some(l) = h.md_level {
                *count.entry(l).or_default() += 1;
            }
        }
        let top = (1..=6)
            .find(|l| count.get(l).copied().unwrap_or(0) >= 2)
            .unwrap_or(1);
        return hs.iter().map(|h| h.md_level == Some(top)).collect();
    }
    let numbered: Vec<Option<(usize, bool)>> = hs.iter().map(|h| numbering(&h.text)).collect();
    let first_level = numbered
        .iter()
        .filter(|n| matches!(n, Some((1, _))))
        .count();
    if first_level >= 2 {
        return hs
            .iter()
            .zip(&numbered)
            .map(|(h, n)| matches!(n, Some((1, _))) || (n.is_none() && canonical(h)))
            .collect();
    }
    // A research article (with a methods, results or discussion section)
    // nests its other headings under the conventional ones. An essay that
    // only opens with "Introduction" and closes with "Conclusion" has its
    // own top-level sections between them.
    let research = hs.iter().any(|h| {
        let t = NUMBERING.replace(&h.text, "");
        RESEARCH_SECTION.is_match(t.trim())
    });
    if research && hs.iter().filter(|h| canonical(h)).count() >= 2 {
        let mut top: Vec<bool> = hs.iter().map(canonical).collect();
        // Typography: when the conventional sections are set in capitals
        // ("INTRODUCTION", "METHOD"), so are the other top-level ones
        // ("DATA ANALYSIS"), and subsections are not. The abstract's
        // heading comes from the front matter, in its own typography.
        let caps: Vec<bool> = hs.iter().map(|h| all_capitals(&h.text)).collect();
        let front: Vec<bool> = hs.iter().map(|h| ABSTRACT.is_match(&h.text)).collect();
        let body = || (0..hs.len()).filter(|&i| !front[i]);
        if body().any(|i| top[i])
            && body().filter(|&i| top[i]).all(|i| caps[i])
            && !body().all(|i| caps[i])
        {
            for i in 0..hs.len() {
                top[i] = caps[i] || front[i];
            }
        }
        // A heading of its own name with no text, between the text of one
        // section and a subsection, opens a section of its own ("Traits of
        // the economy" between the introduction and its first subsection).
        for i in 1..hs.len().saturating_sub(1) {
            if !top[i] && !hs[i].has_body && hs[i - 1].has_body && !top[i + 1] {
                top[i] = true;
            }
        }
        return top;
    }
    let conventional: Vec<bool> = hs.iter().map(canonical).collect();
    // No numbering and no conventional names: a heading that recurs, or
    // that shares its opening words with several others, is a subsection.
    let folded: Vec<String> = hs.iter().map(|h| fold(&h.text)).collect();
    let mut exact: HashMap<&str, usize> = HashMap::new();
    let mut prefix: HashMap<String, usize> = HashMap::new();
    for f in &folded {
        *exact.entry(f.as_str()).or_default() += 1;
        *prefix.entry(two_words(f)).or_default() += 1;
    }
    let mut top: Vec<bool> = folded
        .iter()
        .zip(&conventional)
        .map(|(f, &c)| {
            c || (exact[f.as_str()] < 2 && (prefix[&two_words(f)] < 3 || !f.contains(' ')))
        })
        .collect();
    // A top heading with no text of its own, directly followed by another
    // top heading, is a part title above the dimensions.
    for i in 0..hs.len() {
        if top[i] && !hs[i].has_body && top.get(i + 1).copied().unwrap_or(false) {
            top[i] = false;
        }
    }
    top
}

/// At least three letters, all capitals: "DATA ANALYSIS".
fn all_capitals(t: &str) -> bool {
    let letters = || t.chars().filter(|c| c.is_alphabetic());
    letters().count() >= 3 && letters().all(char::is_uppercase)
}

fn two_words(f: &str) -> String {
    f.split(' ').take(2).collect::<Vec<_>>().join(" ")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> (Source, Document) {
        let src = Source::new(s);
        let d = analyze(&src, Format::Auto, None);
        (src, d)
    }

    #[test]
    fn rejoins_a_paragraph_cut_by_a_page_break_and_drops_the_page_number() {
        let (_, d) = doc(
            "Intro\n\nThe land is large and\n\n\n\n12\n\n\n\nsparsely populated (Smith, 2010).\n",
        );
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(
            d.paragraphs[0].text.as_str(),
            "The land is large and sparsely populated (Smith, 2010)."
        );
    }

    #[test]
    fn drops_captions_and_their_source_lines() {
        let (_, d) = doc(
            "Intro\n\nText goes on with the\n\nFigure 2.1 A map\n\nSource: own illustration\n\nrise of movements.\n",
        );
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(
            d.paragraphs[0].text.as_str(),
            "Text goes on with the rise of movements."
        );
    }

    #[test]
    fn an_unheaded_introduction_after_the_abstract_has_no_dimension() {
        let s = "A title\n\nAbstract\n\nBackground: Why it matters.\n\nMethods We counted.\n\nConclusion: It works.\n\nMen tend to be taller (Smith, 2007).\n\nMethods\n\nWe measured (Jones, 2001).\n";
        let (_, d) = doc(s);
        let dims: Vec<Option<&str>> = d
            .paragraphs
            .iter()
            .map(|p| p.dimension.map(|i| d.dimensions[i].heading.as_str()))
            .collect();
        assert_eq!(
            dims,
            [
                Some("Abstract"),
                Some("Abstract"),
                Some("Abstract"),
                None,
                Some("Methods")
            ]
        );
    }

    #[test]
    fn a_summary_after_the_body_keeps_all_its_paragraphs() {
        let s = "Introduction\n\nText one (Smith, 2007).\n\nSummary\n\nFirst point.\n\nSecond point (Jones, 2001).\n";
        let (_, d) = doc(s);
        assert!(d.paragraphs[1..].iter().all(|p| p.dimension == Some(1)));
    }

    fn top_headings(s: &str) -> Vec<String> {
        let (_, d) = doc(s);
        d.dimensions.iter().map(|x| x.heading.clone()).collect()
    }

    #[test]
    fn a_bodyless_heading_between_sections_opens_a_section() {
        let s = "Introduction\n\nText one.\n\nTraits of the economy\n\nA picture\n\nText two.\n\nThe tax\n\nText three.\n\nMethods\n\nText four.\n\nResults\n\nText five.\n";
        assert_eq!(
            top_headings(s),
            [
                "Introduction",
                "Traits of the economy",
                "Methods",
                "Results"
            ]
        );
    }

    #[test]
    fn capitals_mark_the_top_level_when_the_conventional_sections_use_them() {
        let s = "Abstract\n\nWe study.\n\nINTRODUCTION\n\nText.\n\nMETHOD\n\nText.\n\nMethod of analysis\n\nText.\n\nDATA ANALYSIS\n\nText.\n\nThe corrupt organisation\n\nText.\n\nDISCUSSION\n\nText.\n";
        assert_eq!(
            top_headings(s),
            [
                "Abstract",
                "INTRODUCTION",
                "METHOD",
                "DATA ANALYSIS",
                "DISCUSSION"
            ]
        );
    }

    #[test]
    fn conventional_names_are_whole_headings() {
        let s = "Introduction\n\nText.\n\nMethods\n\nText.\n\nMethod of analysis\n\nText.\n\nData and imputations\n\nText.\n\nResults and discussion\n\nText.\n\nConclusions and policy implications\n\nText.\n";
        assert_eq!(
            top_headings(s),
            [
                "Introduction",
                "Methods",
                "Results and discussion",
                "Conclusions and policy implications"
            ]
        );
    }

    #[test]
    fn numbered_headings_decide_the_top_level() {
        let (_, d) = doc(
            "Title of it\n\n1. Introduction\n\nSome text here.\n\n1.1 Detail\n\nMore text.\n\n2. Method\n\nText.\n",
        );
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["1. Introduction", "2. Method"]);
        assert_eq!(d.paragraphs[1].dimension, Some(0));
    }

    #[test]
    fn an_essay_has_its_own_sections_between_introduction_and_conclusion() {
        let s = "Animation and cinema\n\nIntroduction\n\nText one.\n\nThe optical theatre\n\nText two.\n\nCartoons and film theory\n\nText three.\n\nConclusion\n\nText four.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(
            tops,
            [
                "Introduction",
                "The optical theatre",
                "Cartoons and film theory",
                "Conclusion"
            ]
        );
        // A research article nests them under its conventional sections.
        let s = "Introduction\n\nText.\n\nMethods\n\nText.\n\nStudy area\n\nText.\n\nResults\n\nText.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["Introduction", "Methods", "Results"]);
    }

    #[test]
    fn recurring_subheadings_are_not_dimensions() {
        let s = "Part one of it\n\nThe land: large\n\nText.\n\nMain points of the land\n\nText.\n\nConsequences\n\nText.\n\nThe people: many\n\nText.\n\nMain points of the people\n\nText.\n\nConsequences\n\nText.\n\nThe money: little\n\nText.\n\nMain points\n\nText.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(
            tops,
            ["The land: large", "The people: many", "The money: little"]
        );
    }

    #[test]
    fn finds_the_reference_list_and_its_end() {
        let s = "Intro\n\nText (A, 2000).\n\nReferences\n\nA, B. (2000). T. J, 1, 2.\nC, D. (2001). U. Press.\n\nAppendix\n\nMore.\n";
        let (src, d) = doc(s);
        let lines: Vec<&str> = d
            .reference_lines
            .iter()
            .map(|l| &src.text()[l.clone()])
            .collect();
        assert_eq!(
            lines,
            ["A, B. (2000). T. J, 1, 2.", "C, D. (2001). U. Press."]
        );
    }

    #[test]
    fn a_profile_starts_dimensions_at_matching_headings_at_any_level() {
        let p = Profile::from_toml("[[dimension]]\nname = \"Land\"\nheadings = [\"(?i)land\"]\n")
            .unwrap();
        let src = Source::new(
            "1. Intro\n\nA (X, 2000).\n\n1.1 The land\n\nB (Y, 2001).\n\n2. Conclusion\n\nC (Z, 2002).\n",
        );
        let d = analyze(&src, Format::Auto, Some(&p));
        assert_eq!(d.dimensions.len(), 1);
        assert_eq!(d.dimensions[0].heading, "Land");
        let dims: Vec<Option<usize>> = d.paragraphs.iter().map(|p| p.dimension).collect();
        assert_eq!(dims, [None, Some(0), None]);
    }

    #[test]
    fn markdown_headings_use_their_level() {
        let (_, d) =
            doc("# Title\n\n## Intro\n\nText *x*.\n\n### Sub\n\nMore.\n\n## End\n\nLast.\n");
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["Intro", "End"]);
        assert_eq!(d.paragraphs[0].text.as_str(), "Text x.");
    }

    #[test]
    fn running_headers_next_to_page_numbers_are_dropped() {
        let s = "Intro\n\nFirst part of the sentence that goes on for quite a while so it is long enough\n\n\n3\n\n\nJ. Stud. 5(2), 2020\n\nand ends here.\n";
        let (_, d) = doc(s);
        assert_eq!(d.paragraphs.len(), 1);
        assert!(
            d.paragraphs[0]
                .text
                .as_str()
                .ends_with("enough and ends here.")
        );
    }
}
