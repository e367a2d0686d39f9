//! References: find the entries of the reference list and parse them.
//!
//! [`split`] turns the reference region's lines into one text per work,
//! [`parse`] turns a text into fields, and [`key`] gives each entry a
//! readable, stable citation key.

/// A regex compiled once, on first use.
macro_rules! re {
    ($vis:vis $name:ident, $pat:expr) => {
        $vis static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

mod abnt;
mod anchor;
mod classify;
mod cues;
mod fields;
pub mod identity;
pub mod key;
mod names;
pub mod parse;
pub mod split;
pub mod tagger;
mod tail;
mod title;

pub use names::parse_names;

use crate::text::Mapped;
use serde::Serialize;
use std::ops::Range;

/// A name in an author or editor list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Name {
    /// A person, family name first.
    Person {
        /// Family name, particles included ("de Queiroz").
        family: String,
        /// Given names or initials as written.
        given: String,
    },
    /// An organisation or any name that must stay whole.
    Literal {
        /// The name as written.
        literal: String,
    },
}

impl Name {
    /// The part of the name that citations use: the family name or the
    /// whole organisation name.
    pub fn citation_name(&self) -> &str {
        match self {
            Name::Person { family, .. } => family,
            // "Intergovernmental Panel on Climate Change (IPCC)" is cited
            // by its name; the acronym after it is the short form.
            Name::Literal { literal } => literal
                .strip_suffix(')')
                .and_then(|l| l.rsplit_once(" ("))
                .filter(|(name, short)| {
                    !name.is_empty()
                        && (2..=12).contains(&short.chars().count())
                        && short
                            .chars()
                            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
                })
                .map_or(literal.as_str(), |(name, _)| name.trim_end()),
        }
    }
}

/// The kind of work a reference describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EntryType {
    /// A journal article.
    Article,
    /// A book.
    Book,
    /// A chapter or part of an edited book.
    InCollection,
    /// A paper in conference proceedings.
    InProceedings,
    /// A report, working paper or similar institutional publication.
    Report,
    /// A thesis or dissertation.
    Thesis,
    /// A web page or other online-only source.
    Online,
    /// Anything else.
    #[default]
    Misc,
}

/// Names of an entry type in each export format. One table, so that the
/// formats cannot drift apart.
#[derive(Debug, Clone, Copy)]
pub struct TypeNames {
    /// The type.
    pub kind: EntryType,
    /// BibTeX entry type.
    pub bibtex: &'static str,
    /// BibLaTeX entry type.
    pub biblatex: &'static str,
    /// CSL-JSON `type`.
    pub csl: &'static str,
    /// RIS `TY` code.
    pub ris: &'static str,
}

/// The mapping between entry types and the export formats.
pub const TYPE_TABLE: &[TypeNames] = &[
    TypeNames {
        kind: EntryType::Article,
        bibtex: "article",
        biblatex: "article",
        csl: "article-journal",
        ris: "JOUR",
    },
    TypeNames {
        kind: EntryType::Book,
        bibtex: "book",
        biblatex: "book",
        csl: "book",
        ris: "BOOK",
    },
    TypeNames {
        kind: EntryType::InCollection,
        bibtex: "incollection",
        biblatex: "incollection",
        csl: "chapter",
        ris: "CHAP",
    },
    TypeNames {
        kind: EntryType::InProceedings,
        bibtex: "inproceedings",
        biblatex: "inproceedings",
        csl: "paper-conference",
        ris: "CPAPER",
    },
    TypeNames {
        kind: EntryType::Report,
        bibtex: "techreport",
        biblatex: "report",
        csl: "report",
        ris: "RPRT",
    },
    TypeNames {
        kind: EntryType::Thesis,
        bibtex: "phdthesis",
        biblatex: "thesis",
        csl: "thesis",
        ris: "THES",
    },
    TypeNames {
        kind: EntryType::Online,
        bibtex: "misc",
        biblatex: "online",
        csl: "webpage",
        ris: "ELEC",
    },
    TypeNames {
        kind: EntryType::Misc,
        bibtex: "misc",
        biblatex: "misc",
        csl: "document",
        ris: "GEN",
    },
];

impl EntryType {
    /// This type's names in the export formats.
    pub fn names(self) -> TypeNames {
        TYPE_TABLE
            .iter()
            .copied()
            .find(|t| t.kind == self)
            .unwrap_or(TYPE_TABLE[TYPE_TABLE.len() - 1])
    }
}

/// What is wrong with an entry, found while reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// A typesetting leftover ("AuQ4") was removed from the entry.
    ProofMarker,
    /// The entry shares its line with another one.
    MergedReferences,
    /// No date after the names.
    MissingYear,
    /// A stray number before the title.
    StrayNumber,
    /// No journal, book, publisher or URL.
    IncompleteReference,
}

impl ProblemKind {
    /// The stable name of the check code it becomes.
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::ProofMarker => "proof-marker",
            ProblemKind::MergedReferences => "merged-references",
            ProblemKind::MissingYear => "missing-year",
            ProblemKind::StrayNumber => "stray-number",
            ProblemKind::IncompleteReference => "incomplete-reference",
        }
    }
}

/// A problem found in a reference entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What kind of problem.
    pub kind: ProblemKind,
    /// Human-readable explanation.
    pub message: String,
    /// Byte span in the original input.
    pub span: Range<usize>,
}

/// One entry of the reference list.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// Citation key, unique in the document.
    pub key: String,
    /// Entry type.
    pub kind: EntryType,
    /// Byte span of the entry in the original input.
    pub span: Range<usize>,
    /// The entry's clean text with its map back to the original.
    pub text: Mapped,
    /// Authors in order.
    pub authors: Vec<Name>,
    /// The list was cut short with "et al." or an ellipsis.
    pub authors_truncated: bool,
    /// Editors of the containing work (or of the work, for edited books).
    pub editors: Vec<Name>,
    /// Year as written, with suffix ("2015a"), or "n.d." / "in press".
    pub year: Option<String>,
    /// Further years of a multi-year entry ("2001, 2002").
    pub other_years: Vec<String>,
    /// Title of the work.
    pub title: Option<String>,
    /// Journal, book or proceedings title.
    pub container: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue or number.
    pub issue: Option<String>,
    /// Page range or article number.
    pub pages: Option<String>,
    /// Publisher or institution.
    pub publisher: Option<String>,
    /// Place of publication.
    pub location: Option<String>,
    /// URL other than the DOI resolver.
    pub url: Option<String>,
    /// Date the URL was accessed, as written.
    pub urldate: Option<String>,
    /// DOI, without resolver prefix.
    pub doi: Option<String>,
    /// Edition, as written.
    pub edition: Option<String>,
    /// Chapter number.
    pub chapter: Option<String>,
    /// Problems found in the entry.
    pub problems: Vec<Problem>,
    /// Evidence: the name of the rule that read the entry's tail
    /// ([`parse`]'s tail rules, "in-part", "publisher"), or "abnt" for an
    /// entry read in the date-last dialect.
    pub tail_rule: Option<&'static str>,
    /// For an entry read from the author's library (`--bib`), the file and
    /// line it came from; its `span` and `text` are then in that file.
    pub origin: Option<crate::library::Origin>,
}

impl Reference {
    /// The year's four digits, if it has any.
    pub fn year_digits(&self) -> Option<&str> {
        year_digits(self.year.as_deref()?)
    }

    /// The state an undated work is in ("in press", "forthcoming",
    /// "submitted"); `None` for a dated work and for "n.d.".
    pub fn pub_state(&self) -> Option<PubState> {
        if self.year_digits().is_some() {
            return None;
        }
        let y = self.year.as_deref()?.to_lowercase();
        if y.contains("press") {
            Some(PubState::InPress)
        } else if y.starts_with("forth") {
            Some(PubState::Forthcoming)
        } else if y.contains("submitted") {
            Some(PubState::Submitted)
        } else {
            None
        }
    }

    /// How the text cites this work: "Harte (2013)", "Okafor & Lind
    /// (2015)", "Tanaka et al. (1999)".
    pub fn short_citation(&self) -> String {
        let names: Vec<&str> = self.people().iter().map(Name::citation_name).collect();
        let who = match names.as_slice() {
            [] => self.title.clone().unwrap_or_else(|| self.key.clone()),
            [a] => (*a).to_string(),
            [a, b] => format!("{a} & {b}"),
            [a, ..] => format!("{a} et al."),
        };
        format!("{who} ({})", self.year.as_deref().unwrap_or("n.d."))
    }

    /// The names the work is cited by: its authors, or for an edited work
    /// without authors, its editors.
    pub fn people(&self) -> &[Name] {
        if self.authors.is_empty() {
            &self.editors
        } else {
            &self.authors
        }
    }
}

/// The state of a work that has no year yet, as its date says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PubState {
    /// "in press".
    InPress,
    /// "forthcoming".
    Forthcoming,
    /// "submitted".
    Submitted,
}

impl PubState {
    /// biblatex's name for it (`pubstate`), also used in keys.
    pub fn biblatex(self) -> &'static str {
        match self {
            PubState::InPress => "inpress",
            PubState::Forthcoming => "forthcoming",
            PubState::Submitted => "submitted",
        }
    }
}

/// The four digits of a year as written ("2015" in "2015a" or "\[1998\] 2015"
/// is "1998"; none in "n.d.").
pub fn year_digits(y: &str) -> Option<&str> {
    let start = y.find(|c: char| c.is_ascii_digit())?;
    y.get(start..start + 4)
        .filter(|d| d.chars().all(|c| c.is_ascii_digit()))
}

/// The letter suffix of a year as written ("a" in "2015a").
pub fn year_suffix(y: &str) -> Option<char> {
    let c = y.chars().last()?;
    (c.is_ascii_lowercase() && y.len() == 5 && year_digits(y).is_some()).then_some(c)
}

/// Parses each line as one entry, whatever it holds (for lists of
/// reference strings given one a line), with unique keys.
pub fn parse_lines(src: &str) -> Vec<Reference> {
    let mut refs = parse::parse_list(raw_lines(src));
    abnt::repeat_authors(&mut refs);
    key::assign_keys(&mut refs);
    refs
}

/// Each line of `src` as one raw entry.
pub(crate) fn raw_lines(src: &str) -> Vec<split::RawEntry> {
    crate::input::lines_of(src)
        .into_iter()
        .map(|line| {
            let mut removed = Vec::new();
            let mut text = crate::text::Mapped::new();
            text.push_clean_line(src, line, &mut removed);
            split::RawEntry {
                text,
                removed,
                merged: false,
            }
        })
        .collect()
}

/// [`parse_lines`] with another parser of one entry, such as
/// [`parse::parse_tagged`] with a model under test.
pub fn parse_lines_by(src: &str, parse: impl Fn(split::RawEntry) -> Reference) -> Vec<Reference> {
    let mut refs: Vec<Reference> = raw_lines(src).into_iter().map(parse).collect();
    abnt::repeat_authors(&mut refs);
    key::assign_keys(&mut refs);
    refs
}

/// Splits the reference region and parses every entry, with unique keys.
pub fn extract(src: &crate::input::Source, lines: &[Range<usize>]) -> Vec<Reference> {
    let mut entries = split::split(src.text(), lines);
    // An entry on one clean line reads from the source, not from a copy:
    // a long list's copies were as large as the list.
    for e in &mut entries {
        e.text.share(src.shared());
    }
    let mut refs = parse::parse_list(entries);
    abnt::repeat_authors(&mut refs);
    key::assign_keys(&mut refs);
    refs
}
