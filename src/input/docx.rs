//! Word (`.docx`): paragraphs of `word/document.xml`, their levels from
//! heading styles and outline levels (`word/styles.xml`, following
//! `basedOn` so that a house style built on "Heading 2" is level 2), and
//! the numbers Word draws in front of numbered headings
//! (`word/numbering.xml`).

use super::extract::{Extracted, Kind, MAX_DEPTH, Unreadable, Writer, zip_part};
use super::xml::{Ev, Xml, attr, local};
use std::collections::HashMap;

/// What a paragraph style says about level and numbering.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// Outline level, 0-based as Word writes it (9 is body text).
    outline: Option<usize>,
    num: Option<(String, usize)>,
}

/// Paragraph styles by id.
fn styles(xml: &str) -> Result<HashMap<String, Style>, Unreadable> {
    let mut out = HashMap::new();
    let mut x = Xml::new(xml, "word/styles.xml");
    let mut cur: Option<(String, Style)> = None;
    while let Some(ev) = x.next()? {
        match ev {
            Ev::Open(e) => match local(&e).as_ref() {
                b"style" => {
                    let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                    cur = attr(&e, b"styleId")
                        .filter(|_| paragraph)
                        .map(|id| (id, Style::default()));
                }
                b"name" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.name = attr(&e, b"val").unwrap_or_default();
                    }
                }
                b"basedOn" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.based_on = attr(&e, b"val");
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                    }
                }
                b"numId" => {
                    if let Some((_, s)) = cur.as_mut() {
                        let id = attr(&e, b"val").unwrap_or_default();
                        s.num = Some((id, s.num.as_ref().map_or(0, |n| n.1)));
                    }
                }
                b"ilvl" => {
                    if let Some((_, s)) = cur.as_mut() {
                        let l = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                        s.num = Some((s.num.take().map(|n| n.0).unwrap_or_default(), l));
                    }
                }
                _ => {}
            },
            Ev::Close(n) if n == b"style" => {
                if let Some((id, s)) = cur.take() {
                    out.insert(id, s);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// How a paragraph style reads: a heading level, the document title, or
/// body text; inherited along `basedOn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Heading(usize),
    Title,
    Body,
}

fn role(styles: &HashMap<String, Style>, id: &str) -> Role {
    let mut id = id.to_string();
    for _ in 0..MAX_DEPTH {
        let Some(s) = styles.get(&id) else {
            break;
        };
        if let Some(l) = s.outline {
            return if l < 9 {
                Role::Heading(l + 1)
            } else {
                Role::Body
            };
        }
        let name = s.name.to_ascii_lowercase();
        if let Some(n) = name
            .strip_prefix("heading ")
            .and_then(|n| n.trim().parse::<usize>().ok())
        {
            return Role::Heading(n.max(1));
        }
        if name == "title" {
            return Role::Title;
        }
        match &s.based_on {
            Some(b) => id = b.clone(),
            None => break,
        }
    }
    // A document without styles.xml still names its styles.
    let lower = id.to_ascii_lowercase();
    match lower.strip_prefix("heading").map(str::parse::<usize>) {
        Some(Ok(n)) => Role::Heading(n.max(1)),
        _ if lower == "title" => Role::Title,
        _ => Role::Body,
    }
}

/// The numbering style of a style (inherited).
fn style_num(styles: &HashMap<String, Style>, id: &str) -> Option<(String, usize)> {
    let mut id = id.to_string();
    for _ in 0..MAX_DEPTH {
        let s = styles.get(&id)?;
        if let Some(n) = &s.num {
            return Some(n.clone());
        }
        id = s.based_on.clone()?;
    }
    None
}

/// One level of a numbering definition: its format and its text pattern
/// ("%1.%2").
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: usize,
}

/// Numbering definitions: num id → its levels.
fn numbering(xml: &str) -> Result<HashMap<String, Vec<Level>>, Unreadable> {
    let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
    let mut nums: HashMap<String, String> = HashMap::new();
    let mut x = Xml::new(xml, "word/numbering.xml");
    let mut abs: Option<String> = None;
    let mut num: Option<String> = None;
    let mut lvl: Option<usize> = None;
    while let Some(ev) = x.next()? {
        let Ev::Open(e) = ev else { continue };
        match local(&e).as_ref() {
            b"abstractNum" => {
                abs = attr(&e, b"abstractNumId");
                num = None;
            }
            b"num" => {
                num = attr(&e, b"numId");
                abs = None;
            }
            b"abstractNumId" => {
                if let (Some(n), Some(v)) = (&num, attr(&e, b"val")) {
                    nums.insert(n.clone(), v);
                }
            }
            b"lvl" => {
                lvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                if let (Some(a), Some(l)) = (&abs, lvl)
                    && l < 9
                {
                    let levels = abstracts.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(l + 1, Level::default());
                    }
                    levels[l].start = 1;
                }
            }
            name @ (b"numFmt" | b"lvlText" | b"start") => {
                if let (Some(a), Some(l)) = (&abs, lvl)
                    && let Some(level) = abstracts.get_mut(a).and_then(|v| v.get_mut(l))
                {
                    let v = attr(&e, b"val").unwrap_or_default();
                    match name {
                        b"numFmt" => level.format = v,
                        b"lvlText" => level.text = v,
                        _ => level.start = v.parse().unwrap_or(1),
                    }
                }
            }
            _ => {}
        }
    }
    Ok(nums
        .into_iter()
        .filter_map(|(n, a)| abstracts.get(&a).map(|l| (n, l.clone())))
        .collect())
}

fn roman(mut n: usize) -> String {
    const R: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v && s.len() < 32 {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn format_number(n: usize, format: &str) -> String {
    let letter = || {
        let k = (n.max(1) - 1) % 26;
        char::from(b'a' + k as u8).to_string()
    };
    match format {
        "upperRoman" => roman(n).to_uppercase(),
        "lowerRoman" => roman(n),
        "upperLetter" => letter().to_uppercase(),
        "lowerLetter" => letter(),
        // LibreOffice's unnumbered outline: "%1" that draws nothing.
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Counters of Word's numbering, per list.
#[derive(Default)]
struct Counters {
    by_num: HashMap<String, Vec<usize>>,
}

impl Counters {
    /// The label Word draws for the next paragraph of list `num` at
    /// `ilvl`, or `None` for bullets and lists it does not know.
    fn next(
        &mut self,
        defs: &HashMap<String, Vec<Level>>,
        num: &str,
        ilvl: usize,
    ) -> Option<String> {
        let levels = defs.get(num)?;
        let level = levels.get(ilvl)?;
        if level.format == "bullet" {
            return None;
        }
        let counts = self.by_num.entry(num.to_string()).or_default();
        if counts.len() < levels.len() {
            counts.resize(levels.len(), 0);
        }
        counts[ilvl] = if counts[ilvl] == 0 {
            level.start.max(1)
        } else {
            counts[ilvl] + 1
        };
        for c in counts.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        let mut label = level.text.clone();
        for (k, l) in levels.iter().enumerate().take(ilvl + 1) {
            let n = counts[k].max(l.start.max(1));
            label = label.replace(&format!("%{}", k + 1), &format_number(n, &l.format));
        }
        let label = label.trim().to_string();
        label.chars().any(char::is_alphanumeric).then_some(label)
    }
}

/// The paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    outline: Option<usize>,
    num: Option<(String, usize)>,
}

/// Reads a `.docx` package.
pub(crate) fn read(bytes: &[u8]) -> Result<Extracted, Unreadable> {
    let kind = Kind::Docx;
    let doc = zip_part(bytes, "word/document.xml", kind)?.ok_or_else(|| {
        Unreadable("not a .docx package: it has no word/document.xml".to_string())
    })?;
    let styles = match zip_part(bytes, "word/styles.xml", kind)? {
        Some(s) => styles(&s)?,
        None => HashMap::new(),
    };
    let defs = match zip_part(bytes, "word/numbering.xml", kind)? {
        Some(s) => numbering(&s)?,
        None => HashMap::new(),
    };
    let mut counters = Counters::default();
    let mut w = Writer::default();
    let mut x = Xml::new(&doc, "word/document.xml");
    let mut para: Option<Para> = None;
    // Depth inside elements whose text is not the paragraph's: text boxes
    // (Word writes them twice, once as a fallback), deleted and moved-away
    // runs, field instructions.
    let mut skip = 0usize;
    let mut in_text = false;
    while let Some(ev) = x.next()? {
        match ev {
            Ev::Open(e) => {
                let name = local(&e);
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                match name.as_ref() {
                    b"txbxContent" | b"Fallback" | b"del" | b"moveFrom" | b"instrText"
                    | b"delText" => skip = 1,
                    b"p" => para = Some(Para::default()),
                    b"pStyle" => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(&e, b"val");
                        }
                    }
                    b"outlineLvl" => {
                        if let Some(p) = para.as_mut() {
                            p.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"numId" => {
                        if let Some(p) = para.as_mut() {
                            let id = attr(&e, b"val").unwrap_or_default();
                            let l = p.num.take().map_or(0, |n| n.1);
                            p.num = Some((id, l));
                        }
                    }
                    b"ilvl" => {
                        if let Some(p) = para.as_mut() {
                            let l = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = p.num.take().map(|n| n.0).unwrap_or_default();
                            p.num = Some((id, l));
                        }
                    }
                    b"t" => in_text = true,
                    b"tab" | b"br" | b"cr" => {
                        if let Some(p) = para.as_mut() {
                            p.text.push(' ');
                        }
                    }
                    b"noBreakHyphen" => {
                        if let Some(p) = para.as_mut() {
                            p.text.push('-');
                        }
                    }
                    _ => {}
                }
            }
            Ev::Close(name) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match name.as_slice() {
                    b"t" => in_text = false,
                    b"p" => {
                        if let Some(p) = para.take() {
                            emit(p, &styles, &defs, &mut counters, &mut w);
                        }
                    }
                    _ => {}
                }
            }
            Ev::Text(t) => {
                if in_text
                    && skip == 0
                    && let Some(p) = para.as_mut()
                {
                    p.text.push_str(&t);
                }
            }
        }
    }
    Ok(w.finish(kind, Vec::new()))
}

fn emit(
    p: Para,
    styles: &HashMap<String, Style>,
    defs: &HashMap<String, Vec<Level>>,
    counters: &mut Counters,
    w: &mut Writer,
) {
    let style_role = p.style.as_deref().map_or(Role::Body, |s| role(styles, s));
    let role = match p.outline {
        Some(l) if l < 9 => Role::Heading(l + 1),
        Some(_) => Role::Body,
        None => style_role,
    };
    let num = p
        .num
        .clone()
        .or_else(|| p.style.as_deref().and_then(|s| style_num(styles, s)));
    match role {
        Role::Heading(level) => {
            // "0" turns numbering off for this paragraph.
            let label = num
                .filter(|(id, _)| id != "0")
                .and_then(|(id, l)| counters.next(defs, &id, l));
            match label {
                Some(l) if !p.text.trim().is_empty() => {
                    w.heading(level, &format!("{l} {}", p.text))
                }
                _ => w.heading(level, &p.text),
            }
        }
        // The title is front matter: text, not a section.
        Role::Title | Role::Body => w.para(&p.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A .docx package of the given parts.
    pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            for (name, body) in parts {
                z.start_file(*name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                z.write_all(body.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    const STYLES: &str = r#"<w:styles xmlns:w="x">
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>
        <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="MySection"><w:name w:val="My Section"/><w:basedOn w:val="Heading1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
    </w:styles>"#;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    </w:numbering>"#;

    fn p(style: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn heading_styles_inherited_styles_outline_levels_and_numbers() {
        let body = [
            p("Title", "A study"),
            p("MySection", "Background"),
            p("Normal", "Text (Lee, 2001)."),
            p("Heading2", "Detail"),
            p("Heading2", "More"),
            r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>"#.to_string(),
            r#"<w:p><w:r><w:t>Kept</w:t></w:r><w:r><w:instrText> ADDIN CSL_CITATION {}</w:instrText></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>"#.to_string(),
        ]
        .concat();
        let doc = format!(r#"<w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#);
        let bytes = package(&[
            ("word/document.xml", &doc),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
        ]);
        let e = read(&bytes).unwrap();
        assert_eq!(
            e.text,
            "A study\n\n# Background\n\nText (Lee, 2001).\n\n## 1.1 Detail\n\n## 1.2 More\n\n# Direct\n\nKept\n"
        );
        assert_eq!(e.paragraphs.len(), 7);
    }

    #[test]
    fn a_package_without_a_document_part_is_refused() {
        let bytes = package(&[("content.xml", "<x/>")]);
        assert!(read(&bytes).unwrap_err().0.contains("word/document.xml"));
    }

    #[test]
    fn roman_and_letter_numbers() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(12, "decimal"), "12");
    }
}
