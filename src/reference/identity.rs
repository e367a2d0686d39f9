//! Which entries of a list are the same work: one rule, read by the linker
//! (a citation of a work listed twice links to its first copy) and by the
//! checks (the copy is one `duplicate-reference`, nothing more).

use super::Reference;
use crate::text::fold;
use std::collections::HashMap;

/// The copies in a list and the DOIs that two different works share.
#[derive(Debug, Clone, Default)]
pub struct Copies {
    /// `first[i]`: the first entry of the work entry `i` describes (`i`
    /// itself for a first or only copy).
    pub first: Vec<usize>,
    /// Pairs (earlier, later) of entries that carry the same DOI but
    /// disagree on the first author and the title: chapters of one book
    /// that give the book's DOI, or a typing slip.
    pub shared_doi: Vec<(usize, usize)>,
}

/// The folded first author (or editor).
fn first_name(r: &Reference) -> String {
    r.people()
        .first()
        .map(|n| fold(n.citation_name()))
        .unwrap_or_default()
}

/// The folded title, or the entry's whole text for one without a title.
fn folded_title(r: &Reference) -> String {
    r.title
        .as_deref()
        .map(fold)
        .unwrap_or_else(|| fold(r.text.as_str()))
}

/// What identifies a work without its DOI: first author, year and title.
fn work_key(r: &Reference) -> String {
    format!(
        "{}|{}|{}",
        first_name(r),
        r.year.as_deref().unwrap_or(""),
        folded_title(r)
    )
}

/// Two entries with one DOI describe one work when they also agree on the
/// first author or on the title.
fn agree(a: &Reference, b: &Reference) -> bool {
    first_name(a) == first_name(b) || folded_title(a) == folded_title(b)
}

/// Finds the copies of a list in one pass. An entry repeats an earlier one
/// when both have the DOI and agree on author or title, or when neither
/// DOI contradicts and author, year and title are the same.
pub fn copies(refs: &[Reference]) -> Copies {
    let mut by_doi: HashMap<String, usize> = HashMap::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut out = Copies {
        first: (0..refs.len()).collect(),
        shared_doi: Vec::new(),
    };
    for (i, r) in refs.iter().enumerate() {
        let doi = r.doi.as_deref().map(str::to_lowercase);
        if let Some(&j) = doi.as_ref().and_then(|d| by_doi.get(d)) {
            if agree(&refs[j], r) {
                out.first[i] = out.first[j];
                continue;
            }
            out.shared_doi.push((j, i));
        }
        // Without a title or text there is nothing to compare.
        let key = Some(work_key(r)).filter(|_| !folded_title(r).is_empty());
        let same = key
            .as_ref()
            .and_then(|k| by_key.get(k))
            .copied()
            .filter(|&j| {
                let other = refs[j].doi.as_deref().map(str::to_lowercase);
                other.is_none() || doi.is_none() || other == doi
            });
        if let Some(j) = same {
            out.first[i] = out.first[j];
            continue;
        }
        if let Some(key) = key {
            by_key.entry(key).or_insert(i);
        }
        if let Some(d) = doi {
            by_doi.entry(d).or_insert(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::parse_lines;

    #[test]
    fn a_work_listed_twice_is_one_copy_and_chapters_sharing_a_doi_are_not() {
        let refs = parse_lines(
            "Lee, K. (2001). A study. Journal, 1, 1–2.\n\
             Lee, K. (2001). A study. Journal, 1, 1–2.\n\
             Hart, A. (2010). First chapter. In B. Cole (Ed.), The book (pp. 1–9). Press. https://doi.org/10.1000/book\n\
             Moss, C. (2010). Second chapter. In B. Cole (Ed.), The book (pp. 10–19). Press. https://doi.org/10.1000/book\n\
             Hart, A. (2010). First chapter, again. In B. Cole (Ed.), The book (pp. 1–9). Press. https://doi.org/10.1000/BOOK\n",
        );
        let c = copies(&refs);
        assert_eq!(c.first, [0, 0, 2, 3, 2]);
        assert_eq!(c.shared_doi, [(2, 3)]);
    }
}
