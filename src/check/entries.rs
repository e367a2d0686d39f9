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
    },
}

struct Rule {
    code: Code,
    read: fn(&Reference, &str, Style) -> Verdict,
    /// The message after the entry's key, from the slip as written.
    say: fn(&str, &str, Style) -> String,
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
            let Verdict::Slip { at, found, want } = v else {
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
                Some(format!("write \"{}\"", want.trim())),
            );
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
    }
}

/// APA gives a journal article's pages without "pp.".
fn pages_prefix(r: &Reference, t: &str, style: Style) -> Verdict {
    static PP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bpp?\.\s?e?\d").expect("valid regex"));
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
                    .trim_end_matches(|c: char| c.is_ascii_digit() || c == 'e')
                    .len()
                + m.start();
            Verdict::Slip {
                at: s..e,
                found: t[s..e].to_string(),
                want: String::new(),
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
            };
        }
    }
    if seen {
        Verdict::Conforms
    } else {
        Verdict::NotApplicable
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
                    Code::ListAmpersand | Code::PagesPrefix | Code::InitialsSpacing
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
}
