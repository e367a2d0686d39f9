//! Training examples from labelled reference strings.
//!
//! The data sets label the same things with different names: AnyStyle's
//! `journal` and `container-title`, GROBID's `title@j` and `title@m` are
//! all a container. [`map_label`] is the one place that says which of the
//! tagger's labels ([`super::LABELS`]) each of them is.

use super::features::{Features, extract};
use super::model::Example;
use super::tokens::tokenize;
use super::{LABELS, Label};
use serde::Deserialize;

/// One labelled reference string, as in `data/refs/*.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    /// The reference string.
    pub text: String,
    /// The data set's own labels, as `[label, start, end]` in characters.
    pub spans: Vec<(String, usize, usize)>,
}

/// The tagger's label for a data set's label. `has_article_title` says
/// whether the string also has an article title, which makes GROBID's
/// monograph title (`title@m`) the container rather than the title.
pub fn map_label(label: &str, has_article_title: bool) -> &'static str {
    match label {
        "author" | "director" | "producer" => "author",
        "editor" => "editor",
        "date" | "year" => "year",
        "title" | "title@a" => "title",
        "title@m" if has_article_title => "container",
        "title@m" => "title",
        "container" | "journal" | "container-title" | "title@j" | "booktitle" | "source" => {
            "container"
        }
        "volume" | "biblScope@volume" => "volume",
        "issue" | "biblScope@issue" | "number" => "issue",
        "pages" | "biblScope@page" => "pages",
        "publisher" => "publisher",
        "location" | "pubPlace" | "address" => "location",
        "doi" | "idno@DOI" => "doi",
        "url" | "ptr@web" => "url",
        "edition" => "edition",
        "genre" | "note@report" | "tech" | "type" => "genre",
        "citation-number" => "number",
        _ => "note",
    }
}

/// The training example of one labelled string: each token takes the label
/// that covers most of its letters and digits, or "none".
pub fn example(rec: &Labelled) -> Example {
    let s = &rec.text;
    // Character offsets to byte offsets.
    let mut byte_at: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    byte_at.push(s.len());
    let has_article_title = rec.spans.iter().any(|(l, _, _)| l == "title@a");
    let mut char_label = vec![0u8; s.len()];
    for (label, a, b) in &rec.spans {
        let (Some(&a), Some(&b)) = (byte_at.get(*a), byte_at.get(*b)) else {
            continue;
        };
        let y = Label::named(map_label(label, has_article_title)).map_or(0, |l| l.0);
        for c in char_label.iter_mut().take(b).skip(a) {
            *c = y;
        }
    }
    let toks = tokenize(s);
    let labels = toks
        .iter()
        .map(|r| {
            let mut votes = [0usize; LABELS.len()];
            for (i, c) in s[r.clone()].char_indices() {
                if c.is_alphanumeric() {
                    votes[char_label[r.start + i] as usize] += 1;
                }
            }
            if votes.iter().all(|v| *v == 0) {
                // Punctuation alone: the label of its first character.
                return char_label[r.start];
            }
            // The most votes, with a field before "none" on a tie.
            (0..LABELS.len())
                .max_by_key(|&y| (votes[y], y != 0, std::cmp::Reverse(y)))
                .unwrap_or(0) as u8
        })
        .collect();
    let mut features = Features::default();
    extract(s, &toks, &mut features);
    Example { features, labels }
}

/// Reads labelled strings, one JSON object a line; blank lines are skipped.
pub fn read_jsonl(src: &str) -> Result<Vec<Labelled>, serde_json::Error> {
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_take_the_label_of_their_letters() {
        let rec = Labelled {
            text: "Smith, J. (2011). Title. Jour, 2(3).".into(),
            spans: vec![
                ("author".into(), 0, 9),
                ("date".into(), 10, 16),
                ("title".into(), 18, 24),
                ("journal".into(), 25, 30),
                ("volume".into(), 31, 36),
            ],
        };
        let ex = example(&rec);
        let names: Vec<&str> = ex.labels.iter().map(|y| Label(*y).name()).collect();
        assert_eq!(
            names,
            [
                "author",
                "author",
                "year",
                "title",
                "container",
                "volume",
                "volume"
            ]
        );
    }

    #[test]
    fn monograph_titles_are_containers_beside_an_article_title() {
        assert_eq!(map_label("title@m", true), "container");
        assert_eq!(map_label("title@m", false), "title");
        assert_eq!(map_label("idno@arxiv", false), "note");
    }

    #[test]
    fn offsets_past_the_text_are_ignored() {
        let rec = Labelled {
            text: "é x".into(),
            spans: vec![("title".into(), 0, 99), ("author".into(), 0, 1)],
        };
        assert_eq!(example(&rec).labels.len(), 2);
    }
}
