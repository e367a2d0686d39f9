//! The settings every command shares: `--stdin-filename`, `--config`,
//! `--no-config`, and the `citemap.toml` each document is read under.

use citemap::Error;
use citemap::config::Config;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The global flags that change how inputs are named and configured.
#[derive(Debug, Default)]
pub(super) struct Global {
    /// What standard input stands for.
    pub stdin_filename: Option<PathBuf>,
    /// A settings file for every document.
    pub config: Option<PathBuf>,
    /// Read no settings file.
    pub no_config: bool,
}

static GLOBAL: OnceLock<Global> = OnceLock::new();

/// Sets the global flags, once a run.
pub(super) fn init(g: Global) {
    let _ = GLOBAL.set(g);
}

fn global() -> &'static Global {
    GLOBAL.get_or_init(Global::default)
}

/// The path an input stands for: `--stdin-filename` for "-", else itself.
/// Its extension chooses the reader, its folder holds the libraries it
/// names and the `citemap.toml` it is read under.
pub(super) fn named(path: &Path) -> Option<&Path> {
    if path == Path::new("-") {
        global().stdin_filename.as_deref()
    } else {
        Some(path)
    }
}

/// A path as messages show it: relative to the working folder when it is
/// inside it, as the user would type it.
pub(super) fn relative(p: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let cwd = std::fs::canonicalize(cwd).ok()?;
            let abs = std::fs::canonicalize(p).ok()?;
            abs.strip_prefix(cwd).ok().map(Path::to_path_buf)
        })
        .filter(|r| !r.as_os_str().is_empty());
    rel.as_deref().unwrap_or(p).display().to_string()
}

/// The folder an input is in, made absolute: for "-", the folder of
/// `--stdin-filename` (which need not exist), else none.
pub(super) fn folder(path: &Path) -> Option<PathBuf> {
    let p = named(path)?;
    let abs = std::fs::canonicalize(p)
        .ok()
        .or_else(|| Some(std::env::current_dir().ok()?.join(p)))?;
    abs.parent().map(Path::to_path_buf)
}

/// The nearest `citemap.toml` in the document's folder or above it (the
/// working folder's for standard input without a name).
fn find_config(doc: &Path) -> Option<PathBuf> {
    let start = folder(doc).or_else(|| std::env::current_dir().ok())?;
    Config::find(&start)
}

/// The settings `doc` is read under: `--config`, else the nearest
/// `citemap.toml`, else none (always none with `--no-config`). Each file
/// is read once a run.
pub(super) fn config_for(doc: &Path) -> Result<Arc<Config>, Error> {
    static READ: Mutex<Option<HashMap<PathBuf, Arc<Config>>>> = Mutex::new(None);
    let g = global();
    if g.no_config {
        return Ok(Arc::default());
    }
    let file = match &g.config {
        Some(p) => p.clone(),
        None => match find_config(doc) {
            Some(p) => p,
            None => return Ok(Arc::default()),
        },
    };
    if let Some(c) = READ
        .lock()
        .ok()
        .and_then(|m| m.as_ref().and_then(|m| m.get(&file).cloned()))
    {
        return Ok(c);
    }
    let config = Arc::new(Config::load(&file, &relative(&file))?);
    if let Ok(mut m) = READ.lock() {
        m.get_or_insert_with(HashMap::new)
            .insert(file, config.clone());
    }
    Ok(config)
}
