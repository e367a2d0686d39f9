//! CSL-JSON: what Zotero, Mendeley and pandoc import.
//!
//! Organisations are `{"literal": …}`; dates are `issued.date-parts`;
//! "n.d." and "in press" stay as `issued.literal` rather than a fake date.

use super::fields::FIELD_TABLE;
use crate::reference::{Name, Reference};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

fn names(ns: &[Name]) -> Value {
    Value::Array(
        ns.iter()
            .map(|n| match n {
                Name::Person { family, given } if given.is_empty() => json!({"family": family}),
                Name::Person { family, given } => json!({"family": family, "given": given}),
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
        (None, Some(y)) => {
            m.insert("issued".into(), json!({"literal": y}));
        }
        (None, None) => {}
    }
    for row in FIELD_TABLE {
        if let (Some(k), Some(v)) = (row.csl, row.field.get(r)) {
            m.insert(k.into(), json!(v));
        }
    }
    if let Some(d) = &r.urldate {
        m.insert("accessed".into(), json!({"literal": d}));
    }
    Value::Object(m)
}

/// Writes the references as a CSL-JSON array.
pub fn write<W: Write>(refs: &[Reference], mut w: W) -> io::Result<()> {
    let items: Vec<Value> = refs.iter().map(item).collect();
    serde_json::to_writer_pretty(&mut w, &items).map_err(io::Error::other)?;
    writeln!(w)
}
