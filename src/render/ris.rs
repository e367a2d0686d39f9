//! RIS, the tagged format EndNote and most reference managers import.
//! Lines end in CRLF, as the format requires.

use super::fields::{FIELD_TABLE, Field};
use crate::reference::{Name, PubState, Reference};
use std::io::{self, Write};

fn tag<W: Write>(w: &mut W, t: &str, v: &str) -> io::Result<()> {
    // A value never spans lines in RIS.
    let v: String = v
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    write!(w, "{t}  - {v}\r\n")
}

fn name(n: &Name) -> String {
    match n {
        Name::Person { family, given } if given.is_empty() => family.clone(),
        Name::Person { family, given } => {
            format!("{family}, {}", super::fields::spaced_initials(given))
        }
        Name::Literal { literal } => literal.clone(),
    }
}

/// Writes one reference as an RIS record.
pub fn write_one<W: Write>(r: &Reference, w: &mut W) -> io::Result<()> {
    // An edited book without authors is RIS's own type.
    let ty = if r.kind == crate::reference::EntryType::Book
        && r.authors.is_empty()
        && !r.editors.is_empty()
    {
        "EDBOOK"
    } else {
        r.kind.names().ris
    };
    tag(w, "TY", ty)?;
    tag(w, "ID", &r.key)?;
    for a in &r.authors {
        tag(w, "AU", &name(a))?;
    }
    for e in &r.editors {
        tag(w, "ED", &name(e))?;
    }
    // PY is a year; a work in press says so in a note, and one without a
    // date has no PY.
    match (r.year_digits(), r.year.as_deref()) {
        (Some(d), _) => tag(w, "PY", d)?,
        (None, Some(y)) if r.pub_state() == Some(PubState::InPress) => tag(w, "N1", y)?,
        _ => {}
    }
    for row in FIELD_TABLE {
        if let (Some(t), Some(v)) = (row.ris, row.field.get(r)) {
            match row.field {
                Field::Edition => tag(w, t, &super::fields::edition_value(v))?,
                // RIS dates are YYYY/MM/DD/ (parts may be empty).
                Field::Urldate => match super::fields::iso_date(v) {
                    Some(iso) => {
                        let mut parts: Vec<&str> = iso.split('-').collect();
                        parts.resize(3, "");
                        tag(w, t, &format!("{}/", parts.join("/")))?
                    }
                    None => tag(w, "N1", &format!("Accessed {v}"))?,
                },
                _ => tag(w, t, v)?,
            }
        }
    }
    if let Some(p) = &r.pages {
        let mut parts = p.splitn(2, ['–', '—', '-']);
        if let Some(sp) = parts.next() {
            tag(w, "SP", sp.trim())?;
        }
        if let Some(ep) = parts.next() {
            tag(w, "EP", ep.trim_start_matches(['-', '–']).trim())?;
        }
    }
    write!(w, "ER  - \r\n")
}

/// Writes every reference as RIS, records separated by a blank line.
pub fn write<W: Write>(refs: &[Reference], mut w: W) -> io::Result<()> {
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            write!(w, "\r\n")?;
        }
        write_one(r, &mut w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::EntryType;

    #[test]
    fn a_record_has_crlf_lines_and_split_pages() {
        let r = Reference {
            key: "okafor2015impact".into(),
            kind: EntryType::Article,
            authors: vec![
                Name::Person {
                    family: "Okafor".into(),
                    given: "P. K.".into(),
                },
                Name::Literal {
                    literal: "The Org".into(),
                },
            ],
            year: Some("2015a".into()),
            title: Some("The impact".into()),
            container: Some("IJBC".into()),
            pages: Some("26–29".into()),
            ..Default::default()
        };
        let mut out = Vec::new();
        write(&[r], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("TY  - JOUR\r\n"));
        assert!(text.contains("AU  - Okafor, P. K.\r\nAU  - The Org\r\n"));
        assert!(text.contains("PY  - 2015\r\n"));
        assert!(text.contains("SP  - 26\r\nEP  - 29\r\n"));
        assert!(text.ends_with("ER  - \r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }
}
