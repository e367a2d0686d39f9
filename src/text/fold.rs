//! Folding text for comparison, and slugs for identifiers.

/// Folds text for comparison: ASCII transliteration, lower case, and only
/// letters and digits kept (each run of anything else becomes one space).
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    for ch in ascii.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') && ch != '\'' {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A stable identifier for a heading: lower-case ASCII words joined by "-".
pub fn slug(s: &str) -> String {
    let f = fold(s);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).take(6).collect();
    if words.is_empty() {
        "section".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("Mañé-Garzón"), "mane garzon");
        assert_eq!(fold("The Open-Archive Project"), "the open archive project");
        assert_eq!(fold("O'Brien"), "obrien");
    }
}
