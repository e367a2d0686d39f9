//! `citemap check`: settings from flags and `citemap.toml`, the audit, and
//! its findings in the chosen format.

use super::batch::{self, Frame, Piece};
use super::{CheckFormat, ColorChoice, Input, Output, bytes, load, shown};
use citemap::Error;
use std::path::{Path, PathBuf};

/// The nearest `citemap.toml` in the document's folder or above it.
fn find_config(doc: &Path) -> Option<PathBuf> {
    let start = if doc == Path::new("-") {
        std::env::current_dir().ok()?
    } else {
        std::fs::canonicalize(doc).ok()?.parent()?.to_path_buf()
    };
    start
        .ancestors()
        .map(|d| d.join("citemap.toml"))
        .find(|p| p.is_file())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn check(
    input: &Input,
    format: CheckFormat,
    style: Option<&str>,
    deny: &[String],
    allow: &[String],
    color: ColorChoice,
    no_config: bool,
    out: &Output,
) -> Result<i32, Error> {
    use std::io::IsTerminal;
    let use_color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            out.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    // A bad --allow or --deny is the command's error, said once, not
    // once a document.
    flags(&mut citemap::config::Config::default().policy, allow, deny)?;
    let frame = match format {
        CheckFormat::Human => Frame::Plain,
        CheckFormat::Json => Frame::JsonArray,
        CheckFormat::Jsonl => Frame::Lines,
        CheckFormat::Sarif => Frame::Sarif,
    };
    batch::run(
        &input.files,
        &input.batch,
        Some(out),
        frame,
        |path, many| {
            check_one(
                path, input, format, style, deny, allow, use_color, no_config, many,
            )
        },
    )
}

/// Puts `--allow` and `--deny` on top of a policy.
fn flags(
    policy: &mut citemap::check::Policy,
    allow: &[String],
    deny: &[String],
) -> Result<(), Error> {
    for a in allow {
        policy
            .allow(a)
            .map_err(|e| Error::Usage(format!("--allow: {e}")))?;
    }
    for d in deny {
        policy
            .deny(d)
            .map_err(|e| Error::Usage(format!("--deny: {e}")))?;
    }
    Ok(())
}

/// One document's findings, in `format`, and whether they fail the run.
#[allow(clippy::too_many_arguments)]
fn check_one(
    path: &Path,
    input: &Input,
    format: CheckFormat,
    style: Option<&str>,
    deny: &[String],
    allow: &[String],
    use_color: bool,
    no_config: bool,
    many: bool,
) -> Result<Piece, Error> {
    use citemap::check::{CheckOptions, Style};
    use citemap::config::Config;
    let config = match find_config(path).filter(|_| !no_config) {
        Some(p) => {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::io(Some(&p), e))?;
            Config::from_toml(&text).map_err(|e| Error::Usage(format!("{}: {e}", p.display())))?
        }
        None => Config::default(),
    };
    let mut policy = config.policy;
    flags(&mut policy, allow, deny)?;
    let a = load(path, input)?;
    let style = style
        .and_then(Style::parse)
        .or(config.style)
        .or_else(|| Style::infer(&a))
        .unwrap_or_default();
    let diags = policy.apply(citemap::check::check(
        &a,
        &CheckOptions {
            style,
            uncited_library: input.library.uncited_library,
            ..Default::default()
        },
    ));
    let name = shown(path);
    use citemap::render::diagnostics as render;
    let out = match format {
        CheckFormat::Human => bytes(|w| render::human(&diags, &a.source, &name, use_color, w))?,
        CheckFormat::Sarif => bytes(|w| render::sarif(&diags, &a.source, &name, w))?,
        CheckFormat::Json | CheckFormat::Jsonl => {
            let found = bytes(|w| render::json(&diags, &a.source, w))?;
            let lines = format == CheckFormat::Jsonl;
            if many || lines {
                batch::entry(path, "findings", &batch::parsed(&found)?, lines)?
            } else {
                found
            }
        }
    };
    Ok(Piece {
        code: i32::from(policy.fails(&diags)),
        ..Piece::ok(out)
    })
}
