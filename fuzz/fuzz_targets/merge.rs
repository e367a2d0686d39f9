//! Any library text through --merge: it is read or refused, never mangled.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lib = String::from_utf8_lossy(data);
    let doc = "Intro\n\nX (Warf, 2013).\n\nReferences\n\nWarf, B. (2013). The divide. Routledge.\n";
    let a = citemap::analyze(doc, &citemap::Options::default());
    let fmt = citemap::bibliography::KeyFormat::default();
    // The library's text doubles as running text, so that any words can be
    // proper nouns that a merged title protects.
    let nouns = citemap::text::proper::ProperNouns::from_text(&lib);
    if let Ok((out, _)) = citemap::bibliography::merge_into(
        &lib,
        &a.references,
        citemap::render::bib::Dialect::Bibtex,
        &fmt,
        &nouns,
    ) {
        assert!(out.starts_with(lib.as_ref()));
    }
});
