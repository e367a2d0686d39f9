//! Words in an entry that say what kind of work it is: a thesis, a report,
//! proceedings, a publisher, a journal. Read by the tail rules and by the
//! classifier.

use regex::Regex;
use std::sync::LazyLock;

re!(
    pub(super) THESIS,
    r"(?i)\b(?:doctoral dissertation|ph\.?\s?d\.? (?:thesis|dissertation)|master'?s thesis|dissertation|thesis|tese|dissertação|thèse|doktorarbeit)\b"
);

// Elsevier labels a data or software entry before its names: "[dataset]
// Lee, K., 2015. …".
re!(
    GENRE_LABEL,
    r"^\[(?i:dataset|data set|data|software|computer software|code)\]\s*"
);

/// `t` without a genre label before its names ("[dataset] Lee, K., …"),
/// which says what the entry is and is no part of its first name.
pub(super) fn without_genre_label(t: &str) -> &str {
    if !t.starts_with('[') {
        return t;
    }
    GENRE_LABEL.find(t).map_or(t, |m| &t[m.end()..])
}

re!(
    pub(super) REPORT,
    r"(?i)\b(?:report|working paper|discussion paper|technical paper|policy brief|white paper|occasional paper|briefing|research paper|wp\s?\d)"
);

re!(
    pub(super) PROCEEDINGS,
    r"(?i)\b(?:proceedings|conference|symposium|workshop|congress|colloquium|congresso|encontro|seminário)\b"
);

re!(
    pub(super) IN_PART, r"(?:^|[.,”\x22’]\s*)(?:(?:In|in):?|(?:Em|En):)\s");

// Series and tails that make a report whatever the title says.
re!(
    pub(super) REPORT_SERIES,
    r"(?i)\b(?:working paper|discussion paper|technical (?:report|memorandum|paper|note)|policy brief|white paper|occasional paper|research report|wp\s?\d)"
);

re!(
    pub(super) UNIVERSITY, r"(?i)\buniversi\w+\b");

re!(
    pub(super) PRESS,
    r"(?i)\b(?:press|publish\w*|books|verlag|editora|edições|ediciones|éditions|editorial)\b"
);

/// The preprint servers and code or data repositories that hold works a
/// reference list names like journals ("medRxiv", "SSRN", "Zenodo").
const SOURCE_NAMES: &str = r"(?i:^(?:[a-z]*rxiv|arxiv|ssrn|preprints?|research square|github|gitlab|bitbucket|zenodo|dryad|figshare|osf|dataverse|cran|pypi|bioconductor)\b)";

re!(
    pub(super) JOURNAL_WORD,
    // Journals, and the sources of SOURCE_NAMES.
    &format!(
        r"(?i)\b(?:journal|review|letters|frontiers|annals|bulletin|quarterly|magazine|revista|zeitschrift|transactions|cahiers)\b|{SOURCE_NAMES}"
    )
);

re!(pub(super) SOURCE_NAME, SOURCE_NAMES);

re!(
    pub(super) ORGANISATION,
    r"(?i)\b(?:institut\w*|program\w*|cent(?:er|re)|agency|ministry|organi[sz]ation|council|foundation|society|association|bank|office|department)\b"
);

re!(
    pub(super) PROCEEDINGS_TAIL,
    r"(?i)\b(?:anais|actas|atas|proceedings|conference|congress|congresso|congreso|symposium|workshop)\b"
);

re!(
    pub(super) REPOSITORY,
    r"(?i)\b(?:zenodo|figshare|dryad|github|gitlab|dataverse|mendeley data|osf\.io|open science framework|cran|pypi|bioconductor|software|r package|dataset|data set)\b"
);
