//! Scaling: each input shape at three sizes, each ten times the one
//! before, so that a quadratic path shows as a hundredfold time.
//! `benches/scaling_ratios.py` prints the ratio of each pair; every stage
//! must stay near 10 (at most 11).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// One paragraph of `n` citations.
fn citations(n: usize) -> String {
    format!(
        "Intro\n\n{}\n",
        "Education matters (Smith, 2010). ".repeat(n)
    )
}

/// One reference string `n` sentences long.
fn long_line(n: usize) -> String {
    format!("Smith, J. (2010). {}\n", "Word. ".repeat(n))
}

/// A list of `n` references, one of them cited.
fn references(n: usize) -> String {
    let mut s = String::from("Intro\n\nText (Author0, 1900).\n\nReferences\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "Author{i}, J. ({}). Title {i}. Journal, {}, 1-2.\n",
            1900 + i % 100,
            i % 50 + 1
        ));
    }
    s
}

/// `n` headings, each with a cited paragraph.
fn headings(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "Section number {i}\n\nSome text here (Smith, 2010).\n\n"
        ));
    }
    s + "References\n\nSmith, J. (2010). A title. Journal, 1, 1-2.\n"
}

fn bench(c: &mut Criterion) {
    let opts = citemap::Options::default();
    let check = |doc: &str| {
        let a = citemap::analyze(doc, &opts);
        let d = citemap::check::check(&a, &Default::default());
        let mut out = Vec::new();
        citemap::render::diagnostics::human(&d, &a.source, "doc.txt", false, &mut out).unwrap();
        out
    };
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    // The benchmark id is the shape's own size (citations, sentences,
    // references, headings), so the ratios read straight off it.
    for scale in [1, 10, 100] {
        let n = 1_000 * scale;
        let doc = citations(n);
        g.bench_with_input(
            BenchmarkId::new("citations-per-paragraph", n),
            &doc,
            |b, d| b.iter(|| citemap::analyze(black_box(d), &opts)),
        );
        let doc = long_line(n * 4);
        g.bench_with_input(BenchmarkId::new("line-length", n * 4), &doc, |b, d| {
            b.iter(|| citemap::reference::parse_lines(black_box(d)))
        });
        let doc = references(200 * scale);
        g.bench_with_input(
            BenchmarkId::new("references-check", 200 * scale),
            &doc,
            |b, d| b.iter(|| check(black_box(d))),
        );
        let doc = headings(500 * scale);
        g.bench_with_input(BenchmarkId::new("headings", 500 * scale), &doc, |b, d| {
            b.iter(|| citemap::analyze(black_box(d), &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
