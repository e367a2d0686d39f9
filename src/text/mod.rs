//! Pure text utilities, the ground floor: mapped text, folding and
//! sentences. Nothing here knows about citations or references.

pub mod fold;
pub mod identifier;
pub mod mapped;
pub mod proper;
pub mod sentence;

pub use fold::{fold, slug};
pub use mapped::{Mapped, Removed, join_lines};

/// The largest character boundary of `text` at or before byte `i` (or the
/// text's length, past its end): a byte budget such as "the first 200
/// bytes" can fall inside a character, and slicing there panics.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `text` at or after byte `i` (or the
/// text's length, past its end): where a window that starts a budget of
/// bytes back may begin.
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_boundary_is_found_at_or_before_any_byte() {
        let t = "aé€";
        let got: Vec<usize> = (0..9).map(|i| super::floor_boundary(t, i)).collect();
        assert_eq!(got, [0, 1, 1, 3, 3, 3, 6, 6, 6]);
        assert_eq!(super::floor_boundary("", 5), 0);
        let got: Vec<usize> = (0..9).map(|i| super::ceil_boundary(t, i)).collect();
        assert_eq!(got, [0, 1, 3, 3, 6, 6, 6, 6, 6]);
    }
}
