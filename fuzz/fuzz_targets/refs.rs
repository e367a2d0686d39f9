//! Any bytes as reference strings, one a line: both readers (the rules and
//! the trained tagger) and the tagger's own segments, whose spans must stay
//! on the string's character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let refs = citemap::reference::parse_lines(&text);
    let mut sink = Vec::new();
    citemap::render::json::write_fields(&refs, &mut sink).unwrap();
    // Every export, with the text's own proper nouns, on what was read.
    let nouns = citemap::text::proper::ProperNouns::from_text(&text);
    for dialect in [citemap::render::bib::Dialect::Bibtex, citemap::render::bib::Dialect::Biblatex] {
        citemap::render::bib::write_with(&refs, dialect, &nouns, &mut sink).unwrap();
    }
    citemap::render::csl::write(&refs, &mut sink).unwrap();
    citemap::render::ris::write(&refs, &mut sink).unwrap();
    for line in text.lines().take(64) {
        // The export helpers read any field text.
        let _ = citemap::render::fields::iso_date(line);
        let _ = citemap::render::fields::edition_number(line);
        let _ = citemap::render::fields::edition_text(line);
        let _ = citemap::render::fields::spaced_initials(line);
        for s in citemap::reference::tagger::segments(line) {
            assert!(s.span.start <= s.span.end && s.span.end <= line.len());
            assert!(line.is_char_boundary(s.span.start) && line.is_char_boundary(s.span.end));
        }
    }
});
