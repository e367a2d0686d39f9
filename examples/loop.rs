//! Runs `analyze` in a loop, for profilers (development aid).
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/kassen2016/chapter.txt".into());
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let text = std::fs::read_to_string(path).unwrap();
    for _ in 0..n {
        std::hint::black_box(citemap::analyze(&text, &citemap::Options::default()));
    }
}
