//! `dealgraph discover`: names that no gazetteer knows, with counts and an example
//! sentence; `--format csv` writes them as gazetteer CSV for review.

use std::collections::BTreeMap;
use std::io::Write;

use dealgraph::model::EntitySource;
use dealgraph::parallel::{self, Item};

use super::common::{InputArgs, ProblemTally, UsageError};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// `table` (for people) or `csv` (gazetteer CSV to review and add).
    #[arg(long, default_value = "table", value_name = "table|csv")]
    pub format: String,
    /// Only names seen at least this often.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
}

struct Candidate {
    kind: String,
    label: String,
    count: usize,
    example: String,
    docs: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if args.format != "table" && args.format != "csv" {
        return Err(UsageError(format!("unknown --format {:?} (table or csv)", args.format)).into());
    }
    let extractor = args.input.extractor()?;
    let docs = args.input.documents()?;
    let mut tally = ProblemTally::default();
    let mut found: BTreeMap<String, Candidate> = BTreeMap::new();
    let mut fatal = false;
    parallel::run(&extractor, docs, args.input.jobs(), |item| match item {
        Item::Done(done) => {
            tally.processed += 1;
            let (_, ex) = *done;
            let a = &ex.analysis;
            for (idx, e) in a.entities.iter().enumerate() {
                if e.source != EntitySource::Discovered {
                    continue;
                }
                let mentions: Vec<_> = a.mentions.iter().filter(|m| m.entity == idx).collect();
                let c = found.entry(e.id.clone()).or_insert_with(|| {
                    let example = mentions
                        .first()
                        .and_then(|m| a.sentences.iter().find(|s| s.span.contains(m.span)))
                        .map(|s| a.text[s.span.start..s.span.end].split_whitespace().collect::<Vec<_>>().join(" "))
                        .unwrap_or_default();
                    Candidate { kind: e.kind.to_string(), label: e.label.clone(), count: 0, example, docs: 0 }
                });
                c.count += mentions.len();
                c.docs += 1;
            }
            true
        }
        Item::Problem(p) => {
            fatal |= tally.report(&p);
            !fatal
        }
    });
    let mut rows: Vec<(&String, &Candidate)> = found.iter().filter(|(_, c)| c.count >= args.min_count).collect();
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.format == "csv" {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(["id", "type", "label", "aliases", "wikidata", "count", "documents", "example"])?;
        for (id, c) in rows {
            w.write_record([id.as_str(), &c.kind, &c.label, "", "", &c.count.to_string(), &c.docs.to_string(), &c.example])?;
        }
        w.flush()?;
    } else {
        writeln!(out, "{:>6} {:>5}  {:<12} {:<30} example", "count", "docs", "type", "name")?;
        for (_, c) in rows {
            let example: String = c.example.chars().take(80).collect();
            writeln!(out, "{:>6} {:>5}  {:<12} {:<30} {}", c.count, c.docs, c.kind, c.label, example)?;
        }
    }
    Ok(if fatal { super::exit::ERROR } else { tally.exit_code() })
}
