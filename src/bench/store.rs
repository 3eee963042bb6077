//! Store figures (items 5 and 6 of issue 8).
//!
//! - `ingest` into a fresh store, end to end (extraction included), as child processes
//!   over generated articles (part 1, and parts 1 and 2, sized so that the second store
//!   holds `--store-triples`): triples/s of the difference, peak memory, bytes on disk
//!   per triple. The second store is the one the questions run on.
//! - Store writes alone, in this process, with documents extracted beforehand (not
//!   timed): the bulk path into a fresh store and into the existing one, and the
//!   transactional path (each document's graph dropped and written again in one
//!   transaction) into the existing one, from [`CommitSummary::seconds`].
//! - `dump` (N-Quads) and `load` of the dump into a fresh store (child processes).
//! - Every ready-made question on that store (topped up with more generated articles
//!   when it holds fewer than `--store-triples`): median and worst of `--query-runs`
//!   runs after one warm-up run (fewer when they pass a minute together). Parameters:
//!   the most active acquirer's name.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::report::{fmt_count, fmt_rate, Report};
use super::{io_err, run_dealgraph, BenchError, Options, Result};
use crate::output::to_output;
use crate::pipeline::{Extractor, ExtractorOptions};
use crate::store::questions::{self, Question};
use crate::store::{Batch, DocumentMeta, Params, QueryOutcome, Store};

fn store_err(e: crate::store::StoreError) -> BenchError {
    BenchError::Other(e.to_string())
}

/// Quads and bytes on disk of a store (opened and closed again).
fn size_of(path: &Path) -> Result<(usize, u64)> {
    let store = Store::open(path).map_err(store_err)?;
    Ok((store.len().map_err(store_err)?, store.disk_bytes()))
}

/// Runs the store figures and adds them to `report`.
pub fn run(
    options: &Options,
    pool: &super::corpus::NamePool,
    names_csv: &Path,
    report: &mut Report,
    progress: &mut dyn FnMut(&str),
) -> Result<()> {
    let jobs = options.jobs.iter().copied().max().unwrap_or(1).to_string();
    let ingest = |store: &Path, files: &[&Path], label: &str, progress: &mut dyn FnMut(&str)| {
        progress(&format!("ingest {label}"));
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["ingest".as_ref(), "--store".as_ref(), store.as_os_str(), "--jobs".as_ref(), jobs.as_ref(), "--gazetteer".as_ref(), names_csv.as_os_str()];
        args.extend(files.iter().map(|f| f.as_os_str()));
        run_dealgraph(options, &args, None, &format!("ingest-{label}"))
    };

    // 5. Fresh stores, end to end, sized for the questions: the first part is about
    // half of `store_triples`, the second tops it up (sized from the first's yield).
    let per_byte_guess = 0.04; // triples per byte of generated text, measured at 1M names
    let part_a_bytes = ((options.store_triples as f64 / 2.0 / per_byte_guess) as usize).max(1_000_000);
    let part_a = options.scratch.join("gen-qa.jsonl");
    let stats_a = super::corpus::write(&part_a, pool, options.seed, "qa", part_a_bytes).map_err(io_err("cannot write articles"))?;
    let small_store = options.scratch.join("store-small");
    let big_store = options.scratch.join("store-big");
    let small = ingest(&small_store, &[&part_a], "part 1 into a fresh store", progress)?;
    let (small_quads, _) = size_of(&small_store)?;
    let _ = std::fs::remove_dir_all(&small_store);
    let yield_per_byte = small_quads as f64 / stats_a.text_bytes.max(1) as f64;
    let part_b_bytes = ((options.store_triples.saturating_sub(small_quads) as f64 / yield_per_byte.max(1e-6) * 1.1) as usize).max(stats_a.text_bytes / 2);
    let part_b = options.scratch.join("gen-qb.jsonl");
    let stats_b = super::corpus::write(&part_b, pool, options.seed, "qb", part_b_bytes).map_err(io_err("cannot write articles"))?;
    let big = ingest(&big_store, &[&part_a, &part_b], "parts 1 and 2 into a fresh store", progress)?;
    let (big_quads, big_bytes) = size_of(&big_store)?;
    let dt = big.wall.as_secs_f64() - small.wall.as_secs_f64();
    let dcpu = big.cpu.zip(small.cpu).map(|(b, s)| b - s);
    let per_s = |n: usize, secs: f64| if secs > 0.0 { Some(n as f64 / secs) } else { None };
    let added = big_quads.saturating_sub(small_quads);
    report.row(
        "5",
        format!("ingest → fresh store, end to end with extraction ({jobs} threads): triples/s"),
        "–",
        format!(
            "{} triples/s, {} per CPU-s ({} MB/s; {} triples from {:.1} MB)",
            fmt_rate(per_s(added, dt)),
            fmt_rate(dcpu.and_then(|c| per_s(added, c))),
            fmt_rate(Some(super::mb_per_s(stats_b.text_bytes, dt))),
            fmt_count(big_quads),
            (stats_a.text_bytes + stats_b.text_bytes) as f64 / 1e6
        ),
        "≥ 100,000 triples/s",
    );
    report.row(
        "5",
        "ingest peak RSS: part 1 / parts 1+2; bytes on disk per triple",
        "–",
        format!("{} / {}; {:.0} B", super::report::fmt_bytes(small.peak_rss), super::report::fmt_bytes(big.peak_rss), big_bytes as f64 / big_quads.max(1) as f64),
        "",
    );

    // 6. Questions on at least `store_triples` triples.
    let mut quads = big_quads;
    let mut part = 0;
    while quads < options.store_triples && part < 10 {
        part += 1;
        let file = options.scratch.join(format!("gen-qd{part}.jsonl"));
        let bytes = ((options.store_triples - quads) as f64 / yield_per_byte.max(1e-6) * 1.2) as usize;
        super::corpus::write(&file, pool, options.seed, &format!("qd{part}"), bytes.max(1_000_000)).map_err(io_err("cannot write more articles"))?;
        ingest(&big_store, &[&file], &format!("more articles to reach {} triples", fmt_count(options.store_triples)), progress)?;
        quads = Store::open(&big_store).and_then(|s| s.len()).map_err(store_err)?;
    }
    progress(&format!("questions on {} triples", fmt_count(quads)));
    {
        let store = Store::open(&big_store).map_err(store_err)?;
        for t in question_latencies(&store, options.query_runs)? {
            let shown: Vec<String> = t.params.names().map(|n| format!("{n}={}", t.params.get(n).unwrap_or(""))).collect();
            report.row(
                "6",
                format!("question {}{}: median / worst ms", t.question.name, if shown.is_empty() { String::new() } else { format!(" ({})", shown.join(", ")) }),
                "–",
                format!("{:.0} / {:.0} ms ({} runs, {} rows, {} triples)", t.median_seconds * 1e3, t.worst_seconds * 1e3, t.runs, fmt_count(t.rows), fmt_count(quads)),
                "< 500 ms",
            );
        }
    }

    // Store writes alone.
    progress("extracting articles for the store-only figures (not timed)");
    let extra = options.scratch.join("gen-c.jsonl");
    let extra_bytes = (stats_a.text_bytes / 4).max(1_000_000);
    super::corpus::write(&extra, pool, options.seed, "c", extra_bytes).map_err(io_err("cannot write the extra articles"))?;
    let extractor = Extractor::new(&ExtractorOptions { gazetteers: vec![names_csv.to_path_buf()], ..ExtractorOptions::default() })?;
    let mut outputs = Vec::new();
    crate::parallel::run(&extractor, super::workload::documents(std::slice::from_ref(&extra)).map(Ok), options.jobs.iter().copied().max().unwrap_or(1), |item| {
        if let crate::parallel::Item::Done(done) = item {
            let (doc, ex) = *done;
            outputs.push((to_output(&doc, &ex, None), DocumentMeta::of(&doc, &extractor.fingerprint)));
        }
        true
    });
    drop(extractor);
    let commit_all = |store: &Store, transactional: bool| -> Result<(usize, f64)> {
        let mut batch = Batch::new();
        let (mut quads, mut seconds) = (0usize, 0.0f64);
        let mut flush = |batch: &mut Batch| -> Result<()> {
            let summary = if transactional { store.commit_transactional(batch) } else { store.commit(batch) }.map_err(store_err)?;
            quads += summary.quads;
            seconds += summary.seconds;
            Ok(())
        };
        for (output, meta) in &outputs {
            batch.add(output, meta);
            if batch.is_full() {
                flush(&mut batch)?;
            }
        }
        if !batch.is_empty() {
            flush(&mut batch)?;
        }
        Ok((quads, seconds))
    };
    let fresh_path = options.scratch.join("store-fresh");
    progress("store writes: bulk into a fresh store");
    let fresh = {
        let store = Store::open_or_create(&fresh_path).map_err(store_err)?;
        commit_all(&store, false)?
    };
    let _ = std::fs::remove_dir_all(&fresh_path);
    progress("store writes: bulk and transactional into the big store");
    let (existing_bulk, existing_tx) = {
        let store = Store::open(&big_store).map_err(store_err)?;
        let bulk = commit_all(&store, false)?;
        let tx = commit_all(&store, true)?;
        (bulk, tx)
    };
    let rate = |(quads, secs): (usize, f64)| format!("{} triples/s ({} triples)", fmt_rate(per_s(quads, secs)), fmt_count(quads));
    report.row("5", "store writes alone, bulk loader → fresh store", "–", rate(fresh), "≥ 100,000 triples/s");
    report.row("5", "store writes alone, bulk loader → existing store (new documents)", "–", rate(existing_bulk), "");
    report.row("5", "incremental, transactional → existing store (documents replaced)", "–", rate(existing_tx), "measured");
    drop(outputs);

    // Dump and load.
    let dump = options.scratch.join("dump.nq");
    progress("dump");
    let dumped = run_dealgraph(options, &["dump".as_ref(), "--store".as_ref(), big_store.as_os_str(), "-o".as_ref(), dump.as_os_str()], None, "dump")?;
    let loaded_path = options.scratch.join("store-loaded");
    progress("load the dump into a fresh store");
    let loaded = run_dealgraph(options, &["load".as_ref(), "--store".as_ref(), loaded_path.as_os_str(), dump.as_os_str()], None, "load")?;
    let (loaded_quads, loaded_bytes) = size_of(&loaded_path)?;
    let _ = std::fs::remove_dir_all(&loaded_path);
    let dump_bytes = std::fs::metadata(&dump).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(&dump);
    report.row(
        "5",
        "dump (N-Quads) / load into a fresh store, whole command",
        "–",
        format!(
            "{:.1} s / {:.1} s: {} triples/s loaded, {:.0} MB dump, {:.0} B per triple on disk",
            dumped.wall.as_secs_f64(),
            loaded.wall.as_secs_f64(),
            fmt_rate(per_s(loaded_quads, loaded.wall.as_secs_f64())),
            dump_bytes as f64 / 1e6,
            loaded_bytes as f64 / loaded_quads.max(1) as f64
        ),
        "",
    );

    // The big store stays in the scratch directory (`--keep` keeps it, e.g. for
    // scripts/virtuoso.sh).
    Ok(())
}

/// Parameters for the bundled questions: the most active acquirer for every company
/// parameter, and its name for `name`. Optional parameters are left out.
pub fn question_params(store: &Store, question: &Question) -> Result<Params> {
    let mut params = Params::default();
    if question.parameters.iter().all(|p| !p.required) {
        return Ok(params);
    }
    let company = busiest_company(store)?.unwrap_or_else(|| "Siemens".to_string());
    for spec in question.parameters.iter().filter(|p| p.required) {
        params.set(&spec.name, &company).map_err(store_err)?;
    }
    Ok(params)
}

fn busiest_company(store: &Store) -> Result<Option<String>> {
    let question = questions::get("most-active-acquirers").map_err(store_err)?;
    let outcome = store.query_question(&question, &Params::default()).map_err(store_err)?;
    Ok(match outcome {
        QueryOutcome::Solutions { rows, .. } => rows.first().and_then(|r| r.first().cloned().flatten()).map(|t| t.text().to_string()),
        _ => None,
    })
}

/// A question's runs stop early once they took this long together (one slow question
/// must not hold the bench for an hour).
const QUESTION_BUDGET_SECONDS: f64 = 60.0;

/// How long one question took.
#[derive(Debug, Clone)]
pub struct QuestionTiming {
    pub question: Question,
    pub params: Params,
    pub median_seconds: f64,
    pub worst_seconds: f64,
    /// Timed runs (after the warm-up).
    pub runs: usize,
    pub rows: usize,
}

/// Every bundled question: one warm-up run (which also counts the rows), then up to
/// `runs` timed runs.
pub fn question_latencies(store: &Store, runs: usize) -> Result<Vec<QuestionTiming>> {
    let mut out = Vec::new();
    for question in questions::all() {
        let params = question_params(store, &question)?;
        let answer = store.query_question(&question, &params).map_err(store_err)?;
        let rows = match &answer {
            QueryOutcome::Solutions { rows, .. } => rows.len(),
            _ => 0,
        };
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            store.query_question(&question, &params).map_err(store_err)?;
            times.push(start.elapsed().as_secs_f64());
            if times.iter().sum::<f64>() > QUESTION_BUDGET_SECONDS {
                break;
            }
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let worst = times.last().copied().unwrap_or(median);
        out.push(QuestionTiming { question, params, median_seconds: median, worst_seconds: worst, runs: times.len(), rows });
    }
    Ok(out)
}

/// The question's SPARQL with its parameters written in, for another SPARQL engine
/// (`scripts/virtuoso.sh`): the same rule as `dealgraph query` — a `VALUES (?NAME
/// ?NAME_key)` block at the start of each `WHERE` group (or of the first group when
/// there is no `WHERE`), with the value and its name key as plain literals.
pub fn bind_for_export(text: &str, params: &[(String, String)]) -> String {
    if params.is_empty() {
        return text.to_string();
    }
    let mut values = String::new();
    for (name, value) in params {
        values.push_str(&format!(
            " VALUES (?{name} ?{name}_key) {{ ({} {}) }}",
            literal(value),
            literal(&crate::store::vocab::name_key(value))
        ));
    }
    values.push(' ');
    let starts = where_groups(text);
    let mut out = String::with_capacity(text.len() + values.len() * starts.len());
    let mut last = 0;
    for at in starts {
        out.push_str(&text[last..at]);
        out.push_str(&values);
        last = at;
    }
    out.push_str(&text[last..]);
    out
}

/// A SPARQL string literal.
fn literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Byte offsets just after the `{` of each `WHERE {` outside comments, strings and
/// IRIs; the first `{` when there is no `WHERE`.
fn where_groups(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut first_brace = None;
    let mut after_where = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                after_where = false;
            }
            b'<' if bytes[i + 1..].iter().take_while(|&&b| b != b'>').all(|&b| !b.is_ascii_whitespace()) && bytes[i + 1..].contains(&b'>') => {
                while i < bytes.len() && bytes[i] != b'>' {
                    i += 1;
                }
                i += 1;
                after_where = false;
            }
            b'{' => {
                if after_where {
                    starts.push(i + 1);
                }
                first_brace.get_or_insert(i + 1);
                after_where = false;
                i += 1;
            }
            b if b.is_ascii_alphanumeric() || b == b'_' || b == b'?' || b == b'$' || b == b':' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'?' | b'$' | b':' | b'-')) {
                    i += 1;
                }
                after_where = text[start..i].eq_ignore_ascii_case("where");
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                after_where = false;
                i += 1;
            }
        }
    }
    if starts.is_empty() {
        starts.extend(first_brace);
    }
    starts
}

/// Writes, for every bundled question, its SPARQL with parameters bound (`NAME.rq`) and
/// the parameters used (`NAME.params`, `NAME=VALUE` lines) into `dir`, with the
/// parameters chosen as the bench chooses them on `store` (for `scripts/virtuoso.sh`).
pub fn export_questions(store_path: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let store = Store::open(store_path).map_err(store_err)?;
    std::fs::create_dir_all(dir).map_err(io_err(format!("cannot create {}", dir.display())))?;
    let mut written = Vec::new();
    for question in questions::all() {
        let params = question_params(&store, &question)?;
        let pairs: Vec<(String, String)> = params.names().map(|n| (n.to_string(), params.get(n).unwrap_or("").to_string())).collect();
        let path = dir.join(format!("{}.rq", question.name));
        std::fs::write(&path, bind_for_export(&question.text, &pairs)).map_err(io_err(format!("cannot write {}", path.display())))?;
        let lines: String = pairs.iter().map(|(n, v)| format!("{n}={v}\n")).collect();
        std::fs::write(dir.join(format!("{}.params", question.name)), lines).map_err(io_err("cannot write the parameters"))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_go_after_each_where_brace() {
        let q = "# where { not here\nPREFIX ex: <http://e/#x>\nSELECT ?a WHERE { ?a ex:p \"where {\" { SELECT ?a WHERE\n{ ?a ?b ?company_key } } }";
        let bound = bind_for_export(q, &[("company".into(), "Acme \"N.V.\"".into())]);
        assert_eq!(bound.matches(r#"VALUES (?company ?company_key) { ("Acme \"N.V.\"" "acme") }"#).count(), 2, "{bound}");
        assert!(bound.starts_with("# where { not here\n"));
        let ask = bind_for_export("ASK { ?s ?p ?o }", &[("x".into(), "y".into())]);
        assert_eq!(ask.split_whitespace().collect::<Vec<_>>().join(" "), r#"ASK { VALUES (?x ?x_key) { ("y" "y") } ?s ?p ?o }"#);
    }

    /// The export binding gives the same answers as `dealgraph query` on a small store.
    #[test]
    fn export_binding_answers_like_the_store() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::open_or_create(dir.path().join("s")).unwrap_or_else(|e| panic!("{e}"));
        let options = ExtractorOptions { gazetteers: vec![PathBuf::from("examples/gazetteer.csv")], ..ExtractorOptions::default() };
        let extractor = Extractor::new(&options).unwrap_or_else(|e| panic!("{e}"));
        let mut batch = Batch::new();
        for doc in crate::input::DocumentReader::new(&[PathBuf::from("examples")], crate::input::InputOptions::default()).flatten() {
            let ex = extractor.extract(&doc);
            batch.add(&to_output(&doc, &ex, None), &DocumentMeta::of(&doc, &extractor.fingerprint));
        }
        store.commit(&mut batch).unwrap_or_else(|e| panic!("{e}"));
        let sorted = |o: QueryOutcome| match o {
            QueryOutcome::Solutions { mut rows, .. } => {
                rows.sort();
                rows
            }
            _ => Vec::new(),
        };
        for question in questions::all() {
            let params = question_params(&store, &question).unwrap_or_else(|e| panic!("{e}"));
            let pairs: Vec<(String, String)> = params.names().map(|n| (n.to_string(), params.get(n).unwrap_or("").to_string())).collect();
            let theirs = store.query_question(&question, &params).unwrap_or_else(|e| panic!("{e}"));
            let ours = store.query(&bind_for_export(&question.text, &pairs), &Params::default(), "export").unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(sorted(ours), sorted(theirs), "{}", question.name);
        }
    }
}
