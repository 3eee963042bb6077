//! `dealgraph demo`: the bundled example articles end to end, with no arguments and no
//! network: they are written to a fresh directory, ingested into a fresh store, asked
//! "who tried to buy whom?", and exported; then a short tour of the rest.
//!
//! The demo drives the same command implementations a user would type, so it shows
//! exactly what they do.

use std::path::PathBuf;

use anyhow::Context;

use super::common::{InputArgs, StoreArgs};
use super::{export, ingest, query, stats};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to put the store (default: a new temporary directory).
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Where to write the examples and the exported graph (default: next to the store).
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
}

fn heading(title: &str) {
    println!();
    println!("== {title} ==");
}

fn store_args(path: &std::path::Path) -> StoreArgs {
    StoreArgs { store: path.to_path_buf() }
}

fn ask(store: &std::path::Path, question: &str, params: &[&str]) -> anyhow::Result<()> {
    let code = query::run(query::Args {
        store: store_args(store),
        file: None,
        sparql: None,
        question: Some(question.to_string()),
        params: params.iter().map(|p| p.to_string()).collect(),
        format: "table".to_string(),
        wide: false,
    })?;
    if code != super::exit::SUCCESS {
        anyhow::bail!("the question {question} failed");
    }
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let base = match (&args.output_dir, &args.store) {
        (Some(dir), _) => dir.clone(),
        (None, Some(store)) => store.parent().map(|p| p.to_path_buf()).unwrap_or_else(|| PathBuf::from(".")),
        (None, None) => {
            let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
            std::env::temp_dir().join(format!("dealgraph-demo-{}-{stamp}", std::process::id()))
        }
    };
    let store = args.store.clone().unwrap_or_else(|| base.join("store"));
    let examples = base.join("examples");
    std::fs::create_dir_all(&examples).with_context(|| format!("{}: cannot create", examples.display()))?;
    let mut n_articles = 0;
    for (path, content) in dealgraph::bundled::files_under("examples/") {
        let name = path.trim_start_matches("examples/");
        if name.contains('/') {
            continue;
        }
        let target = examples.join(name);
        std::fs::write(&target, content).with_context(|| format!("{}: cannot write", target.display()))?;
        if name.ends_with(".txt") {
            n_articles += 1;
        }
    }
    println!("dealgraph demo: {n_articles} example articles (Dutch and German) in {}", examples.display());

    heading("ingest");
    let input = InputArgs {
        inputs: vec![examples.clone()],
        lang: "auto".to_string(),
        gazetteers: vec![examples.join("gazetteer.csv")],
        no_default_gazetteers: false,
        no_discovery: false,
        date: None,
        strict: false,
        max_doc_bytes: 64 << 20,
        jobs: None,
        shard: None,
    };
    println!("$ dealgraph ingest --store {} --gazetteer {} {}", store.display(), examples.join("gazetteer.csv").display(), examples.display());
    let code = ingest::run(ingest::Args { store: store_args(&store), input, force: false })?;
    if code != super::exit::SUCCESS {
        anyhow::bail!("ingest of the examples did not succeed (exit code {code})");
    }

    heading("who tried to buy whom?");
    println!("$ dealgraph query --question who-tried-to-buy-whom");
    ask(&store, "who-tried-to-buy-whom", &[])?;

    heading("what is in the store");
    println!("$ dealgraph stats");
    stats::run(stats::Args { store: store_args(&store), format: "text".to_string() })?;

    heading("acquisitions (completed or agreed)");
    println!("$ dealgraph query --question acquisitions");
    ask(&store, "acquisitions", &[])?;

    heading("the people of Salesforce");
    println!("$ dealgraph query --question people-of --param company=salesforce");
    ask(&store, "people-of", &["company=salesforce"])?;

    heading("Microsoft's partners");
    println!("$ dealgraph query --question partners-of --param company=microsoft");
    ask(&store, "partners-of", &["company=microsoft"])?;

    heading("export");
    for (format, file) in [("graphml", "graph.graphml"), ("html", "graph.html"), ("svg", "graph.svg")] {
        let output = base.join(file);
        let code = export::run(export::Args {
            store: store_args(&store),
            format: format.to_string(),
            output: Some(output.clone()),
            deals_as: "edges".to_string(),
            types: None,
            status: None,
            around: None,
            depth: 1,
            min_confidence: 0.0,
            edge_markup: "uniform".to_string(),
        })?;
        if code != super::exit::SUCCESS {
            anyhow::bail!("export to {} failed", output.display());
        }
        println!("{format:>8}: {}", output.display());
    }
    println!();
    println!("Open {} in a browser to explore the graph; load the GraphML into Gephi, yEd,", base.join("graph.html").display());
    println!("Cytoscape or networkx. More questions: `dealgraph questions`; ask them with");
    println!("`dealgraph query --store {} --question NAME`.", store.display());
    Ok(super::exit::SUCCESS)
}
