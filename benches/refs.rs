//! Reference strings: `citemap refs` on the EXCITE strings (the issue's
//! yardstick: references per second on one core), the tagger alone, and
//! loading the shipped model.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const MODEL: &[u8] = include_bytes!("../src/reference/tagger/model.bin");

/// The EXCITE strings when `../shared` is beside the checkout; otherwise
/// (a clone without it) strings of the same mixed shapes, so the benchmark
/// still runs.
fn strings() -> (String, Vec<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/refs/excite-ssoar-half-a.jsonl"
    );
    let lines: Vec<String> = match std::fs::read_to_string(path) {
        Ok(s) => s
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        Err(_) => (0..4000)
            .map(|i| match i % 3 {
                0 => format!("Lee, A., & Ng, B. ({}). A study of things. Journal of Stuff, {}(2), 1–{}.", 1950 + i % 70, i % 40, i % 90 + 2),
                1 => format!("Müller, K. ({}): Arbeit und Bildung. In: Schmidt, P. (Hrsg.): Handbuch. Wiesbaden: VS, S. {}–{}.", 1960 + i % 60, i % 50, i % 50 + 20),
                _ => format!("World Bank. {}. Annual report on development {}. Washington, DC.", 1990 + i % 30, i),
            })
            .collect(),
    };
    (lines.join("\n"), lines)
}

fn bench(c: &mut Criterion) {
    let (joined, lines) = strings();
    let mut g = c.benchmark_group("refs");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.sample_size(10);
    g.bench_function("parse_lines/excite", |b| {
        b.iter(|| citemap::reference::parse_lines(black_box(&joined)))
    });
    let model = citemap::reference::tagger::model();
    g.bench_function("tagger-only/excite", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|s| citemap::reference::tagger::segments_with(model, black_box(s)).len())
                .sum::<usize>()
        })
    });
    g.finish();
    c.bench_function("model/load", |b| {
        b.iter(|| citemap::reference::tagger::model::Model::from_bytes(black_box(MODEL)).is_ok())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
