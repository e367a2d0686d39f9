//! The whole analysis of one document: what every renderer consumes.

use crate::citation::{self, Cite};
use crate::input::{Extracted, Format, Kind, Source};
use crate::library::Library;
use crate::link::{self, Link, Match};
use crate::profile::Profile;
use crate::reference::{self, Reference};
use crate::structure::{self, Document};
use crate::text::sentence;
use std::collections::HashMap;
use std::ops::Range;

/// Options for [`analyze`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How to read the input.
    pub format: Format,
    /// Dimension profile; without one, top-level sections are dimensions.
    pub profile: Option<Profile>,
    /// The heading level whose sections are the dimensions: 1 (the
    /// default) for the top level, 2 for its subsections, and so on.
    pub dimension_level: Option<usize>,
    /// The author's library (`--bib`, or the files the document names),
    /// which citations by key are linked against.
    pub library: Option<std::sync::Arc<Library>>,
}

/// One citation with everything known about it.
#[derive(Debug, Clone)]
pub struct Citation {
    /// The citation as parsed.
    pub cite: Cite,
    /// Byte span in the original input.
    pub span: Range<usize>,
    /// 1-based line and column of its start.
    pub line: usize,
    /// 1-based column (characters) of its start.
    pub column: usize,
    /// The reference it cites, and how that was decided.
    pub link: Link,
    /// Index into [`Document::dimensions`].
    pub dimension: Option<usize>,
    /// The sentence it supports: a byte range of its paragraph's clean
    /// text, which [`Analysis::claim`] reads. A range, not a copy, because
    /// the citations of one sentence share it and a large document holds
    /// tens of thousands.
    pub claim_range: Range<usize>,
    /// Where the citation sits inside the claim text (a byte range of
    /// [`Analysis::claim`]), for highlighting.
    pub in_claim: Range<usize>,
    /// Index of the paragraph it sits in.
    pub paragraph: usize,
}

/// The analysis of one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The original input.
    pub source: Source,
    /// Headings, paragraphs and dimensions.
    pub document: Document,
    /// The reference list, parsed.
    pub references: Vec<Reference>,
    /// Every in-text citation, in document order.
    pub citations: Vec<Citation>,
    /// Runs of the input that replaced bytes that were not text (see
    /// [`crate::input::decode_lossy`]); `check` reports each.
    pub replaced: Vec<Range<usize>>,
    /// The author's library the document was read against, if any. The
    /// entries that keyed citations use are also in `references`, after
    /// the document's own.
    pub library: Option<std::sync::Arc<Library>>,
}

impl Analysis {
    /// Citation `c` as written in the original: its span of the source.
    /// Read from the source, not kept with each citation, because a large
    /// document holds tens of thousands.
    pub fn written(&self, c: &Citation) -> &str {
        self.source.text().get(c.span.clone()).unwrap_or("")
    }

    /// Byte span in the original input of the sentence citation `c`
    /// supports.
    pub fn claim_span(&self, c: &Citation) -> Range<usize> {
        self.document.paragraphs.get(c.paragraph).map_or(0..0, |p| {
            p.text.orig_span(c.claim_range.start, c.claim_range.end)
        })
    }

    /// The sentence citation `c` supports, as clean text.
    pub fn claim(&self, c: &Citation) -> &str {
        self.document
            .paragraphs
            .get(c.paragraph)
            .and_then(|p| p.text.as_str().get(c.claim_range.clone()))
            .unwrap_or("")
    }
}

/// Longest claim kept whole. A longer "sentence" is extraction damage (a
/// paragraph without sentence ends), and repeating it for every citation
/// in it would make the output grow with the square of its length.
pub const MAX_CLAIM: usize = 1500;

/// The sentence `s`, or for an overlong one a window of whole words
/// around the citation.
fn claim_window(text: &str, s: Range<usize>, cite: Range<usize>) -> Range<usize> {
    if s.len() <= MAX_CLAIM {
        return s;
    }
    let half = MAX_CLAIM.saturating_sub(cite.len()) / 2;
    let mut lo = crate::text::ceil_boundary(text, cite.start.saturating_sub(half).max(s.start));
    let mut hi = crate::text::floor_boundary(text, (cite.end + half).min(s.end));
    // Start and end on word boundaries.
    if lo > s.start
        && let Some(k) = text[lo..cite.start.max(lo)].find(' ')
    {
        lo += k + 1;
    }
    if hi < s.end
        && let Some(k) = text[cite.end.min(hi)..hi].rfind(' ')
    {
        hi = cite.end.min(hi) + k;
    }
    lo..hi
}

/// Analyses a document. Never fails: problems become diagnostics.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_source(Source::new(text), options)
}

/// Analyses a document read by [`crate::input::extract()`]: its own format
/// (Markdown for the structured kinds) overrides `options.format`, and
/// findings can name the original's paragraphs.
pub fn analyze_extracted(doc: &Extracted, options: &Options) -> Analysis {
    analyze_owned(doc.clone(), options)
}

/// [`analyze_extracted`] for a document the caller is done with: its text
/// becomes the analysis's source instead of being copied, which on a large
/// input saves the input's size in memory.
pub fn analyze_owned(doc: Extracted, options: &Options) -> Analysis {
    let mut options = options.clone();
    if doc.kind != Kind::Text {
        options.format = doc.format;
    }
    let mut a = analyze_keyed(
        Source::with_paragraphs(doc.text, doc.paragraphs),
        &options,
        &doc.bibitems,
    );
    a.replaced = doc.replaced;
    a
}

/// Analyses a wrapped document.
pub fn analyze_source(source: Source, options: &Options) -> Analysis {
    analyze_keyed(source, options, &[])
}

/// [`analyze_source`] for a document whose list carries keys of its own
/// (LaTeX's `\bibitem{key}`, with the offset its entry follows).
fn analyze_keyed(source: Source, options: &Options, bibitems: &[(String, usize)]) -> Analysis {
    let document = structure::analyze_at(
        &source,
        options.format,
        options.profile.as_ref(),
        options.dimension_level.unwrap_or(1),
    );
    let mut references = reference::extract(&source, &document.reference_lines);
    let mut citations: Vec<Citation> = Vec::new();
    let known = citation::Known::from_references(&references);
    let index = link::Index::new(&references);
    // Sentences of a paragraph are found once, however many citations it
    // has. Citations come in paragraph order, so only the current
    // paragraph's are kept.
    let mut sentences_of: (usize, Vec<Range<usize>>) = (usize::MAX, Vec::new());
    let library = options.library.as_deref();
    let pandoc = citation::any_bracketed(document.paragraphs.iter().map(|p| &p.text));
    let found_all = citation::find_all(document.paragraphs.iter().map(|p| &p.text), &known)
        .filter(|f| keeps_keyed(f, pandoc, library));
    // The library's entries that keyed citations use, in the order they
    // are first cited, as the list LaTeX or pandoc would print.
    let mut from_library: Vec<Reference> = Vec::new();
    let mut library_slot: HashMap<String, usize> = HashMap::new();
    let mut bibitem_at: HashMap<&str, usize> = HashMap::new();
    for (k, (key, _)) in bibitems.iter().enumerate() {
        bibitem_at.entry(key.as_str()).or_insert(k);
    }
    for mut found in found_all {
        let para = &document.paragraphs[found.paragraph];
        let ptext = para.text.as_str();
        if sentences_of.0 != found.paragraph {
            sentences_of = (found.paragraph, sentence::split(ptext));
        }
        let sentences = &sentences_of.1;
        let at = found.cite.span.start;
        // The sentences are in order and apart: a binary search finds the
        // one that holds the citation, so a paragraph of many citations
        // costs n log n, not n squared.
        let k = sentences.partition_point(|r| r.end.max(r.start + 1) <= at);
        let s = sentences
            .get(k)
            .filter(|r| r.start <= at)
            .cloned()
            .unwrap_or(0..ptext.len());
        let s = claim_window(ptext, s, found.cite.span.clone());
        let (line, column) = source.line_col(found.span.start);
        let link = match found.cite.keyed.as_ref().map(|k| k.key.clone()) {
            Some(key) => {
                let link = link_key(
                    &key,
                    bibitem(&key, &bibitem_at, bibitems, &references),
                    &references,
                    library,
                    &mut from_library,
                    &mut library_slot,
                );
                if let Some(r) = link.reference {
                    let r = match r.checked_sub(references.len()) {
                        Some(k) => &from_library[k],
                        None => &references[r],
                    };
                    cited_as(&mut found.cite, r);
                }
                link
            }
            None => {
                let link = index.link(&found.cite);
                let linked = link.reference.is_some() || link.year_mismatch.is_some();
                if citation::names_a_thing(ptext, &found.cite, linked) {
                    continue;
                }
                link
            }
        };
        // "(Manovich, 2001, 2002)" for an entry dated "(2001, 2002)" cites
        // one work: records of the same names, next to each other and
        // linked to the same entry, are one record.
        if let Some(prev) = citations.last_mut()
            && found.cite.keyed.is_none()
            && prev.paragraph == found.paragraph
            && prev.link.reference.is_some()
            && prev.link.reference == link.reference
            && prev.cite.names == found.cite.names
            && source.text()[prev.span.end..found.span.start]
                .trim_matches(|c: char| c == ',' || c.is_whitespace())
                .is_empty()
        {
            prev.span.end = found.span.end;
            prev.cite.year = format!("{}, {}", prev.cite.year, found.cite.year);
            prev.cite.span.end = found.cite.span.end;
            prev.in_claim.end = found
                .cite
                .span
                .end
                .saturating_sub(s.start)
                .min(s.len())
                .max(prev.in_claim.end);
            continue;
        }
        citations.push(Citation {
            span: found.span,
            line,
            column,
            link,
            dimension: para.dimension,
            in_claim: found.cite.span.start.saturating_sub(s.start)
                ..found.cite.span.end.min(s.end).saturating_sub(s.start),
            paragraph: found.paragraph,
            claim_range: s,
            cite: found.cite,
        });
    }
    references.extend(from_library);
    Analysis {
        source,
        document,
        references,
        citations,
        replaced: Vec::new(),
        library: options.library.clone(),
    }
}

/// Whether to keep a citation found by its syntax: a bare "@key" is a
/// citation only in a document with pandoc citations (`pandoc`) or when
/// the library has the key; an e-mail address or a handle is not.
fn keeps_keyed(f: &citation::Located, pandoc: bool, library: Option<&Library>) -> bool {
    match &f.cite.keyed {
        Some(k) if k.syntax == citation::keyed::Syntax::Bare => {
            pandoc || library.is_some_and(|l| l.get(&k.key).is_some())
        }
        _ => true,
    }
}

/// Links a citation by key: to the document's own entry (`own`), else
/// to the library's, which then joins the list (at `references.len()` and
/// after, in the order first cited).
fn link_key(
    key: &str,
    own: Option<usize>,
    references: &[Reference],
    library: Option<&Library>,
    from_library: &mut Vec<Reference>,
    slot: &mut HashMap<String, usize>,
) -> Link {
    let found = |reference: usize| Link {
        reference: Some(reference),
        how: Match::Exact,
        year_mismatch: None,
        ambiguous: Vec::new(),
    };
    if let Some(i) = own {
        return found(i);
    }
    if let Some(&k) = slot.get(key) {
        return found(references.len() + k);
    }
    let reason = match library {
        Some(l) => match l.get(key) {
            Some(e) => {
                slot.insert(key.to_string(), from_library.len());
                from_library.push(e.clone());
                return found(references.len() + from_library.len() - 1);
            }
            // The nearest key is the check's help (`unknown-key`).
            None => format!("no entry with the key \"{key}\" in the library"),
        },
        None => format!(
            "no library to look the key \"{key}\" up in (pass --bib, or name one with \\bibliography{{}} or bibliography:)"
        ),
    };
    Link {
        reference: None,
        how: Match::None { reason },
        year_mismatch: None,
        ambiguous: Vec::new(),
    }
}

/// The document's own entry for a key: the entry that follows its
/// `\bibitem`, within the stretch before the next one.
fn bibitem(
    key: &str,
    at: &HashMap<&str, usize>,
    bibitems: &[(String, usize)],
    references: &[Reference],
) -> Option<usize> {
    let k = *at.get(key)?;
    let from = bibitems[k].1;
    let to = bibitems.get(k + 1).map_or(usize::MAX, |b| b.1);
    let i = references.partition_point(|r| r.span.start < from);
    references.get(i).filter(|r| r.span.start < to).map(|_| i)
}

/// A keyed citation takes its names and year from the entry it cites, so
/// that reports and checks read it as they read "Smith (2015)".
fn cited_as(cite: &mut citation::Cite, r: &Reference) {
    let people = r.people();
    cite.names = people
        .iter()
        .take(if people.len() > 2 { 1 } else { 2 })
        .map(|n| n.citation_name().to_string())
        .collect();
    cite.et_al = people.len() > 2;
    cite.written = cite.names.join(" & ");
    cite.year = r.year.clone().unwrap_or_else(|| "n.d.".into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_thing_after_an_article_is_not_a_citation() {
        let doc = "Intro\n\nIt came from the Theatre Optique (1892), as used by Hodgon (2001) and the Preston (1975) curve shows.\n\nReferences\n\nPreston, S. H. (1975). The changing relation. Population Studies, 29, 231–248.\n";
        let a = analyze(doc, &Options::default());
        let texts: Vec<&str> = a.citations.iter().map(|c| a.written(c)).collect();
        assert_eq!(texts, ["Hodgon (2001)", "Preston (1975)"]);
    }

    #[test]
    fn an_organisation_with_its_acronym_in_parentheses_is_cited_and_listed_whole() {
        // A hard-wrapped list: the organisation's entry must start an
        // entry of its own, and the citation must find it exactly.
        let doc = "Intro\n\nSeas rise (Intergovernmental Panel on Coastal Seas (IPCS), 2008), as Lee (2001) says.\n\nReferences\n\nLee, K. (2001). A long title about the rivers of the\nplains and the seas. Water Journal, 3, 1–9.\nIntergovernmental Panel on Coastal Seas (IPCS). (2008). The rivers report.\nLake Press.\n";
        let a = analyze(doc, &Options::default());
        assert_eq!(a.references.len(), 2);
        let texts: Vec<&str> = a.citations.iter().map(|c| a.written(c)).collect();
        assert_eq!(
            texts,
            [
                "Intergovernmental Panel on Coastal Seas (IPCS), 2008",
                "Lee (2001)"
            ]
        );
        assert_eq!(a.citations[0].link.reference, Some(1));
        assert_eq!(a.citations[0].link.how, Match::Exact);
    }

    #[test]
    fn years_of_one_entry_are_one_citation_and_of_two_entries_two() {
        let doc = "Intro\n\nAs argued (Manovich, 2001, 2002) and (Lee, 2010, 2012).\n\nReferences\n\nLee, K. (2010). One. J, 1, 1–2.\nLee, K. (2012). Two. J, 2, 3–4.\nManovich, L. (2001, 2002). The language of new media. MIT Press.\n";
        let a = analyze(doc, &Options::default());
        let texts: Vec<&str> = a.citations.iter().map(|c| a.written(c)).collect();
        assert_eq!(texts, ["Manovich, 2001, 2002", "Lee, 2010", "2012"]);
        let keys: Vec<Option<usize>> = a.citations.iter().map(|c| c.link.reference).collect();
        assert_eq!(keys, [Some(2), Some(0), Some(1)]);
    }

    #[test]
    fn an_overlong_sentence_gives_a_window_of_whole_words() {
        let text = format!(
            "{} (Smith, 2015) {}",
            "word ".repeat(1000),
            "more ".repeat(1000)
        );
        let at = text.find("(Smith").unwrap();
        let w = claim_window(&text, 0..text.len(), at..at + 14);
        assert!(w.len() <= MAX_CLAIM && w.start < at && w.end > at + 14);
        assert!(text[w.clone()].starts_with("word") && text[w].ends_with("more"));
        assert_eq!(claim_window("A short one.", 0..12, 2..5), 0..12);
    }

    /// A 20 MB document holds some 30,000 citations, so every byte of the
    /// record is 30 kB of the run's peak: a field added here should be
    /// rare (boxed) or derived (a method), not another inline copy.
    #[test]
    fn a_citation_record_stays_small() {
        assert!(std::mem::size_of::<Citation>() <= 344);
        assert!(std::mem::size_of::<Cite>() <= 168);
    }
}
