//! Headings: which body texts are headings, and which headings are top
//! level (start a dimension).

use super::blocks::{MD_HEADING, Text, split_list_items};
use crate::lexicon;
use crate::text::fold;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Headings of an abstract.
pub(super) static ABSTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{}\W*$", abstract_names())).expect("valid regex"));

/// The abstract headings as an alternation.
fn abstract_names() -> String {
    lexicon::alternation(lexicon::ABSTRACT_NAMES)
}

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

/// Names of top-level sections in research articles. A document that uses
/// them is organised by them.
static CANONICAL: LazyLock<Regex> = LazyLock::new(|| {
    // The whole heading is a conventional name, or two joined by "and"
    // ("Results and discussion", "Conclusions and policy implications"),
    // maybe with a parenthesis ("Materials (data sources)"). "Method of
    // analysis" is a subsection's name, not a conventional one.
    let name = lexicon::alternation(&[lexicon::ABSTRACT_NAMES, lexicon::SECTION_NAMES].concat());
    let and = crate::grammar::name_and();
    Regex::new(&format!(
        r"(?i)^(?:materials? and methods?|{name}(?:,?\s+{and}\s+(?:{name}|(?:policy )?implications|future (?:work|research|directions)|recommendations|outlook|perspectives|hypothes[ie]s|motivation))?)(?:\s*\([^)]*\))?\W*$"
    ))
    .expect("valid regex")
});

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
pub(super) fn looks_like_heading(t: &str, lines: &[&str]) -> bool {
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
    // A bracket left open is text that goes on, cut by a page break or a
    // line end: "… is supported (Agency for Statistics".
    if leaves_bracket_open([t]) {
        return false;
    }
    if numbering(t).is_none() && t.matches(',').count() > 2 {
        return false;
    }
    t.chars().any(|c| c.is_alphabetic())
}

/// Whether the text, read in order from `parts`, opens more round or
/// square brackets than it closes: the sentence goes on past its end.
pub(super) fn leaves_bracket_open<'a>(parts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut round, mut square) = (0isize, 0isize);
    for b in parts.into_iter().flat_map(str::bytes) {
        match b {
            b'(' => round += 1,
            b')' => round -= 1,
            b'[' => square += 1,
            b']' => square -= 1,
            _ => {}
        }
    }
    round > 0 || square > 0
}

/// A heading as the level inference sees it.
pub(super) struct HeadingInfo {
    pub(super) text: String,
    pub(super) span: Range<usize>,
    pub(super) md_level: Option<usize>,
    pub(super) has_body: bool,
}

/// A way of telling the top-level headings from the rest, for documents
/// that show it one way: it answers only when its evidence is there.
struct LevelRule {
    /// What the rule reads, recorded as the reason for the levels.
    name: &'static str,
    read: fn(&[HeadingInfo]) -> Option<Vec<bool>>,
}

/// Tried in this order; the first that answers wins. Numbering is the
/// strongest evidence, then typography (the same case means the same
/// level), then the conventional sections of a research article; the last
/// rule always answers.
const LEVEL_RULES: &[LevelRule] = &[
    LevelRule {
        name: "numbering",
        read: numbered_tops,
    },
    LevelRule {
        name: "typography",
        read: typography_tops,
    },
    LevelRule {
        name: "research-sections",
        read: research_tops,
    },
    LevelRule {
        name: "recurring-names",
        read: recurring_tops,
    },
];

/// Decides which headings are top-level. See the module documentation.
/// Returns the levels and the name of the rule that decided them.
pub(super) fn top_levels(hs: &[HeadingInfo], markdown: bool) -> (Vec<bool>, &'static str) {
    if markdown {
        return (markdown_tops(hs), "markdown");
    }
    LEVEL_RULES
        .iter()
        .find_map(|rule| (rule.read)(hs).map(|tops| (tops, rule.name)))
        .unwrap_or_else(|| (vec![true; hs.len()], "all-top"))
}

/// The whole heading, numbering aside, is a conventional section name.
fn canonical(h: &HeadingInfo) -> bool {
    let t = NUMBERING.replace(&h.text, "");
    CANONICAL.is_match(t.trim())
}

/// Markdown: the shallowest level that occurs at least twice; without
/// one, the level below a lone title (a `#` used once above `##`
/// sections), else the shallowest level.
fn markdown_tops(hs: &[HeadingInfo]) -> Vec<bool> {
    let mut count: HashMap<usize, usize> = HashMap::new();
    for h in hs {
        if let Some(l) = h.md_level {
            *count.entry(l).or_default() += 1;
        }
    }
    let used = |l: &usize| count.get(l).copied().unwrap_or(0);
    let shallowest = (1..=6).find(|l| used(l) > 0).unwrap_or(1);
    // A lone title opens the document and has no text of its own.
    let title = hs
        .first()
        .is_some_and(|h| h.md_level == Some(shallowest) && !h.has_body);
    let top = (1..=6)
        .find(|l| used(l) >= 2)
        .or_else(|| {
            title
                .then(|| (shallowest + 1..=6).find(|l| used(l) > 0))
                .flatten()
        })
        .unwrap_or(shallowest);
    hs.iter().map(|h| h.md_level == Some(top)).collect()
}

/// Two or more headings numbered at the first level: those, and the
/// unnumbered conventional ones, are the top level.
fn numbered_tops(hs: &[HeadingInfo]) -> Option<Vec<bool>> {
    let numbered: Vec<Option<(usize, bool)>> = hs.iter().map(|h| numbering(&h.text)).collect();
    let first_level = numbered
        .iter()
        .filter(|n| matches!(n, Some((1, _))))
        .count();
    (first_level >= 2).then(|| {
        hs.iter()
            .zip(&numbered)
            .map(|(h, n)| matches!(n, Some((1, _))) || (n.is_none() && canonical(h)))
            .collect()
    })
}

/// A research article (with a methods, results or discussion section)
/// nests its other headings under the conventional ones. An essay that
/// only opens with "Introduction" and closes with "Conclusion" has its own
/// top-level sections between them, and this rule does not answer.
fn research_tops(hs: &[HeadingInfo]) -> Option<Vec<bool>> {
    let research = hs.iter().any(|h| {
        let t = NUMBERING.replace(&h.text, "");
        RESEARCH_SECTION.is_match(t.trim())
    });
    if !research || hs.iter().filter(|h| canonical(h)).count() < 2 {
        return None;
    }
    let mut top: Vec<bool> = hs.iter().map(canonical).collect();
    // Typography: when the conventional sections are set in capitals
    // ("INTRODUCTION", "METHOD"), so are the other top-level ones
    // ("DATA ANALYSIS"), and subsections are not. The abstract's heading
    // comes from the front matter, in its own typography.
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
    // section and a subsection, opens a section of its own ("Traits of the
    // economy" between the introduction and its first subsection).
    for i in 1..hs.len().saturating_sub(1) {
        if !top[i] && !hs[i].has_body && hs[i - 1].has_body && !top[i + 1] {
            top[i] = true;
        }
    }
    // An introduction is seldom divided, and never into one subsection: the
    // only heading between its text and the next conventional section is a
    // section of its own ("Literature review", "Study area"). Methods,
    // results and discussions do have subsections, one or many.
    let opening = (0..hs.len()).find(|&i| top[i] && !front[i]);
    if let Some(i) = opening.filter(|&i| {
        let t = NUMBERING.replace(&hs[i].text, "");
        !RESEARCH_SECTION.is_match(t.trim()) && hs[i].has_body
    }) {
        let lone =
            hs.get(i + 1).is_some_and(|h| h.has_body) && !top.get(i + 1).copied().unwrap_or(true);
        if lone && top.get(i + 2).copied().unwrap_or(true) {
            top[i + 1] = true;
        }
    }
    Some(top)
}

/// No numbering and no conventional names: a heading that recurs, or that
/// shares its opening words with several others, is a subsection. Always
/// answers.
fn recurring_tops(hs: &[HeadingInfo]) -> Option<Vec<bool>> {
    let folded: Vec<String> = hs.iter().map(|h| fold(&h.text)).collect();
    // Questions share their opening by grammar ("What drives …?", "What
    // explains …?"), not as a series of names ("Study 1: …", "Study 2:
    // …"), so their openings say nothing of their level.
    let question = |h: &HeadingInfo| h.text.trim_end().ends_with('?');
    let mut exact: HashMap<&str, usize> = HashMap::new();
    let mut prefix: HashMap<String, usize> = HashMap::new();
    for (f, h) in folded.iter().zip(hs) {
        *exact.entry(f.as_str()).or_default() += 1;
        if !question(h) {
            *prefix.entry(two_words(f)).or_default() += 1;
        }
    }
    let mut top: Vec<bool> = folded
        .iter()
        .zip(hs)
        .map(|(f, h)| {
            let series = !question(h)
                && f.contains(' ')
                && prefix.get(&two_words(f)).is_some_and(|&n| n >= 3);
            canonical(h) || (exact[f.as_str()] < 2 && !series)
        })
        .collect();
    // A top heading with no text of its own, directly followed by another
    // top heading, is either a part title above the dimensions or the
    // parent of the headings after it. The headings after it tell which:
    // a part holds sections that have subsections of their own; a parent
    // holds leaves. Only a heading after a section with text can be a
    // parent (the first is the document's title), or one with a
    // conventional name, which is never a title ("Introduction" opening
    // straight into its subsections); its children run to the next heading
    // without text, or a conventional name.
    let mut seen_body = false;
    let mut i = 0;
    while i < hs.len() {
        if top[i] && !hs[i].has_body && top.get(i + 1).copied().unwrap_or(false) {
            let end = (i + 1..hs.len())
                .find(|&j| !hs[j].has_body || canonical(&hs[j]))
                .unwrap_or(hs.len());
            let leaves = end > i + 1
                && (i + 1..end).all(|j| top[j])
                && top.get(end).copied().unwrap_or(true);
            if (seen_body || canonical(&hs[i])) && leaves {
                for t in &mut top[i + 1..end] {
                    *t = false;
                }
                seen_body |= hs[i..end].iter().any(|h| h.has_body);
                i = end;
                continue;
            }
            top[i] = false;
        }
        seen_body |= hs[i].has_body;
        i += 1;
    }
    Some(top)
}

/// The case a heading is set in, where its words show one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// "DATA ANALYSIS".
    Upper,
    /// "Data Collection and Analysis".
    Title,
    /// "Data collection and analysis".
    Sentence,
}

/// The case of a heading (numbering aside), or none where it cannot show:
/// a single word, or no word after the first but small ones ("Data and
/// the").
fn case_of(t: &str) -> Option<Case> {
    let t = NUMBERING.replace(t, "");
    if all_capitals(&t) {
        return Some(Case::Upper);
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '—' | '–' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let later: Vec<&&str> = words
        .iter()
        .skip(1)
        .filter(|w| {
            let lower = w.to_lowercase();
            w.chars().count() > 1
                && !lexicon::is_connector(&lower)
                && !lexicon::is_function_word(&lower)
                && !w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .collect();
    if later.is_empty() {
        return None;
    }
    let capital = later
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if capital == later.len() {
        Some(Case::Title)
    } else if capital * 2 < later.len() {
        Some(Case::Sentence)
    } else {
        None
    }
}

/// Typography: when the headings are set in two or more cases, the same
/// case is the same level. The top level's case is the one the
/// conventional section names are set in, or else the case fewest headings
/// are set in; either way fewer headings than in the other cases together
/// (a level has fewer headings than the one below it). A heading
/// whose case does not show is top level when it is a conventional name,
/// or a parent with no text of its own above a heading of a lower case.
/// A first heading without text is the document's title, set in a case of
/// its own, so its case is no evidence for the sections'.
fn typography_tops(hs: &[HeadingInfo]) -> Option<Vec<bool>> {
    let front: Vec<bool> = hs.iter().map(|h| ABSTRACT.is_match(&h.text)).collect();
    let title = |i: usize| i == 0 && !hs[i].has_body;
    let cases: Vec<Option<Case>> = (0..hs.len())
        .map(|i| {
            (!front[i] && !title(i))
                .then(|| case_of(&hs[i].text))
                .flatten()
        })
        .collect();
    let count = |c: Case| cases.iter().filter(|x| **x == Some(c)).count();
    let shown: Vec<Case> = [Case::Upper, Case::Title, Case::Sentence]
        .into_iter()
        .filter(|&c| count(c) > 0)
        .collect();
    if shown.len() < 2 {
        return None;
    }
    let anchored: Vec<Case> = hs
        .iter()
        .zip(&cases)
        .filter(|(h, _)| canonical(h))
        .filter_map(|(_, c)| *c)
        .collect();
    let top_case = match anchored.first() {
        Some(&c) if anchored.iter().all(|&a| a == c) => (c, false),
        Some(_) => return None,
        // A level has fewer headings than the one below it, and does not
        // repeat its headings ("Challenges" in every section is a
        // subsection).
        None => {
            let mut seen: HashMap<String, usize> = HashMap::new();
            for h in hs {
                *seen.entry(fold(&h.text)).or_default() += 1;
            }
            let repeats = |c: Case| {
                (0..hs.len())
                    .filter(|&i| cases[i] == Some(c) && seen[&fold(&hs[i].text)] > 1)
                    .count()
            };
            let candidates: Vec<Case> = shown
                .iter()
                .copied()
                .filter(|&c| repeats(c) * 2 < count(c))
                .collect();
            // A document does not open with a subsection: the case of its
            // first section is the top level's, unless a heading recurs in
            // that case, which a top level never does ("Implications" in
            // every chapter shares the sections' case).
            let opening = (0..hs.len())
                .find(|&i| !front[i] && !title(i))
                .and_then(|i| cases[i])
                .filter(|&c| candidates.contains(&c) && repeats(c) == 0);
            match opening {
                Some(c) => (c, true),
                None => {
                    let fewest = candidates.iter().copied().min_by_key(|&c| count(c))?;
                    if shown.iter().filter(|&&c| count(c) == count(fewest)).count() > 1 {
                        return None;
                    }
                    (fewest, false)
                }
            }
        }
    };
    let (top_case, opened) = top_case;
    let others = cases.iter().flatten().filter(|&&c| c != top_case).count();
    // More headings at the top than below it is doubtful, unless the first
    // section shows the top case; then a level of subsections still needs
    // two headings, or one title-cased name among sentence-cased sections
    // ("Climate Change") would nest under its neighbour.
    let doubtful = if opened {
        others < 2
    } else {
        count(top_case) > others
    };
    if doubtful {
        return None;
    }
    let top = (0..hs.len())
        .map(|i| match cases[i] {
            Some(c) => c == top_case,
            None => {
                let parent = !hs[i].has_body
                    && cases
                        .get(i + 1)
                        .copied()
                        .flatten()
                        .is_some_and(|c| c != top_case);
                front[i] || canonical(&hs[i]) || parent
            }
        })
        .collect();
    Some(top)
}

/// At least three letters, all capitals: "DATA ANALYSIS".
fn all_capitals(t: &str) -> bool {
    let letters = || t.chars().filter(|c| c.is_alphabetic());
    letters().count() >= 3 && letters().all(char::is_uppercase)
}

fn two_words(f: &str) -> String {
    f.split(' ').take(2).collect::<Vec<_>>().join(" ")
}

/// One item of the body in document order: a heading (an index into the
/// headings) or a paragraph's lines.
pub(super) enum Item {
    Heading(usize),
    Para(Vec<Range<usize>>),
}

/// Classifies the body texts into headings and paragraphs, in order.
pub(super) fn classify(
    text: &str,
    texts: Vec<Text>,
    markdown: bool,
) -> (Vec<Item>, Vec<HeadingInfo>) {
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
            let clean: String = clean
                .chars()
                .filter(|&c| !matches!(c, '*' | '_') && !c.is_control())
                .collect();
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
    (items, levels)
}

/// Each heading's level (1 is the top level; 0 is above it, a document
/// title or a part) and the evidence for it, after `top_levels` has
/// decided which headings are top level by `rule`.
pub(super) fn explain(hs: &[HeadingInfo], tops: &[bool], rule: &str) -> Vec<(usize, String)> {
    let md_top = hs
        .iter()
        .zip(tops)
        .find(|(_, t)| **t)
        .and_then(|(h, _)| h.md_level);
    let first_top = tops.iter().position(|&t| t);
    hs.iter()
        .zip(tops)
        .enumerate()
        .map(|(i, (h, &top))| {
            if let (Some(l), Some(t), "markdown") = (h.md_level, md_top, rule) {
                let marks = "#".repeat(l);
                let why = if l == t {
                    format!("`{marks}` heading: the top level (the shallowest used more than once, or the one below a lone title)")
                } else if l < t {
                    format!("`{marks}` heading: above the top level (`{}`)", "#".repeat(t))
                } else {
                    format!("`{marks}` heading: below the top level (`{}`)", "#".repeat(t))
                };
                return ((l + 1).saturating_sub(t), why);
            }
            let numbered = numbering(&h.text);
            // Nothing above it is a section: the title or front matter, not
            // a subsection of anything.
            let front = !top && first_top.is_none_or(|f| i < f);
            let part = !top
                && !h.has_body
                && tops.get(i + 1).copied().unwrap_or(false)
                && rule == "recurring-names";
            let level = match numbered {
                Some((d, _)) if rule == "numbering" => d,
                _ if top => 1,
                _ if part || front => 0,
                _ => 2,
            };
            let case = match case_of(&h.text) {
                Some(Case::Upper) => "capitals",
                Some(Case::Title) => "title case",
                Some(Case::Sentence) => "sentence case",
                None => "a case that does not show",
            };
            let why = match rule {
                _ if front && numbered.is_none() => {
                    "before the first top-level section: the title or front matter".to_string()
                }
                "numbering" => match numbered {
                    Some((d, _)) => format!("numbered at depth {d}"),
                    None if top => "unnumbered, a conventional section name".to_string(),
                    None => "unnumbered, under the numbered section before it".to_string(),
                },
                "typography" if ABSTRACT.is_match(&h.text) => "the abstract".to_string(),
                "typography" if top && canonical(h) => {
                    format!("a conventional section name, in {case}")
                }
                "typography" if top => format!("{case}, the top level's case"),
                "typography" => format!("{case}, a lower level's case"),
                "research-sections" if top && canonical(h) => {
                    "a conventional section name".to_string()
                }
                "research-sections" if top && all_capitals(&h.text) => {
                    "capitals, as the conventional sections are set".to_string()
                }
                "research-sections" if top && h.has_body && !canonical(h) => {
                    "the only heading after the introduction's text: a section of its own, as an introduction has no single subsection".to_string()
                }
                "research-sections" if top => {
                    "no text of its own before a subsection: it opens a section".to_string()
                }
                "research-sections" => {
                    "not a conventional name: under the conventional section before it".to_string()
                }
                "recurring-names" if part => {
                    "no text of its own before a top heading: a part above the dimensions"
                        .to_string()
                }
                "recurring-names" if top && !h.has_body && !tops.get(i + 1).copied().unwrap_or(true) => {
                    "no text of its own, before sections without subsections: their parent"
                        .to_string()
                }
                "recurring-names" if top => {
                    "a name of its own, neither recurring nor sharing its opening".to_string()
                }
                "recurring-names" => {
                    "recurs, shares its opening words with others, or follows a parent without text: a subsection".to_string()
                }
                _ => "the only evidence: every heading is top level".to_string(),
            };
            (level, why)
        })
        .collect()
}
