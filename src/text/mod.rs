//! Pure text utilities, the ground floor: mapped text, folding and
//! sentences. Nothing here knows about citations or references.

pub mod fold;
pub mod identifier;
pub mod mapped;
pub mod proper;
pub mod sentence;

pub use fold::{fold, slug};
pub use mapped::{Mapped, Removed, join_lines};
