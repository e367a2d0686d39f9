//! Any library text (.bib, CSL-JSON, RIS by the first byte) is read or
//! refused, never a panic; a keyed manuscript is then linked against it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let name = ["lib.bib", "lib.json", "lib.ris"][usize::from(which % 3)];
    let mut lib = citemap::library::Library::default();
    if lib.add(name, &text).is_err() {
        return;
    }
    for e in &lib.entries {
        assert!(lib.get(&e.key).is_some());
    }
    let doc = format!("# One\n\nText [@a; @b, p. 3] and \\citep[see][]{{a,b}} @c.\n\n{text}\n");
    let options = citemap::Options {
        library: Some(Arc::new(lib)),
        ..Default::default()
    };
    let a = citemap::analyze(&doc, &options);
    for c in &a.citations {
        assert!(c.span.end <= doc.len());
        if let Some(r) = c.link.reference {
            assert!(r < a.references.len());
        }
    }
    let _ = citemap::check::check(&a, &citemap::check::CheckOptions::default());
});
