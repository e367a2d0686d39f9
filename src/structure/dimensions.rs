//! Dimensions: the top-level sections (or a profile's dimensions), and the
//! dimension each paragraph sits in.

use super::headings::{ABSTRACT, Item};
use super::{Dimension, Document, Paragraph};
use crate::lexicon;
use crate::profile::Profile;
use crate::text::{join_lines, slug};
use regex::Regex;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

/// A short label that opens a paragraph of a structured abstract
/// ("Methods:", "Palavras-chave:"): a capital, then letters, hyphens and
/// spaces, then a colon, stop or dash. The run is unbounded here and held
/// to [`MAX_LABEL`] characters by [`abstract_label`]: written as `{1,30}`,
/// the class of all letters was compiled thirty times, which made this the
/// largest pattern in the program (0.9 MB) for a rare paragraph.
static SHORT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{L}\- ]+[:.—–]\s").expect("valid regex"));

/// The longest [`SHORT_LABEL`], in letters, hyphens and spaces after the
/// capital.
const MAX_LABEL: usize = 30;

/// A section name, or an abstract's own label ("Keywords"), and a space.
static NAMED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let labels = lexicon::alternation(&[lexicon::SECTION_NAMES, lexicon::ABSTRACT_LABELS].concat());
    Regex::new(&format!(r"^(?i:{labels})\s")).expect("valid regex")
});

/// The label that opens a paragraph of a structured abstract: a short
/// label ([`SHORT_LABEL`]) or a section name and a space; the paragraph
/// starts with a capital.
fn abstract_label(t: &str) -> bool {
    // The closing mark is not in the class, so the run ends at it, and
    // is the match less the capital, the mark and the space.
    let short = SHORT_LABEL
        .find(t)
        .is_some_and(|m| m.as_str().chars().count() <= MAX_LABEL + 3);
    t.starts_with(char::is_uppercase) && (short || NAMED_LABEL.is_match(t))
}

/// The dimensions of a profile, each at the first heading it matches.
fn profile_dimensions(p: &Profile, doc: &mut Document) {
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

/// Opens the dimensions and gives each paragraph the one it sits in.
/// A heading at level `at` opens a dimension; one above it (a lower
/// number) closes the current one.
pub(super) fn assign(
    src: &Arc<String>,
    items: Vec<Item>,
    levels: &[usize],
    at: usize,
    profile: Option<&Profile>,
    doc: &mut Document,
) {
    let mut current: Option<usize> = None;
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    if let Some(p) = profile {
        profile_dimensions(p, doc);
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
                    None if levels[h] <= at => current = None,
                    None => {}
                }
            }
            Item::Heading(h) if levels[h] < at => {
                current = None;
                abstract_paras = None;
            }
            Item::Heading(h) => {
                if levels[h] == at {
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
                let mut mapped = join_lines(src, &lines, &mut doc.removed);
                mapped.share(src);
                if let Some(n) = abstract_paras.as_mut() {
                    let t = mapped.as_str();
                    let labelled = abstract_label(t);
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A label of up to thirty letters, hyphens and spaces after its
    /// capital opens an abstract's paragraph, and a longer run is prose.
    #[test]
    fn an_abstract_label_is_short_or_a_section_name() {
        assert!(abstract_label("Methods: we counted."));
        assert!(abstract_label("Palavras-chave: água; solo."));
        assert!(abstract_label("Key findings — three."));
        let thirty = format!("A{}: then text", "b".repeat(30));
        assert!(abstract_label(&thirty));
        let longer = format!("A{}: then text", "b".repeat(31));
        assert!(!abstract_label(&longer));
        assert!(abstract_label("Results were mixed, as expected"));
        assert!(!abstract_label("methods: lower case"));
        assert!(!abstract_label("We counted 12 plots: all were wet."));
    }
}
