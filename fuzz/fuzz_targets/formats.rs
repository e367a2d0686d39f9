//! Any bytes as each structured format (Word, OpenDocument, HTML, LaTeX,
//! JATS): read or refused, and the analysis of what was read keeps its
//! spans inside the extracted text.
#![no_main]

use citemap::input::extract::{Kind, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let kind = [Kind::Docx, Kind::Odt, Kind::Html, Kind::Latex, Kind::Jats][pick as usize % 5];
    if let Ok(doc) = extract(rest.to_vec(), kind, None) {
        let a = citemap::analysis::analyze_extracted(&doc, &citemap::Options::default());
        for c in &a.citations {
            assert!(c.span.end <= doc.text.len() && doc.text.is_char_boundary(c.span.start));
        }
    }
});
