//! Many documents at once: the inputs a command names, with folders walked
//! and filtered, and a map over them on several threads whose results come
//! back in input order.
//!
//! Order never depends on the number of threads: folders are walked in
//! path order, and results are handed on in the order of the inputs, so a
//! batch's output is byte-identical with one thread and with many.

use crate::error::Error;
use crate::input::Kind;
use std::path::{Path, PathBuf};

/// How folders are walked.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// Globs that choose the files of a folder ("*.md", "!draft*"), as
    /// `.gitignore` lines read: a plain glob takes, a `!` glob leaves out.
    /// Without any, a folder gives every file of a kind citemap reads.
    pub globs: Vec<String>,
    /// Read every file, ignoring `.gitignore`, `.ignore` and
    /// `.citemapignore` files and taking hidden ones.
    pub no_ignore: bool,
}

/// The documents that `args` name, in order. A file is taken as it is,
/// whatever its name; a folder gives its documents in path order. A
/// folder that cannot be read is an error in its place, and does not
/// stop the others.
pub fn inputs(args: &[PathBuf], walk: &Walk) -> Result<Vec<Result<PathBuf, Error>>, Error> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() != "-" && arg.is_dir() {
            walk_dir(arg, walk, &mut out)?;
        } else {
            out.push(Ok(arg.clone()));
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path, walk: &Walk, out: &mut Vec<Result<PathBuf, Error>>) -> Result<(), Error> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(dir);
    for g in &walk.globs {
        overrides
            .add(g)
            .map_err(|e| Error::Usage(format!("--glob {g}: {e}")))?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| Error::Usage(format!("--glob: {e}")))?;
    // Globs that only leave files out still take documents alone.
    let only_globs = walk.globs.iter().any(|g| !g.starts_with('!'));
    let mut b = ignore::WalkBuilder::new(dir);
    b.standard_filters(!walk.no_ignore)
        // A folder of theses is rarely a git repository, and its
        // .gitignore still says what is not a document.
        .require_git(false)
        .overrides(overrides)
        .sort_by_file_path(|a, b| a.cmp(b));
    if !walk.no_ignore {
        b.add_custom_ignore_filename(".citemapignore");
    }
    for entry in b.build() {
        match entry {
            Ok(e) => {
                let p = e.path();
                let file = e.file_type().is_some_and(|t| t.is_file());
                if file && (only_globs || Kind::from_path(p).is_some()) {
                    out.push(Ok(p.to_path_buf()));
                }
            }
            Err(e) => {
                let path = match &e {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => dir.to_path_buf(),
                };
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot be walked"));
                out.push(Err(Error::io(Some(&path), source)));
            }
        }
    }
    Ok(())
}

/// Maps `f` over `items` on `threads` threads (0: one a core) and hands
/// each result to `sink` in the order of `items`, as soon as it and every
/// result before it are ready. Each thread takes the next item as it
/// finishes one, so a long document holds up no other thread; a thread
/// runs at most a few items a thread ahead of `sink`, so memory does not
/// grow with the batch. The first error of `sink` stops the batch.
pub fn map_ordered<T, R, E>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
    let pool = match pool {
        Ok(p) if items.len() > 1 && p.current_num_threads() > 1 => p,
        _ => {
            for (i, item) in items.iter().enumerate() {
                sink(i, f(item))?;
            }
            return Ok(());
        }
    };
    let width = pool.current_num_threads();
    let ahead = width * 4;
    let next = AtomicUsize::new(0);
    let sunk = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    let mut outcome = Ok(());
    pool.in_place_scope(|s| {
        for _ in 0..width {
            let tx = tx.clone();
            let (next, sunk, stop, f) = (&next, &sunk, &stop, &f);
            s.spawn(move |_| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        return;
                    }
                    // Wait while this item is too far ahead of the sink.
                    while i >= sunk.load(Ordering::Acquire) + ahead {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                    if stop.load(Ordering::Relaxed) || tx.send((i, f(&items[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        'results: for (i, r) in rx.iter() {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                if let Err(e) = sink(want, r) {
                    outcome = Err(e);
                    stop.store(true, Ordering::Relaxed);
                    break 'results;
                }
                want += 1;
                sunk.store(want, Ordering::Release);
            }
        }
        // Dropping the receiver ends every send, so the scope can join.
        drop(rx);
    });
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..103).collect();
        for threads in [1, 2, 5] {
            let mut seen = Vec::new();
            map_ordered(
                &items,
                threads,
                |&x| {
                    // Later items finish first.
                    std::thread::sleep(std::time::Duration::from_micros(200 - x));
                    x * 2
                },
                |i, r| {
                    seen.push((i, r));
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            let want: Vec<(usize, u64)> = (0..103).map(|i| (i as usize, i * 2)).collect();
            assert_eq!(seen, want, "{threads} threads");
        }
    }

    #[test]
    fn a_sink_error_stops_the_batch() {
        let items: Vec<u32> = (0..50).collect();
        let mut n = 0;
        let r = map_ordered(
            &items,
            2,
            |&x| x,
            |i, _| {
                n += 1;
                if i == 3 { Err(i) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(3));
        assert_eq!(n, 4);
    }

    #[test]
    fn a_folder_gives_its_documents_in_path_order_and_honours_ignores() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("b")).unwrap();
        for f in ["b/two.md", "a.txt", "notes.log", "skip.txt", "b/three.tex"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::write(d.join(".gitignore"), "skip.txt\n").unwrap();
        let names = |walk: &Walk| -> Vec<String> {
            inputs(&[d.to_path_buf()], walk)
                .unwrap()
                .into_iter()
                .map(|p| {
                    let p = p.unwrap();
                    p.strip_prefix(d)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/")
                })
                .collect()
        };
        assert_eq!(
            names(&Walk::default()),
            ["a.txt", "b/three.tex", "b/two.md"]
        );
        let md = Walk {
            globs: vec!["*.md".into()],
            ..Walk::default()
        };
        assert_eq!(names(&md), ["b/two.md"]);
        let all = Walk {
            no_ignore: true,
            ..Walk::default()
        };
        assert_eq!(
            names(&all),
            ["a.txt", "b/three.tex", "b/two.md", "skip.txt"]
        );
        let bad = Walk {
            globs: vec!["a{".into()],
            ..Walk::default()
        };
        assert!(inputs(&[d.to_path_buf()], &bad).is_err());
    }

    #[test]
    fn a_named_file_is_taken_whatever_its_name() {
        let got = inputs(
            &[PathBuf::from("-"), PathBuf::from("no/such.log")],
            &Walk::default(),
        )
        .unwrap();
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(Result::is_ok));
    }
}
