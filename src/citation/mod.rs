//! In-text citations: "(Smith, 2015)", "Smith (2015)" and their relatives.
//!
//! Two shapes cover author-date styles. A parenthetical citation is a
//! parenthesis whose `;`-separated parts each end in names + years
//! (+ locator), after an optional prefix such as "see" or "e.g.". A
//! narrative citation is a parenthesis that starts with a year, preceded by
//! the names. Everything else in parentheses (abbreviations, figure
//! references, ranges, dates, measurements) fails one of the two shapes.

mod filters;
pub mod keyed;
mod known;
mod names;
mod narrative;
mod parenthetical;
mod running;
mod years;

pub use filters::names_a_thing;
pub use known::Known;

use crate::text::Mapped;
use narrative::narrative;
use parenthetical::parenthetical;
use running::running_text;
use serde::Serialize;
use std::ops::Range;
use years::clean_locator;

/// How a citation is woven into the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Inside parentheses: "(Smith, 2015)".
    Parenthetical,
    /// Names in the running text: "Smith (2015)".
    Narrative,
}

/// One cited work, as found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    /// Span in the paragraph's normalised text.
    pub span: Range<usize>,
    /// Parenthetical or narrative.
    pub form: Form,
    /// Cited names in order: family names or whole organisation names.
    pub names: Vec<String>,
    /// The names as written, before splitting: an organisation may hold
    /// commas and "and" ("United Nations Educational, Scientific and
    /// Cultural Organization").
    pub written: String,
    /// A longer reading of the names that may be an organisation
    /// ("The National Statistics Agency" before "(2015)").
    pub group_name: Option<Box<str>>,
    /// Given name or initial written before the first family name.
    pub given: Option<Box<str>>,
    /// "et al." follows the names.
    pub et_al: bool,
    /// The year as cited: "2015", "2015a", "n.d.", "in press".
    pub year: String,
    /// Page or other locator ("p. 12").
    pub locator: Option<Box<str>>,
    /// Prefix such as "see" or "e.g.".
    pub prefix: Option<Box<str>>,
    /// For a citation by key (`\citep{smith2015}`, `[@smith2015]`), the
    /// key; its names and year are then the linked entry's. Boxed,
    /// because plain-text documents, the largest, never set it.
    pub keyed: Option<Box<keyed::Keyed>>,
}

/// A cited year: 1500–2099 with an optional letter, "n.d.", "in press";
/// "[1998] 2015" for a reprint. Four digits outside that range are
/// specimen or model numbers, not years.
impl Cite {
    /// The shared part of a parenthetical citation's records, for
    /// [`push_years`].
    fn parenthetical(
        start: usize,
        names: Vec<String>,
        written: String,
        et_al: bool,
        loc: Option<regex::Match<'_>>,
        prefix: Option<Box<str>>,
    ) -> Cite {
        Cite {
            span: start..start,
            form: Form::Parenthetical,
            names,
            written,
            group_name: None,
            given: None,
            et_al,
            year: String::new(),
            locator: loc.map(|m| clean_locator(m.as_str())),
            prefix,
            keyed: None,
        }
    }
}

/// Finds the citations in one paragraph. `known` holds the reference
/// list's names; without it only unambiguous shapes are accepted.
pub fn find(text: &str, known: &Known) -> Vec<Cite> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let Some(close) = matching_paren(text, i) else {
                i += 1;
                continue;
            };
            let inner = i + 1..close;
            let before = out.len();
            narrative(text, i, close, known, &mut out);
            if out.len() == before {
                parenthetical(text, inner, known, &mut out);
            } else if text[inner.clone()].contains(" apud ") {
                // "Silva (2010 apud SOUZA, 2012)": the source read follows,
                // a part of its own.
                parenthetical(text, inner, known, &mut out);
            }
            // Parentheses inside are already handled as part of this one.
            i = if out.len() > before { close + 1 } else { i + 1 };
            continue;
        }
        i += 1;
    }
    running_text(text, known, &mut out);
    out.sort_by_key(|c| c.span.start);
    out
}

fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (k, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            _ => {}
        }
        if k > 600 {
            return None;
        }
    }
    None
}

/// A citation found in the document, with spans in the original input.
#[derive(Debug, Clone)]
pub struct Located {
    /// The citation as parsed.
    pub cite: Cite,
    /// Index of the paragraph it was found in.
    pub paragraph: usize,
    /// Byte span in the original input.
    pub span: Range<usize>,
}

/// Finds citations in every paragraph and maps their spans back, paragraph
/// by paragraph as the caller asks for them.
///
/// The paragraphs are borrowed and the citations made lazily, so a caller
/// that keeps the paragraphs in its own records copies no text to pass them
/// and never holds a second list of the document's citations.
pub fn find_all<'a>(
    paragraphs: impl IntoIterator<Item = &'a Mapped>,
    known: &'a Known,
) -> impl Iterator<Item = Located> {
    paragraphs
        .into_iter()
        .enumerate()
        .flat_map(move |(i, p)| find_located(i, p, known))
}

/// The citations of paragraph `i`, `p`, with their spans in the original.
fn find_located(i: usize, p: &Mapped, known: &Known) -> Vec<Located> {
    let text = p.as_str();
    let mut cites = find(text, known);
    // A keyed citation is read by its syntax; a typed shape inside one
    // (a note such as "[see Lee, 2001]") is part of it.
    if text.contains(['\\', '@']) {
        let keyed = keyed::find(text);
        if !keyed.is_empty() {
            // Both lists are in order and keyed spans are apart: one
            // walk drops the typed citations inside keyed ones.
            let mut k = keyed.iter().peekable();
            cites.retain(|c| {
                while k.next_if(|x| x.span.end <= c.span.start).is_some() {}
                k.peek().is_none_or(|x| x.span.start >= c.span.end)
            });
            cites.extend(keyed);
            cites.sort_by_key(|c| c.span.start);
        }
    }
    cites
        .into_iter()
        .map(|cite| Located {
            span: p.orig_span(cite.span.start, cite.span.end),
            cite,
            paragraph: i,
        })
        .collect()
}

/// Whether any paragraph holds a pandoc citation (`[@key]`), which makes
/// a bare "@key" elsewhere a citation too.
pub fn any_bracketed<'a>(paragraphs: impl IntoIterator<Item = &'a Mapped>) -> bool {
    paragraphs.into_iter().any(|p| {
        p.as_str().contains('@')
            && keyed::find(p.as_str()).iter().any(|c| {
                c.keyed
                    .as_ref()
                    .is_some_and(|k| k.syntax == keyed::Syntax::Bracketed)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_(t: &str) -> Vec<Cite> {
        find(t, &Known::default())
    }

    #[test]
    fn loose_citations_need_a_known_author() {
        let known = Known::new(["Apps", "Stotsky", "Burdin"]);
        let t = "x (a review is presented in Apps and Rees, 2009). However, Stotsky, 1996 and Elson (2006) say. Burdin et al., 2014 assess. Brazil, 2015 was.";
        let got: Vec<&str> = find(t, &known).into_iter().map(|c| &t[c.span]).collect();
        assert_eq!(
            got,
            [
                "Apps and Rees, 2009",
                "Stotsky, 1996",
                "Elson (2006)",
                "Burdin et al., 2014"
            ]
        );
        assert!(find("x (data from Brazil, 2015).", &known).is_empty());
        // With the list's years, a known name with a year it has no work
        // from is a date, not a citation.
        let list = crate::reference::parse_lines(
            "Reynaud, E. (1945). A film. Paris: Cinémathèque.\nApps, P., & Rees, J. (2009). A review. Nature, 1, 1–2.\n",
        );
        let works = Known::from_references(&list);
        let t = "x (exhibition of actions – Reynaud, 1877), as in Apps and Rees, 2009.";
        let got: Vec<&str> = find(t, &works).into_iter().map(|c| &t[c.span]).collect();
        assert_eq!(got, ["Apps and Rees, 2009"]);
    }

    #[test]
    fn roman_page_locators() {
        let c = find_("as he says (ALEXEÏEFF, 1994, p. xix e xx).");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].locator.as_deref(), Some("p. xix e xx"));
    }

    fn texts(t: &str) -> Vec<&str> {
        find(t, &Known::default())
            .into_iter()
            .map(|c| &t[c.span])
            .collect::<Vec<_>>()
    }

    #[test]
    fn a_name_with_several_particles_is_a_citation_without_the_list() {
        // An unresolved citation must still be found to be reported.
        assert_eq!(
            texts("As shown (van der Berg, 1986; de la Cruz & Lee, 1990)."),
            ["van der Berg, 1986", "de la Cruz & Lee, 1990"]
        );
    }

    #[test]
    fn parenthetical_forms() {
        assert_eq!(texts("land (Harte, 2013), which"), ["Harte, 2013"]);
        assert_eq!(
            texts("x (Pianosi, 2001; Okafor, 2013)."),
            ["Pianosi, 2001", "Okafor, 2013"]
        );
        assert_eq!(
            texts("x (Tanaka et al., 1999; Simon, Barrow & Lindqvist, 2003)."),
            ["Tanaka et al., 1999", "Simon, Barrow & Lindqvist, 2003"]
        );
        assert_eq!(
            texts("x (The Office of Public Sector Evaluation, 2014)."),
            ["The Office of Public Sector Evaluation, 2014"]
        );
        assert_eq!(texts("x (Harte, 2013, p. 12)."), ["Harte, 2013, p. 12"]);
        assert_eq!(
            texts("x (see Smith 2015; e.g., Jones, 2016)."),
            ["Smith 2015", "Jones, 2016"]
        );
        assert_eq!(
            texts("x (Banerjee, 2010, 2012)."),
            ["Banerjee, 2010", "2012"]
        );
        assert_eq!(
            texts("x (Smith, 2015a; Lee, n.d.; Kim, in press)."),
            ["Smith, 2015a", "Lee, n.d.", "Kim, in press"]
        );
        assert_eq!(texts("x (as cited in Lee, 2001)."), ["Lee, 2001"]);
        assert_eq!(texts("x (Smith 2015: 34)."), ["Smith 2015: 34"]);
        assert_eq!(
            texts("x (Rodrigues; Fachin, 2010)."),
            ["Rodrigues; Fachin, 2010"]
        );
        assert_eq!(
            texts("x (see Materials and methods; Smith, 2012)."),
            ["Smith, 2012"]
        );
        assert_eq!(
            texts("segundo Silva (2010 apud SOUZA, 2012), x."),
            ["Silva (2010", "SOUZA, 2012"]
        );
        assert_eq!(
            texts("x (Smith, 2015; 2016, p. 4)."),
            ["Smith, 2015", "2016, p. 4"]
        );
        assert_eq!(find_("x (Smith, 2015; 2016).")[1].names, ["Smith"]);
        assert_eq!(
            texts("x (World Health Organization [WHO], 2019)."),
            ["World Health Organization [WHO], 2019"]
        );
        assert_eq!(
            find_("x (World Health Organization [WHO], 2019).")[0].names,
            ["World Health Organization"]
        );
        assert_eq!(
            texts("x (Smith, 2015, Chapter 3)."),
            ["Smith, 2015, Chapter 3"]
        );
        assert_eq!(
            texts("Smith (2015, pp. 3–4) says"),
            ["Smith (2015, pp. 3–4)"]
        );
    }

    #[test]
    fn narrative_forms() {
        assert_eq!(texts("Defined by Becker (2011) as x"), ["Becker (2011)"]);
        assert_eq!(
            texts("as Smith and Jones (2015) show"),
            ["Smith and Jones (2015)"]
        );
        let c = find_("Smith and colleagues (2010) argue");
        assert_eq!(c[0].names, ["Smith"]);
        assert!(c[0].et_al);
        let c = find_("Smith et al. (2015a, b) show");
        assert_eq!(c.len(), 2);
        assert!(c[0].et_al);
        assert_eq!((c[0].year.as_str(), c[1].year.as_str()), ("2015a", "2015b"));
        let c = find_("Smith's (2015) claim");
        assert_eq!(c[0].names, ["Smith"]);
        let c = find_("In Lev Manovich (2001, 2002, p. 302) we");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].names, ["Manovich"]);
        assert_eq!(c[0].given.as_deref(), Some("Lev"));
        assert_eq!(find_("See de Queiroz (1998)")[0].names, ["de Queiroz"]);
    }

    #[test]
    fn non_citations() {
        for t in [
            "currency (XYZ) in",
            "regions (called oblasts in the local language)",
            "politics (Vol. 26).",
            "archives (see figure 2.1).",
            "famine (1931–1933).",
            "in (March 2015) and",
            "(n = 12, 2015 samples)",
            "Marsh, M. (2016). The country",
            "(Figure 3, 2015)",
            "shows (Pantomimes lumineuses, Paris, 1892) here",
            "Isolda pulchella (Müller in Grube, 1858) was",
            "specimen (A.M. Buchanan 9981)",
            "In: E-learning (pp.8-28).",
        ] {
            assert!(find_(t).is_empty(), "{t}: {:?}", find_(t));
        }
    }

    #[test]
    fn a_comma_list_of_names_needs_a_final_and() {
        assert_eq!(
            texts("do Théâtre Optique, Bendazzi (1994) disse"),
            ["Bendazzi (1994)"]
        );
        let c = find_("as Smith, Jones, and Lee (2015) show");
        assert_eq!(c[0].names, ["Smith", "Jones", "Lee"]);
    }

    #[test]
    fn narrative_organisation_keeps_a_group_reading() {
        let c = find_("according to The National Statistics Agency (2015), most");
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].group_name.as_deref(),
            Some("The National Statistics Agency")
        );
    }
}
