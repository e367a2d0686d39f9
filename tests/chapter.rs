//! The reference chapter end to end: Kassen (2016), chapter 2.
//!
//! Expected values are written out here, checked by hand against the
//! chapter, so a change that moves any of them is seen.

use citemap::link::Match;
use citemap::reference::{EntryType, Name};
use citemap::{Analysis, Options, analyze};
use std::sync::LazyLock;

const CHAPTER: &str = include_str!("../examples/kassen2016/chapter.txt");

static ANALYSIS: LazyLock<Analysis> = LazyLock::new(|| analyze(CHAPTER, &Options::default()));

/// (line, text as written, key, dimension heading before its colon)
const CITATIONS: &[(usize, &str, &str, &str)] = &[
    (32, "Warf, 2013", "warf2013central", "The geography"),
    (
        62,
        "Olcott, 1981",
        "olcott1981collectivization",
        "The national history",
    ),
    (
        62,
        "Pianciola, 2001",
        "pianciola2001collectivization",
        "The national history",
    ),
    (
        62,
        "Ohayon, 2013",
        "ohayon2013kazakh",
        "The national history",
    ),
    (
        62,
        "Takada et al., 1999",
        "takada1999external",
        "The national history",
    ),
    (
        62,
        "Simon, Baverstock & Lindholm, 2003",
        "simon2003summary",
        "The national history",
    ),
    (
        62,
        "Micklin, 2007",
        "micklin2007aral",
        "The national history",
    ),
    (
        62,
        "Carlsen et al., 2010",
        "carlsen2010space",
        "The national history",
    ),
    (
        62,
        "Abdrazak & Musa, 2015",
        "abdrazak2015impact",
        "The national history",
    ),
    (
        70,
        "Diener, 2002",
        "diener2002national",
        "The national history",
    ),
    (
        70,
        "The e-history project, 2015",
        "history2015",
        "The national history",
    ),
    (
        70,
        "The e-culture project, 2015",
        "culture2015",
        "The national history",
    ),
    (87, "Brown, 1990", "brown1990public", "The national history"),
    (
        115,
        "Isaacs, 2011",
        "isaacs2011party",
        "The political system",
    ),
    (
        115,
        "Bader (2011)",
        "bader2011hegemonic",
        "The political system",
    ),
    (
        115,
        "Bowyer (2008)",
        "bowyer2008parliament",
        "The political system",
    ),
    (
        117,
        "Kassen, 2015",
        "kassen2015understanding",
        "The political system",
    ),
    (
        117,
        "Stier, 2015",
        "stier2015political",
        "The political system",
    ),
    (
        145,
        "Polian, 2004",
        "polian2004against",
        "The social system",
    ),
    (
        145,
        "Kendirbaeva, 1997",
        "kendirbaeva1997migrations",
        "The social system",
    ),
    (
        147,
        "Zhilstroysberbank project, 2015",
        "zhilstroysberbank2015",
        "The social system",
    ),
    (
        155,
        "The e-government of Kazakhstan, 2015",
        "government2015",
        "The social system",
    ),
    (
        175,
        "Emrich-Bakenova, 2009",
        "emrichbakenova2009trajectory",
        "The public administration system",
    ),
    (
        183,
        "Perlman & Gleason, 2007",
        "perlman2007cultural",
        "The public administration system",
    ),
    (
        183,
        "The Center of Government Efficiency Evaluation, 2014",
        "center2014",
        "The public administration system",
    ),
    (
        185,
        "Welsh, 1996",
        "welsh1996dealing",
        "The public administration system",
    ),
    (
        223,
        "Kutan & Wyzan, 2005",
        "kutan2005explaining",
        "The economy of Kazakhstan",
    ),
    (
        237,
        "Raballand, 2003",
        "raballand2003determinants",
        "The economy of Kazakhstan",
    ),
    (
        257,
        "Bhuiyan, 2010",
        "bhuiyan2010government",
        "The telecommunication industry",
    ),
    (
        265,
        "The Kazakh Agency of Statistics, 2015",
        "kazakh2015a",
        "The telecommunication industry",
    ),
    (
        267,
        "Bhuiyan, 2010",
        "bhuiyan2010government",
        "The telecommunication industry",
    ),
    (
        267,
        "Janenova, 2010",
        "janenova2010government",
        "The telecommunication industry",
    ),
    (
        295,
        "The United Nations Radio, 2015",
        "united2015",
        "The nongovernmental sector",
    ),
    (
        297,
        "Diachenko, 2008",
        "diachenko2008government",
        "The nongovernmental sector",
    ),
    (
        297,
        "Luong & Weinthal, 1999",
        "luong1999ngo",
        "The nongovernmental sector",
    ),
    (
        327,
        "Kenny & Gross, 2008",
        "kenny2008journalism",
        "The mass media sphere",
    ),
    (
        327,
        "Terry, 2005",
        "terry2005postcard",
        "The mass media sphere",
    ),
    (
        337,
        "The Kazakh TV channel, 2015",
        "kazakh2015b",
        "The mass media sphere",
    ),
    (367, "Marat, 2009", "marat2009nation", "The foreign policy"),
    (
        367,
        "Cummings (2003)",
        "cummings2003eurasian",
        "The foreign policy",
    ),
    (
        375,
        "Melvin, 2009",
        "melvin2009european",
        "The foreign policy",
    ),
    (
        375,
        "Schatz, 2008",
        "schatz2008transnational",
        "The foreign policy",
    ),
];

/// (key, type, first author, number of authors, year, container / publisher / url)
type ExpectedReference = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
    Option<&'static str>,
);
const REFERENCES: &[ExpectedReference] = &[
    (
        "abdrazak2015impact",
        "article",
        "Abdrazak",
        2,
        "2015",
        Some("International Journal of Biology and Chemistry"),
    ),
    (
        "bader2011hegemonic",
        "article",
        "Bader",
        1,
        "2011",
        Some("Communist and Post-Communist Studies"),
    ),
    (
        "bhuiyan2010government",
        "article",
        "Bhuiyan",
        1,
        "2010",
        Some("Public Organization Review"),
    ),
    (
        "bowyer2008parliament",
        "book",
        "Bowyer",
        1,
        "2008",
        Some("Central Asia-Caucasus Institute & Silk Road Studies Program"),
    ),
    (
        "brown1990public",
        "article",
        "Brown",
        1,
        "1990",
        Some("Central Asian Survey"),
    ),
    (
        "carlsen2010space",
        "article",
        "Carlsen",
        4,
        "2010",
        Some("International Journal of Environmental Sciences"),
    ),
    (
        "center2014",
        "online",
        "The Center of Government Efficiency Evaluation",
        1,
        "2014",
        Some("http://www.bagalau.kz/ru/med/smi/i224"),
    ),
    (
        "cummings2003eurasian",
        "article",
        "Cummings",
        1,
        "2003",
        Some("Journal of Communist Studies and Transition Politics"),
    ),
    (
        "diachenko2008government",
        "book",
        "Diachenko",
        1,
        "2008",
        Some("CA&CC Press"),
    ),
    (
        "diener2002national",
        "article",
        "Diener",
        1,
        "2002",
        Some("Eurasian Geography and Economics"),
    ),
    (
        "culture2015",
        "online",
        "The E-Culture Project",
        1,
        "2015",
        Some("http://www.madenimura.kz/en/"),
    ),
    (
        "government2015",
        "online",
        "The E-Government of Kazakhstan",
        1,
        "2015",
        Some("www.egov.kz"),
    ),
    (
        "history2015",
        "online",
        "The E-History Project",
        1,
        "2015",
        Some("http://e-history.kz/en"),
    ),
    (
        "emrichbakenova2009trajectory",
        "article",
        "Emrich-Bakenova",
        1,
        "2009",
        Some("Governance"),
    ),
    (
        "isaacs2011party",
        "book",
        "Isaacs",
        1,
        "2011",
        Some("Routledge"),
    ),
    (
        "janenova2010government",
        "inproceedings",
        "Janenova",
        1,
        "2010",
        Some("18th NISPAcee Annual Conference \"Public Administration in Times of Crisis\""),
    ),
    (
        "kassen2015understanding",
        "book",
        "Kassen",
        1,
        "2015",
        Some("Lexington Books"),
    ),
    (
        "kazakh2015a",
        "online",
        "The Kazakh Agency of Statistics",
        1,
        "2015",
        Some("http://www.stat.gov.kz"),
    ),
    (
        "kazakh2015b",
        "online",
        "The Kazakh TV Channel",
        1,
        "2015",
        Some("http://kazakh-tv.kz"),
    ),
    (
        "kendirbaeva1997migrations",
        "article",
        "Kendirbaeva",
        1,
        "1997",
        Some("Nationalities Papers"),
    ),
    (
        "kenny2008journalism",
        "article",
        "Kenny",
        2,
        "2008",
        Some("The International Journal of Press/Politics"),
    ),
    (
        "kutan2005explaining",
        "article",
        "Kutan",
        2,
        "2005",
        Some("Economic Systems"),
    ),
    (
        "luong1999ngo",
        "article",
        "Luong",
        2,
        "1999",
        Some("Europe-Asia Studies"),
    ),
    (
        "marat2009nation",
        "article",
        "Marat",
        1,
        "2009",
        Some("Europe-Asia Studies"),
    ),
    (
        "melvin2009european",
        "article",
        "Melvin",
        1,
        "2009",
        Some("Security and Human Rights"),
    ),
    (
        "micklin2007aral",
        "article",
        "Micklin",
        1,
        "2007",
        Some("Annual Review of Earth and Planetary Sciences"),
    ),
    ("ohayon2013kazakh", "misc", "Ohayon", 1, "2013", None),
    (
        "olcott1981collectivization",
        "article",
        "Olcott",
        1,
        "1981",
        Some("Russian Review"),
    ),
    (
        "perlman2007cultural",
        "article",
        "Perlman",
        2,
        "2007",
        Some("International Journal of Public Administration"),
    ),
    (
        "pianciola2001collectivization",
        "article",
        "Pianciola",
        1,
        "2001",
        Some("Harvard Ukrainian Studies"),
    ),
    (
        "polian2004against",
        "book",
        "Polian",
        1,
        "2004",
        Some("Central European University Press"),
    ),
    (
        "raballand2003determinants",
        "article",
        "Raballand",
        1,
        "2003",
        Some("Comparative Economic Studies"),
    ),
    (
        "schatz2008transnational",
        "article",
        "Schatz",
        1,
        "2008",
        Some("Slavic Review"),
    ),
    (
        "simon2003summary",
        "article",
        "Simon",
        3,
        "2003",
        Some("Health Physics"),
    ),
    (
        "stier2015political",
        "article",
        "Stier",
        1,
        "2015",
        Some("Government Information Quarterly"),
    ),
    (
        "takada1999external",
        "article",
        "Takada",
        7,
        "1999",
        Some("Journal of Radiation Research"),
    ),
    (
        "terry2005postcard",
        "article",
        "Terry",
        1,
        "2005",
        Some("Public Relations Review"),
    ),
    (
        "united2015",
        "online",
        "The United Nations Radio",
        1,
        "2015",
        Some("http://www.unmultimedia.org/radio/russian/archives/203611/"),
    ),
    (
        "warf2013central",
        "incollection",
        "Warf",
        1,
        "2013",
        Some("The Digital Divide"),
    ),
    (
        "welsh1996dealing",
        "article",
        "Welsh",
        1,
        "1996",
        Some("Europe-Asia Studies"),
    ),
    (
        "zhilstroysberbank2015",
        "online",
        "The Zhilstroysberbank Project",
        1,
        "2015",
        Some("www.hcsbk.kz"),
    ),
];

fn type_name(t: EntryType) -> String {
    serde_json::to_value(t)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_reference_with_type_and_fields() {
    let a = &*ANALYSIS;
    assert_eq!(a.references.len(), 41);
    for (r, &(key, ty, first, n, year, where_)) in a.references.iter().zip(REFERENCES) {
        assert_eq!(r.key, key);
        assert_eq!(type_name(r.kind), ty, "{key}");
        assert_eq!(r.authors[0].citation_name(), first, "{key}");
        assert_eq!(r.authors.len(), n, "{key}");
        assert_eq!(r.year.as_deref(), Some(year), "{key}");
        let got = r
            .container
            .as_deref()
            .or(r.publisher.as_deref())
            .or(r.url.as_deref());
        assert_eq!(got, where_, "{key}");
        // Every span points at the entry in the original bytes.
        let raw = &CHAPTER[r.span.clone()];
        assert!(raw.contains(first), "{key}: {raw}");
    }
}

#[test]
fn every_citation_found_linked_and_placed() {
    let a = &*ANALYSIS;
    assert_eq!(a.citations.len(), 42);
    for (c, &(line, text, key, dim)) in a.citations.iter().zip(CITATIONS) {
        assert_eq!((c.line, a.written(c)), (line, text));
        assert_eq!(&CHAPTER[c.span.clone()], text, "span of {text}");
        let r = c.link.reference.expect(text);
        assert_eq!(a.references[r].key, key, "{text}");
        let d = c.dimension.expect(text);
        assert!(a.document.dimensions[d].heading.starts_with(dim), "{text}");
    }
}

#[test]
fn claims_are_whole_clean_sentences() {
    let a = &*ANALYSIS;
    for c in &a.citations {
        let claim = a.claim(c);
        assert!(claim.starts_with(|ch: char| ch.is_uppercase()), "{claim}");
        assert!(claim.ends_with(['.', '?', '!', '"']), "{claim}");
        assert!(!claim.contains("  ") && !claim.contains('\n'), "{claim}");
        assert!(claim.contains(a.written(c)), "{claim}");
    }
    // Joined across a page-break gap.
    assert_eq!(
        a.claim(&a.citations[0]),
        "This fact makes the task of e-government realization logistically challenging, because the large area of the country also implies a higher cost of infrastructure creation, especially in building the telecommunication lines and networks in remote rural areas, which are necessary for successful implementation of various ICT-driven public sector reforms, and partly explains the interest of the nation in the development of satellite technologies (Warf, 2013), which could potentially decrease the price of telecommunication services."
    );
    // Joined around a figure caption and its source line.
    let brown = a
        .citations
        .iter()
        .find(|c| a.written(c) == "Brown, 1990")
        .unwrap();
    assert!(
        a.claim(brown)
            .contains("could be associated with the rise of various environmental movements")
    );
    assert!(!a.claim(brown).contains("Figure 2.1"));
    // Several works in one sentence share it.
    let bader = a
        .citations
        .iter()
        .find(|c| a.written(c) == "Bader (2011)")
        .unwrap();
    let bowyer = a
        .citations
        .iter()
        .find(|c| a.written(c) == "Bowyer (2008)")
        .unwrap();
    assert_eq!(a.claim(bader), a.claim(bowyer));
}

#[test]
fn ten_dimensions_in_order_after_the_front_matter() {
    let a = &*ANALYSIS;
    let heads: Vec<&str> = a
        .document
        .dimensions
        .iter()
        .map(|d| d.heading.split(':').next().unwrap())
        .collect();
    assert_eq!(
        heads[2..],
        [
            "The geography",
            "The national history",
            "The political system",
            "The social system",
            "The public administration system",
            "The economy of Kazakhstan",
            "The telecommunication industry",
            "The nongovernmental sector",
            "The mass media sphere",
            "The foreign policy",
        ]
    );
    // Front matter: the title section and the framework, each its own
    // top-level section (see README, "Dimensions").
    assert_eq!(
        heads[..2],
        [
            "2 The country context analysis of Kazakhstan",
            "The framework for the country context analysis"
        ]
    );
    for sub in [
        "Key features",
        "Implications for e-government",
        "CHALLENGES",
        "PROMISES",
    ] {
        assert!(
            !heads.iter().any(|h| h.starts_with(sub)),
            "{sub} is not a dimension"
        );
    }
}

#[test]
fn damage_is_recorded_not_guessed() {
    let a = &*ANALYSIS;
    let problems = |key: &str| -> Vec<&str> {
        a.references
            .iter()
            .find(|r| r.key == key)
            .unwrap()
            .problems
            .iter()
            .map(|p| p.kind.name())
            .collect()
    };
    for key in [
        "bowyer2008parliament",
        "isaacs2011party",
        "kassen2015understanding",
        "warf2013central",
    ] {
        assert!(problems(key).contains(&"proof-marker"), "{key}");
    }
    assert!(problems("warf2013central").contains(&"merged-references"));
    assert!(problems("welsh1996dealing").contains(&"merged-references"));
    assert!(problems("ohayon2013kazakh").contains(&"incomplete-reference"));
    assert!(problems("warf2013central").contains(&"stray-number"));
    let isaacs = a
        .references
        .iter()
        .find(|r| r.key == "isaacs2011party")
        .unwrap();
    assert_eq!(
        isaacs.title.as_deref(),
        Some("Party system formation in Kazakhstan: Between formal and informal politics")
    );
    let takada = a
        .references
        .iter()
        .find(|r| r.key == "takada1999external")
        .unwrap();
    assert!(takada.authors_truncated);
    let center = a.references.iter().find(|r| r.key == "center2014").unwrap();
    assert!(
        matches!(&center.authors[0], Name::Literal { literal } if literal == "The Center of Government Efficiency Evaluation")
    );
}

#[test]
fn the_dropped_article_is_a_fuzzy_match_with_its_reason() {
    let a = &*ANALYSIS;
    let z = a
        .citations
        .iter()
        .find(|c| a.written(c).starts_with("Zhilstroysberbank"))
        .unwrap();
    assert_eq!(
        a.references[z.link.reference.unwrap()].key,
        "zhilstroysberbank2015"
    );
    assert!(
        z.link
            .how
            .reason()
            .is_some_and(|r| r.contains("leading article"))
    );
    assert!(matches!(&z.link.how, Match::Fuzzy { .. }));
    let exact = a
        .citations
        .iter()
        .filter(|c| c.link.how == Match::Exact)
        .count();
    assert_eq!(exact, 41);
}

#[test]
fn no_false_citations_in_the_chapter() {
    let a = &*ANALYSIS;
    for c in &a.citations {
        for not in [
            "KZT",
            "oblys",
            "Vol. 26",
            "figure 2.1",
            "pp.8-28",
            "Kassen, M. (2016)",
        ] {
            assert!(!a.written(c).contains(not), "{}", a.written(c));
        }
    }
}
