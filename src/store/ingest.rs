//! Writing documents into the store in atomic batches.
//!
//! A [`Batch`] holds the graphs of several documents; [`Store::commit`] writes them so
//! that after a crash or Ctrl-C each document is either fully in the store or absent:
//!
//! - documents the store does not have yet go through Oxigraph's bulk loader, whose
//!   `commit` (Oxigraph 0.5) hands all the sorted files it wrote to RocksDB in one
//!   `IngestExternalFiles` call, which is atomic: either every file is in or none;
//! - documents that replace an older version of themselves are written in one
//!   transaction that drops the old graph and inserts the new one (the bulk loader
//!   cannot remove anything).
//!
//! Memory is bounded by the batch, which the caller closes by size
//! ([`Batch::is_full`]).

use std::time::Instant;

use oxigraph::model::{NamedNode, Quad};

use super::graph::{document_quads, DocumentMeta, GraphCounts};
use super::{vocab, Result, Store};
use crate::output::DocOutput;

/// Quads per batch at which [`Batch::is_full`] says to commit. Large enough that
/// RocksDB gets few, large files; small enough to bound memory (~100 MB).
pub const BATCH_QUADS: usize = 250_000;

/// Documents' graphs waiting to be committed together.
#[derive(Default)]
pub struct Batch {
    docs: Vec<(NamedNode, Vec<Quad>)>,
    n_quads: usize,
    counts: GraphCounts,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Adds a document's graph (built from its extraction output).
    pub fn add(&mut self, output: &DocOutput, meta: &DocumentMeta) -> GraphCounts {
        let (quads, counts) = document_quads(output, meta);
        self.n_quads += quads.len();
        self.counts.entities += counts.entities;
        self.counts.deal_statements += counts.deal_statements;
        self.counts.role_statements += counts.role_statements;
        self.counts.quads += counts.quads;
        self.docs.push((NamedNode::new_unchecked(vocab::document_iri(&output.doc)), quads));
        counts
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn n_quads(&self) -> usize {
        self.n_quads
    }

    /// True when the batch should be committed now.
    pub fn is_full(&self) -> bool {
        self.n_quads >= BATCH_QUADS
    }
}

/// Threads and memory for Oxigraph's bulk loader given `quads` to write: one thread per
/// core (at most 4), and a memory target that splits the quads into one batch per thread.
/// The loader sorts and writes each batch on a thread of its own, but only starts a
/// batch when it is full: with its default (2 GB per thread) or a fixed 512 MB, a commit
/// of up to 250,000 quads was one batch on one thread, whatever the cores.
pub(crate) fn bulk_settings(quads: usize) -> (usize, usize) {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 4);
    // Oxigraph's batch size is megabytes * 1000 / threads quads.
    let per_thread = quads.div_ceil(threads).max(1_000);
    (threads, (per_thread * threads).div_ceil(1_000).min(512 * threads))
}

/// What one commit wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CommitSummary {
    /// Documents that were not in the store.
    pub new_documents: usize,
    /// Documents whose older graph was replaced.
    pub replaced_documents: usize,
    pub quads: usize,
    /// Entities, deal and role statements in the committed graphs (per document).
    pub counts: GraphCounts,
    pub seconds: f64,
}

impl Store {
    /// Writes a batch atomically per document (see the module docs) and empties it. The
    /// summary graph is not touched: call [`Store::refresh_summary`] after the last commit.
    pub fn commit(&self, batch: &mut Batch) -> Result<CommitSummary> {
        self.require_writable()?;
        let started = Instant::now();
        let docs = std::mem::take(&mut batch.docs);
        let counts = std::mem::take(&mut batch.counts);
        batch.n_quads = 0;
        let mut summary = CommitSummary { counts, ..CommitSummary::default() };
        self.note_changes(docs.iter().map(|(graph, quads)| (graph, quads.as_slice())))?;
        let mut fresh: Vec<Quad> = Vec::new();
        let mut replaced: Vec<(NamedNode, Vec<Quad>)> = Vec::new();
        for (graph, quads) in docs {
            summary.quads += quads.len();
            if self.inner.contains_named_graph(graph.as_ref()).map_err(|e| self.err(e))? {
                replaced.push((graph, quads));
            } else {
                fresh.extend(quads);
                summary.new_documents += 1;
            }
        }
        if !replaced.is_empty() {
            summary.replaced_documents = replaced.len();
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            for (graph, quads) in &replaced {
                tx.remove_named_graph(graph.as_ref()).map_err(|e| self.err(e))?;
                tx.extend(quads.iter());
            }
            tx.commit().map_err(|e| self.err(e))?;
        }
        if !fresh.is_empty() {
            let (threads, megabytes) = bulk_settings(fresh.len());
            let mut loader = self.inner.bulk_loader().with_num_threads(threads).with_max_memory_size_in_megabytes(megabytes);
            loader.load_quads(fresh).map_err(|e| self.err(e))?;
            loader.commit().map_err(|e| self.err(e))?;
        }
        summary.seconds = started.elapsed().as_secs_f64();
        Ok(summary)
    }

    /// Writes a batch in transactions only (the slower path used when replacing), for
    /// measuring the transactional ingest speed of an existing store.
    pub fn commit_transactional(&self, batch: &mut Batch) -> Result<CommitSummary> {
        self.require_writable()?;
        let started = Instant::now();
        let docs = std::mem::take(&mut batch.docs);
        let counts = std::mem::take(&mut batch.counts);
        batch.n_quads = 0;
        let mut summary = CommitSummary { counts, ..CommitSummary::default() };
        self.note_changes(docs.iter().map(|(graph, quads)| (graph, quads.as_slice())))?;
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        for (graph, quads) in &docs {
            summary.quads += quads.len();
            if tx.contains_named_graph(graph.as_ref()).map_err(|e| self.err(e))? {
                tx.remove_named_graph(graph.as_ref()).map_err(|e| self.err(e))?;
                summary.replaced_documents += 1;
            } else {
                summary.new_documents += 1;
            }
            tx.extend(quads.iter());
        }
        tx.commit().map_err(|e| self.err(e))?;
        summary.seconds = started.elapsed().as_secs_f64();
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::bulk_settings;

    #[test]
    fn a_commit_splits_into_one_bulk_batch_per_thread() {
        for quads in [1, 999, 140_656, 250_000, 3_000_000] {
            let (threads, megabytes) = bulk_settings(quads);
            assert!((1..=4).contains(&threads));
            // Oxigraph starts a batch at megabytes * 1000 / threads quads.
            let batch = megabytes * 1000 / threads;
            let batches = quads.div_ceil(batch);
            assert!(batches <= threads || megabytes == 512 * threads, "{quads}: {threads} threads, {batches} batches of {batch}");
        }
    }
}
