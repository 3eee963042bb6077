//! `dealgraph bench`: throughput, memory and latency figures (issue 8), printed as a
//! Markdown table on standard output; progress goes to standard error.

use std::path::PathBuf;

use anyhow::Context;
use dealgraph::bench::{self, Options};

use super::common::UsageError;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Directory of the real news corpora (JSON Lines, .xz/.gz allowed); skipped when
    /// missing.
    #[arg(long, default_value = "../shared/corpora", value_name = "DIR")]
    pub corpora: PathBuf,
    /// Megabytes of generated articles (workload b).
    #[arg(long, default_value_t = 200, value_name = "MB")]
    pub size: usize,
    /// Gazetteer entries in all: the bundled ones plus generated ones up to this.
    #[arg(long, default_value_t = 1_000_000, value_name = "N")]
    pub names: usize,
    /// Seed of the generated names and articles.
    #[arg(long, default_value_t = 42, value_name = "S")]
    pub seed: u64,
    /// Worker thread counts for extract, comma-separated; the speed-up compares the
    /// first two.
    #[arg(long, value_delimiter = ',', default_value = "1,2", value_name = "N,N")]
    pub jobs: Vec<usize>,
    /// Leave out the store figures (ingest, questions).
    #[arg(long)]
    pub skip_store: bool,
    /// Triples the store for the questions must hold at least.
    #[arg(long, default_value_t = 1_000_000, value_name = "N")]
    pub store_triples: usize,
    /// Runs of each question (median and worst are reported).
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub query_runs: usize,
    /// Scratch directory for generated files and stores (default: a new directory in
    /// the system's temporary directory, removed at the end).
    #[arg(long, value_name = "DIR")]
    pub scratch: Option<PathBuf>,
    /// Keep the scratch directory (generated names and articles, `store-big`: the
    /// store the questions ran on).
    #[arg(long)]
    pub keep: bool,
    /// Internal: load the bundled gazetteer plus FILE, build the name matcher, print
    /// the figures as JSON (the bench runs this as a child process).
    #[arg(long, hide = true, value_name = "FILE")]
    pub matcher_only: Option<PathBuf>,
    /// Internal (`scripts/virtuoso.sh`): write every ready-made question with the
    /// bench's parameters bound into DIR (`NAME.rq`, `NAME.params`), for the store
    /// given with --store.
    #[cfg(feature = "store")]
    #[arg(long, hide = true, value_name = "DIR", requires = "store")]
    pub export_questions: Option<PathBuf>,
    /// The store for --export-questions.
    #[cfg(feature = "store")]
    #[arg(long, hide = true, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if let Some(csv) = &args.matcher_only {
        let figures = bench::matcher::measure(&[csv.as_path()]).context("cannot build the matcher")?;
        println!("{}", serde_json::to_string(&figures)?);
        return Ok(super::exit::SUCCESS);
    }
    #[cfg(feature = "store")]
    if let (Some(dir), Some(store)) = (&args.export_questions, &args.store) {
        for path in bench::store::export_questions(store, dir)? {
            println!("{}", path.display());
        }
        return Ok(super::exit::SUCCESS);
    }
    if args.size == 0 || args.jobs.is_empty() || args.jobs.contains(&0) || args.query_runs == 0 {
        return Err(UsageError("--size, --jobs and --query-runs must be positive".into()).into());
    }
    let own_scratch = args.scratch.is_none();
    let scratch = args.scratch.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("dealgraph-bench-{}", std::process::id())));
    let options = Options {
        exe: std::env::current_exe().context("cannot find the dealgraph binary")?,
        corpora: args.corpora.is_dir().then(|| args.corpora.clone()),
        size_bytes: args.size * 1_000_000,
        names: args.names,
        seed: args.seed,
        jobs: args.jobs.clone(),
        store: !args.skip_store,
        store_triples: args.store_triples,
        query_runs: args.query_runs,
        scratch: scratch.clone(),
    };
    let started = std::time::Instant::now();
    let result = bench::run(&options, &mut |step| eprintln!("dealgraph bench: {step} ({:.0} s)", started.elapsed().as_secs_f64()));
    if own_scratch && !args.keep {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    let mut report = result?;
    if !args.corpora.is_dir() {
        report.note(format!("workload (a) skipped: {} is not a directory", args.corpora.display()));
    }
    let command: Vec<String> = std::env::args().collect();
    println!("Measured {} with `{}` ({:.0} s in all).\n", bench::report::today(), command.join(" ").replace(&*options.exe.to_string_lossy(), "dealgraph"), started.elapsed().as_secs_f64());
    print!("{}", report.to_markdown());
    Ok(super::exit::SUCCESS)
}
