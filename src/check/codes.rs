//! Every code `check` can report: one row each, with its name, default
//! severity, a one-line summary and the reason it exists. An unknown code
//! cannot be written, and the README table and SARIF rules come from here.

use serde::{Serialize, Serializer};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice: worth a look, often fine.
    Note,
    /// Probably wrong; an editor would ask.
    Warning,
    /// Wrong: a reader cannot follow the citation, or the list is damaged.
    Error,
}

impl Severity {
    /// Parses "error", "warning" or "note".
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            _ => None,
        }
    }

    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A finding's stable code. Its string form ([`Code::name`]) is the public
/// contract; findings sort by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Code {
    UnresolvedCitation,
    YearMismatch,
    AmbiguousCitation,
    MissingYearSuffix,
    WrongYearSuffix,
    DuplicateReference,
    ProofMarker,
    MergedReferences,
    NameMismatch,
    UncitedReference,
    IncompleteReference,
    ReferenceOrder,
    EtAlUsage,
    ParentheticalAmpersand,
    FutureYear,
    MalformedDoi,
    SharedDoi,
    StrayNumber,
    MissingYear,
    UnsupportedStatistic,
    UrlWithoutAccessDate,
    KeyedCitations,
    NoReferenceList,
    NoCitations,
    ReplacedByte,
    UnknownKey,
    DuplicateKey,
    LibraryMismatch,
    PageRange,
    JournalVariants,
    DoiForm,
    CitationOrder,
    ListAmpersand,
    PagesPrefix,
    InitialsSpacing,
    TitleCase,
    NoDateForm,
    YearForm,
    MissingDoi,
}

/// One row of the code table.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Its stable name, e.g. `unresolved-citation`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What it finds, in one line (for `--help` and SARIF rules).
    pub summary: &'static str,
    /// Why an editor cares.
    pub why: &'static str,
}

macro_rules! codes {
    ($($code:ident, $name:literal, $sev:ident, $summary:literal, $why:literal;)*) => {
        /// Every code, in the order the README lists them.
        pub const CODES: &[CodeInfo] = &[
            $(CodeInfo {
                code: Code::$code,
                name: $name,
                severity: Severity::$sev,
                summary: $summary,
                why: $why,
            },)*
        ];
    };
}

codes! {
    UnresolvedCitation, "unresolved-citation", Error,
        "the cited work has no entry in the reference list",
        "a reader cannot find the source, and most journals reject the manuscript for it";
    YearMismatch, "year-mismatch", Error,
        "the name is in the list, but not for the cited year",
        "either the citation or the entry has the wrong year, and the reader lands on the wrong work";
    AmbiguousCitation, "ambiguous-citation", Error,
        "more than one entry fits the citation",
        "the reader cannot tell which of the works is meant";
    MissingYearSuffix, "missing-year-suffix", Error,
        "the list tells same-year works apart with a/b, the citation does not",
        "without the letter the citation fits two works";
    WrongYearSuffix, "wrong-year-suffix", Error,
        "the citation's year suffix is not the entry's",
        "the letter points at another work by the same authors";
    DuplicateReference, "duplicate-reference", Error,
        "the same work is listed twice",
        "a work is listed once; two copies also make its citations ambiguous";
    ProofMarker, "proof-marker", Error,
        "a typesetting leftover such as \"AuQ4\"",
        "an author query left in the text is printed as it stands";
    MergedReferences, "merged-references", Error,
        "two entries on one line",
        "two works that run together cannot both be found";
    NameMismatch, "name-mismatch", Warning,
        "the year matches and the name is a near miss",
        "a misspelt or incomplete name is usually a slip in one of the two places";
    UncitedReference, "uncited-reference", Warning,
        "no citation uses this entry",
        "author-date styles list only the works the text cites";
    IncompleteReference, "incomplete-reference", Warning,
        "no journal, book, publisher or URL for the entry",
        "a reader cannot find a work with only its author, year and title";
    ReferenceOrder, "reference-order", Warning,
        "the list is not in author-date alphabetical order",
        "author-date lists are read by name; an entry out of order is hard to find";
    EtAlUsage, "et-al-usage", Warning,
        "\"et al.\" where the style wants the names, or the reverse",
        "each style says from how many authors \"et al.\" is used";
    ParentheticalAmpersand, "parenthetical-ampersand", Warning,
        "\"&\" versus \"and\" against the style",
        "APA uses \"&\" in parentheses and \"and\" in running text; Harvard and Chicago use \"and\"";
    FutureYear, "future-year", Warning,
        "a year after the current one",
        "usually a typing slip, or a work that should be \"in press\"";
    MalformedDoi, "malformed-doi", Warning,
        "a DOI that does not have the form 10.NNNN/suffix",
        "a DOI that does not resolve breaks the link to the work";
    SharedDoi, "shared-doi", Warning,
        "two entries with one DOI disagree on authors and title",
        "a DOI names one work; chapters that carry their book's DOI, or a slip, send readers to the wrong one";
    StrayNumber, "stray-number", Warning,
        "a stray number in an entry, such as a chapter number before the title",
        "extraction or editing left a number that is not part of the reference";
    MissingYear, "missing-year", Warning,
        "an entry without a date after its names",
        "author-date citations need the entry's date to find it";
    UnsupportedStatistic, "unsupported-statistic", Note,
        "a figure with no citation in its paragraph",
        "a number a reader may want to check usually needs a source";
    UrlWithoutAccessDate, "url-without-access-date", Note,
        "a web source without an access date",
        "web pages change; the styles ask when the page was read";
    KeyedCitations, "keyed-citations", Warning,
        "something that looks like a citation by key (\\cite{…}, [@key]) but could not be read as one",
        "a citation citemap cannot read is a citation it cannot check; it says so rather than passing silently";
    NoReferenceList, "no-reference-list", Error,
        "the document cites works but has no reference list",
        "no citation can be checked without the list it points to";
    NoCitations, "no-citations", Note,
        "the document has a reference list but no citation was found",
        "a check that found nothing to check says so rather than passing silently";
    ReplacedByte, "replaced-byte", Warning,
        "bytes that were not text were replaced with ? (read with --lossy)",
        "the lost character may have been a letter of a name or a title, so a citation or an entry near it may not match";
    UnknownKey, "unknown-key", Error,
        "a citation key that the library does not have (the closest key is suggested)",
        "LaTeX prints \"??\" and pandoc the bare key where the work should be";
    DuplicateKey, "duplicate-key", Error,
        "two library entries with one key",
        "only one of them can be cited, and which one depends on the tool";
    LibraryMismatch, "library-mismatch", Warning,
        "a reference-list entry disagrees with the library's entry for the same work",
        "the year, a name, the pages or the DOI was changed in one place and not the other";
    PageRange, "page-range", Warning,
        "a page range that runs backwards (\"250–120\"; \"519–36\" is read as 519–536), or an article's or chapter's that starts at 0 or spans more than 1,000 pages",
        "a range that ends before it starts, or longer than any article, is a typing slip, and a reader cannot find the pages";
    JournalVariants, "journal-variants", Warning,
        "one journal abbreviated in one entry and written in full in another",
        "a list writes every journal one way; two forms look like two journals";
    DoiForm, "doi-form", Note,
        "APA 7: a DOI not written as https://doi.org/… (fix: the link form)",
        "APA 7 presents DOIs as links; \"doi:\" and dx.doi.org are older forms";
    CitationOrder, "citation-order", Warning,
        "APA: works cited in one pair of parentheses not in alphabetical order, or one author's works not by date (fix: the group sorted)",
        "APA lists the works cited together by author and then by date, so a reader can scan them against the list";
    ListAmpersand, "list-ampersand", Warning,
        "an entry joins its last author with \"and\" where APA writes \"&\", or with \"&\" where Harvard and Chicago write \"and\" (fix: the style's word)",
        "one list writes its entries one way; the odd entry is a slip an editor would mark";
    PagesPrefix, "pages-prefix", Warning,
        "APA: \"pp.\" before a journal article's pages (fix: the pages alone)",
        "APA gives a journal article's pages bare; \"pp.\" belongs to chapters in edited books";
    InitialsSpacing, "initials-spacing", Warning,
        "APA: initials run together (\"J.E.\") where the style spaces them (\"J. E.\") (fix: spaced)",
        "APA writes each initial with its period and a space, and one list writes them one way";
    TitleCase, "title-case", Note,
        "an article's or a book's title cased unlike the list's other titles of its kind (\"The Political Economy of Trade\" among sentence-case titles)",
        "a list cases its titles one way (APA: sentence case); the odd one was copied from somewhere else";
    NoDateForm, "no-date-form", Warning,
        "an undated work not written as the style writes it: \"(nd)\", \"(no date)\" or \"n.d\" where APA writes \"(n.d.)\" and Chicago \"n.d.\" (fix: the style's form)",
        "a reader scans the list by date; one form for \"no date\" reads as one, and odd forms look like typing slips";
    YearForm, "year-form", Warning,
        "the year not where or as the style puts it: \"(2010) Title\" or \"2010.\" in an APA list, \"(2010).\" in a Chicago one, or the year after the title (fix: the style's marks)",
        "author-date lists are read by name and then year; a year out of place or marked unlike the others is hard to find";
    MissingDoi, "missing-doi", Note,
        "a journal article with neither a DOI nor a URL (off unless selected: --select missing-doi)",
        "most articles have a DOI, and editors ask for it; but older and regional journals often have none, so this is advice, not a rule";
}

impl CodeInfo {
    /// Where the code is documented: its section of the README.
    pub fn help_uri(&self) -> String {
        format!(
            "{}/blob/main/README.md#{}",
            env!("CARGO_PKG_REPOSITORY"),
            self.name
        )
    }
}

impl Code {
    /// This code's row of [`CODES`] (the rows are in the enum's order; a
    /// test holds them to it).
    pub fn info(self) -> &'static CodeInfo {
        &CODES[self as usize]
    }

    /// The stable name, e.g. `unresolved-citation`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The default severity.
    pub fn severity(self) -> Severity {
        self.info().severity
    }

    /// Whether the code is off unless selected: advice that many sound
    /// documents would draw, such as a missing DOI.
    pub fn is_opt_in(self) -> bool {
        matches!(self, Code::MissingDoi)
    }

    /// The code with this name.
    pub fn parse(name: &str) -> Option<Code> {
        CODES.iter().find(|c| c.name == name).map(|c| c.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.name() == other
    }
}

/// Findings sort by the code's name, as the outputs have always listed them.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_its_own_code_and_names_are_unique() {
        for (i, row) in CODES.iter().enumerate() {
            assert_eq!(row.code as usize, i, "{} is out of place", row.name);
            assert_eq!(Code::parse(row.name), Some(row.code));
            assert!(!row.summary.is_empty() && !row.why.is_empty());
        }
        let mut names: Vec<&str> = CODES.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CODES.len());
        assert_eq!(Code::parse("no-such-code"), None);
    }
}
