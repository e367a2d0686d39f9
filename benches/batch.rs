//! A 100-document batch: the chapter and a hundred variants of it read by
//! `batch::map_ordered`, on one thread and on every core, as `citemap
//! analyze FOLDER` does after its walk.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const CHAPTER: &str = include_str!("../examples/kassen2016/chapter.txt");

fn bench(c: &mut Criterion) {
    let opts = citemap::Options::default();
    // Each document differs, so no run is a cache's best case.
    let docs: Vec<String> = (0..100)
        .map(|i| format!("Chapter {i}\n\n{CHAPTER}"))
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("batch-100");
    g.sample_size(10);
    for threads in [1, cores] {
        g.bench_function(format!("{threads}-threads"), |b| {
            b.iter(|| {
                let mut citations = 0;
                citemap::batch::map_ordered(
                    black_box(&docs),
                    threads,
                    |d| citemap::analyze(d, &opts).citations.len(),
                    |_, n| {
                        citations += n;
                        Ok::<(), ()>(())
                    },
                )
                .ok();
                citations
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
