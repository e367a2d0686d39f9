//! Entries in the Brazilian standard (ABNT NBR 6023), the author-date style
//! of Portuguese-language journals: the date comes last, not after the
//! names.
//!
//! ```text
//! SILVA, J.; SOUZA, M. Title. Journal, v. 1, n. 2, p. 3-4, 2010.
//! ABEL, R. The Ciné Goes to Town. Berkeley: University of California Press, 1994.
//! LIMA, A. Preface. In: COSTA, G. Cartoons. London: Libbey, 1994.
//! ```

use super::anchor::author_like;
use super::fields::{clean, non_empty, person};
use super::names::parse_names;
use super::tail::{PP_PAGES, parse_in, tail_publisher, take_edition};
use super::{Name, Reference};
use crate::text::sentence::entry_bounds as sentence_bounds;
use regex::Regex;
use std::sync::LazyLock;

static AVAILABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\b(?:dispon[ií]vel em|available (?:at|from))\s*:?\s*\.?")
        .expect("valid regex")
});
/// The date at the end: ", 2010." or "2010. p. 3-4." (a chapter's pages).
static END_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s,(\[])((?:1[5-9]|20)\d\d[a-z]?)[\])]?\s*(?:[.,;]|$)").expect("valid regex")
});
/// The journal part: "Journal, v. 1, n. 2, p. 3-4".
static VOLUME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:v|vol)\.\s*([^,\s]+)").expect("valid regex"));
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:n|no|nº)\.?\s*(\d[^,\s]*)").expect("valid regex"));
static JOURNAL_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s*(?:(?:v|vol)\.\s*\S|(?:n|nº)\.\s*\d|pp?\.\s*\S)").expect("valid regex")
});
static THESIS_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:tese|dissertação|monografia|trabalho de conclusão)\b[^–—-]*[–—-]\s*")
        .expect("valid regex")
});

/// One name of the list: "SILVA, J. A.", "COSTA, Giovanni",
/// "Arboit, A. E.".
///
/// The family name excludes `0-9`, not `\d`: sixty copies of a negated
/// Unicode class took 6 ms to compile, on every run that read an entry.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<family>\p{{Lu}}[^,;.()0-9]{{0,60}}?),\s+(?P<given>(?:\p{{Lu}}\.\s?(?:-\s?\p{{Lu}}\.\s?)*)+|\p{{Lu}}[\p{{L}}'’\-]+(?:\s+(?:\p{{Lu}}[\p{{L}}'’\-]+|\p{{Lu}}\.|{}))*\.?)",
        crate::grammar::particles()
    ))
    .expect("valid regex")
});
/// An organisation in capitals: "BRASIL.", "IBGE.".
static ORGANISATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?P<org>\p{Lu}[\p{Lu}\s\-]{2,}?)\.\s").expect("valid regex"));

/// Reads the names at the start of an ABNT entry; returns them and where
/// the title starts.
fn names(t: &str) -> Option<(Vec<Name>, bool, usize)> {
    // "______. Title": the authors of the entry before, filled in by
    // [`repeat_authors`].
    if let Some(m) = SAME_AUTHORS.find(t) {
        return Some((Vec::new(), false, m.end()));
    }
    if let Some(c) = ORGANISATION.captures(t) {
        let end = c.get(0)?.end();
        return Some((
            vec![Name::Literal {
                literal: clean(&c["org"]),
            }],
            false,
            end,
        ));
    }
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let c = NAME.captures(&t[pos..])?;
        out.push(person(&c["family"], c["given"].trim()));
        pos += c.get(0)?.end();
        let after = &t[pos..];
        let gap = after.len() - after.trim_start().len();
        if let Some(next) = after.trim_start().strip_prefix(';') {
            pos += gap + 1 + (next.len() - next.trim_start().len());
            continue;
        }
        if let Some(m) = ET_AL.find(after) {
            return Some((out, true, pos + m.end()));
        }
        // The list ends with a period: the last initial's or its own.
        let ended = t[..pos].trim_end().ends_with('.') || after.starts_with('.');
        let end = pos + usize::from(after.starts_with('.'));
        return ended.then_some((out, false, end));
    }
}

/// ABNT's rule for "the same authors as the entry above".
static SAME_AUTHORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:_{3,}|—{1,3}|-{3,})\s*\.?\s*").expect("valid regex"));

static ET_AL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:et al\.?|et alii\.?)\s*\.?").expect("valid regex"));

/// Gives each "______. Title" entry the authors of the entry above it.
pub(super) fn repeat_authors(refs: &mut [Reference]) {
    for i in 1..refs.len() {
        if refs[i].authors.is_empty() && SAME_AUTHORS.is_match(refs[i].text.as_str()) {
            refs[i].authors = refs[i - 1].authors.clone();
        }
    }
}

/// Reads `t` (identifiers already removed) as an ABNT entry into `r`:
/// authors, title, year and the rest. False, touching nothing, when `t`
/// doesn't have that shape.
pub(super) fn parse(r: &mut Reference, t: &str) -> bool {
    // The link itself was taken out with the other identifiers.
    let t = AVAILABLE.replace_all(t, "");
    let t = t.as_ref();
    let Some((authors, truncated, cut)) = names(t) else {
        return false;
    };
    let rest = &t[cut..];
    let Some(year) = END_YEAR.captures_iter(rest).last().and_then(|c| c.get(1)) else {
        return false;
    };
    r.authors = authors;
    r.authors_truncated = truncated;
    r.year = Some(year.as_str().to_string());
    // Drop the year (and the comma before it) from the rest.
    let before = rest[..year.start()].trim_end().trim_end_matches(',');
    let rest = format!("{before}{}", &rest[year.end()..]);
    let rest = rest.trim();
    let parts = sentence_bounds(rest);
    let title_end = parts.first().copied().unwrap_or(rest.len());
    let title = rest[..title_end].trim().trim_end_matches('.');
    let title = take_edition(r, title);
    r.title = non_empty(&title);
    let tail = rest[title_end..].trim();
    let tail = take_edition(r, tail);
    if let Some(book) = tail
        .strip_prefix("In:")
        .or_else(|| tail.strip_prefix("In "))
        .or_else(|| tail.strip_prefix("Em:"))
    {
        chapter(r, book);
    } else if let Some(m) = JOURNAL_MARK.find(&tail) {
        r.container = non_empty(&tail[..m.start()]);
        let info = &tail[m.start()..];
        r.volume = VOLUME.captures(info).and_then(|c| non_empty(&c[1]));
        r.issue = NUMBER.captures(info).and_then(|c| non_empty(&c[1]));
        r.pages = PP_PAGES.captures(info).and_then(|c| non_empty(&c[1]));
    } else if let Some(m) = THESIS_MARK.find(&tail) {
        // "Tese (Doutorado em X) – Universidade Y, Cidade": the school.
        let school = tail[m.end()..].trim().trim_end_matches('.');
        let school = school.rsplit_once(',').map_or(school, |(s, _)| s);
        r.publisher = non_empty(school);
    } else {
        tail_publisher(r, &tail);
    }
    true
}

/// "In: COSTA, G. (Org.). Cartoons. London: Libbey. p. 3-4."
fn chapter(r: &mut Reference, book: &str) {
    let book = book.trim();
    let bounds = sentence_bounds(book);
    let first = bounds.first().copied().unwrap_or(book.len());
    let head = book[..first].trim().trim_end_matches('.');
    // Without "(Org.)", the names before the book's title are its author's.
    if !head.contains('(') && head.contains(',') && author_like(head) {
        r.editors = parse_names(head).0;
        parse_in(r, &book[first..]);
    } else {
        parse_in(r, book);
    }
    if r.pages.is_none() {
        r.pages = PP_PAGES.captures(book).and_then(|c| non_empty(&c[1]));
    }
    if let Some(p) = r.publisher.take() {
        // "John Libbey. p. 3-4": the pages were read with the publisher.
        let p = PP_PAGES.find(&p).map_or(p.as_str(), |m| &p[..m.start()]);
        r.publisher = non_empty(&clean(p.trim_end_matches(['.', ',', ' '])));
    }
}

#[cfg(test)]
mod tests {
    use crate::reference::{EntryType, Name, Reference, parse_lines};

    fn families(r: &Reference) -> Vec<String> {
        r.authors
            .iter()
            .map(|n| match n {
                Name::Person { family, .. } => family.clone(),
                Name::Literal { literal } => literal.clone(),
            })
            .collect()
    }

    #[test]
    fn articles_books_and_chapters() {
        let r = parse_lines(
            "ARBOIT, A. E.; BUFREM, L. S. A produção brasileira. Perspectivas em Ciência da Informação, v. 16, n. 3, p. 75-92, 2011.\n\
             ABEL, R. The Ciné Goes to Town: French Cinema. 2. ed. Berkeley: University of California Press, 1994.\n\
             ALEXEIEFF, A. Preface. In: BENDAZZI, Giannalberto. Cartoons. London: John Libbey, 1994. p. 3-4.\n\
             CRAFTON, D. Tricks. In: CHOLODENKO, A. (Org.). The Illusion of Life. Sydney: Power, 1991.\n\
             ______. Before Mickey. Cambridge: MIT Press, 1982.\n\
             BRASIL. Lei de Diretrizes e Bases. Brasília: Senado, 1996.\n",
        );
        assert_eq!(families(&r[0]), ["ARBOIT", "BUFREM"]);
        assert_eq!(r[0].year.as_deref(), Some("2011"));
        assert_eq!(r[0].title.as_deref(), Some("A produção brasileira"));
        assert_eq!(
            r[0].container.as_deref(),
            Some("Perspectivas em Ciência da Informação")
        );
        assert_eq!(
            (
                r[0].volume.as_deref(),
                r[0].issue.as_deref(),
                r[0].pages.as_deref()
            ),
            (Some("16"), Some("3"), Some("75-92"))
        );
        assert_eq!(r[0].kind, EntryType::Article);

        assert_eq!(
            r[1].title.as_deref(),
            Some("The Ciné Goes to Town: French Cinema")
        );
        assert_eq!(r[1].edition.as_deref(), Some("2. ed"));
        assert_eq!(r[1].location.as_deref(), Some("Berkeley"));
        assert_eq!(
            r[1].publisher.as_deref(),
            Some("University of California Press")
        );
        assert_eq!(r[1].kind, EntryType::Book);

        assert_eq!(r[2].title.as_deref(), Some("Preface"));
        assert_eq!(r[2].container.as_deref(), Some("Cartoons"));
        assert_eq!(r[2].publisher.as_deref(), Some("John Libbey"));
        assert_eq!(r[2].pages.as_deref(), Some("3-4"));
        assert_eq!(r[2].kind, EntryType::InCollection);

        assert_eq!(r[3].container.as_deref(), Some("The Illusion of Life"));
        assert_eq!(r[3].editors.len(), 1);

        assert_eq!(families(&r[4]), ["CRAFTON"], "______ repeats the authors");
        assert_eq!(r[4].year.as_deref(), Some("1982"));

        assert_eq!(families(&r[5]), ["BRASIL"]);
        assert_eq!(r[5].title.as_deref(), Some("Lei de Diretrizes e Bases"));
    }

    #[test]
    fn other_styles_are_left_alone() {
        let r = parse_lines(
            "Smith, J. (2010). A title. Nature, 1, 1–2.\nSmith, John. 2010. “A title.” Nature 1: 1–2.\n",
        );
        assert!(r.iter().all(|r| r.title.as_deref() == Some("A title")));
        assert!(r.iter().all(|r| r.container.as_deref() == Some("Nature")));
    }
}
