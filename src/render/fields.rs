//! One table of the reference fields that every export writes, with the
//! name each format gives them. The BibTeX, BibLaTeX, CSL-JSON and RIS
//! writers read it, so that a field added here reaches all four.

use crate::reference::Reference;

/// A text field of a reference that the exports write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The work's title.
    Title,
    /// Journal, book or proceedings title.
    Container,
    /// Volume.
    Volume,
    /// Issue or number.
    Issue,
    /// Publisher or institution.
    Publisher,
    /// Place of publication.
    Location,
    /// Edition.
    Edition,
    /// DOI.
    Doi,
    /// URL.
    Url,
    /// Access date.
    Urldate,
    /// Pages or article number.
    Pages,
}

/// One row: a field and its names.
#[derive(Debug, Clone, Copy)]
pub struct FieldNames {
    /// The field.
    pub field: Field,
    /// CSL-JSON variable, where the item takes the text as it is.
    pub csl: Option<&'static str>,
    /// RIS tag, where the record takes the text as it is.
    pub ris: Option<&'static str>,
    /// BibTeX field, where the type has no other name for it.
    pub bibtex: Option<&'static str>,
    /// BibLaTeX field, where the type has no other name for it.
    pub biblatex: Option<&'static str>,
}

/// The fields, in the order RIS writes them. A `None` name means the
/// format writes that field in its own way (RIS pages as SP and EP, a
/// CSL access date as date parts) or by the entry type (a BibTeX
/// container is `journal` or `booktitle`).
pub const FIELD_TABLE: &[FieldNames] = &[
    row(Field::Title, Some("title"), Some("TI"), Some("title")),
    FieldNames {
        field: Field::Container,
        csl: Some("container-title"),
        ris: Some("T2"),
        bibtex: None,
        biblatex: None,
    },
    row(Field::Volume, Some("volume"), Some("VL"), Some("volume")),
    row(Field::Issue, Some("issue"), Some("IS"), Some("number")),
    FieldNames {
        field: Field::Publisher,
        csl: Some("publisher"),
        ris: Some("PB"),
        bibtex: None,
        biblatex: None,
    },
    FieldNames {
        field: Field::Location,
        csl: Some("publisher-place"),
        ris: Some("CY"),
        bibtex: Some("address"),
        biblatex: Some("location"),
    },
    row(Field::Edition, Some("edition"), Some("ET"), Some("edition")),
    row(Field::Doi, Some("DOI"), Some("DO"), Some("doi")),
    row(Field::Url, Some("URL"), Some("UR"), Some("url")),
    FieldNames {
        field: Field::Urldate,
        csl: None,
        ris: Some("Y2"),
        bibtex: None,
        biblatex: Some("urldate"),
    },
    FieldNames {
        field: Field::Pages,
        csl: Some("page"),
        ris: None,
        bibtex: Some("pages"),
        biblatex: Some("pages"),
    },
];

/// A row whose BibTeX and BibLaTeX names agree.
const fn row(
    field: Field,
    csl: Option<&'static str>,
    ris: Option<&'static str>,
    bib: Option<&'static str>,
) -> FieldNames {
    FieldNames {
        field,
        csl,
        ris,
        bibtex: bib,
        biblatex: bib,
    }
}

impl Field {
    /// The field's text in `r`.
    pub fn get(self, r: &Reference) -> Option<&str> {
        match self {
            Field::Title => r.title.as_deref(),
            Field::Container => r.container.as_deref(),
            Field::Volume => r.volume.as_deref(),
            Field::Issue => r.issue.as_deref(),
            Field::Publisher => r.publisher.as_deref(),
            Field::Location => r.location.as_deref(),
            Field::Edition => r.edition.as_deref(),
            Field::Doi => r.doi.as_deref(),
            Field::Url => r.url.as_deref(),
            Field::Urldate => r.urldate.as_deref(),
            Field::Pages => r.pages.as_deref(),
        }
    }

    /// This field's row of [`FIELD_TABLE`].
    pub fn names(self) -> &'static FieldNames {
        FIELD_TABLE
            .iter()
            .find(|n| n.field == self)
            .unwrap_or(&FIELD_TABLE[0])
    }

    /// The BibTeX or BibLaTeX name, by dialect.
    pub fn bib_name(self, biblatex: bool) -> Option<&'static str> {
        let n = self.names();
        if biblatex { n.biblatex } else { n.bibtex }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_one_row() {
        for f in [
            Field::Title,
            Field::Container,
            Field::Volume,
            Field::Issue,
            Field::Publisher,
            Field::Location,
            Field::Edition,
            Field::Doi,
            Field::Url,
            Field::Urldate,
            Field::Pages,
        ] {
            assert_eq!(FIELD_TABLE.iter().filter(|n| n.field == f).count(), 1);
            assert_eq!(f.names().field, f);
        }
    }
}
