//! Failures: I/O and bad options. Problems in a document are not errors;
//! they are diagnostics (see [`crate::reference::Problem`]).

use std::fmt;
use std::path::PathBuf;

/// A failure that stops a command.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    Io {
        /// The file involved, if any.
        path: Option<PathBuf>,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not UTF-8 (or UTF-16 with a byte-order mark) text.
    NotText {
        /// The file involved.
        path: Option<PathBuf>,
        /// 1-based line of the first byte that is not text.
        line: usize,
        /// 1-based column (characters) of that byte.
        column: usize,
    },
    /// The input is a document of a kind citemap reads, but this one is
    /// damaged, encrypted or too large to read.
    Unreadable {
        /// The file involved.
        path: Option<PathBuf>,
        /// What is wrong with it.
        message: String,
    },
    /// An option or configuration value is invalid.
    Usage(String),
}

/// Result alias for citemap operations.
pub type Result<T> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |p: &Option<PathBuf>| {
            p.as_ref()
                .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
        };
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", name(path)),
            Error::NotText { path, line, column } => write!(
                f,
                "{}:{line}:{column}: not UTF-8 text (a byte there is not a character; save the file as UTF-8)",
                name(path)
            ),
            Error::Unreadable { path, message } => write!(f, "{}: {message}", name(path)),
            Error::Usage(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: Option<&std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.map(std::path::Path::to_path_buf),
            source,
        }
    }
}
