//! The two workloads, each as two JSON Lines files of about equal size (`a` and `b`):
//! the small run reads `a`, the big run `a` and `b`, and throughput is the difference,
//! which leaves start-up out.
//!
//! (a) real news: the corpora (`*.jsonl.xz` in `--corpora`), every other document into
//!     each half, written uncompressed to the bench's scratch directory (outside the
//!     repository; deleted afterwards), so both workloads are read the same way.
//! (b) generated news: [`super::corpus`] at `--size`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::input::{DocumentReader, InputOptions};

/// One workload on disk.
#[derive(Debug, Clone)]
pub struct Workload {
    /// `real news` or `generated`.
    pub name: String,
    /// The two halves.
    pub files: [PathBuf; 2],
    /// Text bytes (UTF-8) of each half.
    pub text_bytes: [usize; 2],
    pub documents: [usize; 2],
    /// Relation sentences written by the generator (generated workload only).
    pub relation_sentences: Option<usize>,
}

impl Workload {
    pub fn total_bytes(&self) -> usize {
        self.text_bytes[0] + self.text_bytes[1]
    }

    pub fn total_documents(&self) -> usize {
        self.documents[0] + self.documents[1]
    }
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    text: &'a str,
}

/// The corpus files under `dir` (`.jsonl`, `.jsonl.xz`, `.jsonl.gz`), sorted.
pub fn corpus_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
            name.ends_with(".jsonl") || name.ends_with(".jsonl.xz") || name.ends_with(".jsonl.gz")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Splits the real corpora into two halves in `scratch`. Documents the reader rejects
/// are left out (the real run would report them the same way).
pub fn real(corpora: &[PathBuf], scratch: &Path) -> std::io::Result<Workload> {
    let files = [scratch.join("real-a.jsonl"), scratch.join("real-b.jsonl")];
    let mut outs = [
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&files[0])?),
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&files[1])?),
    ];
    let mut text_bytes = [0usize; 2];
    let mut documents = [0usize; 2];
    let reader = DocumentReader::new(corpora, InputOptions::default());
    for (k, doc) in reader.filter_map(Result::ok).enumerate() {
        let half = k % 2;
        let line = Line { id: &doc.id, lang: doc.lang.as_deref(), date: doc.date.as_deref(), source: doc.source.as_deref(), text: &doc.text };
        serde_json::to_writer(&mut outs[half], &line)?;
        outs[half].write_all(b"\n")?;
        text_bytes[half] += doc.text.len();
        documents[half] += 1;
    }
    for out in &mut outs {
        out.flush()?;
    }
    Ok(Workload { name: "real news".into(), files, text_bytes, documents, relation_sentences: None })
}

/// Writes the generated workload (`total_bytes` of text in two halves) to `scratch`.
pub fn generated(pool: &super::corpus::NamePool, seed: u64, total_bytes: usize, scratch: &Path) -> std::io::Result<Workload> {
    let files = [scratch.join("gen-a.jsonl"), scratch.join("gen-b.jsonl")];
    let a = super::corpus::write(&files[0], pool, seed, "a", total_bytes / 2)?;
    let b = super::corpus::write(&files[1], pool, seed, "b", total_bytes / 2)?;
    Ok(Workload {
        name: "generated".into(),
        files,
        text_bytes: [a.text_bytes, b.text_bytes],
        documents: [a.documents, b.documents],
        relation_sentences: Some(a.relation_sentences + b.relation_sentences),
    })
}

/// Reads the documents of `files` (for the floor's scan).
pub fn documents(files: &[PathBuf]) -> impl Iterator<Item = crate::document::Document> {
    DocumentReader::new(files, InputOptions::default()).filter_map(Result::ok)
}
