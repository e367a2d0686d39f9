//! `citemap links` and `citemap report`: citations one a row, and sources
//! per dimension in the chosen format.

use super::{Input, LinksFormat, Output, ReportFormat, load, output};
use citemap::Error;
use citemap::render;

fn csv_io(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e)
}

/// One row per citation, as CSV or JSON; `safe` neutralises CSV cells
/// that would run as formulas.
pub(super) fn links(
    input: &Input,
    format: LinksFormat,
    safe: bool,
    out: &Output,
) -> Result<(), Error> {
    let a = load(input)?;
    output::emit(out.output.as_deref(), out.force, |w| match format {
        LinksFormat::Csv => render::table::links(&a, w, safe).map_err(csv_io),
        LinksFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &render::json::view(&a).citations)
                .map_err(std::io::Error::other)?;
            writeln!(w)
        }
    })
}

/// Sources per dimension, in one of the report formats.
pub(super) fn report(
    input: &Input,
    format: ReportFormat,
    safe: bool,
    out: &Output,
) -> Result<(), Error> {
    let a = load(input)?;
    let r = citemap::report::build(&a);
    output::emit(out.output.as_deref(), out.force, |w| match format {
        ReportFormat::Md => render::markdown::write(&r, w),
        ReportFormat::Csv => render::table::report(&r, w, safe).map_err(csv_io),
        ReportFormat::Matrix => render::table::matrix(&r, w, safe).map_err(csv_io),
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &r).map_err(std::io::Error::other)?;
            writeln!(w)
        }
        ReportFormat::Html => {
            let title = input.file.file_name().map_or_else(
                || "standard input".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            render::html::write(&a, &r, &title, w)
        }
    })
}
