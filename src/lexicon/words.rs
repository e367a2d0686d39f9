//! Every word list, as data. Each list is sorted and free of repeats (a
//! test holds them to that), and its comment names the languages it
//! covers. Adding a word in another language is one line here.
//!
//! Look-ups go through the functions of [`super`], which know how each list
//! is compared (lower case, whole word, suffix).

/// Particles that belong to the family name after them ("van", "de", "Dal"
/// in "L. Dal Maso"). Dutch, German, French, Italian, Portuguese, Spanish.
pub const PARTICLES: &[&str] = &[
    "da", "dal", "dalla", "das", "de", "degli", "dei", "del", "della", "delle", "den", "der",
    "des", "di", "do", "dos", "du", "la", "le", "ten", "ter", "van", "von", "zu",
];

/// Further particles in reference lists, where "al" and "y" cannot be taken
/// for "et al." or a conjunction. Spanish, Arabic, Scottish, English ("St.").
pub const REFERENCE_PARTICLES: &[&str] = &["al", "bin", "el", "ibn", "mac", "st.", "y"];

/// The words that join the last two names of a list. English, Portuguese,
/// Spanish, German; "&" in every language.
pub const NAME_AND: &[&str] = &["&", "and", "e", "und", "y"];

/// "Smith and colleagues (2010)": the words that stand for "et al.". English,
/// Spanish, Portuguese, German.
pub const COLLEAGUES: &[&str] = &[
    "Kollegen",
    "co-workers",
    "colaboradores",
    "collaborators",
    "colleagues",
    "coworkers",
];

/// Generational suffixes after a name, as written. English.
pub const NAME_SUFFIXES: &[&str] = &["II", "III", "IV", "Jnr", "Jr", "Snr", "Sr"];

/// Lower-case words that an author list may hold without being running text
/// (compared without "," and "."). English, Portuguese, Spanish, German, Latin.
pub const NAME_LIST_WORDS: &[&str] = &[
    "&", "al", "and", "e", "ed", "eds", "et", "for", "in", "of", "on", "others", "the", "und", "y",
];

/// Month names and abbreviations, in lower case. English, Portuguese, Spanish.
pub const MONTHS: &[&str] = &[
    "abril",
    "agosto",
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "dezembro",
    "diciembre",
    "enero",
    "feb",
    "febrero",
    "february",
    "fevereiro",
    "jan",
    "janeiro",
    "january",
    "jul",
    "julho",
    "julio",
    "july",
    "jun",
    "june",
    "junho",
    "junio",
    "maio",
    "mar",
    "march",
    "marzo",
    "março",
    "may",
    "mayo",
    "nov",
    "november",
    "novembro",
    "noviembre",
    "oct",
    "october",
    "octubre",
    "outubro",
    "sep",
    "sept",
    "september",
    "septiembre",
    "setembro",
];

/// Seasons, which date issues ("Spring 2015"). English.
pub const SEASONS: &[&str] = &["autumn", "fall", "spring", "summer", "winter"];

/// Capitalised words before a year that are not authors: parts of a document,
/// phases, prepositions, laws, events. English, Portuguese. Months and seasons
/// are in [`MONTHS`] and [`SEASONS`].
pub const NOT_NAMES: &[&str] = &[
    "about",
    "act",
    "after",
    "and",
    "appendix",
    "approximately",
    "around",
    "art",
    "article",
    "at",
    "before",
    "between",
    "box",
    "by",
    "census",
    "chapter",
    "circa",
    "covid",
    "decree",
    "decreto",
    "during",
    "eq",
    "equation",
    "expo",
    "fig",
    "figs",
    "figure",
    "for",
    "from",
    "in",
    "iso",
    "law",
    "lei",
    "model",
    "no",
    "note",
    "of",
    "olympics",
    "on",
    "or",
    "page",
    "panel",
    "phase",
    "round",
    "sars",
    "section",
    "since",
    "source",
    "step",
    "supplementary",
    "table",
    "tables",
    "to",
    "until",
    "v",
    "version",
    "vol",
    "volume",
    "vs",
    "wave",
    "windows",
    "with",
    "year",
];

/// Capitalised words that start sentences or phrases, never names. English,
/// Portuguese, Spanish.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "any",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "cited",
    "com",
    "como",
    "conforme",
    "conversely",
    "da",
    "de",
    "defined",
    "described",
    "do",
    "e",
    "each",
    "earlier",
    "el",
    "em",
    "en",
    "even",
    "every",
    "first",
    "following",
    "for",
    "from",
    "furthermore",
    "here",
    "how",
    "however",
    "if",
    "in",
    "indeed",
    "it",
    "its",
    "la",
    "las",
    "later",
    "less",
    "like",
    "likewise",
    "los",
    "many",
    "more",
    "moreover",
    "most",
    "na",
    "nas",
    "no",
    "nor",
    "nos",
    "notably",
    "o",
    "of",
    "on",
    "only",
    "or",
    "os",
    "other",
    "others",
    "our",
    "over",
    "para",
    "per",
    "por",
    "recently",
    "second",
    "see",
    "segundo",
    "similarly",
    "since",
    "so",
    "some",
    "such",
    "that",
    "the",
    "then",
    "these",
    "third",
    "this",
    "thus",
    "to",
    "um",
    "uma",
    "under",
    "unlike",
    "we",
    "what",
    "when",
    "where",
    "whereas",
    "which",
    "while",
    "who",
    "why",
    "with",
    "y",
    "yet",
];

/// Lower-case words that may stand inside a name ("Ministry of Health", "de
/// Queiroz"). English, French, Dutch, German, Italian, Portuguese, Spanish.
pub const CONNECTORS: &[&str] = &[
    "&", "al", "and", "at", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do",
    "dos", "du", "e", "et", "for", "für", "in", "la", "le", "of", "on", "ten", "ter", "the", "to",
    "und", "van", "von", "y", "zu",
];

/// Lower-case words that may join the words of a group author written before
/// its date ("The Agency of Statistics (2015)"). English, Portuguese.
pub const GROUP_JOINERS: &[&str] = &["&", "and", "da", "de", "do", "for", "of", "on", "the"];

/// Definite articles that stand before the name of a thing, seldom before an
/// author's. English, Portuguese, Spanish, French, German, Italian.
pub const ARTICLES: &[&str] = &[
    "au", "aux", "da", "das", "del", "della", "dem", "der", "des", "die", "do", "dos", "du", "el",
    "gli", "il", "las", "le", "les", "lo", "los", "na", "nas", "no", "nos", "o", "os", "the",
];

/// Words that mark an organisation rather than a person, in lower case.
/// English, Portuguese.
pub const ORG_WORDS: &[&str] = &[
    "agency",
    "analytics",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "channel",
    "commission",
    "committee",
    "company",
    "consortium",
    "corporation",
    "council",
    "department",
    "federal",
    "foundation",
    "fund",
    "government",
    "group",
    "inc",
    "institute",
    "instituto",
    "international",
    "ltd",
    "ministry",
    "ministério",
    "nacional",
    "national",
    "nations",
    "network",
    "office",
    "organisation",
    "organization",
    "program",
    "programme",
    "project",
    "público",
    "radio",
    "secretaria",
    "service",
    "society",
    "statistics",
    "team",
    "union",
    "university",
    "world",
];

/// Words after which a period does not end a sentence of prose (lower case,
/// without the period). English, Latin, and the Latin of taxonomy.
pub const PROSE_ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "apud", "art", "assoc", "aug", "c", "ca", "cap", "cf", "ch", "chap",
    "cit", "co", "comb", "corp", "cv", "dec", "dept", "dr", "e.g", "e.u", "ed", "eds", "eq", "eqs",
    "esp", "est", "etc", "feb", "fig", "figs", "fl", "ft", "gen", "i.e", "ibid", "inc", "incl",
    "jan", "jr", "jul", "jun", "ltd", "mar", "max", "min", "mr", "mrs", "ms", "mt", "n", "n.d",
    "no", "nos", "nov", "oct", "op", "orig", "p", "pp", "prof", "ref", "refs", "resp", "rev",
    "sec", "sep", "sept", "seq", "sp", "spp", "sr", "ssp", "st", "subsp", "tab", "tr", "trans",
    "u.k", "u.n", "u.s", "univ", "var", "viz", "vol", "vols", "vs",
];

/// Words after which a period does not end a part of a reference entry (lower
/// case, without the final period). English.
pub const ENTRY_ABBREVIATIONS: &[&str] = &[
    "co", "dr", "ed", "eds", "inc", "jr", "ltd", "n", "no", "nr", "p", "pp", "sr", "st", "u.k",
    "u.s", "vol", "vs",
];

/// Words a key skips when it takes the first significant word of a title or an
/// organisation (folded). English, Portuguese, Spanish, French, German.
pub const TITLE_STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "by", "da", "das", "de", "der", "des", "die", "do", "dos",
    "e", "ein", "eine", "el", "em", "for", "from", "how", "in", "into", "is", "its", "la", "las",
    "le", "les", "los", "o", "of", "on", "or", "os", "our", "that", "the", "this", "to", "um",
    "uma", "un", "und", "une", "we", "what", "when", "who", "why", "with",
];

/// Endings of Latin species epithets ("pulchella", "brasiliensis").
pub const LATIN_ENDINGS: &[&str] = &[
    "a", "ae", "ata", "ella", "ensis", "i", "ica", "ii", "is", "oides", "ti", "um", "us",
];

/// Headings of an abstract, in lower case. English, Portuguese, Spanish,
/// German, French.
pub const ABSTRACT_NAMES: &[&str] = &[
    "abstract",
    "resumen",
    "resumo",
    "résumé",
    "summary",
    "zusammenfassung",
];

/// The conventional names of research article sections, in lower case.
/// English, Portuguese, Spanish, German.
pub const SECTION_NAMES: &[&str] = &[
    "background",
    "concluding remarks",
    "conclusion",
    "conclusiones",
    "conclusions",
    "conclusión",
    "conclusão",
    "conclusões",
    "considerações finais",
    "data",
    "discusión",
    "discussion",
    "discussão",
    "diskussion",
    "einleitung",
    "ergebnisse",
    "fazit",
    "final considerations",
    "final remarks",
    "findings",
    "introducción",
    "introduction",
    "introdução",
    "limitations",
    "literature review",
    "material",
    "materials",
    "method",
    "methoden",
    "methodology",
    "methods",
    "metodologia",
    "metodología",
    "método",
    "métodos",
    "procedimentos metodológicos",
    "referencial teórico",
    "related work",
    "result",
    "resultado",
    "resultados",
    "results",
    "revisão de literatura",
    "theoretical background",
    "theoretical framework",
];

/// Labels that open a paragraph of a structured abstract besides the section
/// names ("Aims", "Keywords"). English, Portuguese, Spanish.
pub const ABSTRACT_LABELS: &[&str] = &[
    "aim",
    "aims",
    "approach",
    "design",
    "implications",
    "interpretation",
    "key words",
    "keywords",
    "main results",
    "objective",
    "objectives",
    "objetivo",
    "objetivos",
    "palabras clave",
    "palavras-chave",
    "participants",
    "purpose",
    "rationale",
    "setting",
    "significance",
    "study design",
];
