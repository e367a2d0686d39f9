//! The style's own form of each entry, as copy editors check it: the word
//! before the last author, "pp." before a journal article's pages, and
//! initials spaced and dotted.
//!
//! A list that looks like APA may follow a journal's house form instead
//! ("J.E." unspaced, "and" for "&"), in every entry. So without `--style`
//! an entry is reported only where the list's other entries keep the
//! style's form, two to one: then the odd entry is a slip. A style the user
//! names holds for every entry.

use super::fix::Edit;
use super::style::Style;
use super::{CheckOptions, Code, Out};
use crate::grammar;
use crate::reference::{EntryType, Reference};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What one rule finds in one entry: nothing to judge, the style's form,
/// or a slip with its span in the entry's text and the replacement.
enum Verdict {
    NotApplicable,
    Conforms,
    Slip {
        at: Range<usize>,
        found: String,
        want: String,
        /// Whether replacing `found` by `want` is the whole correction;
        /// a year after the title must be moved, which is the author's
        /// call.
        fixable: bool,
    },
}

struct Rule {
    code: Code,
    read: fn(&Reference, &str, Style) -> Verdict,
    /// The message after the entry's key, from the slip as written.
    say: fn(&str, &str, Style) -> String,
    /// The advice for a slip that no replacement corrects.
    manual: &'static str,
}

const RULES: &[Rule] = &[
    Rule {
        code: Code::ListAmpersand,
        read: joiner,
        say: |found, want, style| {
            format!(
                "the last author is joined with \"{}\"; {} writes \"{}\"",
                found.trim(),
                style.name(),
                want.trim()
            )
        },
        manual: "",
    },
    Rule {
        code: Code::PagesPrefix,
        read: pages_prefix,
        say: |found, _, style| {
            format!(
                "\"{}\" before a journal article's pages; {} writes the pages alone",
                found.trim(),
                style.name()
            )
        },
        manual: "",
    },
    Rule {
        code: Code::InitialsSpacing,
        read: initials,
        say: |found, want, style| {
            format!(
                "initials \"{found}\"; {} writes them spaced and dotted, \"{want}\"",
                style.name()
            )
        },
        manual: "",
    },
    Rule {
        code: Code::NoDateForm,
        read: no_date,
        say: |found, want, style| {
            format!(
                "an undated work written \"{}\"; {} writes \"{}\"",
                found.trim(),
                style.name(),
                want.trim()
            )
        },
        manual: "",
    },
    Rule {
        code: Code::YearForm,
        read: year_form,
        say: |found, want, style| {
            if want.is_empty() {
                format!(
                    "the year \"{found}\" comes after the title; {} puts it right after the names",
                    style.name()
                )
            } else {
                format!(
                    "the year is written \"{}\"; {} writes \"{}\"",
                    found.trim(),
                    style.name(),
                    want.trim()
                )
            }
        },
        manual: "move the year to follow the names",
    },
];

pub(super) fn entries(out: &mut Out<'_>, o: &CheckOptions) {
    let a = out.a;
    let own: Vec<&Reference> = a.references.iter().filter(|r| r.origin.is_none()).collect();
    for rule in RULES {
        let verdicts: Vec<(&Reference, Verdict)> = own
            .iter()
            .map(|r| (*r, (rule.read)(r, r.text.as_str(), o.style)))
            .collect();
        let conforming = verdicts
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Conforms))
            .count();
        let slips = verdicts
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Slip { .. }))
            .count();
        if slips == 0 || (!o.style_given && conforming < 2 * slips) {
            continue;
        }
        for (r, v) in verdicts {
            let Verdict::Slip {
                at,
                found,
                want,
                fixable,
            } = v
            else {
                continue;
            };
            let span = r.text.orig_span(at.start, at.end);
            let others = if o.style_given {
                String::new()
            } else {
                format!(", as {conforming} other entries here do")
            };
            out.push(
                rule.code,
                span.clone(),
                format!("{}: {}{others}", r.key, (rule.say)(&found, &want, o.style)),
                vec![r.key.clone()],
                Some(if fixable {
                    format!("write \"{}\"", want.trim())
                } else {
                    rule.manual.to_string()
                }),
            );
            if !fixable {
                continue;
            }
            // Only where the slip is a plain run of the original (no line
            // break or removed mark inside it) is the edit certain.
            let text = a.source.text();
            if text.get(span.clone()) == Some(found.as_str()) {
                out.fix(
                    &format!("write \"{}\"", want.trim()),
                    vec![Edit::new(span, want)],
                );
            }
        }
    }
}

/// Where the entry's authors end: at APA's or Harvard's "(2010)", or
/// Chicago's ". 2010.".
fn authors_end(r: &Reference, t: &str) -> Option<usize> {
    let y = r.year_digits()?;
    let paren = format!("({y}");
    t.find(&paren)
        .or_else(|| t.find(&format!(". {y}.")).map(|i| i + 1))
}

/// APA joins the last author with "&", Harvard and Chicago with "and".
fn joiner(r: &Reference, t: &str, style: Style) -> Verdict {
    static AND: LazyLock<Regex> = LazyLock::new(|| {
        // The word before the last author, a person or a group ("&
        // Malaria Genomic Epidemiology Network."): the first joiner after
        // which no "&" follows.
        Regex::new(r"(?:,\s|\s)(?:and|&)\s\p{Lu}[^&]{0,150}$").expect("valid regex")
    });
    if r.people().len() < 2 || r.authors_truncated || r.authors.is_empty() {
        return Verdict::NotApplicable;
    }
    let Some(end) = authors_end(r, t) else {
        return Verdict::NotApplicable;
    };
    let names = t[..end].trim_end();
    let Some(m) = AND.find(names) else {
        return Verdict::NotApplicable;
    };
    let word_at = m.start() + m.as_str().find(['&', 'a']).unwrap_or(0);
    let (word, want) = if t[word_at..].starts_with('&') {
        ("&", "and")
    } else {
        ("and", "&")
    };
    let apa = matches!(style, Style::Apa6 | Style::Apa7);
    if (word == "&") == apa {
        return Verdict::Conforms;
    }
    Verdict::Slip {
        at: word_at..word_at + word.len(),
        found: word.to_string(),
        want: want.to_string(),
        fixable: true,
    }
}

/// APA gives a journal article's pages without "pp.".
fn pages_prefix(r: &Reference, t: &str, style: Style) -> Verdict {
    static PP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bpp?\.\s?[A-Za-z]?\d").expect("valid regex"));
    if !matches!(style, Style::Apa6 | Style::Apa7)
        || r.kind != EntryType::Article
        || r.pages.is_none()
    {
        return Verdict::NotApplicable;
    }
    let from = authors_end(r, t).unwrap_or(0);
    match PP.find(&t[from..]) {
        Some(m) => {
            let s = from + m.start();
            let e = from
                + m.as_str()
                    .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
                    .len()
                + m.start();
            Verdict::Slip {
                at: s..e,
                found: t[s..e].to_string(),
                want: String::new(),
                fixable: true,
            }
        }
        None => Verdict::Conforms,
    }
}

/// APA spaces and dots initials: "J. E. Smith", "Smith, J. E.".
fn initials(r: &Reference, t: &str, style: Style) -> Verdict {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        // Two or more initials in a row, spaced or not ("J.E.", "J. E.").
        Regex::new(r"\b\p{Lu}\.(?:\s?\p{Lu}\.)+").expect("valid regex")
    });
    if !matches!(style, Style::Apa6 | Style::Apa7) {
        return Verdict::NotApplicable;
    }
    let Some(end) = authors_end(r, t) else {
        return Verdict::NotApplicable;
    };
    let mut seen = false;
    for m in RUN.find_iter(&t[..end]) {
        seen = true;
        let s = m.as_str();
        // "J.E." runs its initials together; "J. E." does not.
        if s.contains(|c: char| c.is_uppercase())
            && s.split(". ")
                .any(|p| p.contains(".") && p.trim_end_matches('.').contains('.'))
        {
            let want = s
                .replace(". ", ".")
                .replace('.', ". ")
                .trim_end()
                .to_string();
            return Verdict::Slip {
                at: m.range(),
                found: s.to_string(),
                want,
                fixable: true,
            };
        }
    }
    if seen {
        Verdict::Conforms
    } else {
        Verdict::NotApplicable
    }
}

/// APA writes an undated work "(n.d.)", Harvard "(n.d.)" or, as Cite Them
/// Right does, "(no date)", and Chicago "n.d." between periods.
fn no_date(r: &Reference, t: &str, style: Style) -> Verdict {
    static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\(\s*(?P<p>{})\s*\)(?P<dot>\.?)|[.,]\s+(?P<b>(?i:n\.\s?d\b\.?))",
            grammar::NO_DATE_WORDS
        ))
        .expect("valid regex")
    });
    if r.year.as_deref() != Some("n.d.") {
        return Verdict::NotApplicable;
    }
    // The date comes before the title; a title may hold anything.
    let head = head_before_title(r, t);
    let Some(c) = WRITTEN.captures(&t[..head]) else {
        return Verdict::NotApplicable;
    };
    let chicago = style == Style::Chicago;
    let (at, ok, want) = if let (Some(m), Some(p)) = (c.get(0), c.name("p")) {
        let dot = c.name("dot").map_or("", |d| d.as_str());
        let end = p.end() + t[p.end()..].find(')').unwrap_or(0) + 1;
        let ok = match style {
            Style::Apa6 | Style::Apa7 => p.as_str() == "n.d.",
            Style::Harvard => matches!(p.as_str(), "n.d." | "no date"),
            Style::Chicago => false,
        };
        if chicago {
            (m.start()..end + dot.len(), ok, "n.d.".to_string())
        } else {
            (m.start()..end, ok, "(n.d.)".to_string())
        }
    } else if let Some(b) = c.name("b") {
        let dotted = b.as_str().ends_with('.');
        let want = match style {
            Style::Chicago => "n.d.",
            Style::Apa6 | Style::Apa7 if dotted => "(n.d.).",
            _ => "(n.d.)",
        };
        (b.range(), chicago && b.as_str() == "n.d.", want.to_string())
    } else {
        return Verdict::NotApplicable;
    };
    if ok {
        return Verdict::Conforms;
    }
    Verdict::Slip {
        found: t[at.clone()].to_string(),
        at,
        want,
        fixable: true,
    }
}

/// Where the entry's title starts, or where a date may still stand when
/// the title was not found: the head of the entry.
fn head_before_title(r: &Reference, t: &str) -> usize {
    r.title
        .as_deref()
        .filter(|x| x.len() >= 4)
        .and_then(|x| t.find(x))
        // A budget of bytes, held to a character's edge.
        .unwrap_or(crate::text::floor_boundary(t, 200))
        .min(t.len())
}

/// The year's place and marks: APA writes "Names (2010). Title", Harvard
/// "Names (2010) Title" (or "(2010)."), Chicago "Names. 2010. Title". The
/// year comes right after the names in all three; after the title it is
/// a slip of position, which only the author can move.
fn year_form(r: &Reference, t: &str, style: Style) -> Verdict {
    let Some(y) = r
        .year
        .as_deref()
        .filter(|y| r.year_digits().is_some() && !y.is_empty())
    else {
        return Verdict::NotApplicable;
    };
    // The year's first occurrence as a word of its own.
    let Some(p) = t.match_indices(y).map(|(i, _)| i).find(|&i| {
        let before = t[..i].chars().next_back();
        let after = t[i + y.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }) else {
        return Verdict::NotApplicable;
    };
    let named = !r.authors.is_empty() || !r.editors.is_empty();
    if let Some(title) = r.title.as_deref().filter(|x| x.chars().count() >= 12)
        && named
        && t.find(title).is_some_and(|ti| ti < p)
    {
        return Verdict::Slip {
            at: p..p + y.len(),
            found: y.to_string(),
            want: String::new(),
            fixable: false,
        };
    }
    let end = p + y.len();
    let apa = matches!(style, Style::Apa6 | Style::Apa7);
    if t[..p].ends_with('(') {
        // "(2010)", "(2010, March 3)": what follows the closing parenthesis.
        let inner = &t[end..];
        let Some(close) = inner.find(')').filter(|&k| k <= 40) else {
            return Verdict::NotApplicable;
        };
        if close > 0 && !inner.starts_with(", ") {
            return Verdict::NotApplicable;
        }
        let close = end + close + 1;
        let next = t[close..].chars().next();
        let written = &t[p - 1..close];
        let (ok, extra, want) = match (style, next) {
            (_, None) => return Verdict::NotApplicable,
            (Style::Chicago, _) => {
                // "Names (2010)." becomes "Names. 2010.", and "J. (2010)."
                // "J. 2010.".
                let space = usize::from(t[..p - 1].ends_with(' '));
                let dot = usize::from(next == Some('.'));
                let lead = if t[..p - 1 - space].ends_with('.') {
                    " "
                } else {
                    ". "
                };
                let at = p - 1 - space..close + dot;
                return Verdict::Slip {
                    found: t[at.clone()].to_string(),
                    at,
                    want: format!("{lead}{}.", &written[1..written.len() - 1]),
                    fixable: true,
                };
            }
            (_, Some('.')) => (true, 0, String::new()),
            (_, Some(',' | ';' | ':')) => (false, 1, format!("{written}.")),
            (_, Some(_)) => (!apa, 0, format!("{written}.")),
        };
        if ok {
            return Verdict::Conforms;
        }
        let want = if apa { want } else { written.to_string() };
        let at = p - 1..close + extra;
        return Verdict::Slip {
            found: t[at.clone()].to_string(),
            at,
            want,
            fixable: true,
        };
    }
    // A bare year: "Names. 2010.", "Names, 2010." or "Board 2010.".
    let sep = t[..p].strip_suffix(' ').and_then(|b| b.chars().next_back());
    let next = t[end..].chars().next();
    let (Some(sep), Some(next @ ('.' | ','))) = (sep, next) else {
        return Verdict::NotApplicable;
    };
    // "2001, 2002." gives a reprint's years, not a slip of the comma.
    if next == ','
        && t[end + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return Verdict::NotApplicable;
    }
    let word = sep.is_alphabetic() && next == '.';
    if !matches!(sep, '.' | ',') && !word {
        return Verdict::NotApplicable;
    }
    if style == Style::Chicago {
        if sep == '.' && next == '.' {
            return Verdict::Conforms;
        }
        let after_dot = t[..p - 2].ends_with('.');
        let at = if sep == ',' { p - 2 } else { p - 1 }..end + 1;
        let lead = if word || (sep == ',' && !after_dot) {
            ". "
        } else {
            " "
        };
        return Verdict::Slip {
            found: t[at.clone()].to_string(),
            at,
            want: format!("{lead}{y}."),
            fixable: true,
        };
    }
    let at = if sep == ',' { p - 2 } else { p - 1 }..end + 1;
    Verdict::Slip {
        found: t[at.clone()].to_string(),
        at,
        want: format!(" ({y}){}", if apa { "." } else { "" }),
        fixable: true,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyze};
    use crate::check::{CheckOptions, Code, Style, check};

    fn found(list: &str, style: Style, given: bool) -> Vec<(Code, String, Option<String>)> {
        let doc = format!(
            "Introduction\n\nRoots (Adler & Berg, 2009; Cole & Dahl, 2011; Engel & Falk, 2012; Gray & Hart, 2013).\n\nReferences\n\n{list}"
        );
        let a = analyze(&doc, &Options::default());
        let o = CheckOptions {
            style,
            style_given: given,
            ..Default::default()
        };
        check(&a, &o)
            .into_iter()
            .filter(|d| {
                matches!(
                    d.code,
                    Code::ListAmpersand
                        | Code::PagesPrefix
                        | Code::InitialsSpacing
                        | Code::NoDateForm
                        | Code::YearForm
                )
            })
            .map(|d| {
                let t = a.source.text();
                let fixed = d.fix.map(|f| {
                    let e = &f.edits[0];
                    format!(
                        "{}{}{}",
                        &t[..e.byte_start],
                        e.replacement,
                        &t[e.byte_end..]
                    )
                });
                (d.code, t[d.span].to_string(), fixed)
            })
            .collect()
    }

    const APA: &str = "Adler, B. J., & Berg, A. (2009). Fields. Journal of Soils, 2, 1–9.\nCole, D. E., & Dahl, K. (2011). Roots. Journal of Soils, 4, 10–19.\nEngel, M. A., & Falk, R. (2012). Stems. Journal of Soils, 5, 20–29.\nGray, P. L., & Hart, S. (2013). Bark. Journal of Soils, 6, 30–39.\n";

    #[test]
    fn a_conforming_list_raises_nothing() {
        assert!(found(APA, Style::Apa7, false).is_empty());
        assert!(found(APA, Style::Apa7, true).is_empty());
    }

    #[test]
    fn the_odd_entry_in_a_list_is_reported_with_its_fix() {
        let list = APA.replace("Cole, D. E., & Dahl", "Cole, D. E., and Dahl");
        let f = found(&list, Style::Apa7, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), (Code::ListAmpersand, "and"));
        assert!(f[0].2.as_deref().unwrap().contains("Cole, D. E., & Dahl"));
        let list = APA.replace(
            "Journal of Soils, 5, 20–29",
            "Journal of Soils, 5, pp. 20–29",
        );
        let f = found(&list, Style::Apa7, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Code::PagesPrefix);
        assert!(f[0].2.as_deref().unwrap().contains("Soils, 5, 20–29"));
        // An article number after "pp." is a page too.
        let list = APA.replace(
            "Journal of Soils, 6, 30–39",
            "Journal of Soils, 6, pp. a588",
        );
        let f = found(&list, Style::Apa7, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].2.as_deref().unwrap().contains("Soils, 6, a588"),
            "{f:?}"
        );
        let list = APA.replace("Gray, P. L.", "Gray, P.L.");
        let f = found(&list, Style::Apa7, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), (Code::InitialsSpacing, "P.L."));
        assert!(f[0].2.as_deref().unwrap().contains("Gray, P. L., & Hart"));
    }

    #[test]
    fn a_house_form_throughout_is_kept_unless_the_style_is_named() {
        let list = APA
            .replace("., &", ". and")
            .replace("B. J.", "B.J.")
            .replace("D. E.", "D.E.")
            .replace("M. A.", "M.A.")
            .replace("P. L.", "P.L.");
        assert!(found(&list, Style::Apa7, false).is_empty());
        let f = found(&list, Style::Apa7, true);
        assert_eq!(
            f.iter().filter(|x| x.0 == Code::ListAmpersand).count(),
            4,
            "{f:?}"
        );
        assert_eq!(f.iter().filter(|x| x.0 == Code::InitialsSpacing).count(), 4);
        // Harvard joins with "and": the APA list's "&" is its slip.
        let f = found(APA, Style::Harvard, true);
        assert_eq!(f.iter().filter(|x| x.0 == Code::ListAmpersand).count(), 4);
        assert!(f.iter().all(|x| x.0 != Code::PagesPrefix));
    }

    fn year_findings(list: &str, style: Style, given: bool) -> Vec<(String, Option<String>)> {
        found(list, style, given)
            .into_iter()
            .filter(|f| matches!(f.0, Code::YearForm | Code::NoDateForm))
            .map(|f| (f.1, f.2))
            .collect()
    }

    #[test]
    fn a_year_marked_unlike_the_list_is_reported_with_the_styles_marks() {
        // Chicago's bare year and Harvard's year without a period, each
        // in an APA list.
        for (odd, written, fixed) in [
            (
                "Engel, M. A., & Falk, R. 2012. Stems.",
                "2012.",
                "Falk, R. (2012). Stems.",
            ),
            (
                "Engel, M. A., & Falk, R. (2012) Stems.",
                "(2012)",
                "Falk, R. (2012). Stems.",
            ),
            (
                "Engel, M. A., & Falk, R., 2012. Stems.",
                ", 2012.",
                "Falk, R. (2012). Stems.",
            ),
        ] {
            let list = APA.replace("Engel, M. A., & Falk, R. (2012). Stems.", odd);
            let f = year_findings(&list, Style::Apa7, false);
            assert_eq!(f.len(), 1, "{odd}: {f:?}");
            assert_eq!(f[0].0.trim(), written);
            assert!(f[0].1.as_deref().unwrap().contains(fixed), "{f:?}");
        }
        // Named Chicago, every APA year is a slip, fixed to Chicago's.
        let f = year_findings(APA, Style::Chicago, true);
        assert_eq!(f.len(), 4, "{f:?}");
        assert!(
            f[0].1
                .as_deref()
                .unwrap()
                .contains("Berg, A. 2009. Fields.")
        );
        // Harvard takes "(2009)." and "(2009) Fields" alike.
        assert!(year_findings(APA, Style::Harvard, true).is_empty());
    }

    #[test]
    fn a_year_after_the_title_is_reported_without_a_fix() {
        let list = APA.replace(
            "Engel, M. A., & Falk, R. (2012). Stems. Journal of Soils, 5,",
            "Engel, M. A., & Falk, R. Stems of the northern forests. Journal of Soils, 2012, 5,",
        );
        let f = found(&list, Style::Apa7, true);
        let y: Vec<_> = f.iter().filter(|x| x.0 == Code::YearForm).collect();
        assert_eq!(y.len(), 1, "{f:?}");
        assert_eq!((y[0].1.as_str(), y[0].2.is_none()), ("2012", true));
    }

    #[test]
    fn spans_of_years_and_entries_without_names_are_left_alone() {
        let list = APA
            .replace("(2012). Stems.", "(2012–2013). Stems.")
            .replace(
                "Gray, P. L., & Hart, S. (2013). Bark.",
                "Bark of the northern forests. (2013).",
            );
        assert!(
            year_findings(&list, Style::Apa7, true).is_empty(),
            "{:?}",
            year_findings(&list, Style::Apa7, true)
        );
    }

    #[test]
    fn no_date_is_written_as_the_style_writes_it() {
        let undated = "Adler, B. J., & Berg, A. (n.d.). Fields. Journal of Soils, 2, 1–9.\nCole, D. E., & Dahl, K. (n.d.). Roots. Journal of Soils, 4, 10–19.\nEngel, M. A., & Falk, R. (nd). Stems. Journal of Soils, 5, 20–29.\n";
        let f = year_findings(undated, Style::Apa7, false);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "(nd)");
        assert!(
            f[0].1
                .as_deref()
                .unwrap()
                .contains("Falk, R. (n.d.). Stems.")
        );
        // Chicago writes it bare, between periods.
        let f = year_findings(undated, Style::Chicago, true);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f[2].1.as_deref().unwrap().contains("Falk, R. n.d. Stems."));
    }
}

#[cfg(test)]
mod byte_budget {
    use super::*;

    /// An undated entry whose title is not found in its text is read up to
    /// 200 bytes, and byte 200 may fall inside a character.
    #[test]
    fn an_undated_entry_with_long_accented_text_is_read_without_a_panic() {
        for lead in ["", "a", "ab"] {
            let t = format!("{lead}{}(nd) Ökologie.", "é€".repeat(60));
            let r = Reference {
                year: Some("n.d.".into()),
                ..Default::default()
            };
            for style in [Style::Apa7, Style::Harvard, Style::Chicago] {
                assert!(matches!(no_date(&r, &t, style), Verdict::NotApplicable));
            }
            assert!(
                head_before_title(&r, &t) <= 200 && t.is_char_boundary(head_before_title(&r, &t))
            );
        }
    }
}
