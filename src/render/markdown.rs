//! The report as Markdown.

use crate::report::Report;
use std::io::{self, Write};

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Writes the report as Markdown.
pub fn write<W: Write>(r: &Report, mut w: W) -> io::Result<()> {
    let t = &r.totals;
    writeln!(w, "# Sources per dimension\n")?;
    write!(
        w,
        "{} dimensions, {} references, {} citations ({} linked), {} uncited references.",
        t.dimensions, t.references, t.citations, t.linked, t.uncited
    )?;
    if t.outside_dimensions > 0 {
        write!(w, " {}", outside_note(t.outside_dimensions))?;
    }
    writeln!(w, "\n")?;
    writeln!(w, "| Dimension | Citations | Sources | Unresolved |")?;
    writeln!(w, "|---|---:|---:|---:|")?;
    for d in &r.dimensions {
        writeln!(
            w,
            "| {} | {} | {} | {} |",
            cell(&label(d)),
            d.citations,
            d.sources.len(),
            d.unresolved
        )?;
    }
    for d in &r.dimensions {
        writeln!(w, "\n## {}\n", cell(&label(d)))?;
        if d.sources.is_empty() {
            writeln!(w, "No citations.")?;
            continue;
        }
        writeln!(w, "| Key | Source | Cited | Year |")?;
        writeln!(w, "|---|---|---:|---|")?;
        for s in &d.sources {
            writeln!(
                w,
                "| `{}` | {} | {} | {} |",
                s.key,
                cell(&s.short),
                s.count,
                s.year.as_deref().unwrap_or("")
            )?;
        }
    }
    let shared: Vec<_> = r
        .sources
        .iter()
        .filter(|s| s.documents.is_some_and(|n| n > 1))
        .collect();
    if !shared.is_empty() {
        writeln!(w, "\n## Works cited in several documents\n")?;
        writeln!(w, "| Key | Source | Documents | Cited |")?;
        writeln!(w, "|---|---|---:|---:|")?;
        for s in shared {
            writeln!(
                w,
                "| `{}` | {} | {} | {} |",
                s.key,
                cell(&s.short),
                s.documents.unwrap_or(0),
                s.count
            )?;
        }
    }
    let uncited: Vec<_> = r.sources.iter().filter(|s| s.count == 0).collect();
    if !uncited.is_empty() {
        writeln!(w, "\n## Uncited references\n")?;
        for s in uncited {
            writeln!(w, "- `{}` {}", s.key, cell(&s.short))?;
        }
    }
    Ok(())
}

/// A dimension's heading, after its document's name across documents.
fn label(d: &crate::report::DimensionReport) -> String {
    match &d.document {
        Some(doc) => format!("{doc}: {}", d.heading),
        None => d.heading.clone(),
    }
}

/// "1 citation is in front matter, …" / "3 citations are …".
pub(crate) fn outside_note(n: usize) -> String {
    if n == 1 {
        "1 citation is in front matter, outside any dimension.".to_string()
    } else {
        format!("{n} citations are in front matter, outside any dimension.")
    }
}
