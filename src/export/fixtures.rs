//! Fixture generator: writes the hand-made sample graph (nasty names included) in every
//! format to `tests/data/export/`, with a `manifest.tsv` of expected node and edge counts
//! that `tests/interop/run.sh` checks with networkx, igraph and graphology. The test
//! compares the files with the committed ones (so any change of output is visible);
//! run it with `DEALGRAPH_WRITE_FIXTURES=1` to rewrite them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use super::testdata::{medium_input, sample_input};
use super::{
    build_graph, write, write_csv_edges, write_csv_nodes, DealsAs, EdgeMarkup, ExportFormat, ExportGraph,
    ExportOptions, GraphInput,
};

struct Fixture {
    file: &'static str,
    input: fn() -> GraphInput,
    opts: ExportOptions,
    format: ExportFormat,
    /// For CSV: the nodes table (true) or the edges table (false).
    csv_nodes: bool,
}

fn fixtures() -> Vec<Fixture> {
    let nodes = ExportOptions {
        deals_as: DealsAs::Nodes,
        ..Default::default()
    };
    let mixed = ExportOptions {
        edge_markup: EdgeMarkup::Mixed,
        ..Default::default()
    };
    let f = |file, input: fn() -> GraphInput, opts: &ExportOptions, format| Fixture {
        file,
        input,
        opts: opts.clone(),
        format,
        csv_nodes: false,
    };
    let d = ExportOptions::default();
    vec![
        f("sample.graphml", sample_input, &d, ExportFormat::Graphml),
        f("sample-mixed.graphml", sample_input, &mixed, ExportFormat::Graphml),
        f("sample-deal-nodes.graphml", sample_input, &nodes, ExportFormat::Graphml),
        f("sample.gexf", sample_input, &d, ExportFormat::Gexf),
        f("sample-mixed.gexf", sample_input, &mixed, ExportFormat::Gexf),
        f("sample-deal-nodes.gexf", sample_input, &nodes, ExportFormat::Gexf),
        f("sample.gv", sample_input, &d, ExportFormat::Dot),
        Fixture {
            csv_nodes: true,
            ..f("sample.nodes.csv", sample_input, &d, ExportFormat::Csv)
        },
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
        let markup = if fx.opts.edge_markup == EdgeMarkup::Mixed {
            "mixed"
        } else {
            "uniform"
        };
        manifest.push_str(&format!(
            "{}\t{}\t{}\t{markup}\n",
            fx.file,
            g.node_count(),
            g.edge_count()
        ));
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

/// A large synthetic graph (3,000 entities, 4,500 relations) in every single-stream
/// format, written to `$DEALGRAPH_LARGE_OUT` (default: the temp dir) for looking at the
/// viewer and the circle layout at scale:
/// `cargo test --no-default-features --lib export::fixtures::large -- --ignored`.
#[test]
#[ignore]
fn large_sample() {
    use super::testdata::{deal, entity};
    let n = 3000usize;
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let entities = (0..n)
        .map(|i| entity(&format!("e{i:05}"), &format!("Company {i} B.V."), "Organization"))
        .collect();
    let rels = ["acquisition", "partnership", "investment", "lawsuit", "merger"];
    let deals = (0..n * 3 / 2)
        .map(|k| {
            // Preferential attachment, roughly: low ids are hubs.
            let a = next(n);
            let hub = next(n) + 1;
            let b = next(hub);
            deal(
                &format!("d{k}"),
                rels[k % rels.len()],
                &format!("e{a:05}"),
                &format!("e{b:05}"),
                Some("completed"),
                0.9,
            )
        })
        .collect();
    let input = GraphInput { entities, deals };
    let out = std::env::var_os("DEALGRAPH_LARGE_OUT").map_or_else(std::env::temp_dir, PathBuf::from);
    let g = build_graph(&input, &ExportOptions::default()).unwrap();
    for f in ExportFormat::ALL.into_iter().filter(|f| f.is_single_stream()) {
        let start = std::time::Instant::now();
        let mut file = std::fs::File::create(out.join(format!("large.{}", f.extension()))).unwrap();
        write(&g, f, &mut file).unwrap();
        eprintln!("large.{}: {:?}", f.extension(), start.elapsed());
    }
}
