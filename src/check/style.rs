//! The style's own rules: which style applies, "et al." and "&".

use super::{Code, Out};
use crate::analysis::{Analysis, Citation};
use crate::citation::Form;
use crate::reference::{Name, Reference};
use regex::Regex;
use std::sync::LazyLock;

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

    pub(super) fn name(self) -> &'static str {
        match self {
            Style::Apa7 => "APA 7",
            Style::Apa6 => "APA 6",
            Style::Harvard => "Harvard",
            Style::Chicago => "Chicago",
        }
    }
}

/// Whether `odd` citations that depart from the style, against `kept` that
/// keep it, are a house habit to report once: used three times at least,
/// in most citations of their kind, and no style named (`given`), since a
/// named style holds for every citation.
fn is_habit(given: bool, kept: usize, odd: usize) -> bool {
    !given && odd >= 3 && kept * 2 < odd
}

/// What a citation of a work by several authors does with "et al."
/// against the style: what the style asks, or a slip with its message.
/// Citations whose authors leave no choice are neither.
pub(super) enum EtAl {
    /// As the style asks, for a work of this many authors.
    Kept(usize),
    /// The message, and whether another style would allow it ("et al."
    /// for two authors is wrong in every style, never a house habit), for
    /// a work of this many authors.
    Odd(String, bool, usize),
    Neither,
}

pub(super) fn et_al(
    style: Style,
    c: &Citation,
    written: &str,
    re: &Reference,
    n_auth: usize,
    first_time: bool,
) -> EtAl {
    let n = if re.authors_truncated {
        n_auth.max(7)
    } else {
        n_auth
    };
    if n == 0 || re.authors.iter().all(|p| matches!(p, Name::Literal { .. })) && n == 1 {
        return EtAl::Neither;
    }
    // Whether "et al." and whether the full names are right for `n`
    // authors. APA says exactly; Harvard has no one authority (Cite Them
    // Right names three, many house styles cut at three) and Chicago
    // changed in its 18th edition (2024) from four to three, so for three
    // authors either form is right, and only what no edition allows is
    // reported.
    let (et_al_ok, names_ok) = match style {
        Style::Apa7 => (n >= 3, n < 3),
        Style::Apa6 => {
            let want = n >= 6 || (n >= 3 && !first_time);
            (want, !want)
        }
        Style::Harvard | Style::Chicago => (n >= 3, n < 4),
    };
    let named_all = c.cite.names.len() >= n.min(3) && !c.cite.et_al;
    if c.cite.et_al && !et_al_ok {
        EtAl::Odd(
            format!(
                "\"{}\": {} names {} here, not \"et al.\"",
                written,
                style.name(),
                match n {
                    1 => "the one author".to_string(),
                    2 => "both authors".to_string(),
                    _ => format!("all {n} authors"),
                }
            ),
            n >= 3,
            n,
        )
    } else if !names_ok && !c.cite.et_al && named_all && c.cite.names.len() >= 2 {
        EtAl::Odd(
            format!(
                "\"{}\": {} uses \"et al.\" for this work of {n} authors",
                written,
                style.name()
            ),
            true,
            n,
        )
    } else if n >= 3 && (c.cite.et_al || named_all) {
        EtAl::Kept(n)
    } else {
        EtAl::Neither
    }
}

/// Each citation's "et al." against the style. A document that departs
/// from the style in most of its citations of works by three or more
/// authors, three times at least, keeps a house habit (PeerJ names three
/// authors in full; APA 6 names up to five the first time): without a
/// named style that is one finding, at its first citation.
pub(super) fn et_als(out: &mut Out<'_>, given: bool, cs: &[(&Citation, &str, EtAl)]) {
    let each = |out: &mut Out<'_>, list: &[(&Citation, &str, &String)]| {
        for &(c, key, says) in list {
            out.push(
                Code::EtAlUsage,
                c.span.clone(),
                says.clone(),
                vec![key.to_string()],
                None,
            );
        }
    };
    let slips: Vec<_> = cs
        .iter()
        .filter_map(|(c, key, v)| match v {
            EtAl::Odd(m, false, _) => Some((*c, *key, m)),
            _ => None,
        })
        .collect();
    each(out, &slips);
    // A habit is a rule about works of so many authors: PeerJ names three
    // in full and cuts four, so each count is judged on its own (six and
    // more together).
    for n in 3..=6 {
        let of = |k: usize| if n == 6 { k >= 6 } else { k == n };
        let kept = cs
            .iter()
            .filter(|(_, _, v)| matches!(v, EtAl::Kept(k) if of(*k)))
            .count();
        let odd: Vec<_> = cs
            .iter()
            .filter_map(|(c, key, v)| match v {
                EtAl::Odd(m, true, k) if of(*k) => Some((*c, *key, m)),
                _ => None,
            })
            .collect();
        let Some(&(first, key, says)) = odd.first() else {
            continue;
        };
        if is_habit(given, kept, odd.len()) {
            out.push(
                Code::EtAlUsage,
                first.span.clone(),
                format!(
                    "{says}; {} other citations of works by {n}{} authors do the same, so the document does so throughout and this is said once",
                    odd.len() - 1,
                    if n == 6 { " or more" } else { "" },
                ),
                vec![key.to_string()],
                Some("name the style with --style to have each one reported".into()),
            );
        } else {
            each(out, &odd);
        }
    }
}

/// How a citation joins its authors against the style: with the style's
/// word, with the other one (the message, the word as written and as the
/// style wants it), or with neither.
pub(super) enum Joiner {
    Style,
    Other {
        says: &'static str,
        from: &'static str,
        to: &'static str,
    },
    Neither,
}

/// APA joins authors with "&" inside parentheses and "and" in running
/// text; Harvard and Chicago with "and" throughout.
pub(super) fn joiner(style: Style, c: &Citation) -> Joiner {
    let w = &c.cite.written;
    let has_amp = w.contains('&');
    let has_and = w.contains(" and ");
    let apa = matches!(style, Style::Apa6 | Style::Apa7);
    match (apa, c.cite.form) {
        (true, Form::Parenthetical) if has_and => Joiner::Other {
            says: "APA joins authors with \"&\" inside parentheses",
            from: " and ",
            to: " & ",
        },
        (true, Form::Narrative) if has_amp => Joiner::Other {
            says: "APA joins authors with \"and\" in running text",
            from: " & ",
            to: " and ",
        },
        (false, _) if has_amp => Joiner::Other {
            says: "this style joins authors with \"and\"",
            from: " & ",
            to: " and ",
        },
        _ if has_amp || has_and => Joiner::Style,
        _ => Joiner::Neither,
    }
}

/// The joining word of every citation against the style. A document that
/// writes the other word in most citations of a form, three at least,
/// keeps a house habit, not a slip: without a named style it is reported
/// once, at its first citation, and not at each. Otherwise each odd citation is reported,
/// with its fix.
pub(super) fn ampersands(out: &mut Out<'_>, style: Style, given: bool, cs: &[&Citation]) {
    for form in [Form::Parenthetical, Form::Narrative] {
        let of_form: Vec<(&Citation, Joiner)> = cs
            .iter()
            .filter(|c| c.cite.form == form)
            .map(|c| (*c, joiner(style, c)))
            .collect();
        let kept = of_form
            .iter()
            .filter(|(_, j)| matches!(j, Joiner::Style))
            .count();
        let odd: Vec<_> = of_form
            .iter()
            .filter_map(|(c, j)| match j {
                Joiner::Other { says, from, to } => Some((*c, *says, *from, *to)),
                _ => None,
            })
            .collect();
        if is_habit(given, kept, odd.len()) {
            habit(out, &odd);
            continue;
        }
        for (c, says, from, to) in odd {
            ampersand(out, c, says, from, to);
        }
    }
}

/// One finding for a house habit, at the first citation the fix reaches,
/// whose fix writes the style's word in each; those the fix cannot reach
/// are left to the author, each its own finding.
fn habit(out: &mut Out<'_>, odd: &[(&Citation, &'static str, &'static str, &'static str)]) {
    let mut edits = Vec::new();
    let mut by_hand = Vec::new();
    for &(c, says, from, to) in odd {
        match word_edit(out.a, c, from, to) {
            Some(e) => edits.push((c, says, e)),
            None => by_hand.push((c, says, from, to)),
        }
    }
    for (c, says, from, to) in by_hand {
        ampersand(out, c, says, from, to);
    }
    let Some(&(first, says, _)) = edits.first() else {
        return;
    };
    out.push(
        Code::ParentheticalAmpersand,
        first.span.clone(),
        format!(
            "\"{}\" and {} other citations like it: {says}; the document does so throughout, so this is said once",
            out.a.written(first),
            odd.len() - 1
        ),
        vec![],
        Some("the fix writes the style's word in each; --style reports each one".into()),
    );
    let to = odd[0].3;
    let mut edits: Vec<_> = edits.into_iter().map(|(_, _, e)| e).collect();
    edits.sort_by_key(|e| e.byte_start);
    out.fix(&format!("write \"{}\" in each", to.trim()), edits);
}

fn ampersand(out: &mut Out<'_>, c: &Citation, says: &str, from: &str, to: &str) {
    out.push(
        Code::ParentheticalAmpersand,
        c.span.clone(),
        format!("\"{}\": {says}", out.a.written(c)),
        vec![],
        None,
    );
    if let Some(e) = word_edit(out.a, c, from, to) {
        out.fix(&format!("write \"{}\"", to.trim()), vec![e]);
    }
}

/// The edit that writes `to` for `from` in the citation: only the word,
/// and only when the citation holds it once as a word of its own, so that
/// it cannot touch a title or a locator ("pp. 3 and 5"). A line break
/// around it stays.
fn word_edit(a: &Analysis, c: &Citation, from: &str, to: &str) -> Option<super::fix::Edit> {
    let cited = a.source.text().get(c.span.clone())?;
    let (from, to) = (from.trim(), to.trim());
    let mut at = None;
    let mut start = None;
    for (i, ch) in cited.char_indices().chain([(cited.len(), ' ')]) {
        if ch.is_whitespace() {
            if let Some(st) = start.take()
                && &cited[st..i] == from
            {
                if at.is_some() {
                    return None;
                }
                at = Some(st);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    let at = c.span.start + at?;
    Some(super::fix::Edit::new(at..at + from.len(), to))
}
