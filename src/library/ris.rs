//! RIS: `TY  - JOUR` … `ER  -` records of two-letter tags.

use super::{Origin, clean, pages, year_from};
use crate::reference::{EntryType, Name, Reference};
use std::sync::Arc;

fn kind(ty: &str) -> EntryType {
    match ty {
        "JOUR" | "JFULL" | "MGZN" | "NEWS" | "EJOUR" => EntryType::Article,
        "BOOK" | "EDBOOK" | "EBOOK" => EntryType::Book,
        "CHAP" | "ECHAP" => EntryType::InCollection,
        "CONF" | "CPAPER" => EntryType::InProceedings,
        "RPRT" => EntryType::Report,
        "THES" => EntryType::Thesis,
        "ELEC" | "WEB" | "BLOG" => EntryType::Online,
        _ => EntryType::Misc,
    }
}

/// "Family, Given" as RIS writes people; a name without a comma and with
/// several words is an organisation.
fn name(s: &str) -> Name {
    match s.split_once(',') {
        Some((f, g)) => Name::Person {
            family: f.trim().to_string(),
            given: g.trim().to_string(),
        },
        None if s.trim().contains(' ') => Name::Literal {
            literal: s.trim().to_string(),
        },
        None => Name::Person {
            family: s.trim().to_string(),
            given: String::new(),
        },
    }
}

/// Reads a RIS file. Records without an `ID` get a key from their first
/// author, year and title, as `bib` would give them; errors are
/// `(line, message)`.
pub(super) fn read(path: &Arc<str>, text: &str) -> Result<Vec<Reference>, (usize, String)> {
    let mut out: Vec<Reference> = Vec::new();
    let mut cur: Option<Reference> = None;
    let mut sp: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        let (tag, value) = match (line.get(..2), line.get(2..6)) {
            (Some(t), Some(sep)) if sep.trim_end() == "  -" => {
                (t, line[6.min(line.len())..].trim())
            }
            (Some(t), _) if line.get(2..).is_some_and(|r| r.trim() == "-") => (t, ""),
            _ => {
                if cur.is_none() {
                    return Err((n + 1, format!("expected a \"TY  - \" line, found {line:?}")));
                }
                continue;
            }
        };
        if tag == "TY" {
            if cur.is_some() {
                return Err((
                    n + 1,
                    "a record starts before the last one ended (\"ER  -\")".into(),
                ));
            }
            cur = Some(Reference {
                kind: kind(value),
                origin: Some(Origin {
                    path: path.clone(),
                    line: n + 1,
                }),
                ..Reference::default()
            });
            sp = None;
            continue;
        }
        let Some(r) = cur.as_mut() else {
            return Err((
                n + 1,
                format!("{tag} outside a record (no \"TY  - \" before it)"),
            ));
        };
        let v = clean(value);
        match tag {
            "ER" => {
                let mut r = cur.take().unwrap_or_default();
                if r.pages.is_none() {
                    r.pages = sp.take();
                }
                out.push(r);
            }
            "ID" => r.key = v.unwrap_or_default(),
            "AU" | "A1" => r.authors.extend(v.as_deref().map(name)),
            "A2" | "ED" | "A3" => r.editors.extend(v.as_deref().map(name)),
            "PY" | "Y1" | "DA" if r.year.is_none() => r.year = v.as_deref().and_then(year_from),
            "TI" | "T1" => r.title = r.title.take().or(v),
            "T2" | "JO" | "JF" | "BT" | "JA" => r.container = r.container.take().or(v),
            "VL" => r.volume = v,
            "IS" => r.issue = v,
            "SP" => sp = v,
            "EP" => {
                r.pages = match (sp.take(), v) {
                    (Some(s), Some(e)) => pages(&format!("{s}–{e}")),
                    (s, e) => s.or(e),
                }
            }
            "PB" => r.publisher = v,
            "CY" | "PP" => r.location = v,
            "DO" => r.doi = v,
            "UR" | "L2" => r.url = r.url.take().or(v),
            "ET" => r.edition = v,
            "Y2" => r.urldate = v,
            _ => {}
        }
    }
    if let Some(r) = cur {
        let line = r.origin.as_ref().map_or(1, |o| o.line);
        return Err((line, "a record has no end (\"ER  -\")".into()));
    }
    // Records without an ID get the key `bib` would give them.
    crate::bibliography::assign_keys_but(
        &mut out,
        &crate::bibliography::KeyFormat::default(),
        &Default::default(),
        |r| !r.key.is_empty(),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_read_and_keyed() {
        let ris = "TY  - JOUR\r\nID  - ames2010\r\nAU  - Ames, Alice\r\nPY  - 2010/05/01/\r\nTI  - Rivers\r\nT2  - J\r\nSP  - 1\r\nEP  - 9\r\nER  - \r\n\r\nTY  - BOOK\r\nAU  - Berg, Bo\r\nPY  - 2001\r\nTI  - Lakes and ponds\r\nER  -\r\n";
        let path: Arc<str> = Arc::from("lib.ris");
        let r = read(&path, ris).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].key, "ames2010");
        assert_eq!(r[0].pages.as_deref(), Some("1–9"));
        assert_eq!(r[0].year.as_deref(), Some("2010"));
        assert_eq!(r[1].key, "berg2001lakes");
        assert_eq!(r[1].kind, EntryType::Book);
        assert_eq!(r[1].origin.as_ref().unwrap().line, 11);
        assert_eq!(read(&path, "TY  - JOUR\nTI  - x\n").unwrap_err().0, 1);
        assert!(read(&path, "garbage\n").is_err());
    }
}
