//! BibTeX and BibLaTeX export.
//!
//! Entries are built as [`biblatex::Entry`] values, the crate's typed model,
//! and written by our own serialiser because the crate's writer doubles the
//! braces around URLs, turns `--` inside URLs into an en dash and drops the
//! protecting braces of organisation authors. What we write parses back
//! with `biblatex::Bibliography::parse` to the same values (tested).

use super::fields::Field;
use crate::reference::{EntryType, Name, Reference};
use crate::text::proper::ProperNouns;
use biblatex::{Chunk, Entry, Spanned};
use std::io::{self, Write};

/// The `.bib` flavour to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Classic BibTeX: `journal`, `address`, `year`, `@techreport`.
    #[default]
    Bibtex,
    /// BibLaTeX/biber: `journaltitle`, `location`, `date`, `@online`.
    Biblatex,
}

/// Fields whose value is written as is, inside one pair of braces.
const RAW_FIELDS: &[&str] = &["url", "doi", "howpublished", "pages"];

/// Preferred order of fields in the output; others follow alphabetically.
const ORDER: &[&str] = &[
    "author",
    "editor",
    "title",
    "journal",
    "journaltitle",
    "booktitle",
    "edition",
    "volume",
    "number",
    "pages",
    "publisher",
    "institution",
    "school",
    "address",
    "location",
    "year",
    "date",
    "doi",
    "url",
    "urldate",
    "howpublished",
    "note",
];

fn normal(s: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Normal(s.to_string()))]
}

/// Whether a title is in title case ("A Review of the Genus"): most of
/// its words after the first that are not function words are capitalised.
/// In a sentence-case title those capitals are proper nouns.
pub fn is_title_case(title: &str) -> bool {
    let (mut content, mut capitalised) = (0, 0);
    for w in title.split_whitespace().skip(1) {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(f) = core.chars().next() else {
            continue;
        };
        if !f.is_alphabetic() || crate::lexicon::is_title_stopword(&core.to_lowercase()) {
            continue;
        }
        content += 1;
        capitalised += usize::from(f.is_uppercase());
    }
    content >= 2 && capitalised * 4 >= content * 3
}

/// Splits a title into chunks, protecting only what a style that
/// sentence-cases titles (biblatex-apa, CSL) must not lowercase: acronyms
/// and words with inner capitals ("DNA", "eLife", "McDonald"), and in a
/// sentence-case title the capitalised words after the first, which are
/// proper nouns, and the first word after a colon, which APA capitalises.
/// A title-case title's capitals are the style of the list, not the
/// words', so they are left for the style to change.
pub fn title_chunks(title: &str) -> Vec<Spanned<Chunk>> {
    title_chunks_with(title, &ProperNouns::default())
}

/// [`title_chunks`], where a title-case title also protects the words the
/// document writes as proper nouns ([`ProperNouns`]).
pub fn title_chunks_with(title: &str, nouns: &ProperNouns) -> Vec<Spanned<Chunk>> {
    let mut out: Vec<Spanned<Chunk>> = Vec::new();
    let mut pending = String::new();
    let mut first = true;
    let mut after_colon = false;
    let title_case = is_title_case(title);
    let mut rest = title;
    while !rest.is_empty() {
        let ws = rest.len() - rest.trim_start().len();
        pending.push_str(&rest[..ws]);
        rest = &rest[ws..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let inner_caps = core.chars().skip(1).any(char::is_uppercase);
        let capitalised = core.chars().next().is_some_and(char::is_uppercase);
        let name = title_case && capitalised && nouns.contains(core);
        let protect = inner_caps || name || (!title_case && capitalised && (!first || after_colon));
        if protect && !core.is_empty() {
            let start = word.find(core).unwrap_or(0);
            pending.push_str(&word[..start]);
            if !pending.is_empty() {
                out.push(Spanned::detached(Chunk::Normal(std::mem::take(
                    &mut pending,
                ))));
            }
            out.push(Spanned::detached(Chunk::Verbatim(core.to_string())));
            pending.push_str(&word[start + core.len()..]);
        } else {
            pending.push_str(word);
        }
        let bare = word.trim_end_matches(['”', '"', '’', '\'', ')']);
        after_colon = bare.ends_with([':', '?', '!', '.']);
        first = false;
    }
    if !pending.is_empty() {
        out.push(Spanned::detached(Chunk::Normal(pending)));
    }
    out
}

/// What a style that sentence-cases titles (biblatex's
/// `\MakeSentenceCase`, CSL's `text-case="sentence"`) makes of a title's
/// chunks: the first letter kept, the rest of the unprotected text
/// lowercased, protected text as it is.
pub fn sentence_cased(chunks: &[Spanned<Chunk>]) -> String {
    let mut out = String::new();
    let mut lettered = false;
    for c in chunks {
        let text = c.v.get();
        let protected = matches!(c.v, Chunk::Verbatim(_));
        for ch in text.chars() {
            if lettered && !protected {
                out.extend(ch.to_lowercase());
            } else {
                out.push(ch);
            }
            lettered |= ch.is_alphabetic();
        }
    }
    out
}

fn names_value(names: &[Name]) -> Vec<Spanned<Chunk>> {
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push(Spanned::detached(Chunk::Normal(" and ".into())));
        }
        match n {
            Name::Person { family, given } => {
                // Multi-word family names stay together: "{de Queiroz}".
                if family.contains(' ') {
                    out.push(Spanned::detached(Chunk::Verbatim(family.clone())));
                } else {
                    out.push(Spanned::detached(Chunk::Normal(family.clone())));
                }
                if !given.is_empty() {
                    let given = super::fields::spaced_initials(given);
                    out.push(Spanned::detached(Chunk::Normal(format!(", {given}"))));
                }
            }
            Name::Literal { literal } => {
                out.push(Spanned::detached(Chunk::Verbatim(literal.clone())))
            }
        }
    }
    out
}

/// Page ranges use TeX's "--"; anything but digits, letters and dashes is
/// dropped so the value can be written without escaping.
fn bib_pages(p: &str) -> String {
    let p = p.replace(['–', '—'], "--").replace(" - ", "--");
    let p = if p.contains("--") {
        p
    } else {
        p.replace('-', "--")
    };
    p.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | ',' | '+' | ' '))
        .collect()
}

/// The entry type to write: the common table ([`EntryType::names`]),
/// refined where the fields at hand cannot satisfy the type's required
/// fields in biber's data model.
fn entry_type(r: &Reference, dialect: Dialect) -> &'static str {
    let names = r.kind.names();
    let bl = dialect == Dialect::Biblatex;
    match r.kind {
        // Reports and theses need their institution; without it they are
        // miscellanea.
        EntryType::Report | EntryType::Thesis if r.publisher.is_none() => "misc",
        // A chapter of a book whose editors are unknown.
        EntryType::InCollection if bl && r.editors.is_empty() => "inbook",
        // An edited book without authors.
        EntryType::Book if bl && r.authors.is_empty() && !r.editors.is_empty() => "collection",
        _ if bl => names.biblatex,
        _ => names.bibtex,
    }
}

/// A title for entries that have none (a web page known by its owner's
/// name): the organisation, else the container, else the URL.
pub(crate) fn fallback_title(r: &Reference) -> Option<String> {
    r.authors
        .iter()
        .chain(&r.editors)
        .find_map(|n| match n {
            Name::Literal { literal } => Some(literal.clone()),
            Name::Person { .. } => None,
        })
        .or_else(|| r.container.clone())
        .or_else(|| r.url.clone())
}

/// Builds the `biblatex` entry for a reference.
pub fn entry(r: &Reference, dialect: Dialect) -> Entry {
    entry_with(r, dialect, &ProperNouns::default())
}

/// [`entry`], with the proper nouns of the documents the reference comes
/// from, which its title protects.
pub fn entry_with(r: &Reference, dialect: Dialect, nouns: &ProperNouns) -> Entry {
    let ty = entry_type(r, dialect);
    let mut e = Entry::new(r.key.clone(), biblatex::EntryType::new(ty));
    let bl = dialect == Dialect::Biblatex;
    if bl && ty == "report" {
        e.set("type", normal("techreport"));
    }
    if bl && ty == "thesis" {
        e.set("type", normal("phdthesis"));
    }
    set_names_and_title(&mut e, r, nouns);
    // Free text that has no field of its own in this type.
    let mut notes: Vec<String> = Vec::new();
    set_container(&mut e, r, ty, bl, &mut notes);
    if let (Some(v), Some(f)) = (&r.edition, Field::Edition.bib_name(bl)) {
        // biblatex takes the number and prints "2nd edition"; BibTeX's
        // styles print the field before "edition", so it is a word.
        let v = match super::fields::edition_number(v) {
            Some(n) if bl => n.to_string(),
            Some(n) => super::fields::edition_word(n),
            None => super::fields::edition_text(v),
        };
        e.set(f, normal(&v));
    }
    set_numbers(&mut e, r, ty, bl, &mut notes);
    match (super::fields::article_number(r), &r.pages) {
        // biblatex's article number is `eid`; BibTeX styles know only pages.
        (Some(n), _) if bl => e.set("eid", normal(n)),
        (_, Some(p)) => {
            if let Some(f) = Field::Pages.bib_name(bl) {
                e.set(f, normal(&bib_pages(p)));
            }
        }
        _ => {}
    }
    if let Some(p) = &r.publisher {
        let field = match (ty, bl) {
            ("report" | "techreport", _) | ("thesis", true) => "institution",
            ("phdthesis", false) => "school",
            // biblatex's @misc has no publisher; the body that issued a
            // deposit or a program is its organization.
            ("misc", true) => "organization",
            _ => "publisher",
        };
        e.set(field, normal(p));
    }
    if let (Some(l), Some(f)) = (&r.location, Field::Location.bib_name(bl)) {
        e.set(f, normal(l));
    }
    set_date(&mut e, r, bl);
    set_links(&mut e, r, bl, &mut notes);
    if !notes.is_empty() {
        e.set("note", normal(&notes.join(". ")));
    }
    e
}

/// Authors, editors and the title (or a stand-in for a work without one).
fn set_names_and_title(e: &mut Entry, r: &Reference, nouns: &ProperNouns) {
    if r.title.is_none()
        && let Some(t) = fallback_title(r)
    {
        e.set("title", title_chunks_with(&t, nouns));
    }
    if !r.authors.is_empty() {
        e.set("author", names_value(&r.authors));
    }
    if !r.editors.is_empty() {
        e.set("editor", names_value(&r.editors));
    }
    if let Some(t) = &r.title {
        e.set("title", title_chunks_with(t, nouns));
    }
}

/// The journal or book title, in the field the type has for it, else in
/// the note.
fn set_container(e: &mut Entry, r: &Reference, ty: &str, bl: bool, notes: &mut Vec<String>) {
    let Some(c) = &r.container else { return };
    let field = match (ty, bl) {
        ("article", false) => Some("journal"),
        ("article", true) => Some("journaltitle"),
        ("incollection" | "inproceedings" | "inbook", _) => Some("booktitle"),
        _ => None,
    };
    // Styles never change the case of journal and book titles.
    match field {
        Some(f) => e.set(f, normal(c)),
        None => notes.push(c.clone()),
    }
}

/// Volume and number. Miscellanea, web pages and theses have neither in
/// biblatex's data model, and biber's volume is an integer: the note keeps
/// what the fields cannot.
fn set_numbers(e: &mut Entry, r: &Reference, ty: &str, bl: bool, notes: &mut Vec<String>) {
    let numbered = !matches!(
        ty,
        "misc" | "online" | "thesis" | "phdthesis" | "mastersthesis"
    );
    if let Some(v) = &r.volume {
        // "117/118" or "12A" go to the note.
        if !numbered || bl && !v.chars().all(|c| c.is_ascii_digit()) {
            notes.push(format!("Vol. {v}"));
        } else if let Some(f) = Field::Volume.bib_name(bl) {
            e.set(f, normal(v));
        }
    }
    if let Some(v) = &r.issue {
        match Field::Issue.bib_name(bl).filter(|_| numbered) {
            Some(f) => e.set(f, normal(v)),
            None => notes.push(format!("No. {v}")),
        }
    }
}

/// The date: a year, or for "n.d." and "in press" EDTF's unspecified year
/// for biber and the words themselves for BibTeX.
fn set_date(e: &mut Entry, r: &Reference, bl: bool) {
    match (r.year.as_deref(), r.year_digits(), bl) {
        (_, Some(d), true) => e.set("date", normal(d)),
        (_, Some(d), false) => e.set("year", normal(d)),
        (Some(_), None, true) => {
            e.set("date", normal("XXXX"));
            // Only biblatex's own states: "n.d." is no date, not a state.
            if let Some(s) = r.pub_state() {
                e.set("pubstate", normal(s.biblatex()));
            }
        }
        (Some(y), None, false) => e.set("year", normal(y)),
        (None, _, true) => e.set("date", normal("XXXX")),
        (None, _, false) => {}
    }
}

/// DOI, URL and access date; BibTeX has a web page's URL in
/// `howpublished` and a non-ISO access date in the note.
fn set_links(e: &mut Entry, r: &Reference, bl: bool, notes: &mut Vec<String>) {
    if let (Some(d), Some(f)) = (&r.doi, Field::Doi.bib_name(bl)) {
        e.set(f, vec![Spanned::detached(Chunk::Verbatim(d.clone()))]);
    }
    if let Some(u) = &r.url {
        if !bl && matches!(r.kind, EntryType::Online | EntryType::Misc) {
            e.set(
                "howpublished",
                vec![Spanned::detached(Chunk::Verbatim(format!("\\url{{{u}}}")))],
            );
        } else if let Some(f) = Field::Url.bib_name(bl) {
            e.set(f, vec![Spanned::detached(Chunk::Verbatim(u.clone()))]);
        }
    }
    // `urldate` is biblatex's; BibTeX styles ignore it, but pandoc and
    // JabRef read it, so both dialects carry it when the date is clear.
    if let Some(d) = &r.urldate {
        match super::fields::iso_date(d) {
            Some(iso) => e.set("urldate", normal(&iso)),
            None => notes.push(format!("Accessed {d}")),
        }
    }
}

fn write_value(field: &str, chunks: &[Spanned<Chunk>]) -> String {
    if RAW_FIELDS.contains(&field) {
        // Written verbatim; a brace would unbalance the value, so it is
        // percent-encoded as in any URL.
        let raw: String = chunks.iter().map(|c| c.v.get()).collect();
        let (inner, wrap) = match raw.strip_prefix("\\url{").and_then(|r| r.strip_suffix('}')) {
            Some(u) => (u, true),
            None => (raw.as_str(), false),
        };
        let safe = inner.replace('{', "%7B").replace('}', "%7D");
        return if wrap {
            format!("\\url{{{safe}}}")
        } else {
            safe
        };
    }
    let mut s = String::new();
    for c in chunks {
        match &c.v {
            Chunk::Verbatim(v) => {
                s.push('{');
                s.push_str(&escape(v));
                s.push('}');
            }
            Chunk::Normal(v) | Chunk::Math(v) => s.push_str(&escape(v)),
        }
    }
    s
}

/// Escapes TeX's special characters. `^`, `~` and `\` are written as
/// commands: `\^` or `\~` before a brace would be an accent ("^A" must not
/// become "Â").
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '#' | '&' | '%' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            // "--" would become an en dash; keep the hyphens as written.
            '-' if out.ends_with('-') => out.push_str("{}-"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes one entry as `.bib` text.
pub fn write_entry<W: Write>(e: &Entry, mut w: W) -> io::Result<()> {
    writeln!(w, "@{}{{{},", e.entry_type, e.key)?;
    let mut fields: Vec<(&String, &Vec<Spanned<Chunk>>)> = e.fields.iter().collect();
    fields.sort_by_key(|(k, _)| {
        (
            ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()),
            (*k).clone(),
        )
    });
    for (k, v) in fields {
        writeln!(w, "  {k} = {{{}}},", write_value(k, v))?;
    }
    writeln!(w, "}}")
}

/// Writes every reference as a `.bib` file.
pub fn write<W: Write>(refs: &[Reference], dialect: Dialect, w: W) -> io::Result<()> {
    write_with(refs, dialect, &ProperNouns::default(), w)
}

/// [`write()`], with the proper nouns of the documents the references come
/// from ([`ProperNouns::from_text`]), which title-case titles protect.
pub fn write_with<W: Write>(
    refs: &[Reference],
    dialect: Dialect,
    nouns: &ProperNouns,
    mut w: W,
) -> io::Result<()> {
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            writeln!(w)?;
        }
        write_entry(&entry_with(r, dialect, nouns), &mut w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use biblatex::{Bibliography, ChunksExt};

    fn reference() -> Reference {
        Reference {
            key: "center2014".into(),
            kind: EntryType::Online,
            authors: vec![Name::Literal {
                literal: "The Office of Public Sector Evaluation".into(),
            }],
            year: Some("2014".into()),
            url: Some("http://www.example.kz/a--b_c?x=1&y=2".into()),
            ..Default::default()
        }
    }

    #[test]
    fn urls_are_written_once_braced_and_untouched() {
        let mut out = Vec::new();
        write(&[reference()], Dialect::Biblatex, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("url = {http://www.example.kz/a--b_c?x=1&y=2},"),
            "{text}"
        );
        let mut out = Vec::new();
        write(&[reference()], Dialect::Bibtex, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("howpublished = {\\url{http://www.example.kz/a--b_c?x=1&y=2}}"),
            "{text}"
        );
    }

    #[test]
    fn organisation_authors_stay_whole_after_parsing_back() {
        let mut out = Vec::new();
        write(&[reference()], Dialect::Biblatex, &mut out).unwrap();
        let bib = Bibliography::parse(std::str::from_utf8(&out).unwrap()).unwrap();
        let e = bib.get("center2014").unwrap();
        let authors = e.author().unwrap();
        assert_eq!(authors.len(), 1);
        assert_eq!(authors[0].name, "The Office of Public Sector Evaluation");
    }

    #[test]
    fn titles_protect_acronyms_proper_nouns_and_words_after_colons() {
        let c = title_chunks("The NGO paradox: Democratic goals in Ruritania");
        let verb: Vec<&str> = c
            .iter()
            .filter(|x| matches!(x.v, Chunk::Verbatim(_)))
            .map(|x| x.v.get())
            .collect();
        assert_eq!(verb, ["NGO", "Democratic", "Ruritania"]);
        assert_eq!(
            c.format_verbatim(),
            "The NGO paradox: Democratic goals in Ruritania"
        );
    }

    #[test]
    fn special_characters_round_trip() {
        let r = Reference {
            key: "x2000".into(),
            kind: EntryType::Book,
            title: Some("Costs & benefits: 50% of $ and #1_a".into()),
            year: Some("2000".into()),
            ..Default::default()
        };
        let mut out = Vec::new();
        write(&[r], Dialect::Bibtex, &mut out).unwrap();
        let bib = Bibliography::parse(std::str::from_utf8(&out).unwrap()).unwrap();
        let t = bib.get("x2000").unwrap().title().unwrap().format_verbatim();
        assert_eq!(t, "Costs & benefits: 50% of $ and #1_a");
    }
}
