//! The report model: sources per dimension. One model, several renderers
//! (Markdown, CSV, JSON, HTML).

use crate::analysis::Analysis;
use crate::reference::EntryType;
use serde::Serialize;

/// How one dimension uses one source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceUse {
    /// Reference key.
    pub key: String,
    /// Short citation: "Harte (2013)".
    pub short: String,
    /// Citations of it in this dimension.
    pub count: usize,
    /// Publication year.
    pub year: Option<String>,
}

/// One claim in a dimension, with its citations.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// The sentence.
    pub text: String,
    /// 1-based line of the sentence.
    pub line: usize,
    /// Keys it cites (null for unresolved citations).
    pub keys: Vec<Option<String>>,
    /// The citations as written.
    pub citations: Vec<String>,
    /// Where each citation sits in `text` (byte ranges).
    pub marks: Vec<std::ops::Range<usize>>,
}

/// A sentence with figures and no citation in its paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct UnsupportedFigure {
    /// The sentence.
    pub sentence: String,
    /// The figure, as written.
    pub figure: String,
    /// 1-based line.
    pub line: usize,
}

/// One dimension of the report.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionReport {
    /// The document it is in, in a report across documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Dimension id ("document:id" across documents).
    pub id: String,
    /// Heading.
    pub heading: String,
    /// 1-based line of the heading.
    pub line: usize,
    /// Number of citations in the dimension.
    pub citations: usize,
    /// Citations that link to no reference.
    pub unresolved: usize,
    /// Sources used, most cited first.
    pub sources: Vec<SourceUse>,
    /// Claims with citations, in document order.
    pub claims: Vec<Claim>,
    /// Sentences with figures but no citation in their paragraph.
    pub unsupported: Vec<UnsupportedFigure>,
}

/// One reference with its use across the document.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    /// Reference key.
    pub key: String,
    /// Short citation.
    pub short: String,
    /// Entry type.
    #[serde(rename = "type")]
    pub kind: EntryType,
    /// Year.
    pub year: Option<String>,
    /// Citations in the whole document.
    pub count: usize,
    /// Dimensions that cite it.
    pub dimensions: usize,
    /// Documents that cite it, in a report across documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<usize>,
    /// URL, if any.
    pub url: Option<String>,
    /// The reference as written.
    pub raw: String,
}

/// Totals over the document.
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    /// Dimensions.
    pub dimensions: usize,
    /// References in the list.
    pub references: usize,
    /// In-text citations.
    pub citations: usize,
    /// Citations linked to a reference.
    pub linked: usize,
    /// References that no citation uses.
    pub uncited: usize,
    /// Citations outside any dimension (front matter).
    pub outside_dimensions: usize,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Per dimension, in document order.
    pub dimensions: Vec<DimensionReport>,
    /// Per reference, in list order.
    pub sources: Vec<SourceRow>,
    /// Totals.
    pub totals: Totals,
}

/// Citation counts of an analysis, by dimension and reference.
struct Tally {
    /// `counts[d][r]`: citations of reference `r` in dimension `d`.
    counts: Vec<Vec<usize>>,
    /// Citations of each reference, in any dimension or none.
    total: Vec<usize>,
    /// Citations in each dimension, and how many of them link to nothing.
    dim_cites: Vec<usize>,
    dim_unresolved: Vec<usize>,
    /// The claims of each dimension, citations of one sentence together.
    claims: Vec<Vec<Claim>>,
    /// Citations outside any dimension.
    outside: usize,
}

fn tally(a: &Analysis) -> Tally {
    let nrefs = a.references.len();
    let ndims = a.document.dimensions.len();
    let mut t = Tally {
        counts: vec![vec![0usize; nrefs]; ndims],
        total: vec![0usize; nrefs],
        dim_cites: vec![0usize; ndims],
        dim_unresolved: vec![0usize; ndims],
        claims: vec![Vec::new(); ndims],
        outside: 0,
    };
    for c in &a.citations {
        if let Some(r) = c.link.reference {
            t.total[r] += 1;
        }
        let Some(d) = c.dimension else {
            t.outside += 1;
            continue;
        };
        t.dim_cites[d] += 1;
        match c.link.reference {
            Some(r) => t.counts[d][r] += 1,
            None => t.dim_unresolved[d] += 1,
        }
        let key = c.link.reference.map(|r| a.references[r].key.clone());
        match t.claims[d].last_mut() {
            Some(last) if last.text == a.claim(c) => {
                last.keys.push(key);
                last.citations.push(a.written(c).to_string());
                last.marks.push(c.in_claim.clone());
            }
            _ => t.claims[d].push(Claim {
                text: a.claim(c).to_string(),
                line: a.source.line_col(a.claim_span(c).start).0,
                keys: vec![key],
                citations: vec![a.written(c).to_string()],
                marks: vec![c.in_claim.clone()],
            }),
        }
    }
    t
}

/// Figures without a source, by dimension.
fn unsupported_by_dimension(a: &Analysis) -> Vec<Vec<UnsupportedFigure>> {
    let mut unsupported: Vec<Vec<UnsupportedFigure>> =
        vec![Vec::new(); a.document.dimensions.len()];
    for f in crate::figures::unsupported(a) {
        if let Some(d) = a.document.paragraphs[f.paragraph].dimension {
            unsupported[d].push(UnsupportedFigure {
                sentence: f.sentence,
                figure: f.figure,
                line: a.source.line_col(f.span.start).0,
            });
        }
    }
    unsupported
}

/// Builds the report from an analysis.
pub fn build(a: &Analysis) -> Report {
    let nrefs = a.references.len();
    let ndims = a.document.dimensions.len();
    let mut unsupported = unsupported_by_dimension(a);
    let mut t = tally(a);
    let dimensions = a
        .document
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let mut sources: Vec<SourceUse> = (0..nrefs)
                .filter(|&r| t.counts[d][r] > 0)
                .map(|r| SourceUse {
                    key: a.references[r].key.clone(),
                    short: a.references[r].short_citation(),
                    count: t.counts[d][r],
                    year: a.references[r].year.clone(),
                })
                .collect();
            sources.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.key.cmp(&y.key)));
            DimensionReport {
                document: None,
                id: dim.id.clone(),
                heading: dim.heading.clone(),
                line: a.source.line_col(dim.span.start).0,
                citations: t.dim_cites[d],
                unresolved: t.dim_unresolved[d],
                sources,
                claims: std::mem::take(&mut t.claims[d]),
                unsupported: std::mem::take(&mut unsupported[d]),
            }
        })
        .collect();
    let sources: Vec<SourceRow> = a
        .references
        .iter()
        .enumerate()
        .map(|(r, re)| SourceRow {
            key: re.key.clone(),
            short: re.short_citation(),
            kind: re.kind,
            year: re.year.clone(),
            count: t.total[r],
            dimensions: (0..ndims).filter(|&d| t.counts[d][r] > 0).count(),
            documents: None,
            url: re.url.clone(),
            raw: re.text.as_str().to_string(),
        })
        .collect();
    let totals = Totals {
        dimensions: ndims,
        references: nrefs,
        citations: a.citations.len(),
        linked: a
            .citations
            .iter()
            .filter(|c| c.link.reference.is_some())
            .count(),
        uncited: t.total.iter().filter(|&&n| n == 0).count(),
        outside_dimensions: t.outside,
    };
    Report {
        dimensions,
        sources,
        totals,
    }
}

/// One document's part of a report across documents.
#[derive(Debug, Clone)]
pub struct Part {
    /// The document's name, as the report shows it.
    pub document: String,
    /// Its own report.
    pub report: Report,
    /// Its reference list, in the order of `report.sources`.
    pub references: Vec<crate::reference::Reference>,
}

/// One report across documents, as for the chapters of a book: every
/// document's dimensions in order (ids "document:id"), and one source per
/// distinct work ([`crate::bibliography::work_id`]), keyed anew so that
/// two works never share a key, with how many documents cite it. Totals
/// add up; `references` counts distinct works.
pub fn combine(parts: Vec<Part>) -> Report {
    use crate::bibliography::{KeyFormat, assign_keys, work_id};
    use std::collections::HashMap;
    // Each document's reference r is work `local[p][r]` of the book.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut works: Vec<crate::reference::Reference> = Vec::new();
    let mut local: Vec<Vec<usize>> = Vec::new();
    for p in &parts {
        let ids = p
            .references
            .iter()
            .map(|r| {
                *index.entry(work_id(r)).or_insert_with(|| {
                    works.push(r.clone());
                    works.len() - 1
                })
            })
            .collect();
        local.push(ids);
    }
    assign_keys(&mut works, &KeyFormat::default(), &Default::default());
    // Each document's keys, to the works they name: one map a document,
    // so remapping stays linear in the uses.
    let by_key: Vec<HashMap<&str, usize>> = parts
        .iter()
        .zip(&local)
        .map(|(p, ids)| {
            p.report
                .sources
                .iter()
                .zip(ids)
                .map(|(s, &w)| (s.key.as_str(), w))
                .collect()
        })
        .collect();
    let key_of = |p: usize, key: &str| -> Option<usize> { by_key[p].get(key).copied() };
    let mut rows: Vec<SourceRow> = works
        .iter()
        .map(|w| SourceRow {
            key: w.key.clone(),
            short: w.short_citation(),
            kind: w.kind,
            year: w.year.clone(),
            count: 0,
            dimensions: 0,
            documents: Some(0),
            url: w.url.clone(),
            raw: w.text.as_str().to_string(),
        })
        .collect();
    let mut dimensions = Vec::new();
    let mut totals = Totals {
        dimensions: 0,
        references: works.len(),
        citations: 0,
        linked: 0,
        uncited: 0,
        outside_dimensions: 0,
    };
    for (p, part) in parts.iter().enumerate() {
        let t = &part.report.totals;
        totals.dimensions += t.dimensions;
        totals.citations += t.citations;
        totals.linked += t.linked;
        totals.outside_dimensions += t.outside_dimensions;
        let mut cited_here = vec![false; works.len()];
        for (r, s) in part.report.sources.iter().enumerate() {
            if let Some(&w) = local[p].get(r) {
                rows[w].count += s.count;
                cited_here[w] |= s.count > 0;
            }
        }
        for (w, here) in cited_here.into_iter().enumerate() {
            if here && let Some(n) = rows[w].documents.as_mut() {
                *n += 1;
            }
        }
        for d in &part.report.dimensions {
            let mut sources: Vec<SourceUse> = Vec::new();
            let mut at: HashMap<usize, usize> = HashMap::new();
            for u in &d.sources {
                let Some(w) = key_of(p, &u.key) else { continue };
                match at.get(&w) {
                    // The same work listed twice in one document.
                    Some(&i) => sources[i].count += u.count,
                    None => {
                        rows[w].dimensions += 1;
                        at.insert(w, sources.len());
                        sources.push(SourceUse {
                            key: works[w].key.clone(),
                            ..u.clone()
                        });
                    }
                }
            }
            sources.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.key.cmp(&y.key)));
            let claims = d
                .claims
                .iter()
                .map(|c| Claim {
                    keys: c
                        .keys
                        .iter()
                        .map(|k| {
                            k.as_deref()
                                .and_then(|k| key_of(p, k))
                                .map(|w| works[w].key.clone())
                        })
                        .collect(),
                    ..c.clone()
                })
                .collect();
            dimensions.push(DimensionReport {
                document: Some(part.document.clone()),
                id: format!("{}:{}", part.document, d.id),
                sources,
                claims,
                ..d.clone()
            });
        }
    }
    totals.uncited = rows.iter().filter(|r| r.count == 0).count();
    Report {
        dimensions,
        sources: rows,
        totals,
    }
}

impl Report {
    /// Dimension × source citation counts, with the sources ordered by use
    /// (most cited first, then key).
    pub fn matrix(&self) -> (Vec<&SourceRow>, Vec<Vec<usize>>) {
        let mut cols: Vec<&SourceRow> = self.sources.iter().filter(|s| s.count > 0).collect();
        cols.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        let rows = self
            .dimensions
            .iter()
            .map(|d| {
                cols.iter()
                    .map(|s| {
                        d.sources
                            .iter()
                            .find(|u| u.key == s.key)
                            .map_or(0, |u| u.count)
                    })
                    .collect()
            })
            .collect();
        (cols, rows)
    }
}
