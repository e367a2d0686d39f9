//! What a fuzzy match tolerated, typed, so that messages and checks read
//! the same record.

use serde::Serialize;

/// One thing tolerated in a fuzzy match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Tolerance {
    /// "Office of Evaluation" for "The Office of Evaluation".
    DroppedArticle {
        /// The name as cited.
        cited: String,
        /// The name in the list.
        listed: String,
    },
    /// "United Nations" for "United Nations, Department of …".
    ShortenedOrganisation {
        /// The name as cited.
        cited: String,
        /// The name in the list.
        listed: String,
    },
    /// A name a few edits from the listed one.
    Misspelled {
        /// The name as cited.
        cited: String,
        /// The name in the list.
        listed: String,
    },
    /// "Deaton and Case" for "Case, Deaton".
    AuthorOrder,
    /// A work cited by a co-author's name.
    NotFirstAuthor,
    /// "2015" for "2015a", or "2015b" for "2015a".
    YearSuffix {
        /// The year as cited.
        cited: String,
        /// The year in the list.
        listed: String,
    },
}

impl Tolerance {
    /// Whether this is about the year's letter rather than the names.
    pub fn is_year_suffix(&self) -> bool {
        matches!(self, Tolerance::YearSuffix { .. })
    }
}

impl std::fmt::Display for Tolerance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tolerance::DroppedArticle { cited, listed } => {
                write!(f, "leading article dropped (\"{cited}\" for \"{listed}\")")
            }
            Tolerance::ShortenedOrganisation { cited, listed } => {
                write!(f, "organisation cited as \"{cited}\" for \"{listed}\"")
            }
            Tolerance::Misspelled { cited, listed } => {
                write!(f, "name spelled \"{cited}\", reference has \"{listed}\"")
            }
            Tolerance::AuthorOrder => f.write_str("authors cited in another order"),
            Tolerance::NotFirstAuthor => f.write_str("cited by an author who is not the first"),
            Tolerance::YearSuffix { cited, listed } => {
                write!(f, "year suffix differs (cited {cited}, reference {listed})")
            }
        }
    }
}

/// The tolerances of a fuzzy match as one phrase, "; " between them.
pub fn join(tolerances: &[Tolerance]) -> String {
    tolerances
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
