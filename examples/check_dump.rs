//! Prints check findings as "code line text" (development aid).
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let style = std::env::args().nth(2).unwrap_or_else(|| "apa7".into());
    let text = std::fs::read_to_string(path).unwrap();
    let a = citemap::analyze(&text, &citemap::Options::default());
    let o = citemap::check::CheckOptions {
        style: citemap::check::Style::parse(&style).unwrap(),
        ..Default::default()
    };
    for d in citemap::check::check(&a, &o) {
        let (l, c) = a.source.line_col(d.span.start);
        println!(
            "{:8} {:24} {}:{} {}",
            d.severity.as_str(),
            d.code,
            l,
            c,
            d.message
        );
    }
}
