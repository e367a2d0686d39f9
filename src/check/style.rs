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

pub(super) fn et_al(
    out: &mut Out<'_>,
    style: Style,
    c: &Citation,
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
    let msg = if c.cite.et_al && !et_al_ok {
        Some(format!(
            "\"{}\": {} names all {n} authors here, not \"et al.\"",
            c.text,
            style.name()
        ))
    } else if !names_ok && !c.cite.et_al && named_all && c.cite.names.len() >= 2 {
        Some(format!(
            "\"{}\": {} uses \"et al.\" for this work of {n} authors",
            c.text,
            style.name()
        ))
    } else {
        None
    };
    if let Some(m) = msg {
        out.push(
            Code::EtAlUsage,
            c.span.clone(),
            m,
            vec![re.key.clone()],
            None,
        );
    }
}

pub(super) fn ampersand(out: &mut Out<'_>, style: Style, c: &Citation) {
    let w = &c.cite.written;
    let has_amp = w.contains('&');
    let has_and = w.contains(" and ");
    // The message, and the joining word as written and as the style wants.
    let msg = match (style, c.cite.form) {
        (Style::Apa6 | Style::Apa7, Form::Parenthetical) if has_and => Some((
            "APA joins authors with \"&\" inside parentheses",
            " and ",
            " & ",
        )),
        (Style::Apa6 | Style::Apa7, Form::Narrative) if has_amp => Some((
            "APA joins authors with \"and\" in running text",
            " & ",
            " and ",
        )),
        (Style::Harvard | Style::Chicago, _) if has_amp => {
            Some(("this style joins authors with \"and\"", " & ", " and "))
        }
        _ => None,
    };
    if let Some((m, from, to)) = msg {
        out.push(
            Code::ParentheticalAmpersand,
            c.span.clone(),
            format!("\"{}\": {m}", c.text),
            vec![],
            None,
        );
        // The word is replaced where the names are written, and only when
        // it stands there once, so the fix cannot touch a title or a note.
        let text = out.a.source.text();
        let cited = text.get(c.span.clone()).unwrap_or("");
        if let Some(n) = cited
            .find(c.cite.written.as_str())
            .filter(|_| !w.is_empty())
            && w.matches(from).count() == 1
            && let Some(k) = w.find(from)
        {
            let at = c.span.start + n + k;
            out.fix(
                &format!("write \"{}\"", to.trim()),
                vec![super::fix::Edit::new(at..at + from.len(), to)],
            );
        }
    }
}
