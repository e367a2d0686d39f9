//! JATS XML: the article title, the abstract, each `<sec>`'s `<title>` at
//! its nesting depth, paragraphs, and the reference list. A
//! `<mixed-citation>` is read as printed; an `<element-citation>`, which
//! has no punctuation, is written out in an author-date form so that the
//! reference reader can parse it.

use super::extract::{Extracted, Kind, Unreadable, Writer};
use super::xml::{Ev, Xml, attr, local};

/// Deepest nesting of elements read.
const MAX_NEST: usize = 256;

/// Elements whose text is not body text.
const SKIP: &[&[u8]] = &[
    b"fig",
    b"table-wrap",
    b"disp-formula",
    b"fn-group",
    b"supplementary-material",
    b"alternatives",
    b"tex-math",
    b"math",
    b"trans-abstract",
    b"journal-meta",
    b"contrib-group",
    b"aff",
    b"author-notes",
    b"pub-date",
    b"history",
    b"permissions",
    b"kwd-group",
    b"funding-group",
    b"custom-meta-group",
    b"article-categories",
    b"counts",
    b"fn",
    b"table-wrap-foot",
    b"object-id",
];

/// Elements that open a section and count towards a heading's level, and
/// the heading they have when they have no `<title>`.
fn section_default(name: &[u8]) -> Option<&'static str> {
    match name {
        b"sec" | b"app" | b"glossary" => Some(""),
        b"abstract" => Some("Abstract"),
        b"ref-list" => Some("References"),
        b"ack" => Some("Acknowledgements"),
        _ => None,
    }
}

/// The fields of an `<element-citation>`.
#[derive(Default)]
struct Cit {
    authors: Vec<String>,
    editors: Vec<String>,
    surname: String,
    given: String,
    year: String,
    title: String,
    source: String,
    volume: String,
    issue: String,
    fpage: String,
    lpage: String,
    eid: String,
    publisher: String,
    location: String,
    doi: String,
    uri: String,
    edition: String,
}

impl Cit {
    fn names(list: &[String]) -> String {
        match list {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{}, & {last}", init.join(", ")),
        }
    }

    /// Author-date form, APA-like: what a reference list prints.
    fn render(&self) -> String {
        let mut s = Self::names(&self.authors);
        if s.is_empty() {
            s = Self::names(&self.editors);
        }
        let year = if self.year.is_empty() {
            "n.d."
        } else {
            &self.year
        };
        s = format!("{s} ({year}).");
        let end = |t: &str| {
            let t = t.trim();
            if t.ends_with(['.', '?', '!']) {
                t.to_string()
            } else {
                format!("{t}.")
            }
        };
        let pages = match (self.fpage.as_str(), self.lpage.as_str()) {
            ("", _) => self.eid.clone(),
            (f, "") => f.to_string(),
            (f, l) => format!("{f}\u{2013}{l}"),
        };
        let chapter = !self.title.is_empty() && !self.editors.is_empty() && self.volume.is_empty();
        if !self.title.is_empty() {
            s = format!("{s} {}", end(&self.title));
        }
        if chapter {
            s = format!("{s} In {} (Eds.),", Self::names(&self.editors));
            s = format!("{s} {}", self.source.trim());
            if !pages.is_empty() {
                s = format!("{s} (pp. {pages})");
            }
            s.push('.');
        } else if !self.source.is_empty() {
            let mut c = self.source.trim().to_string();
            if !self.volume.is_empty() {
                c = format!("{c}, {}", self.volume);
                if !self.issue.is_empty() {
                    c = format!("{c}({})", self.issue);
                }
            }
            if !self.edition.is_empty() {
                c = format!("{c} ({} ed.)", self.edition);
            }
            if !pages.is_empty() {
                c = format!("{c}, {pages}");
            }
            s = format!("{s} {}", end(&c));
        }
        match (self.location.as_str(), self.publisher.as_str()) {
            ("", "") => {}
            ("", p) => s = format!("{s} {}", end(p)),
            (l, "") => s = format!("{s} {}", end(l)),
            (l, p) => s = format!("{s} {l}: {}", end(p)),
        }
        if !self.doi.is_empty() {
            s = format!("{s} https://doi.org/{}", self.doi.trim());
        } else if !self.uri.is_empty() {
            s = format!("{s} {}", self.uri.trim());
        }
        s
    }
}

/// What the text being read belongs to.
enum Target {
    None,
    Para,
    Heading,
    Label,
    Title,
    Ref,
}

/// Reads a JATS article.
pub(crate) fn read(text: &str) -> Result<Extracted, Unreadable> {
    let mut w = Writer::default();
    let mut x = Xml::new(text, "the JATS XML");
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut skip = 0usize;
    let mut buf = String::new();
    let mut label = String::new();
    // A section heading still to be written: (text, level). It waits for a
    // `<title>` that would replace it.
    let mut pending: Option<(String, usize)> = None;
    let mut cit: Option<Cit> = None;
    let mut mixed = false;
    let mut ref_buf = String::new();
    // Person-group type of the names being read.
    let mut group_type = String::new();
    let level_of = |stack: &[Vec<u8>]| {
        stack
            .iter()
            .filter(|n| section_default(n).is_some())
            .count()
    };
    let write_pending = |w: &mut Writer, pending: &mut Option<(String, usize)>| {
        if let Some((t, l)) = pending.take()
            && !t.is_empty()
        {
            w.heading(l, &t);
        }
    };
    while let Some(ev) = x.next()? {
        match ev {
            Ev::Open(e) => {
                let name = local(&e).into_owned();
                // Deeper than any article nests: not read, so that each
                // event costs a bounded look at the open elements.
                if skip > 0 || SKIP.contains(&name.as_slice()) || stack.len() >= MAX_NEST {
                    skip += 1;
                    continue;
                }
                let in_ref = stack.iter().any(|n| n == b"ref");
                if let Some(default) = section_default(&name) {
                    w.para(&buf);
                    buf.clear();
                    write_pending(&mut w, &mut pending);
                    stack.push(name.clone());
                    label.clear();
                    pending = Some((default.to_string(), level_of(&stack)));
                    continue;
                }
                match name.as_slice() {
                    b"title" | b"label" | b"p" | b"list-item" | b"def-item" | b"article-title"
                        if !in_ref =>
                    {
                        if !matches!(name.as_slice(), b"title" | b"label" | b"article-title") {
                            write_pending(&mut w, &mut pending);
                        }
                        w.para(&buf);
                        buf.clear();
                    }
                    b"ref" => {
                        write_pending(&mut w, &mut pending);
                        w.para(&buf);
                        buf.clear();
                        ref_buf.clear();
                        cit = None;
                        mixed = false;
                    }
                    b"element-citation" | b"citation" if in_ref => cit = Some(Cit::default()),
                    b"mixed-citation" | b"nlm-citation" if in_ref => mixed = true,
                    b"person-group" => {
                        group_type = attr(&e, b"person-group-type").unwrap_or_default()
                    }
                    // Other identifiers (PubMed, PMC) are not printed.
                    b"pub-id" if in_ref && attr(&e, b"pub-id-type").is_some_and(|t| t != "doi") => {
                        skip = 1;
                        continue;
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Ev::Close(name) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                // Tolerate a mismatched end: close up to the named element.
                let Some(k) = stack.iter().rposition(|n| *n == name) else {
                    continue;
                };
                stack.truncate(k);
                let parent_section = stack.last().is_some_and(|p| section_default(p).is_some());
                let in_ref = stack.iter().any(|n| n == b"ref");
                match name.as_slice() {
                    b"title" if parent_section && !in_ref => {
                        let t = if label.is_empty() {
                            buf.trim().to_string()
                        } else {
                            format!("{} {}", label.trim(), buf.trim())
                        };
                        pending = Some((t, level_of(&stack)));
                        write_pending(&mut w, &mut pending);
                        buf.clear();
                        label.clear();
                    }
                    b"label" if parent_section && !in_ref => {
                        label = std::mem::take(&mut buf);
                    }
                    b"article-title" if !in_ref => {
                        w.para(&buf);
                        buf.clear();
                    }
                    b"p" | b"list-item" | b"def-item" | b"title" if !in_ref => {
                        w.para(&buf);
                        buf.clear();
                    }
                    b"name" | b"string-name" if cit.is_some() => {
                        if let Some(c) = cit.as_mut() {
                            let given = c.given.trim().to_string();
                            let initials: String = given
                                .split([' ', '.', '-'])
                                .filter(|g| !g.is_empty())
                                .map(|g| format!("{}.", g.chars().next().unwrap_or(' ')))
                                .collect::<Vec<_>>()
                                .join(" ");
                            let n = if initials.is_empty() {
                                c.surname.trim().to_string()
                            } else {
                                format!("{}, {initials}", c.surname.trim())
                            };
                            if group_type == "editor" {
                                c.editors.push(n);
                            } else {
                                c.authors.push(n);
                            }
                            c.surname.clear();
                            c.given.clear();
                        }
                    }
                    b"ref" => {
                        let t = match cit.take() {
                            Some(c) if !mixed => c.render(),
                            _ => std::mem::take(&mut ref_buf),
                        };
                        w.para(&t);
                        ref_buf.clear();
                    }
                    _ => {}
                }
            }
            Ev::Text(t) => {
                if skip > 0 {
                    continue;
                }
                let in_front = stack.iter().any(|n| n == b"front" || n == b"front-stub");
                let in_ref = stack.iter().any(|n| n == b"ref");
                let target = if in_ref {
                    Target::Ref
                } else if stack.iter().any(|n| n == b"title") {
                    Target::Heading
                } else if stack.last().is_some_and(|n| n == b"label") {
                    Target::Label
                } else if stack.iter().any(|n| n == b"article-title") {
                    Target::Title
                } else if in_front && !stack.iter().any(|n| n == b"abstract") {
                    Target::None
                } else if stack.iter().any(|n| n == b"p" || n == b"list-item") {
                    Target::Para
                } else {
                    Target::None
                };
                match target {
                    Target::None => {}
                    Target::Para | Target::Heading | Target::Label | Target::Title => {
                        buf.push_str(&t)
                    }
                    Target::Ref => {
                        if let Some(c) = cit.as_mut().filter(|_| !mixed) {
                            let field = stack.last().map(Vec::as_slice).unwrap_or_default();
                            let slot = match field {
                                b"surname" => &mut c.surname,
                                b"given-names" => &mut c.given,
                                b"collab" => {
                                    if group_type == "editor" {
                                        c.editors.push(t.trim().to_string());
                                    } else {
                                        c.authors.push(t.trim().to_string());
                                    }
                                    continue;
                                }
                                b"year" => &mut c.year,
                                b"article-title" | b"chapter-title" | b"data-title"
                                | b"part-title" => &mut c.title,
                                b"source" => &mut c.source,
                                b"volume" => &mut c.volume,
                                b"issue" => &mut c.issue,
                                b"fpage" => &mut c.fpage,
                                b"lpage" => &mut c.lpage,
                                b"elocation-id" => &mut c.eid,
                                b"publisher-name" => &mut c.publisher,
                                b"publisher-loc" => &mut c.location,
                                b"pub-id" => &mut c.doi,
                                b"uri" | b"ext-link" => &mut c.uri,
                                b"edition" => &mut c.edition,
                                _ => {
                                    // Text inside a field's own markup
                                    // (italic in a title) joins its field.
                                    match stack.iter().rev().nth(1).map(Vec::as_slice) {
                                        Some(b"article-title" | b"chapter-title") => &mut c.title,
                                        Some(b"source") => &mut c.source,
                                        _ => continue,
                                    }
                                }
                            };
                            slot.push_str(&t);
                        } else if mixed {
                            ref_buf.push_str(&t);
                        }
                    }
                }
            }
        }
    }
    w.para(&buf);
    Ok(w.finish(Kind::Jats, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_by_depth_abstract_and_both_kinds_of_citation() {
        let s = r#"<?xml version="1.0"?>
<article><front><journal-meta><journal-title>J</journal-title></journal-meta>
<article-meta><title-group><article-title>A study</article-title></title-group>
<contrib-group><contrib><name><surname>X</surname></name></contrib></contrib-group>
<abstract><p>We study.</p></abstract></article-meta></front>
<body><sec><label>1.</label><title>Introduction</title><p>Land is vast (<xref ref-type="bibr" rid="r1">Lee, 2001</xref>).</p>
<fig><caption><p>Not text</p></caption></fig>
<sec><title>Detail</title><p>More.</p></sec></sec>
<sec><title>Methods</title><p>We counted.</p></sec></body>
<back><ref-list><title>References</title>
<ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Lee</surname><given-names>Ann B</given-names></name><name><surname>Ng</surname><given-names>C</given-names></name></person-group>
<year>2001</year><article-title>Land <italic>use</italic></article-title><source>J Geo</source><volume>3</volume><issue>2</issue><fpage>1</fpage><lpage>9</lpage>
<pub-id pub-id-type="pmid">123</pub-id><pub-id pub-id-type="doi">10.1/x</pub-id></element-citation></ref>
<ref id="r2"><mixed-citation>Mu, D. (2002). <source>A book</source>. Press.</mixed-citation></ref>
</ref-list></back></article>"#;
        let e = read(s).unwrap();
        assert_eq!(
            e.text,
            "A study\n\n# Abstract\n\nWe study.\n\n# 1. Introduction\n\nLand is vast (Lee, 2001).\n\n## Detail\n\nMore.\n\n# Methods\n\nWe counted.\n\n# References\n\nLee, A. B., & Ng, C. (2001). Land use. J Geo, 3(2), 1\u{2013}9. https://doi.org/10.1/x\n\nMu, D. (2002). A book. Press.\n"
        );
    }
}
