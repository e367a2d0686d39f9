//! Citation keys in the Google Scholar style: `ward2013central`.
//!
//! A key is the first author's folded family name (or the first significant
//! word of an organisation), the year's digits and the first significant
//! word of the title. Keys that clash get `a`, `b`, … in list order, so the
//! same list always gives the same keys.

use super::{Name, Reference};
use crate::text::fold;
use std::collections::{HashMap, HashSet};

/// The words of `s` a key is made of: folded, no stopwords, each with a
/// letter, kept to ASCII letters and digits.
fn significant_words(s: &str) -> impl Iterator<Item = String> {
    fold(s)
        .split(' ')
        .filter(|w| {
            !w.is_empty()
                && !crate::lexicon::is_title_stopword(w)
                && w.chars().any(|c| c.is_ascii_alphabetic())
        })
        .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect())
        .collect::<Vec<String>>()
        .into_iter()
}

fn first_significant(s: &str) -> String {
    significant_words(s).next().unwrap_or_default()
}

/// The first `n` significant words of a title, folded to ASCII letters and
/// digits, the first `capitals` of them capitalised (Better BibTeX's
/// `shorttitle(n, capitals)`).
pub fn short_title(r: &Reference, n: usize, capitals: usize) -> String {
    let Some(title) = r.title.as_deref() else {
        return String::new();
    };
    significant_words(title)
        .take(n)
        .enumerate()
        .map(|(i, w)| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if i < capitals => f.to_ascii_uppercase().to_string() + c.as_str(),
                _ => w,
            }
        })
        .collect()
}

/// The three parts of a key: folded first author (or the first
/// significant word of an organisation), year digits (`nd` without), and
/// the first significant word of the title.
pub fn parts(r: &Reference) -> (String, String, String) {
    let who = match r.people().first() {
        Some(Name::Person { family, .. }) => fold(family).replace(' ', ""),
        Some(Name::Literal { literal }) => first_significant(literal),
        None => String::from("anon"),
    };
    // "in press" and "forthcoming" say more than "nd" would.
    let year = match (r.year_digits(), r.pub_state()) {
        (Some(d), _) => d.to_string(),
        (None, Some(s)) => s.biblatex().to_string(),
        (None, None) => "nd".to_string(),
    };
    let title = r
        .title
        .as_deref()
        .map(first_significant)
        .unwrap_or_default();
    let clean = |mut s: String| {
        s.retain(|c| c.is_ascii_alphanumeric());
        s
    };
    (clean(who), year, clean(title))
}

/// The base key of a reference, before clash suffixes.
pub fn base_key(r: &Reference) -> String {
    let (who, year, title) = parts(r);
    format!("{who}{year}{title}")
}

/// Gives every reference a unique key in the default pattern.
pub fn assign_keys(refs: &mut [Reference]) {
    assign_with(refs, base_key, &HashSet::new());
}

/// Gives every reference the key `base` makes, unique among them and
/// different from every key in `taken`. Clashing keys get `a`, `b`, … in
/// list order, so the same input always gives the same keys.
///
/// Each base key remembers the next suffix to try, so a list where one base
/// occurs ten thousand times costs linear time, not quadratic; suffixes
/// never run out ([`suffix`]).
pub fn assign_with(
    refs: &mut [Reference],
    base: impl Fn(&Reference) -> String,
    taken: &HashSet<String>,
) {
    let bases: Vec<String> = refs.iter().map(base).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for b in &bases {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let mut next: HashMap<&str, usize> = HashMap::new();
    let mut used: HashSet<String> = taken.clone();
    for (r, b) in refs.iter_mut().zip(&bases) {
        let key = if count[b.as_str()] == 1 && !used.contains(b) {
            b.clone()
        } else {
            let n = next.entry(b.as_str()).or_default();
            loop {
                let k = format!("{b}{}", suffix(*n));
                *n += 1;
                if !used.contains(&k) {
                    break k;
                }
            }
        };
        used.insert(key.clone());
        r.key = key;
    }
}

/// `a`, `b`, …, `z`, `aa`, `ab`, …, `zz`, `aaa`, …: the `n`th suffix in
/// bijective base 26, so every `n` has its own.
pub fn suffix(n: usize) -> String {
    let mut letters = Vec::new();
    let mut n = n + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(family: &str, year: &str, title: &str) -> Reference {
        Reference {
            authors: vec![Name::Person {
                family: family.into(),
                given: String::new(),
            }],
            year: Some(year.into()),
            title: Some(title.into()),
            ..Default::default()
        }
    }

    #[test]
    fn google_scholar_style() {
        assert_eq!(
            base_key(&r("Harte", "2013", "The northern digital gap")),
            "harte2013northern"
        );
        assert_eq!(
            base_key(&r("Mañé-Garzón", "1949", "Über die Arten")),
            "manegarzon1949uber"
        );
    }

    #[test]
    fn organisations_use_their_first_significant_word() {
        let x = Reference {
            authors: vec![Name::Literal {
                literal: "The National Statistics Agency".into(),
            }],
            year: Some("2015".into()),
            ..Default::default()
        };
        assert_eq!(base_key(&x), "national2015");
    }

    #[test]
    fn clashes_get_letter_suffixes_and_keys_are_unique() {
        let mut v = vec![
            r("Barrett", "2007a", "New species"),
            r("Barrett", "2007b", "New species"),
            r("Lee", "2001", "X"),
        ];
        assign_keys(&mut v);
        let keys: Vec<&str> = v.iter().map(|x| x.key.as_str()).collect();
        assert_eq!(keys, ["barrett2007newa", "barrett2007newb", "lee2001x"]);
        assert_eq!(suffix(27), "ab");
    }

    #[test]
    fn suffixes_never_run_out() {
        let expect = [
            (0, "a"),
            (25, "z"),
            (26, "aa"),
            (701, "zz"),
            (702, "aaa"),
            (18_277, "zzz"),
        ];
        for (n, s) in expect {
            assert_eq!(suffix(n), s, "{n}");
        }
        let all: HashSet<String> = (0..20_000).map(suffix).collect();
        assert_eq!(all.len(), 20_000);
    }

    #[test]
    fn ten_thousand_copies_of_one_entry_get_unique_keys() {
        // A regression: past 702 copies the suffixes ran out and the key
        // search never ended.
        let mut v: Vec<Reference> = (0..10_000).map(|_| r("Lee", "2001", "Same")).collect();
        // A key another base already ends in must be skipped, not reused.
        v.push(r("Lee", "2001", "Samea"));
        assign_keys(&mut v);
        let keys: HashSet<&str> = v.iter().map(|x| x.key.as_str()).collect();
        assert_eq!(keys.len(), v.len());
        assert_eq!(v[0].key, "lee2001samea");
        assert_eq!(v[702].key, "lee2001sameaaa");
        // "lee2001samea" and its two-letter suffixes are taken by then.
        assert_eq!(v[10_000].key, "lee2001sameaaaa");
    }
}
