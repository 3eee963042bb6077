//! Graphviz DOT writer: quoted, escaped ids and labels; nodes filled by type (deals as
//! diamonds), edges coloured by relation, `dir=none` for the symmetric relations and
//! dashed for pursuing/abandoned deals; tooltips carry the evidence sentence for SVG output.

use std::io::{BufWriter, Write};

use super::error::ExportError;
use super::escape::dot as q;
use super::graph::{is_tentative, ExportGraph};
use super::style;

/// Write `graph` as a Graphviz digraph (render with `dot`, `sfdp` or `neato`).
pub fn write_dot<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let mut w = BufWriter::new(out);
    writeln!(w, "digraph \"dealgraph\" {{")?;
    if !graph.description.is_empty() {
        writeln!(w, "  label=\"{}\";", q(&graph.description))?;
        writeln!(w, "  labelloc=t;")?;
    }
    writeln!(w, "  graph [overlap=false, splines=true, fontname=\"Helvetica\"];")?;
    writeln!(
        w,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, fontcolor=\"white\"];"
    )?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for n in graph.nodes() {
        let shape = match n.kind.as_str() {
            "Person" => "ellipse",
            "Deal" => "diamond",
            _ => "box",
        };
        let mut tooltip = format!("{} ({})", n.label, n.kind);
        if let Some(wd) = &n.wikidata {
            tooltip.push_str(&format!(", wikidata {wd}"));
        }
        if let Some(e) = n.deal.as_ref().and_then(|d| d.evidence.as_ref()) {
            tooltip.push('\n');
            tooltip.push_str(e);
        }
        writeln!(
            w,
            "  \"{}\" [label=\"{}\", shape={shape}, fillcolor=\"{}\", tooltip=\"{}\"];",
            q(&n.id),
            q(&n.label),
            style::type_colour(&n.kind),
            q(&tooltip)
        )?;
    }
    for (s, t, e) in graph.edges() {
        let mut attrs = vec![
            format!("label=\"{}\"", q(&e.role.clone().unwrap_or_else(|| e.label()))),
            format!("color=\"{}\"", style::relation_colour(&e.relation)),
            format!("fontcolor=\"{}\"", style::relation_colour(&e.relation)),
        ];
        if !e.directed {
            attrs.push("dir=none".into());
        }
        if is_tentative(e.status.as_deref()) {
            attrs.push("style=dashed".into());
        }
        let mut tooltip = e.label();
        if let Some(ev) = &e.evidence {
            tooltip.push_str(": ");
            tooltip.push_str(ev);
        }
        attrs.push(format!("tooltip=\"{}\"", q(&tooltip)));
        attrs.push(format!("id=\"{}\"", q(&e.id)));
        writeln!(w, "  \"{}\" -> \"{}\" [{}];", q(&s.id), q(&t.id), attrs.join(", "))?;
    }
    writeln!(w, "}}")?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{nasty_graph, render};
    use crate::export::ExportOptions;

    fn dot(opts: &ExportOptions) -> String {
        render(opts, write_dot)
    }

    #[test]
    fn escapes_quotes_backslashes_and_controls() {
        let s = dot(&ExportOptions::default());
        assert!(s.contains(r#"label="AT&T <Holdings> \"Quoted\" 'Apos'""#), "{s}");
        assert!(s.contains(r#"label="Back\\slash \"B.V.\"""#));
        assert!(s.contains("Ctrl\u{FFFD}Char\u{FFFD} Corp"));
        assert!(!s.contains('\u{1}'));
        assert!(s.contains("شركة أرامكو السعودية") && s.contains("腾讯控股"));
        // Every line is balanced: an even number of unescaped quotes.
        for line in s.lines() {
            let unescaped = line.replace("\\\\", "").replace("\\\"", "");
            assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
        }
    }

    #[test]
    fn direction_and_style() {
        let s = dot(&ExportOptions::default());
        let g = nasty_graph(&ExportOptions::default());
        assert_eq!(
            s.matches("dir=none").count(),
            g.edges().filter(|(_, _, e)| !e.directed).count()
        );
        assert_eq!(
            s.matches("style=dashed").count(),
            g.edges().filter(|(_, _, e)| is_tentative(e.status.as_deref())).count()
        );
        assert_eq!(s.matches(" -> ").count(), g.edge_count());
        assert_eq!(dot(&ExportOptions::default()), s);
    }
}
