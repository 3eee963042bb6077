//! GEXF 1.3 writer, Gephi's native format: typed attribute declarations, node and edge
//! attribute values, and `viz` colours/sizes so the graph opens in Gephi already coloured
//! by type and relation (tentative deals dashed).

use std::io::{BufWriter, Write};

use super::attrs::{self, AttrSpec};
use super::error::ExportError;
use super::escape::{self, xml};
use super::graph::{is_tentative, ExportGraph};
use super::options::EdgeMarkup;
use super::style;

/// Write `graph` as GEXF 1.3.
pub fn write_gexf<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let mut w = BufWriter::new(out);
    let node_specs: Vec<AttrSpec> = attrs::node_specs(graph)
        .into_iter()
        .filter(|s| s.name != "label")
        .collect();
    let edge_specs = attrs::edge_specs(graph.edge_markup == EdgeMarkup::Uniform);

    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>dealgraph</creator>")?;
    let desc = if graph.description.is_empty() {
        "companies, people and deals".to_string()
    } else {
        format!("companies, people and deals: {}", graph.description)
    };
    writeln!(w, "    <description>{}</description>", xml(&desc))?;
    writeln!(w, "  </meta>")?;
    writeln!(w, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    write_attributes(&mut w, "node", &node_specs)?;
    write_attributes(&mut w, "edge", &edge_specs)?;

    writeln!(w, "    <nodes>")?;
    for n in graph.nodes() {
        writeln!(w, r#"      <node id="{}" label="{}">"#, xml(&n.id), xml(&n.label))?;
        write_values(
            &mut w,
            node_specs
                .iter()
                .filter_map(|s| attrs::node_value(n, s.name).map(|v| (s.name, v))),
        )?;
        let (r, g, b) = style::rgb(style::type_colour(&n.kind));
        writeln!(w, r#"        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>"#)?;
        let size = escape::float(style::node_radius(n.degree)).unwrap_or_else(|| "5.0".into());
        writeln!(w, r#"        <viz:size value="{size}"/>"#)?;
        if n.deal.is_some() {
            writeln!(w, r#"        <viz:shape value="diamond"/>"#)?;
        }
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;

    writeln!(w, "    <edges>")?;
    for (s, t, e) in graph.edges() {
        let undirected = graph.edge_markup == EdgeMarkup::Mixed && !e.directed;
        writeln!(
            w,
            r#"      <edge id="{}" source="{}" target="{}" label="{}"{}>"#,
            xml(&e.id),
            xml(&s.id),
            xml(&t.id),
            xml(&e.label()),
            if undirected { r#" type="undirected""# } else { "" }
        )?;
        write_values(
            &mut w,
            edge_specs
                .iter()
                .filter_map(|s| attrs::edge_value(e, s.name).map(|v| (s.name, v))),
        )?;
        let (r, g, b) = style::rgb(style::relation_colour(&e.relation));
        writeln!(w, r#"        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>"#)?;
        if is_tentative(e.status.as_deref()) {
            writeln!(w, r#"        <viz:shape value="dashed"/>"#)?;
        }
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")?;
    w.flush()?;
    Ok(())
}

fn write_attributes<W: Write>(w: &mut W, class: &str, specs: &[AttrSpec]) -> std::io::Result<()> {
    writeln!(w, r#"    <attributes class="{class}">"#)?;
    for s in specs {
        writeln!(
            w,
            r#"      <attribute id="{0}" title="{0}" type="{1}"/>"#,
            s.name,
            s.ty.gexf()
        )?;
    }
    writeln!(w, "    </attributes>")
}

fn write_values<'a, W: Write>(
    w: &mut W,
    values: impl Iterator<Item = (&'static str, attrs::Value<'a>)>,
) -> std::io::Result<()> {
    let rendered: Vec<(&str, String)> = values.filter_map(|(k, v)| v.render().map(|r| (k, r))).collect();
    if rendered.is_empty() {
        return Ok(());
    }
    writeln!(w, "        <attvalues>")?;
    for (k, v) in rendered {
        writeln!(w, r#"          <attvalue for="{k}" value="{}"/>"#, xml(&v))?;
    }
    writeln!(w, "        </attvalues>")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{nasty_graph, render};
    use crate::export::ExportOptions;

    fn gexf(opts: &ExportOptions) -> String {
        render(opts, write_gexf)
    }

    #[test]
    fn escapes_and_keeps_scripts() {
        let s = gexf(&ExportOptions::default());
        assert!(s.contains(r#"label="AT&amp;T &lt;Holdings&gt; &quot;Quoted&quot; &apos;Apos&apos;""#));
        assert!(s.contains("شركة أرامكو السعودية") && s.contains("בנק לאומי") && s.contains("Газпром"));
        assert!(!s.contains('\u{1}') && !s.contains('\u{b}'));
        assert!(!s.contains("<script"));
        assert!(s.contains("pricing&apos;&#10;second line"));
    }

    #[test]
    fn declares_types_and_marks_direction() {
        let s = gexf(&ExportOptions::default());
        assert!(s.contains(r#"<attribute id="confidence" title="confidence" type="double"/>"#));
        assert!(s.contains(r#"<attribute id="n_sources" title="n_sources" type="integer"/>"#));
        assert!(s.contains(r#"<attribute id="degree" title="degree" type="integer"/>"#));
        assert!(!s.contains(r#"type="undirected""#));
        assert!(s.contains(r#"<viz:shape value="dashed"/>"#));
        let g = nasty_graph(&ExportOptions::default());
        assert_eq!(s.matches("<node id=").count(), g.node_count());
        assert_eq!(s.matches("<edge id=").count(), g.edge_count());
        let opts = ExportOptions {
            edge_markup: EdgeMarkup::Mixed,
            ..Default::default()
        };
        let s = gexf(&opts);
        assert_eq!(
            s.matches(r#"type="undirected""#).count(),
            g.edges().filter(|(_, _, e)| !e.directed).count()
        );
    }

    #[test]
    fn deterministic() {
        assert_eq!(gexf(&ExportOptions::default()), gexf(&ExportOptions::default()));
    }
}
