//! Any bytes through the whole pipeline: analysis, every renderer, check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = citemap::analyze(&text, &citemap::Options::default());
    let n = text.len();
    for c in &a.citations {
        assert!(c.span.start <= c.span.end && c.span.end <= n);
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
    }
    let mut sink = Vec::new();
    citemap::render::json::write(&a, &mut sink).unwrap();
    citemap::render::bib::write(
        &a.references,
        citemap::render::bib::Dialect::Biblatex,
        &mut sink,
    )
    .unwrap();
    citemap::render::csl::write(&a.references, &mut sink).unwrap();
    citemap::render::ris::write(&a.references, &mut sink).unwrap();
    let r = citemap::report::build(&a);
    citemap::render::html::write(&a, &r, "fuzz", &mut sink).unwrap();
    let d = citemap::check::check(&a, &citemap::check::CheckOptions::default());
    citemap::render::diagnostics::human(&d, &a.source, "fuzz", false, &mut sink).unwrap();
    citemap::render::diagnostics::sarif(&d, &a.source, "fuzz", &mut sink).unwrap();
});
