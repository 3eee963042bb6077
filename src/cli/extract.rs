//! `dealgraph extract`: articles in, one JSON object per document out (the scorer's
//! format; see README "Formats").

use std::io::Write;

use anyhow::Context;
use dealgraph::output::to_output;
use dealgraph::parallel::{self, Item};

use super::common::{InputArgs, ProblemTally, UsageError};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (JSON Lines).
    #[arg(long, default_value = "jsonl", value_name = "jsonl")]
    pub format: String,
    /// Add to each relation how it was found: the cue, the rule, the arguments.
    #[arg(long)]
    pub explain: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if args.format != "jsonl" {
        return Err(UsageError(format!("unknown --format {:?} (extract writes jsonl)", args.format)).into());
    }
    let extractor = args.input.extractor()?;
    let docs = args.input.documents()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut tally = ProblemTally::default();
    let mut write_error: Option<anyhow::Error> = None;
    let mut fatal = false;
    parallel::run(&extractor, docs, args.input.jobs(), |item| match item {
        Item::Done(done) => {
            tally.processed += 1;
            let (doc, ex) = *done;
            let explain = |r: &dealgraph::model::Relation| extractor.relations.explain(&ex.analysis, r);
            let record = to_output(&doc, &ex, if args.explain { Some(&explain) } else { None });
            let result = serde_json::to_writer(&mut out, &record).map_err(anyhow::Error::from).and_then(|_| Ok(out.write_all(b"\n")?));
            if let Err(e) = result {
                write_error = Some(e);
                return false;
            }
            true
        }
        Item::Problem(p) => {
            fatal |= tally.report(&p);
            !fatal
        }
    });
    if let Some(e) = write_error {
        return Err(e.context("cannot write the output"));
    }
    out.flush().context("cannot write the output")?;
    if fatal {
        return Ok(super::exit::ERROR);
    }
    Ok(tally.exit_code())
}
