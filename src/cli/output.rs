//! Where command output goes: standard output, or a file written safely.

use citemap::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `produce`'s output to `path` or, without a path, to standard
/// output. A file is written to a temporary file beside it and renamed
/// into place, so a failure never leaves a half-written file; an existing
/// file is only replaced with `force`.
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
        Some(p) => {
            if p.exists() && !force {
                return Err(Error::Usage(format!(
                    "{} exists; use --force to replace it",
                    p.display()
                )));
            }
            write_atomic(p, produce)
        }
    }
}

/// Writes a file through a temporary file in the same folder and a rename.
pub fn write_atomic(
    p: &Path,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let dir: PathBuf = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io = |e| Error::io(Some(p), e);
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(io)?;
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
    tmp.persist(p).map_err(|e| io(e.error))?;
    Ok(())
}
