//! The library's error type. Messages are lower case, without a final period, and name
//! the file, line or byte offset they are about.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer or cue lexicon CSV with a problem at a line.
    #[error("{path}:{line}: {message}")]
    Data { path: String, line: u64, message: String },
    /// An input document that cannot be read as such.
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("duplicate document id {id:?}: in {first} and in {second}")]
    DuplicateDocument { id: String, first: String, second: String },
    #[error("cannot build the matcher: {0}")]
    Matcher(String),
    #[error("{0}")]
    Store(String),
    #[error("{0}")]
    Query(String),
    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }
    pub fn data(path: impl Into<String>, line: u64, message: impl Into<String>) -> Error {
        Error::Data { path: path.into(), line, message: message.into() }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
