//! LaTeX: `\part`, `\chapter`, `\section` … `\subparagraph` are headings
//! at their depth, blank lines end paragraphs, `thebibliography` is the
//! reference list with a paragraph per `\bibitem`. Text commands keep
//! their argument (`\emph{x}` is "x"); commands that lay out or label drop
//! theirs; floats, maths displays and verbatim are left out. Citation
//! commands stay as written, for the keyed-citation check.
//!
//! `\input` and `\include` are followed only inside the document's own
//! folder, and only so deep and so much: a manuscript cannot make citemap
//! read `/etc/passwd` or loop on itself.

use super::extract::{Extracted, Kind, MAX_DEPTH, MAX_PART, Unreadable, Writer};
use std::path::Path;

/// Sectioning commands, shallowest first.
const SECTIONS: &[&str] = &[
    "part",
    "chapter",
    "section",
    "subsection",
    "subsubsection",
    "paragraph",
    "subparagraph",
];

/// Commands whose arguments are not text.
const DROP_ARGS: &[&str] = &[
    "label",
    "ref",
    "eqref",
    "pageref",
    "vspace",
    "hspace",
    "includegraphics",
    "usepackage",
    "documentclass",
    "bibliographystyle",
    "bibliography",
    "addbibresource",
    "newcommand",
    "renewcommand",
    "setlength",
    "footnote",
    "thanks",
    "url",
    "hypersetup",
    "pagestyle",
    "thispagestyle",
    "setcounter",
    "addtocounter",
    "input",
    "include",
    "graphicspath",
    "color",
    "nocite",
    "keywords",
    "author",
    "date",
    "affil",
    "affiliation",
    "address",
    "email",
];

/// Environments whose content is not body text.
const SKIP_ENVS: &[&str] = &[
    "figure",
    "figure*",
    "table",
    "table*",
    "equation",
    "equation*",
    "align",
    "align*",
    "eqnarray",
    "gather",
    "multline",
    "tikzpicture",
    "verbatim",
    "lstlisting",
    "minted",
    "comment",
    "tabular",
];

/// Single-letter accents and what they do to common letters.
fn accent(mark: char, base: char) -> Option<char> {
    let table: &[(char, &str, &str)] = &[
        ('\'', "aeiouAEIOUcnyCNY", "áéíóúÁÉÍÓÚćńýĆŃÝ"),
        ('`', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('^', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('"', "aeiouAEIOUy", "äëïöüÄËÏÖÜÿ"),
        ('~', "anoANO", "ãñõÃÑÕ"),
        ('c', "cCsS", "çÇşŞ"),
        ('v', "cszrCSZRnN", "čšžřČŠŽŘňŇ"),
    ];
    let (_, from, to) = table.iter().find(|(m, _, _)| *m == mark)?;
    let k = from.chars().position(|c| c == base)?;
    to.chars().nth(k)
}

/// Longest argument read: an unclosed brace costs this much, not the rest
/// of the document, so that reading stays linear.
const MAX_GROUP: usize = 1 << 16;

/// The bytes an argument starting at `i` may span.
fn within_reach(s: &str, i: usize) -> &[u8] {
    &s.as_bytes()[..s.len().min(i.saturating_add(MAX_GROUP))]
}

/// The argument in braces at `s[i..]` (after spaces), as (content, end).
fn group(s: &str, i: usize) -> Option<(&str, usize)> {
    let b = within_reach(s, i);
    let mut j = i;
    while j < b.len() && (b[j] == b' ' || b[j] == b'\n') {
        j += 1;
    }
    if b.get(j) != Some(&b'{') {
        return None;
    }
    let mut depth = 0usize;
    let mut k = j;
    while k < b.len() {
        match b[k] {
            b'\\' => k += 1,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&s[j + 1..k], k + 1));
                }
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// An optional argument in brackets at `s[i..]`: its end.
fn optional(s: &str, i: usize) -> usize {
    let b = within_reach(s, i);
    if b.get(i) != Some(&b'[') {
        return i;
    }
    let mut depth = 0usize;
    for (k, &c) in b.iter().enumerate().skip(i) {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    i
}

/// Removes comments: `%` to the end of its line, unless escaped.
fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let b = line.as_bytes();
        let mut cut = None;
        let mut k = 0;
        while k < b.len() {
            match b[k] {
                b'\\' => k += 1,
                b'%' => {
                    cut = Some(k);
                    break;
                }
                _ => {}
            }
            k += 1;
        }
        match cut {
            // A comment eats its line's end too, as TeX does.
            Some(k) => out.push_str(&line[..k]),
            None => out.push_str(line),
        }
    }
    out
}

/// Where the reader is: folder, depth of `\input`, bytes read so far.
struct Inputs<'a> {
    dir: Option<&'a Path>,
    read: u64,
    notes: Vec<String>,
}

impl Inputs<'_> {
    /// The text of `\input{name}`, or a note saying why it was not read.
    fn fetch(&mut self, name: &str) -> Option<String> {
        let Some(dir) = self.dir else {
            self.notes.push(format!(
                "\\input{{{name}}} not read: the document came from standard input"
            ));
            return None;
        };
        let mut path = dir.join(name.trim());
        if path.extension().is_none() {
            path.set_extension("tex");
        }
        let inside = std::fs::canonicalize(&path)
            .ok()
            .filter(|p| p.starts_with(dir) && p.is_file());
        let Some(p) = inside else {
            self.notes.push(format!(
                "\\input{{{name}}} not read: no such file inside the document's folder"
            ));
            return None;
        };
        let text = std::fs::read(&p)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())?;
        self.read += text.len() as u64;
        if self.read > MAX_PART {
            self.notes.push(format!(
                "\\input{{{name}}} not read: the inputs pass {} MiB",
                MAX_PART >> 20
            ));
            return None;
        }
        Some(text)
    }
}

/// Expands `\input` and `\include` in place, as deep as [`MAX_DEPTH`].
fn expand(s: &str, inputs: &mut Inputs<'_>, depth: usize) -> String {
    let s = strip_comments(s);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(k) = s[i..].find('\\').map(|k| k + i) {
        out.push_str(&s[i..k]);
        let rest = &s[k + 1..];
        let cmd = ["input", "include"]
            .into_iter()
            .find(|c| rest.starts_with(c) && !rest[c.len()..].starts_with(char::is_alphabetic));
        match cmd.and_then(|c| group(&s, k + 1 + c.len()).map(|g| (c, g))) {
            Some((_, (name, end))) => {
                if depth >= MAX_DEPTH {
                    inputs
                        .notes
                        .push(format!("\\input{{{name}}} not read: inputs nest too deep"));
                } else if let Some(t) = inputs.fetch(name) {
                    out.push_str("\n\n");
                    out.push_str(&expand(&t, inputs, depth + 1));
                    out.push_str("\n\n");
                }
                i = end;
            }
            None => {
                out.push('\\');
                i = k + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Converts a span of LaTeX body text, writing blocks to `w` (or, with
/// `w` = `None`, collecting it inline into `buf`).
struct Converter {
    w: Writer,
    buf: String,
    /// Depth (1-based, `\part` is 1) of the shallowest sectioning command
    /// the document uses: it is heading level 1, and the abstract's and
    /// the bibliography's headings go there.
    top: usize,
}

impl Converter {
    fn flush(&mut self) {
        self.w.para(&self.buf);
        self.buf.clear();
    }

    /// Inline text of a group: commands and specials resolved, no blocks.
    fn inline(s: &str, depth: usize) -> String {
        let mut c = Converter {
            w: Writer::default(),
            buf: String::new(),
            top: 1,
        };
        c.run(s, depth + 1, true);
        c.buf
    }

    fn run(&mut self, s: &str, depth: usize, inline: bool) {
        if depth > MAX_DEPTH {
            self.buf.push_str(s);
            return;
        }
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match c {
                b'\\' => i = self.command(s, i, depth, inline),
                b'{' | b'}' | b'$' => i += 1,
                b'~' => {
                    self.buf.push(' ');
                    i += 1;
                }
                b'\n' => {
                    // A blank line ends the paragraph.
                    let mut j = i + 1;
                    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                        j += 1;
                    }
                    if !inline && b.get(j) == Some(&b'\n') {
                        self.flush();
                    } else {
                        self.buf.push(' ');
                    }
                    i = j;
                }
                b'-' if s[i..].starts_with("---") => {
                    self.buf.push('\u{2014}');
                    i += 3;
                }
                b'-' if s[i..].starts_with("--") => {
                    self.buf.push('\u{2013}');
                    i += 2;
                }
                b'`' if s[i..].starts_with("``") => {
                    self.buf.push('\u{201c}');
                    i += 2;
                }
                b'\'' if s[i..].starts_with("''") => {
                    self.buf.push('\u{201d}');
                    i += 2;
                }
                _ => {
                    let ch = s[i..].chars().next().unwrap_or(' ');
                    self.buf.push(ch);
                    i += ch.len_utf8();
                }
            }
        }
    }

    /// Handles the command at `s[i]` (a backslash); returns where reading
    /// goes on.
    fn command(&mut self, s: &str, i: usize, depth: usize, inline: bool) -> usize {
        let b = s.as_bytes();
        let Some(&next) = b.get(i + 1) else {
            return i + 1;
        };
        if !next.is_ascii_alphabetic() {
            // \& \% \$ \_ \# \{ \} and accents; \\ is a line break.
            match next {
                b'\\' => self.buf.push(' '),
                b'\'' | b'`' | b'^' | b'"' | b'~' => {
                    let (arg, end) = match group(s, i + 2) {
                        Some((g, e)) => (g, e),
                        None => {
                            // An accent on a bare letter (`\'e`); the letter
                            // may be any character, so step by its width.
                            let w = s[i + 2..].chars().next().map_or(0, char::len_utf8);
                            (&s[i + 2..i + 2 + w], i + 2 + w)
                        }
                    };
                    let base = arg.chars().next().unwrap_or(' ');
                    self.buf
                        .push(accent(char::from(next), base).unwrap_or(base));
                    return end.min(s.len()).max(i + 2);
                }
                b',' | b';' | b' ' => self.buf.push(' '),
                // Discretionary hyphen, italic correction, spacing hint.
                b'-' | b'/' | b'@' => {}
                _ => {
                    let ch = s[i + 1..].chars().next().unwrap_or(' ');
                    self.buf.push(ch);
                    return i + 1 + ch.len_utf8();
                }
            }
            return i + 2;
        }
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        let name = &s[i + 1..j];
        let star = b.get(j) == Some(&b'*');
        let after = if star { j + 1 } else { j };
        if let Some(depth_of) = SECTIONS.iter().position(|&x| x == name) {
            let k = optional(s, after);
            if let Some((title, end)) = group(s, k) {
                let t = Self::inline(title, depth);
                if inline {
                    self.buf.push_str(&t);
                } else {
                    self.flush();
                    self.w
                        .heading((depth_of + 2).saturating_sub(self.top).max(1), &t);
                }
                return end;
            }
            return after;
        }
        match name {
            "begin" | "end" => {
                let Some((env, end)) = group(s, j) else {
                    return j;
                };
                if name == "begin" && SKIP_ENVS.contains(&env) {
                    let close = format!("\\end{{{env}}}");
                    return s[end..]
                        .find(&close)
                        .map_or(s.len(), |k| end + k + close.len());
                }
                if !inline {
                    match (name, env) {
                        ("begin", "abstract") => {
                            self.flush();
                            self.w.heading(1, "Abstract");
                        }
                        ("begin", "thebibliography") => {
                            self.flush();
                            self.w.heading(1, "References");
                            // Its widest-label argument is not text.
                            return group(s, end).map_or(end, |(_, e)| e);
                        }
                        ("end", "document") => {
                            self.flush();
                            return s.len();
                        }
                        _ => self.flush(),
                    }
                }
                end
            }
            "bibitem" | "item" | "par" => {
                if !inline {
                    self.flush();
                }
                let k = optional(s, after);
                if name == "bibitem" {
                    return group(s, k).map_or(k, |(key, e)| {
                        self.w.bibitems.push((key.trim().to_string(), self.w.len()));
                        e
                    });
                }
                k
            }
            // The anchor or address goes; the text in the next group stays.
            "hypertarget" | "href" | "hyperref" => {
                let k = optional(s, after);
                group(s, k).map_or(k, |(_, e)| e)
            }
            _ if name.contains("cite") => {
                // Kept as written: a keyed citation is for the checks.
                let mut k = after;
                loop {
                    let o = optional(s, k);
                    if o == k {
                        break;
                    }
                    k = o;
                }
                let end = group(s, k).map_or(k, |(_, e)| e);
                self.buf.push_str(&s[i..end]);
                end
            }
            _ if DROP_ARGS.contains(&name) => {
                let mut k = optional(s, after);
                while let Some((_, e)) = group(s, k) {
                    k = optional(s, e);
                    if !matches!(
                        name,
                        "newcommand" | "renewcommand" | "setlength" | "setcounter"
                    ) {
                        break;
                    }
                }
                k
            }
            _ => {
                // Any other command: its name goes, its arguments stay.
                let k = optional(s, after);
                let mut k2 = k;
                while b.get(k2) == Some(&b' ') {
                    k2 += 1;
                }
                if k2 > k && b.get(k2) != Some(&b'{') {
                    k2
                } else {
                    k
                }
            }
        }
    }
}

/// Reads a LaTeX document. `dir` is its folder (for `\input`).
pub(crate) fn read(text: &str, dir: Option<&Path>) -> Result<Extracted, Unreadable> {
    let dir = dir.and_then(|d| std::fs::canonicalize(d).ok());
    let mut inputs = Inputs {
        dir: dir.as_deref(),
        read: 0,
        notes: Vec::new(),
    };
    let full = expand(text, &mut inputs, 0);
    let body = match full.find("\\begin{document}") {
        Some(k) => &full[k + "\\begin{document}".len()..],
        None => &full[..],
    };
    let top = SECTIONS
        .iter()
        .position(|c| {
            let cmd = format!("\\{c}");
            body.match_indices(&cmd).any(|(k, _)| {
                !body[k + cmd.len()..].starts_with(|ch: char| ch.is_ascii_alphabetic())
            })
        })
        .map_or(3, |k| k + 1);
    let mut c = Converter {
        w: Writer::default(),
        buf: String::new(),
        top,
    };
    c.run(body, 0, false);
    c.flush();
    let notes = std::mem::take(&mut inputs.notes);
    Ok(c.w.finish(Kind::Latex, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_text_commands_specials_and_the_bibliography() {
        let s = r"\documentclass{article}
\usepackage{x}% a comment
\begin{document}
\title{T}\maketitle
\begin{abstract}We study it.\end{abstract}
\hypertarget{s:i}{%
\section{Intro\-duction}\label{s:i}}
Land is \emph{vast} (Lee~\& Ng, 2001)---as shown. 50\% of it, 
says Mu\~noz \citep[p.~2]{lee2001}.

\begin{figure}\caption{Not text}\end{figure}
\subsection*[Short]{A \textbf{sub} section}
Text.\footnote{A note.}
\begin{thebibliography}{9}
\bibitem{lee} Lee, A., \& Ng, B. (2001). \emph{A book}. Press.
\bibitem[Mu\~noz(2002)]{mu} Mu\~noz, C. (2002). Title. \textit{J}, 1--2.
\end{thebibliography}
\end{document}
ignored";
        let e = read(s, None).unwrap();
        assert_eq!(
            e.text,
            "T\n\n# Abstract\n\nWe study it.\n\n# Introduction\n\nLand is vast (Lee & Ng, 2001)\u{2014}as shown. 50% of it, says Muñoz \\citep[p.~2]{lee2001}.\n\n## A sub section\n\nText.\n\n# References\n\nLee, A., & Ng, B. (2001). A book. Press.\n\nMuñoz, C. (2002). Title. J, 1\u{2013}2.\n"
        );
    }

    #[test]
    fn an_accent_on_any_character_steps_by_its_width() {
        let e = read(
            "\\begin{document}Mu\\~noz and \\~\u{104ed}x\\'\\end{document}",
            None,
        )
        .unwrap();
        assert!(e.text.starts_with("Muñoz and "), "{:?}", e.text);
        assert!(e.text.contains('x'));
    }

    #[test]
    fn inputs_are_followed_only_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("doc");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(inner.join("part.tex"), "\\section{Part}\nInside text.\n").unwrap();
        std::fs::write(dir.path().join("secret.tex"), "Secret text.\n").unwrap();
        std::fs::write(inner.join("loop.tex"), "Loop \\input{loop}\n").unwrap();
        let s = "\\input{part}\n\\input{../secret}\n\\input{/etc/passwd}\n\\input{loop}\n";
        let e = read(s, Some(&inner)).unwrap();
        assert!(e.text.contains("# Part") || e.text.contains("Inside text."));
        assert!(!e.text.contains("Secret") && !e.text.contains("root:"));
        assert!(e.notes.iter().any(|n| n.contains("../secret")));
        assert!(e.notes.iter().any(|n| n.contains("too deep")));
        let e = read("\\input{part}", None).unwrap();
        assert!(e.text.is_empty() && e.notes[0].contains("standard input"));
    }
}
