//! The commands around the analysis: `explain`, `man` and `lsp`.

use super::{ExplainFormat, LibraryArgs};
use citemap::Error;
use citemap::check::{CODES, Code};
use citemap::render::explain;
use std::io::Write;

/// `citemap explain [CODE | --all]`.
pub(super) fn explain(code: Option<&str>, all: bool, format: ExplainFormat) -> Result<i32, Error> {
    let infos: Vec<_> = match code {
        Some(name) => match Code::parse(name) {
            Some(c) => vec![c.info()],
            None => {
                let closest = CODES
                    .iter()
                    .min_by_key(|c| strsim::osa_distance(c.name, name))
                    .map(|c| c.name)
                    .unwrap_or_default();
                return Err(Error::Usage(format!(
                    "unknown code \"{name}\" (did you mean {closest}? `citemap explain` lists them)"
                )));
            }
        },
        None if all || format != ExplainFormat::Text => CODES.iter().collect(),
        None => {
            let mut out = std::io::stdout().lock();
            explain::list(&mut out).map_err(|e| Error::io(None, e))?;
            return Ok(0);
        }
    };
    let mut out = std::io::stdout().lock();
    let io = |e| Error::io(None, e);
    match format {
        ExplainFormat::Text => {
            for (i, info) in infos.iter().enumerate() {
                if i > 0 {
                    writeln!(out, "\n---\n").map_err(io)?;
                }
                explain::text(info, &mut out).map_err(io)?;
            }
        }
        ExplainFormat::Md => {
            for info in &infos {
                explain::markdown(info, &mut out).map_err(io)?;
            }
        }
        ExplainFormat::Json => {
            let values: Vec<_> = infos.iter().map(|i| explain::json_value(i)).collect();
            let value = match (code, values.len()) {
                (Some(_), 1) => values.into_iter().next().unwrap_or_default(),
                _ => serde_json::Value::Array(values),
            };
            serde_json::to_writer_pretty(&mut out, &value).map_err(|e| io(e.into()))?;
            writeln!(out).map_err(io)?;
        }
    }
    Ok(0)
}

/// `citemap completions SHELL`: the completion script for `shell`.
///
/// `clap_complete` panics when its writer fails, so a reader that closes the
/// pipe early (`citemap completions bash | grep -q ...`) would crash the run.
/// The script is made in memory and written here, where a closed pipe is an
/// ordinary I/O error that the caller treats as a normal end.
pub(super) fn completions(
    shell: clap_complete::Shell,
    mut cmd: clap::Command,
    w: &mut dyn Write,
) -> Result<i32, Error> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "citemap", &mut script);
    w.write_all(&script)
        .and_then(|()| w.flush())
        .map_err(|e| Error::io(None, e))?;
    Ok(0)
}

/// `citemap man [COMMAND]`: the roff page of citemap or of one command.
pub(super) fn man(
    cmd: clap::Command,
    command: Option<&str>,
    w: &mut dyn Write,
) -> Result<i32, Error> {
    let page = match command {
        None => cmd,
        Some(name) => {
            let found = cmd
                .get_subcommands()
                .find(|c| c.get_name() == name)
                .cloned();
            match found {
                Some(c) => c.name(String::leak(format!("citemap-{name}")) as &str),
                None => {
                    return Err(Error::Usage(format!(
                        "no command \"{name}\" (`citemap --help` lists them)"
                    )));
                }
            }
        }
    };
    clap_mangen::Man::new(page)
        .render(w)
        .map_err(|e| Error::io(None, e))?;
    Ok(0)
}

/// `citemap lsp`: the language server on standard input and output.
pub(super) fn lsp(library: &LibraryArgs) -> Result<i32, Error> {
    let (connection, threads) = lsp_server::Connection::stdio();
    let options = citemap::lsp::ServerOptions {
        libraries: library.bib.clone(),
        bib_outside: library.bib_outside,
    };
    citemap::lsp::serve(&connection, &options).map_err(|e| Error::Usage(format!("lsp: {e}")))?;
    drop(connection);
    threads
        .join()
        .map_err(|e| Error::Usage(format!("lsp: {e}")))?;
    Ok(0)
}
