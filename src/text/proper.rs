//! Proper nouns as a document writes them: the words it capitalises where
//! no sentence starts, and never writes in lower case. A title-case title
//! ("The Kazakh Agency of Statistics") does not say which of its capitals
//! are names; the document around it does, and the exports protect those
//! words from styles that sentence-case titles.

use std::collections::HashSet;

/// The proper nouns of one or more documents.
#[derive(Debug, Clone, Default)]
pub struct ProperNouns {
    words: HashSet<String>,
}

/// Words shorter than this are left out: "I", "A", initials.
const MIN_LEN: usize = 2;

impl ProperNouns {
    /// The proper nouns of `body`, a document's running text (its
    /// reference list left out, since entries capitalise titles).
    /// Headings and other lines without a sentence's end are skipped too.
    pub fn from_text(body: &str) -> ProperNouns {
        let mut capital: HashSet<&str> = HashSet::new();
        let mut lower: HashSet<String> = HashSet::new();
        for line in body.lines() {
            let line = line.trim();
            // A heading or a caption fragment capitalises as titles do.
            if line.len() < 60 && !line.ends_with(['.', '?', '!', ')']) {
                continue;
            }
            let mut starts = true;
            for raw in line.split_whitespace() {
                let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if let Some(f) = word.chars().next() {
                    if f.is_uppercase() {
                        if !starts && word.chars().count() >= MIN_LEN {
                            capital.insert(word);
                        }
                    } else if f.is_lowercase() {
                        lower.insert(word.to_lowercase());
                    }
                }
                starts = raw.ends_with(['.', '?', '!', ':', ';']);
            }
        }
        ProperNouns {
            words: capital
                .into_iter()
                .filter(|w| !lower.contains(&w.to_lowercase()))
                .filter(|w| !crate::lexicon::is_title_stopword(&w.to_lowercase()))
                .map(str::to_string)
                .collect(),
        }
    }

    /// The proper nouns of an analysed document: its text up to its
    /// reference list (the entries of an author's library are elsewhere).
    pub fn of_analysis(a: &crate::Analysis) -> ProperNouns {
        let text = a.source.text();
        let end = a
            .references
            .iter()
            .filter(|r| r.origin.is_none())
            .map(|r| r.span.start)
            .min()
            .unwrap_or(text.len());
        ProperNouns::from_text(&text[..super::floor_boundary(text, end)])
    }

    /// Adds another document's proper nouns.
    pub fn extend(&mut self, other: ProperNouns) {
        self.words.extend(other.words);
    }

    /// Whether `word` (as written, punctuation trimmed) is one.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_running_text_and_not_words_that_also_appear_lower_case() {
        let body = "Introduction\n\nThe reforms in Kazakhstan were led by the Agency, a body that the agency itself reviewed. Projects grew. The project in Almaty and the Zhilstroysberbank Project ended.\n";
        let p = ProperNouns::from_text(body);
        for w in ["Kazakhstan", "Almaty", "Zhilstroysberbank"] {
            assert!(p.contains(w), "{w}");
        }
        // "Agency" and "Project" are also written in lower case; "Projects"
        // and "The" start sentences; "Introduction" is a heading.
        for w in ["Agency", "Project", "Projects", "The", "Introduction"] {
            assert!(!p.contains(w), "{w}");
        }
    }
}
