//! Benchmarks (`dealgraph bench`): figures, not pass/fail (issue 8).
//!
//! One run measures, on the same text and the same names:
//! 1. the floor: a plain Aho-Corasick `find_iter` with dealgraph's names and settings
//!    ([`floor`]);
//! 2. `dealgraph extract` to /dev/null, and its ratio to the floor;
//! 3. `extract` with one and two worker threads, and the speed-up;
//! 4. peak resident memory of `extract` (at two corpus sizes) and of the matcher build,
//!    and the build time ([`matcher`]);
//! 5. `ingest` into a fresh store and into an existing one ([`store`]);
//! 6. the latency of every ready-made question on a store of a million triples.
//!
//! Workloads ([`workload`]): (a) the real news corpora, (b) generated news
//! ([`corpus`]) with names from the bundled gazetteer plus generated ones ([`names`])
//! up to `--names`.
//!
//! How: `extract`, `ingest` and the matcher run as child processes of the same binary,
//! so each peak memory figure is one process's own and each run pays its own start-up,
//! as a user's does ([`measure`]). Every workload is split in two halves of equal size;
//! throughput is the second half's bytes over the extra time the run over both halves
//! took (start-up and any other fixed cost cancel out). Start-up is measured on its own
//! with a one-document input. Both wall time and CPU time are recorded: on a shared
//! machine the wall-time figures move with the load, the CPU-time ones much less.

pub mod corpus;
pub mod floor;
pub mod matcher;
pub mod measure;
pub mod names;
pub mod report;
pub mod rng;
#[cfg(feature = "store")]
pub mod store;
pub mod workload;

use std::path::{Path, PathBuf};
use std::process::Command;

use measure::ChildRun;
use report::{fmt_bytes, fmt_count, fmt_rate, Report};
use workload::Workload;

/// What to measure (the flags of `dealgraph bench`).
#[derive(Debug, Clone)]
pub struct Options {
    /// The dealgraph binary to run `extract`, `ingest` and `query` with.
    pub exe: PathBuf,
    /// Directory of the real news corpora; None skips workload (a).
    pub corpora: Option<PathBuf>,
    /// Bytes of generated article text.
    pub size_bytes: usize,
    /// Gazetteer entries in all: the bundled ones plus generated ones up to this.
    pub names: usize,
    pub seed: u64,
    /// Worker thread counts to run `extract` with (the speed-up compares the first two).
    pub jobs: Vec<usize>,
    /// Measure the store (ingest, questions).
    pub store: bool,
    /// Triples the question store must hold at least.
    pub store_triples: usize,
    /// Runs of each question.
    pub query_runs: usize,
    /// Scratch directory for generated files and stores (created; removed by the caller).
    pub scratch: PathBuf,
}

/// Why the bench could not go on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BenchError {
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    #[error("`{command}` failed ({status}): {stderr}")]
    Child { command: String, status: String, stderr: String },
    #[error(transparent)]
    Dealgraph(#[from] crate::Error),
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, BenchError>;

pub(crate) fn io_err(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> BenchError {
    let what = what.into();
    move |source| BenchError::Io { what, source }
}

/// Megabytes (10^6 bytes) per second; NaN when the time is not positive (a difference
/// of two noisy runs can be).
pub fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        bytes as f64 / 1e6 / seconds
    } else {
        f64::NAN
    }
}

/// Runs a child of the dealgraph binary and checks its exit code (0, or 3 when some
/// inputs were skipped).
pub(crate) fn run_dealgraph(options: &Options, args: &[&std::ffi::OsStr], stdout: Option<&Path>, label: &str) -> Result<ChildRun> {
    let log = options.scratch.join(format!("{label}.stderr"));
    let mut command = Command::new(&options.exe);
    command.args(args);
    let run = measure::run_child(&mut command, stdout, &log).map_err(io_err(format!("cannot run {}", options.exe.display())))?;
    if !matches!(run.status.code(), Some(0) | Some(3)) {
        let stderr = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect::<Vec<_>>().into_iter().rev().collect();
        return Err(BenchError::Child {
            command: format!("dealgraph {}", args.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ")),
            status: run.status.to_string(),
            stderr: tail.join(" / "),
        });
    }
    Ok(run)
}

/// Two runs of a command over the small half and over both halves.
#[derive(Debug, Clone)]
pub struct SizePair {
    pub small: ChildRun,
    pub big: ChildRun,
    /// Text bytes of the second half (big − small).
    pub extra_bytes: usize,
}

impl SizePair {
    /// Wall-time throughput of the difference, MB/s.
    pub fn wall_rate(&self) -> f64 {
        mb_per_s(self.extra_bytes, self.big.wall.as_secs_f64() - self.small.wall.as_secs_f64())
    }

    /// CPU-time throughput of the difference, MB per CPU-second.
    pub fn cpu_rate(&self) -> Option<f64> {
        Some(mb_per_s(self.extra_bytes, self.big.cpu? - self.small.cpu?))
    }
}

/// Extract figures of one workload.
#[derive(Debug, Clone)]
struct ExtractFigures {
    /// (jobs, runs).
    runs: Vec<(usize, SizePair)>,
    /// Documents and relations in the small half's output.
    documents: usize,
    relations: usize,
    /// The small half's output is the same bytes whatever the thread count.
    same_output: bool,
}

/// Runs everything and returns the report. `progress` gets a line per step.
pub fn run(options: &Options, progress: &mut dyn FnMut(&str)) -> Result<Report> {
    let mut report = Report { machine: report::machine(), ..Report::default() };
    std::fs::create_dir_all(&options.scratch).map_err(io_err(format!("cannot create {}", options.scratch.display())))?;

    // The gazetteer: bundled plus generated names.
    progress("generating names");
    let bundled = crate::gazetteer::Gazetteer::bundled()?;
    let generated = names::generate(&bundled, options.names, options.seed);
    let names_csv = options.scratch.join("names.csv");
    names::write_csv(&generated, &names_csv).map_err(io_err(format!("cannot write {}", names_csv.display())))?;
    let pool = corpus::NamePool::new(&bundled, &generated);
    let total_entries = bundled.entries.len() + generated.len();
    drop(generated);
    drop(bundled);

    // The workloads.
    let mut workloads: Vec<Option<Workload>> = vec![None, None];
    if let Some(dir) = &options.corpora {
        let files = workload::corpus_files(dir).unwrap_or_default();
        if files.is_empty() {
            report.note(format!("workload (a) skipped: no *.jsonl(.xz|.gz) in {}", dir.display()));
        } else {
            progress("splitting the real news corpora");
            workloads[0] = Some(workload::real(&files, &options.scratch).map_err(io_err("cannot split the corpora"))?);
        }
    }
    progress(&format!("generating {} MB of articles", options.size_bytes / 1_000_000));
    workloads[1] = Some(workload::generated(&pool, options.seed, options.size_bytes, &options.scratch).map_err(io_err("cannot write the generated articles"))?);
    let per_workload = |f: &dyn Fn(&Workload) -> String| -> [String; 2] {
        [0, 1].map(|i| workloads[i].as_ref().map_or_else(|| "–".to_string(), f))
    };
    let [real, gen] = per_workload(&|w: &Workload| {
        format!("{:.1} MB, {} docs", w.total_bytes() as f64 / 1e6, fmt_count(w.total_documents()))
    });
    report.row("", "text (two halves)", real, gen, "");
    report.shared_row("", "gazetteer entries (bundled + generated)", fmt_count(total_entries), "10^6");

    // 1. The floor.
    progress("building the floor automaton");
    let floor_runs = {
        let mut gazetteer = crate::gazetteer::Gazetteer::bundled()?;
        gazetteer.add_file(&names_csv)?;
        let patterns = crate::gazetteer::NameMatcher::patterns_of(&gazetteer);
        drop(gazetteer);
        let floor = floor::Floor::build(&patterns).map_err(|e| BenchError::Other(format!("cannot build the floor automaton: {e}")))?;
        drop(patterns);
        report.shared_row(
            "1",
            "floor automaton build (aho-corasick, same patterns and settings)",
            format!("{:.1} s, {} patterns, {} heap", floor.build_time.as_secs_f64(), fmt_count(floor.patterns), fmt_bytes(Some(floor.memory_usage() as u64))),
            "",
        );
        let runs: Vec<Option<floor::FloorRun>> = workloads
            .iter()
            .map(|w| {
                w.as_ref().map(|w| {
                    progress(&format!("floor scan: {}", w.name));
                    floor.scan(workload::documents(&w.files))
                })
            })
            .collect();
        runs
    };
    let cell = |i: usize, f: &dyn Fn(&floor::FloorRun) -> String| floor_runs[i].as_ref().map_or_else(|| "–".to_string(), f);
    let floor_cell = |r: &floor::FloorRun| format!("{} ({} per CPU-s; {} matches)", fmt_rate(Some(r.mb_per_s())), fmt_rate(r.mb_per_cpu_s()), fmt_count(r.matches));
    report.row("1", "floor: find_iter over the folded text, MB/s", cell(0, &floor_cell), cell(1, &floor_cell), "");

    // 4. The matcher on its own, and start-up.
    progress("matcher build (child process)");
    let matcher_out = options.scratch.join("matcher.json");
    let matcher_run =
        run_dealgraph(options, &["bench".as_ref(), "--matcher-only".as_ref(), names_csv.as_os_str()], Some(&matcher_out), "matcher")?;
    let figures: matcher::MatcherFigures = serde_json::from_str(&std::fs::read_to_string(&matcher_out).unwrap_or_default())
        .map_err(|e| BenchError::Other(format!("cannot read the matcher figures: {e}")))?;
    report.shared_row(
        "4",
        "matcher build: gazetteer load, NameMatcher::new",
        format!("{:.1} s + {:.1} s, {} patterns", figures.load_seconds, figures.build_seconds, fmt_count(figures.patterns)),
        "build < 10 s",
    );
    report.shared_row(
        "4",
        "matcher memory: automaton heap, process peak",
        format!("{}, {}", fmt_bytes(Some(figures.automaton_bytes as u64)), fmt_bytes(figures.peak_rss_after_build.or(matcher_run.peak_rss))),
        "< 1 GiB",
    );
    progress("start-up (extract over one document)");
    let one_doc = options.scratch.join("one.jsonl");
    std::fs::write(&one_doc, "{\"id\":\"startup\",\"lang\":\"en\",\"text\":\"Siemens buys Acme.\"}\n").map_err(io_err("cannot write the start-up input"))?;
    let startup = run_dealgraph(
        options,
        &["extract".as_ref(), "--jobs".as_ref(), "1".as_ref(), "--gazetteer".as_ref(), names_csv.as_os_str(), one_doc.as_os_str()],
        None,
        "startup",
    )?;
    report.shared_row(
        "4",
        "start-up of extract (gazetteer load + matcher build + lexicons): wall, CPU, peak RSS",
        format!("{:.1} s, {} s CPU, {}", startup.wall.as_secs_f64(), startup.cpu.map_or("n/a".into(), |c| format!("{c:.1}")), fmt_bytes(startup.peak_rss)),
        "",
    );

    // 2–4. extract.
    let mut extract: Vec<Option<ExtractFigures>> = vec![None, None];
    for (i, w) in workloads.iter().enumerate() {
        let Some(w) = w else { continue };
        extract[i] = Some(extract_workload(options, w, &names_csv, progress)?);
    }
    let jobs_list = &options.jobs;
    for (k, &jobs) in jobs_list.iter().enumerate() {
        let pair = |i: usize| extract[i].as_ref().and_then(|e| e.runs.get(k).map(|(_, p)| p.clone()));
        let rate_cell = |i: usize| {
            pair(i).map_or_else(
                || "–".to_string(),
                |p| format!("{} ({} per CPU-s)", fmt_rate(Some(p.wall_rate())), fmt_rate(p.cpu_rate())),
            )
        };
        report.row(if jobs == 1 { "2" } else { "3" }, format!("extract → /dev/null, {jobs} thread(s), MB/s"), rate_cell(0), rate_cell(1), "");
        if k == 0 {
            let ratio_cell = |i: usize| match (pair(i), floor_runs[i].as_ref()) {
                (Some(p), Some(f)) => format!(
                    "{:.1} % ({:.1} % by CPU)",
                    100.0 * p.wall_rate() / f.mb_per_s(),
                    100.0 * p.cpu_rate().unwrap_or(f64::NAN) / f.mb_per_cpu_s().unwrap_or(f64::NAN)
                ),
                _ => "–".into(),
            };
            report.row("2", format!("extract / floor, {jobs} thread(s)"), ratio_cell(0), ratio_cell(1), "≥ 50 % (1 thread)");
        }
        let mem_cell = |i: usize| pair(i).map_or_else(|| "–".to_string(), |p| format!("{} / {}", fmt_bytes(p.small.peak_rss), fmt_bytes(p.big.peak_rss)));
        report.row("4", format!("extract peak RSS, {jobs} thread(s): half / whole"), mem_cell(0), mem_cell(1), "independent of size");
    }
    if jobs_list.len() >= 2 {
        let speedup = |i: usize| {
            let e = extract[i].as_ref()?;
            let (a, b) = (&e.runs.first()?.1, &e.runs.get(1)?.1);
            Some(format!("{:.2}× (CPU per MB {:.2}×)", b.wall_rate() / a.wall_rate(), a.cpu_rate()? / b.cpu_rate()?))
        };
        report.row(
            "3",
            format!("speed-up {} → {} threads", jobs_list[0], jobs_list[1]),
            speedup(0).unwrap_or_else(|| "–".into()),
            speedup(1).unwrap_or_else(|| "–".into()),
            "≥ 1.7×",
        );
    }
    let found = |i: usize| {
        extract[i].as_ref().map_or_else(
            || "–".to_string(),
            |e| {
                let half = workloads[i].as_ref().map_or(1, |w| w.text_bytes[0]);
                format!("{} in {} docs ({:.0} per MB)", fmt_count(e.relations), fmt_count(e.documents), e.relations as f64 / (half as f64 / 1e6))
            },
        )
    };
    report.row("", "relations found (first half)", found(0), found(1), "");
    if let Some(w) = &workloads[1] {
        if let Some(n) = w.relation_sentences {
            report.row("", "relation sentences written by the generator (both halves)", "–", fmt_count(n), "");
        }
    }
    for (i, e) in extract.iter().enumerate() {
        if let (Some(e), Some(w)) = (e, &workloads[i]) {
            if !e.same_output {
                report.note(format!("{}: the output differs between thread counts (it should not)", w.name));
            }
        }
    }

    // 5–6. The store.
    #[cfg(feature = "store")]
    if options.store {
        store::run(options, &pool, &names_csv, &mut report, progress)?;
    }
    #[cfg(not(feature = "store"))]
    if options.store {
        report.note("store figures (5, 6) skipped: built without the store feature");
    }
    drop(pool);

    if let Some(load) = report::load_average() {
        report.machine.push(("load average at the end".into(), load));
    }
    report.note("MB = 10^6 bytes of article text (UTF-8). Throughput = second half's bytes / (time of the run over both halves − time of the run over the first half): start-up cancels out.");
    report.note("\"per CPU-s\": the same difference in user + system CPU seconds of the child process; on a busy machine this moves less than wall time.");
    report.note("Peak RSS: VmHWM of the child process, sampled every 10 ms.");
    Ok(report)
}

/// `extract` over the small half and over both, for every thread count.
fn extract_workload(options: &Options, w: &Workload, names_csv: &Path, progress: &mut dyn FnMut(&str)) -> Result<ExtractFigures> {
    let tag = if w.name.starts_with("real") { "real" } else { "gen" };
    let mut runs = Vec::new();
    let mut outputs: Vec<PathBuf> = Vec::new();
    for &jobs in &options.jobs {
        let jobs_s = jobs.to_string();
        let mut args: Vec<&std::ffi::OsStr> = vec!["extract".as_ref(), "--jobs".as_ref(), jobs_s.as_ref(), "--gazetteer".as_ref(), names_csv.as_os_str()];
        // The small half's output goes to a file (to count relations and compare thread
        // counts); writing it costs a fraction of a per cent of the run.
        let small_out = options.scratch.join(format!("extract-{tag}-{jobs}.jsonl"));
        progress(&format!("extract {}, {jobs} thread(s), first half", w.name));
        args.push(w.files[0].as_os_str());
        let small = run_dealgraph(options, &args, Some(&small_out), &format!("extract-{tag}-{jobs}-small"))?;
        progress(&format!("extract {}, {jobs} thread(s), both halves", w.name));
        args.push(w.files[1].as_os_str());
        let big = run_dealgraph(options, &args, None, &format!("extract-{tag}-{jobs}-big"))?;
        runs.push((jobs, SizePair { small, big, extra_bytes: w.text_bytes[1] }));
        outputs.push(small_out);
    }
    let (documents, relations) = outputs.first().map(|p| count_output(p)).unwrap_or((0, 0));
    let first = outputs.first().and_then(|p| std::fs::read(p).ok());
    let same_output = outputs.iter().skip(1).all(|p| std::fs::read(p).ok() == first);
    for p in &outputs {
        let _ = std::fs::remove_file(p);
    }
    Ok(ExtractFigures { runs, documents, relations, same_output })
}

/// Documents and relations in an `extract` output.
fn count_output(path: &Path) -> (usize, usize) {
    use std::io::BufRead;
    let Ok(file) = std::fs::File::open(path) else { return (0, 0) };
    let mut docs = 0;
    let mut relations = 0;
    for line in std::io::BufReader::new(file).lines().map_while(std::result::Result::ok) {
        #[derive(serde::Deserialize)]
        struct Doc {
            #[serde(default)]
            relations: Vec<serde::de::IgnoredAny>,
        }
        if let Ok(doc) = serde_json::from_str::<Doc>(&line) {
            docs += 1;
            relations += doc.relations.len();
        }
    }
    (docs, relations)
}
