//! citemap: citations and bibliographies of author-date documents.
//!
//! The library follows the data flow of a document:
//! [`input`] → [`text`] → [`structure`] → [`reference`](mod@reference) →
//! [`citation`] → [`link`] → [`analysis`] → [`render`].
//! It never prints or exits; renderers write to any [`std::io::Write`].
//!
//! ```
//! let doc = "Intro\n\nLand is vast (Harte, 2013).\n\nReferences\n\nHarte, B. (2013). The long gap. Routledge.\n";
//! let a = citemap::analyze(doc, &citemap::Options::default());
//! assert_eq!(a.references.len(), 1);
//! assert_eq!(a.citations[0].link.reference, Some(0));
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod batch;
pub mod bibliography;
pub mod check;
pub mod citation;
pub mod config;
pub mod error;
pub mod figures;
pub mod grammar;
pub mod input;
pub mod lexicon;
pub mod library;
pub mod link;
pub mod lsp;
pub mod profile;
pub mod reference;
pub mod render;
pub mod report;
pub mod structure;
pub mod text;

pub use analysis::{Analysis, Citation, Options, analyze};
pub use error::{Error, Result};
