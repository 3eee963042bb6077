//! Running the pipeline over a stream of documents on several threads, in batches, with
//! results delivered in input order (so output is the same bytes whatever `--jobs` is).
//!
//! Memory is bounded by a few batches, not by the number of documents.

use crate::document::Document;
use crate::input::InputProblem;
use crate::pipeline::{Extraction, Extractor};

/// What the driver hands to the sink, in input order.
pub enum Item {
    Done(Box<(Document, Extraction)>),
    Problem(InputProblem),
}

/// Documents per batch: large enough to keep threads busy, small enough to bound memory.
pub const BATCH_DOCS: usize = 64;
/// Bytes of text per batch at most (a batch closes early when it reaches this).
pub const BATCH_BYTES: usize = 8 << 20;

/// Processes `docs` with `jobs` threads; `sink` gets every result and problem in input
/// order and may stop the run by returning false (Ctrl-C, a fatal problem).
pub fn run<I, F>(extractor: &Extractor, docs: I, jobs: usize, mut sink: F)
where
    I: Iterator<Item = Result<Document, InputProblem>>,
    F: FnMut(Item) -> bool,
{
    let jobs = jobs.max(1);
    let mut docs = docs.peekable();
    loop {
        // Fill a batch, keeping problems in their place.
        let mut batch: Vec<Result<Document, InputProblem>> = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_DOCS * jobs && bytes < BATCH_BYTES * jobs {
            let Some(item) = docs.next() else { break };
            if let Ok(doc) = &item {
                bytes += doc.text.len();
            }
            batch.push(item);
        }
        if batch.is_empty() {
            return;
        }
        let results = process_batch(extractor, batch, jobs);
        for item in results {
            if !sink(item) {
                return;
            }
        }
    }
}

fn process_batch(extractor: &Extractor, batch: Vec<Result<Document, InputProblem>>, jobs: usize) -> Vec<Item> {
    if jobs == 1 {
        return batch
            .into_iter()
            .map(|item| match item {
                Ok(doc) => {
                    let ex = extractor.extract(&doc);
                    Item::Done(Box::new((doc, ex)))
                }
                Err(p) => Item::Problem(p),
            })
            .collect();
    }
    let n = batch.len();
    let mut slots: Vec<Option<Item>> = (0..n).map(|_| None).collect();
    let inputs: Vec<(usize, Result<Document, InputProblem>)> = batch.into_iter().enumerate().collect();
    // Interleave documents over threads so long and short ones spread out.
    let mut per_thread: Vec<Vec<(usize, Result<Document, InputProblem>)>> = (0..jobs).map(|_| Vec::new()).collect();
    for (k, item) in inputs.into_iter() {
        per_thread[k % jobs].push((k, item));
    }
    let outputs: Vec<Vec<(usize, Item)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = per_thread
            .into_iter()
            .map(|work| {
                scope.spawn(move || {
                    work.into_iter()
                        .map(|(k, item)| {
                            let out = match item {
                                Ok(doc) => {
                                    let ex = extractor.extract(&doc);
                                    Item::Done(Box::new((doc, ex)))
                                }
                                Err(p) => Item::Problem(p),
                            };
                            (k, out)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    for list in outputs {
        for (k, item) in list {
            slots[k] = Some(item);
        }
    }
    slots.into_iter().flatten().collect()
}
