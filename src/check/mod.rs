//! The citation audit: findings about citations and references, each with
//! a stable code, a severity and the span it concerns.
//!
//! Findings never abort; [`check`] returns all of them, in document order.

mod citations;
mod codes;
mod consistency;
mod entries;
pub mod examples;
pub mod fix;
mod groups;
mod library;
mod list;
mod references;
mod style;

pub use codes::{CODES, Code, CodeInfo, Severity};
pub use style::Style;

use crate::analysis::Analysis;
use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `unresolved-citation`.
    pub code: Code,
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
    /// The edits that resolve it, when they are certain (`check --fix`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<fix::Fix>,
}

/// Keys as a list for a message: all of them when they are few, else the
/// first few and a count, so that a message stays a line long however many
/// entries one finding involves.
pub fn key_list(keys: &[String]) -> String {
    const SHOWN: usize = 8;
    if keys.len() <= SHOWN {
        return keys.join(", ");
    }
    format!(
        "{} and {} more",
        keys[..SHOWN].join(", "),
        keys.len() - SHOWN
    )
}

/// Options of the audit.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Style whose rules apply.
    pub style: Style,
    /// The current year, for `future-year`.
    pub current_year: u32,
    /// Report library entries that no citation uses.
    pub uncited_library: bool,
    /// The style was named (`--style` or `citemap.toml`), not read off the
    /// reference list: its rules then hold even where the document keeps
    /// another habit throughout (`citation-order`).
    pub style_given: bool,
    /// Codes that are off unless named ([`Code::is_opt_in`]), named here:
    /// `--select missing-doi`.
    pub select: Vec<Code>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            style: Style::default(),
            current_year: current_year(),
            uncited_library: false,
            style_given: false,
            select: Vec::new(),
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

/// The findings so far, with the analysis they are about.
struct Out<'a> {
    a: &'a Analysis,
    /// Which entries repeat others: a copy is reported once, as a copy.
    copies: crate::reference::identity::Copies,
    diags: Vec<Diagnostic>,
}

impl Out<'_> {
    fn push(
        &mut self,
        code: Code,
        span: Range<usize>,
        message: String,
        keys: Vec<String>,
        help: Option<String>,
    ) {
        self.diags.push(Diagnostic {
            code,
            severity: code.severity(),
            message,
            span,
            keys,
            help,
            fix: None,
        });
    }

    /// Gives the finding just pushed its fix.
    fn fix(&mut self, description: &str, edits: Vec<fix::Edit>) {
        if let Some(d) = self.diags.last_mut() {
            d.fix = Some(fix::Fix {
                description: description.to_string(),
                edits,
            });
        }
    }

    fn key(&self, r: usize) -> String {
        self.a.references[r].key.clone()
    }
}

/// The year's digits as a number.
pub(super) fn year_number(y: &str) -> Option<u32> {
    crate::reference::year_digits(y)?.parse().ok()
}

/// Runs every rule over an analysis.
pub fn check(a: &Analysis, o: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Out {
        a,
        copies: crate::reference::identity::copies(&a.references),
        diags: Vec::new(),
    };
    citations::citations(&mut out, o);
    references::references(&mut out, o);
    list::order(&mut out);
    list::duplicates(&mut out);
    consistency::consistency(&mut out, o);
    groups::citation_order(&mut out, o);
    entries::entries(&mut out, o);
    library::library(&mut out, o);
    statistics(&mut out);
    silence(&mut out);
    replaced(&mut out);
    out.diags
        .retain(|d| !d.code.is_opt_in() || o.select.contains(&d.code));
    out.diags.sort_by_key(|d| (d.span.start, d.code));
    out.diags
}

fn statistics(out: &mut Out<'_>) {
    for f in crate::figures::unsupported(out.a) {
        out.push(
            Code::UnsupportedStatistic,
            f.span,
            format!("\"{}\" has no citation in its paragraph", f.figure),
            vec![],
            Some("a figure usually needs a source".into()),
        );
    }
}

/// Each run of bytes that `--lossy` replaced. A file with many is named
/// once per run up to a cap, then once for the rest, so that a binary file
/// read as text does not bury every other finding.
fn replaced(out: &mut Out<'_>) {
    const SHOWN: usize = 20;
    let runs = &out.a.replaced;
    for r in runs.iter().take(SHOWN) {
        out.push(
            Code::ReplacedByte,
            r.clone(),
            format!("{} byte(s) that are not text were replaced", r.len()),
            vec![],
            Some("save the file as UTF-8 to keep the character".into()),
        );
    }
    if let Some(first) = runs.get(SHOWN) {
        out.push(
            Code::ReplacedByte,
            first.clone(),
            format!(
                "{} more runs of bytes that are not text were replaced from here on",
                runs.len() - SHOWN
            ),
            vec![],
            None,
        );
    }
}

/// Never a silent pass: says what was not found, or could not be read.
fn silence(out: &mut Out<'_>) {
    static KEYED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\\(?:[a-zA-Z]*cite[a-zA-Z]*|citep|citet)\*?(?:\[[^\]\n]*\])*\{[^}\n]*\}?|\[-?@[\w:.#$%&+?<>~/-]+")
            .expect("valid regex")
    });
    let a = out.a;
    let text = a.source.text();
    // What looks like a citation by key but was not read as one: the
    // matches outside every citation found (both lists are in order).
    let mut cites = a.citations.iter().map(|c| c.span.clone()).peekable();
    let keyed: Vec<regex::Match<'_>> = if text.contains(['\\', '@']) {
        KEYED
            .find_iter(text)
            .filter(|m| {
                while cites.next_if(|c| c.end <= m.start()).is_some() {}
                cites.peek().is_none_or(|c| c.start >= m.end())
            })
            .collect()
    } else {
        Vec::new()
    };
    if let Some(first) = keyed.first() {
        out.push(
            Code::KeyedCitations,
            first.range(),
            format!(
                "{} citation{} by key (such as \"{}\") could not be read, so {} not checked",
                keyed.len(),
                if keyed.len() == 1 { "" } else { "s" },
                first.as_str(),
                if keyed.len() == 1 {
                    "it is"
                } else {
                    "they are"
                }
            ),
            vec![],
            Some("write it as \\citep[pre][post]{key} or [prefix @key, locator]".into()),
        );
    }
    let by_key = a
        .citations
        .iter()
        .filter(|c| c.cite.keyed.is_some())
        .count();
    if by_key > 0
        && a.library.is_none()
        && a.citations
            .iter()
            .all(|c| c.cite.keyed.is_none() || c.link.reference.is_none())
    {
        out.push(
            Code::NoReferenceList,
            a.citations
                .iter()
                .find(|c| c.cite.keyed.is_some())
                .map_or(0..0, |c| c.span.clone()),
            format!(
                "{by_key} citation{} by key, but no library to look {} up in",
                if by_key == 1 { "" } else { "s" },
                if by_key == 1 { "it" } else { "them" }
            ),
            vec![],
            Some("pass the library with --bib, or name it with \\bibliography{…}, \\addbibresource{…} or a YAML bibliography:".into()),
        );
    } else if by_key == 0 && a.references.is_empty() && !a.citations.is_empty() {
        out.push(
            Code::NoReferenceList,
            a.citations[0].span.clone(),
            format!(
                "{} citation{}, but no reference list was found",
                a.citations.len(),
                if a.citations.len() == 1 { "" } else { "s" }
            ),
            vec![],
            Some("give the list a heading such as \"References\"".into()),
        );
    }
    if a.citations.is_empty() && !a.references.is_empty() {
        out.push(
            Code::NoCitations,
            a.references[0].span.clone(),
            format!(
                "{} reference{}, but no citation was found in the text",
                a.references.len(),
                if a.references.len() == 1 { "" } else { "s" }
            ),
            vec![],
            None,
        );
    }
    if a.citations.is_empty() && a.references.is_empty() && keyed.is_empty() {
        out.push(
            Code::NoCitations,
            0..0,
            "no citation and no reference list were found, so nothing was checked".into(),
            vec![],
            Some("citemap reads author-date citations (\"Smith (2015)\", \"(Smith, 2015)\") and citations by key (\\citep{key}, [@key])".into()),
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
    /// Codes that are off unless selected ([`Code::is_opt_in`]) and are
    /// selected, by `--select` or by being denied.
    pub select: Vec<Code>,
}

impl Policy {
    /// Applies `allow` and `deny` codes; returns the findings kept.
    pub fn apply(&self, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diags
            .into_iter()
            .filter(|d| !self.allow.iter().any(|c| d.code == c.as_str()))
            .map(|mut d| {
                if self.deny_codes.iter().any(|c| d.code == c.as_str()) {
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
        } else if let Some(c) = Code::parse(v) {
            self.deny_codes.push(v.to_string());
            // Denying a code that is off unless selected asks for it.
            if c.is_opt_in() && !self.select.contains(&c) {
                self.select.push(c);
            }
        } else {
            return Err(format!(
                "unknown level or code \"{v}\" (levels: error, warning, note)"
            ));
        }
        Ok(())
    }

    /// Adds a `--select` code: one that is off unless selected is
    /// reported. Any other code is on already, and is accepted.
    pub fn select(&mut self, v: &str) -> Result<(), String> {
        let Some(c) = Code::parse(v) else {
            return Err(format!("unknown code \"{v}\""));
        };
        if !self.select.contains(&c) {
            self.select.push(c);
        }
        Ok(())
    }

    /// Adds an `--allow` code.
    pub fn allow(&mut self, v: &str) -> Result<(), String> {
        if Code::parse(v).is_some() {
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

    #[test]
    fn a_long_key_list_is_cut_with_a_count() {
        let keys: Vec<String> = (0..20).map(|i| format!("k{i}")).collect();
        assert_eq!(key_list(&keys[..2]), "k0, k1");
        assert_eq!(
            key_list(&keys),
            "k0, k1, k2, k3, k4, k5, k6, k7 and 12 more"
        );
    }

    fn codes(doc: &str, style: Style) -> Vec<(Code, String)> {
        let a = analyze(doc, &Options::default());
        check(
            &a,
            &CheckOptions {
                style,
                current_year: 2026,
                ..Default::default()
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
    fn a_title_cased_unlike_the_lists_others_is_noted() {
        let list = |odd: &str| {
            format!(
                "Introduction\n\nRoots (Adler, 2001; Berg, 2002; Cole, 2003; Dahl, 2004) grow in Siberia.\n\nReferences\n\nAdler, B. (2001). Roots and soil in dry forests. Journal of Soils, 4, 1–9.\nBerg, A. (2002). Leaves and light under the canopy. Plant Letters, 7, 11–19.\nCole, D. (2003). Water moving through old roots. Plant Letters, 8, 20–29.\nDahl, K. (2004). {odd}. Plant Letters, 9, 30–39.\n"
            )
        };
        let title_case = |d: &str| {
            codes(d, Style::Apa7)
                .into_iter()
                .filter(|(c, _)| *c == Code::TitleCase)
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
        };
        let odd = "The Hidden Carbon Stores of Northern Peatlands";
        assert_eq!(title_case(&list(odd)), [odd]);
        // Proper nouns that the text writes capitalised show no case.
        assert!(title_case(&list("Carbon stores of Siberia and its peat")).is_empty());
        assert!(title_case(&list("Peatlands of Northern Siberia")).is_empty());
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
        let has = |code: Code, text: &str| found.iter().any(|(c, t)| *c == code && t == text);
        assert!(has(Code::UnresolvedCitation, "Lee, 2001"), "{found:?}");
        assert!(has(Code::YearMismatch, "Smith & Jones, 2011"), "{found:?}");
        assert!(
            has(Code::AmbiguousCitation, "Barrett, 2007")
                || has(Code::MissingYearSuffix, "Barrett, 2007"),
            "{found:?}"
        );
        assert!(has(Code::NameMismatch, "Smyth & Jones, 2010"), "{found:?}");
        assert!(has(Code::WrongYearSuffix, "Barrett, 2007c"), "{found:?}");
        assert!(
            has(Code::EtAlUsage, "Bruhl, Stone, & Hattersley, 1987"),
            "{found:?}"
        );
        assert!(
            has(Code::ParentheticalAmpersand, "Smith & Jones (2010)"),
            "{found:?}"
        );
    }

    #[test]
    fn a_joining_word_kept_throughout_is_one_finding_with_every_fix() {
        // "and" in every parenthetical citation: a house habit, said once,
        // with one fix that writes APA's "&" in each.
        let d =
            doc("A (Smith and Jones, 2010). B (Smith and Jones, 2010). C (Smith and Jones, 2010).");
        let a = analyze(&d, &Options::default());
        let found: Vec<_> = check(&a, &CheckOptions::default())
            .into_iter()
            .filter(|x| x.code == Code::ParentheticalAmpersand)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("2 other citations"));
        let (fixed, _) = fix::apply(&d, &found);
        assert_eq!(fixed.matches("(Smith & Jones, 2010)").count(), 3);
        // Named, the style holds for each citation.
        let named = CheckOptions {
            style_given: true,
            ..Default::default()
        };
        let each = check(&a, &named)
            .into_iter()
            .filter(|x| x.code == Code::ParentheticalAmpersand)
            .count();
        assert_eq!(each, 3);
        // One odd citation among the style's is reported on its own.
        let d = doc("A (Smith & Jones, 2010). B (Smith & Jones, 2010). C (Smith and Jones, 2010).");
        let found = codes(&d, Style::Apa7);
        let odd: Vec<_> = found
            .iter()
            .filter(|(c, _)| *c == Code::ParentheticalAmpersand)
            .collect();
        assert_eq!(odd.len(), 1, "{found:?}");
        assert_eq!(odd[0].1, "Smith and Jones, 2010");
    }

    #[test]
    fn three_authors_named_throughout_is_one_et_al_finding() {
        let d = doc(
            "A (Bruhl, Stone, & Hattersley, 1987). B (Bruhl, Stone, & Hattersley, 1987). C Bruhl, Stone, and Hattersley (1987).",
        );
        let et_al = |d: &str, given: bool| {
            let a = analyze(d, &Options::default());
            check(
                &a,
                &CheckOptions {
                    style_given: given,
                    ..Default::default()
                },
            )
            .into_iter()
            .filter(|x| x.code == Code::EtAlUsage)
            .map(|x| x.message)
            .collect::<Vec<_>>()
        };
        let found = et_al(&d, false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("2 other citations"), "{found:?}");
        assert_eq!(et_al(&d, true).len(), 3);
        // Among citations that keep the style, the odd one is its own.
        let d = doc(
            "A (Bruhl et al., 1987). B (Bruhl et al., 1987). C (Bruhl, Stone, & Hattersley, 1987).",
        );
        assert_eq!(et_al(&d, false).len(), 1);
        assert!(!et_al(&d, false)[0].contains("other citations"));
    }

    #[test]
    fn apa6_names_three_to_five_authors_the_first_time() {
        let d = doc(
            "A (Bruhl, Stone, & Hattersley, 1987). B (Bruhl et al., 1987). C (Barrett, 2007a; Barrett, 2007b; Smith & Jones, 2010).",
        );
        let found = codes(&d, Style::Apa6);
        assert!(
            found.iter().all(|(c, _)| *c != Code::EtAlUsage),
            "{found:?}"
        );
        let d =
            doc("A (Bruhl et al., 1987). C (Barrett, 2007a; Barrett, 2007b; Smith & Jones, 2010).");
        let found = codes(&d, Style::Apa6);
        assert!(
            found.iter().any(|(c, _)| *c == Code::EtAlUsage),
            "{found:?}"
        );
    }

    #[test]
    fn reference_list_problems() {
        let list = "References\n\nSmith, J. (2010). A book. Sage.\nAbel, R. (1994). Film. Press.\nAbel, R. (1994). Film. Press.\nKim, K. (2031). Later. J, 1, 2–3.\nNoone, N. (2001). Uncited. J, 2, 3–4. doi: 10.12/x\n";
        let d = format!(
            "Intro\n\nX (Smith, 2010; Abel, 1994; Kim, 2031). About 45% of cases.\n\nMore text here (Smith, 2010).\n\n{list}"
        );
        let found = codes(&d, Style::Apa7);
        let has = |code: Code| found.iter().any(|(c, _)| *c == code);
        for code in [
            Code::ReferenceOrder,
            Code::DuplicateReference,
            Code::FutureYear,
            Code::UncitedReference,
            Code::MalformedDoi,
        ] {
            assert!(has(code), "{code}: {found:?}");
        }
        // The paragraph with "45%" cites, so no unsupported-statistic.
        assert!(!has(Code::UnsupportedStatistic));
        let d = format!("Intro\n\nX (Smith, 2010).\n\nAbout 45% of cases agree.\n\n{list}");
        assert!(
            codes(&d, Style::Apa7)
                .iter()
                .any(|(c, t)| *c == Code::UnsupportedStatistic && t == "45%")
        );
    }

    #[test]
    fn policy_allows_denies_and_sets_the_level() {
        let d = |code: Code, severity| Diagnostic {
            code,
            severity,
            message: String::new(),
            span: 0..0,
            keys: vec![],
            help: None,
            fix: None,
        };
        let mut p = Policy::default();
        p.allow("reference-order").unwrap();
        p.deny("uncited-reference").unwrap();
        let kept = p.apply(vec![
            d(Code::ReferenceOrder, Severity::Warning),
            d(Code::UncitedReference, Severity::Warning),
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].severity, Severity::Error);
        assert!(p.fails(&kept));
        let mut q = Policy::default();
        assert!(!q.fails(&[d(Code::ReferenceOrder, Severity::Warning)]));
        q.deny("warning").unwrap();
        assert!(q.fails(&[d(Code::ReferenceOrder, Severity::Warning)]));
        assert!(q.deny("nonsense").is_err());
    }

    #[test]
    fn the_current_year_is_plausible() {
        let y = current_year();
        assert!((2024..2200).contains(&y), "{y}");
    }
}
