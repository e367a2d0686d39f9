//! `citemap explain`: what a code finds, why it matters, its fix, and an
//! example with the finding `check` makes on it, for the terminal, as the
//! README's Markdown, or as JSON.

use super::diagnostics::capitalised;
use crate::check::examples::{self, Example};
use crate::check::{CODES, CodeInfo, Diagnostic, fix};
use serde_json::json;
use std::io::{self, Write};

/// The findings of the explained code on its example, as `check
/// --format concise` writes them for `example.txt` (or `.tex`).
fn findings(info: &CodeInfo, ex: &Example) -> Vec<String> {
    let (diags, source) = examples::run(ex);
    let name = example_name(ex);
    let mine: Vec<Diagnostic> = diags.into_iter().filter(|d| d.code == info.code).collect();
    let mut out = Vec::new();
    // Concise output of one document is text; writing to a Vec cannot fail.
    let _ = super::diagnostics::concise(&mine, &source, name, &mut out);
    String::from_utf8_lossy(&out)
        .lines()
        .map(str::to_string)
        .collect()
}

fn example_name(ex: &Example) -> &'static str {
    if ex.is_latex() {
        "example.tex"
    } else {
        "example.txt"
    }
}

/// The command that reproduces the example of `code`, which names the
/// code when it is off unless selected.
fn command(code: crate::check::Code, ex: &Example) -> String {
    let mut c = String::from("citemap check ");
    if ex.lossy {
        c.push_str("--lossy ");
    }
    c.push_str(example_name(ex));
    if !ex.library.is_empty() {
        c.push_str(" --bib library.bib");
    }
    if code.is_opt_in() {
        c.push_str(" --select ");
        c.push_str(code.name());
    }
    c
}

/// One code for the terminal.
pub fn text<W: Write>(info: &CodeInfo, mut w: W) -> io::Result<()> {
    let ex = examples::example(info.code);
    writeln!(w, "{} ({})\n", info.name, info.severity.as_str())?;
    writeln!(w, "Finds: {}.", info.summary)?;
    writeln!(w, "Why: {}.", info.why)?;
    match fix::describe(info.code) {
        Some(f) => writeln!(w, "Fix (check --fix): {f}.")?,
        None => writeln!(
            w,
            "Fix: none that is certain; the finding says what to look at."
        )?,
    }
    writeln!(w, "\nExample, {}:", example_name(&ex))?;
    for l in ex.text.lines() {
        writeln!(w, "    {l}")?;
    }
    if !ex.library.is_empty() {
        writeln!(w, "\nlibrary.bib:")?;
        for l in ex.library.lines() {
            writeln!(w, "    {l}")?;
        }
    }
    if ex.lossy {
        writeln!(
            w,
            "\n(saved as Latin-1, so \"é\" is one byte that is not UTF-8)"
        )?;
    }
    writeln!(w, "\n$ {}", command(info.code, &ex))?;
    for f in findings(info, &ex) {
        writeln!(w, "{f}")?;
    }
    writeln!(w, "\nDocumented at {}", info.help_uri())
}

/// Every code as a table: name, severity, what it finds.
pub fn list<W: Write>(mut w: W) -> io::Result<()> {
    let width = CODES.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for c in CODES {
        let fixable = if fix::describe(c.code).is_some() {
            " (fixable)"
        } else {
            ""
        };
        writeln!(
            w,
            "{:width$}  {:7}  {}{fixable}",
            c.name,
            c.severity.as_str(),
            c.summary
        )?;
    }
    writeln!(
        w,
        "\n`citemap explain CODE` shows one in full, with an example."
    )
}

/// One code as a Markdown section (a heading named by the code, so that
/// SARIF's `helpUri` can point at it).
pub fn markdown<W: Write>(info: &CodeInfo, mut w: W) -> io::Result<()> {
    let ex = examples::example(info.code);
    writeln!(w, "#### `{}`\n", info.name)?;
    writeln!(
        w,
        "**{}**: {}. {}.",
        capitalised(info.severity.as_str()),
        capitalised(info.summary),
        capitalised(info.why)
    )?;
    if let Some(f) = fix::describe(info.code) {
        writeln!(w, "\nFix (`check --fix`): {f}.")?;
    }
    writeln!(w, "\n```text\n{}```", ex.text)?;
    if !ex.library.is_empty() {
        writeln!(w, "\n`library.bib`:\n\n```bibtex\n{}```", ex.library)?;
    }
    writeln!(w, "\n```console\n$ {}", command(info.code, &ex))?;
    for f in findings(info, &ex) {
        writeln!(w, "{f}")?;
    }
    writeln!(w, "```\n")
}

/// One code as a JSON object.
pub fn json_value(info: &CodeInfo) -> serde_json::Value {
    let ex = examples::example(info.code);
    json!({
        "code": info.name,
        "severity": info.severity.as_str(),
        "summary": info.summary,
        "why": info.why,
        "fix": fix::describe(info.code),
        "help_uri": info.help_uri(),
        "example": {
            "text": ex.text,
            "library": (!ex.library.is_empty()).then_some(ex.library),
            "lossy": ex.lossy,
            "command": command(info.code, &ex),
            "findings": findings(info, &ex),
        },
    })
}

/// The README's section of codes: every code's [`markdown`], in the
/// table's order.
pub fn readme_section<W: Write>(mut w: W) -> io::Result<()> {
    for c in CODES {
        markdown(c, &mut w)?;
    }
    Ok(())
}
