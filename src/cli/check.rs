//! `citemap check`: settings from flags and `citemap.toml`, the audit, and
//! its findings in the chosen format.

use super::batch::{self, Frame, Piece};
use super::{CheckFormat, ColorChoice, Input, Output, bytes, load_kind, reanalyze, shown};
use citemap::Error;
use std::path::Path;

/// What `check` does with the safe fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FixMode {
    /// Only report.
    Report,
    /// Apply them: in place with `--force`, or to `-o FILE`.
    Fix,
    /// Print them as a unified diff and change nothing.
    Diff,
}

/// The settings of one `check` run.
pub(super) struct Settings<'a> {
    pub format: CheckFormat,
    pub style: Option<&'a str>,
    pub deny: &'a [String],
    pub allow: &'a [String],
    pub select: &'a [String],
    pub color: ColorChoice,
    pub fix: FixMode,
}

pub(super) fn check(input: &Input, set: &Settings<'_>, out: &Output) -> Result<i32, Error> {
    use std::io::IsTerminal;
    // With --fix, -o names the fixed document; the findings that remain
    // go to standard output.
    let fixed_to = (set.fix == FixMode::Fix)
        .then(|| out.output.clone())
        .flatten();
    if set.fix == FixMode::Fix && fixed_to.is_none() && !out.force {
        return Err(Error::Usage(
            "--fix rewrites the document: add --force to fix it in place, -o FILE to write the fixed copy elsewhere, or use --diff to see the changes".into(),
        ));
    }
    let findings_out = match set.fix {
        FixMode::Report => Output {
            output: out.output.clone(),
            force: out.force,
        },
        FixMode::Fix | FixMode::Diff => Output {
            output: None,
            force: false,
        },
    };
    let use_color = match set.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            findings_out.output.is_none()
                && set.fix != FixMode::Diff
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    // A bad --allow or --deny is the command's error, said once, not
    // once a document.
    flags(&mut citemap::config::Config::default().policy, set)?;
    let frame = match (set.fix, set.format) {
        (FixMode::Diff, _) | (_, CheckFormat::Human) => Frame::Plain,
        (_, CheckFormat::Json) => Frame::JsonArray,
        (_, CheckFormat::Jsonl) => Frame::Lines,
        (_, CheckFormat::Sarif) => Frame::Sarif,
        (_, CheckFormat::Concise | CheckFormat::Github) => Frame::Plain,
        (_, CheckFormat::Junit) => Frame::Around(
            citemap::render::diagnostics::JUNIT_HEAD,
            citemap::render::diagnostics::JUNIT_TAIL,
        ),
    };
    if fixed_to.is_some() && citemap::batch::inputs(&input.files, &input.batch.walk())?.len() != 1 {
        return Err(Error::Usage(
            "--fix -o FILE takes one document; use --force to fix several in place".into(),
        ));
    }
    batch::run(
        &input.files,
        &input.batch,
        Some(&findings_out),
        frame,
        |path, many| {
            check_one(
                path,
                input,
                set,
                use_color,
                many,
                fixed_to.as_deref(),
                out.force,
            )
        },
    )
}

/// Puts `--allow`, `--deny` and `--select` on top of a policy.
fn flags(policy: &mut citemap::check::Policy, set: &Settings<'_>) -> Result<(), Error> {
    for a in set.allow {
        policy
            .allow(a)
            .map_err(|e| Error::Usage(format!("--allow: {e}")))?;
    }
    for d in set.deny {
        policy
            .deny(d)
            .map_err(|e| Error::Usage(format!("--deny: {e}")))?;
    }
    for c in set.select {
        policy
            .select(c)
            .map_err(|e| Error::Usage(format!("--select: {e}")))?;
    }
    Ok(())
}

/// One document's findings, in `format`, and whether they fail the run.
/// With a fix mode, the fixes are applied first (or shown as a diff).
fn check_one(
    path: &Path,
    input: &Input,
    set: &Settings<'_>,
    use_color: bool,
    many: bool,
    fixed_to: Option<&Path>,
    force: bool,
) -> Result<Piece, Error> {
    use citemap::check::Style;
    let config = super::settings::config_for(path)?;
    let mut policy = config.policy.clone();
    flags(&mut policy, set)?;
    let (mut a, kind) = load_kind(path, input)?;
    let mut options = config.check_options(
        &a,
        set.style.and_then(Style::parse),
        input.library.uncited_library,
    );
    options.select = policy.select.clone();
    let mut diags = policy.apply(citemap::check::check(&a, &options));
    let name = shown(path);
    use citemap::render::diagnostics as render;
    if set.fix != FixMode::Report {
        use citemap::input::Kind;
        if !matches!(kind, Kind::Text | Kind::Markdown) {
            return Err(Error::Usage(format!(
                "{name}: --fix and --diff edit plain text and Markdown, not {}",
                kind.name()
            )));
        }
        let original = a.source.text().to_string();
        // A fix can uncover another (two on one span wait for the next
        // pass); a few passes reach the fixed point.
        let mut text = original.clone();
        for _ in 0..4 {
            let (next, n) = citemap::check::fix::apply(&text, &diags);
            if n == 0 {
                break;
            }
            text = next;
            a = reanalyze(path, &a, text.clone(), input, kind)?;
            diags = policy.apply(citemap::check::check(&a, &options));
        }
        if set.fix == FixMode::Diff {
            let diff = similar::TextDiff::from_lines(&original, &text)
                .unified_diff()
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string();
            return Ok(Piece {
                code: i32::from(text != original),
                ..Piece::ok(diff.into_bytes())
            });
        }
        let write = |w: &mut dyn std::io::Write| w.write_all(text.as_bytes());
        match fixed_to {
            // The copy is written even when nothing changed.
            Some(p) => super::output::emit(Some(p), force, write)?,
            None if text != original => {
                super::output::write_atomic(&super::output::in_place(path)?, write)?
            }
            None => {}
        }
    }
    let out = match set.format {
        CheckFormat::Human => bytes(|w| render::human(&diags, &a.source, &name, use_color, w))?,
        CheckFormat::Sarif => bytes(|w| render::sarif(&diags, &a.source, &name, w))?,
        CheckFormat::Concise => bytes(|w| render::concise(&diags, &a.source, &name, w))?,
        CheckFormat::Github => bytes(|w| render::github(&diags, &a.source, &name, w))?,
        CheckFormat::Junit => bytes(|w| {
            use std::io::Write;
            if !many {
                w.write_all(render::JUNIT_HEAD.as_bytes())?;
            }
            render::junit_suite(&diags, &a.source, &name, &mut *w)?;
            if !many {
                w.write_all(render::JUNIT_TAIL.as_bytes())?;
            }
            Ok(())
        })?,
        CheckFormat::Json | CheckFormat::Jsonl => {
            let found = bytes(|w| render::json(&diags, &a.source, w))?;
            let lines = set.format == CheckFormat::Jsonl;
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
