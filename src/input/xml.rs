//! A small pull reader over quick-xml for the XML formats: elements by
//! their local name (prefixes differ between writers), text with entities
//! resolved, and errors that say which part of the file was malformed.

use super::extract::Unreadable;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::borrow::Cow;

/// What the readers act on.
pub(crate) enum Ev<'a> {
    /// An element opens (an empty element opens and then closes).
    Open(BytesStart<'a>),
    /// An element closes: its local name.
    Close(Vec<u8>),
    /// Character data, entities resolved.
    Text(Cow<'a, str>),
}

/// Pull reader over one XML part.
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
}

impl<'a> Xml<'a> {
    /// Reads `text`; `part` names it in errors ("word/document.xml").
    pub(crate) fn new(text: &'a str, part: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        let c = reader.config_mut();
        c.expand_empty_elements = true;
        // Lenient on the ends of elements: a mismatched end tag in a
        // hand-edited file should not lose the whole document.
        c.check_end_names = false;
        c.allow_unmatched_ends = true;
        Xml { reader, part }
    }

    /// The next event, or `None` at the end.
    pub(crate) fn next(&mut self) -> Result<Option<Ev<'a>>, Unreadable> {
        loop {
            let ev = self.reader.read_event().map_err(|e| {
                Unreadable(format!(
                    "malformed XML in {} near byte {}: {e}",
                    self.part,
                    self.reader.buffer_position()
                ))
            })?;
            return Ok(Some(match ev {
                Event::Start(e) => Ev::Open(e),
                Event::End(e) => Ev::Close(e.local_name().as_ref().as_bytes().to_vec()),
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(Cow::Owned(t.into_inner().into_owned())),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => match r.into_inner().as_ref() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            "nbsp" => "\u{a0}".into(),
                            "ndash" => "\u{2013}".into(),
                            "mdash" => "\u{2014}".into(),
                            _ => String::new(),
                        },
                    };
                    Ev::Text(Cow::Owned(c))
                }
                Event::Eof => return Ok(None),
                _ => continue,
            }));
        }
    }
}

/// The local name of an element.
pub(crate) fn local<'b>(e: &'b BytesStart<'_>) -> Cow<'b, [u8]> {
    Cow::Owned(e.local_name().as_ref().as_bytes().to_vec())
}

/// The value of the attribute whose local name is `name`.
pub(crate) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref().as_bytes() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_text_entities_and_reports_bad_xml() {
        let mut x = Xml::new("<w:p a:val=\"1\">A &amp; B&#233;<w:br/></w:p>", "part");
        let mut seen = Vec::new();
        while let Some(ev) = x.next().unwrap() {
            seen.push(match ev {
                Ev::Open(e) => format!(
                    "<{}{}>",
                    String::from_utf8_lossy(&local(&e)),
                    attr(&e, b"val").unwrap_or_default()
                ),
                Ev::Close(n) => format!("</{}>", String::from_utf8_lossy(&n)),
                Ev::Text(t) => t.into_owned(),
            });
        }
        assert_eq!(seen.concat(), "<p1>A & Bé<br></br></p>");
        let mut bad = Xml::new("<a><b x=\"1></a>", "word/document.xml");
        let err = loop {
            match bad.next() {
                Ok(Some(_)) => continue,
                Ok(None) => panic!("no error"),
                Err(e) => break e,
            }
        };
        assert!(err.0.contains("word/document.xml"));
    }
}
