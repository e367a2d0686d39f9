//! Linking: each cited work to exactly one reference, or to none with a
//! reason.
//!
//! Names are compared folded (case, diacritics, punctuation and a leading
//! "The" ignored). A candidate must match the first cited name; the year
//! then narrows the candidates, and the second author, "et al." and
//! initials break ties. A name one or two edits away is a fuzzy match and
//! says so.

use crate::citation::Cite;
use crate::lexicon::is_name_and;
use crate::reference::{Name, Reference, year_digits, year_suffix};
use crate::text::fold;
mod tolerance;

pub use tolerance::{Tolerance, join};

use serde::Serialize;

/// How a citation was matched to its reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Match {
    /// Names and year agree.
    Exact,
    /// Matched with tolerances, each typed so that messages and checks
    /// read the same record.
    Fuzzy {
        /// What was tolerated, in the order it was found.
        tolerances: Vec<Tolerance>,
    },
    /// No reference fits.
    None {
        /// Why not, naming the closest entry when there is one.
        reason: String,
    },
}

impl Match {
    /// The explanation of a fuzzy or failed match, as the outputs print it.
    pub fn reason(&self) -> Option<String> {
        match self {
            Match::Exact => None,
            Match::Fuzzy { tolerances } => Some(join(tolerances)),
            Match::None { reason } => Some(reason.clone()),
        }
    }
}

/// The result of linking one citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Index of the reference, if any.
    pub reference: Option<usize>,
    /// How the match was made.
    pub how: Match,
    /// Reference whose name fits but whose year does not.
    pub year_mismatch: Option<usize>,
    /// Other references that fit as well as the chosen one.
    pub ambiguous: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameFit {
    None,
    Fuzzy,
    Exact,
}

fn strip_the(s: &str) -> &str {
    let s = s.trim();
    for p in ["the ", "a "] {
        if s.len() > p.len() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
            return &s[p.len()..];
        }
    }
    s
}

/// `s` ends with the word(s) `w`, after a space: "de queiroz" / "queiroz".
fn ends_with_word(s: &str, w: &str) -> bool {
    s.len() > w.len() && s.ends_with(w) && s.as_bytes()[s.len() - w.len() - 1] == b' '
}

fn initials(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Compares a cited name with a reference name, both also given folded
/// (`c`, `t`, so that each name is folded once). Returns the fit and, for
/// a fuzzy fit, the reason.
fn fit_folded(cited: &str, c: &str, name: &Name, t: &str) -> (NameFit, Option<Tolerance>) {
    let target = name.citation_name();
    if c.is_empty() || t.is_empty() {
        return (NameFit::None, None);
    }
    if c == t {
        let dropped_the = strip_the(cited).len() == cited.trim().len()
            && strip_the(target).len() != target.trim().len();
        return if dropped_the {
            (
                NameFit::Fuzzy,
                Some(Tolerance::DroppedArticle {
                    cited: cited.to_string(),
                    listed: target.to_string(),
                }),
            )
        } else {
            (NameFit::Exact, None)
        };
    }
    // Equal but for spaces and hyphens ("emrich bauer", "emrichbauer").
    let keep = |ch: &char| !matches!(ch, ' ' | '-');
    if c.chars().filter(keep).eq(t.chars().filter(keep)) {
        return (NameFit::Exact, None);
    }
    // "Queiroz" for "de Queiroz", "Garzón" for "Mañé-Garzón". Two cited
    // names ("Kowalski & Brown") are not one name that ends in the second.
    let joins_names = || cited.contains('&') || cited.split_whitespace().any(is_name_and);
    if let Name::Person { .. } = name
        && (ends_with_word(t, c) || (ends_with_word(c, t) && !joins_names()))
    {
        return (NameFit::Exact, None);
    }
    // An acronym for an organisation: "WHO" for "World Health Organization".
    if let Name::Literal { literal } = name {
        let cited_trim = cited.trim();
        if cited_trim.chars().all(|ch| ch.is_uppercase())
            && cited_trim.len() >= 2
            && (initials(literal) == cited_trim || literal.contains(&format!("({cited_trim})")))
        {
            return (NameFit::Exact, None);
        }
    }
    // A shortened organisation name: "United Nations" for "United Nations
    // and Department of Economic and Social Affairs".
    if let Name::Literal { .. } = name
        && c.contains(' ')
        && t.len() > c.len()
        && t.starts_with(c)
        && t.as_bytes()[c.len()] == b' '
    {
        return (
            NameFit::Fuzzy,
            Some(Tolerance::ShortenedOrganisation {
                cited: cited.to_string(),
                listed: target.to_string(),
            }),
        );
    }
    let (lc, lt) = (c.chars().count(), t.chars().count());
    let limit = match lc.min(lt) {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    // The edit distance is at least the difference in length.
    // Two swapped letters are one edit (optimal string alignment). That
    // distance is at least half the Levenshtein one, and costs more, so it
    // is only worked out where Levenshtein alone is too strict.
    let near = |c: &str, t: &str| {
        let lev = strsim::levenshtein(c, t);
        lev <= limit || (lev <= 2 * limit && strsim::osa_distance(c, t) <= limit)
    };
    if limit > 0 && lc.abs_diff(lt) <= limit && bag_distance(c, t) <= limit && near(c, t) {
        return (
            NameFit::Fuzzy,
            Some(Tolerance::Misspelled {
                cited: cited.to_string(),
                listed: target.to_string(),
            }),
        );
    }
    (NameFit::None, None)
}

/// A lower bound of the edit distance of `a` and `b`, in one pass each
/// and no allocation: each edit adds at most one character and removes at
/// most one, so the distance is at least the larger of what `a` has more of
/// and what `b` has more of. A transposition changes neither, so the bound
/// holds for the optimal string alignment distance too. Characters share
/// 64 buckets, which can only lower the bound.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 64];
    for ch in a.chars() {
        counts[(ch as usize) % 64] += 1;
    }
    for ch in b.chars() {
        counts[(ch as usize) % 64] -= 1;
    }
    let more: i32 = counts.iter().filter(|&&n| n > 0).sum();
    let less: i32 = counts.iter().filter(|&&n| n < 0).map(|n| -n).sum();
    more.max(less) as usize
}

/// The reference list prepared for linking: every citable name folded once.
#[derive(Debug)]
pub struct Index<'a> {
    refs: &'a [Reference],
    /// `folded[i][j]`: the folded citation name of person `j` of reference `i`.
    folded: Vec<Vec<String>>,
    /// `first[i]`: the first copy of the work entry `i` describes; worked
    /// out the first time two candidates remain.
    first: std::cell::OnceCell<Vec<usize>>,
    /// The candidates of each reading of the cited names met so far: a
    /// work cited ten times is compared with the list once.
    memo: std::cell::RefCell<std::collections::HashMap<String, Vec<Candidate>>>,
}

impl<'a> Index<'a> {
    /// Prepares `refs` for linking.
    pub fn new(refs: &'a [Reference]) -> Self {
        let folded = refs
            .iter()
            .map(|r| {
                r.people()
                    .iter()
                    .map(|n| fold(strip_the(n.citation_name())))
                    .collect()
            })
            .collect();
        Index {
            refs,
            folded,
            first: std::cell::OnceCell::new(),
            memo: Default::default(),
        }
    }

    fn fit(&self, cited: &str, c: &str, i: usize, j: usize) -> (NameFit, Option<Tolerance>) {
        match (self.refs[i].people().get(j), self.folded[i].get(j)) {
            (Some(name), Some(t)) => fit_folded(cited, c, name, t),
            _ => (NameFit::None, None),
        }
    }

    /// Links one citation.
    pub fn link(&self, cite: &Cite) -> Link {
        link_with(cite, self)
    }
}

/// Links one citation to the references. To link many, build an [`Index`]
/// once.
pub fn link(cite: &Cite, refs: &[Reference]) -> Link {
    Index::new(refs).link(cite)
}

/// A candidate reference with how well its names fit, and what was
/// tolerated.
type Candidate = (usize, NameFit, Option<Tolerance>);

fn link_with(cite: &Cite, index: &Index<'_>) -> Link {
    let refs = index.refs;
    let mut best = first_name_fits(cite, index);
    if best.is_empty() {
        best = other_author_fits(cite, index);
    }
    if best.is_empty() {
        return Link {
            reference: None,
            how: Match::None {
                reason: format!(
                    "no reference by \"{}\"",
                    cite.names.first().map_or("", |s| s)
                ),
            },
            year_mismatch: None,
            ambiguous: vec![],
        };
    }
    // Prefer exact name fits when there are any.
    let top = best.iter().map(|b| b.1).max().unwrap_or(NameFit::None);
    best.retain(|b| b.1 == top);
    let cy = cite.year.as_str();
    let mut cands: Vec<(usize, u8, Option<Tolerance>)> = best
        .iter()
        .filter_map(|(i, _, why)| year_fit(&refs[*i], cy).map(|s| (*i, s, why.clone())))
        .collect();
    if cands.is_empty() {
        let closest = best[0].0;
        return Link {
            reference: None,
            how: Match::None {
                reason: format!(
                    "\"{}\" is in the list as {}, but not for {}",
                    cite.names.first().map_or("", |s| s),
                    refs[closest].key,
                    cite.year
                ),
            },
            year_mismatch: Some(closest),
            ambiguous: vec![],
        };
    }
    // A work listed twice is one work: its later copies give way to the
    // first, which the check reports as duplicated.
    if cands.len() > 1 {
        let first = index
            .first
            .get_or_init(|| crate::reference::identity::copies(refs).first);
        let firsts: std::collections::HashSet<usize> = cands.iter().map(|c| c.0).collect();
        cands.retain(|c| first[c.0] == c.0 || !firsts.contains(&first[c.0]));
    }
    let score = |i: usize, base: u8| tie_score(cite, index, i, base);
    cands.sort_by_key(|(i, b, _)| (-score(*i, *b), *i));
    let top_score = score(cands[0].0, cands[0].1);
    let ambiguous: Vec<usize> = cands
        .iter()
        .skip(1)
        .filter(|(i, b, _)| score(*i, *b) == top_score)
        .map(|c| c.0)
        .collect();
    let (chosen, ybase, why) = cands[0].clone();
    let mut tolerances: Vec<Tolerance> = why.into_iter().collect();
    if ybase == 1 && refs[chosen].year.as_deref() != Some(cy) {
        tolerances.push(Tolerance::YearSuffix {
            cited: cy.to_string(),
            listed: refs[chosen].year.clone().unwrap_or_default(),
        });
    }
    let how = if tolerances.is_empty() {
        Match::Exact
    } else {
        Match::Fuzzy { tolerances }
    };
    Link {
        reference: Some(chosen),
        how,
        year_mismatch: None,
        ambiguous,
    }
}

/// The ways the cited names may read: a group author's longer reading, the
/// names as written whole, the first name, and all names joined (`joined`,
/// which the caller owns).
fn readings<'c>(cite: &'c Cite, joined: &'c str) -> Vec<&'c str> {
    let mut readings: Vec<&str> = Vec::new();
    if let Some(g) = cite.group_name.as_deref() {
        readings.push(g);
    }
    // The names as written, whole: an organisation may hold commas, "and"
    // or several capitalised words ("Malaria Genomic Epidemiology Network").
    let written = cite
        .written
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let written = written
        .strip_suffix("et al.")
        .or_else(|| written.strip_suffix("et al"))
        .unwrap_or(written)
        .trim_end_matches([',', ' ']);
    let written = written
        .strip_suffix("'s")
        .or_else(|| written.strip_suffix("’s"))
        .unwrap_or(written);
    if written.contains(' ') {
        readings.push(written);
    }
    if let Some(first) = cite.names.first() {
        readings.push(first);
    }
    // The whole string for a group author cited in parentheses.
    if cite.names.len() > 1 {
        readings.push(joined);
    }
    readings
}

/// References whose first name fits one of the readings.
fn first_name_fits(cite: &Cite, index: &Index<'_>) -> Vec<Candidate> {
    let joined = cite.names.join(" and ");
    let readings = readings(cite, &joined);
    // What follows depends on the readings alone.
    let key = format!("1\0{}", readings.join("\0"));
    if let Some(hit) = index.memo.borrow().get(&key) {
        return hit.clone();
    }
    let best = first_name_fits_of(&readings, index);
    index.memo.borrow_mut().insert(key, best.clone());
    best
}

fn first_name_fits_of(readings: &[&str], index: &Index<'_>) -> Vec<Candidate> {
    let folded: Vec<String> = readings.iter().map(|r| fold(strip_the(r))).collect();
    let mut best = Vec::new();
    for i in 0..index.refs.len() {
        let mut fit = (NameFit::None, None);
        for (reading, c) in readings.iter().zip(&folded) {
            let f = index.fit(reading, c, i, 0);
            if f.0 > fit.0 {
                fit = f;
            }
        }
        if fit.0 != NameFit::None {
            best.push((i, fit.0, fit.1));
        }
    }
    best
}

/// Authors in another order ("Deaton and Case" for "Case, Deaton"), or a
/// work cited by a co-author's name. A citation of several names must have
/// its first name among the work's authors: sharing only a co-author, it
/// cites another work ("Adams, Brown and Clark" is not "Brown and Dale").
fn other_author_fits(cite: &Cite, index: &Index<'_>) -> Vec<Candidate> {
    // What follows depends on the names and the year alone.
    let key = format!("2\0{}\0{}", cite.year, cite.names.join("\0"));
    if let Some(hit) = index.memo.borrow().get(&key) {
        return hit.clone();
    }
    let best = other_author_fits_of(cite, index);
    index.memo.borrow_mut().insert(key, best.clone());
    best
}

fn other_author_fits_of(cite: &Cite, index: &Index<'_>) -> Vec<Candidate> {
    let names_folded: Vec<String> = cite.names.iter().map(|n| fold(strip_the(n))).collect();
    let mut best = Vec::new();
    for (i, r) in index.refs.iter().enumerate() {
        let fits_among = |people: usize| -> Vec<bool> {
            cite.names
                .iter()
                .zip(&names_folded)
                .map(|(n, c)| (0..people).any(|j| index.fit(n, c, i, j).0 == NameFit::Exact))
                .collect()
        };
        let fits = fits_among(r.people().len());
        let hits = fits.iter().filter(|&&f| f).count();
        let first_fits = fits.first().copied().unwrap_or(false);
        // Names in another order are the entry's authors reordered ("Jones
        // & Smith" for "Smith & Jones"), or its leading ones under "et al.",
        // not names found anywhere in a long author list, which fit other
        // works by chance.
        let n = cite.names.len();
        let people = r.people().len();
        if n >= 2
            && hits == n
            && (people == n || (cite.et_al && people > n))
            && fits_among(n).iter().all(|&f| f)
        {
            best.push((i, NameFit::Fuzzy, Some(Tolerance::AuthorOrder)));
        } else if hits >= 1
            && (cite.names.len() == 1 || first_fits)
            && r.year.as_deref() == Some(cite.year.as_str())
        {
            best.push((i, NameFit::Fuzzy, Some(Tolerance::NotFirstAuthor)));
        }
    }
    best
}

/// How well the reference's year fits the cited one: 3 for the same year
/// (or one of its years), 1 for the same digits with a suffix on one side
/// only, none otherwise.
fn year_fit(r: &Reference, cy: &str) -> Option<u8> {
    let ry = r.year.as_deref().unwrap_or("");
    if ry.eq_ignore_ascii_case(cy) || r.other_years.iter().any(|y| y.eq_ignore_ascii_case(cy)) {
        return Some(3);
    }
    match (year_digits(ry), year_digits(cy)) {
        (Some(a), Some(b)) if a == b => match (year_suffix(ry), year_suffix(cy)) {
            (Some(_), Some(_)) => None, // different suffixes
            _ => Some(1),
        },
        _ => None,
    }
}

/// Breaks ties between candidates of reference `i`: the year's fit, the
/// number of authors against "et al.", the second author, the initial.
fn tie_score(cite: &Cite, index: &Index<'_>, i: usize, base: u8) -> i32 {
    let r = &index.refs[i];
    let mut s = i32::from(base) * 10;
    let n_auth = r.people().len();
    if cite.et_al {
        s += if n_auth >= 3 || r.authors_truncated {
            4
        } else {
            -2
        };
    } else {
        let n = cite.names.len();
        if n == n_auth {
            s += 4;
        } else if n == 1 && n_auth == 2 {
            s += 1;
        }
    }
    if let Some(second) = cite.names.get(1)
        && index.fit(second, &fold(strip_the(second)), i, 1).0 != NameFit::None
    {
        s += 5;
    }
    if let (Some(g), Some(Name::Person { given, .. })) = (cite.given.as_deref(), r.people().first())
        && !given.is_empty()
        && g.chars().next() == given.chars().next()
    {
        s += 3;
    }
    s
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_bag_distance_never_exceeds_the_edit_distance() {
        let words = [
            "smith", "smiht", "smyth", "jones", "garcía", "garcia", "", "ab", "ba", "müller",
        ];
        for a in words {
            for b in words {
                let bound = bag_distance(a, b);
                assert!(bound <= strsim::levenshtein(a, b), "{a} {b}");
                assert!(bound <= strsim::osa_distance(a, b), "{a} {b}");
            }
        }
        assert_eq!(bag_distance("smith", "jones"), 4);
    }

    use super::*;
    use crate::citation::{Known, find as find_with};

    fn find(t: &str) -> Vec<crate::citation::Cite> {
        find_with(t, &Known::default())
    }

    fn r(key: &str, authors: &[&str], year: &str) -> Reference {
        Reference {
            key: key.into(),
            authors: authors
                .iter()
                .map(|a| {
                    if a.contains(' ') {
                        Name::Literal {
                            literal: (*a).into(),
                        }
                    } else {
                        Name::Person {
                            family: (*a).into(),
                            given: "J.".into(),
                        }
                    }
                })
                .collect(),
            year: Some(year.into()),
            ..Default::default()
        }
    }

    fn linked(text: &str, refs: &[Reference]) -> Vec<Option<String>> {
        find(text)
            .iter()
            .map(|c| link(c, refs).reference.map(|i| refs[i].key.clone()))
            .collect()
    }

    #[test]
    fn same_surname_different_years_and_suffixes() {
        let refs = [
            r("b7a", &["Barrett"], "2007a"),
            r("b7b", &["Barrett"], "2007b"),
            r("b12", &["Barrett"], "2012"),
        ];
        assert_eq!(
            linked("x (Barrett, 2007b; Barrett 2012)", &refs),
            [Some("b7b".into()), Some("b12".into())]
        );
        assert_eq!(
            linked("Barrett (2007a, b)", &refs),
            [Some("b7a".into()), Some("b7b".into())]
        );
    }

    #[test]
    fn second_author_and_et_al_choose_between_entries() {
        let refs = [
            r("bw", &["Bruhl", "Wilson"], "2007"),
            r("bs", &["Bruhl", "Stone", "Hattersley"], "2007"),
        ];
        assert_eq!(linked("(Bruhl & Wilson, 2007)", &refs), [Some("bw".into())]);
        assert_eq!(linked("(Bruhl et al., 2007)", &refs), [Some("bs".into())]);
    }

    #[test]
    fn dropped_article_and_case_are_fuzzy_with_reason() {
        let refs = [r("z", &["The Housebank Project"], "2015")];
        let known = Known::new(["The Housebank Project"]);
        let c = &find_with("x (Housebank project, 2015)", &known)[0];
        let l = link(c, &refs);
        assert_eq!(l.reference, Some(0));
        assert!(
            matches!(&l.how, Match::Fuzzy { tolerances } if matches!(tolerances[..], [Tolerance::DroppedArticle { .. }]))
        );
        assert!(
            l.how
                .reason()
                .is_some_and(|r| r.contains("leading article"))
        );
        let c = &find("x (The open-archive project, 2015)")[0];
        let refs = [r("h", &["The Open-Archive Project"], "2015")];
        assert_eq!(link(c, &refs).how, Match::Exact);
    }

    #[test]
    fn misspelling_is_fuzzy_and_wrong_year_is_unresolved() {
        let refs = [r("k", &["Karimova"], "1997")];
        let l = link(&find("(Karimowa, 1997)")[0], &refs);
        assert_eq!(l.reference, Some(0));
        assert!(matches!(l.how, Match::Fuzzy { .. }));
        let l = link(&find("(Karimova, 1998)")[0], &refs);
        assert_eq!(l.reference, None);
        assert_eq!(l.year_mismatch, Some(0));
    }

    #[test]
    fn two_cited_names_are_not_one_name_ending_in_the_second() {
        // The first author has no entry; a work by the second is not it.
        let refs = [r("b", &["Brown", "Ivanova", "Souza", "Park"], "1998")];
        let l = link(&find("(Kowalski & Brown, 1996)")[0], &refs);
        assert_eq!((l.reference, l.year_mismatch), (None, None));
        // "de Queiroz" cited for "Queiroz" still fits.
        let refs = [r("q", &["Queiroz"], "2001")];
        assert_eq!(
            link(&find("(de Queiroz, 2001)")[0], &refs).reference,
            Some(0)
        );
    }

    #[test]
    fn names_in_another_order_are_all_the_authors_or_the_leading_ones() {
        let refs = [r("sj", &["Smith", "Jones"], "2010")];
        let l = link(&find("(Jones & Smith, 2010)")[0], &refs);
        assert_eq!(l.reference, Some(0));
        // Two names among seven authors, swapped, with another year: the
        // cited work is not in the list.
        let refs = [r(
            "bk",
            &[
                "Brown", "Kowalski", "Pereira", "Park", "Santos", "Lee", "Dijk",
            ],
            "1971",
        )];
        let l = link(&find("(Kowalski & Brown, 1996)")[0], &refs);
        assert_eq!((l.reference, l.year_mismatch), (None, None));
    }

    #[test]
    fn missing_suffix_on_one_side_still_links() {
        let refs = [r("c", &["Crafton"], "1990")];
        let l = link(&find("Crafton (1990a, p. 71)")[0], &refs);
        assert_eq!(l.reference, Some(0));
        assert!(matches!(l.how, Match::Fuzzy { .. }));
    }
}
