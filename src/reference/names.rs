//! Author and editor lists: "Smith, J., & Jones, K.", "Smith, John, and
//! Jane Doe", "Smith AB, Jones CD", or an organisation.

use super::Name;
use super::fields::{clean, person};
use crate::grammar;
use crate::lexicon::{self, is_reference_particle as is_particle};
use regex::Regex;
use std::sync::LazyLock;

re!(INITIALS, grammar::INITIALS);

re!(
    HOUSE_NAME,
    &format!(
        r"^(?P<family>(?:{}\s+)*\p{{Lu}}[\p{{L}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}'’\-]+)*)\s+(?P<given>\p{{Lu}}{{1,4}})$",
        crate::grammar::particles()
    )
);

pub(super) fn is_initials(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return false;
    }
    // Bare capitals are initials only when short ("AB" in "Smith AB");
    // "ABEL" is an all-capitals surname.
    if s.chars().all(char::is_alphabetic) {
        return s.chars().count() <= 3 && s.chars().all(char::is_uppercase);
    }
    // With periods or spaces, every run of letters is short: "D.K.",
    // "J.-P.", "Ch."; "UNAIDS." is a name.
    let short_runs = s
        .split(|c: char| !c.is_alphabetic())
        .all(|run| run.chars().count() <= 2);
    short_runs && s.chars().filter(|c| c.is_alphabetic()).count() <= 6 && INITIALS.is_match(s)
}

fn is_suffix(s: &str) -> bool {
    lexicon::is_name_suffix(s.trim().trim_end_matches('.'))
}

/// Drops a generational suffix after a name: "J. F. Brown Jr." and
/// "J.F. Jr" keep their names and lose the "Jr".
fn without_suffix(seg: &str) -> &str {
    match seg.trim_end().rsplit_once(char::is_whitespace) {
        Some((head, last)) if is_suffix(last) => head.trim_end().trim_end_matches(','),
        _ => seg,
    }
}

pub(super) fn org_like(s: &str) -> bool {
    // Word by word, not collected: a damaged "name" can be a whole page.
    let words = || s.split_whitespace().map(str::to_lowercase);
    words().any(|w| lexicon::is_org_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
        || (words().filter(|w| !is_particle(w)).take(4).count() >= 4
            && !s.contains(',')
            && !s.split_whitespace().any(is_initials))
        || (s.len() >= 2
            && s.len() <= 8
            && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && !s.contains('.'))
}

/// "K. A. Rockett" or "John Smith" or "J. A. M. González": given names first.
fn natural_order(seg: &str) -> Option<Name> {
    let words: Vec<&str> = seg.split_whitespace().collect();
    if words.len() < 2 || words.len() > 6 {
        return None;
    }
    // Family name: the last word, with any particles before it.
    let mut fam_start = words.len() - 1;
    while fam_start > 1 && is_particle(words[fam_start - 1]) {
        fam_start -= 1;
    }
    let given = words[..fam_start].join(" ");
    let family = words[fam_start..].join(" ");
    let given_ok = words[..fam_start].iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase()) && (is_initials(w) || w.chars().count() > 1)
    });
    let has_initial = words[..fam_start].iter().any(|w| is_initials(w));
    if given_ok
        && (has_initial || fam_start <= 2)
        && family.chars().any(|c| c.is_lowercase() || c.is_uppercase())
    {
        Some(Name::Person {
            family: clean(&family),
            given,
        })
    } else {
        None
    }
}

/// Parses a list of names: "Smith, J., & Jones, K.", "Smith, John, and
/// Jane Doe", "Smith AB, Jones CD", or an organisation. The flag says the
/// list was cut short ("et al.", an ellipsis).
pub fn parse_names(s: &str) -> (Vec<Name>, bool) {
    let (s, truncated) = without_truncation(s);
    let s = without_group(&unglue_initials(&s)).to_string();
    let s = s.trim().trim_end_matches([',', ';']).trim();
    if s.is_empty() {
        return (Vec::new(), truncated);
    }
    if let Some(names) = organisations(s)
        .or_else(|| single_name(s))
        .or_else(|| inverted_by_separators(s))
    {
        return (names, truncated);
    }
    (segments(s), truncated)
}

/// "Heublein, Ulrich; Schmelzer, Robert; Sommer, Dieter": people inverted
/// with their given names, one a `;` (or `/`) part, as German and ABNT
/// lists write them. A full given name cannot be told from a family name by its
/// shape, so the `;` decides, and only when every part is one inverted
/// name.
fn inverted_by_separators(s: &str) -> Option<Vec<Name>> {
    // German lists also part their people with "/".
    let sep = if s.contains(';') {
        ';'
    } else if s.contains('/') {
        '/'
    } else {
        return None;
    };
    let looks_given = |g: &str| {
        let words: Vec<&str> = g.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase()) || is_particle(w) || is_initials(w)
            })
    };
    s.split(sep)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            // The last name may be joined by "and", "&", "und".
            let p = match p.split_once(' ') {
                Some((w, rest)) if lexicon::is_name_and(w) => rest.trim(),
                _ => p,
            };
            let (family, given) = p.split_once(',')?;
            let (family, given) = (family.trim(), given.trim());
            let fam_words = family.split_whitespace().count();
            ((1..=4).contains(&fam_words)
                && !given.contains(',')
                && looks_given(given)
                && !org_like(family))
            .then(|| person(family, given))
        })
        .collect::<Option<Vec<Name>>>()
        .filter(|names| names.len() >= 2)
}

/// The list with a space after each initial that lost it before a name
/// ("F.Cucker", "V.A.Vasilev"), as PDF extraction leaves them.
fn unglue_initials(s: &str) -> std::borrow::Cow<'_, str> {
    static GLUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\p{Lu}\.)(\p{Lu}\p{Ll})").expect("valid regex"));
    GLUED.replace_all(s, "$1 $2")
}

/// The list without a closing group in brackets that is not an editor
/// mark: a collaboration after the names ("M. Lee et al. (ATLAS)").
fn without_group(s: &str) -> &str {
    let t = s.trim_end().trim_end_matches([',', ';']).trim_end();
    let Some(inner) = t.strip_suffix(')') else {
        return s;
    };
    let Some(open) = inner.rfind('(') else {
        return s;
    };
    let group = &inner[open + 1..];
    let mark = group
        .split(|c: char| !c.is_alphabetic())
        .any(|w| crate::lexicon::EDITOR_MARKS.contains(&w.to_lowercase().as_str()));
    if mark
        || group.contains(|c: char| c.is_ascii_digit() || c == '(')
        || open == 0
        || acronym_of(group, &inner[..open])
    {
        return s;
    }
    &t[..open]
}

/// Whether `group` is the acronym of the name before it: its capitals are,
/// in order, initials of that name's capitalised words, the first word's
/// first ("Intergovernmental Panel on Climate Change (IPCC)", "Instituto
/// Brasileiro de Geografia e Estatística (IBGE)"). Such a group belongs to
/// an organisation's name, where a collaboration after people ("M. Lee et
/// al. (ATLAS)") does not.
fn acronym_of(group: &str, name: &str) -> bool {
    let group = group.trim();
    if !(2..=10).contains(&group.chars().count()) || !group.chars().all(char::is_uppercase) {
        return false;
    }
    let initials: Vec<char> = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let mut wanted = group.chars().peekable();
    if initials.first() != wanted.peek() {
        return false;
    }
    for c in initials {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// The list without its "et al." or ellipsis, and whether it had one.
fn without_truncation(s: &str) -> (String, bool) {
    static ET_AL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(grammar::ET_AL_LIST).expect("valid regex"));
    static ELLIPSIS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:\.\s){2,}\.|…").expect("valid regex"));
    let mut truncated = false;
    let mut s = s.trim().trim_end_matches([',', ';']).to_string();
    if ET_AL.is_match(&s) {
        truncated = true;
        s = ET_AL.replace_all(&s, "").into_owned();
    }
    if ELLIPSIS.is_match(&s) {
        truncated = true;
        s = ELLIPSIS.replace_all(&s, ",").into_owned();
    }
    (s, truncated)
}

/// Whether any part of the list is initials.
fn any_initials(s: &str) -> bool {
    s.split(|c: char| c == ',' || c.is_whitespace())
        .any(is_initials)
}

/// An organisation with its departments: "United Nations, Department of
/// Economic and Social Affairs" is one author, not four. Organisations are
/// separated by "&" or ";", never by a bare comma or "and", which belong
/// to their names.
fn organisations(s: &str) -> Option<Vec<Name>> {
    if any_initials(s) || !s.contains(',') || !org_like(s) {
        return None;
    }
    static ORG_SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r",?\s*&\s*|\s*;\s*").expect("valid regex"));
    let parts: Vec<&str> = ORG_SEP
        .split(s)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let orgs = parts.iter().all(|p| {
        p.split(',')
            .all(|q| q.split_whitespace().count() >= 2 || org_like(q))
    });
    orgs.then(|| {
        parts
            .iter()
            .map(|p| Name::Literal { literal: clean(p) })
            .collect()
    })
}

/// A list without commas or semicolons: "Smith AB", one family name, or an
/// organisation.
fn single_name(s: &str) -> Option<Vec<Name>> {
    if s.contains(',') || s.contains(';') {
        return None;
    }
    if let Some(c) = HOUSE_NAME.captures(s.trim_end_matches('.')) {
        return Some(vec![person(&c["family"], &c["given"])]);
    }
    if !org_like(s) && any_initials(s) {
        return None;
    }
    let single = s.split_whitespace().count() == 1;
    // "UN-Habitat", "WHO": capitals in a row make an organisation's name.
    let acronym = s
        .chars()
        .zip(s.chars().skip(1))
        .any(|(a, b)| a.is_uppercase() && b.is_uppercase());
    if single && !org_like(s) && !acronym {
        return Some(vec![person(s, "")]);
    }
    Some(vec![Name::Literal { literal: clean(s) }])
}

/// The names of a list split at its separators, each segment read as a
/// family name with the initials after it, a name in natural order, or an
/// organisation.
fn segments(s: &str) -> Vec<Name> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        let and = grammar::name_and();
        Regex::new(&format!(r"\s*;\s*|,\s*{and}\s+|\s+{and}\s+|\s*,\s*")).expect("valid regex")
    });
    let segs: Vec<&str> = SEP
        .split(s)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let mut names: Vec<Name> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let seg = without_suffix(segs[i]);
        let next = segs.get(i + 1).map(|n| without_suffix(n));
        i += read_segment(&mut names, seg, next, i == 0);
    }
    names
}

/// Reads one segment (and maybe the next) into `names`; returns how many
/// segments it used.
fn read_segment(names: &mut Vec<Name>, seg: &str, next: Option<&str>, first: bool) -> usize {
    if is_suffix(seg) {
        return 1;
    }
    // Bare capitals ("LEE") are a family name unless a person before them
    // still lacks a given name.
    let bare = seg.chars().all(char::is_alphabetic);
    let needs_given = matches!(names.last(), Some(Name::Person { given, .. }) if given.is_empty());
    if is_initials(seg) && (!bare || needs_given) {
        // A stray given part: attach it to the previous person.
        if let Some(Name::Person { given, .. }) = names.last_mut()
            && given.is_empty()
        {
            *given = seg.to_string();
        }
        return 1;
    }
    if let Some(c) = HOUSE_NAME.captures(seg.trim_end_matches('.')) {
        names.push(person(&c["family"], &c["given"]));
        return 1;
    }
    if let Some(n) = next.filter(|n| is_initials(n)) {
        names.push(person(seg, n));
        return 2;
    }
    // "N. K. Denzin": initials first, so natural order.
    if seg.split_whitespace().count() >= 2
        && seg.split_whitespace().next().is_some_and(is_initials)
        && let Some(n) = natural_order(seg)
    {
        names.push(n);
        return 1;
    }
    // "Smith, John, and Jane Doe": the first author is inverted with a full
    // given name, later ones are in natural order.
    if first
        && let Some(n) = next
        && n.split_whitespace().count() <= 3
        && n.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && seg.split_whitespace().count() <= 3
        && !org_like(seg)
    {
        names.push(person(seg, n));
        return 2;
    }
    if !first
        && let Some(n) = natural_order(seg)
        && !org_like(seg)
    {
        names.push(n);
        return 1;
    }
    if org_like(seg) || seg.split_whitespace().count() >= 3 {
        names.push(Name::Literal {
            literal: clean(seg),
        });
    } else {
        names.push(person(seg, ""));
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families(s: &str) -> Vec<String> {
        parse_names(s)
            .0
            .iter()
            .map(|n| n.citation_name().to_string())
            .collect()
    }

    #[test]
    fn people_inverted_with_given_names_between_semicolons() {
        assert_eq!(
            families("Heublein, Ulrich; Schmelzer, Robert; und Sommer, Dieter"),
            ["Heublein", "Schmelzer", "Sommer"]
        );
        let (n, _) = parse_names("Smith, John; Jones, Ann Marie");
        assert!(matches!(&n[1], Name::Person { given, .. } if given == "Ann Marie"));
        // ABNT's initials keep working, and a part that is not one
        // inverted name leaves the list to the other readers.
        assert_eq!(families("SILVA, J. A.; SOUZA, K."), ["SILVA", "SOUZA"]);
        assert_eq!(
            families("Smith, J.; Jones, K., and Lee, M."),
            ["Smith", "Jones", "Lee"]
        );
    }

    #[test]
    fn initials_glued_to_the_name_are_read_apart() {
        assert_eq!(
            families("L. Blum, F.Cucker, M.Shub, and S.Smale"),
            ["Blum", "Cucker", "Shub", "Smale"]
        );
        assert_eq!(
            families("O.V. Lyashko, V.A.Vasilev"),
            ["Lyashko", "Vasilev"]
        );
    }

    #[test]
    fn a_collaboration_after_the_names_is_not_a_name() {
        let (names, truncated) = parse_names("M. Lee et al. (ATLAS, CMS)");
        assert!(truncated);
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].citation_name(), "Lee");
        // Editor marks and dates in brackets stay for their own readers.
        assert_eq!(without_group("A. Lee (Ed.)"), "A. Lee (Ed.)");
        assert_eq!(without_group("A. Lee (2001)"), "A. Lee (2001)");
        assert_eq!(without_group("(ATLAS)"), "(ATLAS)");
    }

    #[test]
    fn an_organisation_keeps_its_acronym() {
        assert_eq!(
            without_group("Board of Soil Survey Experts (BSSE)"),
            "Board of Soil Survey Experts (BSSE)"
        );
        let (names, _) = parse_names("Board of Soil Survey Experts (BSSE)");
        assert_eq!(names.len(), 1);
        assert!(
            format!("{:?}", names[0]).contains("Experts (BSSE)"),
            "{names:?}"
        );
        assert!(acronym_of(
            "IBGE",
            "Instituto Brasileiro de Geografia e Estatística"
        ));
        assert!(!acronym_of("ATLAS", "M. Lee et al."));
        assert!(!acronym_of("CMS", "Board of Soil Survey Experts"));
    }
}
