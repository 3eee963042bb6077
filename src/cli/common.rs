//! Options shared by the commands that read articles (`extract`, `ingest`, `discover`),
//! and the error-to-exit-code mapping.

use std::path::PathBuf;

use anyhow::Context;
use dealgraph::input::{DocumentReader, InputOptions, InputProblem};
use dealgraph::pipeline::{Extractor, ExtractorOptions};

use super::exit;

/// An error that is the user's: wrong arguments or values (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub fn exit_code_of(err: &anyhow::Error) -> u8 {
    if err.chain().any(|e| e.downcast_ref::<UsageError>().is_some()) {
        exit::USAGE
    } else {
        exit::ERROR
    }
}

/// Which articles to read and how to extract them.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files (.txt, .jsonl, also .gz/.xz), directories (recursive) or `-` for stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Language of the articles; `auto` detects it per document.
    #[arg(long, default_value = "auto", value_name = "auto|nl|de|en")]
    pub lang: String,
    /// An extra gazetteer CSV (id,type,label,aliases,wikidata); may be repeated.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Use only the gazetteers given with --gazetteer.
    #[arg(long)]
    pub no_default_gazetteers: bool,
    /// Do not discover names that no gazetteer knows.
    #[arg(long)]
    pub no_discovery: bool,
    /// Date (ISO 8601: 2016, 2016-10, 2016-10-04) for documents that carry none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Refuse invalid UTF-8 instead of decoding it with replacement characters.
    #[arg(long)]
    pub strict: bool,
    /// Skip documents (or JSON lines) larger than this many bytes.
    #[arg(long, default_value_t = 64 << 20, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Worker threads for extraction (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Process only shard I of N (documents whose id hashes to I, counting from 0),
    /// so that N machines can share an archive and their outputs merge.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
}

impl InputArgs {
    pub fn extractor_options(&self) -> anyhow::Result<ExtractorOptions> {
        let lang = match self.lang.as_str() {
            "auto" => None,
            code => {
                let langs = dealgraph::text::lang::Languages::bundled();
                if langs.get(code).is_none() {
                    let known: Vec<&str> = langs.by_code.keys().map(String::as_str).collect();
                    return Err(UsageError(format!("unknown language {code:?} (known: auto, {})", known.join(", "))).into());
                }
                Some(code.to_string())
            }
        };
        for path in &self.gazetteers {
            if !path.exists() {
                return Err(anyhow::Error::new(UsageError(format!("{}: no such gazetteer file", path.display()))));
            }
        }
        Ok(ExtractorOptions {
            no_default_gazetteers: self.no_default_gazetteers,
            gazetteers: self.gazetteers.clone(),
            lang,
            no_discovery: self.no_discovery,
        })
    }

    pub fn extractor(&self) -> anyhow::Result<Extractor> {
        let options = self.extractor_options()?;
        Extractor::new(&options).context("cannot load the gazetteers")
    }

    pub fn input_options(&self) -> anyhow::Result<InputOptions> {
        let default_date = match &self.date {
            None => None,
            Some(d) => Some(
                dealgraph::document::parse_date(d)
                    .ok_or_else(|| UsageError(format!("--date {d:?} is not an ISO 8601 date (2016, 2016-10, 2016-10-04)")))?,
            ),
        };
        Ok(InputOptions { strict: self.strict, max_document_bytes: self.max_doc_bytes, default_date })
    }

    pub fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1)
    }

    /// (index, count) of `--shard I/N`.
    pub fn shard(&self) -> anyhow::Result<Option<(u64, u64)>> {
        let Some(s) = &self.shard else { return Ok(None) };
        let parsed = s.split_once('/').and_then(|(i, n)| Some((i.trim().parse::<u64>().ok()?, n.trim().parse::<u64>().ok()?)));
        match parsed {
            Some((i, n)) if n > 0 && i < n => Ok(Some((i, n))),
            _ => Err(UsageError(format!("--shard {s:?}: expected I/N with 0 <= I < N, e.g. 0/4")).into()),
        }
    }

    /// The documents to process (inputs checked, shard applied).
    pub fn documents(&self) -> anyhow::Result<Box<dyn Iterator<Item = Result<dealgraph::document::Document, InputProblem>> + Send>> {
        if self.inputs.is_empty() {
            return Err(UsageError("no input given (files, directories, or - for standard input)".into()).into());
        }
        let reader = DocumentReader::new(&self.inputs, self.input_options()?);
        Ok(match self.shard()? {
            None => Box::new(reader),
            Some((i, n)) => Box::new(reader.filter(move |item| match item {
                Ok(doc) => dealgraph::slug::stable_hash(doc.id.as_bytes()) % n == i,
                Err(_) => true,
            })),
        })
    }
}

/// Counts problems while a command runs, to pick the exit code at the end.
#[derive(Debug, Default)]
pub struct ProblemTally {
    pub skipped: usize,
    pub warnings: usize,
    /// Documents processed successfully.
    pub processed: usize,
}

impl ProblemTally {
    /// Prints the problem; true when the run must stop (a fatal one).
    pub fn report(&mut self, problem: &InputProblem) -> bool {
        let kind = if problem.fatal { "error" } else if problem.skipped { "skipped" } else { "warning" };
        eprintln!("dealgraph: {kind}: {problem}");
        if problem.skipped {
            self.skipped += 1;
        } else {
            self.warnings += 1;
        }
        problem.fatal
    }

    /// 0 when all went well, 3 when some inputs were skipped, 1 when nothing could be
    /// processed at all.
    pub fn exit_code(&self) -> u8 {
        if self.skipped > 0 && self.processed == 0 {
            exit::ERROR
        } else if self.skipped > 0 {
            exit::PARTIAL
        } else {
            exit::SUCCESS
        }
    }
}

/// Where the store is: `--store DIR`, else `$DEALGRAPH_STORE`, else `./dealgraph-store`.
#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The store directory.
    #[arg(long, env = "DEALGRAPH_STORE", default_value = "dealgraph-store", value_name = "DIR")]
    pub store: PathBuf,
}
