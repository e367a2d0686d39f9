//! OpenDocument text (`.odt`): `text:h` headings at their
//! `text:outline-level`, `text:p` paragraphs, from `content.xml`.
//! Footnotes, frames and annotations are not body text and are left out.

use super::extract::{Extracted, Kind, Unreadable, Writer, zip_part};
use super::xml::{Ev, Xml, attr, local};

/// Reads an `.odt` package.
pub(crate) fn read(bytes: &[u8]) -> Result<Extracted, Unreadable> {
    let content = zip_part(bytes, "content.xml", Kind::Odt)?
        .ok_or_else(|| Unreadable("not an .odt package: it has no content.xml".to_string()))?;
    let mut w = Writer::default();
    let mut x = Xml::new(&content, "content.xml");
    // The block being read: its heading level (None for a paragraph) and
    // text; nesting depth, since a list item's paragraph sits in a list.
    let mut block: Option<(Option<usize>, String)> = None;
    let mut depth = 0usize;
    let mut skip = 0usize;
    while let Some(ev) = x.next()? {
        match ev {
            Ev::Open(e) => {
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                match local(&e).as_ref() {
                    b"note" | b"annotation" | b"frame" | b"tracked-changes"
                    | b"table-of-content" => {
                        skip = 1;
                    }
                    b"h" | b"p" if block.is_none() => {
                        let level = (local(&e).as_ref() == b"h").then(|| {
                            attr(&e, b"outline-level")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                        });
                        block = Some((level, String::new()));
                        depth = 1;
                    }
                    b"s" => {
                        if let Some((_, t)) = block.as_mut() {
                            let n: usize = attr(&e, b"c").and_then(|v| v.parse().ok()).unwrap_or(1);
                            t.push_str(&" ".repeat(n.min(8)));
                        }
                        depth += usize::from(block.is_some());
                    }
                    b"tab" | b"line-break" => {
                        if let Some((_, t)) = block.as_mut() {
                            t.push(' ');
                        }
                        depth += usize::from(block.is_some());
                    }
                    _ => depth += usize::from(block.is_some()),
                }
            }
            Ev::Close(_) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if block.is_some() {
                    depth -= 1;
                    if depth == 0 {
                        match block.take() {
                            Some((Some(level), t)) => w.heading(level, &t),
                            Some((None, t)) => w.para(&t),
                            None => {}
                        }
                    }
                }
            }
            Ev::Text(s) => {
                if skip == 0
                    && let Some((_, t)) = block.as_mut()
                {
                    t.push_str(&s);
                }
            }
        }
    }
    Ok(w.finish(Kind::Odt, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(content: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            z.start_file("mimetype", o).unwrap();
            z.write_all(b"application/vnd.oasis.opendocument.text")
                .unwrap();
            z.start_file("content.xml", o).unwrap();
            z.write_all(content.as_bytes()).unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn headings_paragraphs_spaces_and_no_footnotes() {
        let c = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
          <text:h text:outline-level="1">Intro<text:s text:c="2"/>duction</text:h>
          <text:p>Land is vast<text:note><text:note-body><text:p>A note.</text:p></text:note-body></text:note> (Lee, <text:span>2001</text:span>).</text:p>
          <text:list><text:list-item><text:p>An item.</text:p></text:list-item></text:list>
          <text:h text:outline-level="2">Sub</text:h>
        </office:text></office:body></office:document-content>"#;
        let e = read(&package(c)).unwrap();
        assert_eq!(
            e.text,
            "# Intro duction\n\nLand is vast (Lee, 2001).\n\nAn item.\n\n## Sub\n"
        );
        assert_eq!(e.kind, Kind::Odt);
    }
}
