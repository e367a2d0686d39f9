//! `citemap.toml`: project settings, found next to the document or in a
//! parent folder (or named with `--config`). Flags given on the command
//! line win over the file.
//!
//! ```toml
//! [document]                           # every command that reads documents
//! dimension-level = 1                  # the heading level of the dimensions
//! dimensions = "dimensions.toml"       # a dimension profile, beside this file
//! bib = ["library.bib"]                # the author's libraries, beside this file
//!
//! [check]
//! style = "apa6"                       # apa7 (default), apa6, harvard, chicago
//! select = ["missing-doi"]              # codes that are off unless selected
//! allow = ["reference-order"]          # codes not reported
//! deny = ["warning", "uncited-reference"]  # a level fails the run; a code becomes an error
//!
//! [bib]
//! format = "biblatex"                  # bibtex (default), biblatex, csl-json, ris
//! key-format = "{auth}{year}"
//! ```

use crate::check::{Policy, Style};
use crate::error::Error;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    document: DocumentSection,
    #[serde(default)]
    check: CheckSection,
    #[serde(default)]
    bib: BibSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DocumentSection {
    dimension_level: Option<u8>,
    dimensions: Option<PathBuf>,
    #[serde(default)]
    bib: Vec<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckSection {
    style: Option<String>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    deny: Vec<String>,
    #[serde(default)]
    select: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct BibSection {
    format: Option<String>,
    key_format: Option<String>,
}

/// The export formats `[bib] format` may name.
pub const BIB_FORMATS: &[&str] = &["bibtex", "biblatex", "csl-json", "ris"];

/// Settings read from a `citemap.toml`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Citation style, if set.
    pub style: Option<Style>,
    /// Allowed and denied codes and the failing level.
    pub policy: Policy,
    /// The heading level whose sections are the dimensions (1–6).
    pub dimension_level: Option<u8>,
    /// A dimension profile, resolved against the file's folder.
    pub dimensions: Option<PathBuf>,
    /// The author's libraries, resolved against the file's folder.
    pub libraries: Vec<PathBuf>,
    /// The export format of `bib`, one of [`BIB_FORMATS`].
    pub bib_format: Option<String>,
    /// The key pattern of `bib`.
    pub key_format: Option<String>,
}

impl Config {
    /// The nearest `citemap.toml` in `dir` or a folder above it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join("citemap.toml"))
            .find(|p| p.is_file())
    }

    /// Reads a `citemap.toml`; a problem in it is an error that names
    /// the file as `shown`.
    pub fn load(path: &Path, shown: &str) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
        let dir = path.parent().unwrap_or(Path::new(""));
        Config::from_toml(&text, dir).map_err(|e| Error::Usage(format!("{shown}: {e}")))
    }

    /// The analysis options this file sets. A profile file or a level given
    /// on the command line wins over the file's.
    pub fn analysis_options(
        &self,
        dimensions: Option<&Path>,
        dimension_level: Option<u8>,
    ) -> Result<crate::Options, Error> {
        let profile = match dimensions.or(self.dimensions.as_deref()) {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| Error::io(Some(p), e))?;
                Some(crate::profile::Profile::from_toml(&text)?)
            }
            None => None,
        };
        Ok(crate::Options {
            profile,
            dimension_level: Some(usize::from(
                dimension_level.or(self.dimension_level).unwrap_or(1),
            )),
            ..Default::default()
        })
    }

    /// The libraries a document is read against besides the ones it names:
    /// those given on the command line, else this file's.
    pub fn libraries_or(&self, flags: &[PathBuf]) -> Vec<PathBuf> {
        if flags.is_empty() {
            self.libraries.clone()
        } else {
            flags.to_vec()
        }
    }

    /// What `check` runs with on `a`: the style `flag` names, else this
    /// file's, else the one the reference list is written in, else APA 7.
    pub fn check_options(
        &self,
        a: &crate::Analysis,
        flag: Option<Style>,
        uncited_library: bool,
    ) -> crate::check::CheckOptions {
        crate::check::CheckOptions {
            style_given: flag.or(self.style).is_some(),
            style: flag
                .or(self.style)
                .or_else(|| Style::infer(a))
                .unwrap_or_default(),
            uncited_library,
            select: self.policy.select.clone(),
            ..Default::default()
        }
    }

    /// Parses the text of a `citemap.toml`; every problem is reported at
    /// once, without the file's name (the caller knows how to show it).
    /// Relative paths in it are taken from `dir`, the file's folder.
    pub fn from_toml(text: &str, dir: &Path) -> Result<Config, Error> {
        let f: File = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                    format!("line {line}: ")
                })
                .unwrap_or_default();
            Error::Usage(format!("{at}{}", e.message().trim()))
        })?;
        let mut problems = Vec::new();
        let style = match f.check.style.as_deref() {
            None => None,
            Some(s) => match Style::parse(s) {
                Some(st) => Some(st),
                None => {
                    problems.push(format!(
                        "unknown style \"{s}\" (apa7, apa6, harvard, chicago)"
                    ));
                    None
                }
            },
        };
        let mut policy = Policy::default();
        for a in &f.check.allow {
            if let Err(e) = policy.allow(a) {
                problems.push(format!("allow: {e}"));
            }
        }
        for d in &f.check.deny {
            if let Err(e) = policy.deny(d) {
                problems.push(format!("deny: {e}"));
            }
        }
        for c in &f.check.select {
            if let Err(e) = policy.select(c) {
                problems.push(format!("select: {e}"));
            }
        }
        if let Some(l) = f.document.dimension_level
            && !(1..=6).contains(&l)
        {
            problems.push(format!("dimension-level: {l} is not a level from 1 to 6"));
        }
        if let Some(b) = &f.bib.format
            && !BIB_FORMATS.contains(&b.as_str())
        {
            problems.push(format!(
                "[bib] format: unknown format \"{b}\" ({})",
                BIB_FORMATS.join(", ")
            ));
        }
        if !problems.is_empty() {
            return Err(Error::Usage(problems.join("; ")));
        }
        Ok(Config {
            style,
            policy,
            dimension_level: f.document.dimension_level,
            dimensions: f.document.dimensions.map(|p| dir.join(p)),
            libraries: f.document.bib.iter().map(|p| dir.join(p)).collect(),
            bib_format: f.bib.format,
            key_format: f.bib.key_format,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;

    #[test]
    fn reads_style_allow_and_deny() {
        let c = Config::from_toml("[check]\nstyle = \"apa6\"\nallow = [\"reference-order\"]\ndeny = [\"warning\", \"uncited-reference\"]\n", Path::new("")).unwrap();
        assert_eq!(c.style, Some(Style::Apa6));
        assert_eq!(c.policy.allow, ["reference-order"]);
        assert_eq!(c.policy.deny_level, Some(Severity::Warning));
        assert_eq!(c.policy.deny_codes, ["uncited-reference"]);
    }

    #[test]
    fn reads_document_and_bib_settings_with_paths_beside_the_file() {
        let c = Config::from_toml(
            "[document]\ndimension-level = 2\ndimensions = \"d.toml\"\nbib = [\"a.bib\", \"sub/b.json\"]\n[bib]\nformat = \"ris\"\nkey-format = \"{auth}{year}\"\n",
            Path::new("proj"),
        )
        .unwrap();
        assert_eq!(c.dimension_level, Some(2));
        assert_eq!(c.dimensions, Some(PathBuf::from("proj/d.toml")));
        assert_eq!(
            c.libraries,
            [
                PathBuf::from("proj/a.bib"),
                PathBuf::from("proj/sub/b.json")
            ]
        );
        assert_eq!(c.bib_format.as_deref(), Some("ris"));
        assert_eq!(c.key_format.as_deref(), Some("{auth}{year}"));
    }

    #[test]
    fn reports_every_bad_value() {
        let e = Config::from_toml(
            "[check]\nstyle = \"mla\"\nallow = [\"nope\"]\n[bib]\nformat = \"word\"\n[document]\ndimension-level = 9\n",
            Path::new(""),
        )
        .unwrap_err()
        .to_string();
        for part in [
            "unknown style",
            "allow: unknown code",
            "unknown format \"word\"",
            "dimension-level: 9",
        ] {
            assert!(e.contains(part), "{part} missing from {e}");
        }
        assert!(!e.contains("citemap.toml"), "{e}");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let e = Config::from_toml("[check]\n\nstyle = \n", Path::new(""))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 3: "), "{e}");
        let e = Config::from_toml("[chek]\n", Path::new(""))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
