//! Fixture generator: writes the hand-made sample graph (nasty names included) in every
//! format to `tests/data/export/`, with a `manifest.tsv` of expected node and edge counts
//! that `tests/interop/run.sh` checks with networkx, igraph and graphology. The test
//! compares the files with the committed ones (so any change of output is visible);
//! run it with `DEALGRAPH_WRITE_FIXTURES=1` to rewrite them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use super::testdata::{medium_input, sample_input};
use super::{build_graph, write, write_csv_edges, write_csv_nodes, DealsAs, EdgeMarkup, ExportFormat, ExportGraph, ExportOptions, GraphInput};

struct Fixture {
    file: &'static str,
    input: fn() -> GraphInput,
    opts: ExportOptions,
    format: ExportFormat,
    /// For CSV: the nodes table (true) or the edges table (false).
    csv_nodes: bool,
}

fn fixtures() -> Vec<Fixture> {
    let nodes = ExportOptions { deals_as: DealsAs::Nodes, ..Default::default() };
    let mixed = ExportOptions { edge_markup: EdgeMarkup::Mixed, ..Default::default() };
    let f = |file, input: fn() -> GraphInput, opts: &ExportOptions, format| Fixture { file, input, opts: opts.clone(), format, csv_nodes: false };
    let d = ExportOptions::default();
    vec![
        f("sample.graphml", sample_input, &d, ExportFormat::Graphml),
        f("sample-mixed.graphml", sample_input, &mixed, ExportFormat::Graphml),
        f("sample-deal-nodes.graphml", sample_input, &nodes, ExportFormat::Graphml),
        f("sample.gexf", sample_input, &d, ExportFormat::Gexf),
        f("sample-mixed.gexf", sample_input, &mixed, ExportFormat::Gexf),
        f("sample-deal-nodes.gexf", sample_input, &nodes, ExportFormat::Gexf),
        f("sample.gv", sample_input, &d, ExportFormat::Dot),
        Fixture { csv_nodes: true, ..f("sample.nodes.csv", sample_input, &d, ExportFormat::Csv) },
        f("sample.edges.csv", sample_input, &d, ExportFormat::Csv),
        f("sample.html", sample_input, &d, ExportFormat::Html),
        f("sample.svg", sample_input, &d, ExportFormat::Svg),
        f("sample-deal-nodes.svg", sample_input, &nodes, ExportFormat::Svg),
        f("medium.graphml", medium_input, &d, ExportFormat::Graphml),
        f("medium.html", medium_input, &d, ExportFormat::Html),
        f("medium.svg", medium_input, &d, ExportFormat::Svg),
    ]
}

fn render(fx: &Fixture) -> (ExportGraph, Vec<u8>) {
    let g = build_graph(&(fx.input)(), &fx.opts).unwrap();
    let mut buf = Vec::new();
    match (fx.format, fx.csv_nodes) {
        (ExportFormat::Csv, true) => write_csv_nodes(&g, &mut buf).unwrap(),
        (ExportFormat::Csv, false) => write_csv_edges(&g, &mut buf).unwrap(),
        (format, _) => write(&g, format, &mut buf).unwrap(),
    }
    (g, buf)
}

#[test]
fn fixtures_are_up_to_date() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/export");
    let rewrite = std::env::var_os("DEALGRAPH_WRITE_FIXTURES").is_some_and(|v| v == "1");
    let mut manifest = String::from("file\tnodes\tedges\tmarkup\n");
    let mut stale = Vec::new();
    let mut outputs = Vec::new();
    for fx in fixtures() {
        let (g, bytes) = render(&fx);
        let markup = if fx.opts.edge_markup == EdgeMarkup::Mixed { "mixed" } else { "uniform" };
        manifest.push_str(&format!("{}\t{}\t{}\t{markup}\n", fx.file, g.node_count(), g.edge_count()));
        outputs.push((fx.file.to_string(), bytes));
    }
    outputs.push(("manifest.tsv".to_string(), manifest.into_bytes()));
    for (file, bytes) in outputs {
        let path = dir.join(&file);
        if rewrite {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            stale.push(file);
        }
    }
    assert!(stale.is_empty(), "export fixtures differ from the output: {stale:?}; rerun with DEALGRAPH_WRITE_FIXTURES=1 if the change is intended");
}
