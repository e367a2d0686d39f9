//! Any bytes as a tagger model file: read or refused, never a panic, and a
//! model that reads tags any string.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use citemap::reference::tagger::model::Model;
    if let Ok(m) = Model::from_bytes(data) {
        let _ =
            citemap::reference::tagger::segments_with(&m, "Lee, A. (2001). A title. J, 3, 1-9.");
        assert!(Model::from_bytes(&m.to_bytes()).is_ok());
    }
});
