//! Self-contained interactive HTML page: the graph as JSON inside a
//! `<script type="application/json">` (with `<`, `>`, `&` escaped so no name can end the
//! script), plus the small vanilla-JS viewer in `html/viewer.js` (force layout on a canvas,
//! drag, zoom/pan, tooltips, search, legend). Nothing is loaded from the network.

use std::io::{BufWriter, Write};

use serde::Serialize;

use super::error::ExportError;
use super::escape::{clean_controls, json_in_script, xml};
use super::graph::{is_symmetric, is_tentative, DealAttrs, EdgeData, ExportGraph};
use super::style;

const VIEWER_JS: &str = include_str!("html/viewer.js");

const STYLE: &str = r#"html, body { margin: 0; height: 100%; overflow: hidden; font: 13px/1.4 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #222; background: #fff; }
canvas { display: block; cursor: grab; touch-action: none; }
#panel { position: absolute; top: 12px; left: 12px; width: 290px; max-height: calc(100% - 24px); overflow: auto; box-sizing: border-box; padding: 12px 14px; background: rgba(255,255,255,0.93); border: 1px solid #ccc; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
#panel h1 { font-size: 16px; margin: 0 0 2px; }
#summary { color: #555; margin-bottom: 8px; overflow-wrap: anywhere; }
#search { width: 100%; box-sizing: border-box; padding: 5px 7px; font: inherit; border: 1px solid #aaa; border-radius: 4px; }
#search-msg { color: #b00; min-height: 1.2em; margin: 2px 0 4px; }
#legend .heading { font-weight: bold; margin: 8px 0 3px; }
#legend .row { display: flex; align-items: center; gap: 8px; padding: 1px 2px; border-radius: 3px; }
#legend .toggle { cursor: pointer; user-select: none; }
#legend .toggle:hover { background: #eee; }
#legend .off { opacity: 0.35; text-decoration: line-through; }
.sw { display: inline-block; flex: none; }
.sw.dot { width: 12px; height: 12px; border-radius: 50%; margin: 0 5px; }
.sw.diamond { width: 10px; height: 10px; transform: rotate(45deg); margin: 0 6px; }
.sw.line { width: 22px; height: 0; border-top: 3px solid #555; }
.sw.line.dashed { border-top-style: dashed; }
.hint { color: #666; font-size: 11px; margin-top: 10px; }
button { margin-top: 8px; font: inherit; padding: 3px 10px; }
#tooltip { position: absolute; max-width: 380px; padding: 7px 9px; background: rgba(255,255,255,0.97); border: 1px solid #999; border-radius: 5px; box-shadow: 0 2px 6px rgba(0,0,0,0.2); pointer-events: none; overflow-wrap: anywhere; unicode-bidi: plaintext; }
#tooltip .title { font-weight: bold; }
#tooltip .evidence { font-style: italic; color: #333; margin-top: 3px; }
"#;

#[derive(Serialize)]
struct ViewData<'a> {
    description: &'a str,
    types: Vec<LegendEntry>,
    relations: Vec<LegendEntry>,
    nodes: Vec<ViewNode<'a>>,
    edges: Vec<ViewEdge<'a>>,
}

#[derive(Serialize)]
struct LegendEntry {
    name: String,
    colour: &'static str,
    count: usize,
    directed: bool,
}

#[derive(Serialize)]
struct ViewNode<'a> {
    id: &'a str,
    label: String,
    #[serde(rename = "type")]
    kind: &'a str,
    degree: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    n_documents: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deal: Option<ViewDeal<'a>>,
}

#[derive(Serialize)]
struct ViewDeal<'a> {
    relation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    n_sources: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<String>,
}

#[derive(Serialize)]
struct ViewEdge<'a> {
    id: &'a str,
    s: usize,
    t: usize,
    directed: bool,
    tentative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(flatten)]
    deal: ViewDeal<'a>,
}

fn amount(value: Option<f64>, currency: Option<&str>, text: Option<&str>) -> Option<String> {
    if let Some(t) = text {
        return Some(t.to_string());
    }
    let v = super::escape::float(value?)?;
    Some(match currency {
        Some(c) => format!("{v} {c}"),
        None => v,
    })
}

fn deal_of(d: &DealAttrs) -> ViewDeal<'_> {
    ViewDeal {
        relation: &d.relation,
        status: d.status.as_deref(),
        amount: amount(d.amount_value, d.amount_currency.as_deref(), d.amount_text.as_deref()),
        first_date: d.first_date.as_deref(),
        last_date: d.last_date.as_deref(),
        confidence: Some(d.confidence).filter(|c| c.is_finite()),
        n_sources: d.n_sources,
        evidence: d.evidence.as_deref().map(clean_controls),
    }
}

fn edge_deal(e: &EdgeData) -> ViewDeal<'_> {
    ViewDeal {
        relation: &e.relation,
        status: e.status.as_deref(),
        amount: amount(e.amount_value, e.amount_currency.as_deref(), e.amount_text.as_deref()),
        first_date: e.first_date.as_deref(),
        last_date: e.last_date.as_deref(),
        confidence: Some(e.confidence).filter(|c| c.is_finite()),
        n_sources: e.n_sources,
        evidence: e.evidence.as_deref().map(clean_controls),
    }
}

fn view_data(graph: &ExportGraph) -> ViewData<'_> {
    let types = graph
        .node_types()
        .into_iter()
        .map(|t| LegendEntry {
            colour: style::type_colour(&t),
            count: graph.nodes().filter(|n| n.kind == t).count(),
            directed: false,
            name: t,
        })
        .collect();
    let relations = graph
        .relations()
        .into_iter()
        .map(|r| LegendEntry {
            colour: style::relation_colour(&r),
            count: graph
                .edges()
                .filter(|(_, _, e)| e.relation == r && e.role.is_none())
                .count()
                + graph
                    .nodes()
                    .filter(|n| n.deal.as_ref().is_some_and(|d| d.relation == r))
                    .count(),
            directed: !is_symmetric(&r),
            name: r,
        })
        .collect();
    let nodes = graph
        .nodes()
        .map(|n| ViewNode {
            id: &n.id,
            label: clean_controls(&n.label),
            kind: &n.kind,
            degree: n.degree,
            wikidata: n.wikidata.as_deref(),
            n_documents: n.n_documents,
            deal: n.deal.as_ref().map(deal_of),
        })
        .collect();
    let edges = graph
        .indexed_edges()
        .map(|(s, t, e)| ViewEdge {
            id: &e.id,
            s,
            t,
            directed: e.directed,
            tentative: is_tentative(e.status.as_deref()),
            role: e.role.as_deref(),
            deal: edge_deal(e),
        })
        .collect();
    ViewData {
        description: &graph.description,
        types,
        relations,
        nodes,
        edges,
    }
}

/// Write `graph` as one self-contained interactive HTML page.
pub fn write_html<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let json = json_in_script(&serde_json::to_string(&view_data(graph))?);
    let title = format!("dealgraph: {} nodes, {} edges", graph.node_count(), graph.edge_count());
    let mut w = BufWriter::new(out);
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, r#"<html lang="en">"#)?;
    writeln!(w, "<head>")?;
    writeln!(w, r#"<meta charset="utf-8">"#)?;
    writeln!(
        w,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    writeln!(w, "<title>{}</title>", xml(&title))?;
    writeln!(w, "<style>\n{STYLE}</style>")?;
    writeln!(w, "</head>")?;
    writeln!(w, "<body>")?;
    writeln!(
        w,
        r#"<canvas id="graph" aria-label="graph of companies, people and deals"></canvas>"#
    )?;
    writeln!(w, r#"<div id="panel">"#)?;
    writeln!(w, "<h1>dealgraph</h1>")?;
    writeln!(w, r#"<div id="summary"></div>"#)?;
    writeln!(
        w,
        r#"<input id="search" type="search" placeholder="Search a name…" list="names" autocomplete="off" aria-label="search a name"><datalist id="names"></datalist>"#
    )?;
    writeln!(w, r#"<div id="search-msg"></div>"#)?;
    writeln!(w, r#"<div id="legend"></div>"#)?;
    writeln!(w, r#"<button id="fit" type="button">Fit to screen</button>"#)?;
    writeln!(
        w,
        r#"<div class="hint">Hover for details · drag a node to move it · scroll to zoom · drag the background to pan · click a node to highlight its relations · click a relation in the legend to hide it</div>"#
    )?;
    writeln!(w, "</div>")?;
    writeln!(w, r#"<div id="tooltip" hidden></div>"#)?;
    writeln!(w, r#"<script type="application/json" id="graph-data">{json}</script>"#)?;
    writeln!(w, "<script>\n{VIEWER_JS}</script>")?;
    writeln!(w, "</body>")?;
    writeln!(w, "</html>")?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{nasty_graph, render};
    use crate::export::{DealsAs, ExportOptions};

    fn html(opts: &ExportOptions) -> String {
        render(opts, write_html)
    }

    fn embedded_json(s: &str) -> serde_json::Value {
        let start = s.find(r#"id="graph-data">"#).unwrap() + r#"id="graph-data">"#.len();
        let end = start + s[start..].find("</script>").unwrap();
        serde_json::from_str(&s[start..end]).unwrap()
    }

    #[test]
    fn names_cannot_break_out_of_the_script() {
        let s = html(&ExportOptions::default());
        // Exactly the two script elements we wrote, closed twice.
        assert_eq!(s.matches("<script").count(), 2);
        assert_eq!(s.matches("</script>").count(), 2);
        assert!(!s.contains("<!--"));
        let v = embedded_json(&s);
        let labels: Vec<&str> = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["label"].as_str().unwrap())
            .collect();
        assert!(labels.contains(&"</script><script>alert(1)</script>"));
        assert!(labels.contains(&"AT&T <Holdings> \"Quoted\" 'Apos'"));
        assert!(labels.contains(&"شركة أرامكو السعودية"));
        assert!(labels.contains(&"Ctrl\u{FFFD}Char\u{FFFD} Corp"), "{labels:?}");
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn self_contained_with_legend_and_data() {
        let s = html(&ExportOptions::default());
        for needle in ["<link", "src=", "@import", "url(", "fetch(", "XMLHttpRequest"] {
            assert!(!s.contains(needle), "{needle} in html");
        }
        assert!(s.contains("MIT OR Apache-2.0"));
        let g = nasty_graph(&ExportOptions::default());
        let v = embedded_json(&s);
        assert_eq!(v["nodes"].as_array().unwrap().len(), g.node_count());
        assert_eq!(v["edges"].as_array().unwrap().len(), g.edge_count());
        assert!(v["relations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == "merger" && r["directed"] == false));
        assert!(v["edges"].as_array().unwrap().iter().any(|e| e["tentative"] == true));
        assert_eq!(s, html(&ExportOptions::default()));
        let s = html(&ExportOptions {
            deals_as: DealsAs::Nodes,
            ..Default::default()
        });
        let v = embedded_json(&s);
        assert!(v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["type"] == "Deal" && n["deal"]["relation"].is_string()));
    }
}
