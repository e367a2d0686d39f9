//! Renderers: one module per output format, each writing to any
//! [`std::io::Write`].

pub mod json;
