//! `dealgraph dump`: the whole store as sorted N-Quads or TriG (deterministic: the same
//! articles give the same bytes whatever the order or number of ingests).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use dealgraph::store::{DumpFormat, Store};

use super::common::{StoreArgs, UsageError};
use super::query::to_anyhow;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// nquads or trig.
    #[arg(long, default_value = "nquads", value_name = "nquads|trig")]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format: DumpFormat = args.format.parse().map_err(|e: String| UsageError(format!("--format: {e}")))?;
    let store = Store::open(&args.store.store).map_err(to_anyhow)?;
    match &args.output {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            store.dump(format, &mut out).map_err(to_anyhow)?;
            out.flush().context("cannot write the dump")?;
        }
        Some(path) => {
            // Written aside and renamed, so a failed dump never leaves half a file.
            let partial = path.with_extension(format!("{}.partial", path.extension().map(|e| e.to_string_lossy().to_string()).unwrap_or_default()));
            let file = std::fs::File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let result = store.dump(format, &mut out).map_err(to_anyhow).and_then(|n| {
                out.flush().with_context(|| format!("cannot write {}", partial.display()))?;
                Ok(n)
            });
            match result {
                Ok(n) => {
                    std::fs::rename(&partial, path).with_context(|| format!("cannot write {}", path.display()))?;
                    eprintln!("dealgraph: wrote {n} quads to {}", path.display());
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&partial);
                    return Err(e);
                }
            }
        }
    }
    Ok(super::exit::SUCCESS)
}
