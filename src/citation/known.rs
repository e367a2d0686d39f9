//! The names (and years) of the reference list, for citations whose shape
//! alone is weak evidence.

/// Folded author names of the reference list, for checking citations that
/// have only their shape to go on.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Folded names, whole and by their last word, with the years (digits)
    /// of their works.
    works: std::collections::HashMap<String, std::collections::HashSet<String>>,
    /// Whether the years were given: without them any year will do.
    dated: bool,
    /// Every year (digits) of every work.
    all_years: std::collections::HashSet<String>,
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
        let mut map: std::collections::HashMap<String, std::collections::HashSet<String>> =
            std::collections::HashMap::new();
        for (n, y) in works {
            let f = crate::text::fold(n);
            let last = f.rsplit(' ').next().unwrap_or(&f).to_string();
            let whole = f.strip_prefix("the ").unwrap_or(&f).to_string();
            for key in [last, whole] {
                map.entry(key).or_default().extend(y.map(str::to_string));
            }
        }
        let all_years = map.values().flatten().cloned().collect();
        Known {
            works: map,
            dated,
            all_years,
        }
    }

    /// The years of the works of `cited`, by its whole folded name or its
    /// last word.
    fn years(&self, cited: &str) -> Option<&std::collections::HashSet<String>> {
        let f = crate::text::fold(cited);
        let f = f.strip_prefix("the ").unwrap_or(&f);
        self.works
            .get(f)
            .or_else(|| self.works.get(f.rsplit(' ').next().unwrap_or(f)))
    }

    pub(super) fn contains(&self, cited: &str) -> bool {
        self.years(cited).is_some()
    }

    /// Whether the list may have a work of anyone from `year`: the cheap
    /// test before a weakly shaped citation is looked for around it.
    pub(super) fn has_year(&self, year: &str) -> bool {
        match (self.dated, crate::reference::year_digits(year)) {
            (true, Some(digits)) => self.all_years.contains(digits),
            _ => true,
        }
    }

    /// Whether the list may have a work of `cited` from `year`: always
    /// when years are unknown or the citation has none ("n.d.").
    pub(super) fn has_work(&self, cited: &str, year: &str) -> bool {
        match (self.dated, crate::reference::year_digits(year)) {
            (true, Some(digits)) => self.years(cited).is_none_or(|ys| ys.contains(digits)),
            _ => true,
        }
    }
}
