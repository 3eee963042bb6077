//! `dealgraph query`: ask the store a SPARQL question (a file, inline text or a
//! ready-made question from `queries/`) and print the answer as a table, CSV, TSV or
//! SPARQL results JSON (Turtle or N-Triples for CONSTRUCT/DESCRIBE, true/false for ASK).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use dealgraph::store::questions::{self, Question};
use dealgraph::store::results::{self, ResultFormat, TableOptions};
use dealgraph::store::{Params, Store, StoreError};

use super::common::{StoreArgs, UsageError};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// A SPARQL query file (.rq).
    #[arg(value_name = "FILE.rq")]
    pub file: Option<PathBuf>,
    /// The query as text.
    #[arg(long, value_name = "TEXT", conflicts_with = "file")]
    pub sparql: Option<String>,
    /// A ready-made question by name (`dealgraph questions` lists them).
    #[arg(long, short = 'q', value_name = "NAME", conflicts_with_all = ["file", "sparql"])]
    pub question: Option<String>,
    /// A parameter of the question, e.g. `--param company=microsoft` (any case; aliases
    /// and Wikidata ids work). May be repeated.
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// table (aligned, for people), csv, tsv, json (SPARQL 1.1 results JSON); for
    /// CONSTRUCT/DESCRIBE also turtle or ntriples.
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: String,
    /// Show long values (evidence sentences) in full in the table.
    #[arg(long)]
    pub wide: bool,
}

/// A store error as the command line reports it: the user's mistakes exit with 2.
pub fn to_anyhow(error: StoreError) -> anyhow::Error {
    if error.is_usage() {
        UsageError(error.to_string()).into()
    } else {
        error.into()
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format: ResultFormat = args.format.parse().map_err(|e: String| UsageError(format!("--format: {e}")))?;
    let params = Params::parse(&args.params).map_err(to_anyhow)?;
    // Everything about the query is checked before the store is opened, so a typo is
    // reported as such even where there is no store.
    let (origin, text, question): (String, String, Option<Question>) = match (&args.file, &args.sparql, &args.question) {
        (Some(path), None, None) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the query file {}", path.display()))?;
            let name = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            let question = Question::parse(&name, &text);
            let declared = !question.parameters.is_empty();
            (path.display().to_string(), text, declared.then_some(question))
        }
        (None, Some(text), None) => ("--sparql".to_string(), text.clone(), None),
        (None, None, Some(name)) => {
            let question = questions::get(name).map_err(to_anyhow)?;
            (format!("question {}", question.name), question.text.clone(), Some(question))
        }
        _ => {
            return Err(UsageError("give one query: a FILE.rq, --sparql TEXT or --question NAME (`dealgraph questions` lists them)".into()).into())
        }
    };
    if let Some(question) = &question {
        question.check_params(&params, &origin).map_err(to_anyhow)?;
    }
    dealgraph::store::check_query(&text, &origin).map_err(to_anyhow)?;

    let store = Store::open(&args.store.store).map_err(to_anyhow)?;
    if store.summary_is_stale().unwrap_or(false) {
        eprintln!(
            "dealgraph: warning: a write to {} was interrupted before the summary of current statuses was updated; \
             answers may miss or repeat its deals until the next `dealgraph ingest`, `load` or `forget` on this store",
            args.store.store.display()
        );
    }
    let outcome = store.query(&text, &params, &origin).map_err(to_anyhow)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let table = TableOptions { wide: args.wide, ..TableOptions::default() };
    results::write(&outcome, format, table, &mut out).context("cannot write the answer")?;
    out.flush().context("cannot write the answer")?;
    Ok(super::exit::SUCCESS)
}
