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

/// An edition's number: "2nd ed", "3rd edn.", "Second edition", "2".
pub fn edition_number(e: &str) -> Option<u32> {
    let e = e.trim();
    let digits: String = e.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = e[digits.len()..].trim_start().to_ascii_lowercase();
        let rest = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|o| rest.strip_prefix(o))
            .unwrap_or(&rest)
            .trim();
        let edition_word = ["", "ed", "ed.", "edn", "edn.", "edition", "éd.", "aufl."];
        return edition_word
            .contains(&rest)
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|&n| n > 0);
    }
    crate::lexicon::ordinal_number(&e.split_whitespace().next()?.to_lowercase())
}

/// An edition as BibTeX styles print it before "edition": "Second".
pub fn edition_word(n: u32) -> String {
    match crate::lexicon::words::ORDINALS.get(n.saturating_sub(1) as usize) {
        Some(w) if n > 0 => {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        }
        _ => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

/// An edition without the word for "edition" that styles add: "Rev. ed."
/// stays "Rev.", "2nd ed" (with no number found) is kept as written.
pub fn edition_text(e: &str) -> String {
    let t = e.trim();
    for w in [" edition", " edn.", " edn", " ed.", " ed"] {
        if let Some(s) = t.strip_suffix(w).or_else(|| {
            t.to_ascii_lowercase()
                .ends_with(w)
                .then(|| &t[..t.len() - w.len()])
        }) && !s.trim().is_empty()
        {
            return s.trim().to_string();
        }
    }
    t.to_string()
}

/// An edition as CSL and RIS take it: its number ("2"), else its text
/// without the word for "edition".
pub fn edition_value(e: &str) -> String {
    match edition_number(e) {
        Some(n) => n.to_string(),
        None => edition_text(e),
    }
}

/// An access or publication date as ISO 8601, day or month precision:
/// "2020-03-05", "March 5, 2020", "5 March 2020", "5 Mar. 2020", "March
/// 2020". Numeric day-month orders ("05/03/2020") are ambiguous and read
/// as nothing.
pub fn iso_date(d: &str) -> Option<String> {
    let d = d.trim().trim_end_matches(['.', ',']);
    let b = d.as_bytes();
    if b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' {
        let digits_at = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let month = b.len() == 7 && digits_at(5..7);
        let day = b.len() == 10 && digits_at(5..7) && b[7] == b'-' && digits_at(8..10);
        return (month || day).then(|| d.to_string());
    }
    let words: Vec<&str> = d
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| crate::lexicon::month_number(&w.to_lowercase());
    let day = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        w.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    let year = |w: &str| {
        (w.len() == 4)
            .then(|| w.parse::<u32>().ok())
            .flatten()
            .filter(|y| (1000..=2999).contains(y))
    };
    match words.as_slice() {
        [m, dd, y] if month(m).is_some() => {
            Some(format!("{:04}-{:02}-{:02}", year(y)?, month(m)?, day(dd)?))
        }
        [dd, m, y] => Some(format!("{:04}-{:02}-{:02}", year(y)?, month(m)?, day(dd)?)),
        [m, y] => Some(format!("{:04}-{:02}", year(y)?, month(m)?)),
        _ => None,
    }
}

/// The article number of an article that has one instead of pages:
/// "e0120345", or a number of five digits or more (no journal has that
/// many pages; "Article 12345" is read as such). A number of four digits
/// or fewer is taken for a page.
pub fn article_number(r: &Reference) -> Option<&str> {
    let p = r.pages.as_deref()?.trim();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let e_number = p
        .strip_prefix(['e', 'E'])
        .is_some_and(|rest| digits(rest) && rest.len() >= 2);
    (e_number || digits(p) && p.len() >= 5).then_some(p)
}

/// Initials written apart, as Better BibTeX and the styles write them:
/// "J.E." is "J. E.", "J.-P." stays.
pub fn spaced_initials(given: &str) -> std::borrow::Cow<'_, str> {
    let b = given.as_bytes();
    if !(1..b.len()).any(|i| b[i - 1] == b'.' && b[i].is_ascii_uppercase()) {
        return given.into();
    }
    let mut out = String::with_capacity(given.len() + 4);
    let mut prev = ' ';
    for c in given.chars() {
        if prev == '.' && c.is_uppercase() {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_read_as_numbers_and_words() {
        for (e, n) in [
            ("2nd ed", Some(2)),
            ("3rd edn.", Some(3)),
            ("Second edition", Some(2)),
            ("2", Some(2)),
            ("21st ed.", Some(21)),
            ("Rev. ed.", None),
            ("", None),
        ] {
            assert_eq!(edition_number(e), n, "{e}");
        }
        assert_eq!(edition_word(2), "Second");
        assert_eq!(edition_word(12), "12th");
        assert_eq!(edition_word(22), "22nd");
        assert_eq!(edition_text("Rev. ed."), "Rev.");
        assert_eq!(edition_text("Revised edition"), "Revised");
    }

    #[test]
    fn dates_become_iso_when_they_are_not_ambiguous() {
        for (d, iso) in [
            ("March 5, 2020", Some("2020-03-05")),
            ("5 March 2020", Some("2020-03-05")),
            ("5 Mar. 2020", Some("2020-03-05")),
            ("Sept. 30, 2019", Some("2019-09-30")),
            ("March 2020", Some("2020-03")),
            ("2020-03-05", Some("2020-03-05")),
            ("2020-03", Some("2020-03")),
            ("05/03/2020", None),
            ("March 45, 2020", None),
            ("yesterday", None),
            ("2020-3-5", None),
        ] {
            assert_eq!(iso_date(d).as_deref(), iso, "{d}");
        }
    }

    #[test]
    fn article_numbers_and_spaced_initials() {
        let with = |p: &str| Reference {
            pages: Some(p.into()),
            ..Default::default()
        };
        assert_eq!(article_number(&with("e0120345")), Some("e0120345"));
        assert_eq!(article_number(&with("12345")), Some("12345"));
        assert_eq!(article_number(&with("1234")), None);
        assert_eq!(article_number(&with("11–19")), None);
        assert_eq!(spaced_initials("J.E."), "J. E.");
        assert_eq!(spaced_initials("J. E."), "J. E.");
        assert_eq!(spaced_initials("J.-P."), "J.-P.");
        assert_eq!(spaced_initials("Anna"), "Anna");
    }

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
