//! `analyze` on the reference chapter, and its stages.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const CHAPTER: &str = include_str!("../examples/kassen2016/chapter.txt");

fn bench(c: &mut Criterion) {
    let opts = citemap::Options::default();
    c.bench_function("analyze/kassen2016", |b| {
        b.iter(|| citemap::analyze(black_box(CHAPTER), &opts))
    });
    // One 440 KB paragraph with 20,000 narrative citations: the shape that
    // was quadratic (columns and claims on a single long line).
    let long = format!("Intro\n\n{}\n", "word Smith (2015) and ".repeat(20_000));
    c.bench_function("analyze/one-long-paragraph-440k", |b| {
        b.iter(|| citemap::analyze(black_box(&long), &opts))
    });
    let a = citemap::analyze(CHAPTER, &opts);
    c.bench_function("bib/kassen2016", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(16 * 1024);
            citemap::render::bib::write(
                &a.references,
                citemap::render::bib::Dialect::Biblatex,
                &mut out,
            )
            .unwrap();
            out
        })
    });
    c.bench_function("json/kassen2016", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(64 * 1024);
            citemap::render::json::write(&a, &mut out).unwrap();
            out
        })
    });
}

/// `analyze` at 50 KB, 5 MB and 50 MB: the chapter, then chapters one
/// after another (each its own reference list), as a book in one file.
/// Throughput is in bytes, so criterion prints MB/s.
fn sizes(c: &mut Criterion) {
    let opts = citemap::Options::default();
    let mut g = c.benchmark_group("analyze-size");
    g.sample_size(10);
    for (name, copies) in [("50KB", 1), ("5MB", 100), ("50MB", 1000)] {
        let doc = (0..copies)
            .map(|i| format!("Chapter {i}\n\n{CHAPTER}"))
            .collect::<Vec<_>>()
            .join("\n\n");
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| citemap::analyze(black_box(&doc), &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, sizes);
criterion_main!(benches);
