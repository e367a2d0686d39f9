//! Properties that hold for any input.

use citemap::analysis::analyze_extracted;
use citemap::input::extract::{Kind, extract};
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
        " apud ",
        "see ",
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
        assert!(a.claim_span(c).end <= n);
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
    fn sentence_case_titles_survive_a_style_that_sentence_cases(
        first in "[A-Z][a-z]{2,8}",
        words in prop::collection::vec(
            prop_oneof![
                4 => "[a-z]{2,9}",
                1 => "[A-Z][a-z]{2,9}",
                1 => "[A-Z]{2,5}",
                1 => "[a-z]{1,3}[A-Z][a-z]{2,5}",
                1 => "[a-z]{3,7}[:?!]",
            ],
            1..12,
        ),
    ) {
        // A capital in a sentence-case title is a proper noun, an acronym or
        // the word after a colon: styles must not lowercase any of them.
        let mut ws = vec![first];
        let mut after_colon = false;
        for w in words {
            let w = if after_colon { capitalise(&w) } else { w };
            after_colon = w.ends_with([':', '?', '!']);
            ws.push(w);
        }
        let title = ws.join(" ");
        prop_assume!(!citemap::render::bib::is_title_case(&title));
        let chunks = citemap::render::bib::title_chunks(&title);
        prop_assert_eq!(citemap::render::bib::sentence_cased(&chunks), title);
    }

    #[test]
    fn title_case_titles_protect_only_acronyms(
        words in prop::collection::vec(prop_oneof![4 => "[A-Z][a-z]{3,9}", 1 => "[A-Z]{2,4}"], 3..10),
    ) {
        let title = words.join(" ");
        prop_assume!(citemap::render::bib::is_title_case(&title));
        let chunks = citemap::render::bib::title_chunks(&title);
        use biblatex::ChunksExt;
        prop_assert_eq!(chunks.format_verbatim(), title.clone());
        for c in &chunks {
            if let biblatex::Chunk::Verbatim(v) = &c.v {
                prop_assert!(v.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase), "{v} in {title}");
            }
        }
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

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Markup-like text for one reader: its tags and commands mixed with words,
/// unbalanced and nested at random, so that the readers meet the broken
/// files that users really send.
fn markup(atoms: &'static [&'static str]) -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        4 => prop::sample::select(atoms).prop_map(str::to_string),
        2 => "[A-Za-z ]{1,12}",
        1 => any::<String>(),
        1 => Just("(Smith, 2001). ".to_string()),
    ];
    prop::collection::vec(atom, 0..80).prop_map(|v| v.concat())
}

const XML_ATOMS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:pStyle w:val=\"Heading1\"/>",
    "<w:pPr>",
    "</w:pPr>",
    "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
    "<text:h text:outline-level=\"1\">",
    "</text:h>",
    "<text:p>",
    "</text:p>",
    "<text:list>",
    "</text:list>",
    "<sec>",
    "</sec>",
    "<title>",
    "</title>",
    "<p>",
    "</p>",
    "<ref-list>",
    "<ref>",
    "</ref>",
    "<mixed-citation>",
    "</mixed-citation>",
    "<xref ref-type=\"bibr\" rid=\"b1\">",
    "</xref>",
    "&amp;",
    "&#x41;",
    "&bogus;",
    "<![CDATA[x]]>",
    "<!--",
    "-->",
    "<?pi?>",
    "<",
    ">",
    "\"",
];

const HTML_ATOMS: &[&str] = &[
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h3 class=x>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "<br>",
    "<li>",
    "<ol>",
    "<table><tr><td>",
    "&nbsp;",
    "&amp;",
    "<a href=\"#b1\">",
    "</a>",
    "<!--",
    "-->",
    "<",
    ">",
];

const LATEX_ATOMS: &[&str] = &[
    "\\section{",
    "\\subsection*{",
    "\\chapter{",
    "}",
    "{",
    "\\citep{",
    "\\citet[p.~3]{",
    "\\cite{a,b}",
    "\\begin{document}",
    "\\end{document}",
    "\\begin{thebibliography}{9}",
    "\\end{thebibliography}",
    "\\bibitem{a}",
    "\\emph{",
    "\\textbf{",
    "\\\\",
    "%",
    "$",
    "$$",
    "\\input{x}",
    "\\def\\x{",
    "\\verb|",
    "\\begin{verbatim}",
    "\\end{verbatim}",
    "[",
    "]",
    "\\",
    "~",
    "\n\n",
];

/// Wraps an XML body as the named part of a zip package.
fn zipped(part: &str, body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(part, zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(body.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// Whatever a reader makes of the bytes, it returns (text or a refusal),
/// and the analysis of its text keeps every span inside that text.
fn read_and_check(bytes: Vec<u8>, kind: Kind) {
    if let Ok(doc) = extract(bytes, kind, None) {
        let a = analyze_extracted(&doc, &Options::default());
        let n = doc.text.len();
        for c in &a.citations {
            assert!(c.span.end <= n && doc.text.is_char_boundary(c.span.start));
        }
        for r in &a.references {
            assert!(r.span.end <= n && doc.text.is_char_boundary(r.span.end));
        }
        assert!(doc.paragraphs.iter().all(|&p| p <= n));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn the_docx_reader_never_panics(s in markup(XML_ATOMS)) {
        let body = format!("<w:document xmlns:w=\"w\"><w:body>{s}</w:body></w:document>");
        read_and_check(zipped("word/document.xml", &body), Kind::Docx);
    }

    #[test]
    fn the_odt_reader_never_panics(s in markup(XML_ATOMS)) {
        let body = format!("<office:document-content><office:body><office:text>{s}</office:text></office:body></office:document-content>");
        read_and_check(zipped("content.xml", &body), Kind::Odt);
    }

    #[test]
    fn the_jats_reader_never_panics(s in markup(XML_ATOMS)) {
        read_and_check(format!("<?xml version=\"1.0\"?><article><body>{s}</body></article>").into_bytes(), Kind::Jats);
        read_and_check(s.into_bytes(), Kind::Jats);
    }

    #[test]
    fn the_html_reader_never_panics(s in markup(HTML_ATOMS)) {
        read_and_check(s.into_bytes(), Kind::Html);
    }

    #[test]
    fn the_latex_reader_never_panics(s in markup(LATEX_ATOMS)) {
        read_and_check(s.into_bytes(), Kind::Latex);
    }

    #[test]
    fn zipped_readers_refuse_arbitrary_bytes_without_panicking(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&b);
        read_and_check(zip.clone(), Kind::Docx);
        read_and_check(zip, Kind::Odt);
        read_and_check(b, Kind::Html);
    }
}

/// Keyed citations and libraries: the pieces of `\cite` commands, pandoc
/// brackets and library records, mixed and broken at random.
const KEYED_ATOMS: &[&str] = &[
    "\\citep",
    "\\citet",
    "\\parencites",
    "\\cite*",
    "[see]",
    "[p. 3]",
    "(pre)",
    "{a1,b2}",
    "{",
    "}",
    "[",
    "]",
    "[@a1",
    "; @b2",
    "-@",
    "@",
    "@{x y}",
    ", p. 4",
    "é",
    "\n",
];

const LIBRARY_ATOMS: &[&str] = &[
    "@article{a1,",
    "@book{b2,",
    "@string{j = \"J\"}",
    "author = {Ames, A. and {Org Name}},",
    "title = {T},",
    "date = {2001-02},",
    "crossref = {b2},",
    "}",
    "{",
    "[{\"id\": \"a1\", ",
    "\"issued\": {\"date-parts\": [[2001]]}",
    "}]",
    "TY  - JOUR\n",
    "ID  - a1\n",
    "AU  - Ames, A.\n",
    "ER  - \n",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn keyed_citations_stay_in_bounds(s in markup(KEYED_ATOMS)) {
        for c in citemap::citation::keyed::find(&s) {
            prop_assert!(c.span.start <= c.span.end && c.span.end <= s.len());
            prop_assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end));
            prop_assert!(!c.keyed.unwrap().key.is_empty());
        }
        check_spans(&s);
    }

    #[test]
    fn libraries_are_read_or_refused_and_links_stay_in_the_list(s in markup(LIBRARY_ATOMS), kind in 0usize..3) {
        let mut lib = citemap::library::Library::default();
        if lib.add(["l.bib", "l.json", "l.ris"][kind], &s).is_ok() {
            let doc = "# One\n\nText [@a1; @b2] and \\citep{a1}.\n";
            let options = Options { library: Some(std::sync::Arc::new(lib)), ..Default::default() };
            let a = analyze(doc, &options);
            for c in &a.citations {
                prop_assert!(c.link.reference.is_none_or(|r| r < a.references.len()));
            }
            let _ = citemap::check::check(&a, &citemap::check::CheckOptions::default());
        }
    }
}

/// Documents with what the safe fixes correct, at random: "and" and "&"
/// in both citation forms, proof marks in entries, a year without the
/// letter that one entry has.
fn fixable() -> impl Strategy<Value = String> {
    let cite = prop::sample::select(vec![
        "(Okafor and Lind, 2010)",
        "(Okafor & Lind, 2010)",
        "Okafor & Lind (2010)",
        "Okafor and Lind (2010)",
        "(Berg, 2015)",
        "(Berg, 2015a)",
        "(Berg & Park, 2015b)",
        "(see Okafor and Lind, 2010, p. 3)",
    ]);
    let word = prop::sample::select(vec![
        "Rivers", "rise", "and", "lakes", "dry.", "AuQ1", "&", "é",
    ]);
    let para = prop::collection::vec(
        prop_oneof![cite.prop_map(str::to_string), word.prop_map(str::to_string)],
        1..30,
    )
    .prop_map(|v| v.join(" "));
    let entry = prop::sample::select(vec![
        "Berg, K. (2015a). One lake. Water Journal, 1, 1–2.",
        "Berg, K., & Park, M. (2015b). Two lakes AuQ3. Water Journal, 2, 3–4.",
        "Okafor, J., & Lind, K. (2010). A book AuQ2 of rivers. Sage.",
        "Okafor, J., & Lind, K. (2010). A book of rivers AuQ7. Sage.",
    ]);
    (
        prop::collection::vec(para, 1..4),
        prop::collection::vec(entry, 1..5),
    )
        .prop_map(|(ps, es)| {
            let mut es = es;
            es.sort();
            es.dedup();
            document(&ps, &es)
        })
}

/// A document of paragraphs and a reference list.
fn document(paragraphs: &[String], entries: &[&str]) -> String {
    format!(
        "Introduction\n\n{}\n\nReferences\n\n{}\n",
        paragraphs.join("\n\n"),
        entries.join("\n")
    )
}

/// Fixing `doc` under `o` keeps every byte outside the edits, reaches a
/// point where no finding it fixed is left (of a code it fixed, only as
/// many findings remain as had no fix to begin with), and fixing again
/// changes nothing.
fn fixes_hold(doc: &str, o: &citemap::check::CheckOptions) -> Result<(), TestCaseError> {
    use citemap::check::{check, fix};
    let first = check(&analyze(doc, &Options::default()), o);
    let fixed_codes: Vec<_> = first
        .iter()
        .filter(|d| d.fix.is_some())
        .map(|d| d.code)
        .collect();
    let unfixable = |code| {
        first
            .iter()
            .filter(|d| d.code == code && d.fix.is_none())
            .count()
    };
    let mut text = doc.to_string();
    for _ in 0..6 {
        let diags = check(&analyze(&text, &Options::default()), o);
        let (next, n) = fix::apply(&text, &diags);
        if n == 0 {
            prop_assert_eq!(&next, &text);
            break;
        }
        let mut edits: Vec<&fix::Edit> = diags
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| &f.edits)
            .collect();
        edits.sort_by_key(|e| e.byte_start);
        // Before the first edit and after the last, the bytes are the same.
        let lo = edits[0].byte_start;
        let hi = edits.iter().map(|e| e.byte_end).max().unwrap_or(lo);
        prop_assert_eq!(&next[..lo], &text[..lo]);
        prop_assert!(next.ends_with(&text[hi..]));
        text = next;
    }
    let diags = check(&analyze(&text, &Options::default()), o);
    for &code in &fixed_codes {
        let left: Vec<_> = diags.iter().filter(|d| d.code == code).collect();
        prop_assert!(left.len() <= unfixable(code), "{:?}\n{}", left, text);
    }
    prop_assert!(diags.iter().all(|d| d.fix.is_none()), "{:?}", diags);
    prop_assert_eq!(fix::apply(&text, &diags).0, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Fixing keeps every byte no edit touches, reaches a point where
    /// nothing is left to fix, and fixing again changes nothing.
    #[test]
    fn fixes_keep_other_bytes_and_are_idempotent(doc in fixable()) {
        fixes_hold(&doc, &citemap::check::CheckOptions::default())?;
    }
}

/// Reference lists with the entry slips that a named APA 7 style fixes:
/// "and" before the last author, "pp." before an article's pages,
/// initials run together, "no date" and the year marked as other styles
/// mark them, a DOI in its old form, and works cited together out of
/// order.
fn entry_slips() -> impl Strategy<Value = String> {
    let entry = prop::sample::select(vec![
        "Berg, K., & Park, M. (2015). Two lakes. Water Journal, 2, 3–4.",
        "Berg, K., and Park, M. (2015). Two lakes. Water Journal, 2, 3–4.",
        "Cole, D. (2011). Roots. Water Journal, 4, pp. 10–19.",
        "Cole, D. (2011) Roots. Water Journal, 4, 10–19.",
        "Dahl, J.K. (2012). Stems. Water Journal, 5, 20–29.",
        "Dahl, J. K. 2012. Stems. Water Journal, 5, 20–29.",
        "Engel, M. (nd). Bark. Water Journal, 6, 30–39.",
        "Engel, M. (n.d.). Bark. Water Journal, 6, 30–39.",
        "Falk, R. (2013). Moss. Water Journal, 7, 40–49. doi:10.1000/moss.7",
        "Falk, R. (2013). Moss. Water Journal, 7, 40–49. https://doi.org/10.1000/moss.7",
    ]);
    let cite = prop::sample::select(vec![
        "(Falk, 2013; Berg & Park, 2015)",
        "(Berg & Park, 2015; Cole, 2011)",
        "(Dahl, 2012; Cole, 2011; Engel, n.d.)",
        "Cole (2011)",
        "(Engel, n.d.)",
    ]);
    let word = prop::sample::select(vec!["Lakes", "fill", "and", "dry.", "ó"]);
    let para = prop::collection::vec(
        prop_oneof![cite.prop_map(str::to_string), word.prop_map(str::to_string)],
        1..20,
    )
    .prop_map(|v| v.join(" "));
    (
        prop::collection::vec(para, 1..3),
        prop::collection::vec(entry, 1..8),
    )
        .prop_map(|(ps, es)| {
            // One form of each work, in the list's order.
            let mut es = es;
            es.sort_by_key(|e| e.split(',').next().unwrap_or("").to_string());
            es.dedup_by_key(|e| e.split(',').next().unwrap_or("").to_string());
            document(&ps, &es)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Under a named style, fixing the entries' forms keeps every byte
    /// outside the edits, leaves none of the fixed findings behind, and
    /// changes nothing when run again.
    #[test]
    fn entry_fixes_keep_other_bytes_leave_nothing_to_fix_and_are_idempotent(doc in entry_slips()) {
        use citemap::check::{CheckOptions, Style};
        fixes_hold(&doc, &CheckOptions { style: Style::Apa7, style_given: true, ..Default::default() })?;
    }
}
