//! One finding per root cause: each shape here once raised several errors,
//! or the wrong one. Neutral, hand-made documents.

use citemap::check::{CheckOptions, Code, Diagnostic, Style, check};
use citemap::{Options, analyze};

fn findings(body: &str, list: &str) -> Vec<(Code, String)> {
    let doc = format!("Introduction\n\n{body}\n\nReferences\n\n{list}");
    let a = analyze(&doc, &Options::default());
    let diags: Vec<Diagnostic> = check(
        &a,
        &CheckOptions {
            style: Style::Apa7,
            current_year: 2026,
            ..Default::default()
        },
    );
    diags
        .into_iter()
        .map(|d| (d.code, doc[d.span].to_string()))
        .collect()
}

fn codes(f: &[(Code, String)]) -> Vec<&'static str> {
    f.iter().map(|(c, _)| c.name()).collect()
}

#[test]
fn two_letters_swapped_is_a_near_miss_not_an_unresolved_citation() {
    let f = findings(
        "Rivers flood often (Mroris, 2012).",
        "Morris, T. (2012). Floods. Water Journal, 3, 1–9.\n",
    );
    assert_eq!(codes(&f), ["name-mismatch"], "{f:?}");
}

#[test]
fn a_work_listed_twice_is_one_error() {
    let f = findings(
        "Rivers flood often (Morris, 2012). They rise fast (Morris, 2012).",
        "Morris, T. (2012). Floods. Water Journal, 3, 1–9.\nMorris, T. (2012). Floods. Water Journal, 3, 1–9.\n",
    );
    assert_eq!(codes(&f), ["duplicate-reference"], "{f:?}");
}

#[test]
fn chapters_with_their_books_doi_are_not_duplicates() {
    let f = findings(
        "Rivers flood (Hart, 2010). Lakes dry (Moss, 2010).",
        "Hart, A. (2010). Rivers. In B. Cole (Ed.), Water (pp. 1–9). Delta Press. https://doi.org/10.1000/water\nMoss, C. (2010). Lakes. In B. Cole (Ed.), Water (pp. 10–19). Delta Press. https://doi.org/10.1000/water\n",
    );
    assert_eq!(codes(&f), ["shared-doi"], "{f:?}");
}

#[test]
fn a_sentence_adverb_is_not_an_author() {
    let f = findings(
        "Specifically, Morris and Lane (2012) measured floods.",
        "Morris, T., & Lane, P. (2012). Floods. Water Journal, 3, 1–9.\n",
    );
    assert!(f.is_empty(), "{f:?}");
    // Without the work in the list, the citation still starts at the name.
    let f = findings(
        "Specifically, Adams and Lane (2012) measured floods.",
        "Morris, T. (2012). Floods. Water Journal, 3, 1–9.\n",
    );
    assert!(
        f.iter()
            .any(|(c, t)| *c == Code::UnresolvedCitation && t == "Adams and Lane (2012)"),
        "{f:?}"
    );
}

#[test]
fn a_shared_co_author_does_not_make_a_citation_of_another_work() {
    let f = findings(
        "Rivers flood (Adams, Lane, & Price, 2012).",
        "Lane, P., & Morris, T. (2012). Floods. Water Journal, 3, 1–9.\nLane, P., & Quinn, R. (2012). Storms. Water Journal, 4, 1–9.\n",
    );
    let unresolved = f
        .iter()
        .filter(|(c, _)| *c == Code::UnresolvedCitation)
        .count();
    assert_eq!(unresolved, 1, "{f:?}");
    assert!(
        !f.iter().any(|(c, _)| *c == Code::AmbiguousCitation),
        "{f:?}"
    );
}

#[test]
fn never_a_silent_pass() {
    // Citations by key without a library to look them up in: one error
    // that says so, not one per key, and not a pass.
    let f = findings(
        "As shown \\citep[p. 3]{morris2012} and [@lane2016; @quinn2017].",
        "Morris, T. (2012). Floods. Water Journal, 3, 1–9.\n",
    );
    assert_eq!(codes(&f)[0], "no-reference-list", "{f:?}");
    assert_eq!(f[0].1, "\\citep[p. 3]{morris2012}");
    assert!(!codes(&f).contains(&"unknown-key"), "{f:?}");
    // Something keyed that cannot be read is named, never skipped.
    let f = findings(
        "As shown \\citep[p. 3]{morris2012 and more.",
        "Morris, T. (2012). Floods. Water Journal, 3, 1–9.\n",
    );
    assert_eq!(codes(&f), ["keyed-citations", "no-citations"], "{f:?}");
    // Nothing at all to check is said too.
    let a = analyze(
        "A title\n\nJust prose, with no sources.\n",
        &Options::default(),
    );
    let d = check(&a, &CheckOptions::default());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, Code::NoCitations);
    // Citations without a list: one error, not one per citation.
    let doc = "Introduction\n\nRivers flood (Morris, 2012). Lakes dry (Lane, 2010).\n";
    let a = analyze(doc, &Options::default());
    let d = check(&a, &CheckOptions::default());
    let names: Vec<&str> = d.iter().map(|x| x.code.name()).collect();
    assert_eq!(names, ["no-reference-list"], "{d:?}");
    assert_eq!(d[0].severity, citemap::check::Severity::Error);
}

fn findings_in(style: Style, body: &str, list: &str) -> Vec<(Code, String)> {
    let doc = format!("Introduction\n\n{body}\n\nReferences\n\n{list}");
    let a = analyze(&doc, &Options::default());
    check(
        &a,
        &CheckOptions {
            style,
            current_year: 2026,
            ..Default::default()
        },
    )
    .into_iter()
    .map(|d| (d.code, doc[d.span].to_string()))
    .collect()
}

#[test]
fn harvard_and_chicago_take_either_form_for_three_authors() {
    let list = "Abel, A., Bond, B. and Cole, C. (2001) Rivers. Water Journal, 3, pp. 1–9.\nDune, D. and Eyre, E. (2002) Lakes. Water Journal, 4, pp. 1–9.\nFinn, F., Gale, G., Hart, H. and Ives, I. (2003) Ponds. Water Journal, 5, pp. 1–9.\n";
    for style in [Style::Harvard, Style::Chicago] {
        let f = findings_in(
            style,
            "Rivers (Abel et al., 2001) and (Abel, Bond and Cole, 2001) flow.",
            list,
        );
        assert!(
            !f.iter().any(|(c, _)| *c == Code::EtAlUsage),
            "{style:?}: {f:?}"
        );
        // What no edition allows is still reported.
        let f = findings_in(
            style,
            "Rivers (Abel et al., 2001). Lakes (Dune et al., 2002). Ponds (Finn, Gale, Hart and Ives, 2003).",
            list,
        );
        let texts: Vec<&str> = f
            .iter()
            .filter(|(c, _)| *c == Code::EtAlUsage)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            texts,
            ["Dune et al., 2002", "Finn, Gale, Hart and Ives, 2003"],
            "{style:?}: {f:?}"
        );
    }
}

#[test]
fn an_organisation_whose_name_holds_a_conjunction_is_one_author() {
    let f = findings(
        "Counts rose (Instituto Nacional de Estudos e Pesquisas, 2019).",
        "Instituto Nacional de Estudos e Pesquisas. (2019). Census of schools. Author.\n",
    );
    assert!(!f.iter().any(|(c, _)| *c == Code::NameMismatch), "{f:?}");
}

#[test]
fn every_common_order_of_a_list_is_accepted_and_a_real_slip_is_not() {
    let cite = "Rivers (Berg, 2001; Lee, 2002; Lee, 2003; Moss & Abbot, 2006; Moss & Yale, 2004; Moss et al., 2005; Zane, 2007).";
    // One surname, two first authors by initials; a first author's works
    // grouped by co-authors (one, then "et al." by year); a particle
    // sorted under the surname proper.
    let list = "van den Berg, A. (2001). Rivers. Water Journal, 1, 1–9.\nLee, A., & Zeta, Z. (2002). Lakes. Water Journal, 2, 1–9.\nLee, B. (2003). Ponds. Water Journal, 3, 1–9.\nMoss, C., & Abbot, A. (2006). Fens. Water Journal, 6, 1–9.\nMoss, C., & Yale, Y. (2004). Bays. Water Journal, 4, 1–9.\nMoss, C., Abbot, A., & Burr, B. (2005). Seas. Water Journal, 5, 1–9.\nZane, Z. (2007). Bogs. Water Journal, 7, 1–9.\n";
    let f = findings(cite, list);
    assert!(!f.iter().any(|(c, _)| *c == Code::ReferenceOrder), "{f:?}");
    let slip = list.replace("Zane, Z. (2007)", "Able, Z. (2007)");
    let f = findings(&cite.replace("Zane, 2007", "Able, 2007"), &slip);
    assert_eq!(
        f.iter().filter(|(c, _)| *c == Code::ReferenceOrder).count(),
        1,
        "{f:?}"
    );
}
