//! Renderers: one module per output format, each writing to any
//! [`std::io::Write`].

pub mod bib;
pub mod csl;
pub mod diagnostics;
pub mod explain;
pub mod fields;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod ris;
pub mod table;
