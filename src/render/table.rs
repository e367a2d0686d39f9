//! CSV outputs: citation links, report rows and the dimension × source
//! matrix. Written with the `csv` crate, so quoting is always right.

use crate::analysis::Analysis;
use crate::link::Match;
use crate::report::Report;
use std::io::Write;

fn dim_name(a: &Analysis, d: Option<usize>) -> (String, String) {
    d.map(|d| {
        (
            a.document.dimensions[d].id.clone(),
            a.document.dimensions[d].heading.clone(),
        )
    })
    .unwrap_or_default()
}

/// One row per citation: key, dimension, line and claim.
pub fn links<W: Write>(a: &Analysis, w: W) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "line",
        "column",
        "text",
        "key",
        "match",
        "dimension",
        "dimension_heading",
        "claim",
    ])?;
    for c in &a.citations {
        let (id, heading) = dim_name(a, c.dimension);
        let how = match c.link.how {
            Match::Exact => "exact",
            Match::Fuzzy { .. } => "fuzzy",
            Match::None { .. } => "none",
        };
        out.write_record([
            c.line.to_string(),
            c.column.to_string(),
            c.text.clone(),
            c.link
                .reference
                .map(|r| a.references[r].key.clone())
                .unwrap_or_default(),
            how.to_string(),
            id,
            heading,
            c.claim.clone(),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// One row per (dimension, source), then a totals row per dimension.
pub fn report<W: Write>(r: &Report, w: W) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["dimension", "heading", "key", "source", "count", "year"])?;
    for d in &r.dimensions {
        for s in &d.sources {
            out.write_record([
                &d.id,
                &d.heading,
                &s.key,
                &s.short,
                &s.count.to_string(),
                s.year.as_deref().unwrap_or(""),
            ])?;
        }
        out.write_record([&d.id, &d.heading, "", "TOTAL", &d.citations.to_string(), ""])?;
    }
    out.flush()?;
    Ok(())
}

/// The dimension × source matrix: one row per dimension, one column per
/// cited source (most used first), cells = citations.
pub fn matrix<W: Write>(r: &Report, w: W) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    let (cols, rows) = r.matrix();
    let mut header = vec!["dimension".to_string()];
    header.extend(cols.iter().map(|c| c.key.clone()));
    out.write_record(&header)?;
    for (d, row) in r.dimensions.iter().zip(rows) {
        let mut rec = vec![d.heading.clone()];
        rec.extend(row.iter().map(usize::to_string));
        out.write_record(&rec)?;
    }
    out.flush()?;
    Ok(())
}
