//! `citemap links` and `citemap report`: citations one a row, and sources
//! per dimension in the chosen format, for one document or across many.

use super::batch::{self, Frame, Piece};
use super::{Input, LinksFormat, Output, ReportFormat, bytes, load, output, shown};
use citemap::Error;
use citemap::render;
use std::io::Write;
use std::path::{Path, PathBuf};

fn csv_io(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e)
}

/// One row per citation, as CSV or JSON; `safe` neutralises CSV cells
/// that would run as formulas. Several documents give one table with a
/// first column that names the document, or one JSON object each.
pub(super) fn links(
    input: &Input,
    format: LinksFormat,
    safe: bool,
    out: &Output,
) -> Result<i32, Error> {
    let frame = match format {
        LinksFormat::Csv => Frame::Csv(render::table::links_header()),
        LinksFormat::Json => Frame::JsonArray,
        LinksFormat::Jsonl => Frame::Lines,
    };
    batch::run(
        &input.files,
        &input.batch,
        Some(out),
        frame,
        |path, many| {
            let a = load(path, input)?;
            let lines = format == LinksFormat::Jsonl;
            let out = match format {
                LinksFormat::Csv if !many => {
                    return Ok(Piece::stream(0, move |w| {
                        render::table::links_of(&a, None, true, w, safe).map_err(csv_io)
                    }));
                }
                LinksFormat::Csv => {
                    let name = shown(path);
                    bytes(|w| {
                        render::table::links_of(&a, Some(&name), false, w, safe).map_err(csv_io)
                    })?
                }
                _ => {
                    let citations = &render::json::view(&a).citations;
                    if many || lines {
                        batch::entry(path, "citations", citations, lines)?
                    } else {
                        bytes(|w| {
                            serde_json::to_writer_pretty(&mut *w, citations)
                                .map_err(std::io::Error::other)?;
                            writeln!(w)
                        })?
                    }
                }
            };
            Ok(Piece::ok(out))
        },
    )
}

/// Sources per dimension, in one of the report formats. Several documents
/// give one report across them (see [`citemap::report::combine`]), or,
/// as JSON Lines, one report each.
pub(super) fn report(
    input: &Input,
    format: ReportFormat,
    safe: bool,
    out: &Output,
) -> Result<i32, Error> {
    let found = citemap::batch::inputs(&input.files, &input.batch.walk())?;
    let folder = input
        .files
        .iter()
        .any(|a| a.as_os_str() != "-" && a.is_dir());
    let lone = found.len() == 1 && !folder;
    if format == ReportFormat::Jsonl || lone {
        return batch::run(
            &input.files,
            &input.batch,
            Some(out),
            Frame::Lines,
            |path, _| {
                let a = load(path, input)?;
                let r = citemap::report::build(&a);
                if format == ReportFormat::Jsonl {
                    return Ok(Piece::ok(batch::entry(path, "report", &r, true)?));
                }
                let path = path.to_path_buf();
                Ok(Piece::stream(0, move |w| {
                    write_report(&r, format, safe, Some((&a, &path)), w)
                }))
            },
        );
    }
    if format == ReportFormat::Html {
        return Err(Error::Usage(
            "the HTML report takes one document; across documents use --format md, csv, matrix, json or jsonl".into(),
        ));
    }
    let paths: Vec<PathBuf> = found.into_iter().collect::<Result<_, _>>()?;
    let mut parts = Vec::new();
    let mut failed = false;
    citemap::batch::map_ordered(
        &paths,
        input.batch.threads(),
        |p| {
            load(p, input).map(|a| citemap::report::Part {
                document: shown(p),
                report: citemap::report::build(&a),
                references: a.references,
            })
        },
        |_, part| {
            match part {
                Ok(p) => parts.push(p),
                Err(e) => {
                    eprintln!("citemap: {e}");
                    failed = true;
                }
            }
            Ok::<(), Error>(())
        },
    )?;
    let r = citemap::report::combine(parts);
    output::emit(out.output.as_deref(), out.force, |w| {
        write_report(&r, format, safe, None, w)
    })?;
    Ok(if failed { 2 } else { 0 })
}

/// Writes a report in `format`; the HTML page also needs its analysis.
fn write_report(
    r: &citemap::report::Report,
    format: ReportFormat,
    safe: bool,
    html: Option<(&citemap::Analysis, &Path)>,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        ReportFormat::Md => render::markdown::write(r, w),
        ReportFormat::Csv => render::table::report(r, w, safe).map_err(csv_io),
        ReportFormat::Matrix => render::table::matrix(r, w, safe).map_err(csv_io),
        ReportFormat::Json | ReportFormat::Jsonl => {
            serde_json::to_writer_pretty(&mut *w, r).map_err(std::io::Error::other)?;
            writeln!(w)
        }
        ReportFormat::Html => match html {
            Some((a, path)) => {
                let title = path.file_name().map_or_else(
                    || "standard input".to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                render::html::write(a, r, &title, w)
            }
            None => Ok(()),
        },
    }
}
