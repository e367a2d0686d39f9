//! `citemap check`: settings from flags and `citemap.toml`, the audit, and
//! its findings in the chosen format.

use super::{CheckFormat, ColorChoice, Input, load, output, shown};
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

pub(super) fn check(
    input: &Input,
    format: CheckFormat,
    style: Option<&str>,
    deny: &[String],
    allow: &[String],
    color: ColorChoice,
    no_config: bool,
) -> Result<i32, Error> {
    use citemap::check::{CheckOptions, Style};
    use citemap::config::Config;
    use std::io::IsTerminal;
    let config = match find_config(&input.file).filter(|_| !no_config) {
        Some(p) => {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::io(Some(&p), e))?;
            Config::from_toml(&text).map_err(|e| Error::Usage(format!("{}: {e}", p.display())))?
        }
        None => Config::default(),
    };
    let mut policy = config.policy;
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
    let a = load(input)?;
    let style = style
        .and_then(Style::parse)
        .or(config.style)
        .or_else(|| Style::infer(&a))
        .unwrap_or_default();
    let diags = policy.apply(citemap::check::check(
        &a,
        &CheckOptions {
            style,
            ..Default::default()
        },
    ));
    let name = shown(&input.file);
    let use_color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    output::emit(None, false, |w| match format {
        CheckFormat::Human => {
            citemap::render::diagnostics::human(&diags, &a.source, &name, use_color, w)
        }
        CheckFormat::Json => citemap::render::diagnostics::json(&diags, &a.source, w),
        CheckFormat::Sarif => citemap::render::diagnostics::sarif(&diags, &a.source, &name, w),
    })?;
    Ok(i32::from(policy.fails(&diags)))
}
