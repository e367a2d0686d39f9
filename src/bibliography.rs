//! Bibliographies built from several documents, key patterns, and merging
//! into a library the user already has.
//!
//! A work is identified by its DOI, otherwise by its folded first author,
//! year and title; the same work cited in two chapters is one entry.

use crate::error::Error;
use crate::reference::Reference;
use crate::render::bib::{Dialect, entry_with, write_entry};
use crate::text::fold;
use std::collections::{HashMap, HashSet};

/// The identity of a work, for finding the same work twice.
pub fn work_id(r: &Reference) -> String {
    if let Some(d) = &r.doi {
        return format!("doi:{}", d.to_lowercase());
    }
    let who = r
        .people()
        .first()
        .map(|n| fold(n.citation_name()))
        .unwrap_or_default();
    let year = r.year_digits().unwrap_or("");
    // The title as exported: a web page without one is known by its owner.
    let title = r
        .title
        .clone()
        .or_else(|| crate::render::bib::fallback_title(r))
        .map(|t| fold(&t))
        .unwrap_or_default();
    format!("{who}|{year}|{title}")
}

/// Combines the reference lists of several documents: one entry per
/// distinct work, in order of first appearance, with fields that the first
/// occurrence lacks taken from later ones.
pub fn combine(lists: Vec<Vec<Reference>>) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in lists.into_iter().flatten() {
        let id = work_id(&r);
        match index.get(&id) {
            Some(&i) => fill(&mut out[i], r),
            None => {
                index.insert(id, out.len());
                out.push(r);
            }
        }
    }
    out
}

fn fill(into: &mut Reference, from: Reference) {
    let pairs = [
        (&mut into.container, from.container),
        (&mut into.volume, from.volume),
        (&mut into.issue, from.issue),
        (&mut into.pages, from.pages),
        (&mut into.publisher, from.publisher),
        (&mut into.location, from.location),
        (&mut into.url, from.url),
        (&mut into.doi, from.doi),
        (&mut into.edition, from.edition),
    ];
    for (slot, v) in pairs {
        if slot.is_none() {
            *slot = v;
        }
    }
}

/// One part of a key pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Auth {
        capital: bool,
    },
    Year,
    Title {
        capital: bool,
    },
    /// The first `words` significant words, `capitals` of them capitalised.
    ShortTitle {
        words: usize,
        capitals: usize,
    },
}

/// A key pattern such as `{auth}{year}{title}` (the default, Google
/// Scholar style) or `{Auth}{year}` (JabRef style).
///
/// Fields: `{auth}` (or `{auth.lower}`) first author's folded family name
/// (`{Auth}` capitalised), `{year}` four digits (or `nd`), `{title}` first
/// significant word of the title (`{Title}` capitalised), and
/// `{shorttitle(N,M)}` its first N significant words with the first M
/// capitalised (`{shorttitle}` is `(3,3)`). Other text is kept as written
/// (letters, digits, `-`, `_`, `:`). Better BibTeX's formula syntax is read
/// too: `auth.lower + shorttitle(3,3) + year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFormat(Vec<Part>);

impl Default for KeyFormat {
    fn default() -> Self {
        KeyFormat(vec![
            Part::Auth { capital: false },
            Part::Year,
            Part::Title { capital: false },
        ])
    }
}

impl KeyFormat {
    /// Parses a pattern; unknown fields and unsafe characters are errors.
    pub fn parse(s: &str) -> Result<KeyFormat, Error> {
        // A Better BibTeX formula: terms joined by "+", text in quotes.
        if !s.contains('{') && (s.contains('+') || field(s.trim()).is_some()) {
            let mut parts = Vec::new();
            for term in s.split('+').map(str::trim) {
                let quoted = term
                    .strip_prefix('"')
                    .and_then(|t| t.strip_suffix('"'))
                    .or_else(|| term.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')));
                match (quoted, field(term)) {
                    (Some(t), _) => parts.push(text_part(s, t)?),
                    (None, Some(p)) => parts.push(p),
                    (None, None) => {
                        return Err(Error::Usage(format!(
                            "key format {s:?}: unknown term {term:?} (auth, auth.lower, Auth, year, title, Title, shorttitle(N,M), \"text\")"
                        )));
                    }
                }
            }
            return Ok(KeyFormat(parts));
        }
        let mut parts = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('{') {
                let Some(end) = r.find('}') else {
                    return Err(Error::Usage(format!("key format {s:?}: unclosed \"{{\"")));
                };
                parts.push(match field(&r[..end]) {
                    Some(p) => p,
                    None => {
                        return Err(Error::Usage(format!(
                            "key format {s:?}: unknown field {{{}}} (auth, auth.lower, Auth, year, title, Title, shorttitle(N,M))",
                            &r[..end]
                        )));
                    }
                });
                rest = &r[end + 1..];
            } else {
                let end = rest.find('{').unwrap_or(rest.len());
                parts.push(text_part(s, &rest[..end])?);
                rest = &rest[end..];
            }
        }
        if parts.is_empty() {
            return Err(Error::Usage("key format is empty".into()));
        }
        Ok(KeyFormat(parts))
    }

    /// The key of a reference, before clash suffixes.
    pub fn render(&self, r: &Reference) -> String {
        let base = crate::reference::key::parts(r);
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        };
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Auth { capital } => out.push_str(&if *capital {
                    cap(&base.0)
                } else {
                    base.0.clone()
                }),
                Part::Year => out.push_str(&base.1),
                Part::Title { capital } => out.push_str(&if *capital {
                    cap(&base.2)
                } else {
                    base.2.clone()
                }),
                Part::ShortTitle { words, capitals } => {
                    out.push_str(&crate::reference::key::short_title(r, *words, *capitals))
                }
            }
        }
        out
    }
}

/// The part a field's name stands for: `auth`, `shorttitle(3,3)`, ….
fn field(name: &str) -> Option<Part> {
    Some(match name {
        "auth" | "auth.lower" => Part::Auth { capital: false },
        "Auth" => Part::Auth { capital: true },
        "year" => Part::Year,
        "title" => Part::Title { capital: false },
        "Title" => Part::Title { capital: true },
        "shorttitle" => Part::ShortTitle {
            words: 3,
            capitals: 3,
        },
        _ => {
            let args = name.strip_prefix("shorttitle(")?.strip_suffix(')')?;
            let (n, m) = args.split_once(',').unwrap_or((args, "0"));
            let words: usize = n.trim().parse().ok().filter(|&n| (1..=10).contains(&n))?;
            let capitals: usize = m.trim().parse().ok()?;
            Part::ShortTitle { words, capitals }
        }
    })
}

/// Literal text of a key pattern, if a key may hold it.
fn text_part(pattern: &str, text: &str) -> Result<Part, Error> {
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
    {
        return Err(Error::Usage(format!(
            "key format {pattern:?}: {text:?} is not allowed in a key"
        )));
    }
    Ok(Part::Text(text.to_string()))
}

/// Gives every reference a key from `format`, unique among themselves and
/// different from every key in `taken`.
/// An entry read from the author's library keeps the key it has there, which
/// the manuscript cites it by.
pub fn assign_keys(refs: &mut [Reference], format: &KeyFormat, taken: &HashSet<String>) {
    assign_keys_but(refs, format, taken, |r| r.origin.is_some());
}

/// [`assign_keys`] for the entries that do not `keep` the key they have;
/// the kept keys are taken too.
pub fn assign_keys_but(
    refs: &mut [Reference],
    format: &KeyFormat,
    taken: &HashSet<String>,
    keep: impl Fn(&Reference) -> bool,
) {
    if !refs.iter().any(&keep) {
        crate::reference::key::assign_with(refs, |r| format.render(r), taken);
        return;
    }
    let mut taken = taken.clone();
    taken.extend(refs.iter().filter(|r| keep(r)).map(|r| r.key.clone()));
    let slots: Vec<usize> = (0..refs.len()).filter(|&i| !keep(&refs[i])).collect();
    let mut own: Vec<Reference> = slots
        .iter()
        .map(|&i| std::mem::take(&mut refs[i]))
        .collect();
    crate::reference::key::assign_with(&mut own, |r| format.render(r), &taken);
    for (i, r) in slots.into_iter().zip(own) {
        refs[i] = r;
    }
}

/// What merging into a library did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Keys of the entries added.
    pub added: Vec<String>,
    /// Works already in the library: (key the new entry would have had,
    /// key in the library).
    pub existing: Vec<(String, String)>,
}

fn library_id(e: &biblatex::Entry) -> String {
    use biblatex::ChunksExt;
    if let Some(d) = e.get("doi") {
        return format!("doi:{}", d.format_verbatim().to_lowercase());
    }
    let who = e
        .author()
        .ok()
        .and_then(|a| a.first().map(|p| fold(&p.name)))
        .or_else(|| {
            e.editors().ok().and_then(|eds| {
                eds.first()
                    .and_then(|(ps, _)| ps.first().map(|p| fold(&p.name)))
            })
        })
        .unwrap_or_default();
    let year = ["year", "date"]
        .iter()
        .find_map(|f| e.get(f).map(|c| c.format_verbatim()))
        .and_then(|y| {
            y.get(..4)
                .filter(|d| d.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_string)
        })
        .unwrap_or_default();
    let title = e
        .get("title")
        .map(|t| fold(&t.format_verbatim()))
        .unwrap_or_default();
    format!("{who}|{year}|{title}")
}

/// Appends the works of `refs` that `library` lacks. Every byte of the
/// library stays as it was and no existing key changes; new keys avoid the
/// library's. Works already present (same DOI, or same first author, year
/// and title) are reported, not added.
pub fn merge_into(
    library: &str,
    refs: &[Reference],
    dialect: Dialect,
    format: &KeyFormat,
    nouns: &crate::text::proper::ProperNouns,
) -> Result<(String, MergeReport), Error> {
    let bib = biblatex::Bibliography::parse(library).map_err(|e| {
        let (line, col) = crate::input::Source::new(library).line_col(e.span.start);
        Error::Usage(format!(
            "cannot read the library at line {line}, column {col}: {}",
            e.kind
        ))
    })?;
    let taken: HashSet<String> = bib.keys().map(str::to_string).collect();
    let existing: HashMap<String, String> =
        bib.iter().map(|e| (library_id(e), e.key.clone())).collect();
    let mut report = MergeReport::default();
    let mut fresh: Vec<Reference> = Vec::new();
    for r in refs {
        match existing.get(&work_id(r)) {
            Some(k) => report.existing.push((r.key.clone(), k.clone())),
            None => fresh.push(r.clone()),
        }
    }
    assign_keys(&mut fresh, format, &taken);
    // New entries take the library's line ending, so that a CRLF library
    // does not become a mixed one.
    let eol = if library.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut out = library.to_string();
    if !fresh.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(eol);
        }
        for r in &fresh {
            out.push_str(eol);
            let mut buf = Vec::new();
            write_entry(&entry_with(r, dialect, nouns), &mut buf)
                .map_err(|e| Error::io(None, e))?;
            out.push_str(&String::from_utf8_lossy(&buf).replace('\n', eol));
            report.added.push(r.key.clone());
        }
    }
    Ok((out, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{EntryType, Name};

    fn r(family: &str, year: &str, title: &str) -> Reference {
        Reference {
            kind: EntryType::Book,
            authors: vec![Name::Person {
                family: family.into(),
                given: "J.".into(),
            }],
            year: Some(year.into()),
            title: Some(title.into()),
            publisher: Some("Press".into()),
            ..Default::default()
        }
    }

    #[test]
    fn key_formats() {
        let x = r("Mañé-Garzón", "1949", "The new species");
        assert_eq!(KeyFormat::default().render(&x), "manegarzon1949new");
        assert_eq!(
            KeyFormat::parse("{Auth}{year}").unwrap().render(&x),
            "Manegarzon1949"
        );
        assert_eq!(
            KeyFormat::parse("{auth}:{year}{Title}").unwrap().render(&x),
            "manegarzon:1949New"
        );
        assert!(KeyFormat::parse("{journal}").is_err());
        assert!(KeyFormat::parse("{auth} {year}").is_err());
        assert!(KeyFormat::parse("{auth").is_err());
    }

    #[test]
    fn better_bibtex_formulas_and_short_titles() {
        let x = r("Berg", "2015", "The roots of soil carbon in dry forests");
        let bbt = KeyFormat::parse("auth.lower + shorttitle(3,3) + year").unwrap();
        assert_eq!(bbt.render(&x), "bergRootsSoilCarbon2015");
        assert_eq!(
            KeyFormat::parse("{auth.lower}{shorttitle(2,1)}{year}")
                .unwrap()
                .render(&x),
            "bergRootssoil2015"
        );
        assert_eq!(
            KeyFormat::parse("auth + \"_\" + year").unwrap().render(&x),
            "berg_2015"
        );
        assert_eq!(KeyFormat::parse("year").unwrap().render(&x), "2015");
        assert!(KeyFormat::parse("auth + journal").is_err());
        assert!(KeyFormat::parse("auth + \"a b\"").is_err());
        assert!(KeyFormat::parse("{shorttitle(0,1)}").is_err());
    }

    #[test]
    fn the_same_work_in_two_documents_is_one_entry() {
        let a = vec![r("Harte", "2013", "The long gap"), r("Lee", "2001", "X")];
        let mut dup = r("Harte", "2013", "The Long Gap");
        dup.pages = Some("270".into());
        let b = vec![dup, r("Kim", "2002", "Y")];
        let all = combine(vec![a, b]);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].pages.as_deref(), Some("270"));
    }

    #[test]
    fn keys_avoid_the_librarys() {
        let mut v = vec![r("Harte", "2013", "The long gap")];
        let taken: HashSet<String> = ["harte2013long".to_string()].into();
        assign_keys(&mut v, &KeyFormat::default(), &taken);
        assert_eq!(v[0].key, "harte2013longa");
    }

    #[test]
    fn merging_keeps_every_byte_and_reports_what_exists() {
        let lib = "% my library\n@string{sage = \"Sage\"}\n\n@book{mine,\n    author={Harte, B.},  title = {The long gap},\n  year = 2013, publisher = sage }\n";
        let mut refs = vec![
            r("Harte", "2013", "The long gap"),
            r("Lee", "2001", "A new work"),
        ];
        crate::reference::key::assign_keys(&mut refs);
        let (out, report) = merge_into(
            lib,
            &refs,
            Dialect::Bibtex,
            &KeyFormat::default(),
            &Default::default(),
        )
        .unwrap();
        assert!(out.starts_with(lib));
        assert_eq!(report.added, ["lee2001new"]);
        assert_eq!(
            report.existing,
            [("harte2013long".to_string(), "mine".to_string())]
        );
        assert!(biblatex::Bibliography::parse(&out).is_ok());
        assert!(
            merge_into(
                "@book{",
                &refs,
                Dialect::Bibtex,
                &KeyFormat::default(),
                &Default::default()
            )
            .is_err()
        );
    }

    #[test]
    fn a_library_that_does_not_parse_is_named_by_line_and_column() {
        let err = merge_into(
            "@book{a,\n  title = {Open\n",
            &[],
            Dialect::Bibtex,
            &KeyFormat::default(),
            &Default::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 3, column 1"), "{err}");
        assert!(err.contains("unexpected end of file"), "{err}");
        assert!(!err.contains("ParseError"), "{err}");
    }

    #[test]
    fn merging_into_a_crlf_library_writes_crlf_and_a_second_merge_adds_nothing() {
        let lib = "@book{mine,\r\n  author = {Harte, B.},\r\n  title = {The long gap},\r\n  year = {2013},\r\n}\r\n";
        let mut refs = vec![r("Lee", "2001", "A new work"), r("Kim", "2002", "Other")];
        refs[0].doi = Some("10.1000/ABC".into());
        crate::reference::key::assign_keys(&mut refs);
        let fmt = KeyFormat::default();
        let (once, first) =
            merge_into(lib, &refs, Dialect::Bibtex, &fmt, &Default::default()).unwrap();
        assert_eq!(first.added.len(), 2);
        assert!(once.starts_with(lib));
        assert!(
            !once.replace("\r\n", "").contains('\n'),
            "a bare LF: {once:?}"
        );
        let (twice, second) =
            merge_into(&once, &refs, Dialect::Bibtex, &fmt, &Default::default()).unwrap();
        assert!(second.added.is_empty());
        assert_eq!(twice, once);
        let keys: Vec<&str> = second
            .existing
            .iter()
            .map(|(_, old)| old.as_str())
            .collect();
        assert_eq!(keys, first.added);
    }
}
