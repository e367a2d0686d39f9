//! `citemap bib` and `citemap refs`: reference lists as BibTeX, BibLaTeX,
//! CSL-JSON or RIS, merged into a library on request; reference strings as
//! JSON lines.

use super::batch::{self, BatchArgs, Frame, Piece};
use super::{BibFormat, Input, Output, load, output, read_input, shown};
use citemap::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `input` carries the walk, the input format and the library; its
/// `files` are not read (`files` are).
pub(super) fn bib(
    files: &[PathBuf],
    input: &Input,
    format: BibFormat,
    key_format: Option<&str>,
    merge: Option<&Path>,
    output: &Output,
) -> Result<i32, Error> {
    use citemap::bibliography::{KeyFormat, assign_keys, combine, merge_into};
    use citemap::render::{bib::Dialect, bib::write_with, csl, ris};
    use citemap::text::proper::ProperNouns;
    let keys = key_format.map_or_else(|| Ok(KeyFormat::default()), KeyFormat::parse)?;
    let walk = &input.batch;
    let found = citemap::batch::inputs(files, &walk.walk())?;
    let paths: Vec<PathBuf> = found.into_iter().collect::<Result<_, _>>()?;
    let lone = paths.len() == 1;
    // The lists are read on every core; a document that fails is named
    // and left out, and the export still holds the others.
    let mut lists = Vec::new();
    let mut nouns = ProperNouns::default();
    let mut failed = false;
    citemap::batch::map_ordered(
        &paths,
        walk.threads(),
        |p| {
            load(p, input).map(|a| {
                let nouns = ProperNouns::of_analysis(&a);
                (a.references, nouns)
            })
        },
        |_, r| {
            match r {
                Ok((list, n)) => {
                    lists.push(list);
                    nouns.extend(n);
                }
                Err(e) if lone => return Err(e),
                Err(e) => {
                    eprintln!("citemap: {e}");
                    failed = true;
                }
            }
            Ok(())
        },
    )?;
    let mut refs = combine(lists);
    if refs.is_empty() {
        // Nothing to export is not a success: say so, and exit 1.
        let names: Vec<String> = files.iter().map(|f| shown(f)).collect();
        eprintln!("citemap: no reference list found in {}", names.join(", "));
        return Ok(if failed { 2 } else { 1 });
    }
    assign_keys(&mut refs, &keys, &Default::default());
    let dialect = match format {
        BibFormat::Biblatex => Dialect::Biblatex,
        _ => Dialect::Bibtex,
    };
    if let Some(lib) = merge {
        if matches!(format, BibFormat::CslJson | BibFormat::Ris) {
            return Err(Error::Usage(
                "--merge takes a .bib library: use --format bibtex or biblatex".into(),
            ));
        }
        let text = std::fs::read_to_string(lib).map_err(|e| Error::io(Some(lib), e))?;
        let (merged, report) = merge_into(&text, &refs, dialect, &keys, &nouns)
            .map_err(|e| Error::Usage(format!("{}: {e}", lib.display())))?;
        if !report.added.is_empty() {
            output::write_atomic(&output::in_place(lib)?, |w| w.write_all(merged.as_bytes()))?;
        }
        merge_summary(&report, lib, &mut std::io::stderr()).map_err(|e| Error::io(None, e))?;
        return Ok(if failed { 2 } else { 0 });
    }
    output::emit(output.output.as_deref(), output.force, |w| match format {
        BibFormat::Bibtex | BibFormat::Biblatex => write_with(&refs, dialect, &nouns, w),
        BibFormat::CslJson => csl::write(&refs, w),
        BibFormat::Ris => ris::write(&refs, w),
    })?;
    Ok(if failed { 2 } else { 0 })
}

/// Parses reference strings, one a line, into JSON lines. With several
/// files, each line starts with its file's "path".
pub(super) fn refs(files: &[PathBuf], walk: &BatchArgs, out: &Output) -> Result<i32, Error> {
    batch::run(files, walk, Some(out), Frame::Plain, |file, many| {
        let text = read_input(file)?;
        let refs = citemap::reference::parse_lines(&text);
        if refs.is_empty() {
            eprintln!("citemap: no reference strings found in {}", shown(file));
            return Ok(Piece {
                code: 1,
                ..Piece::ok(Vec::new())
            });
        }
        let mut lines = Vec::new();
        citemap::render::json::write_fields(&refs, &mut lines).map_err(|e| Error::io(None, e))?;
        if !many {
            return Ok(Piece::ok(lines));
        }
        let path = serde_json::to_string(&shown(file))
            .map_err(|e| Error::io(None, std::io::Error::other(e)))?;
        let mut with_path = Vec::with_capacity(lines.len() + refs.len() * (path.len() + 10));
        for line in lines.split_inclusive(|&b| b == b'\n') {
            // Every line is an object: "{" then its fields, or "{}".
            let rest = &line[1..];
            with_path.extend_from_slice(b"{\"path\":");
            with_path.extend_from_slice(path.as_bytes());
            if !rest.starts_with(b"}") {
                with_path.push(b',');
            }
            with_path.extend_from_slice(rest);
        }
        Ok(Piece::ok(with_path))
    })
}

/// What a merge did, for stderr. A work the library holds under the key
/// this run would give it is most likely one an earlier merge added, so it
/// is counted, not listed: a re-merge says only that nothing was new. A
/// work held under another key is the user's own entry, worth naming.
fn merge_summary(
    report: &citemap::bibliography::MergeReport,
    lib: &Path,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let mut line = if report.added.is_empty() {
        format!("citemap: nothing new for {}", lib.display())
    } else {
        format!(
            "citemap: added {} entries to {}",
            report.added.len(),
            lib.display()
        )
    };
    if !report.existing.is_empty() {
        line += &format!("; {} already there", report.existing.len());
    }
    writeln!(w, "{line}")?;
    for (new, old) in report.existing.iter().filter(|(n, o)| n != o) {
        writeln!(w, "citemap: {new} is already in the library as {old}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use citemap::bibliography::MergeReport;

    fn summary(report: &MergeReport) -> String {
        let mut out = Vec::new();
        merge_summary(report, Path::new("lib.bib"), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_re_merge_says_nothing_is_new_and_names_only_the_users_own_entries() {
        let again = MergeReport {
            added: vec![],
            existing: vec![("lee2001".into(), "lee2001".into())],
        };
        assert_eq!(
            summary(&again),
            "citemap: nothing new for lib.bib; 1 already there\n"
        );
        let mixed = MergeReport {
            added: vec!["kim2002".into()],
            existing: vec![("lee2001".into(), "mine".into())],
        };
        assert_eq!(
            summary(&mixed),
            "citemap: added 1 entries to lib.bib; 1 already there\n\
             citemap: lee2001 is already in the library as mine\n"
        );
    }
}
