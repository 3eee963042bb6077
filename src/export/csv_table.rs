//! CSV writers for Gephi's and Cytoscape's spreadsheet import: a nodes table
//! (`Id,Label,type,…`) and an edges table (`Source,Target,Type,Id,Label,relation,…`, Type
//! being `Directed` or `Undirected`), quoted by the `csv` crate.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::attrs;
use super::error::ExportError;
use super::escape::clean_controls;
use super::graph::ExportGraph;

/// Write the nodes table.
pub fn write_csv_nodes<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let specs: Vec<_> = attrs::node_specs(graph)
        .into_iter()
        .filter(|s| s.name != "label")
        .collect();
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["Id", "Label"];
    header.extend(specs.iter().map(|s| s.name));
    w.write_record(&header)?;
    for n in graph.nodes() {
        let mut row = vec![clean_controls(&n.id), clean_controls(&n.label)];
        row.extend(specs.iter().map(|s| cell(attrs::node_value(n, s.name))));
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Write the edges table.
pub fn write_csv_edges<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let specs = attrs::edge_specs(false);
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["Source", "Target", "Type", "Id", "Label"];
    header.extend(specs.iter().map(|s| s.name));
    w.write_record(&header)?;
    for (s, t, e) in graph.edges() {
        let mut row = vec![
            clean_controls(&s.id),
            clean_controls(&t.id),
            if e.directed { "Directed" } else { "Undirected" }.to_string(),
            clean_controls(&e.id),
            clean_controls(&e.label()),
        ];
        row.extend(specs.iter().map(|spec| cell(attrs::edge_value(e, spec.name))));
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

fn cell(v: Option<attrs::Value<'_>>) -> String {
    v.and_then(|v| v.render())
        .map(|s| clean_controls(&s))
        .unwrap_or_default()
}

/// The two file names for `target`: inside it if it is a directory (existing, or
/// written with a trailing slash), `nodes.csv` and `edges.csv`; otherwise `target` is a
/// prefix (a trailing `.csv` dropped) and the files are `<prefix>.nodes.csv` and
/// `<prefix>.edges.csv`.
pub fn csv_pair_paths(target: &Path) -> (PathBuf, PathBuf) {
    let s = target.as_os_str().to_string_lossy();
    if target.is_dir() || s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR) {
        return (target.join("nodes.csv"), target.join("edges.csv"));
    }
    let prefix = match target.extension() {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => target.with_extension(""),
        _ => target.to_path_buf(),
    };
    let with = |suffix: &str| {
        let mut p = prefix.clone().into_os_string();
        p.push(suffix);
        PathBuf::from(p)
    };
    (with(".nodes.csv"), with(".edges.csv"))
}

/// Write both tables to files named after `target` (see [`csv_pair_paths`]); a directory
/// target is created if missing. Returns the paths written (nodes, edges).
pub fn write_csv_pair(graph: &ExportGraph, target: &Path) -> Result<(PathBuf, PathBuf), ExportError> {
    let (nodes, edges) = csv_pair_paths(target);
    if let Some(dir) = nodes.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| ExportError::IoAt {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    for (path, nodes_table) in [(&nodes, true), (&edges, false)] {
        let mut f = File::create(path).map_err(|source| ExportError::IoAt {
            path: path.clone(),
            source,
        })?;
        let res = if nodes_table {
            write_csv_nodes(graph, &mut f)
        } else {
            write_csv_edges(graph, &mut f)
        };
        match res {
            Err(ExportError::Io(source)) => {
                return Err(ExportError::IoAt {
                    path: path.clone(),
                    source,
                })
            }
            other => other?,
        }
    }
    Ok((nodes, edges))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{nasty_graph, render};
    use crate::export::{DealsAs, ExportOptions};

    fn read(s: &str) -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(s.as_bytes());
        r.records()
            .map(|rec| rec.unwrap().iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn nodes_table_round_trips_nasty_names() {
        let s = render(&ExportOptions::default(), write_csv_nodes);
        let rows = read(&s);
        assert_eq!(rows[0], ["Id", "Label", "type", "wikidata", "degree", "n_documents"]);
        let g = nasty_graph(&ExportOptions::default());
        assert_eq!(rows.len(), g.node_count() + 1);
        let labels: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
        assert!(labels.contains(&"AT&T <Holdings> \"Quoted\" 'Apos'"));
        assert!(labels.contains(&"شركة أرامكو السعودية"));
        assert!(labels.contains(&"Ctrl\u{FFFD}Char\u{FFFD} Corp"));
        assert!(labels.contains(&"Back\\slash \"B.V.\""));
    }

    #[test]
    fn edges_table_has_gephi_columns() {
        let s = render(&ExportOptions::default(), write_csv_edges);
        let rows = read(&s);
        assert_eq!(&rows[0][..6], ["Source", "Target", "Type", "Id", "Label", "relation"]);
        let g = nasty_graph(&ExportOptions::default());
        assert_eq!(rows.len(), g.edge_count() + 1);
        let type_col: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
        assert!(type_col.contains(&"Undirected") && type_col.contains(&"Directed"));
        assert!(rows.iter().any(|r| r
            .iter()
            .any(|c| c == "Ahold Delhaize sued ACME over 'pricing'\nsecond line.")));
        let s = render(
            &ExportOptions {
                deals_as: DealsAs::Nodes,
                ..Default::default()
            },
            write_csv_edges,
        );
        assert!(s.contains(",buyer"));
        assert_eq!(
            s,
            render(
                &ExportOptions {
                    deals_as: DealsAs::Nodes,
                    ..Default::default()
                },
                write_csv_edges
            )
        );
    }

    #[test]
    fn pair_paths() {
        let (n, e) = csv_pair_paths(Path::new("out/graph.csv"));
        assert_eq!(
            (n.to_str().unwrap(), e.to_str().unwrap()),
            ("out/graph.nodes.csv", "out/graph.edges.csv")
        );
        let (n, _) = csv_pair_paths(Path::new("graph"));
        assert_eq!(n.to_str().unwrap(), "graph.nodes.csv");
        let (n, e) = csv_pair_paths(Path::new("somedir/"));
        assert_eq!(
            (n.to_str().unwrap(), e.to_str().unwrap()),
            ("somedir/nodes.csv", "somedir/edges.csv")
        );
    }

    #[test]
    fn writes_pair_into_directory() {
        let dir = tempfile::tempdir().unwrap();
        let g = nasty_graph(&ExportOptions::default());
        let (n, e) = write_csv_pair(&g, dir.path()).unwrap();
        assert_eq!(n, dir.path().join("nodes.csv"));
        assert!(std::fs::read_to_string(&e)
            .unwrap()
            .starts_with("Source,Target,Type,Id,Label"));
        let sub = dir.path().join("new").join("x.csv");
        let (n, _) = write_csv_pair(&g, &sub).unwrap();
        assert_eq!(n, dir.path().join("new").join("x.nodes.csv"));
        assert!(n.exists());
    }
}
