//! `analyze` on the reference chapter, and its stages.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const CHAPTER: &str = include_str!("../examples/kassen2016/chapter.txt");

fn bench(c: &mut Criterion) {
    let opts = citemap::Options::default();
    c.bench_function("analyze/kassen2016", |b| {
        b.iter(|| citemap::analyze(black_box(CHAPTER), &opts))
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

criterion_group!(benches, bench);
criterion_main!(benches);
