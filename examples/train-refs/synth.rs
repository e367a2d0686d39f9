//! Labelled reference strings rendered from random records, in the styles
//! the public data sets hold few of: APA 6 and 7, Harvard, Chicago
//! author-date, Vancouver, MLA, IEEE, ABNT and German author-date.
//!
//! Each renderer follows its style guide as published, not any one
//! document; the records mix journal articles, books, chapters, reports,
//! theses and web pages, with organisations, particles, editions, issues,
//! article numbers, DOIs, URLs and missing dates. Every piece of a string
//! carries the label of its field, so the spans are exact.

use citemap::reference::tagger::train::Labelled;

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

const FAMILY: &[&str] = &[
    "Abara",
    "Bergström",
    "Castillo",
    "Dąbrowski",
    "Eze",
    "Fischer",
    "Gonçalves",
    "Haddad",
    "Ishikawa",
    "Jovanović",
    "Kaur",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Oduya",
    "Petrov",
    "Quintero",
    "Rahman",
    "Schmidt",
    "Tanaka",
    "Urquhart",
    "Varga",
    "Wójcik",
    "Xu",
    "Yilmaz",
    "Zimmermann",
    "Albrecht",
    "Brennan",
    "Carvalho",
    "Dimitriou",
    "Engel",
    "Farah",
    "Greco",
    "Hughes",
    "Iversen",
    "Jansen",
    "Kowal",
    "Laurent",
    "McKenna",
    "Novak",
    "O'Neill",
    "Park",
    "Ribeiro",
    "Sato",
    "Thompson",
    "Ueda",
    "Vogel",
    "Walsh",
    "Young",
    "Zhou",
    "Müller-Lang",
    "St. John",
    "Al-Khatib",
];
const GIVEN: &[&str] = &[
    "Ana",
    "Bruno",
    "Chiara",
    "David",
    "Elena",
    "Farid",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kemi",
    "Lars",
    "Maya",
    "Nils",
    "Olga",
    "Pedro",
    "Rosa",
    "Sven",
    "Tomás",
    "Uma",
    "Vera",
    "Wei",
    "Yara",
    "Zoltan",
    "Marie-Claire",
    "Jean-Luc",
    "Mary Ann",
];
const PARTICLES: &[&str] = &["van", "van der", "de", "da", "von", "del", "dos", "de la"];
const ORGS: &[&str] = &[
    "World Meteorological Organization",
    "European Environment Agency",
    "National Academies of Sciences",
    "Statistics Norway",
    "Instituto Nacional de Estadística",
    "Bundesamt für Naturschutz",
    "Food and Agriculture Organization",
    "UNESCO",
    "OECD",
    "Ministry of Health",
    "American Psychological Association",
    "Royal Society",
];
const WORDS: &[&str] = &[
    "analysis",
    "adaptive",
    "behaviour",
    "coastal",
    "community",
    "dynamics",
    "evidence",
    "framework",
    "growth",
    "health",
    "inequality",
    "learning",
    "migration",
    "model",
    "networks",
    "outcomes",
    "policy",
    "regional",
    "resilience",
    "soil",
    "spatial",
    "teachers",
    "urban",
    "water",
    "welfare",
    "youth",
    "climate",
    "memory",
    "language",
    "markets",
    "trust",
    "ecology",
    "risk",
    "rural",
    "digital",
    "reform",
    "identity",
    "households",
    "forests",
    "governance",
    "measurement",
    "perception",
    "selection",
    "evolution",
    "transport",
];
const JOINERS: &[&str] = &[
    "of", "in", "and", "for", "on", "from", "among", "under", "across",
];
const JOURNAL_HEADS: &[&str] = &[
    "Journal of",
    "Annals of",
    "Review of",
    "Studies in",
    "Advances in",
    "Bulletin of",
    "International Journal of",
    "Zeitschrift für",
    "Revista de",
    "Quarterly Journal of",
];
const JOURNAL_TAILS: &[&str] = &[
    "Regional Science",
    "Applied Linguistics",
    "Soil Biology",
    "Urban Affairs",
    "Public Policy",
    "Marine Ecology",
    "Social Research",
    "Educational Psychology",
    "Development Economics",
    "Medieval History",
    "Hydrology",
    "Cognitive Science",
    "Rural Studies",
    "Tourism Research",
];
const JOURNAL_NAMES: &[&str] = &[
    "Ecology Letters",
    "Social Forces",
    "Demography",
    "Geoforum",
    "Antipode",
    "Cognition",
    "Land Use Policy",
    "Water Research",
    "World Development",
    "Psychological Science",
];
const PUBLISHERS: &[&str] = &[
    "Polity Press",
    "Verso",
    "Springer",
    "Palgrave Macmillan",
    "Edward Elgar",
    "Wiley-Blackwell",
    "Columbia University Press",
    "Editora UFMG",
    "Campus Verlag",
    "Presses Universitaires de Rennes",
    "Zed Books",
    "Island Press",
    "Earthscan",
    "De Gruyter",
    "Brill",
    "Karthala",
];
const PLACES: &[&str] = &[
    "Cambridge",
    "London",
    "New York",
    "Berlin",
    "Belo Horizonte",
    "Frankfurt am Main",
    "Rennes",
    "Washington, DC",
    "Cheltenham",
    "Leiden",
    "Paris",
    "Chicago",
    "Oxford",
    "Toronto",
];
const UNIVERSITIES: &[&str] = &[
    "University of Leeds",
    "Universidade de São Paulo",
    "Stockholm University",
    "University of Toronto",
    "Universität Wien",
    "Monash University",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Clone)]
struct Person {
    family: String,
    given: Vec<String>,
    org: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Article,
    Book,
    Chapter,
    Report,
    Thesis,
    Web,
}

struct Record {
    kind: Kind,
    authors: Vec<Person>,
    editors: Vec<Person>,
    year: Option<String>,
    suffix: Option<char>,
    title: String,
    container: String,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<(u32, u32)>,
    article_no: Option<String>,
    publisher: String,
    place: String,
    edition: Option<u32>,
    doi: Option<String>,
    url: Option<String>,
    accessed: Option<(u32, &'static str, u32)>,
    report_no: Option<String>,
}

fn person(rng: &mut Rng) -> Person {
    let mut family = rng.pick(FAMILY).to_string();
    if rng.chance(0.08) {
        family = format!("{} {}", rng.pick(PARTICLES), family);
    }
    let n = if rng.chance(0.3) { 2 } else { 1 };
    let given = (0..n).map(|_| rng.pick(GIVEN).to_string()).collect();
    Person {
        family,
        given,
        org: false,
    }
}

fn people(rng: &mut Rng, max: usize) -> Vec<Person> {
    if rng.chance(0.12) {
        let org = rng.pick(ORGS);
        return vec![Person {
            family: if rng.chance(0.3) {
                format!("The {org}")
            } else {
                org.to_string()
            },
            given: Vec::new(),
            org: true,
        }];
    }
    let n = [1, 1, 1, 2, 2, 3, 4, 6][rng.below(8)].min(max);
    (0..n).map(|_| person(rng)).collect()
}

fn title(rng: &mut Rng) -> String {
    let n = rng.range(2, 9);
    let mut w: Vec<String> = Vec::new();
    for i in 0..n {
        if i > 0 && rng.chance(0.25) {
            w.push(rng.pick(JOINERS).to_string());
        }
        w.push(rng.pick(WORDS).to_string());
    }
    let mut t = w.join(" ");
    if rng.chance(0.25) {
        t.push_str(": ");
        t.push_str(
            &(0..rng.range(2, 5))
                .map(|_| rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if rng.chance(0.05) {
        t.push('?');
    }
    capitalise(&t)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && JOINERS.contains(&w) {
                w.to_string()
            } else {
                capitalise(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn record(rng: &mut Rng) -> Record {
    let kind = [
        Kind::Article,
        Kind::Article,
        Kind::Article,
        Kind::Article,
        Kind::Book,
        Kind::Book,
        Kind::Chapter,
        Kind::Chapter,
        Kind::Report,
        Kind::Thesis,
        Kind::Web,
    ][rng.below(11)];
    let first = rng.range(1, 400) as u32;
    let container = match kind {
        Kind::Article if rng.chance(0.3) => rng.pick(JOURNAL_NAMES).to_string(),
        Kind::Article => format!("{} {}", rng.pick(JOURNAL_HEADS), rng.pick(JOURNAL_TAILS)),
        Kind::Chapter if rng.chance(0.5) => title(rng),
        Kind::Chapter => title_case(&title(rng).to_lowercase()),
        Kind::Web => rng
            .pick(&["BBC News", "The Conversation", "Nature News", "Eurostat"])
            .to_string(),
        _ => String::new(),
    };
    Record {
        kind,
        authors: people(rng, 8),
        editors: if kind == Kind::Chapter {
            people(rng, 3)
        } else {
            Vec::new()
        },
        year: (!rng.chance(0.04)).then(|| rng.range(1950, 2025).to_string()),
        suffix: rng.chance(0.06).then(|| ['a', 'b', 'c'][rng.below(3)]),
        title: title(rng),
        container,
        volume: (kind == Kind::Article && rng.chance(0.9) || kind == Kind::Book && rng.chance(0.1))
            .then(|| rng.range(1, 120).to_string()),
        issue: (kind == Kind::Article && rng.chance(0.6)).then(|| rng.range(1, 12).to_string()),
        pages: (matches!(kind, Kind::Article | Kind::Chapter) && rng.chance(0.85))
            .then(|| (first, first + rng.range(3, 40) as u32)),
        article_no: (kind == Kind::Article && rng.chance(0.1))
            .then(|| format!("e{}", rng.range(1000, 99999))),
        publisher: if kind == Kind::Thesis {
            rng.pick(UNIVERSITIES).to_string()
        } else if kind == Kind::Report && rng.chance(0.5) {
            rng.pick(ORGS).to_string()
        } else if rng.chance(0.05) {
            format!("{} & {}", rng.pick(ORGS), rng.pick(ORGS))
        } else {
            rng.pick(PUBLISHERS).to_string()
        },
        place: rng.pick(PLACES).to_string(),
        edition: (matches!(kind, Kind::Book | Kind::Chapter) && rng.chance(0.2))
            .then(|| rng.range(2, 6) as u32),
        doi: (matches!(kind, Kind::Article | Kind::Chapter) && rng.chance(0.5)).then(|| {
            format!(
                "10.{}/{}.{}",
                rng.range(1000, 9999),
                rng.pick(WORDS),
                rng.range(100, 99999)
            )
        }),
        url: (matches!(kind, Kind::Web | Kind::Report) || rng.chance(0.05)).then(|| {
            format!(
                "https://www.{}.org/{}/{}",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.range(1, 999)
            )
        }),
        accessed: rng.chance(0.5).then(|| {
            (
                rng.range(1, 28) as u32,
                rng.pick(MONTHS),
                rng.range(2015, 2025) as u32,
            )
        }),
        report_no: (kind == Kind::Report && rng.chance(0.5)).then(|| rng.range(1, 99).to_string()),
    }
}

/// A string being built, with the label of each piece.
struct Out {
    text: String,
    spans: Vec<(String, usize, usize)>,
}

impl Out {
    fn new() -> Out {
        Out {
            text: String::new(),
            spans: Vec::new(),
        }
    }
    /// Appends `s` labelled `label` ("" for text of no field).
    fn put(&mut self, label: &str, s: &str) {
        let a = self.text.chars().count();
        self.text.push_str(s);
        let b = self.text.chars().count();
        if !label.is_empty() && b > a {
            match self.spans.last_mut() {
                Some(l) if l.0 == label && l.2 == a => l.2 = b,
                _ => self.spans.push((label.to_string(), a, b)),
            }
        }
    }
    /// Appends text of no field; a period never doubles.
    fn sep(&mut self, s: &str) {
        let s = if self.text.ends_with('.') {
            s.strip_prefix('.').unwrap_or(s)
        } else {
            s
        };
        self.put("", s);
    }
}

fn initials(p: &Person, spaced: bool, dots: bool) -> String {
    let mut parts = Vec::new();
    for g in &p.given {
        for piece in g.split(' ') {
            let hy: Vec<String> = piece
                .split('-')
                .map(|h| {
                    let c: String = h.chars().take(1).collect();
                    if dots { format!("{c}.") } else { c }
                })
                .collect();
            parts.push(hy.join("-"));
        }
    }
    parts.join(if spaced { " " } else { "" })
}

fn full_given(p: &Person) -> String {
    p.given.join(" ")
}

/// The label "author" or "editor" for a list.
fn names(out: &mut Out, label: &str, ps: &[Person], style: NameStyle) {
    let n = ps.len();
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            let last = i == n - 1;
            out.put(label, style.joiner(last, n));
        }
        if p.org {
            out.put(label, &p.family);
            continue;
        }
        let s = match style {
            NameStyle::Apa => format!("{}, {}", p.family, initials(p, true, true)),
            NameStyle::Harvard => format!("{}, {}", p.family, initials(p, false, true)),
            NameStyle::ChicagoFirst if i == 0 => format!("{}, {}", p.family, full_given(p)),
            NameStyle::ChicagoFirst | NameStyle::Forward => {
                format!("{} {}", full_given(p), p.family)
            }
            NameStyle::ForwardInitials => format!("{} {}", initials(p, true, true), p.family),
            NameStyle::Vancouver => format!("{} {}", p.family, initials(p, false, false)),
            NameStyle::Abnt => format!("{}, {}", p.family.to_uppercase(), initials(p, true, true)),
            NameStyle::German => format!("{}, {}", p.family, full_given(p)),
        };
        out.put(label, &s);
    }
}

#[derive(Clone, Copy)]
enum NameStyle {
    Apa,
    Harvard,
    ChicagoFirst,
    Forward,
    ForwardInitials,
    Vancouver,
    Abnt,
    German,
}

impl NameStyle {
    fn joiner(self, last: bool, n: usize) -> &'static str {
        match self {
            NameStyle::Apa if last => {
                if n == 2 {
                    " & "
                } else {
                    ", & "
                }
            }
            NameStyle::Apa => ", ",
            NameStyle::Harvard | NameStyle::ForwardInitials if last => " and ",
            NameStyle::ChicagoFirst | NameStyle::Forward if last => {
                if n == 2 {
                    " and "
                } else {
                    ", and "
                }
            }
            NameStyle::Vancouver => ", ",
            NameStyle::Abnt => "; ",
            NameStyle::German => "/",
            _ => ", ",
        }
    }
}

fn year(r: &Record) -> String {
    match &r.year {
        Some(y) => format!("{y}{}", r.suffix.map(String::from).unwrap_or_default()),
        None => "n.d.".into(),
    }
}

fn pages(r: &Record, dash: &str) -> Option<String> {
    r.pages.map(|(a, b)| format!("{a}{dash}{b}"))
}

fn ordinal(n: u32) -> String {
    let s = match n % 10 {
        1 if n % 100 != 11 => "st",
        2 if n % 100 != 12 => "nd",
        3 if n % 100 != 13 => "rd",
        _ => "th",
    };
    format!("{n}{s}")
}

/// APA 7 (and APA 6 with `six`: places before publishers, "Retrieved from").
fn apa(r: &Record, out: &mut Out, six: bool) {
    names(out, "author", &r.authors, NameStyle::Apa);
    out.sep(if r.authors.last().is_some_and(|p| p.org) {
        ". ("
    } else {
        " ("
    });
    out.put("year", &year(r));
    out.sep("). ");
    match r.kind {
        Kind::Article => {
            out.put("title", &r.title);
            out.sep(". ");
            out.put("container", &r.container);
            if let Some(v) = &r.volume {
                out.sep(", ");
                out.put("volume", v);
            }
            if let Some(i) = &r.issue {
                out.sep("(");
                out.put("issue", i);
                out.sep(")");
            }
            if let Some(a) = &r.article_no {
                out.sep(", Article ");
                out.put("pages", a);
            } else if let Some(p) = pages(r, "–") {
                out.sep(", ");
                out.put("pages", &p);
            }
            out.sep(".");
        }
        Kind::Book | Kind::Report | Kind::Thesis => {
            out.put("title", &r.title);
            if let Some(v) = r.volume.as_ref().filter(|_| r.kind == Kind::Book) {
                out.sep(" (");
                out.put("volume", &format!("Vol. {v}"));
                out.sep(")");
            }
            if let Some(e) = r.edition {
                out.sep(" (");
                out.put("edition", &format!("{} ed.", ordinal(e)));
                out.sep(")");
            }
            if let Some(n) = &r.report_no {
                out.sep(" (");
                out.put("genre", "Report No.");
                out.sep(" ");
                out.put("issue", n);
                out.sep(")");
            }
            if r.kind == Kind::Thesis {
                out.sep(" [");
                out.put("genre", "Doctoral dissertation");
                out.sep(", ");
                out.put("publisher", &r.publisher);
                out.sep("].");
                out.sep(" ");
                out.put("note", "Institutional Repository");
                out.sep(".");
            } else {
                out.sep(". ");
                if six {
                    out.put("location", &r.place);
                    out.sep(": ");
                }
                if !(r.authors.len() == 1 && r.authors[0].family == r.publisher) {
                    out.put("publisher", &r.publisher);
                    out.sep(".");
                }
            }
        }
        Kind::Chapter => {
            out.put("title", &r.title);
            out.sep(". In ");
            names(out, "editor", &r.editors, NameStyle::ForwardInitials);
            out.put(
                "editor",
                if r.editors.len() > 1 {
                    " (Eds.)"
                } else {
                    " (Ed.)"
                },
            );
            out.sep(", ");
            out.put("container", &r.container);
            if let Some(p) = pages(r, "–") {
                out.sep(" (");
                out.put("pages", &format!("pp. {p}"));
                out.sep(")");
            }
            out.sep(". ");
            if six {
                out.put("location", &r.place);
                out.sep(": ");
            }
            out.put("publisher", &r.publisher);
            out.sep(".");
        }
        Kind::Web => {
            out.put("title", &r.title);
            out.sep(". ");
            out.put("container", &r.container);
            out.sep(".");
        }
    }
    tail_links(
        r,
        out,
        if six { "Retrieved from " } else { "" },
        "https://doi.org/",
    );
}

fn tail_links(r: &Record, out: &mut Out, url_intro: &str, doi_prefix: &str) {
    if let Some(d) = &r.doi {
        out.sep(" ");
        out.put("doi", &format!("{doi_prefix}{d}"));
    } else if let Some(u) = &r.url {
        out.sep(" ");
        out.sep(url_intro);
        out.put("url", u);
    }
}

/// Harvard (Cite Them Right).
fn harvard(r: &Record, out: &mut Out) {
    names(out, "author", &r.authors, NameStyle::Harvard);
    out.sep(" (");
    out.put("year", &year(r));
    out.sep(") ");
    let quoted = r.kind == Kind::Chapter || r.kind == Kind::Article;
    if quoted {
        out.sep("'");
        out.put("title", &r.title);
        out.sep("', ");
    } else {
        out.put("title", &r.title);
        out.sep(". ");
    }
    match r.kind {
        Kind::Article => {
            out.put("container", &r.container);
            if let Some(v) = &r.volume {
                out.sep(", ");
                out.put("volume", v);
            }
            if let Some(i) = &r.issue {
                out.sep("(");
                out.put("issue", i);
                out.sep(")");
            }
            if let Some(p) = pages(r, "–") {
                out.sep(", ");
                out.put("pages", &format!("pp. {p}"));
            }
            out.sep(".");
        }
        Kind::Chapter => {
            out.sep("in ");
            names(out, "editor", &r.editors, NameStyle::Harvard);
            out.put(
                "editor",
                if r.editors.len() > 1 {
                    " (eds)"
                } else {
                    " (ed.)"
                },
            );
            out.sep(" ");
            out.put("container", &r.container);
            out.sep(". ");
            if let Some(e) = r.edition {
                out.put("edition", &format!("{} edn", ordinal(e)));
                out.sep(". ");
            }
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            if let Some(p) = pages(r, "–") {
                out.sep(", ");
                out.put("pages", &format!("pp. {p}"));
            }
            out.sep(".");
        }
        _ => {
            if let Some(e) = r.edition {
                out.put("edition", &format!("{} edn", ordinal(e)));
                out.sep(". ");
            }
            if r.kind == Kind::Thesis {
                out.put("genre", "PhD thesis");
                out.sep(". ");
                out.put("publisher", &r.publisher);
                out.sep(".");
            } else {
                out.put("location", &r.place);
                out.sep(": ");
                out.put("publisher", &r.publisher);
                out.sep(".");
            }
        }
    }
    if let Some(d) = &r.doi {
        out.sep(" ");
        out.put("doi", &format!("doi:{d}"));
        out.sep(".");
    } else if let Some(u) = &r.url {
        out.sep(" Available at: ");
        out.put("url", u);
        if let Some((d, m, y)) = r.accessed {
            out.sep(" (Accessed: ");
            out.put("note", &format!("{d} {m} {y}"));
            out.sep(")");
        }
        out.sep(".");
    }
}

/// Chicago author-date.
fn chicago(r: &Record, out: &mut Out) {
    names(out, "author", &r.authors, NameStyle::ChicagoFirst);
    out.sep(". ");
    out.put("year", &year(r));
    out.sep(". ");
    match r.kind {
        Kind::Article | Kind::Chapter | Kind::Web => {
            out.sep("“");
            out.put("title", &r.title);
            out.sep(".” ");
        }
        _ => {
            out.put("title", &title_case(&r.title));
            out.sep(". ");
        }
    }
    match r.kind {
        Kind::Article => {
            out.put("container", &r.container);
            if let Some(v) = &r.volume {
                out.sep(" ");
                out.put("volume", v);
            }
            if let Some(i) = &r.issue {
                out.sep(" (");
                out.put("issue", i);
                out.sep(")");
            }
            if let Some(p) = pages(r, "–") {
                out.sep(": ");
                out.put("pages", &p);
            }
            out.sep(".");
        }
        Kind::Chapter => {
            out.sep("In ");
            out.put("container", &r.container);
            out.sep(", ");
            out.put("editor", "edited by ");
            names(out, "editor", &r.editors, NameStyle::Forward);
            if let Some(p) = pages(r, "–") {
                out.sep(", ");
                out.put("pages", &p);
            }
            out.sep(". ");
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            out.sep(".");
        }
        Kind::Web => {
            out.put("container", &r.container);
            out.sep(".");
        }
        _ => {
            if let Some(e) = r.edition {
                out.put("edition", &format!("{} ed", ordinal(e)));
                out.sep(". ");
            }
            if r.kind == Kind::Thesis {
                out.put("genre", "PhD diss.");
                out.sep(", ");
            } else {
                out.put("location", &r.place);
                out.sep(": ");
            }
            out.put("publisher", &r.publisher);
            out.sep(".");
        }
    }
    tail_links(r, out, "", "https://doi.org/");
    if r.doi.is_some() || r.url.is_some() {
        out.sep(".");
    }
}

/// Vancouver (ICMJE / NLM).
fn vancouver(r: &Record, out: &mut Out, n: usize) {
    if n > 0 {
        out.put("citation-number", &format!("{n}."));
        out.sep(" ");
    }
    names(out, "author", &r.authors, NameStyle::Vancouver);
    out.sep(". ");
    out.put("title", &r.title);
    out.sep(". ");
    match r.kind {
        Kind::Article => {
            out.put("container", &r.container);
            out.sep(". ");
            out.put("year", &year(r));
            if let Some(v) = &r.volume {
                out.sep(";");
                out.put("volume", v);
            }
            if let Some(i) = &r.issue {
                out.sep("(");
                out.put("issue", i);
                out.sep(")");
            }
            if let Some((a, b)) = r.pages {
                out.sep(":");
                out.put("pages", &format!("{a}-{b}"));
            }
            out.sep(".");
        }
        Kind::Chapter => {
            out.sep("In: ");
            names(out, "editor", &r.editors, NameStyle::Vancouver);
            out.put("editor", ", editors");
            out.sep(". ");
            out.put("container", &r.container);
            out.sep(". ");
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            out.sep("; ");
            out.put("year", &year(r));
            if let Some((a, b)) = r.pages {
                out.sep(". p. ");
                out.put("pages", &format!("{a}-{b}"));
            }
            out.sep(".");
        }
        _ => {
            if let Some(e) = r.edition {
                out.put("edition", &format!("{} ed", ordinal(e)));
                out.sep(". ");
            }
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            out.sep("; ");
            out.put("year", &year(r));
            out.sep(".");
        }
    }
    if let Some(d) = &r.doi {
        out.sep(" doi:");
        out.put("doi", d);
    } else if let Some(u) = &r.url {
        out.sep(" Available from: ");
        out.put("url", u);
    }
}

/// MLA 9.
fn mla(r: &Record, out: &mut Out) {
    let firsts: Vec<Person> = r
        .authors
        .iter()
        .take(if r.authors.len() > 2 { 1 } else { 2 })
        .cloned()
        .collect();
    names(out, "author", &firsts, NameStyle::ChicagoFirst);
    if r.authors.len() > 2 {
        out.put("author", ", et al");
    }
    out.sep(". ");
    match r.kind {
        Kind::Article | Kind::Chapter | Kind::Web => {
            out.sep("“");
            out.put("title", &title_case(&r.title));
            out.sep(".” ");
            out.put("container", &r.container);
        }
        _ => {
            out.put("title", &title_case(&r.title));
        }
    }
    if r.kind == Kind::Chapter {
        out.sep(", ");
        out.put("editor", "edited by ");
        names(out, "editor", &r.editors, NameStyle::Forward);
    }
    if let Some(v) = &r.volume {
        out.sep(", vol. ");
        out.put("volume", v);
    }
    if let Some(i) = &r.issue {
        out.sep(", no. ");
        out.put("issue", i);
    }
    if !matches!(r.kind, Kind::Article | Kind::Web) {
        out.sep(", ");
        out.put("publisher", &r.publisher);
    }
    out.sep(", ");
    out.put("year", &year(r));
    if let Some((a, b)) = r.pages {
        out.sep(", pp. ");
        out.put("pages", &format!("{a}-{b}"));
    }
    out.sep(".");
    if let Some(d) = &r.doi {
        out.sep(" ");
        out.put("doi", &format!("https://doi.org/{d}"));
        out.sep(".");
    }
}

/// IEEE.
fn ieee(r: &Record, out: &mut Out, n: usize) {
    out.put("citation-number", &format!("[{n}]"));
    out.sep(" ");
    names(out, "author", &r.authors, NameStyle::ForwardInitials);
    out.sep(", ");
    match r.kind {
        Kind::Article | Kind::Chapter | Kind::Web => {
            out.sep("“");
            out.put("title", &r.title);
            out.sep(",” ");
            if r.kind == Kind::Chapter {
                out.sep("in ");
            }
            out.put("container", &r.container);
            if r.kind == Kind::Chapter {
                out.sep(", ");
                names(out, "editor", &r.editors, NameStyle::ForwardInitials);
                out.put("editor", ", Eds.");
                out.sep(" ");
                out.put("location", &r.place);
                out.sep(": ");
                out.put("publisher", &r.publisher);
            }
        }
        _ => {
            out.put("title", &title_case(&r.title));
            if let Some(e) = r.edition {
                out.sep(", ");
                out.put("edition", &format!("{} ed", ordinal(e)));
            }
            out.sep(". ");
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
        }
    }
    if let Some(v) = &r.volume {
        out.sep(", vol. ");
        out.put("volume", v);
    }
    if let Some(i) = &r.issue {
        out.sep(", no. ");
        out.put("issue", i);
    }
    if let Some(p) = pages(r, "–") {
        out.sep(", pp. ");
        out.put("pages", &p);
    }
    out.sep(", ");
    out.put("year", &year(r));
    out.sep(".");
    if let Some(d) = &r.doi {
        out.sep(" doi: ");
        out.put("doi", d);
        out.sep(".");
    }
}

/// ABNT NBR 6023.
fn abnt(r: &Record, out: &mut Out) {
    names(out, "author", &r.authors, NameStyle::Abnt);
    out.sep(". ");
    out.put("title", &r.title);
    out.sep(". ");
    match r.kind {
        Kind::Article => {
            out.put("container", &r.container);
            out.sep(", ");
            out.put("location", &r.place);
            if let Some(v) = &r.volume {
                out.sep(", v. ");
                out.put("volume", v);
            }
            if let Some(i) = &r.issue {
                out.sep(", n. ");
                out.put("issue", i);
            }
            if let Some((a, b)) = r.pages {
                out.sep(", p. ");
                out.put("pages", &format!("{a}-{b}"));
            }
            out.sep(", ");
            out.put("year", &year(r));
            out.sep(".");
        }
        Kind::Chapter => {
            out.sep("In: ");
            names(out, "editor", &r.editors, NameStyle::Abnt);
            out.put("editor", " (org.)");
            out.sep(". ");
            out.put("container", &r.container);
            out.sep(". ");
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            out.sep(", ");
            out.put("year", &year(r));
            if let Some((a, b)) = r.pages {
                out.sep(". p. ");
                out.put("pages", &format!("{a}-{b}"));
            }
            out.sep(".");
        }
        _ => {
            if let Some(e) = r.edition {
                out.put("edition", &format!("{e}. ed"));
                out.sep(". ");
            }
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            out.sep(", ");
            out.put("year", &year(r));
            out.sep(".");
        }
    }
    if let Some(u) = &r.url {
        out.sep(" Disponível em: ");
        out.put("url", u);
        out.sep(".");
    }
}

/// German author-date (as in many German social-science journals).
fn german(r: &Record, out: &mut Out) {
    names(out, "author", &r.authors, NameStyle::German);
    out.sep(" (");
    out.put("year", &year(r));
    out.sep("): ");
    out.put("title", &r.title);
    out.sep(". ");
    match r.kind {
        Kind::Article => {
            out.sep("In: ");
            out.put("container", &r.container);
            if let Some(v) = &r.volume {
                out.sep(" ");
                out.put("volume", v);
            }
            if let Some(i) = &r.issue {
                out.sep(" (");
                out.put("issue", i);
                out.sep(")");
            }
            if let Some((a, b)) = r.pages {
                out.sep(", S. ");
                out.put("pages", &format!("{a}–{b}"));
            }
            out.sep(".");
        }
        Kind::Chapter => {
            out.sep("In: ");
            names(out, "editor", &r.editors, NameStyle::German);
            out.put("editor", " (Hrsg.)");
            out.sep(": ");
            out.put("container", &r.container);
            out.sep(". ");
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            if let Some((a, b)) = r.pages {
                out.sep(", S. ");
                out.put("pages", &format!("{a}–{b}"));
            }
            out.sep(".");
        }
        _ => {
            if let Some(e) = r.edition {
                out.put("edition", &format!("{e}. Aufl"));
                out.sep(". ");
            }
            out.put("location", &r.place);
            out.sep(": ");
            out.put("publisher", &r.publisher);
            out.sep(".");
        }
    }
}

/// `n` labelled strings, the styles in turn.
pub fn strings(n: usize, seed: u64) -> Vec<Labelled> {
    let mut rng = Rng::new(seed);
    // Damage draws from its own generator, so the records and their
    // renderings are the same with it as without.
    let mut harm = Rng::new(seed ^ 0x0da3_a6e5);
    (0..n)
        .map(|i| {
            let r = record(&mut rng);
            let mut out = Out::new();
            match i % 10 {
                0 => apa(&r, &mut out, false),
                1 => apa(&r, &mut out, true),
                2 => harvard(&r, &mut out),
                3 => chicago(&r, &mut out),
                4 => vancouver(&r, &mut out, rng.range(0, 1) * rng.range(1, 80)),
                5 => mla(&r, &mut out),
                6 => ieee(&r, &mut out, rng.range(1, 80)),
                7 => abnt(&r, &mut out),
                8 => german(&r, &mut out),
                _ => apa(&r, &mut out, false),
            }
            let (text, spans) = if harm.chance(DAMAGED) {
                damage(&mut harm, &out.text, &out.spans)
            } else {
                (out.text, out.spans)
            };
            Labelled { text, spans }
        })
        .collect()
}

/// Share of the strings given the damage of text taken out of a PDF.
const DAMAGED: f64 = 0.6;

/// The damage text extraction does to a reference, as the public sets
/// show it: words run together where a line or a column broke ("Entanglementin"),
/// a space before punctuation ("Phys .Rev ."), none after it
/// ("Phys.Rev."), and a word cut by a hyphen ("commu- nications").
/// Labels follow the characters, so the spans stay exact.
fn damage(
    rng: &mut Rng,
    text: &str,
    spans: &[(String, usize, usize)],
) -> (String, Vec<(String, usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut label: Vec<Option<usize>> = vec![None; chars.len()];
    for (k, (_, a, b)) in spans.iter().enumerate() {
        for l in label.iter_mut().take((*b).min(chars.len())).skip(*a) {
            *l = Some(k);
        }
    }
    let mut out: Vec<(char, Option<usize>)> = Vec::with_capacity(chars.len() + 8);
    // Letters in a row up to and including this one.
    let mut letters = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        letters = if c.is_alphabetic() { letters + 1 } else { 0 };
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let between_words =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        if c == ' ' && between_words && rng.chance(0.03) {
            continue;
        }
        if c == ' ' && prev.is_some_and(|p| matches!(p, '.' | ',')) && rng.chance(0.04) {
            continue;
        }
        if matches!(c, '.' | ',' | ':' | ')')
            && prev.is_some_and(char::is_alphanumeric)
            && rng.chance(0.04)
        {
            out.push((' ', label[i]));
        }
        out.push((c, label[i]));
        // A hyphen where a line broke a long word.
        if letters == 5
            && next.is_some_and(char::is_alphabetic)
            && chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count()
                >= 4
            && rng.chance(0.02)
        {
            out.push(('-', label[i]));
            out.push((' ', label[i]));
        }
    }
    let text: String = out.iter().map(|(c, _)| c).collect();
    let mut new_spans: Vec<(String, usize, usize)> = Vec::new();
    for (i, (_, l)) in out.iter().enumerate() {
        let Some(k) = l else { continue };
        match new_spans.last_mut() {
            Some(last) if last.0 == spans[*k].0 && last.2 == i => last.2 = i + 1,
            _ => new_spans.push((spans[*k].0.clone(), i, i + 1)),
        }
    }
    (text, new_spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The letters and digits each label covers, in order.
    fn covered(text: &str, spans: &[(String, usize, usize)]) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let mut out: Vec<(String, String)> = Vec::new();
        for (label, a, b) in spans {
            let s: String = chars[*a..*b]
                .iter()
                .filter(|c| c.is_alphanumeric())
                .collect();
            match out.last_mut() {
                Some(last) if &last.0 == label => last.1.push_str(&s),
                _ => out.push((label.clone(), s)),
            }
        }
        out
    }

    #[test]
    fn damage_moves_spaces_and_hyphens_but_every_letter_keeps_its_label() {
        let mut rng = Rng::new(7);
        let mut changed = 0;
        for l in strings(400, 11) {
            let (text, spans) = damage(&mut rng, &l.text, &l.spans);
            changed += usize::from(text != l.text);
            let plain = |t: &str| -> String { t.chars().filter(|c| c.is_alphanumeric()).collect() };
            assert_eq!(plain(&text), plain(&l.text));
            assert_eq!(covered(&text, &spans), covered(&l.text, &l.spans), "{text}");
            assert!(
                spans
                    .iter()
                    .all(|(_, a, b)| a < b && *b <= text.chars().count())
            );
        }
        // The damage is there: most strings of this length get some.
        assert!(changed > 200, "{changed}");
    }
}
