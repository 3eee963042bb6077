//! The knowledge graph store: an on-disk Oxigraph database holding one named graph per
//! document, and the questions asked of it.
//!
//! This is the one module that imports `oxigraph` (its API moves between versions);
//! the rest of dealgraph sees [`Store`], [`Batch`], [`QueryOutcome`] and plain Rust
//! types. The RDF model is documented in `docs/model.md`.
//!
//! - [`Store::open`] opens an existing store (never creates one), read-write when it
//!   can and read-only when the directory is not writable; [`Store::open_or_create`]
//!   is for commands that write (`ingest`, `load`).
//! - Ingest: [`Store::is_current`] tells whether a document is already in the store as
//!   extracted by this extractor from this content; [`Batch`] collects documents'
//!   graphs and [`Store::commit`] writes them atomically (new documents through
//!   Oxigraph's bulk loader, replaced ones in a transaction).
//! - [`Store::query`] runs SPARQL with safely bound parameters; [`questions`] are the
//!   ready-made ones bundled from `queries/`; [`results`] prints answers.
//! - [`Store::dump`] / [`Store::load`] write and read sorted N-Quads or TriG;
//!   [`Store::forget`] removes documents; [`Store::stats`] counts;
//!   [`Store::graph_input`] hands the consolidated graph to the exporters.
//!
//! Example:
//!
//! ```no_run
//! use dealgraph::store::{Store, Params};
//!
//! let store = Store::open("dealgraph-store")?;
//! let question = dealgraph::store::questions::get("who-tried-to-buy-whom")?;
//! let outcome = store.query_question(&question, &Params::default())?;
//! # Ok::<(), dealgraph::store::StoreError>(())
//! ```

mod error;
mod export;
mod graph;
mod ingest;
mod io;
pub mod questions;
pub mod results;
mod sparql;
mod stats;
mod summary;
pub mod vocab;

use std::path::{Path, PathBuf};

use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, QuadRef, Term};

pub use error::{Result, StoreError};
pub use graph::{DocumentMeta, GraphCounts};
pub use ingest::{Batch, CommitSummary};
pub use io::{DumpFormat, LoadSummary};
pub use sparql::{check_query, Params, QueryOutcome, QueryRow, RdfTerm};
pub use stats::Stats;
pub use summary::SummaryRefresh;

/// How the store was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// The directory is not writable (another user's store, read-only media): queries
    /// work, writes fail with a clear message.
    ReadOnly,
}

/// An on-disk dealgraph store.
pub struct Store {
    inner: oxigraph::store::Store,
    path: PathBuf,
    access: Access,
    /// What the writes since the last summary refresh touched (`summary.rs`).
    pending: std::sync::Mutex<summary::Pending>,
}

/// What a document's entry in the store says about a new reading of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentState {
    /// Not in the store.
    New,
    /// In the store from the same content by the same extractor: nothing to do.
    Current,
    /// In the store from other content or another extractor: extract again, replace.
    Changed,
}

/// How long opening waits for another process to release the store (a query or
/// `stats` holds it for a moment) before saying it is in use.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Opens read-write, retrying for [`LOCK_WAIT`] while another process holds the lock.
fn open_waiting(path: &Path) -> std::result::Result<oxigraph::store::Store, oxigraph::store::StorageError> {
    let started = std::time::Instant::now();
    loop {
        match oxigraph::store::Store::open(path) {
            Err(e) if matches!(StoreError::storage(path, &e), StoreError::Locked { .. }) && started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// True when every entry of the directory is a file RocksDB writes while it creates a
/// database (`LOCK`, `LOG`, `IDENTITY`, `MANIFEST-*`, `*.dbtmp`, …; no write-ahead log): a
/// creation that `kill -9` or a power cut interrupted before `CURRENT` was written.
/// Creating the database there again loses nothing.
fn only_rocksdb_files(path: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(path) else { return false };
    entries.flatten().all(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        entry.file_type().is_ok_and(|t| t.is_file())
            && (["LOCK", "LOG", "IDENTITY"].contains(&name.as_ref())
                || name.starts_with("LOG.old.")
                || name.starts_with("MANIFEST-")
                || name.starts_with("OPTIONS-")
                || name.ends_with(".dbtmp"))
    })
}

impl Store {
    /// Opens an existing store. A missing directory is an error (no empty store is
    /// created behind the user's back), as are a file, a directory that holds something
    /// else, a store locked by another process, and a store of another model version.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Missing { path: path.to_path_buf() })
            }
            Err(e) => return Err(StoreError::Io { path: path.to_path_buf(), source: e }),
            Ok(meta) if !meta.is_dir() => return Err(StoreError::NotADirectory { path: path.to_path_buf() }),
            Ok(_) => {}
        }
        if !path.join("CURRENT").exists() {
            return Err(StoreError::NotAStore {
                path: path.to_path_buf(),
                reason: "no Oxigraph database in it; `dealgraph ingest --store DIR` creates one".into(),
            });
        }
        let store = match open_waiting(path) {
            Ok(inner) => Store { inner, path: path.to_path_buf(), access: Access::ReadWrite, pending: Default::default() },
            Err(e) => match StoreError::storage(path, e) {
                StoreError::ReadOnly { .. } => {
                    let inner = oxigraph::store::Store::open_read_only(path).map_err(|e| StoreError::storage(path, e))?;
                    Store { inner, path: path.to_path_buf(), access: Access::ReadOnly, pending: Default::default() }
                }
                other => return Err(other),
            },
        };
        store.check_version(false)?;
        if store.access == Access::ReadWrite {
            store.check_summary_flag()?;
        }
        store.remove_stale_bulk_files();
        Ok(store)
    }

    /// Opens a store for writing, creating it when the directory does not exist or is
    /// empty. A directory with other content is refused.
    pub fn open_or_create(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::Io { path: path.to_path_buf(), source: e }),
            Ok(meta) if !meta.is_dir() => return Err(StoreError::NotADirectory { path: path.to_path_buf() }),
            Ok(_) => {
                let empty = std::fs::read_dir(path)
                    .map_err(|e| StoreError::Io { path: path.to_path_buf(), source: e })?
                    .next()
                    .is_none();
                if !empty && !path.join("CURRENT").exists() && !only_rocksdb_files(path) {
                    return Err(StoreError::NotAStore {
                        path: path.to_path_buf(),
                        reason: "the directory holds other files; give an empty or new directory".into(),
                    });
                }
            }
        }
        let inner = open_waiting(path).map_err(|e| match StoreError::storage(path, e) {
            StoreError::ReadOnly { path, reason } => {
                StoreError::ReadOnly { path, reason: format!("{reason}; is the directory read-only?") }
            }
            other => other,
        })?;
        let store = Store { inner, path: path.to_path_buf(), access: Access::ReadWrite, pending: Default::default() };
        store.check_version(true)?;
        store.check_summary_flag()?;
        store.remove_stale_bulk_files();
        Ok(store)
    }

    /// The store's directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> Access {
        self.access
    }

    fn err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::storage(&self.path, e)
    }

    fn require_writable(&self) -> Result<()> {
        match self.access {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly => Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason: "it was opened read-only because the directory is not writable".into(),
            }),
        }
    }

    fn version_quad_parts() -> (NamedNode, NamedNode) {
        (NamedNode::new_unchecked(vocab::STORE_NODE), NamedNode::new_unchecked(vocab::dg("modelVersion")))
    }

    /// The model version recorded in the store, if any.
    pub fn model_version(&self) -> Result<Option<String>> {
        let (node, property) = Self::version_quad_parts();
        let mut versions = Vec::new();
        for quad in self.inner.quads_for_pattern(Some(node.as_ref().into()), Some(property.as_ref()), None, Some(GraphNameRef::DefaultGraph)) {
            let quad = quad.map_err(|e| self.err(e))?;
            versions.push(match quad.object {
                Term::Literal(l) => l.value().to_string(),
                other => other.to_string(),
            });
        }
        versions.sort();
        Ok(match versions.len() {
            0 => None,
            1 => versions.pop(),
            _ => Some(versions.join(" and ")),
        })
    }

    /// Checks (and for a new, empty store writes) the model version.
    fn check_version(&self, may_initialise: bool) -> Result<()> {
        let expected = vocab::MODEL_VERSION;
        match self.model_version()? {
            Some(v) if v == expected.to_string() => Ok(()),
            Some(v) if vocab::UPGRADABLE_VERSIONS.contains(&v.as_str()) && self.access == Access::ReadWrite => self.upgrade(),
            Some(found) => Err(StoreError::Version { path: self.path.clone(), found, expected }),
            None => {
                let empty = self.inner.is_empty().map_err(|e| self.err(e))?;
                if !empty {
                    return Err(StoreError::NotAStore {
                        path: self.path.clone(),
                        reason: "an Oxigraph database without a dealgraph model version".into(),
                    });
                }
                if may_initialise {
                    self.write_version()?;
                }
                Ok(())
            }
        }
    }

    /// Raises an older store to this model version: computes the summary, then records
    /// the new version (a kill in between leaves the old version, and the next opening
    /// does it again).
    fn upgrade(&self) -> Result<()> {
        self.summarise_everything()?;
        self.refresh_summary()?;
        self.replace_version(&Self::version_literal())
    }

    /// Replaces the recorded model version by `version`, in one transaction.
    fn replace_version(&self, version: &Literal) -> Result<()> {
        let (node, property) = Self::version_quad_parts();
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        let old: Vec<oxigraph::model::Quad> = tx
            .quads_for_pattern(Some(node.as_ref().into()), Some(property.as_ref()), None, Some(GraphNameRef::DefaultGraph))
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))?;
        for quad in &old {
            tx.remove(quad);
        }
        tx.insert(QuadRef::new(&node, &property, version, GraphNameRef::DefaultGraph));
        tx.commit().map_err(|e| self.err(e))
    }

    fn version_literal() -> Literal {
        Literal::new_typed_literal(
            vocab::MODEL_VERSION.to_string(),
            NamedNodeRef::new_unchecked("http://www.w3.org/2001/XMLSchema#integer"),
        )
    }

    fn write_version(&self) -> Result<()> {
        let (node, property) = Self::version_quad_parts();
        let version = Self::version_literal();
        self.inner
            .insert(QuadRef::new(&node, &property, &version, GraphNameRef::DefaultGraph))
            .map_err(|e| self.err(e))
    }

    /// Replaces the recorded model version (tests of the version check).
    #[cfg(test)]
    pub(crate) fn update_version_for_test(&self, version: &str) -> Result<()> {
        self.replace_version(&Literal::new_simple_literal(version))
    }

    /// A bulk load killed half-way leaves `bulk-*.sst` files in the store directory;
    /// they were never part of the database. Removed only when we hold the write lock.
    fn remove_stale_bulk_files(&self) {
        if self.access != Access::ReadWrite {
            return;
        }
        let Ok(entries) = std::fs::read_dir(&self.path) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("bulk-") && name.ends_with(".sst") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Number of quads in the store (all graphs).
    pub fn len(&self) -> Result<usize> {
        self.inner.len().map_err(|e| self.err(e))
    }

    /// True when the store holds nothing but its model version.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? <= 1)
    }

    fn literal_of(&self, doc_iri: &NamedNode, property: &str) -> Result<Option<String>> {
        let property = NamedNode::new_unchecked(property);
        let graph = GraphNameRef::NamedNode(doc_iri.as_ref());
        let found = self.inner.quads_for_pattern(Some(doc_iri.as_ref().into()), Some(property.as_ref()), None, Some(graph)).next();
        match found {
            None => Ok(None),
            Some(quad) => match quad.map_err(|e| self.err(e))?.object {
                Term::Literal(l) => Ok(Some(l.value().to_string())),
                _ => Ok(None),
            },
        }
    }

    /// Whether the document is in the store as `meta` would make it.
    pub fn document_state(&self, doc_id: &str, meta: &DocumentMeta) -> Result<DocumentState> {
        let doc = NamedNode::new_unchecked(vocab::document_iri(doc_id));
        let Some(input_hash) = self.literal_of(&doc, &vocab::dg("inputHash"))? else {
            return Ok(DocumentState::New);
        };
        let extractor = self.literal_of(&doc, &vocab::dg("extractor"))?;
        if input_hash == meta.input_hash && extractor.as_deref() == Some(meta.extractor.as_str()) {
            Ok(DocumentState::Current)
        } else {
            Ok(DocumentState::Changed)
        }
    }

    /// True when the document needs no new extraction (same content, same extractor).
    pub fn is_current(&self, doc_id: &str, meta: &DocumentMeta) -> Result<bool> {
        Ok(self.document_state(doc_id, meta)? == DocumentState::Current)
    }

    /// Whether a document of this id is in the store.
    pub fn has_document(&self, doc_id: &str) -> Result<bool> {
        let doc = NamedNode::new_unchecked(vocab::document_iri(doc_id));
        self.inner.contains_named_graph(doc.as_ref()).map_err(|e| self.err(e))
    }

    /// Removes documents (their graphs, and with them whatever only they supported) in
    /// one transaction, then refreshes the summary. Returns the ids that were not in the
    /// store.
    pub fn forget<S: AsRef<str>>(&self, doc_ids: &[S]) -> Result<Vec<String>> {
        self.require_writable()?;
        let mut missing = Vec::new();
        let mut present = Vec::new();
        for id in doc_ids {
            let id = id.as_ref();
            if self.has_document(id)? {
                present.push(NamedNode::new_unchecked(vocab::document_iri(id)));
            } else {
                missing.push(id.to_string());
            }
        }
        if !present.is_empty() {
            self.note_changes(present.iter().map(|g| (g, &[][..])))?;
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            for graph in &present {
                tx.remove_named_graph(graph.as_ref()).map_err(|e| self.err(e))?;
            }
            tx.commit().map_err(|e| self.err(e))?;
            self.refresh_summary()?;
        }
        Ok(missing)
    }

    /// Writes everything to disk and compacts (after large loads).
    pub fn optimize(&self) -> Result<()> {
        self.require_writable()?;
        self.inner.flush().map_err(|e| self.err(e))?;
        self.inner.optimize().map_err(|e| self.err(e))
    }

    /// Bytes the store directory takes on disk.
    pub fn disk_bytes(&self) -> u64 {
        fn walk(dir: &Path) -> u64 {
            let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => walk(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        }
        walk(&self.path)
    }
}

#[cfg(test)]
mod tests;
