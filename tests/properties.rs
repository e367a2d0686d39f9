//! Properties that hold for any input.

use citemap::reference::{EntryType, Name, Reference, key};
use citemap::render::bib::{Dialect, write};
use citemap::{Options, analyze};
use proptest::prelude::*;

/// Text with the pieces that steer the parser: parentheses, years,
/// capitals, periods, line breaks, reference headings, multibyte letters.
fn doc_like() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "(",
        ")",
        "Smith",
        "de Queiroz",
        "et al.",
        "&",
        "and",
        ", ",
        "; ",
        "2015",
        "2015a",
        "n.d.",
        "p. 12",
        ". ",
        "\n",
        "\n\n",
        "\n\n\n\n12\n\n\n",
        "References\n",
        "- ",
        "AuQ4 ",
        "*x*",
        "é",
        "—",
        "“",
        "”",
        "\r\n",
        "Figure 2.1 ",
        "Mañé-Garzón",
        "In ",
        "(Eds.)",
        "https://doi.org/10.1/x",
        "ﬁ",
        "\u{feff}",
        "infor- ",
        "collec-\n",
        "1. Introduction\n\n",
        "# Head\n",
    ]);
    prop::collection::vec(atoms, 0..120).prop_map(|v| v.concat())
}

fn check_spans(text: &str) {
    let a = analyze(text, &Options::default());
    let n = text.len();
    for c in &a.citations {
        assert!(c.span.start <= c.span.end && c.span.end <= n);
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        assert!(c.claim_span.end <= n);
        assert!(c.line >= 1 && c.column >= 1);
    }
    for r in &a.references {
        assert!(r.span.start <= r.span.end && r.span.end <= n);
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        for p in &r.problems {
            assert!(p.span.end <= n);
        }
    }
    let keys: std::collections::HashSet<&str> =
        a.references.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys.len(), a.references.len(), "keys are unique");
    // Every renderer copes with whatever the analysis holds.
    let mut sink = Vec::new();
    citemap::render::json::write(&a, &mut sink).unwrap();
    write(&a.references, Dialect::Biblatex, &mut sink).unwrap();
    let report = citemap::report::build(&a);
    citemap::render::markdown::write(&report, &mut sink).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_stay_in_the_input(s in any::<String>()) {
        check_spans(&s);
    }

    #[test]
    fn never_panics_on_document_like_text(s in doc_like()) {
        check_spans(&s);
    }

    #[test]
    fn titles_round_trip_through_bib(title in "[A-Za-z0-9 &%$#_{}~^:,.'?!é-]{1,60}") {
                // Titles come out of normalisation with whitespace folded.
        let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assume!(!t.is_empty());
        let r = Reference {
            key: "k2000".into(),
            kind: EntryType::Book,
            title: Some(t.clone()),
            year: Some("2000".into()),
            authors: vec![Name::Literal { literal: "A & B {Org}".into() }],
            ..Default::default()
        };
        let mut out = Vec::new();
        write(&[r], Dialect::Bibtex, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let bib = biblatex::Bibliography::parse(&text).expect("parses");
        use biblatex::ChunksExt;
        let back = bib.get("k2000").unwrap().title().unwrap().format_verbatim();
        prop_assert_eq!(back, t);
    }

    #[test]
    fn keys_are_always_unique(names in prop::collection::vec(("[A-Za-zé ]{0,8}", "(19|20)[0-9]{2}[ab]?", "[A-Za-z ]{0,12}"), 0..40)) {
        let mut refs: Vec<Reference> = names
            .into_iter()
            .map(|(n, y, t)| Reference {
                authors: vec![Name::Person { family: n, given: String::new() }],
                year: Some(y),
                title: Some(t),
                ..Default::default()
            })
            .collect();
        key::assign_keys(&mut refs);
        let keys: std::collections::HashSet<&str> = refs.iter().map(|r| r.key.as_str()).collect();
        prop_assert_eq!(keys.len(), refs.len());
        prop_assert!(refs.iter().all(|r| r.key.chars().all(|c| c.is_ascii_alphanumeric())));
    }
}
