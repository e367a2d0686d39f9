//! CSL-JSON: what Zotero, Mendeley and pandoc import.
//!
//! Organisations are `{"literal": …}`; dates are `issued.date-parts`;
//! "n.d." has no `issued` (styles print their own), and "in press" is a
//! `status`, rather than a fake date.

use super::fields::{FIELD_TABLE, Field};
use crate::reference::{Name, Reference};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

fn names(ns: &[Name]) -> Value {
    Value::Array(
        ns.iter()
            .map(|n| match n {
                Name::Person { family, given } if given.is_empty() => json!({"family": family}),
                Name::Person { family, given } => {
                    json!({"family": family, "given": super::fields::spaced_initials(given)})
                }
                Name::Literal { literal } => json!({"literal": literal}),
            })
            .collect(),
    )
}

/// One reference as a CSL-JSON item.
pub fn item(r: &Reference) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(r.key));
    m.insert("type".into(), json!(r.kind.names().csl));
    if !r.authors.is_empty() {
        m.insert("author".into(), names(&r.authors));
    }
    if !r.editors.is_empty() {
        m.insert("editor".into(), names(&r.editors));
    }
    match (
        r.year_digits().and_then(|d| d.parse::<i32>().ok()),
        r.year.as_deref(),
    ) {
        (Some(y), _) => {
            m.insert("issued".into(), json!({"date-parts": [[y]]}));
        }
        // A work without a date has no `issued`: the style prints its own
        // "n.d.", and a literal "n.d." would be printed twice. A work in
        // press has its state in `status`.
        (None, Some(y)) => {
            if r.pub_state().is_some() {
                m.insert("status".into(), json!(y));
            }
        }
        (None, None) => {}
    }
    let number = super::fields::article_number(r);
    for row in FIELD_TABLE {
        if let (Some(k), Some(v)) = (row.csl, row.field.get(r)) {
            let v = match row.field {
                // CSL styles print the edition's number as an ordinal.
                Field::Edition => super::fields::edition_value(v),
                Field::Pages if number.is_some() => continue,
                _ => v.to_string(),
            };
            m.insert(k.into(), json!(v));
        }
    }
    if let Some(n) = number {
        m.insert("number".into(), json!(n));
    }
    if let Some(d) = &r.urldate {
        m.insert("accessed".into(), date_value(d));
    }
    Value::Object(m)
}

/// A CSL date: date parts when the date is clear, else the text.
fn date_value(d: &str) -> Value {
    match super::fields::iso_date(d) {
        Some(iso) => {
            let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
            json!({"date-parts": [parts]})
        }
        None => json!({"literal": d}),
    }
}

/// Writes the references as a CSL-JSON array.
pub fn write<W: Write>(refs: &[Reference], mut w: W) -> io::Result<()> {
    let items: Vec<Value> = refs.iter().map(item).collect();
    serde_json::to_writer_pretty(&mut w, &items).map_err(io::Error::other)?;
    writeln!(w)
}
