//! A trained sequence tagger for the fields of a reference string.
//!
//! Tokens ([`tokens`]) get features ([`features`]) and a label each from a
//! linear-chain model ([`mod@model`]) trained on labelled reference strings
//! (see `data/refs/README.md` and `examples/train-refs.rs`). Runs of one
//! label are then read into fields by rules ([`read`]): names split, "12(3)"
//! cut into volume and issue, marks such as "pp." and "Vol." dropped.
//!
//! The model ships inside the binary and is read once, on first use.

pub mod features;
pub mod model;
pub mod read;
pub mod tokens;
pub mod train;

use model::Model;
use std::ops::Range;
use std::sync::OnceLock;

/// The labels the tagger gives, by number. "none" is text that belongs to
/// no field (punctuation between fields, "In:"); "number" is a citation
/// number ("\[12\]").
pub const LABELS: [&str; 17] = [
    "none",
    "author",
    "editor",
    "year",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "publisher",
    "location",
    "doi",
    "url",
    "edition",
    "genre",
    "note",
    "number",
];

/// A label of [`LABELS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

impl Label {
    /// The label's name.
    pub fn name(self) -> &'static str {
        LABELS.get(self.0 as usize).copied().unwrap_or("none")
    }

    /// The label called `name`.
    pub fn named(name: &str) -> Option<Label> {
        LABELS
            .iter()
            .position(|l| *l == name)
            .map(|i| Label(i as u8))
    }
}

/// The committed model.
static MODEL_BYTES: &[u8] = include_bytes!("model.bin");

/// The model inside the binary, read on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        // The file is built and checked with the crate (a test reads it), so
        // a failure here is a build defect; an empty model tags everything
        // "none" rather than stopping the run.
        Model::from_static(MODEL_BYTES).unwrap_or_else(|_| model::train(&[], &LABELS, TRIVIAL))
    })
}

const TRIVIAL: model::Training = model::Training {
    epochs: 0,
    min_count: 1,
    seed: 1,
};

/// A run of tokens with one label, as a byte range of the string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The label.
    pub label: Label,
    /// Bytes of the string, first token's start to last token's end.
    pub span: Range<usize>,
}

/// Tags `s` with `m` and returns its runs of labels in order.
pub fn segments_with(m: &Model, s: &str) -> Vec<Segment> {
    let toks = tokens::tokenize(s);
    let mut f = features::Features::default();
    features::extract(s, &toks, &mut f);
    let labels = m.tag(&f);
    let mut out: Vec<Segment> = Vec::new();
    for (r, y) in toks.into_iter().zip(labels) {
        match out.last_mut() {
            Some(last) if last.label.0 == y => last.span.end = r.end,
            _ => out.push(Segment {
                label: Label(y),
                span: r,
            }),
        }
    }
    out
}

/// Tags `s` with the committed model.
pub fn segments(s: &str) -> Vec<Segment> {
    segments_with(model(), s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_loads() {
        let m = Model::from_static(MODEL_BYTES).expect("committed model reads");
        assert_eq!(m.labels, LABELS);
    }

    #[test]
    fn labels_round_trip_by_name() {
        for (i, n) in LABELS.iter().enumerate() {
            assert_eq!(Label::named(n), Some(Label(i as u8)));
            assert_eq!(Label(i as u8).name(), *n);
        }
        assert_eq!(Label(200).name(), "none");
    }

    #[test]
    fn segments_cover_the_tokens_in_order() {
        let s = "Smith, J. (2011). A title. Journal of Things, 24(2), 1–9.";
        let segs = segments(s);
        assert!(!segs.is_empty());
        for w in segs.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
            assert_ne!(w[0].label, w[1].label);
        }
    }
}
