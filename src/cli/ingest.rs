//! `dealgraph ingest`: extract articles into the on-disk store.
//!
//! Idempotent: a document already in the store from the same content by the same
//! extractor is skipped without extraction; a changed one is extracted again and its
//! graph replaced. Documents go through extraction in parallel and into the store in
//! atomic batches; Ctrl-C stops at the next batch boundary and says how far it got
//! (exit code 130), and running the same command again finishes the job.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use dealgraph::output::to_output;
use dealgraph::parallel::{self, Item};
use dealgraph::store::{Batch, CommitSummary, DocumentMeta, DocumentState, Store};

use super::common::{InputArgs, ProblemTally, StoreArgs};
use super::query::to_anyhow;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub input: InputArgs,
    /// Extract and write every document again, even those already in the store from
    /// the same content by the same extractor.
    #[arg(long)]
    pub force: bool,
}

/// Documents per store batch at most (batches also close at `store::BATCH_QUADS`).
const BATCH_DOCS: usize = 2000;

/// Set by Ctrl-C; a second Ctrl-C exits at once (every commit is atomic, so that is
/// safe too, only less polite).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static HANDLER: std::sync::Once = std::sync::Once::new();

fn install_ctrlc() {
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                std::process::exit(i32::from(super::exit::INTERRUPTED));
            }
        });
    });
}

/// Totals of a run.
#[derive(Debug, Default)]
struct Totals {
    new: usize,
    replaced: usize,
    quads: usize,
    entities: usize,
    deal_statements: usize,
}

impl Totals {
    fn add(&mut self, summary: &CommitSummary) {
        self.new += summary.new_documents;
        self.replaced += summary.replaced_documents;
        self.quads += summary.quads;
        self.entities += summary.counts.entities;
        self.deal_statements += summary.counts.deal_statements;
    }
    fn written(&self) -> usize {
        self.new + self.replaced
    }
}

/// The progress line on a terminal: documents, documents/s, triples, ETA (from bytes).
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    total_bytes: Option<u64>,
}

impl Progress {
    fn show(&mut self, docs: usize, bytes: u64, quads: usize, force: bool) {
        if !self.enabled || (!force && self.last.elapsed() < Duration::from_millis(250)) {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let mut line = format!("\r{docs} documents ({:.0}/s), {quads} triples written", docs as f64 / secs);
        if let Some(total) = self.total_bytes.filter(|t| *t > 0) {
            let fraction = (bytes as f64 / total as f64).min(0.999);
            if fraction > 0.0 {
                let eta = secs * (1.0 - fraction) / fraction;
                line.push_str(&format!(", {:.0}%, ETA {}", fraction * 100.0, fmt_duration(eta)));
            }
        }
        eprint!("{line}\x1b[K");
    }
    fn finish(&self) {
        if self.enabled {
            eprintln!();
        }
    }
}

fn fmt_duration(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}h{:02}m", s / 3600, (s % 3600) / 60)
    } else if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// Bytes of the input files (for the ETA); None when an input is compressed or stdin.
fn input_bytes(inputs: &[std::path::PathBuf]) -> Option<u64> {
    fn walk(path: &std::path::Path, depth: usize) -> Option<u64> {
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_dir() {
            if depth > 64 {
                return Some(0);
            }
            let mut total = 0;
            for entry in std::fs::read_dir(path).ok()?.flatten() {
                total += walk(&entry.path(), depth + 1)?;
            }
            Some(total)
        } else {
            let name = path.to_string_lossy().to_lowercase();
            if name.ends_with(".gz") || name.ends_with(".xz") {
                return None;
            }
            let relevant = name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".ndjson");
            Some(if relevant { meta.len() } else { 0 })
        }
    }
    let mut total = 0;
    for input in inputs {
        if input.as_os_str() == "-" {
            return None;
        }
        total += walk(input, 0)?;
    }
    Some(total)
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let started = Instant::now();
    // Flags and gazetteers are checked before the store is touched.
    let extractor = args.input.extractor()?;
    let docs = args.input.documents()?;
    let store = Store::open_or_create(&args.store.store).map_err(to_anyhow)?;
    install_ctrlc();
    let fingerprint = extractor.fingerprint.clone();
    let terminal = std::io::stderr().is_terminal();
    let mut progress = Progress {
        enabled: terminal,
        started,
        last: started,
        total_bytes: if terminal { input_bytes(&args.input.inputs) } else { None },
    };

    // Unchanged documents are dropped before extraction.
    let unchanged = AtomicUsize::new(0);
    let bytes_seen = AtomicUsize::new(0);
    let mut lookup_error: Option<anyhow::Error> = None;
    let lookup_error_ref = &mut lookup_error;
    let store_ref = &store;
    let mut docs = docs;
    let force = args.force;
    let filtered = std::iter::from_fn(|| loop {
        if INTERRUPTED.load(Ordering::SeqCst) || lookup_error_ref.is_some() {
            return None;
        }
        let item = docs.next()?;
        let Ok(doc) = &item else { return Some(item) };
        bytes_seen.fetch_add(doc.text.len(), Ordering::Relaxed);
        if force {
            return Some(item);
        }
        let meta = DocumentMeta::of(doc, &fingerprint);
        match store_ref.document_state(&doc.id, &meta) {
            Ok(DocumentState::Current) => {
                unchanged.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            Ok(_) => return Some(item),
            Err(e) => {
                *lookup_error_ref = Some(to_anyhow(e));
                return None;
            }
        }
    });

    let mut batch = Batch::new();
    let mut totals = Totals::default();
    let mut tally = ProblemTally::default();
    let mut fatal = false;
    let mut commit_error: Option<anyhow::Error> = None;
    parallel::run(&extractor, filtered, args.input.jobs(), |item| {
        match item {
            Item::Done(done) => {
                let (doc, ex) = *done;
                let output = to_output(&doc, &ex, None);
                batch.add(&output, &DocumentMeta::of(&doc, &fingerprint));
                tally.processed += 1;
                if batch.is_full() || batch.len() >= BATCH_DOCS {
                    match store.commit(&mut batch) {
                        Ok(summary) => totals.add(&summary),
                        Err(e) => {
                            commit_error = Some(to_anyhow(e));
                            return false;
                        }
                    }
                }
            }
            Item::Problem(problem) => {
                fatal |= tally.report(&problem);
                if fatal {
                    return false;
                }
            }
        }
        progress.show(
            totals.written() + unchanged.load(Ordering::Relaxed),
            bytes_seen.load(Ordering::Relaxed) as u64,
            totals.quads,
            false,
        );
        !INTERRUPTED.load(Ordering::SeqCst)
    });
    // What was extracted is complete: commit it, also when interrupted.
    if commit_error.is_none() && !batch.is_empty() {
        match store.commit(&mut batch) {
            Ok(summary) => totals.add(&summary),
            Err(e) => commit_error = Some(to_anyhow(e)),
        }
    }
    let unchanged = unchanged.load(Ordering::Relaxed);
    progress.show(totals.written() + unchanged, bytes_seen.load(Ordering::Relaxed) as u64, totals.quads, true);
    progress.finish();
    if let Some(e) = commit_error {
        return Err(e.context(format!(
            "cannot write to the store {} ({} documents were committed before; run again to finish)",
            store.path().display(),
            totals.written()
        )));
    }
    if let Some(e) = lookup_error {
        return Err(e.context("cannot read the store"));
    }
    let interrupted = INTERRUPTED.load(Ordering::SeqCst);
    // Also after an interruption: what was committed is complete and should be answered.
    store.refresh_summary().map_err(to_anyhow).context("cannot update the store's summary of current statuses")?;
    let stats = store.stats().map_err(to_anyhow).context("cannot count the store's content")?;
    let secs = started.elapsed().as_secs_f64();
    let summary = format!(
        "{} documents ({} new, {} replaced, {} unchanged, {} skipped) in {:.1} s, {} triples written; {} now holds {} documents, {} entities, {} deals, {} triples",
        totals.written() + unchanged,
        totals.new,
        totals.replaced,
        unchanged,
        tally.skipped,
        secs,
        totals.quads,
        store.path().display(),
        stats.documents,
        stats.entities(),
        stats.deals(),
        stats.triples
    );
    if interrupted {
        eprintln!("dealgraph: interrupted: {summary}; run the same command again to finish");
        return Ok(super::exit::INTERRUPTED);
    }
    eprintln!("dealgraph: ingested {summary}");
    if fatal {
        return Ok(super::exit::ERROR);
    }
    if unchanged > 0 && tally.processed == 0 && tally.skipped > 0 {
        return Ok(super::exit::PARTIAL);
    }
    Ok(tally.exit_code())
}
