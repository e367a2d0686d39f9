//! CSL-JSON, as Zotero, Better BibTeX and pandoc write it: an array of
//! items with `id`, `type`, `author`, `issued` and the rest.

use super::{Lines, Origin, clean, pages, year_from};
use crate::reference::{EntryType, Name, Reference};
use serde_json::Value;
use std::sync::Arc;

/// The entry type citemap uses for a CSL type.
fn kind(csl_type: &str) -> EntryType {
    match csl_type {
        "article-journal" | "article" | "article-magazine" | "article-newspaper" | "review" => {
            EntryType::Article
        }
        "book" => EntryType::Book,
        "chapter" | "entry-encyclopedia" | "entry-dictionary" | "entry" => EntryType::InCollection,
        "paper-conference" => EntryType::InProceedings,
        "report" => EntryType::Report,
        "thesis" => EntryType::Thesis,
        "webpage" | "post" | "post-weblog" => EntryType::Online,
        _ => EntryType::Misc,
    }
}

fn names(v: Option<&Value>) -> Vec<Name> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|n| {
            let s = |k: &str| n.get(k).and_then(Value::as_str).and_then(clean);
            if let Some(literal) = s("literal") {
                return Some(Name::Literal { literal });
            }
            let family = match (s("non-dropping-particle"), s("family")) {
                (Some(p), Some(f)) => format!("{p} {f}"),
                (None, Some(f)) => f,
                _ => return None,
            };
            Some(Name::Person {
                family,
                given: s("given").unwrap_or_default(),
            })
        })
        .collect()
}

/// A date's year: `{"date-parts": [[2015, 3]]}`, `{"raw": "2015"}` or
/// `{"literal": "in press"}`.
fn year(v: Option<&Value>) -> Option<String> {
    let v = v?;
    if let Some(y) = v
        .get("date-parts")
        .and_then(|p| p.get(0))
        .and_then(|p| p.get(0))
    {
        return match y {
            Value::Number(n) => Some(n.to_string()),
            Value::String(s) => year_from(s),
            _ => None,
        };
    }
    ["raw", "literal"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str).and_then(year_from))
}

/// Reads a CSL-JSON file (an array of items, or one item); errors are
/// `(line, message)`.
pub(super) fn read(path: &Arc<str>, text: &str) -> Result<Vec<Reference>, (usize, String)> {
    let v: Value = serde_json::from_str(text).map_err(|e| (e.line(), e.to_string()))?;
    let items = match v {
        Value::Array(items) => items,
        one @ Value::Object(_) => vec![one],
        _ => return Err((1, "expected an array of CSL-JSON items".into())),
    };
    let mut out = Vec::with_capacity(items.len());
    // Items carry no positions once parsed: each is found again as the
    // next "id" field, a search that only moves forward.
    let lines = Lines::new(text);
    let mut from = 0;
    for (n, item) in items.iter().enumerate() {
        let s = |k: &str| item.get(k).and_then(Value::as_str).and_then(clean);
        let key = match item.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err((1, format!("item {} has no \"id\"", n + 1))),
        };
        let at = text[from..].find("\"id\"").map_or(from, |k| from + k);
        from = (at + 1).min(text.len());
        out.push(Reference {
            key,
            kind: kind(item.get("type").and_then(Value::as_str).unwrap_or("")),
            authors: names(item.get("author")),
            editors: names(item.get("editor")),
            year: year(item.get("issued")).or_else(|| {
                s("status")
                    .filter(|p| p.contains("press"))
                    .map(|_| "in press".into())
            }),
            title: s("title"),
            container: s("container-title"),
            volume: s("volume"),
            issue: s("issue").or_else(|| s("number")),
            pages: s("page").and_then(|p| pages(&p)),
            publisher: s("publisher"),
            location: s("publisher-place"),
            url: s("URL"),
            doi: s("DOI"),
            edition: item.get("edition").and_then(|e| match e {
                Value::Number(n) => Some(n.to_string()),
                Value::String(s) => clean(s),
                _ => None,
            }),
            origin: Some(Origin {
                path: path.clone(),
                line: lines.of(at),
            }),
            ..Reference::default()
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zotero_items_are_read() {
        let j = r#"[
  {"id": "ames2010", "type": "article-journal", "title": "Rivers",
   "author": [{"family": "Ames", "given": "Alice"}, {"literal": "World Bank"}],
   "issued": {"date-parts": [[2010, 5]]}, "container-title": "J", "page": "1-9",
   "DOI": "10.1/x"},
  {"id": "bo", "type": "book", "author": [{"family": "Berg", "non-dropping-particle": "van der"}],
   "issued": {"raw": "2001"}, "edition": 2}
]"#;
        let path: Arc<str> = Arc::from("lib.json");
        let r = read(&path, j).unwrap();
        assert_eq!(r[0].year.as_deref(), Some("2010"));
        assert_eq!(r[0].pages.as_deref(), Some("1–9"));
        assert_eq!(r[0].authors[1].citation_name(), "World Bank");
        assert_eq!(r[1].authors[0].citation_name(), "van der Berg");
        assert_eq!(r[1].edition.as_deref(), Some("2"));
        assert_eq!(r[1].origin.as_ref().unwrap().line, 6);
        assert_eq!(read(&path, "[{\"id\": 1,}]").unwrap_err().0, 1);
    }
}
