//! Errors of the store: every message names the store directory, the file and line, or
//! the position in the query it is about.

use std::path::PathBuf;

/// Everything that can go wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A command that reads the store was pointed at a directory that does not exist.
    #[error("no store at {path} (create one with `dealgraph ingest --store {path} ARTICLES...`)")]
    Missing { path: PathBuf },
    #[error("{path} is a file, not a store directory")]
    NotADirectory { path: PathBuf },
    /// A directory that holds something else than an Oxigraph database.
    #[error("{path} is not a dealgraph store ({reason})")]
    NotAStore { path: PathBuf, reason: String },
    /// Another process holds the store's write lock.
    #[error("the store {path} is in use by another process (a running `dealgraph ingest`, `load` or `forget`, or an Oxigraph server); wait for it to finish and try again")]
    Locked { path: PathBuf },
    #[error("the store {path} cannot be written ({reason})")]
    ReadOnly { path: PathBuf, reason: String },
    /// The store was written with another version of the RDF model.
    #[error("the store {path} uses dealgraph model version {found}, but this dealgraph writes and reads version {expected}; rebuild it by ingesting the articles again into a new store (or, when only Oxigraph's storage changed, `dealgraph dump` it with the dealgraph that wrote it and `dealgraph load` the dump)")]
    Version { path: PathBuf, found: String, expected: u32 },
    /// An error from Oxigraph's storage layer.
    #[error("store {path}: {message}")]
    Storage { path: PathBuf, message: String },
    /// A query that does not parse; the message shows the line and a caret.
    #[error("SPARQL syntax error in {origin}: {message}")]
    Syntax { origin: String, message: String },
    #[error("unknown question {name:?}; the questions are: {available}")]
    UnknownQuestion { name: String, available: String },
    #[error("{origin} needs the parameter {name:?} ({description}): add `--param {name}=VALUE`")]
    MissingParameter { origin: String, name: String, description: String },
    #[error("{origin} has no parameter {name:?} (its parameters: {known})")]
    UnknownParameter { origin: String, name: String, known: String },
    #[error("bad parameter {0:?}: expected NAME=VALUE")]
    BadParameter(String),
    /// `SERVICE` would reach the network; dealgraph never does.
    #[error("{origin}: federated queries (SERVICE) are disabled: dealgraph answers from the local store only and never reaches the network")]
    Service { origin: String },
    #[error("{origin}: {message}")]
    Evaluation { origin: String, message: String },
    /// A dump that cannot be parsed.
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
}

impl StoreError {
    /// True when the user can fix it by changing the command line or the query (exit code
    /// 2): unknown question, missing or bad parameter, SPARQL syntax, SERVICE.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            StoreError::Syntax { .. }
                | StoreError::UnknownQuestion { .. }
                | StoreError::MissingParameter { .. }
                | StoreError::UnknownParameter { .. }
                | StoreError::BadParameter(_)
                | StoreError::Service { .. }
                | StoreError::Usage(_)
        )
    }

    pub(crate) fn storage(path: &std::path::Path, error: impl std::fmt::Display) -> StoreError {
        let message = error.to_string();
        let lower = message.to_lowercase();
        if lower.contains("lock") && (lower.contains("resource temporarily unavailable") || lower.contains("lock hold")) {
            return StoreError::Locked { path: path.to_path_buf() };
        }
        if lower.contains("permission denied") || lower.contains("read-only file system") {
            return StoreError::ReadOnly { path: path.to_path_buf(), reason: message };
        }
        StoreError::Storage { path: path.to_path_buf(), message }
    }
}

impl From<StoreError> for crate::error::Error {
    fn from(e: StoreError) -> crate::error::Error {
        if e.is_usage() || matches!(e, StoreError::Evaluation { .. }) {
            crate::error::Error::Query(e.to_string())
        } else {
            crate::error::Error::Store(e.to_string())
        }
    }
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
