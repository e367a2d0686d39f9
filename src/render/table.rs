//! CSV outputs: citation links, report rows and the dimension × source
//! matrix. Written with the `csv` crate, so quoting is always right.

use crate::analysis::Analysis;
use crate::link::Match;
use crate::report::Report;
use std::io::Write;

/// A spreadsheet-safe CSV writer: with `safe`, a cell that a spreadsheet
/// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, OWASP's rule) gets a leading `'`; control characters
/// are dropped from every cell.
struct Sheet<W: Write> {
    out: csv::Writer<W>,
    safe: bool,
}

impl<W: Write> Sheet<W> {
    fn new(w: W, safe: bool) -> Self {
        Sheet {
            out: csv::Writer::from_writer(w),
            safe,
        }
    }

    fn row<I, S>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells.into_iter().map(|c| self.cell(c.as_ref())).collect();
        self.out.write_record(&cells)
    }

    fn cell(&self, s: &str) -> String {
        let s: String = s
            .chars()
            .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if self.safe && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s
        }
    }

    fn flush(mut self) -> csv::Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

fn dim_name(a: &Analysis, d: Option<usize>) -> (String, String) {
    d.map(|d| {
        (
            a.document.dimensions[d].id.clone(),
            a.document.dimensions[d].heading.clone(),
        )
    })
    .unwrap_or_default()
}

/// One row per citation: key, dimension, line and claim. With `safe`,
/// cells that would run as formulas get a leading apostrophe.
pub fn links<W: Write>(a: &Analysis, w: W, safe: bool) -> csv::Result<()> {
    links_of(a, None, true, w, safe)
}

/// The header of [`links`], with a first "document" column when
/// `document` is set.
const LINKS_HEADER: [&str; 8] = [
    "line",
    "column",
    "text",
    "key",
    "match",
    "dimension",
    "dimension_heading",
    "claim",
];

/// The rows of [`links`] for one of several documents: with `document`,
/// a first column that names it; with `header`, the header row first.
pub fn links_of<W: Write>(
    a: &Analysis,
    document: Option<&str>,
    header: bool,
    w: W,
    safe: bool,
) -> csv::Result<()> {
    let mut out = Sheet::new(w, safe);
    let lead: Vec<&str> = document.map_or_else(Vec::new, |_| vec!["document"]);
    if header {
        out.row(lead.iter().copied().chain(LINKS_HEADER))?;
    }
    for c in &a.citations {
        let (id, heading) = dim_name(a, c.dimension);
        let how = match c.link.how {
            Match::Exact => "exact",
            Match::Fuzzy { .. } => "fuzzy",
            Match::None { .. } => "none",
        };
        let cells = [
            c.line.to_string(),
            c.column.to_string(),
            a.written(c).to_string(),
            c.link
                .reference
                .map(|r| a.references[r].key.clone())
                .unwrap_or_default(),
            how.to_string(),
            id,
            heading,
            a.claim(c).to_string(),
        ];
        out.row(document.map(str::to_string).into_iter().chain(cells))?;
    }
    out.flush()
}

/// The CSV header of [`links_of`] with a document column, as bytes.
pub fn links_header() -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let written = out
        .write_record(std::iter::once("document").chain(LINKS_HEADER))
        .is_ok();
    match out.into_inner() {
        Ok(v) if written => v,
        _ => Vec::new(),
    }
}

/// One row per (dimension, source), then a totals row per dimension.
pub fn report<W: Write>(r: &Report, w: W, safe: bool) -> csv::Result<()> {
    let mut out = Sheet::new(w, safe);
    out.row(["dimension", "heading", "key", "source", "count", "year"])?;
    for d in &r.dimensions {
        for s in &d.sources {
            out.row([
                &d.id,
                &d.heading,
                &s.key,
                &s.short,
                &s.count.to_string(),
                s.year.as_deref().unwrap_or(""),
            ])?;
        }
        out.row([&d.id, &d.heading, "", "TOTAL", &d.citations.to_string(), ""])?;
    }
    out.flush()
}

/// The dimension × source matrix: one row per dimension, one column per
/// cited source (most used first), cells = citations.
pub fn matrix<W: Write>(r: &Report, w: W, safe: bool) -> csv::Result<()> {
    let mut out = Sheet::new(w, safe);
    let (cols, rows) = r.matrix();
    let mut header = vec!["dimension".to_string()];
    header.extend(cols.iter().map(|c| c.key.clone()));
    out.row(&header)?;
    for (d, row) in r.dimensions.iter().zip(rows) {
        let mut rec = vec![d.heading.clone()];
        rec.extend(row.iter().map(usize::to_string));
        out.row(&rec)?;
    }
    out.flush()
}
