//! The years of a citation: "2015a, b", "[1998] 2015", and one record per
//! cited year.

use super::Cite;
use crate::grammar;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ONE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{}|\b[a-h]\b", grammar::cited_year())).expect("valid regex")
});

pub(super) fn expand_years(years: &str) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for m in ONE_YEAR.find_iter(years) {
        let y = m.as_str();
        let y = if y.len() == 1 {
            // "2015a, b": a bare letter repeats the previous year.
            match out.last() {
                Some((_, prev)) if prev.len() >= 4 => format!("{}{y}", &prev[..4]),
                _ => continue,
            }
        } else if y.starts_with('[') {
            // "[1998] 2015": cite the edition read.
            y.rsplit(']').next().unwrap_or(y).trim().to_string()
        } else {
            grammar::canonical_year(y)
        };
        out.push((m.range(), y));
    }
    out
}

/// Pushes one record per cited year. `template` holds what the records
/// share, with its span starting at the names, its locator and prefix;
/// `base` is where the years' text starts. The first record spans the
/// names and its year, later ones their year alone; the last one ends at
/// `end` and takes the locator, the first one the prefix.
pub(super) fn push_years(
    out: &mut Vec<Cite>,
    template: Cite,
    base: usize,
    years: &[(Range<usize>, String)],
    end: usize,
) {
    let n = years.len();
    for (k, (yr, y)) in years.iter().enumerate() {
        let start = if k == 0 {
            template.span.start
        } else {
            base + yr.start
        };
        let last = k + 1 == n;
        out.push(Cite {
            span: start..if last {
                end.max(base + yr.end)
            } else {
                base + yr.end
            },
            year: y.clone(),
            locator: if last { template.locator.clone() } else { None },
            prefix: if k == 0 {
                template.prefix.clone()
            } else {
                None
            },
            ..template.clone()
        });
    }
}

pub(super) fn clean_locator(s: &str) -> Box<str> {
    s.trim().trim_start_matches([',', ':']).trim().into()
}
