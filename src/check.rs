//! The citation audit: findings about citations and references, each with
//! a stable code, a severity and the span it concerns.
//!
//! Findings never abort; [`check`] returns all of them, in document order.

use crate::analysis::Analysis;
use crate::citation::Form;
use crate::link::Match;
use crate::reference::{EntryType, Name, Reference};
use crate::text::fold;
use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

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

/// The citation style whose rules `et-al-usage` and
/// `parenthetical-ampersand` apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// APA 7th edition: "et al." from the first citation for 3+ authors.
    #[default]
    Apa7,
    /// APA 6th edition: 3–5 authors named in full the first time.
    Apa6,
    /// Harvard (Cite Them Right): "et al." for 4+ authors, "and" throughout.
    Harvard,
    /// Chicago author-date: "et al." for 4+ authors, "and" throughout.
    Chicago,
}

impl Style {
    /// Parses "apa7", "apa6", "harvard" or "chicago".
    pub fn parse(s: &str) -> Option<Style> {
        match s {
            "apa7" | "apa" => Some(Style::Apa7),
            "apa6" => Some(Style::Apa6),
            "harvard" => Some(Style::Harvard),
            "chicago" => Some(Style::Chicago),
            _ => None,
        }
    }

    /// The style of a document's reference list, when most entries show
    /// one: "Smith, J. (2010). Title" is APA, "Smith, J. (2010) Title" is
    /// Harvard, "Smith, John. 2010. Title" is Chicago. APA 6 and APA 7 look
    /// alike there, so APA is APA 7.
    pub fn infer(a: &Analysis) -> Option<Style> {
        static DATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?P<apa>\((?:1[5-9]\d\d|20\d\d)[a-z]?(?:, [^)]{1,30})?\)\.)|(?P<harvard>\((?:1[5-9]\d\d|20\d\d)[a-z]?\)\s+[^\s.,;])|(?P<chicago>[.,]\s(?:1[5-9]\d\d|20\d\d)[a-z]?\.\s)",
            )
            .expect("valid regex")
        });
        let mut votes = [0usize; 3];
        for r in &a.references {
            if let Some(c) = DATE.captures(r.text.as_str()) {
                let i = ["apa", "harvard", "chicago"]
                    .iter()
                    .position(|g| c.name(g).is_some())
                    .unwrap_or(0);
                votes[i] += 1;
            }
        }
        let (best, &n) = votes.iter().enumerate().max_by_key(|(_, n)| **n)?;
        (n > 0 && n * 2 > a.references.len())
            .then(|| [Style::Apa7, Style::Harvard, Style::Chicago][best])
    }

    fn name(self) -> &'static str {
        match self {
            Style::Apa7 => "APA 7",
            Style::Apa6 => "APA 6",
            Style::Harvard => "Harvard",
            Style::Chicago => "Chicago",
        }
    }
}

/// Every code `check` can report, with its default severity and a one-line
/// description (used for `--help` and SARIF rules).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        "unresolved-citation",
        Severity::Error,
        "the cited work has no entry in the reference list",
    ),
    (
        "year-mismatch",
        Severity::Error,
        "the name is in the list, but not for the cited year",
    ),
    (
        "ambiguous-citation",
        Severity::Error,
        "more than one entry fits the citation",
    ),
    (
        "missing-year-suffix",
        Severity::Error,
        "the list tells same-year works apart with a/b, the citation does not",
    ),
    (
        "wrong-year-suffix",
        Severity::Error,
        "the citation's year suffix is not the entry's",
    ),
    (
        "duplicate-reference",
        Severity::Error,
        "the same work is listed twice",
    ),
    (
        "proof-marker",
        Severity::Error,
        "a typesetting leftover such as \"AuQ4\"",
    ),
    (
        "merged-references",
        Severity::Error,
        "two entries on one line",
    ),
    (
        "name-mismatch",
        Severity::Warning,
        "the year matches and the name is a near miss",
    ),
    (
        "uncited-reference",
        Severity::Warning,
        "no citation uses this entry",
    ),
    (
        "incomplete-reference",
        Severity::Warning,
        "no journal, book, publisher or URL for the entry",
    ),
    (
        "reference-order",
        Severity::Warning,
        "the list is not in author-date alphabetical order",
    ),
    (
        "et-al-usage",
        Severity::Warning,
        "\"et al.\" where the style wants the names, or the reverse",
    ),
    (
        "parenthetical-ampersand",
        Severity::Warning,
        "\"&\" versus \"and\" against the style",
    ),
    (
        "future-year",
        Severity::Warning,
        "a year after the current one",
    ),
    (
        "malformed-doi",
        Severity::Warning,
        "a DOI that does not have the form 10.NNNN/suffix",
    ),
    (
        "stray-number",
        Severity::Warning,
        "a stray number in an entry, such as a chapter number before the title",
    ),
    (
        "missing-year",
        Severity::Warning,
        "an entry without a date after its names",
    ),
    (
        "unsupported-statistic",
        Severity::Note,
        "a figure with no citation in its paragraph",
    ),
    (
        "url-without-access-date",
        Severity::Note,
        "a web source without an access date",
    ),
];

fn default_severity(code: &str) -> Severity {
    CODES
        .iter()
        .find(|c| c.0 == code)
        .map_or(Severity::Warning, |c| c.1)
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `unresolved-citation`.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Byte span in the original input.
    #[serde(skip)]
    pub span: Range<usize>,
    /// Keys of the references involved.
    pub keys: Vec<String>,
    /// A suggestion, when there is one.
    pub help: Option<String>,
}

/// Options of the audit.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Style whose rules apply.
    pub style: Style,
    /// The current year, for `future-year`.
    pub current_year: u32,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            style: Style::default(),
            current_year: current_year(),
        }
    }
}

/// The current year from the system clock (UTC).
pub fn current_year() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil year (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    u32::try_from(year).unwrap_or(0)
}

struct Out<'a> {
    a: &'a Analysis,
    diags: Vec<Diagnostic>,
}

impl Out<'_> {
    fn push(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: String,
        keys: Vec<String>,
        help: Option<String>,
    ) {
        self.diags.push(Diagnostic {
            code,
            severity: default_severity(code),
            message,
            span,
            keys,
            help,
        });
    }

    fn key(&self, r: usize) -> String {
        self.a.references[r].key.clone()
    }
}

/// The year's digits as a number.
fn year_number(y: &str) -> Option<u32> {
    crate::reference::year_digits(y)?.parse().ok()
}

/// Runs every rule over an analysis.
pub fn check(a: &Analysis, o: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Out {
        a,
        diags: Vec::new(),
    };
    citations(&mut out, o);
    references(&mut out, o);
    order(&mut out);
    duplicates(&mut out);
    statistics(&mut out);
    out.diags.sort_by_key(|d| (d.span.start, d.code));
    out.diags
}

fn citations(out: &mut Out<'_>, o: &CheckOptions) {
    let a = out.a;
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for c in &a.citations {
        let cited = &c.text;
        match (&c.link.how, c.link.reference) {
            (Match::None { reason }, None) => match c.link.year_mismatch {
                Some(r) => {
                    let ry = a.references[r].year.as_deref().unwrap_or("n.d.");
                    let same_year =
                        year_number(ry).is_some() && year_number(ry) == year_number(&c.cite.year);
                    let code = if same_year {
                        "wrong-year-suffix"
                    } else {
                        "year-mismatch"
                    };
                    out.push(
                        code,
                        c.span.clone(),
                        format!(
                            "\"{cited}\": the list has this name for {ry}, not {}",
                            c.cite.year
                        ),
                        vec![out.key(r)],
                        Some(format!(
                            "did you mean {} ({})?",
                            out.key(r),
                            crate::report::short_citation(&a.references[r])
                        )),
                    );
                }
                None => {
                    let near = closest(a, &c.cite.names, &c.cite.year);
                    out.push(
                        "unresolved-citation",
                        c.span.clone(),
                        format!("\"{cited}\" has no entry in the reference list ({reason})"),
                        near.iter().map(|&r| out.key(r)).collect(),
                        near.map(|r| {
                            format!(
                                "closest entry: {} ({})",
                                out.key(r),
                                crate::report::short_citation(&a.references[r])
                            )
                        }),
                    );
                }
            },
            (Match::Fuzzy { tolerances }, Some(r)) => {
                if tolerances
                    .iter()
                    .any(crate::link::Tolerance::is_year_suffix)
                {
                    let code = if c.cite.year.len() == 4 {
                        "missing-year-suffix"
                    } else {
                        "wrong-year-suffix"
                    };
                    out.push(
                        code,
                        c.span.clone(),
                        format!("\"{cited}\": {}", crate::link::join(tolerances)),
                        vec![out.key(r)],
                        None,
                    );
                }
                let name_reason: Vec<String> = tolerances
                    .iter()
                    .filter(|t| !t.is_year_suffix())
                    .map(ToString::to_string)
                    .collect();
                if !name_reason.is_empty() {
                    out.push(
                        "name-mismatch",
                        c.span.clone(),
                        format!(
                            "\"{cited}\" matches {} only loosely: {}",
                            out.key(r),
                            name_reason.join("; ")
                        ),
                        vec![out.key(r)],
                        Some(format!(
                            "the list has {}",
                            crate::report::short_citation(&a.references[r])
                        )),
                    );
                }
            }
            _ => {}
        }
        if !c.link.ambiguous.is_empty()
            && let Some(r) = c.link.reference
        {
            let mut keys = vec![out.key(r)];
            keys.extend(c.link.ambiguous.iter().map(|&x| out.key(x)));
            out.push(
                "ambiguous-citation",
                c.span.clone(),
                format!(
                    "\"{cited}\" fits {} entries: {}",
                    keys.len(),
                    keys.join(", ")
                ),
                keys,
                Some("add the year suffix (a, b) or a second author".into()),
            );
        }
        let Some(r) = c.link.reference else { continue };
        let re = &a.references[r];
        let n_auth = re.people().len();
        let first_time = {
            let n = seen.entry(r).or_default();
            *n += 1;
            *n == 1
        };
        // A missing or extra co-author.
        if c.cite.names.len() >= 2
            && !c.cite.et_al
            && !re.authors_truncated
            && n_auth != c.cite.names.len()
        {
            out.push(
                "name-mismatch",
                c.span.clone(),
                format!(
                    "\"{cited}\" names {} authors; {} has {n_auth}",
                    c.cite.names.len(),
                    re.key
                ),
                vec![re.key.clone()],
                Some(format!(
                    "the list has {}",
                    crate::report::short_citation(re)
                )),
            );
        }
        et_al(out, o.style, c, re, n_auth, first_time);
        ampersand(out, o.style, c);
        if let Some(y) = year_number(&c.cite.year)
            && y > o.current_year
        {
            out.push(
                "future-year",
                c.span.clone(),
                format!("\"{cited}\" cites a year after {}", o.current_year),
                vec![re.key.clone()],
                None,
            );
        }
    }
}

fn et_al(
    out: &mut Out<'_>,
    style: Style,
    c: &crate::analysis::Citation,
    re: &Reference,
    n_auth: usize,
    first_time: bool,
) {
    let n = if re.authors_truncated {
        n_auth.max(7)
    } else {
        n_auth
    };
    if n == 0 || re.authors.iter().all(|p| matches!(p, Name::Literal { .. })) && n == 1 {
        return;
    }
    let want_et_al = match style {
        Style::Apa7 => n >= 3,
        Style::Apa6 => n >= 6 || (n >= 3 && !first_time),
        Style::Harvard | Style::Chicago => n >= 4,
    };
    let named_all = c.cite.names.len() >= n.min(3) && !c.cite.et_al;
    let msg = if c.cite.et_al && !want_et_al {
        Some(format!(
            "\"{}\": {} names all {n} authors here, not \"et al.\"",
            c.text,
            style.name()
        ))
    } else if want_et_al && !c.cite.et_al && named_all && c.cite.names.len() >= 2 {
        Some(format!(
            "\"{}\": {} uses \"et al.\" for this work of {n} authors",
            c.text,
            style.name()
        ))
    } else {
        None
    };
    if let Some(m) = msg {
        out.push("et-al-usage", c.span.clone(), m, vec![re.key.clone()], None);
    }
}

fn ampersand(out: &mut Out<'_>, style: Style, c: &crate::analysis::Citation) {
    let w = &c.cite.written;
    let has_amp = w.contains('&');
    let has_and = w.contains(" and ");
    let msg = match (style, c.cite.form) {
        (Style::Apa6 | Style::Apa7, Form::Parenthetical) if has_and => {
            Some("APA joins authors with \"&\" inside parentheses")
        }
        (Style::Apa6 | Style::Apa7, Form::Narrative) if has_amp => {
            Some("APA joins authors with \"and\" in running text")
        }
        (Style::Harvard | Style::Chicago, _) if has_amp => {
            Some("this style joins authors with \"and\"")
        }
        _ => None,
    };
    if let Some(m) = msg {
        out.push(
            "parenthetical-ampersand",
            c.span.clone(),
            format!("\"{}\": {m}", c.text),
            vec![],
            None,
        );
    }
}

/// The entry whose first name is nearest to the cited one (for a hint).
fn closest(a: &Analysis, names: &[String], year: &str) -> Option<usize> {
    let cited = fold(names.first()?);
    let mut best: Option<(usize, usize)> = None;
    for (i, r) in a.references.iter().enumerate() {
        let Some(first) = r.people().first() else {
            continue;
        };
        let t = fold(first.citation_name());
        let mut d = strsim::levenshtein(&cited, &t);
        if r.year_digits() != year.get(..4) {
            d += 2;
        }
        if d <= 3 + cited.len() / 4 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, i));
        }
    }
    best.map(|b| b.1)
}

static DOI_OK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9<>\[\]#+]+$").expect("valid regex")
});
static DOI_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bdoi\b|doi\.org").expect("valid regex"));

fn references(out: &mut Out<'_>, o: &CheckOptions) {
    let a = out.a;
    let mut cited = vec![false; a.references.len()];
    for c in &a.citations {
        if let Some(r) = c.link.reference {
            cited[r] = true;
        }
        // A citation with the wrong year, or one that fits several entries,
        // still uses them; they are reported once, on the citation.
        for &r in c.link.year_mismatch.iter().chain(&c.link.ambiguous) {
            cited[r] = true;
        }
    }
    let mut merged_lines = Vec::new();
    for (i, r) in a.references.iter().enumerate() {
        for p in &r.problems {
            if p.code == "merged-references" {
                // One finding per line, naming every entry on it.
                let line = a.source.line_col(p.span.start).0;
                if merged_lines.contains(&line) {
                    continue;
                }
                merged_lines.push(line);
                let keys: Vec<String> = a
                    .references
                    .iter()
                    .filter(|o| {
                        o.problems.iter().any(|q| q.code == p.code)
                            && a.source.line_col(o.span.start).0 == line
                    })
                    .map(|o| o.key.clone())
                    .collect();
                out.push(
                    p.code,
                    p.span.clone(),
                    format!(
                        "{} entries run together on one line: {}",
                        keys.len(),
                        keys.join(", ")
                    ),
                    keys,
                    None,
                );
                continue;
            }
            out.push(
                p.code,
                p.span.clone(),
                p.message.clone(),
                vec![r.key.clone()],
                None,
            );
        }
        if !cited[i] {
            out.push(
                "uncited-reference",
                r.span.clone(),
                format!(
                    "{} ({}) is not cited in the text",
                    r.key,
                    crate::report::short_citation(r)
                ),
                vec![r.key.clone()],
                None,
            );
        }
        if let Some(y) = r.year_digits().and_then(|d| d.parse::<u32>().ok())
            && y > o.current_year
        {
            out.push(
                "future-year",
                r.span.clone(),
                format!("{} is dated {y}, after {}", r.key, o.current_year),
                vec![r.key.clone()],
                None,
            );
        }
        match &r.doi {
            Some(d) if !DOI_OK.is_match(d) => {
                out.push(
                    "malformed-doi",
                    r.span.clone(),
                    format!("{}: \"{d}\" is not a well-formed DOI", r.key),
                    vec![r.key.clone()],
                    None,
                );
            }
            None if DOI_WORD.is_match(r.text.as_str()) => {
                out.push(
                    "malformed-doi",
                    r.span.clone(),
                    format!("{} mentions a DOI that cannot be read", r.key),
                    vec![r.key.clone()],
                    None,
                );
            }
            _ => {}
        }
        if r.kind == EntryType::Online && r.url.is_some() && r.urldate.is_none() {
            out.push(
                "url-without-access-date",
                r.span.clone(),
                format!("{}: a web source without an access date", r.key),
                vec![r.key.clone()],
                Some("add \"Retrieved Month D, YYYY, from\" or \"(accessed …)\"".into()),
            );
        }
    }
}

/// The sort key of author-date lists: first author (ignoring a leading
/// "The"), then the further authors (one-author works first), then year.
fn order_key(r: &Reference) -> (String, Vec<String>, String) {
    let names: Vec<String> = r
        .people()
        .iter()
        .map(|n| {
            let f = fold(n.citation_name());
            f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
        })
        .collect();
    let first = names
        .first()
        .cloned()
        .or_else(|| r.title.as_deref().map(fold))
        .unwrap_or_default();
    (
        first,
        names.into_iter().skip(1).collect(),
        r.year.clone().unwrap_or_default(),
    )
}

fn order(out: &mut Out<'_>) {
    let a = out.a;
    let keys: Vec<_> = a.references.iter().map(order_key).collect();
    for i in 1..keys.len() {
        // Compare names only: works by the same authors are in date order,
        // and "n.d." or "in press" sort differently between styles.
        let (prev, cur) = (&keys[i - 1], &keys[i]);
        if (&cur.0, &cur.1) < (&prev.0, &prev.1) {
            let r = &a.references[i];
            out.push(
                "reference-order",
                r.span.clone(),
                format!(
                    "{} should come before {} in alphabetical order",
                    r.key,
                    a.references[i - 1].key
                ),
                vec![r.key.clone(), a.references[i - 1].key.clone()],
                None,
            );
        }
    }
}

fn duplicates(out: &mut Out<'_>) {
    let a = out.a;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, r) in a.references.iter().enumerate() {
        let id = match &r.doi {
            Some(d) => format!("doi:{}", d.to_lowercase()),
            None => format!(
                "{}|{}|{}",
                r.people()
                    .first()
                    .map(|n| fold(n.citation_name()))
                    .unwrap_or_default(),
                r.year.as_deref().unwrap_or(""),
                r.title
                    .as_deref()
                    .map(fold)
                    .unwrap_or_else(|| fold(r.text.as_str()))
            ),
        };
        if let Some(&j) = seen.get(&id) {
            out.push(
                "duplicate-reference",
                r.span.clone(),
                format!("{} repeats {}", r.key, a.references[j].key),
                vec![r.key.clone(), a.references[j].key.clone()],
                Some("remove one of the two entries".into()),
            );
        } else {
            seen.insert(id, i);
        }
    }
}

static STATISTIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d+(?:[.,]\d+)?\s?%|\b\d+(?:[.,]\d+)?\s+(?:percent|per cent|million|billion|thousand)\b|[$€£¥]\s?\d|\b\d{1,3}(?:,\d{3})+\b")
        .expect("valid regex")
});

/// A figure in a sentence whose paragraph cites nothing.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// The sentence, as clean text.
    pub sentence: String,
    /// The figure as written ("45%", "$3 million").
    pub figure: String,
    /// Byte span of the figure in the original input.
    pub span: Range<usize>,
}

/// Sentences with figures (percentages, counts, money) in paragraphs that
/// cite nothing, within dimensions. Shared by `check` and the report.
pub fn unsupported_figures(a: &Analysis) -> Vec<Figure> {
    let mut cited = vec![false; a.document.paragraphs.len()];
    for c in &a.citations {
        cited[c.paragraph] = true;
    }
    let mut out = Vec::new();
    for (i, p) in a.document.paragraphs.iter().enumerate() {
        if cited[i] || p.dimension.is_none() {
            continue;
        }
        let text = p.text.as_str();
        for s in crate::text::sentence::split(text) {
            if let Some(m) = STATISTIC.find(&text[s.clone()]) {
                out.push(Figure {
                    paragraph: i,
                    sentence: text[s.clone()].to_string(),
                    figure: m.as_str().to_string(),
                    span: p.text.orig_span(s.start + m.start(), s.start + m.end()),
                });
            }
        }
    }
    out
}

fn statistics(out: &mut Out<'_>) {
    for f in unsupported_figures(out.a) {
        out.push(
            "unsupported-statistic",
            f.span,
            format!("\"{}\" has no citation in its paragraph", f.figure),
            vec![],
            Some("a figure usually needs a source".into()),
        );
    }
}

/// Which findings to keep and which fail the run.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Codes that are not reported.
    pub allow: Vec<String>,
    /// Codes raised to error.
    pub deny_codes: Vec<String>,
    /// The run fails on findings at or above this severity.
    pub deny_level: Option<Severity>,
}

impl Policy {
    /// Applies `allow` and `deny` codes; returns the findings kept.
    pub fn apply(&self, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diags
            .into_iter()
            .filter(|d| !self.allow.iter().any(|c| c == d.code))
            .map(|mut d| {
                if self.deny_codes.iter().any(|c| c == d.code) {
                    d.severity = Severity::Error;
                }
                d
            })
            .collect()
    }

    /// True when a kept finding reaches the failing level.
    pub fn fails(&self, diags: &[Diagnostic]) -> bool {
        let level = self.deny_level.unwrap_or(Severity::Error);
        diags.iter().any(|d| d.severity >= level)
    }

    /// Adds a `--deny` value: a severity sets the level, a code is raised.
    pub fn deny(&mut self, v: &str) -> Result<(), String> {
        if let Some(s) = Severity::parse(v) {
            self.deny_level = Some(s);
        } else if CODES.iter().any(|c| c.0 == v) {
            self.deny_codes.push(v.to_string());
        } else {
            return Err(format!(
                "unknown level or code \"{v}\" (levels: error, warning, note)"
            ));
        }
        Ok(())
    }

    /// Adds an `--allow` code.
    pub fn allow(&mut self, v: &str) -> Result<(), String> {
        if CODES.iter().any(|c| c.0 == v) {
            self.allow.push(v.to_string());
            Ok(())
        } else {
            Err(format!("unknown code \"{v}\""))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, analyze};

    fn codes(doc: &str, style: Style) -> Vec<(&'static str, String)> {
        let a = analyze(doc, &Options::default());
        check(
            &a,
            &CheckOptions {
                style,
                current_year: 2026,
            },
        )
        .into_iter()
        .map(|d| (d.code, a.source.text()[d.span].to_string()))
        .collect()
    }

    #[test]
    fn the_style_is_read_off_the_reference_list() {
        let style = |list: &str| {
            Style::infer(&analyze(
                &format!("Introduction\n\nText (Smith, 2010).\n\nReferences\n\n{list}"),
                &Options::default(),
            ))
        };
        assert_eq!(style(LIST), Some(Style::Apa7));
        assert_eq!(
            style(
                "Smith, J. and Jones, K. (2010) A book. London: Sage.\nBrown, A. (2011) Another. Oxford: OUP.\n"
            ),
            Some(Style::Harvard)
        );
        assert_eq!(
            style(
                "Smith, John, and Kate Jones. 2010. A Book. London: Sage.\nBrown, Ann. 2011. Another. Oxford: OUP.\n"
            ),
            Some(Style::Chicago)
        );
        assert_eq!(style("Smith J. A book. Sage; 2010.\n"), None);
    }

    const LIST: &str = "References\n\nBarrett, R. (2007a). New species. Nuytsia, 17, 37–60.\nBarrett, R. (2007b). Other species. Nuytsia, 17, 61–66.\nBruhl, J., Stone, N., & Hattersley, P. (1987). Enzymes. Aust J Plant Physiol, 14, 719–728.\nSmith, J., & Jones, K. (2010). A book. Sage.\n";

    fn doc(body: &str) -> String {
        format!("Introduction\n\n{body}\n\n{LIST}")
    }

    #[test]
    fn a_clean_document_has_no_errors() {
        let d = doc(
            "Text (Barrett, 2007a; Barrett, 2007b). More (Bruhl et al., 1987; Smith & Jones, 2010).",
        );
        let found = codes(&d, Style::Apa7);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn each_citation_error_has_its_code_and_span() {
        let d = doc(
            "A (Lee, 2001). B (Smith & Jones, 2011). C (Barrett, 2007). D (Smyth & Jones, 2010). E (Barrett, 2007c). F (Bruhl, Stone, & Hattersley, 1987). G Smith & Jones (2010). H (Barrett, 2007a; Bruhl et al., 1987; Smith & Jones, 2010; Barrett, 2007b).",
        );
        let found = codes(&d, Style::Apa7);
        let has = |code: &str, text: &str| found.iter().any(|(c, t)| *c == code && t == text);
        assert!(has("unresolved-citation", "Lee, 2001"), "{found:?}");
        assert!(has("year-mismatch", "Smith & Jones, 2011"), "{found:?}");
        assert!(
            has("ambiguous-citation", "Barrett, 2007")
                || has("missing-year-suffix", "Barrett, 2007"),
            "{found:?}"
        );
        assert!(has("name-mismatch", "Smyth & Jones, 2010"), "{found:?}");
        assert!(has("wrong-year-suffix", "Barrett, 2007c"), "{found:?}");
        assert!(
            has("et-al-usage", "Bruhl, Stone, & Hattersley, 1987"),
            "{found:?}"
        );
        assert!(
            has("parenthetical-ampersand", "Smith & Jones (2010)"),
            "{found:?}"
        );
    }

    #[test]
    fn apa6_names_three_to_five_authors_the_first_time() {
        let d = doc(
            "A (Bruhl, Stone, & Hattersley, 1987). B (Bruhl et al., 1987). C (Barrett, 2007a; Barrett, 2007b; Smith & Jones, 2010).",
        );
        let found = codes(&d, Style::Apa6);
        assert!(found.iter().all(|(c, _)| *c != "et-al-usage"), "{found:?}");
        let d =
            doc("A (Bruhl et al., 1987). C (Barrett, 2007a; Barrett, 2007b; Smith & Jones, 2010).");
        let found = codes(&d, Style::Apa6);
        assert!(found.iter().any(|(c, _)| *c == "et-al-usage"), "{found:?}");
    }

    #[test]
    fn reference_list_problems() {
        let list = "References\n\nSmith, J. (2010). A book. Sage.\nAbel, R. (1994). Film. Press.\nAbel, R. (1994). Film. Press.\nKim, K. (2031). Later. J, 1, 2–3.\nNoone, N. (2001). Uncited. J, 2, 3–4. doi: 10.12/x\n";
        let d = format!(
            "Intro\n\nX (Smith, 2010; Abel, 1994; Kim, 2031). About 45% of cases.\n\nMore text here (Smith, 2010).\n\n{list}"
        );
        let found = codes(&d, Style::Apa7);
        let has = |code: &str| found.iter().any(|(c, _)| *c == code);
        for code in [
            "reference-order",
            "duplicate-reference",
            "future-year",
            "uncited-reference",
            "malformed-doi",
        ] {
            assert!(has(code), "{code}: {found:?}");
        }
        // The paragraph with "45%" cites, so no unsupported-statistic.
        assert!(!has("unsupported-statistic"));
        let d = format!("Intro\n\nX (Smith, 2010).\n\nAbout 45% of cases agree.\n\n{list}");
        assert!(
            codes(&d, Style::Apa7)
                .iter()
                .any(|(c, t)| *c == "unsupported-statistic" && t == "45%")
        );
    }

    #[test]
    fn policy_allows_denies_and_sets_the_level() {
        let d = |code: &'static str, severity| Diagnostic {
            code,
            severity,
            message: String::new(),
            span: 0..0,
            keys: vec![],
            help: None,
        };
        let mut p = Policy::default();
        p.allow("reference-order").unwrap();
        p.deny("uncited-reference").unwrap();
        let kept = p.apply(vec![
            d("reference-order", Severity::Warning),
            d("uncited-reference", Severity::Warning),
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].severity, Severity::Error);
        assert!(p.fails(&kept));
        let mut q = Policy::default();
        assert!(!q.fails(&[d("reference-order", Severity::Warning)]));
        q.deny("warning").unwrap();
        assert!(q.fails(&[d("reference-order", Severity::Warning)]));
        assert!(q.deny("nonsense").is_err());
    }

    #[test]
    fn the_current_year_is_plausible() {
        let y = current_year();
        assert!((2024..2200).contains(&y), "{y}");
    }
}
