//! The author's own library: `.bib` (BibTeX and BibLaTeX), CSL-JSON and
//! RIS files, read into [`Reference`]s keyed as the files key them.
//!
//! A keyed manuscript (`\citep{key}`, `[@key]`) is linked against it; a
//! typed one uses it for help ("your library has Lee 2001") and for
//! entries whose fields disagree with the library's.
//!
//! A file that cannot be read is an [`Error`] that names its line; a
//! problem inside a readable one (a key given twice) is kept in
//! [`Library::duplicates`] for the checks.

mod bibtex;
mod csl;
mod ris;

use crate::Error;
use crate::reference::Reference;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Where a library entry was read: the file as the user named it, and the
/// entry's first line there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The library file, as named on the command line or in the document.
    pub path: Arc<str>,
    /// 1-based line of the entry's start.
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.path, self.line)
    }
}

/// A key given to more than one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The key.
    pub key: String,
    /// Where it was first given (the entry that is used).
    pub first: Origin,
    /// Where it was given again (ignored).
    pub again: Origin,
}

/// The kinds of library file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryKind {
    /// BibTeX or BibLaTeX.
    Bib,
    /// CSL-JSON, as Zotero and pandoc write it.
    CslJson,
    /// RIS.
    Ris,
}

impl LibraryKind {
    /// The kind from the file's extension, else from its content.
    pub fn detect(path: &str, text: &str) -> LibraryKind {
        let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "bib" | "bibtex" | "biblatex" => return LibraryKind::Bib,
            "json" | "csljson" => return LibraryKind::CslJson,
            "ris" => return LibraryKind::Ris,
            _ => {}
        }
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('[') || t.starts_with('{') {
            LibraryKind::CslJson
        } else if t.starts_with("TY  -") {
            LibraryKind::Ris
        } else {
            LibraryKind::Bib
        }
    }
}

/// Every library a document is checked against, merged.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The entries, in file order, each with its [`Origin`].
    pub entries: Vec<Reference>,
    /// Keys given to more than one entry; the first entry is the one used.
    pub duplicates: Vec<Duplicate>,
    /// The files read, as named.
    pub paths: Vec<Arc<str>>,
    by_key: HashMap<String, usize>,
    /// Entries by folded first author and year's digits, for the typed
    /// citation that a list lacks and the library answers.
    by_author_year: HashMap<(String, String), usize>,
}

/// An entry's first author, folded as citations are compared.
pub fn first_family(r: &Reference) -> Option<String> {
    r.people()
        .first()
        .map(|n| crate::text::fold(n.citation_name()))
}

impl Library {
    /// Reads one more file's entries into the library. `path` is the name
    /// messages use; `text` its content.
    pub fn add(&mut self, path: &str, text: &str) -> Result<(), Error> {
        let shown: Arc<str> = Arc::from(path);
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let entries = match LibraryKind::detect(path, text) {
            LibraryKind::Bib => bibtex::read(&shown, text),
            LibraryKind::CslJson => csl::read(&shown, text),
            LibraryKind::Ris => ris::read(&shown, text),
        }
        .map_err(|(line, message)| Error::Unreadable {
            path: Some(PathBuf::from(path)),
            message: format!("line {line}: {message}"),
        })?;
        self.paths.push(shown);
        for e in entries {
            match self.by_key.get(&e.key) {
                Some(&first) => self.duplicates.push(Duplicate {
                    key: e.key.clone(),
                    first: self.entries[first]
                        .origin
                        .clone()
                        .unwrap_or_else(|| unknown(path)),
                    again: e.origin.clone().unwrap_or_else(|| unknown(path)),
                }),
                None => {
                    let i = self.entries.len();
                    self.by_key.insert(e.key.clone(), i);
                    if let (Some(f), Some(y)) = (first_family(&e), e.year_digits()) {
                        self.by_author_year.entry((f, y.to_string())).or_insert(i);
                    }
                    self.entries.push(e);
                }
            }
        }
        Ok(())
    }

    /// The entry with this key.
    pub fn get(&self, key: &str) -> Option<&Reference> {
        self.by_key.get(key).map(|&i| &self.entries[i])
    }

    /// Whether no file was read.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The key nearest to `key` by edit distance (a transposition counts
    /// as one edit), for "did you mean" help: within a third of its length.
    pub fn closest_key(&self, key: &str) -> Option<&str> {
        let folded = key.to_lowercase();
        let n = folded.chars().count();
        let limit = 1 + n / 3;
        self.entries
            .iter()
            // Lengths further apart than the limit cannot be within it.
            .filter(|e| e.key.chars().count().abs_diff(n) <= limit)
            .map(|e| {
                (
                    strsim::osa_distance(&folded, &e.key.to_lowercase()),
                    e.key.as_str(),
                )
            })
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, k)| k)
    }

    /// The entry whose first author (folded) and year's digits these are.
    pub fn by_author_year(&self, family: &str, year: &str) -> Option<&Reference> {
        self.by_author_year
            .get(&(family.to_string(), year.to_string()))
            .map(|&i| &self.entries[i])
    }
}

fn unknown(path: &str) -> Origin {
    Origin {
        path: Arc::from(path),
        line: 0,
    }
}

/// The line numbers of one library file: its line starts are found once,
/// so a file of many entries is numbered in linear time.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(crate::input::line_starts(text))
    }

    /// 1-based line of byte `at`.
    fn of(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at).max(1)
    }
}

/// The libraries a document names for itself: LaTeX's `\bibliography{a,b}`
/// and `\addbibresource{x.bib}`, and a pandoc YAML header's
/// `bibliography:` (one file or a list). Names as written; `\bibliography`
/// names get their `.bib`.
pub fn named_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (cmd, add_ext) in [("\\bibliography{", true), ("\\addbibresource", false)] {
        for (at, _) in text.match_indices(cmd) {
            let rest = &text[at + cmd.len()..];
            // \addbibresource[options]{file}
            let rest = match rest.strip_prefix('[') {
                Some(r) => r.split_once(']').map_or("", |x| x.1),
                None => rest,
            };
            let rest = rest.strip_prefix('{').unwrap_or(rest);
            let Some((names, _)) = rest.split_once('}') else {
                continue;
            };
            for n in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                if add_ext && !n.ends_with(".bib") {
                    out.push(format!("{n}.bib"));
                } else {
                    out.push(n.to_string());
                }
            }
        }
    }
    out.extend(yaml_bibliography(text));
    out
}

/// `bibliography:` in a YAML header at the document's start.
fn yaml_bibliography(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Vec::new();
    };
    let unquote = |s: &str| s.trim().trim_matches(['"', '\'']).to_string();
    let mut out = Vec::new();
    let mut in_list = false;
    for line in rest.lines().take(200) {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        if in_list {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                out.push(unquote(item));
                continue;
            }
            in_list = false;
        }
        if let Some(v) = line.strip_prefix("bibliography:") {
            let v = v.trim();
            if v.is_empty() {
                in_list = true;
            } else if let Some(list) = v.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                out.extend(list.split(',').map(unquote).filter(|s| !s.is_empty()));
            } else {
                out.push(unquote(v));
            }
        }
    }
    out
}

/// Resolves a library that a document names, relative to the document's
/// folder. A name that leads outside that folder's tree (an absolute path,
/// `..`, or a link that points out) is refused unless `outside` allows it.
pub fn resolve(doc_dir: &Path, name: &str, outside: bool) -> Result<PathBuf, Error> {
    let p = Path::new(name);
    let joined = doc_dir.join(p);
    if outside {
        return Ok(joined);
    }
    let refuse = || {
        Error::Usage(format!(
            "the document names the library {name:?}, outside its folder; pass it with --bib, or allow it with --bib-outside"
        ))
    };
    if p.is_absolute()
        || p.components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(refuse());
    }
    // A link inside the folder may still point out of it.
    let root = if doc_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        doc_dir
    };
    if let (Ok(real), Ok(root)) = (joined.canonicalize(), root.canonicalize())
        && !real.starts_with(&root)
    {
        return Err(refuse());
    }
    Ok(joined)
}

/// A field's text with its white space folded to single spaces, or
/// nothing when it is empty. Periods stay: a journal's "Sci." is its own.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// A year as citations give it, from a date or year field: "2015",
/// "2015-03-01" → "2015"; "in press", "forthcoming" → "in press".
fn year_from(s: &str) -> Option<String> {
    let t = s.trim();
    let lower = t.to_lowercase();
    if lower.contains("press") || lower.contains("forthcoming") {
        return Some("in press".into());
    }
    if lower == "n.d." || lower == "nd" {
        return Some("n.d.".into());
    }
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let y = t.get(start..start + 4)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A suffix letter directly after the year ("2015a") is kept.
    let suffix = t[start + 4..].chars().next().filter(|c| {
        c.is_ascii_lowercase() && !t[start + 5..].starts_with(|c: char| c.is_alphabetic())
    });
    Some(match suffix {
        Some(c) => format!("{y}{c}"),
        None => y.to_string(),
    })
}

/// Page ranges as the reference lists write them: "12--19" → "12–19".
fn pages(s: &str) -> Option<String> {
    clean(&s.replace("--", "–").replace(['-', '‐'], "–"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_names_its_libraries() {
        let t = "\\documentclass{article}\n\\addbibresource[label=x]{lib/main.bib}\n\\bibliography{one, two.bib}\n";
        assert_eq!(named_in(t), ["one.bib", "two.bib", "lib/main.bib"]);
        let md =
            "---\ntitle: T\nbibliography:\n  - a.json\n  - \"b.bib\"\nlang: en\n---\n\n# Intro\n";
        assert_eq!(named_in(md), ["a.json", "b.bib"]);
        assert_eq!(
            named_in("---\nbibliography: [x.bib, y.ris]\n---\n"),
            ["x.bib", "y.ris"]
        );
        assert_eq!(named_in("---\nbibliography: refs.bib\n...\n"), ["refs.bib"]);
        assert!(named_in("no header\nbibliography: x.bib\n").is_empty());
    }

    #[test]
    fn a_library_outside_the_documents_folder_is_refused() {
        let dir = std::env::temp_dir();
        assert!(resolve(&dir, "../x.bib", false).is_err());
        assert!(resolve(&dir, "/etc/x.bib", false).is_err());
        assert!(resolve(&dir, "sub/x.bib", false).is_ok());
        assert!(resolve(&dir, "../x.bib", true).is_ok());
    }

    #[test]
    fn years_and_pages_as_lists_write_them() {
        assert_eq!(year_from("2015-03-01").as_deref(), Some("2015"));
        assert_eq!(year_from("2015a").as_deref(), Some("2015a"));
        assert_eq!(year_from("2015 March").as_deref(), Some("2015"));
        assert_eq!(year_from("forthcoming").as_deref(), Some("in press"));
        assert_eq!(year_from("undated"), None);
        assert_eq!(pages("12--19").as_deref(), Some("12–19"));
    }

    #[test]
    fn keys_given_twice_are_kept_once_and_reported() {
        let mut lib = Library::default();
        lib.add("a.bib", "@book{k1, title={One}, year={2001}}\n")
            .unwrap();
        lib.add("b.bib", "@book{k1, title={Again}, year={2002}}\n")
            .unwrap();
        assert_eq!(lib.entries.len(), 1);
        assert_eq!(lib.get("k1").unwrap().title.as_deref(), Some("One"));
        assert_eq!(lib.duplicates.len(), 1);
        assert_eq!(lib.duplicates[0].again.to_string(), "b.bib:1");
        assert_eq!(lib.closest_key("k2"), Some("k1"));
        assert_eq!(lib.closest_key("entirely-else"), None);
    }
}
