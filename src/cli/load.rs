//! `dealgraph load`: read N-Quads or TriG dumps (from `dealgraph dump`, e.g. of shards)
//! into a store, creating it if needed. Documents the store already has are replaced.

use std::path::PathBuf;

use dealgraph::store::{DumpFormat, Store};

use super::common::{StoreArgs, UsageError};
use super::query::to_anyhow;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Dump files (.nq, .nquads, .trig, also .gz), or `-` for standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// nquads or trig (default: from the file name).
    #[arg(long, value_name = "nquads|trig")]
    pub format: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format: Option<DumpFormat> = match &args.format {
        None => None,
        Some(f) => Some(f.parse().map_err(|e: String| UsageError(format!("--format: {e}")))?),
    };
    for file in &args.files {
        if file.as_os_str() != "-" && !file.exists() {
            return Err(UsageError(format!("{}: no such file", file.display())).into());
        }
        if format.is_none() && DumpFormat::from_path(file).is_none() {
            return Err(UsageError(format!("{}: cannot tell the format from the name; use --format nquads or --format trig", file.display())).into());
        }
    }
    let store = Store::open_or_create(&args.store.store).map_err(to_anyhow)?;
    for file in &args.files {
        let started = std::time::Instant::now();
        let summary = store.load(file, format).map_err(to_anyhow)?;
        eprintln!(
            "dealgraph: loaded {} quads ({} documents, {} of them replaced) from {} into {} in {:.1} s",
            summary.quads,
            summary.documents,
            summary.replaced,
            file.display(),
            store.path().display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(super::exit::SUCCESS)
}
