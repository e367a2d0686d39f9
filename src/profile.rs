//! Dimension profiles: name the dimensions of a document and say which
//! headings start each one.
//!
//! ```toml
//! [[dimension]]
//! id = "economy"              # optional; derived from the name otherwise
//! name = "Economy"
//! headings = ["(?i)econom"]    # regular expressions
//! ```
//!
//! With a profile, a heading at any level that matches a dimension's
//! pattern starts that dimension; a top-level heading that matches none
//! ends it (its text belongs to no dimension).

use crate::error::Error;
use crate::text::slug;
use regex::Regex;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    dimension: Vec<DimensionSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionSpec {
    id: Option<String>,
    name: String,
    headings: Vec<String>,
}

/// One dimension of a profile.
#[derive(Debug, Clone)]
pub struct ProfileDimension {
    /// Identifier used in outputs.
    pub id: String,
    /// Display name.
    pub name: String,
    patterns: Vec<Regex>,
}

/// A parsed dimension profile.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Dimensions in the order the profile lists them.
    pub dimensions: Vec<ProfileDimension>,
}

impl Profile {
    /// Parses a profile from TOML text. Every error is reported, with the
    /// dimension it concerns.
    pub fn from_toml(text: &str) -> Result<Self, Error> {
        let file: ProfileFile = toml::from_str(text)
            .map_err(|e| Error::Usage(format!("dimension profile: {}", e.message())))?;
        let mut dimensions = Vec::new();
        let mut problems = Vec::new();
        for d in file.dimension {
            let id = d.id.clone().unwrap_or_else(|| slug(&d.name));
            let mut patterns = Vec::new();
            for p in &d.headings {
                match Regex::new(p) {
                    Ok(r) => patterns.push(r),
                    Err(e) => {
                        // The regex error draws a caret diagram over
                        // several lines; its last line says what is wrong.
                        let msg = e.to_string();
                        let why = msg
                            .lines()
                            .last()
                            .unwrap_or("invalid")
                            .trim()
                            .trim_start_matches("error: ");
                        problems.push(format!(
                            "dimension \"{}\": bad pattern {p:?}: {why}",
                            d.name
                        ));
                    }
                }
            }
            if d.headings.is_empty() {
                problems.push(format!("dimension \"{}\": no heading patterns", d.name));
            }
            if dimensions.iter().any(|x: &ProfileDimension| x.id == id) {
                problems.push(format!("dimension id \"{id}\" is used twice"));
            }
            dimensions.push(ProfileDimension {
                id,
                name: d.name,
                patterns,
            });
        }
        if !problems.is_empty() {
            return Err(Error::Usage(format!(
                "dimension profile: {}",
                problems.join("; ")
            )));
        }
        Ok(Profile { dimensions })
    }

    /// The dimension a heading starts, if any.
    pub fn classify(&self, heading: &str) -> Option<usize> {
        self.dimensions
            .iter()
            .position(|d| d.patterns.iter().any(|p| p.is_match(heading)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_classifies() {
        let p = Profile::from_toml(
            "[[dimension]]\nname = \"Geography\"\nheadings = [\"(?i)geograph\"]\n\n[[dimension]]\nid = \"hist\"\nname = \"History\"\nheadings = [\"(?i)history\"]\n",
        )
        .unwrap();
        assert_eq!(p.dimensions[0].id, "geography");
        assert_eq!(p.classify("The national history: gloomy"), Some(1));
        assert_eq!(p.classify("Conclusion"), None);
    }

    #[test]
    fn reports_every_bad_pattern() {
        let e = Profile::from_toml("[[dimension]]\nname = \"A\"\nheadings = [\"(\"]\n[[dimension]]\nname = \"B\"\nheadings = []\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"A\": bad pattern"), "{e}");
        assert!(e.contains("\"B\": no heading patterns"), "{e}");
        assert!(Profile::from_toml("dimension = 3").is_err());
    }
}
