//! GraphML writer: typed `<key>` declarations, one `<node>` per node and one `<edge>` per
//! edge, `<data>` only for present values. Read by networkx, python-igraph, graphology,
//! Gephi, yEd and Cytoscape (see `tests/interop/`).

use std::io::{BufWriter, Write};

use super::attrs::{self, AttrSpec};
use super::error::ExportError;
use super::escape::xml;
use super::graph::ExportGraph;
use super::options::EdgeMarkup;

/// Write `graph` as GraphML.
pub fn write_graphml<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let mut w = BufWriter::new(out);
    let node_specs = attrs::node_specs(graph);
    let edge_specs = attrs::edge_specs(graph.edge_markup == EdgeMarkup::Uniform);

    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    write_keys(&mut w, "node", "n", &node_specs)?;
    write_keys(&mut w, "edge", "e", &edge_specs)?;
    writeln!(w, r#"  <graph id="dealgraph" edgedefault="directed">"#)?;
    if !graph.description.is_empty() {
        writeln!(w, "    <desc>{}</desc>", xml(&graph.description))?;
    }
    for n in graph.nodes() {
        write!(w, r#"    <node id="{}">"#, xml(&n.id))?;
        for s in &node_specs {
            if let Some(v) = attrs::node_value(n, s.name).and_then(|v| v.render()) {
                write!(w, r#"<data key="n_{}">{}</data>"#, s.name, xml(&v))?;
            }
        }
        writeln!(w, "</node>")?;
    }
    for (s, t, e) in graph.edges() {
        let undirected = graph.edge_markup == EdgeMarkup::Mixed && !e.directed;
        write!(
            w,
            r#"    <edge id="{}" source="{}" target="{}"{}>"#,
            xml(&e.id),
            xml(&s.id),
            xml(&t.id),
            if undirected { r#" directed="false""# } else { "" }
        )?;
        for spec in &edge_specs {
            if let Some(v) = attrs::edge_value(e, spec.name).and_then(|v| v.render()) {
                write!(w, r#"<data key="e_{}">{}</data>"#, spec.name, xml(&v))?;
            }
        }
        writeln!(w, "</edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()?;
    Ok(())
}

fn write_keys<W: Write>(w: &mut W, domain: &str, prefix: &str, specs: &[AttrSpec]) -> std::io::Result<()> {
    for s in specs {
        writeln!(
            w,
            r#"  <key id="{prefix}_{name}" for="{domain}" attr.name="{name}" attr.type="{ty}"/>"#,
            name = s.name,
            ty = s.ty.graphml()
        )?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{nasty_graph, render};
    use crate::export::{DealsAs, ExportOptions};

    fn graphml(opts: &ExportOptions) -> String {
        render(opts, write_graphml)
    }

    #[test]
    fn escapes_names_and_keeps_scripts() {
        let s = graphml(&ExportOptions::default());
        assert!(s.contains("AT&amp;T &lt;Holdings&gt; &quot;Quoted&quot; &apos;Apos&apos;"));
        assert!(s.contains("شركة أرامكو السعودية"));
        assert!(s.contains("בנק לאומי"));
        assert!(s.contains("腾讯控股"));
        assert!(s.contains("&lt;/script&gt;"));
        assert!(!s.contains('\u{1}') && !s.contains('\u{b}'));
        assert!(s.contains("Ctrl\u{FFFD}Char"));
        assert!(!s.contains("<script"));
    }

    #[test]
    fn typed_keys_and_absent_values() {
        let s = graphml(&ExportOptions::default());
        assert!(s.contains(r#"<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>"#));
        assert!(s.contains(r#"<key id="e_n_sources" for="edge" attr.name="n_sources" attr.type="int"/>"#));
        assert!(s.contains(r#"<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>"#));
        assert!(s.contains(r#"<key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>"#));
        assert!(s.contains(r#"<graph id="dealgraph" edgedefault="directed">"#));
        // No empty data elements.
        assert!(!s.contains("\"></data>"));
        // The deal-node keys appear only with deal nodes.
        assert!(!s.contains(r#"id="n_relation""#));
        let s = graphml(&ExportOptions {
            deals_as: DealsAs::Nodes,
            ..Default::default()
        });
        assert!(s.contains(r#"id="n_relation""#));
        assert!(s.contains(r#"<data key="e_role">buyer</data>"#));
    }

    #[test]
    fn counts_and_direction_markup() {
        let g = nasty_graph(&ExportOptions::default());
        let s = graphml(&ExportOptions::default());
        assert_eq!(s.matches("<node id=").count(), g.node_count());
        assert_eq!(s.matches("<edge id=").count(), g.edge_count());
        assert!(!s.contains(r#"directed="false""#));
        assert!(s.contains(r#"<data key="e_directed">false</data>"#));
        let opts = ExportOptions {
            edge_markup: EdgeMarkup::Mixed,
            ..Default::default()
        };
        let s = graphml(&opts);
        let undirected = g.edges().filter(|(_, _, e)| !e.directed).count();
        assert!(undirected > 0);
        assert_eq!(s.matches(r#" directed="false""#).count(), undirected);
        assert!(!s.contains("e_directed"));
    }

    #[test]
    fn deterministic() {
        assert_eq!(graphml(&ExportOptions::default()), graphml(&ExportOptions::default()));
    }
}
