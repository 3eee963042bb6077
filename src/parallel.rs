//! Running the pipeline over a stream of documents on several threads, in batches, with
//! results delivered in input order (so output is the same bytes whatever `--jobs` is).
//!
//! Memory is bounded by a few batches, not by the number of documents.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

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
///
/// With one job everything runs on the calling thread. With more, `jobs` workers take
/// documents one at a time from a shared queue (a long document does not hold a batch
/// back) while the calling thread reads the input and hands results to `sink` in input
/// order (a reorder buffer): reading, extraction and writing overlap, with at most
/// [`BATCH_DOCS`] × `jobs` documents or [`BATCH_BYTES`] × `jobs` bytes of text in flight.
/// A panic in a worker is raised again on the calling thread.
pub fn run<I, F>(extractor: &Extractor, docs: I, jobs: usize, mut sink: F)
where
    I: Iterator<Item = Result<Document, InputProblem>>,
    F: FnMut(Item) -> bool,
{
    let jobs = jobs.max(1);
    if jobs == 1 {
        for item in docs {
            let out = match item {
                Ok(doc) => {
                    let ex = extractor.extract(&doc);
                    Item::Done(Box::new((doc, ex)))
                }
                Err(p) => Item::Problem(p),
            };
            if !sink(out) {
                return;
            }
        }
        return;
    }
    let max_docs = BATCH_DOCS * jobs;
    let max_bytes = BATCH_BYTES * jobs;
    let stop = AtomicBool::new(false);
    let (work_tx, work_rx) = mpsc::channel::<(usize, Document)>();
    let (done_tx, done_rx) = mpsc::channel::<(usize, usize, std::thread::Result<Item>)>();
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| {
        // Owned here: dropped when this closure returns, which ends the workers' loops
        // before the scope waits for them.
        let (work_tx, done_rx) = (work_tx, done_rx);
        for _ in 0..jobs {
            let (work_rx, done_tx, stop) = (&work_rx, done_tx.clone(), &stop);
            scope.spawn(move || loop {
                // The lock is held only to take the next document, not to process it.
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((k, doc)) = next else { return };
                if stop.load(Ordering::Relaxed) {
                    continue; // The sink stopped the run: drain the queue without work.
                }
                let bytes = doc.text.len();
                let out = catch_unwind(AssertUnwindSafe(|| {
                    let ex = extractor.extract(&doc);
                    Item::Done(Box::new((doc, ex)))
                }));
                if done_tx.send((k, bytes, out)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // Results waiting for an earlier one, by input position.
        let mut pending: BTreeMap<usize, Item> = BTreeMap::new();
        let (mut next_in, mut next_out) = (0usize, 0usize);
        let (mut in_flight, mut bytes_in_flight) = (0usize, 0usize);
        let mut docs = docs.fuse();
        let mut exhausted = false;
        // Delivers what is ready in order; false when the sink asked to stop.
        let mut deliver = |pending: &mut BTreeMap<usize, Item>, next_out: &mut usize| -> bool {
            while let Some(item) = pending.remove(next_out) {
                *next_out += 1;
                if !sink(item) {
                    return false;
                }
            }
            true
        };
        loop {
            // Feed the workers up to the limits.
            while !exhausted && in_flight < max_docs && bytes_in_flight < max_bytes {
                match docs.next() {
                    None => exhausted = true,
                    Some(Ok(doc)) => {
                        in_flight += 1;
                        bytes_in_flight += doc.text.len();
                        if work_tx.send((next_in, doc)).is_err() {
                            exhausted = true;
                        }
                        next_in += 1;
                    }
                    Some(Err(p)) => {
                        // A problem keeps its place in the order.
                        pending.insert(next_in, Item::Problem(p));
                        next_in += 1;
                    }
                }
                if !deliver(&mut pending, &mut next_out) {
                    stop.store(true, Ordering::Relaxed);
                    return;
                }
            }
            if in_flight == 0 {
                if exhausted {
                    return;
                }
                continue;
            }
            // Wait for a result.
            let Ok((k, bytes, out)) = done_rx.recv() else { return };
            in_flight -= 1;
            bytes_in_flight -= bytes;
            match out {
                Ok(item) => {
                    pending.insert(k, item);
                }
                Err(panic) => {
                    stop.store(true, Ordering::Relaxed);
                    drop(work_tx);
                    std::panic::resume_unwind(panic);
                }
            }
            if !deliver(&mut pending, &mut next_out) {
                stop.store(true, Ordering::Relaxed);
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ExtractorOptions;

    fn doc(i: usize) -> Document {
        // Lengths vary a lot so that workers finish out of order.
        let text = format!("Quorvant Holding kauft die Firma Nr. {i}. ").repeat(1 + (i * 37) % 50);
        Document { id: format!("d{i}"), text, lang: Some("de".into()), date: None, source: None, origin: format!("t:{i}") }
    }

    fn inputs(n: usize) -> Vec<Result<Document, InputProblem>> {
        (0..n)
            .map(|i| {
                if i % 7 == 3 {
                    Err(InputProblem { origin: format!("t:{i}"), message: "bad".into(), skipped: true, fatal: false })
                } else {
                    Ok(doc(i))
                }
            })
            .collect()
    }

    fn order(extractor: &Extractor, jobs: usize, n: usize, stop_after: usize) -> Vec<String> {
        let mut seen = Vec::new();
        run(extractor, inputs(n).into_iter(), jobs, |item| {
            seen.push(match item {
                Item::Done(done) => format!("{}:{}", done.0.id, done.1.analysis.mentions.len()),
                Item::Problem(p) => p.origin,
            });
            seen.len() < stop_after
        });
        seen
    }

    #[test]
    fn results_come_in_input_order_whatever_the_jobs_and_a_stop_is_obeyed() {
        let extractor = Extractor::new(&ExtractorOptions { no_default_gazetteers: true, ..Default::default() })
            .unwrap_or_else(|e| panic!("{e}"));
        let n = 3 * BATCH_DOCS + 5;
        let one = order(&extractor, 1, n, usize::MAX);
        assert_eq!(one.len(), n);
        assert!(one[3].starts_with("t:3") && one[0].starts_with("d0:"), "{:?}", &one[..4]);
        for jobs in [2, 3] {
            assert_eq!(order(&extractor, jobs, n, usize::MAX), one, "jobs {jobs}");
            // The sink says stop: nothing more is delivered, and the run returns.
            assert_eq!(order(&extractor, jobs, n, 10), one[..10].to_vec(), "jobs {jobs}");
        }
        assert_eq!(order(&extractor, 2, 0, usize::MAX), Vec::<String>::new());
    }
}
