//! HTML: `h1`–`h6` are headings at their level, block elements are
//! paragraphs. Parsed by html5ever (through scraper), as a browser would,
//! so that tag soup reads too. Scripts, styles, templates and navigation
//! are never read, so none of their text reaches an analysis or a report.

use super::extract::{Extracted, Kind, Unreadable, Writer};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is not the document's text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "svg", "math", "iframe", "object",
    "button", "select", "textarea", "canvas",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "tr",
    "caption",
    "figcaption",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "address",
    "hr",
    "body",
    "details",
    "summary",
];

fn heading_level(name: &str) -> Option<usize> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// Reads an HTML document.
pub(crate) fn read(text: &str) -> Result<Extracted, Unreadable> {
    let html = Html::parse_document(text);
    let mut w = Writer::default();
    let mut buf = String::new();
    // The level of the heading being read, if any.
    let mut heading: Option<usize> = None;
    let mut skip = 0usize;
    let flush = |w: &mut Writer, buf: &mut String, heading: Option<usize>| {
        match heading {
            Some(l) => w.heading(l, buf),
            None => w.para(buf),
        }
        buf.clear();
    };
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip > 0 || SKIP.contains(&name) {
                        skip += 1;
                        continue;
                    }
                    if let Some(l) = heading_level(name) {
                        flush(&mut w, &mut buf, heading);
                        // pandoc's (and many a journal's) document title is
                        // an h1 of class "title": front matter, not a section.
                        heading = (!e.classes().any(|c| c == "title")).then_some(l);
                    } else if BLOCK.contains(&name) && heading.is_none() {
                        flush(&mut w, &mut buf, None);
                    } else if name == "br" {
                        buf.push(' ');
                    }
                }
                Node::Text(t) if skip == 0 => buf.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    if heading_level(name).is_some() {
                        flush(&mut w, &mut buf, heading);
                        heading = None;
                    } else if BLOCK.contains(&name) && heading.is_none() {
                        flush(&mut w, &mut buf, None);
                    }
                }
            }
        }
    }
    flush(&mut w, &mut buf, heading);
    Ok(w.finish(Kind::Html, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_blocks_and_never_a_script() {
        let s = r##"<!DOCTYPE html><html><head><title>T</title><script>alert("x")</script></head>
<body><header><h1 class="title">A study</h1></header><nav><a href="#i">Intro</a></nav>
<h1 id="i">Intro</h1><p>Land is <em>vast</em> (Lee,&nbsp;2001).<script>document.write("no")</script></p>
<div>Loose text<br>on two lines</div><h2>Sub <small>part</small></h2><ul><li>One</li><li>Two</li></ul>"##;
        let e = read(s).unwrap();
        assert_eq!(
            e.text,
            "A study\n\n# Intro\n\nLand is vast (Lee, 2001).\n\nLoose text on two lines\n\n## Sub part\n\nOne\n\nTwo\n"
        );
        assert!(!e.text.contains("alert") && !e.text.contains("write"));
    }
}
