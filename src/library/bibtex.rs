//! `.bib` files, BibTeX and BibLaTeX alike, read with the `biblatex` crate:
//! `@string` macros, `crossref` and `xdata` inheritance, `@comment` and
//! BibLaTeX's `date` field are the crate's work.

use super::{Lines, Origin, clean, pages, year_from};
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
    let lines = Lines::new(text);
    // An entry left open is only noticed where the file ends: the message
    // also names the line of the entry that was being read.
    let err = |span: std::ops::Range<usize>, kind: &dyn std::fmt::Display| {
        let at = span.start.min(text.len());
        let line = lines.of(at);
        let opened = text[..at].rfind('@').map(|k| lines.of(k));
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
        line: lines.of(at),
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
    inheritance(&raw).map_err(|(at, message)| (lines.of(at), message))?;
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

/// How many inheritance steps resolving a whole file may take: the crate
/// resolves each `crossref` and `xdata` parent again for every child, so
/// a file of shared parents costs the sum over entries of their ancestry.
const MAX_RESOLUTIONS: usize = 100_000;
/// How long a chain of parents may be (the crate resolves it recursively).
const MAX_CHAIN: usize = 32;

/// Refuses what the crate's inheritance cannot finish: a `crossref` or
/// `xdata` cycle (it would recurse forever), a chain too long for the
/// stack, or parents shared so widely that resolving them takes too long.
/// Errors are `(byte offset, message)`.
fn inheritance(raw: &RawBibliography<'_>) -> Result<(), (usize, String)> {
    let index: HashMap<&str, usize> = raw
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.v.key.v, i))
        .collect();
    let parents: Vec<Vec<usize>> = raw
        .entries
        .iter()
        .map(|e| {
            e.v.fields
                .iter()
                .filter(|f| {
                    f.key.v.eq_ignore_ascii_case("crossref")
                        || f.key.v.eq_ignore_ascii_case("xdata")
                })
                .flat_map(|f| {
                    let v: String =
                        f.value
                            .v
                            .iter()
                            .map(|c| match c.v {
                                biblatex::RawChunk::Normal(s)
                                | biblatex::RawChunk::Abbreviation(s) => s,
                            })
                            .collect();
                    v.split(',')
                        .filter_map(|k| index.get(k.trim()).copied())
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    // Depth-first, without recursion: 0 unseen, 1 on the path, 2 done.
    let n = parents.len();
    let mut state = vec![0u8; n];
    let mut cost = vec![1usize; n];
    let mut depth = vec![1usize; n];
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some((i, next)) = stack.pop() {
            if let Some(&p) = parents[i].get(next) {
                stack.push((i, next + 1));
                match state[p] {
                    0 => {
                        state[p] = 1;
                        stack.push((p, 0));
                    }
                    1 => {
                        let e = &raw.entries[i];
                        return Err((
                            e.span.start,
                            format!(
                                "\"{}\" inherits from itself (a crossref or xdata cycle)",
                                e.v.key.v
                            ),
                        ));
                    }
                    _ => {}
                }
                continue;
            }
            state[i] = 2;
            for &p in &parents[i] {
                cost[i] = cost[i].saturating_add(cost[p]);
                depth[i] = depth[i].max(depth[p] + 1);
            }
            let e = &raw.entries[i];
            if depth[i] > MAX_CHAIN {
                return Err((
                    e.span.start,
                    format!(
                        "\"{}\" has more than {MAX_CHAIN} crossref or xdata parents in a chain",
                        e.v.key.v
                    ),
                ));
            }
        }
    }
    if cost.iter().fold(0usize, |a, &c| a.saturating_add(c)) > MAX_RESOLUTIONS {
        return Err((
            0,
            "crossref and xdata parents are shared too widely to resolve".into(),
        ));
    }
    Ok(())
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
    fn inheritance_cycles_and_runaway_chains_are_refused() {
        let path: Arc<str> = Arc::from("lib.bib");
        for bib in [
            "@book{a, title={T}, crossref={a}}\n".to_string(),
            "@book{a, title={T}, crossref={b}}\n@book{b, title={U}, crossref={a}}\n".to_string(),
            "@xdata{x, xdata={x}}\n@book{a, xdata={x}}\n".to_string(),
            (0..100)
                .map(|i| format!("@book{{k{i}, title={{T}}, crossref={{k{}}}}}\n", i + 1))
                .collect(),
        ] {
            let (_, msg) = read(&path, &bib).unwrap_err();
            assert!(
                msg.contains("inherits from itself") || msg.contains("in a chain"),
                "{msg}"
            );
        }
        // Many children of one parent are fine.
        let mut bib = String::from("@book{p, title={P}, publisher={Q}, year=2001}\n");
        for i in 0..200 {
            bib.push_str(&format!(
                "@incollection{{c{i}, author={{A, B}}, title={{C}}, crossref={{p}}}}\n"
            ));
        }
        assert_eq!(read(&path, &bib).unwrap().len(), 201);
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
