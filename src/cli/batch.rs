//! Many documents through one command: inputs walked by the library,
//! documents read on every core, each one's output written in input
//! order, failures reported with their path without stopping the rest.

use super::{Output, output, shown};
use citemap::Error;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// How folders are walked and how many threads read the documents.
#[derive(clap::Args, Debug, Clone, Default)]
pub(super) struct BatchArgs {
    /// Choose the files of a folder by glob, as a .gitignore line reads
    /// ("*.md"; "!draft*" leaves out). Repeatable. Without one, a folder
    /// gives every file of a kind citemap reads.
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// Walk folders without honouring .gitignore, .ignore and
    /// .citemapignore files, and take hidden files.
    #[arg(long)]
    no_ignore: bool,
    /// Threads that read documents (default: one a core). Output is the
    /// same whatever the number.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
}

impl BatchArgs {
    /// Threads for the batch (0: one a core).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// How folders are walked.
    pub fn walk(&self) -> citemap::batch::Walk {
        citemap::batch::Walk {
            globs: self.glob.clone(),
            no_ignore: self.no_ignore,
        }
    }
}

/// How the outputs of several documents are put together.
pub(super) enum Frame {
    /// One after another, as they are.
    Plain,
    /// A JSON array of the documents' objects.
    JsonArray,
    /// JSON Lines: one object a line.
    Lines,
    /// One SARIF log whose run holds every document's results.
    Sarif,
    /// One CSV table: this header line, then every document's rows.
    Csv(Vec<u8>),
    /// One document around every document's piece: this head, the
    /// pieces, this tail (JUnit's `<testsuites>`).
    Around(&'static str, &'static str),
}

/// Writes a document's output when its turn comes.
type Writer = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()> + Send>;

/// One document's output and the exit code it asks for.
pub(super) struct Piece {
    pub bytes: Vec<u8>,
    /// Output written straight to the destination instead of `bytes`,
    /// so that a lone large document's output is never held in memory.
    pub stream: Option<Writer>,
    pub code: i32,
}

impl Piece {
    pub fn ok(bytes: Vec<u8>) -> Piece {
        Piece {
            bytes,
            stream: None,
            code: 0,
        }
    }

    /// Output written by `write` when it goes out.
    pub fn stream(
        code: i32,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()> + Send + 'static,
    ) -> Piece {
        Piece {
            bytes: Vec::new(),
            stream: Some(Box::new(write)),
            code,
        }
    }

    /// The output as bytes, for a batch that puts pieces together.
    fn into_bytes(mut self) -> std::io::Result<Piece> {
        if let Some(write) = self.stream.take() {
            write(&mut self.bytes)?;
        }
        Ok(self)
    }
}

/// A document's result as a JSON object: its path first, then `key`.
struct Entry<'a, T: ?Sized> {
    path: &'a str,
    key: &'a str,
    value: &'a T,
}

impl<T: Serialize + ?Sized> Serialize for Entry<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("path", self.path)?;
        m.serialize_entry(self.key, self.value)?;
        m.end()
    }
}

/// `{"path": …, key: value}`, pretty for an array, on one line for JSON
/// Lines.
pub(super) fn entry<T: Serialize + ?Sized>(
    path: &Path,
    key: &str,
    value: &T,
    lines: bool,
) -> Result<Vec<u8>, Error> {
    let e = Entry {
        path: &shown(path),
        key,
        value,
    };
    let mut out = if lines {
        serde_json::to_vec(&e)
    } else {
        serde_json::to_vec_pretty(&e)
    }
    .map_err(|e| Error::io(None, std::io::Error::other(e)))?;
    if lines {
        out.push(b'\n');
    }
    Ok(out)
}

/// JSON that a renderer wrote, as a value to put in an [`entry`].
pub(super) fn parsed(bytes: &[u8]) -> Result<serde_json::Value, Error> {
    serde_json::from_slice(bytes).map_err(|e| Error::io(None, std::io::Error::other(e)))
}

/// Runs `one` over the documents `args` name. One file alone is read as
/// before: its output as it is, its failure the command's. Several files,
/// or a folder, are a batch: `one` is told so (`true`), outputs are put
/// together by `frame` in input order, a failed document is reported on
/// stderr with its path (and in JSON, as an object with its error), and
/// the exit code is 2 if any failed, else the highest any document asked
/// for.
pub(super) fn run(
    args: &[PathBuf],
    batch: &BatchArgs,
    out: Option<&Output>,
    frame: Frame,
    one: impl Fn(&Path, bool) -> Result<Piece, Error> + Sync,
) -> Result<i32, Error> {
    let found = citemap::batch::inputs(args, &batch.walk())?;
    let folder = args.iter().any(|a| a.as_os_str() != "-" && a.is_dir());
    if found.is_empty() {
        let names: Vec<String> = args.iter().map(|a| shown(a)).collect();
        return Err(Error::Usage(format!(
            "no documents found in {}{}",
            names.join(", "),
            if batch.glob.is_empty() {
                " (a folder gives the files of the kinds --input-format names; --glob chooses others)"
            } else {
                " that --glob takes"
            }
        )));
    }
    let (out_path, force) = out.map_or((None, false), |o| (o.output.as_deref(), o.force));
    if found.len() == 1 && !folder {
        let path = match found.into_iter().next() {
            Some(Ok(p)) => p,
            Some(Err(e)) => return Err(e),
            None => return Ok(0),
        };
        let mut piece = one(&path, false)?;
        let code = piece.code;
        output::emit(out_path, force, |w| match piece.stream.take() {
            Some(write) => write(w),
            None => w.write_all(&piece.bytes),
        })?;
        return Ok(code);
    }
    let items: Vec<(PathBuf, Option<String>)> = found
        .into_iter()
        .map(|f| match f {
            Ok(p) => (p, None),
            Err(e) => (PathBuf::new(), Some(e.to_string())),
        })
        .collect();
    let bar = progress(items.len() as u64);
    let mut failed = false;
    let mut code = 0;
    output::emit(out_path, force, |w| {
        let mut sarif: Vec<serde_json::Value> = Vec::new();
        let mut written = 0usize;
        match &frame {
            Frame::JsonArray => w.write_all(b"[\n")?,
            Frame::Csv(header) => w.write_all(header)?,
            Frame::Around(head, _) => w.write_all(head.as_bytes())?,
            _ => {}
        }
        citemap::batch::map_ordered(
            &items,
            batch.threads,
            |(path, walk_error)| match walk_error {
                Some(e) => Err(e.clone()),
                None => one(path, true).map_err(|e| message(&e)),
            },
            |i, result| -> std::io::Result<()> {
                bar.inc(1);
                let path = &items[i].0;
                let piece = match result {
                    Ok(p) => p.into_bytes()?,
                    Err(e) => {
                        failed = true;
                        bar.suspend(|| eprintln!("citemap: {e}"));
                        let lines = matches!(frame, Frame::Lines);
                        if matches!(frame, Frame::JsonArray | Frame::Lines) {
                            let bytes = entry(path, "error", &e, lines)
                                .map_err(|e| std::io::Error::other(e.to_string()))?;
                            Piece::ok(bytes)
                        } else {
                            return Ok(());
                        }
                    }
                };
                code = code.max(piece.code);
                match &frame {
                    Frame::JsonArray => {
                        if written > 0 {
                            w.write_all(b",\n")?;
                        }
                        w.write_all(piece.bytes.trim_ascii_end())?;
                    }
                    Frame::Sarif => {
                        let log: serde_json::Value = serde_json::from_slice(&piece.bytes)?;
                        if let Some(r) = log.pointer("/runs/0/results").and_then(|r| r.as_array()) {
                            sarif.extend(r.iter().cloned());
                        }
                        if written == 0 {
                            sarif.insert(0, log);
                        }
                    }
                    _ => w.write_all(&piece.bytes)?,
                }
                written += 1;
                Ok(())
            },
        )?;
        match &frame {
            Frame::JsonArray => w.write_all(if written > 0 { b"\n]\n" } else { b"]\n" })?,
            Frame::Sarif => write_sarif(sarif, w)?,
            Frame::Around(_, tail) => w.write_all(tail.as_bytes())?,
            _ => {}
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(if failed { 2 } else { code })
}

/// The first document's SARIF log with every document's results in its
/// run: `parts` is that log, then all the results in order.
fn write_sarif(mut parts: Vec<serde_json::Value>, w: &mut dyn Write) -> std::io::Result<()> {
    if parts.is_empty() {
        return Ok(());
    }
    let mut log = parts.remove(0);
    if let Some(r) = log.pointer_mut("/runs/0/results") {
        *r = serde_json::Value::Array(parts);
    }
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

/// What a failed document says, with the hint a lone file would give.
fn message(e: &Error) -> String {
    match e {
        Error::NotText { .. } => format!("{e}; --lossy reads it anyway, replacing such bytes"),
        _ => e.to_string(),
    }
}

/// A progress bar on stderr, shown only on a terminal: never in a pipe,
/// with `NO_COLOR` set, or in CI.
fn progress(n: u64) -> indicatif::ProgressBar {
    let quiet = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
    if !std::io::stderr().is_terminal() || quiet("NO_COLOR") || quiet("CI") {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {eta} left")
    {
        bar.set_style(style);
    }
    bar
}
