//! The names (and years) of the reference list, for citations whose shape
//! alone is weak evidence.

/// Folded author names of the reference list, for checking citations that
/// have only their shape to go on.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Folded names, whole and by their last word, with the years (digits)
    /// of their works.
    /// Years are numbers in a sorted list, not a set of strings: a list
    /// of a million works keeps one of these a name.
    works: std::collections::HashMap<String, Vec<u16>>,
    /// Whether the years were given: without them any year will do.
    dated: bool,
    /// Every year of every work, as a bit set of the four-digit numbers.
    all_years: Vec<u64>,
}

/// The word of the year bit set that holds year `y`, and its bit there.
fn word_of(y: u16) -> usize {
    usize::from(y) / 64
}

fn bit_of(y: u16) -> u64 {
    1 << (y % 64)
}

/// A year's four digits as a number.
fn year_number(year: &str) -> Option<u16> {
    crate::reference::year_digits(year)?.parse().ok()
}

impl Known {
    /// Collects the citation names (family names, organisations) of a list.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self::collect(names.into_iter().map(|n| (n, None)), false)
    }

    /// The names of a reference list with the years of their works, so
    /// that a weakly shaped citation is held to a work the list has, not
    /// only to a name.
    pub fn from_references(refs: &[crate::reference::Reference]) -> Self {
        let works = refs.iter().flat_map(|r| {
            let years: Vec<Option<&str>> = std::iter::once(r.year_digits())
                .chain(
                    r.other_years
                        .iter()
                        .map(|y| crate::reference::year_digits(y)),
                )
                .collect();
            r.authors.iter().chain(&r.editors).flat_map(move |n| {
                years
                    .clone()
                    .into_iter()
                    .map(move |y| (n.citation_name(), y))
            })
        });
        Self::collect(works, true)
    }

    fn collect<'a>(works: impl Iterator<Item = (&'a str, Option<&'a str>)>, dated: bool) -> Self {
        let mut map: std::collections::HashMap<String, Vec<u16>> = std::collections::HashMap::new();
        let mut all_years = vec![0u64; word_of(9999) + 1];
        for (n, y) in works {
            let f = crate::text::fold(n);
            let year = y.and_then(year_number);
            if let Some(y) = year
                && let Some(w) = all_years.get_mut(word_of(y))
            {
                *w |= bit_of(y);
            }
            let last = f.rsplit(' ').next().unwrap_or(&f);
            let whole = f.strip_prefix("the ").unwrap_or(&f);
            for key in [last, whole] {
                let ys = match map.get_mut(key) {
                    Some(ys) => ys,
                    None => map.entry(key.to_string()).or_default(),
                };
                ys.extend(year);
            }
        }
        for ys in map.values_mut() {
            ys.sort_unstable();
            ys.dedup();
            ys.shrink_to_fit();
        }
        Known {
            works: map,
            dated,
            all_years,
        }
    }

    /// The years of the works of `cited`, by its whole folded name or its
    /// last word.
    fn years(&self, cited: &str) -> Option<&[u16]> {
        let f = crate::text::fold(cited);
        let f = f.strip_prefix("the ").unwrap_or(&f);
        self.works
            .get(f)
            .or_else(|| self.works.get(f.rsplit(' ').next().unwrap_or(f)))
            .map(Vec::as_slice)
    }

    pub(super) fn contains(&self, cited: &str) -> bool {
        self.years(cited).is_some()
    }

    /// Whether the list may have a work of anyone from `year`: the cheap
    /// test before a weakly shaped citation is looked for around it.
    pub(super) fn has_year(&self, year: &str) -> bool {
        match (self.dated, year_number(year)) {
            (true, Some(y)) => self
                .all_years
                .get(word_of(y))
                .is_some_and(|w| w & bit_of(y) != 0),
            _ => true,
        }
    }

    /// Whether the list may have a work of `cited` from `year`: always
    /// when years are unknown or the citation has none ("n.d.").
    pub(super) fn has_work(&self, cited: &str, year: &str) -> bool {
        match (self.dated, year_number(year)) {
            (true, Some(y)) => self
                .years(cited)
                .is_none_or(|ys| ys.binary_search(&y).is_ok()),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(src: &str) -> Known {
        Known::from_references(&crate::reference::parse_lines(src))
    }

    #[test]
    fn a_name_is_held_to_the_years_of_its_works() {
        let k = list(
            "Holm, A. (2004). First title. Field Journal, 2, 1-9.\n\
             Holm, A. (2011a). Second title. Field Journal, 9, 1-9.\n\
             The Weather Office. (1998). Annual survey. Weather Press.\n",
        );
        assert!(k.contains("Holm"));
        assert!(k.has_work("Holm", "2004"));
        assert!(k.has_work("Holm", "2011b"), "the suffix is not the year");
        assert!(!k.has_work("Holm", "2005"));
        // An organisation by its whole name or its last word.
        assert!(k.has_work("Weather Office", "1998"));
        assert!(k.has_work("Office", "1998"));
        // A name the list lacks is not held to a year here, and a citation
        // without digits ("n.d.") to none.
        assert!(k.has_work("Nobody", "1700"));
        assert!(k.has_work("Holm", "n.d."));
    }

    #[test]
    fn any_year_of_the_list_is_known_and_no_other() {
        let k = list("Holm, A. (2004). A title. Field Journal, 2, 1-9.\n");
        assert!(k.has_year("2004"));
        assert!(k.has_year("(2004a)"));
        assert!(!k.has_year("2003"));
        assert!(!k.has_year("0000"));
        assert!(!k.has_year("9999"), "the top of the bit set");
        // Without years (names alone) every year may hold a work.
        let names = Known::new(["Holm"]);
        assert!(names.has_year("1850") && names.has_work("Holm", "1850"));
        assert!(Known::default().has_year("2004"));
    }
}
