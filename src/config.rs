//! `citemap.toml`: project settings for `check`, found next to the
//! document or in a parent folder.
//!
//! ```toml
//! [check]
//! style = "apa6"                       # apa7 (default), apa6, harvard, chicago
//! allow = ["reference-order"]          # codes not reported
//! deny = ["warning", "uncited-reference"]  # a level fails the run; a code becomes an error
//! ```

use crate::check::{Policy, Style};
use crate::error::Error;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    check: CheckSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckSection {
    style: Option<String>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    deny: Vec<String>,
}

/// Settings read from a `citemap.toml`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Citation style, if set.
    pub style: Option<Style>,
    /// Allowed and denied codes and the failing level.
    pub policy: Policy,
}

impl Config {
    /// Parses the text of a `citemap.toml`; all problems are reported.
    pub fn from_toml(text: &str) -> Result<Config, Error> {
        let f: File = toml::from_str(text)
            .map_err(|e| Error::Usage(format!("citemap.toml: {}", e.message().trim())))?;
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
        if problems.is_empty() {
            Ok(Config { style, policy })
        } else {
            Err(Error::Usage(format!(
                "citemap.toml: {}",
                problems.join("; ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;

    #[test]
    fn reads_style_allow_and_deny() {
        let c = Config::from_toml("[check]\nstyle = \"apa6\"\nallow = [\"reference-order\"]\ndeny = [\"warning\", \"uncited-reference\"]\n").unwrap();
        assert_eq!(c.style, Some(Style::Apa6));
        assert_eq!(c.policy.allow, ["reference-order"]);
        assert_eq!(c.policy.deny_level, Some(Severity::Warning));
        assert_eq!(c.policy.deny_codes, ["uncited-reference"]);
    }

    #[test]
    fn reports_every_bad_value() {
        let e = Config::from_toml("[check]\nstyle = \"mla\"\nallow = [\"nope\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("unknown style") && e.contains("allow: unknown code"),
            "{e}"
        );
        assert!(Config::from_toml("[chek]\n").is_err());
    }
}
