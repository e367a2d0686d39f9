//! Where command output goes: standard output, or a file written safely.

use citemap::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Writes `produce`'s output to `path` or, without a path, to standard
/// output. A file is written to a temporary file beside it and renamed
/// into place, so a failure never leaves a half-written file. Only a
/// regular file, or nothing, is ever replaced: an existing file only with
/// `force`, a symbolic link's target only with `force` (never the link),
/// and a directory, device or FIFO never.
pub fn emit(
    path: Option<&Path>,
    force: bool,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            produce(&mut out).map_err(|e| Error::io(None, e))?;
            out.flush().map_err(|e| Error::io(None, e))
        }
        Some(p) => write_atomic(&target(p, force)?, produce),
    }
}

/// The file that editing `p` in place writes: `p`, or a symbolic link's
/// target. Refuses what is not a regular file.
pub fn in_place(p: &Path) -> Result<PathBuf, Error> {
    target(p, true)
}

/// The file to write for `-o p`: `p` itself, or a symbolic link's target
/// with `force`. Refuses what must not be replaced.
fn target(p: &Path, force: bool) -> Result<PathBuf, Error> {
    let refuse = |why: &str| Err(Error::Usage(format!("{}: {why}", p.display())));
    let Ok(meta) = std::fs::symlink_metadata(p) else {
        return Ok(p.to_path_buf());
    };
    let mut file = p.to_path_buf();
    if meta.file_type().is_symlink() {
        if !force {
            return refuse("is a symbolic link; use --force to replace the file it points to");
        }
        let link = std::fs::read_link(p).map_err(|e| Error::io(Some(p), e))?;
        file = match p.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    match std::fs::metadata(&file) {
        Ok(m) if m.is_file() => {
            if !force {
                return refuse("exists; use --force to replace it");
            }
            Ok(file)
        }
        Ok(m) if m.is_dir() => refuse("is a directory"),
        Ok(_) => refuse("is not a regular file (a device or a FIFO); it is never replaced"),
        Err(_) => Ok(file),
    }
}

/// The prefix of citemap's temporary files, so that a stray one (left by
/// a kill) is recognisable.
pub const TEMP_PREFIX: &str = ".citemap-";

/// Temporary files being written now: what the signal handler removes.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary file being written
/// (the target is untouched: it is only ever replaced by a rename) and
/// exits with 130, as a shell does for an interrupted command. SIGKILL
/// cannot be caught; the next run's warning names what it leaves.
pub fn clean_up_on_signals() {
    // ctrlc runs the handler on its own thread, not in the signal
    // handler, so removing files there is safe.
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for f in pending.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        std::process::exit(130);
    });
}

/// Warns of temporary files of ours in `dir`: left by a run that was
/// killed, or being written by another run at this moment.
fn warn_strays(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
            eprintln!(
                "citemap: warning: {} looks like a temporary file left by an interrupted citemap run (or one writing now); delete it if no run is",
                dir.join(&*name).display()
            );
        }
    }
}

/// Writes a file through a temporary file in the same folder and a rename.
/// Errors name `p`, never the temporary file.
pub fn write_atomic(
    p: &Path,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let dir: PathBuf = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The io::Error of a failed create or rename carries the temporary
    // path in its text; keep only its kind, with the user's path.
    let io = |e: std::io::Error| Error::io(Some(p), std::io::Error::from(e.kind()));
    warn_strays(&dir);
    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::Usage(format!(
                "{}: its folder {} does not exist",
                p.display(),
                dir.display()
            )),
            _ => io(e),
        })?;
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(tmp.path().to_path_buf());
    }
    let result = fill_and_persist(p, tmp, produce);
    if let Ok(mut pending) = PENDING.lock() {
        pending.clear();
    }
    result
}

fn fill_and_persist(
    p: &Path,
    mut tmp: tempfile::NamedTempFile,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::io(Some(p), std::io::Error::from(e.kind()));
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        produce(&mut w).map_err(io)?;
        w.flush().map_err(io)?;
    }
    // The temporary file is private; the result should have the mode the
    // existing file had, or an ordinary file's.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p).map_or(0o644, |m| m.permissions().mode());
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    // For the interruption test: a window in which the temporary file is
    // complete and the target not yet replaced.
    if let Some(ms) = std::env::var_os("CITEMAP_TEST_HOLD_MS") {
        let ms = ms.to_str().and_then(|s| s.parse().ok()).unwrap_or(0);
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    tmp.persist(p).map_err(|e| io(e.error))?;
    Ok(())
}
