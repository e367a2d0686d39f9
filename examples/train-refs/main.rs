//! Trains the reference tagger from the committed labelled strings and
//! writes the model that ships in the binary.
//!
//! ```sh
//! cargo run --release --example train-refs            # writes the model
//! cargo run --release --example train-refs -- --cv 5 anystyle OUT.jsonl
//! cargo run --release --example train-refs -- --eval DIR HELD-OUT.jsonl...
//! ```
//!
//! Training is deterministic: the same data and settings write the same
//! bytes. `EPOCHS`, `MIN_COUNT`, `SYNTH` (synthetic strings added) and
//! `ONLY` (train only on sets whose name starts so) override the settings
//! for experiments.
//!
//! `--cv K SET OUT` trains K times, each time without one K-th of the strings
//! whose set name starts with SET, and writes the held-out predictions in
//! the input's order to OUT (as `citemap refs` would), for
//! `score_refs.py`; the gold file is written beside it as OUT.gold.jsonl.
//!
//! `--eval DIR FILE...` trains the model that would ship, without writing
//! it, and parses the texts of each labelled FILE with it into
//! DIR/NAME.pred.jsonl, so a change of features is measured on the held-out
//! sets without building the binary again.
use citemap::reference::tagger::model::{Example, Training, train};
use citemap::reference::tagger::{LABELS, train as data};
use std::io::Write;

mod synth;

/// Synthetic strings added to the committed ones.
const SYNTHETIC: usize = 6000;

const TRAINING: Training = Training {
    epochs: 20,
    min_count: 2,
    seed: 0x5eed,
};

fn settings() -> Training {
    let var = |k: &str| std::env::var(k).ok().and_then(|v| v.parse().ok());
    Training {
        epochs: var("EPOCHS").unwrap_or(TRAINING.epochs),
        min_count: var("MIN_COUNT").map_or(TRAINING.min_count, |v: usize| v as u32),
        seed: TRAINING.seed,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = env!("CARGO_MANIFEST_DIR");
    let src = std::fs::read_to_string(format!("{root}/data/refs/train.jsonl"))?;
    let lines: Vec<&str> = src.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut recs = data::read_jsonl(&src)?;
    let mut sets: Vec<String> = lines
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .ok()
                .and_then(|v| v["set"].as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .collect();
    let n_synth = std::env::var("SYNTH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SYNTHETIC);
    for l in synth::strings(n_synth, 0x5eed) {
        recs.push(l);
        sets.push("synthetic".into());
    }
    let t0 = std::time::Instant::now();
    let examples: Vec<Example> = recs.iter().map(data::example).collect();
    eprintln!("{} examples in {:.1?}", examples.len(), t0.elapsed());
    if let [flag, k, set, out] = args.as_slice()
        && flag == "--cv"
    {
        let k: usize = k.parse()?;
        let members: Vec<usize> = (0..recs.len())
            .filter(|&i| sets[i].starts_with(set.as_str()))
            .collect();
        let mut preds = vec![String::new(); members.len()];
        let mut confusion = std::collections::HashMap::new();
        for fold in 0..k {
            let test: Vec<usize> = members
                .iter()
                .copied()
                .enumerate()
                .filter(|(j, _)| j % k == fold)
                .map(|(_, i)| i)
                .collect();
            let held: std::collections::HashSet<usize> = test.iter().copied().collect();
            let only = std::env::var("ONLY").unwrap_or_default();
            let train_set: Vec<Example> = (0..examples.len())
                .filter(|i| !held.contains(i) && sets[*i].starts_with(only.as_str()))
                .map(|i| Example {
                    features: examples[i].features.clone(),
                    labels: examples[i].labels.clone(),
                })
                .collect();
            let t = std::time::Instant::now();
            let m = train(&train_set, &LABELS, settings());
            eprintln!(
                "fold {fold}: {} strings, trained in {:.1?}",
                train_set.len(),
                t.elapsed()
            );
            let (mut ok, mut all) = (0usize, 0usize);
            for &i in &test {
                let g = m.tag(&examples[i].features);
                for (a, b) in g.iter().zip(&examples[i].labels) {
                    all += 1;
                    if a == b {
                        ok += 1;
                    } else {
                        *confusion
                            .entry((LABELS[*b as usize], LABELS[*a as usize]))
                            .or_insert(0usize) += 1;
                    }
                }
            }
            eprintln!(
                "fold {fold}: token accuracy {:.4}",
                ok as f64 / all.max(1) as f64
            );
            let buf = parse_texts(test.iter().map(|&i| recs[i].text.as_str()), &m)?;
            let rows: Vec<&str> = std::str::from_utf8(&buf)?.lines().collect();
            for (j, row) in test.iter().zip(rows) {
                let pos = members.iter().position(|m| m == j).unwrap_or(0);
                preds[pos] = row.to_string();
            }
        }
        let mut worst: Vec<_> = confusion.into_iter().collect();
        worst.sort_by_key(|w| std::cmp::Reverse(w.1));
        for ((gold, got), n) in worst.iter().take(25) {
            eprintln!("  {n:6}  {gold} tagged {got}");
        }
        let mut f = std::fs::File::create(out)?;
        for p in &preds {
            writeln!(f, "{p}")?;
        }
        let mut g = std::fs::File::create(format!("{out}.gold.jsonl"))?;
        for &i in &members {
            writeln!(g, "{}", lines[i])?;
        }
        return Ok(());
    }
    let t = std::time::Instant::now();
    let only = std::env::var("ONLY").unwrap_or_default();
    let eval = match args.as_slice() {
        [flag, dir, files @ ..] if flag == "--eval" => Some((dir, files)),
        _ => None,
    };
    let examples: Vec<Example> = examples
        .into_iter()
        .zip(&sets)
        .filter(|(_, s)| s.starts_with(only.as_str()))
        .map(|(e, _)| e)
        .collect();
    let m = train(&examples, &LABELS, settings());
    let (mut ok, mut all) = (0usize, 0usize);
    for ex in &examples {
        let g = m.tag(&ex.features);
        all += g.len();
        ok += g.iter().zip(&ex.labels).filter(|(a, b)| a == b).count();
    }
    eprintln!(
        "training-set token accuracy {:.4}",
        ok as f64 / all.max(1) as f64
    );
    if let Some((dir, files)) = eval {
        for file in files {
            let values: Vec<serde_json::Value> = std::fs::read_to_string(file)?
                .lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect();
            let buf = parse_texts(values.iter().map(|v| v["text"].as_str().unwrap_or("")), &m)?;
            let name = std::path::Path::new(file)
                .file_stem()
                .map_or("set".into(), |s| s.to_string_lossy());
            std::fs::write(format!("{dir}/{name}.pred.jsonl"), buf)?;
        }
        return Ok(());
    }
    let bytes = m.to_bytes();
    eprintln!(
        "trained in {:.1?}; model {} bytes",
        t.elapsed(),
        bytes.len()
    );
    std::fs::write(format!("{root}/src/reference/tagger/model.bin"), bytes)?;
    Ok(())
}

/// Parses `texts`, one reference each, with `m` alone (as `citemap refs`
/// would with the tagger), into JSON lines of fields, in order.
fn parse_texts<'a>(
    texts: impl Iterator<Item = &'a str>,
    m: &citemap::reference::tagger::model::Model,
) -> std::io::Result<Vec<u8>> {
    // A labelled string may hold line ends; one reference is one line.
    let text: String = texts.map(|t| t.replace(['\n', '\r'], " ") + "\n").collect();
    let refs = citemap::reference::parse_lines_by(&text, |e| {
        citemap::reference::parse::parse_tagged(e, m)
    });
    let mut buf = Vec::new();
    citemap::render::json::write_fields(&refs, &mut buf)?;
    Ok(buf)
}
