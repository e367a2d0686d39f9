//! Structure-aware: the fuzzer's bytes choose a document's shape (headings,
//! paragraphs with citations, a reference list, Markdown or plain text,
//! line endings, PDF damage), so that mutations explore real documents
//! rather than random bytes, which almost never reach the linker or the
//! reference parser. Names and years come from small tables, so citations
//! and references meet. Beyond "no panic", it checks what must hold for any
//! document: spans inside the input on character boundaries, indices inside
//! their lists, and every output format written.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "Smith",
    "García",
    "van der Berg",
    "O'Neil",
    "Lee",
    "Müller",
    "Nguyen",
    "De Souza",
    "Kassen",
    "Wang",
    "Brown-Jones",
    "ŁUKASZ",
    "Ng",
];
const WORDS: &[&str] = &[
    "education",
    "policy",
    "open",
    "data",
    "the",
    "of",
    "in",
    "and",
    "study",
    "network",
    "effects",
    "on",
    "a",
    "review",
    "model",
    "Introduction",
    "Methods",
    "Results",
    "Discussion",
    "References",
    "Bibliography",
    "et al.",
    "pp.",
    "Vol.",
    "In",
    "(Eds.),",
    "doi:",
    "https://doi.org/10.1/x",
    "Journal",
    "Press",
    "University",
    "—",
    "“quoted”",
    "&",
    "see",
    "e.g.,",
    "cf.",
];
const HEADINGS: &[&str] = &[
    "Introduction",
    "Background",
    "Methods",
    "Material and Methods",
    "Results",
    "Discussion",
    "Conclusion",
    "Abstract",
    "Main text",
    "What drives adoption?",
    "Background: prior work",
    "ACKNOWLEDGEMENTS",
    "References",
    "Literature Cited",
    "Notes",
    "Appendix A",
];

#[derive(Arbitrary, Debug)]
struct Doc {
    markdown: bool,
    crlf: u8,
    blocks: Vec<Block>,
    refs_heading: u8,
    refs: Vec<Ref>,
    damage: Vec<Damage>,
}

#[derive(Arbitrary, Debug)]
enum Block {
    Heading {
        name: u8,
        number: Option<(u8, Option<u8>)>,
        caps: bool,
        level: u8,
    },
    Para(Vec<Piece>),
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Word(u8),
    Stop,
    Cite(Cite),
    Keyed(u8),
}

#[derive(Arbitrary, Debug)]
struct Cite {
    authors: Vec<u8>,
    year: u8,
    suffix: Option<u8>,
    narrative: bool,
    page: Option<u16>,
    prefix: bool,
    more: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct Ref {
    authors: Vec<(u8, u8)>,
    year: u8,
    suffix: Option<u8>,
    title: Vec<u8>,
    kind: u8,
    volume: u16,
    pages: (u16, u16),
    doi: bool,
    wrap: Option<u8>,
}

/// What PDF extraction does to text: a hyphen broken across lines, a page
/// number or running head dropped between lines, a stray control byte.
#[derive(Arbitrary, Debug)]
enum Damage {
    Hyphenate(u16),
    PageNumber(u16, u16),
    Control(u16, u8),
}

fn pick<'a>(t: &[&'a str], i: u8) -> &'a str {
    t[i as usize % t.len()]
}

fn year(y: u8, s: Option<u8>) -> String {
    let mut out = (1950 + u32::from(y % 80)).to_string();
    if let Some(s) = s {
        out.push(char::from(b'a' + s % 4));
    }
    out
}

fn authors(a: &[u8]) -> String {
    let names: Vec<&str> = a.iter().take(4).map(|&i| pick(NAMES, i)).collect();
    match names.len() {
        0 => pick(NAMES, 0).to_string(),
        1 | 2 => names.join(" & "),
        _ => format!("{} et al.", names[0]),
    }
}

fn cite(c: &Cite) -> String {
    let who = authors(&c.authors);
    let when = year(c.year, c.suffix);
    let page = c
        .page
        .map(|p| format!(", p. {}", p % 500))
        .unwrap_or_default();
    let more: String = c
        .more
        .iter()
        .take(3)
        .map(|&(a, y)| format!("; {}, {}", pick(NAMES, a), year(y, None)))
        .collect();
    let pre = if c.prefix { "see " } else { "" };
    if c.narrative {
        format!("{who} ({when}{page})")
    } else {
        format!("({pre}{who}, {when}{page}{more})")
    }
}

fn reference(r: &Ref) -> String {
    let names: Vec<String> = r
        .authors
        .iter()
        .take(6)
        .map(|&(n, i)| format!("{}, {}.", pick(NAMES, n), char::from(b'A' + i % 26)))
        .collect();
    let who = if names.is_empty() {
        "Anon, A.".to_string()
    } else {
        names.join(", ")
    };
    let title: Vec<&str> = r.title.iter().take(12).map(|&w| pick(WORDS, w)).collect();
    let title = if title.is_empty() {
        "Untitled".to_string()
    } else {
        title.join(" ")
    };
    let when = year(r.year, r.suffix);
    let (a, b) = (r.pages.0 % 900 + 1, r.pages.1 % 900 + 1);
    let mut s = match r.kind % 4 {
        0 => format!(
            "{who} ({when}). {title}. Journal of Things, {}, {a}-{b}.",
            r.volume % 99
        ),
        1 => format!("{who} ({when}). {title}. City: Some Press."),
        2 => format!("{who} ({when}). {title}. In B. Editor (Ed.), Big book (pp. {a}-{b}). Press."),
        _ => format!("{who} ({when}). {title} [Data set]. https://example.org/{a}"),
    };
    if r.doi {
        s.push_str(&format!(" https://doi.org/10.{}/{b}", 1000 + a));
    }
    if let Some(w) = r.wrap {
        // A PDF wraps long entries: the continuation line is indented.
        let mut at = (w as usize * 3) % s.len().max(1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        if let Some(sp) = s[at..].find(' ').map(|i| at + i) {
            s.replace_range(sp..sp + 1, "\n   ");
        }
    }
    s
}

fn render(d: &Doc) -> String {
    let mut s = String::new();
    for b in d.blocks.iter().take(64) {
        match b {
            Block::Heading {
                name,
                number,
                caps,
                level,
            } => {
                let mut h = pick(HEADINGS, *name).to_string();
                if *caps {
                    h = h.to_uppercase();
                }
                if let Some((n, sub)) = number {
                    let num = match sub {
                        Some(m) => format!("{}.{} ", n % 12, m % 9),
                        None => format!("{}. ", n % 12),
                    };
                    h = num + &h;
                }
                if d.markdown {
                    h = format!("{} {h}", "#".repeat(1 + *level as usize % 3));
                }
                s.push_str(&h);
                s.push_str("\n\n");
            }
            Block::Para(pieces) => {
                for p in pieces.iter().take(200) {
                    match p {
                        Piece::Word(w) => s.push_str(pick(WORDS, *w)),
                        Piece::Stop => s.push('.'),
                        Piece::Cite(c) => s.push_str(&cite(c)),
                        Piece::Keyed(k) => s.push_str(&format!(
                            "[@{}{}]",
                            pick(NAMES, *k).to_lowercase(),
                            2000 + u32::from(*k % 20)
                        )),
                    }
                    s.push(' ');
                }
                s.push_str("\n\n");
            }
        }
    }
    let heading = pick(
        &[
            "References",
            "REFERENCES",
            "Bibliography",
            "Works Cited",
            "Referências",
        ],
        d.refs_heading,
    );
    s.push_str(if d.markdown { "# " } else { "" });
    s.push_str(heading);
    s.push_str("\n\n");
    for r in d.refs.iter().take(64) {
        s.push_str(&reference(r));
        s.push('\n');
    }
    for dmg in d.damage.iter().take(8) {
        let n = s.len().max(1);
        let at = |i: u16| {
            let mut i = i as usize % n;
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        match *dmg {
            Damage::Hyphenate(i) => {
                let i = at(i);
                s.insert_str(i, "-\n");
            }
            Damage::PageNumber(i, p) => {
                let i = at(i);
                if let Some(nl) = s[i..].find('\n').map(|k| i + k + 1) {
                    s.insert_str(nl, &format!("{}\n", p % 400));
                }
            }
            Damage::Control(i, c) => {
                let i = at(i);
                s.insert(i, char::from(c % 32));
            }
        }
    }
    match d.crlf % 3 {
        1 => s.replace('\n', "\r\n"),
        2 => s.replace('\n', "\r"),
        _ => s,
    }
}

fuzz_target!(|d: Doc| {
    let text = render(&d);
    let format = if d.markdown {
        citemap::input::Format::Markdown
    } else {
        citemap::input::Format::Text
    };
    let opts = citemap::Options {
        format,
        ..Default::default()
    };
    let a = citemap::analyze(&text, &opts);
    let n = text.len();
    let inside = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= n
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for c in &a.citations {
        assert!(inside(&c.span), "citation span {:?}", c.span);
        let claim_span = a.claim_span(c);
        assert!(inside(&claim_span), "claim span {claim_span:?}");
        assert!(c.link.reference.is_none_or(|r| r < a.references.len()));
        assert!(c.dimension.is_none_or(|i| i < a.document.dimensions.len()));
    }
    for r in &a.references {
        assert!(inside(&r.span), "reference span {:?}", r.span);
    }
    for h in &a.document.headings {
        assert!(inside(&h.span), "heading span {:?}", h.span);
    }
    let mut sink = Vec::new();
    citemap::render::json::write(&a, &mut sink).unwrap();
    for dialect in [
        citemap::render::bib::Dialect::Bibtex,
        citemap::render::bib::Dialect::Biblatex,
    ] {
        citemap::render::bib::write(&a.references, dialect, &mut sink).unwrap();
    }
    citemap::render::csl::write(&a.references, &mut sink).unwrap();
    citemap::render::ris::write(&a.references, &mut sink).unwrap();
    let report = citemap::report::build(&a);
    citemap::render::html::write(&a, &report, "fuzz", &mut sink).unwrap();
    let diags = citemap::check::check(&a, &citemap::check::CheckOptions::default());
    citemap::render::diagnostics::human(&diags, &a.source, "fuzz", false, &mut sink).unwrap();
});
