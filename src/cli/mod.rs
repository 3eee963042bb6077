//! The command line: clap types and one file per subcommand. Each command is a thin
//! layer over the library: it turns flags into library options, calls the library and
//! prints.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bench;
mod common;
mod discover;
mod extract;
mod gazetteer;
#[cfg(feature = "store")]
mod demo;
#[cfg(feature = "store")]
mod dump;
#[cfg(feature = "store")]
mod export;
#[cfg(feature = "store")]
mod forget;
#[cfg(feature = "store")]
mod ingest;
#[cfg(feature = "store")]
mod load;
#[cfg(feature = "store")]
mod query;
mod questions;
#[cfg(feature = "store")]
mod stats;

/// Exit codes (documented in the README).
pub mod exit {
    pub const SUCCESS: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const USAGE: u8 = 2;
    /// The command finished but some inputs were skipped.
    pub const PARTIAL: u8 = 3;
    /// Stopped by Ctrl-C (128 + SIGINT).
    pub const INTERRUPTED: u8 = 130;
}

/// Business news in, a knowledge graph of companies, people and deals out.
#[derive(Parser, Debug)]
#[command(name = "dealgraph", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract entities and relations from articles and print them as JSON Lines.
    Extract(extract::Args),
    /// Extract articles into an on-disk Oxigraph store (created if missing).
    #[cfg(feature = "store")]
    Ingest(ingest::Args),
    /// Ask the store a SPARQL question (a file, inline text or a ready-made question).
    #[cfg(feature = "store")]
    Query(query::Args),
    /// List the ready-made questions with their descriptions and parameters.
    Questions(questions::Args),
    /// Export the graph for visualisation tools (GraphML, GEXF, DOT, CSV, HTML, SVG).
    #[cfg(feature = "store")]
    Export(export::Args),
    /// Run the bundled examples end to end into a fresh store and take a short tour.
    #[cfg(feature = "store")]
    Demo(demo::Args),
    /// Work with gazetteer files (`dealgraph gazetteer check FILE...`).
    Gazetteer(gazetteer::Args),
    /// List names that no gazetteer knows, with counts and an example sentence.
    Discover(discover::Args),
    /// Counts of documents, entities, deals and triples in the store.
    #[cfg(feature = "store")]
    Stats(stats::Args),
    /// Write the whole store as N-Quads or TriG.
    #[cfg(feature = "store")]
    Dump(dump::Args),
    /// Load an N-Quads or TriG dump into the store.
    #[cfg(feature = "store")]
    Load(load::Args),
    /// Remove documents (and whatever only they supported) from the store.
    #[cfg(feature = "store")]
    Forget(forget::Args),
    /// Measure speed and memory: the Aho-Corasick floor, extract, ingest, questions.
    Bench(bench::Args),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { exit::USAGE } else { exit::SUCCESS };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        #[cfg(feature = "store")]
        Command::Ingest(args) => ingest::run(args),
        #[cfg(feature = "store")]
        Command::Query(args) => query::run(args),
        Command::Questions(args) => questions::run(args),
        #[cfg(feature = "store")]
        Command::Export(args) => export::run(args),
        #[cfg(feature = "store")]
        Command::Demo(args) => demo::run(args),
        Command::Gazetteer(args) => gazetteer::run(args),
        Command::Discover(args) => discover::run(args),
        #[cfg(feature = "store")]
        Command::Stats(args) => stats::run(args),
        #[cfg(feature = "store")]
        Command::Dump(args) => dump::run(args),
        #[cfg(feature = "store")]
        Command::Load(args) => load::run(args),
        #[cfg(feature = "store")]
        Command::Forget(args) => forget::run(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                // `dealgraph extract … | head` is a normal way to look at output.
                return ExitCode::from(exit::SUCCESS);
            }
            eprintln!("dealgraph: {err:#}");
            ExitCode::from(common::exit_code_of(&err))
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
