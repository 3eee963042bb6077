//! `dealgraph export`: the graph in the store, for visualisation tools (GraphML, GEXF,
//! DOT, CSV pair, interactive HTML, SVG).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use dealgraph::export::{build_graph, write_csv_pair, DealsAs, EdgeMarkup, ExportFormat, ExportOptions};

use super::common::{StoreArgs, UsageError};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// graphml, gexf, dot, csv (nodes + edges files), html (interactive, self-contained) or svg.
    #[arg(long, default_value = "graphml", value_name = "FORMAT")]
    pub format: String,
    /// Output file (stdout when absent; for csv a path prefix or directory, required).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A deal as one edge between its parties, or as its own node linked to each party.
    #[arg(long, default_value = "edges", value_name = "edges|nodes")]
    pub deals_as: String,
    /// Keep only these relation types (acquisition,lawsuit,…) and/or entity types
    /// (organization, person), comma separated.
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    pub types: Option<Vec<String>>,
    /// Keep only relations with these statuses (pursuing,abandoned,…), comma separated.
    #[arg(long, value_delimiter = ',', value_name = "STATUSES")]
    pub status: Option<Vec<String>>,
    /// Keep only the neighbourhood of this entity (label or id, any case).
    #[arg(long, value_name = "NAME")]
    pub around: Option<String>,
    /// Radius of --around, in relation hops.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: usize,
    /// Drop relations whose confidence is below this.
    #[arg(long, default_value_t = 0.0, value_name = "X")]
    pub min_confidence: f64,
    /// How GraphML/GEXF mark mergers and partnerships: `uniform` (every edge directed in
    /// the markup, a boolean `directed` attribute says which are not; networkx reads it)
    /// or `mixed` (`directed="false"` on those edges; Gephi and yEd honour it).
    #[arg(long, default_value = "uniform", value_name = "uniform|mixed")]
    pub edge_markup: String,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format: ExportFormat = args.format.parse().map_err(|e: dealgraph::export::ExportError| UsageError(e.to_string()))?;
    let deals_as = match args.deals_as.as_str() {
        "edges" => DealsAs::Edges,
        "nodes" => DealsAs::Nodes,
        other => return Err(UsageError(format!("--deals-as {other:?}: expected edges or nodes")).into()),
    };
    let edge_markup = match args.edge_markup.as_str() {
        "uniform" => EdgeMarkup::Uniform,
        "mixed" => EdgeMarkup::Mixed,
        other => return Err(UsageError(format!("--edge-markup {other:?}: expected uniform or mixed")).into()),
    };
    let options = ExportOptions {
        deals_as,
        types: args.types,
        status: args.status,
        around: args.around,
        depth: args.depth,
        min_confidence: args.min_confidence,
        edge_markup,
    };
    let store = dealgraph::store::Store::open(&args.store.store)?;
    let input = store.graph_input().context("cannot read the graph from the store")?;
    let graph = build_graph(&input, &options).map_err(|e| UsageError(e.to_string()))?;
    if !format.is_single_stream() {
        let target = args.output.ok_or_else(|| UsageError("--format csv writes two files: give --output PREFIX or DIR".into()))?;
        let (nodes, edges) = write_csv_pair(&graph, &target)?;
        eprintln!("wrote {} and {}", nodes.display(), edges.display());
        return Ok(super::exit::SUCCESS);
    }
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            dealgraph::export::write(&graph, format, &mut out).with_context(|| format!("{}: cannot write", path.display()))?;
            out.flush().with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            dealgraph::export::write(&graph, format, &mut out)?;
            out.flush()?;
        }
    }
    Ok(super::exit::SUCCESS)
}
