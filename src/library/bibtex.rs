//! `.bib` files, BibTeX and BibLaTeX alike, read with the `biblatex` crate:
//! `@string` macros, `crossref` and `xdata` inheritance, `@comment` and
//! BibLaTeX's `date` field are the crate's work.

use super::{Origin, clean, line_of, pages, year_from};
use crate::reference::{EntryType, Name, Reference};
use crate::text::Mapped;
use biblatex::{Bibliography, ChunksExt, Person, RawBibliography};
use std::collections::HashMap;
use std::sync::Arc;

/// The entry type citemap uses for a `.bib` type (its aliases included).
pub(super) fn kind(bib_type: &str) -> EntryType {
    match bib_type.to_ascii_lowercase().as_str() {
        "article" | "periodical" => EntryType::Article,
        "book" | "mvbook" | "collection" | "mvcollection" | "proceedings" | "mvproceedings"
        | "reference" | "booklet" => EntryType::Book,
        "incollection" | "inbook" | "bookinbook" | "suppbook" | "inreference" => {
            EntryType::InCollection
        }
        "inproceedings" | "conference" => EntryType::InProceedings,
        "report" | "techreport" => EntryType::Report,
        "thesis" | "phdthesis" | "mastersthesis" => EntryType::Thesis,
        "online" | "electronic" | "www" => EntryType::Online,
        _ => EntryType::Misc,
    }
}

/// A name from the crate's person: a braced organisation ("{World Health
/// Organization}") has no given name and several words, and stays whole.
fn name(p: &Person) -> Name {
    let family = if p.prefix.is_empty() {
        p.name.clone()
    } else {
        format!("{} {}", p.prefix, p.name)
    };
    if p.given_name.is_empty() && family.contains(' ') {
        Name::Literal { literal: family }
    } else {
        Name::Person {
            family,
            given: p.given_name.clone(),
        }
    }
}

/// Reads a `.bib` file. A key given twice is returned again, after the
/// first entries, as a bare entry with its origin, for the duplicate
/// finding; errors are `(line, message)`.
pub(super) fn read(path: &Arc<str>, text: &str) -> Result<Vec<Reference>, (usize, String)> {
    // An entry left open is only noticed where the file ends: the message
    // also names the line of the entry that was being read.
    let err = |span: std::ops::Range<usize>, kind: &dyn std::fmt::Display| {
        let at = span.start.min(text.len());
        let line = line_of(text, at);
        let opened = text[..at].rfind('@').map(|k| line_of(text, k));
        match opened {
            Some(o) if o < line => (
                line,
                format!("{kind} (in the entry that starts on line {o})"),
            ),
            _ => (line, kind.to_string()),
        }
    };
    let mut raw = RawBibliography::parse(text).map_err(|e| err(e.span, &e.kind))?;
    let origin = |at: usize| Origin {
        path: path.clone(),
        line: line_of(text, at),
    };
    // The crate refuses a key given twice; the checks report it instead.
    let mut seen: HashMap<String, (std::ops::Range<usize>, String)> = HashMap::new();
    let mut again = Vec::new();
    raw.entries.retain(|e| {
        if seen.contains_key(e.v.key.v) {
            again.push(Reference {
                key: e.v.key.v.to_string(),
                origin: Some(origin(e.span.start)),
                ..Reference::default()
            });
            return false;
        }
        seen.insert(
            e.v.key.v.to_string(),
            (e.span.clone(), e.v.kind.v.to_ascii_lowercase()),
        );
        true
    });
    let bib = Bibliography::from_raw(raw).map_err(|e| err(e.span, &e.kind))?;
    let mut out = Vec::with_capacity(bib.len() + again.len());
    for e in bib.iter() {
        let (span, ty) = seen.get(&e.key).cloned().unwrap_or((0..0, String::new()));
        let get = |f: &str| e.get(f).and_then(|c| clean(&c.format_verbatim()));
        let mut text_m = Mapped::new();
        text_m.push_src(text, span.clone());
        let year = get("date")
            .or_else(|| get("year"))
            .and_then(|d| year_from(&d))
            .or_else(|| {
                get("pubstate")
                    .filter(|p| p.contains("press") || p.contains("forthcoming"))
                    .map(|_| "in press".to_string())
            });
        out.push(Reference {
            key: e.key.clone(),
            kind: kind(&ty),
            span: span.clone(),
            text: text_m,
            authors: e
                .author()
                .map(|a| a.iter().map(name).collect())
                .unwrap_or_default(),
            editors: e
                .editors()
                .map(|eds| eds.iter().flat_map(|(p, _)| p.iter().map(name)).collect())
                .unwrap_or_default(),
            year,
            title: get("title"),
            container: get("journaltitle")
                .or_else(|| get("journal"))
                .or_else(|| get("booktitle")),
            volume: get("volume"),
            issue: get("number").or_else(|| get("issue")),
            pages: e.get("pages").and_then(|c| pages(&c.format_verbatim())),
            publisher: get("publisher")
                .or_else(|| get("institution"))
                .or_else(|| get("school"))
                .or_else(|| get("organization")),
            location: get("location").or_else(|| get("address")),
            url: get("url"),
            urldate: get("urldate"),
            doi: get("doi"),
            edition: get("edition"),
            chapter: get("chapter"),
            origin: Some(origin(span.start)),
            ..Reference::default()
        });
    }
    out.extend(again);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_crossrefs_comments_and_dates_are_read() {
        let bib = r#"@comment{ignored {entirely}}
@string{jeco = "Journal of Economics"}
@article{ames2010,
  author = {Ames, Alice and van der Berg, Bo and {World Health Organization}},
  title = {A {Study} of Rivers},
  journaltitle = jeco,
  date = {2010-05},
  volume = {12}, number = {3}, pages = {101--119},
  doi = {10.1000/xyz},
}
@collection{book2001, editor = {Cole, Cy}, title = {The Book}, year = 2001, publisher = {P}}
@incollection{chap2001, author = {Dee, Di}, title = {A Chapter}, crossref = {book2001}}
"#;
        let path: Arc<str> = Arc::from("lib.bib");
        let r = read(&path, bib).unwrap();
        assert_eq!(r.len(), 3);
        let a = &r[0];
        assert_eq!(a.key, "ames2010");
        assert_eq!(a.kind, EntryType::Article);
        assert_eq!(a.year.as_deref(), Some("2010"));
        assert_eq!(a.container.as_deref(), Some("Journal of Economics"));
        assert_eq!(a.pages.as_deref(), Some("101–119"));
        assert_eq!(a.authors[1].citation_name(), "van der Berg");
        assert!(
            matches!(&a.authors[2], Name::Literal { literal } if literal == "World Health Organization")
        );
        assert_eq!(a.origin.as_ref().unwrap().line, 3);
        let c = &r[2];
        assert_eq!(c.kind, EntryType::InCollection);
        assert_eq!(c.container.as_deref(), Some("The Book"));
        assert_eq!(c.year.as_deref(), Some("2001"));
        assert_eq!(c.editors[0].citation_name(), "Cole");
    }

    #[test]
    fn a_broken_file_names_its_line() {
        let path: Arc<str> = Arc::from("lib.bib");
        let (_, msg) = read(
            &path,
            "@book{a, title={A}}\n\n@book{b, title = {unclosed}\n",
        )
        .unwrap_err();
        assert!(msg.contains("starts on line 3"), "{msg}");
        let (line, _) = read(&path, "@book{a, journal = undefinedmacro}\n").unwrap_err();
        assert_eq!(line, 1);
    }
}
