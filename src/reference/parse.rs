//! Parsing one reference entry into fields.
//!
//! Author-date styles agree on one thing: the date comes right after the
//! names. APA and Harvard put it in parentheses ("Smith, J. (2015)."),
//! Chicago and journal house styles between periods ("Smith, John. 2015.").
//! The parser finds that anchor first, reads the names before it, then the
//! title after it (quoted in Chicago, up to the first sentence end
//! otherwise), and finally the tail: a journal with volume, issue and pages,
//! an "In …" chapter, or a publisher.

use super::anchor::{Anchor, author_like, find_anchor};
use super::classify::{classify, incomplete};
use super::fields::{URL, non_empty};
use super::names::parse_names;
use super::split::RawEntry;
use super::tail::{EDITORS_MARK, parse_tail, take_edition};
use super::title::{STRAY_NUMBER, VOLUME_PAREN, split_title};
use super::{Problem, ProblemKind, Reference};
use crate::text::sentence::entry_bounds as sentence_bounds;
use regex::Regex;
use std::sync::LazyLock;

// Chicago's editor mark after the names: "Smith, J., ed." / ", eds."
re!(CHICAGO_EDITORS, r",\s*eds?\.?\s*$");
re!(ANY_YEAR, r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b");
re!(
    DOI,
    r"(?i)(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bdoi\s+)?\b(10\.\d{4,9}/[^\s]+)"
);
re!(
    ACCESS,
    r"(?i)(?:\[|\()?\s*(?:accessed|retrieved|consulted|acesso em|accedido|abgerufen)(?:\s+on)?\s*:?\s*([^\])]*?\d{4})\s*(?:\]|\))?\s*[.,]?\s*(?:from\s*)?"
);
re!(
    AVAILABLE,
    r"(?i)\b(?:available (?:at|from|online)|retrieved from|dispon[ií]vel em|online)\s*:?\s*$"
);

/// Parses one entry.
pub fn parse(e: RawEntry) -> Reference {
    let full = e.text.as_str().to_string();
    let mut r = Reference {
        span: e.text.orig_span(0, e.text.len()),
        ..Default::default()
    };
    raw_problems(&e, &mut r);
    // Identifiers first: they are unambiguous and would confuse the rest.
    let t = take_identifiers(&mut r, &full);
    let anchor = find_anchor(&t);
    // A date that comes last (or before a chapter's pages) is ABNT's.
    let date_last = anchor.as_ref().is_none_or(|a| {
        let after = t[a.end..].trim_start();
        !after.contains(char::is_alphabetic) || after.starts_with("p.")
    });
    if date_last && super::abnt::parse(&mut r, &t) {
        r.tail_rule = Some("abnt");
        return finish(r, &full, e.text);
    }
    let (names_part, rest, quoted_titles) = names_and_rest(&mut r, &t, anchor);
    read_names(&mut r, &names_part);
    let tail = read_title(&mut r, &rest, quoted_titles);
    r.tail_rule = parse_tail(&mut r, &tail);
    finish(r, &full, e.text)
}

/// The problems the splitter found: proof marks removed, entries that
/// shared a line.
fn raw_problems(e: &RawEntry, r: &mut Reference) {
    for rm in &e.removed {
        r.problems.push(Problem {
            kind: ProblemKind::ProofMarker,
            message: format!("typesetting leftover \"{}\" in the entry", rm.text),
            span: rm.span.clone(),
        });
    }
    if e.merged {
        r.problems.push(Problem {
            kind: ProblemKind::MergedReferences,
            message: "this entry shares its line with another entry".into(),
            span: r.span.clone(),
        });
    }
}

/// Takes the DOI, the URL and the access date out of the entry, and
/// returns what is left.
fn take_identifiers(r: &mut Reference, full: &str) -> String {
    let mut t = full.to_string();
    // A DOI stands alone, after "doi:", or in a doi.org link; "10.1007/…"
    // inside another site's URL belongs to that URL.
    let doi = DOI.captures_iter(&t).find(|c| {
        let (whole, id) = (
            c.get(0).map_or(0, |m| m.start()),
            c.get(1).map_or(0, |m| m.start()),
        );
        whole < id
            || t[..id]
                .chars()
                .next_back()
                .is_none_or(|ch| ch.is_whitespace() || ch == '(' || ch == '[')
    });
    if let Some(c) = doi {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let doi = c[1].trim_end_matches(['.', ',', ';', ')', ']']).to_string();
        r.doi = Some(doi);
        t.replace_range(m, "");
    }
    if let Some(m) = URL.find(&t) {
        let url = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ')', ']'])
            .to_string();
        let range = m.range();
        r.url = Some(url);
        t.replace_range(range, "");
    }
    if let Some(c) = ACCESS.captures(&t) {
        r.urldate = non_empty(&c[1]);
        let m = c.get(0).map_or(0..0, |m| m.range());
        t.replace_range(m, " ");
    }
    let t = t.trim().to_string();
    AVAILABLE.replace(&t, "").trim().to_string()
}

/// The names before the anchor and the rest after it, with the year read
/// into `r`; and whether titles may be quoted (not after APA's "(Year).").
/// Without an anchor, names run to the first sentence end.
fn names_and_rest(r: &mut Reference, t: &str, anchor: Option<Anchor>) -> (String, String, bool) {
    match anchor {
        Some(a) => {
            r.year = Some(a.year);
            r.other_years = a.also;
            (t[..a.start].to_string(), t[a.end..].to_string(), !a.apa)
        }
        None => {
            // No date after the names: a year from anywhere.
            if let Some(c) = ANY_YEAR.captures(t) {
                r.year = Some(c[0].to_string());
            }
            r.problems.push(Problem {
                kind: ProblemKind::MissingYear,
                message: "no date after the author names".into(),
                span: r.span.clone(),
            });
            let b = sentence_bounds(t);
            let cut = b.first().copied().unwrap_or(t.len());
            if author_like(&t[..cut]) {
                (t[..cut].to_string(), t[cut..].to_string(), true)
            } else {
                (String::new(), t.to_string(), true)
            }
        }
    }
}

/// Reads the author list, or the editors when it carries an editor mark.
fn read_names(r: &mut Reference, names_part: &str) {
    let mut names_part = names_part.trim().to_string();
    let edited = EDITORS_MARK
        .find(&names_part)
        .or_else(|| CHICAGO_EDITORS.find(&names_part))
        .map(|m| m.range());
    if let Some(m) = edited.clone() {
        names_part.replace_range(m, " ");
    }
    let (names, truncated) = parse_names(&names_part);
    r.authors_truncated = truncated;
    if edited.is_some() {
        r.editors = names;
    } else {
        r.authors = names;
    }
}

/// Reads the title, with a stray number, a volume or an edition taken out
/// of it, and returns the tail after it.
fn read_title(r: &mut Reference, rest: &str, quoted_titles: bool) -> String {
    let (title, tail) = split_title(rest, quoted_titles);
    if let Some(mut title) = title {
        if let Some(c) = STRAY_NUMBER.captures(&title) {
            let n = c[1].to_string();
            r.problems.push(Problem {
                kind: ProblemKind::StrayNumber,
                message: format!("the title starts with a stray number \"{n}\""),
                span: r.span.clone(),
            });
            title = title[n.len()..].trim_start().to_string();
        }
        if let Some(c) = VOLUME_PAREN.captures(&title) {
            r.volume = non_empty(&c[1]);
            let m = c.get(0).map_or(0..0, |m| m.range());
            title.replace_range(m, "");
        }
        let title = take_edition(r, &title);
        r.title = non_empty(&title);
    }
    tail
}

/// The type, the completeness check and the entry's text, once its fields
/// are read.
fn finish(mut r: Reference, full: &str, text: crate::text::Mapped) -> Reference {
    r.kind = classify(&r, full);
    if incomplete(&r) {
        r.problems.push(Problem {
            kind: ProblemKind::IncompleteReference,
            message: "no journal, book, publisher or URL".into(),
            span: r.span.clone(),
        });
    }
    r.text = text;
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{EntryType, Name};
    use crate::text::Mapped;

    fn p(s: &str) -> Reference {
        let mut m = Mapped::new();
        m.push_src(s, 0..s.len());
        parse(RawEntry {
            text: m,
            removed: vec![],
            merged: false,
        })
    }

    fn families(r: &Reference) -> Vec<&str> {
        r.authors.iter().map(|n| n.citation_name()).collect()
    }

    #[test]
    fn apa_journal_article() {
        let r = p(
            "Abdullah, P. K., & Moss, K. S. (2015). The impact of the cosmodrome \"Atacama\" on the environment and human health. International Journal of Biology and Chemistry, 9(1), 26–29.",
        );
        assert_eq!(families(&r), ["Abdullah", "Moss"]);
        assert_eq!(r.year.as_deref(), Some("2015"));
        assert_eq!(
            r.title.as_deref(),
            Some("The impact of the cosmodrome \"Atacama\" on the environment and human health")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("International Journal of Biology and Chemistry")
        );
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
            (Some("9"), Some("1"), Some("26–29"))
        );
        assert_eq!(r.kind, EntryType::Article);
    }

    #[test]
    fn question_mark_inside_and_at_end_of_titles() {
        let r = p(
            "Becker, M. (2011). Hegemonic parties: Towards authoritarianism? Communist and Post-Communist Studies, 44(3), 189–197.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Hegemonic parties: Towards authoritarianism?")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Communist and Post-Communist Studies")
        );
        let r = p(
            "Collins, S. N. (2003). Eurasian bridge or murky waters? Ideas, identity and output in foreign policy. Journal of Communist Studies, 19(3), 139–155.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Eurasian bridge or murky waters? Ideas, identity and output in foreign policy")
        );
        assert_eq!(r.container.as_deref(), Some("Journal of Communist Studies"));
    }

    #[test]
    fn organisation_author_with_url_is_online() {
        let r = p(
            "The Office of Public Sector Evaluation (2014). http://www.bagalau.kz/ru/med/smi/i224",
        );
        assert_eq!(
            r.authors,
            [Name::Literal {
                literal: "The Office of Public Sector Evaluation".into()
            }]
        );
        assert_eq!(
            r.url.as_deref(),
            Some("http://www.bagalau.kz/ru/med/smi/i224")
        );
        assert_eq!(r.kind, EntryType::Online);
        assert_eq!(r.title, None);
    }

    #[test]
    fn book_with_location_and_volume() {
        let r = p(
            "Poliakov, P. M. (2004). Against their will: The history of forced migrations in the USSR. Budapest and New York: Central European University Press.",
        );
        assert_eq!(r.kind, EntryType::Book);
        assert_eq!(r.location.as_deref(), Some("Budapest and New York"));
        assert_eq!(
            r.publisher.as_deref(),
            Some("Central European University Press")
        );
        let r = p(
            "Ingram, R. (2011). Party system formation in Ruritania: Between formal and informal politics (Vol. 26). Routledge.",
        );
        assert_eq!(r.volume.as_deref(), Some("26"));
        assert_eq!(
            r.title.as_deref(),
            Some("Party system formation in Ruritania: Between formal and informal politics")
        );
        assert_eq!(r.publisher.as_deref(), Some("Routledge"));
    }

    #[test]
    fn apa_chapter_with_editors_and_pages() {
        let r = p(
            "Charmaz, K. (2000). Grounded theory: objectivist methods. In N. K. Denzin & Y. Lincoln (Eds.), The handbook of qualitative research (pp. 509–535). Sage publications.",
        );
        assert_eq!(r.kind, EntryType::InCollection);
        assert_eq!(
            r.container.as_deref(),
            Some("The handbook of qualitative research")
        );
        assert_eq!(r.pages.as_deref(), Some("509–535"));
        assert_eq!(r.publisher.as_deref(), Some("Sage publications"));
        let eds: Vec<&str> = r.editors.iter().map(|n| n.citation_name()).collect();
        assert_eq!(eds, ["Denzin", "Lincoln"]);
    }

    #[test]
    fn chicago_article_and_natural_order_coauthors() {
        let r = p(
            "Arboit, A. E., L. S. Bufrem, and J. A. M. González. 2011. “A produção brasileira no exterior.” Perspectivas em Ciência da Informação 16 (3): 75–92. https://doi.org/10.1590/S1413-99362011000300006.",
        );
        assert_eq!(families(&r), ["Arboit", "Bufrem", "González"]);
        assert_eq!(r.year.as_deref(), Some("2011"));
        assert_eq!(
            r.title.as_deref(),
            Some("A produção brasileira no exterior")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Perspectivas em Ciência da Informação")
        );
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
            (Some("16"), Some("3"), Some("75–92"))
        );
        assert_eq!(r.doi.as_deref(), Some("10.1590/S1413-99362011000300006"));
    }

    #[test]
    fn generational_suffixes_and_capitalised_particles() {
        let chicago = p(
            "Brown, R., L. Dal Maso, and J. F. Fraumeni Jr. 1997. “Factors of risk.” Epidemiology 8: 75–79.",
        );
        assert_eq!(families(&chicago), ["Brown", "Dal Maso", "Fraumeni"]);
        let harvard = p(
            "Brown, R., Dal Maso, L. and Fraumeni, J.F. Jr (1997) Factors of risk. Epidemiology, 8, pp. 75–79.",
        );
        assert_eq!(families(&harvard), ["Brown", "Dal Maso", "Fraumeni"]);
        let apa =
            p("Brown, R., & Fraumeni, J. F., Jr. (1997). Factors of risk. Epidemiology, 8, 75–79.");
        assert_eq!(families(&apa), ["Brown", "Fraumeni"]);
    }

    #[test]
    fn journals_without_a_volume() {
        let cases = [
            (
                "(2007). A title here. Nature, 881–895.",
                "Nature",
                None,
                "881–895",
            ),
            (
                "(2007) A title here. Nature, pp. 881–895.",
                "Nature",
                None,
                "881–895",
            ),
            (
                "2007. “A title here.” Nature: 881–895.",
                "Nature",
                None,
                "881–895",
            ),
            ("(2007). A title here. SSRN, e7057.", "SSRN", None, "e7057"),
            (
                "(2007). A title here. SSRN, Article e7057.",
                "SSRN",
                None,
                "e7057",
            ),
            (
                "(2007). A title here. Nature, (11), 463–480.",
                "Nature",
                Some("11"),
                "463–480",
            ),
            (
                "2007. “A title here.” Nature (11): 463–480.",
                "Nature",
                Some("11"),
                "463–480",
            ),
        ];
        for (rest, journal, issue, pages) in cases {
            let text = format!("Lee, K. {rest}");
            let r = p(&text);
            assert_eq!(r.container.as_deref(), Some(journal), "{text}");
            assert_eq!(r.volume, None, "{text}");
            assert_eq!(r.issue.as_deref(), issue, "{text}");
            assert_eq!(r.pages.as_deref(), Some(pages), "{text}");
        }
        let r = p("Stotsky, J. (1996). Gender bias in tax systems. IMF Working Paper, No. 96/99.");
        assert_eq!(r.container.as_deref(), Some("IMF Working Paper"));
        assert_eq!(r.issue.as_deref(), Some("96/99"));
        // A report number is not an issue.
        let r =
            p("National Board. (2018). Indicators 2018. National Science Foundation (NSB-2018-1).");
        assert_eq!(r.issue, None);
    }

    #[test]
    fn chicago_undated_entries_and_particles_in_natural_order() {
        let r = p(
            "Park, Sarah J., and Pierre van der Berg. n.d. “Growth in a field.” BMC Public Health 66: 475–502.",
        );
        assert_eq!(families(&r), ["Park", "van der Berg"]);
        assert_eq!(r.year.as_deref(), Some("n.d."));
        assert_eq!(r.title.as_deref(), Some("Growth in a field"));
        let b = p("Okafor, N. (2013) Health equity. 3rd edn. Cambridge University Press.");
        assert_eq!(b.edition.as_deref(), Some("3rd edn"));
        assert_eq!(b.publisher.as_deref(), Some("Cambridge University Press"));
    }

    #[test]
    fn harvard_article_with_available_at() {
        let r = p(
            "Alves, E.S. and Pezzuto, P.R. (2009) Effect of cold fronts on beaches. Brazilian Journal of Oceanography, 57, pp. 73–94. Available at: https://doi.org/10.1590/S1679-87592009000200001",
        );
        assert_eq!(families(&r), ["Alves", "Pezzuto"]);
        assert_eq!(
            r.container.as_deref(),
            Some("Brazilian Journal of Oceanography")
        );
        assert_eq!(r.pages.as_deref(), Some("73–94"));
        assert_eq!(r.volume.as_deref(), Some("57"));
    }

    #[test]
    fn elife_house_style_names() {
        let r = p("Smith AB, Jones CD. 2015. A title here. Journal 12:34–56.");
        assert_eq!(families(&r), ["Smith", "Jones"]);
        assert_eq!(r.container.as_deref(), Some("Journal"));
        assert_eq!(r.pages.as_deref(), Some("34–56"));
    }

    #[test]
    fn ellipsis_and_et_al_truncate_the_author_list() {
        let r = p(
            "Tanaka, J., Hoshi, M., . . . Tsvetkova, N. J. (1999). External doses. Journal of Radiation Research, 40(4), 337–344.",
        );
        assert_eq!(families(&r), ["Tanaka", "Hoshi", "Tsvetkova"]);
        assert!(r.authors_truncated);
    }

    #[test]
    fn titles_with_periods_end_where_the_journal_starts() {
        let r = p(
            "Oeppen, J., & Vaupel, J. W. (2002). Demography. Broken limits to life expectancy. Science, 296, 1029–1031.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Demography. Broken limits to life expectancy")
        );
        assert_eq!(r.container.as_deref(), Some("Science"));
        assert_eq!(r.kind, EntryType::Article);
    }

    #[test]
    fn all_capital_organisations_and_departments_stay_whole() {
        let r = p("UNAIDS. (2010). AIDSInfo 1.0. http://www.aidsinfoonline.org/");
        assert_eq!(families(&r), ["UNAIDS"]);
        let r = p(
            "United Nations, Department of Economic and Social Affairs, Population Division. (2011). World population prospects. United Nations.",
        );
        assert_eq!(r.authors.len(), 1);
        let r = p(
            "United Nations, & Department of Economic and Social Affairs, Population Division. (2011). Prospects. United Nations.",
        );
        assert_eq!(
            families(&r),
            [
                "United Nations",
                "Department of Economic and Social Affairs, Population Division"
            ]
        );
    }

    #[test]
    fn apa_titles_may_start_with_a_quotation() {
        let r = p(
            "Campbell, J. L., & Göritz, A. S. (2017). “The devil made me do it!” An inquiry into rationalized corruption. Journal of Management Inquiry, 26(3), 239–255.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("“The devil made me do it!” An inquiry into rationalized corruption")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Journal of Management Inquiry")
        );
    }

    #[test]
    fn a_doi_inside_another_sites_url_stays_in_the_url() {
        let r = p(
            "Di Bitetti, M. S. (2017). Publish or perish. Ambio 46 (1): 121–127. https://link.springer.com/article/10.1007/s13280-016-0820-7.",
        );
        assert_eq!(
            r.url.as_deref(),
            Some("https://link.springer.com/article/10.1007/s13280-016-0820-7")
        );
        assert_eq!(r.doi, None);
        let r = p(
            "Abadal, E. (2021). Ciencia abierta. Arbor, 197(799), a588. https://doi.org/10.3989/arbor.2021.799003",
        );
        assert_eq!(r.doi.as_deref(), Some("10.3989/arbor.2021.799003"));
        assert_eq!(r.url, None);
    }

    #[test]
    fn a_journal_named_em_is_not_a_chapter() {
        let r = p("Filippo, D. (2015). O que o Brasil publica. Em Questão, 21(3), 43–63.");
        assert_eq!(r.container.as_deref(), Some("Em Questão"));
        assert_eq!(r.kind, EntryType::Article);
    }

    #[test]
    fn pages_inside_the_book_part_end_it() {
        let r = p(
            "Corkill, D. D. (1979). Hierarchical planning. In Proceedings of the Sixth International Joint Conference on Artificial Intelligence, pp. 168-175 Tokyo.",
        );
        assert_eq!(
            r.container.as_deref(),
            Some(
                "Proceedings of the Sixth International Joint Conference on Artificial Intelligence"
            )
        );
        assert_eq!(r.pages.as_deref(), Some("168-175"));
        assert_eq!(r.kind, EntryType::InProceedings);
    }

    #[test]
    fn chicago_years_and_editors() {
        let r = p("Manovich, L. 2001, 2002. The Language of New Media. The MIT Press.");
        assert_eq!(
            (r.year.as_deref(), r.other_years.as_slice()),
            (Some("2001"), &["2002".to_string()][..])
        );
        assert_eq!(r.title.as_deref(), Some("The Language of New Media"));
        let r = p(
            "L'OFFICE Français d'Edition, ed. 1945. Émile Reynaud, Peintre de films 1844-1918. Cinémathèque Française.",
        );
        assert_eq!(r.year.as_deref(), Some("1945"));
        assert_eq!(r.editors.len(), 1);
        assert!(r.authors.is_empty());
    }

    #[test]
    fn preprint_servers_and_repositories_are_containers() {
        let r = p(
            "Watson, J., & Leopold, S. J. (2019). Severe Malaria. GitHub. https://github.com/x/y",
        );
        assert_eq!(r.container.as_deref(), Some("GitHub"));
        assert_eq!(r.publisher, None);
        let r =
            p("Lee, K. (2020). A new model. bioRxiv. https://doi.org/10.1101/2020.01.01.123456");
        assert_eq!(r.container.as_deref(), Some("bioRxiv"));
    }

    #[test]
    fn types_from_the_tail() {
        let kind = |s: &str| p(s).kind;
        assert_eq!(
            kind("Stotsky, J. (1996). Gender bias in tax systems. IMF Working Paper, No. 96/99."),
            EntryType::Report
        );
        assert_eq!(
            kind("United Nations. (2012). World Mortality Report 2011. United Nations."),
            EntryType::Book
        );
        assert_eq!(
            kind(
                "Neubert, P. S. (2020). Publicação científica. 2020. Universidade Federal de Santa Catarina."
            ),
            EntryType::Thesis
        );
        assert_eq!(
            kind("Abel, R. (1994). The cinema. University of California Press."),
            EntryType::Book
        );
        assert_eq!(
            kind(
                "Weatherdon, L. V. (2016). Observed impacts on fisheries. Frontiers in Marine Science."
            ),
            EntryType::Article
        );
        assert_eq!(
            kind(
                "Boyle, A. C. (2008). Parliament. Central Asia-Caucasus Institute & Silk Road Studies Program."
            ),
            EntryType::Book
        );
        assert_eq!(
            kind("WHO. 2015. “Guidelines.” In Guidelines for the Treatment of Malaria. WHO Press."),
            EntryType::InCollection
        );
    }

    #[test]
    fn incomplete_entry_is_flagged() {
        let r = p("Okafor, I. (2013). The Ruritanian famine: The beginnings of sedentarization.");
        assert!(
            r.problems
                .iter()
                .any(|x| x.kind == ProblemKind::IncompleteReference)
        );
        assert_eq!(
            r.title.as_deref(),
            Some("The Ruritanian famine: The beginnings of sedentarization")
        );
    }

    #[test]
    fn chicago_chapter_edited_by() {
        let r = p(
            "Grown, C., and I. Valodia. 2010. “Taxation and gender.” In Taxation and Gender Equity, edited by C. Grown and I. Valodia, 1–20. Routledge.",
        );
        assert_eq!(r.kind, EntryType::InCollection);
        assert_eq!(r.container.as_deref(), Some("Taxation and Gender Equity"));
        assert_eq!(r.pages.as_deref(), Some("1–20"));
        assert_eq!(r.publisher.as_deref(), Some("Routledge"));
    }
}
