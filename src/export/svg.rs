//! Static SVG picture of a (small) graph: deterministic layout (`layout.rs`), nodes
//! coloured by type (deals as diamonds), edges coloured by relation with arrowheads for the
//! directed ones and dashes for pursuing/abandoned deals, parallel edges curved apart,
//! labels with a white halo, entities without relations in a grid below, and a legend.
//! Same graph, same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufWriter, Write};

use super::error::ExportError;
use super::escape::{coord as c, xml};
use super::graph::{is_tentative, ExportGraph, NodeData};
use super::layout::{self, Extent};
use super::style;

const FONT: f64 = 12.0;
const MAX_LABEL: usize = 32;
const MARGIN: f64 = 24.0;
const TITLE_H: f64 = 46.0;
const LEGEND_W: f64 = 230.0;

/// Estimated width in pixels of `s` at `size` (wide scripts count double).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|ch| {
            let u = ch as u32;
            let wide = matches!(u, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x1F300..=0x1FAFF);
            if wide {
                1.0
            } else if ch.is_uppercase() || matches!(ch, 'm' | 'w' | 'M' | 'W' | '@') {
                0.72
            } else if matches!(ch, 'i' | 'l' | 'j' | '.' | ',' | '\'' | ' ' | '|' | '!' | ':' | ';') {
                0.32
            } else {
                0.6
            }
        })
        .sum::<f64>()
        * size
}

/// The label as drawn: control characters replaced, long labels shortened with "…".
fn short_label(label: &str) -> String {
    let clean: String = label.chars().map(|ch| if ch.is_control() { ' ' } else { ch }).collect();
    if clean.chars().count() <= MAX_LABEL {
        clean
    } else {
        let mut s: String = clean.chars().take(MAX_LABEL - 1).collect();
        s.push('…');
        s
    }
}

fn node_tooltip(n: &NodeData) -> String {
    let mut t = format!("{} ({})", n.label, n.kind);
    if let Some(wd) = &n.wikidata {
        let _ = write!(t, "\nwikidata: {wd}");
    }
    let _ = write!(t, "\nrelations: {}", n.degree);
    if let Some(d) = n.n_documents {
        let _ = write!(t, "\ndocuments: {d}");
    }
    if let Some(ev) = n.deal.as_ref().and_then(|d| d.evidence.as_ref()) {
        let _ = write!(t, "\n“{ev}”");
    }
    t
}

/// Write `graph` as a standalone SVG picture.
pub fn write_svg<W: Write + ?Sized>(graph: &ExportGraph, out: &mut W) -> Result<(), ExportError> {
    let mut w = BufWriter::new(out);
    let nodes: Vec<&NodeData> = graph.nodes().collect();
    let edges: Vec<(usize, usize, &super::EdgeData)> = graph.indexed_edges().collect();
    let radius: Vec<f64> = nodes.iter().map(|n| style::node_radius(n.degree)).collect();
    let labels: Vec<String> = nodes.iter().map(|n| short_label(&n.label)).collect();
    let label_w: Vec<f64> = labels.iter().map(|l| text_width(l, FONT)).collect();

    // Connected nodes get the layout, the others a grid below it.
    let connected: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].degree > 0).collect();
    let isolated: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].degree == 0).collect();
    let local: BTreeMap<usize, usize> = connected.iter().enumerate().map(|(l, &g)| (g, l)).collect();
    let local_edges: Vec<(usize, usize)> = edges
        .iter()
        .filter_map(|(s, t, _)| Some((*local.get(s)?, *local.get(t)?)))
        .collect();
    let extents: Vec<Extent> = connected
        .iter()
        .map(|&i| Extent {
            half_width: (label_w[i] / 2.0).max(radius[i]) + 2.0,
            above: radius[i] + 18.0,
            below: radius[i] + 18.0,
        })
        .collect();
    let placement = layout::layout(connected.len(), &local_edges, &extents);

    // Bounding box of the laid-out part, labels included.
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (l, &i) in connected.iter().enumerate() {
        let (x, y) = placement.pos[l];
        let (hw, up, down) = match placement.circle_radius {
            None => (extents[l].half_width, extents[l].above, extents[l].below),
            Some(_) => {
                let reach = radius[i] + 6.0 + label_w[i];
                (reach, reach, reach)
            }
        };
        x0 = x0.min(x - hw);
        x1 = x1.max(x + hw);
        y0 = y0.min(y - up - 24.0); // room for self-loops and curves
        y1 = y1.max(y + down);
    }
    if connected.is_empty() {
        (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
    }
    let graph_w = (x1 - x0).max(300.0);
    let graph_h = y1 - y0;
    let top = TITLE_H + MARGIN;
    let dx = MARGIN - x0 + (graph_w - (x1 - x0)) / 2.0;
    let dy = top - y0;
    let pos: BTreeMap<usize, (f64, f64)> = connected
        .iter()
        .enumerate()
        .map(|(l, &i)| (i, (placement.pos[l].0 + dx, placement.pos[l].1 + dy)))
        .collect();

    // Grid of isolated nodes.
    let cell_w = isolated.iter().map(|&i| label_w[i]).fold(60.0, f64::max).min(240.0) + 20.0;
    let cols = ((graph_w / cell_w).floor() as usize).max(1);
    let grid_top = top + graph_h + if connected.is_empty() { 0.0 } else { 30.0 };
    let mut grid: BTreeMap<usize, (f64, f64)> = BTreeMap::new();
    for (k, &i) in isolated.iter().enumerate() {
        let (col, row) = (k % cols, k / cols);
        grid.insert(
            i,
            (
                MARGIN + cell_w * (col as f64 + 0.5),
                grid_top + 34.0 + 42.0 * row as f64,
            ),
        );
    }
    let grid_h = if isolated.is_empty() {
        0.0
    } else {
        34.0 + 42.0 * isolated.len().div_ceil(cols) as f64
    };

    let types = graph.node_types();
    let relations = graph.relations();
    let legend_h = 40.0 + 22.0 * (types.len() + relations.len()) as f64 + 110.0;
    let width = MARGIN + graph_w + 30.0 + LEGEND_W + MARGIN;
    let height = (top + graph_h + if isolated.is_empty() { 0.0 } else { 30.0 + grid_h }).max(top + legend_h) + MARGIN;

    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" font-family="'DejaVu Sans', 'Noto Sans', Arial, sans-serif" font-size="{FONT}">"#,
        c(width),
        c(height)
    )?;
    let title = format!("dealgraph: {} nodes, {} edges", graph.node_count(), graph.edge_count());
    writeln!(w, "<title>{}</title>", xml(&title))?;
    writeln!(w, "<defs>")?;
    for (k, rel) in relations.iter().enumerate() {
        writeln!(
            w,
            r#"  <marker id="arrow{k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker>"#,
            style::relation_colour(rel)
        )?;
    }
    writeln!(w, "</defs>")?;
    writeln!(w, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##)?;
    writeln!(
        w,
        r##"<text x="{}" y="30" font-size="18" font-weight="bold" fill="#222">{}</text>"##,
        c(MARGIN),
        xml(&title)
    )?;
    if !graph.description.is_empty() {
        writeln!(
            w,
            r##"<text x="{}" y="48" font-size="12" fill="#555">{}</text>"##,
            c(MARGIN),
            xml(&graph.description)
        )?;
    }

    // Edges, parallel ones curved apart.
    let marker: BTreeMap<&str, usize> = relations.iter().enumerate().map(|(k, r)| (r.as_str(), k)).collect();
    let mut bundles: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, (s, t, _)) in edges.iter().enumerate() {
        bundles.entry(((*s).min(*t), (*s).max(*t))).or_default().push(k);
    }
    let mut segments: Vec<((f64, f64), (f64, f64))> = Vec::new();
    writeln!(w, r#"<g fill="none" stroke-width="1.8" stroke-linecap="round">"#)?;
    for ((a, b), members) in &bundles {
        for (slot, &k) in members.iter().enumerate() {
            let (s, t, e) = edges[k];
            let (Some(&ps), Some(&pt)) = (pos.get(&s), pos.get(&t)) else {
                continue;
            };
            let colour = style::relation_colour(&e.relation);
            let d = if a == b {
                let (x, y) = ps;
                let r = radius[s];
                let h = 30.0 + 10.0 * slot as f64;
                format!(
                    "M{} {} C{} {} {} {} {} {}",
                    c(x - r * 0.6),
                    c(y - r * 0.8),
                    c(x - 22.0),
                    c(y - h),
                    c(x + 22.0),
                    c(y - h),
                    c(x + r * 0.6),
                    c(y - r * 0.8)
                )
            } else {
                let (pa, pb) = (pos.get(a).copied().unwrap_or(ps), pos.get(b).copied().unwrap_or(pt));
                let (vx, vy) = (pb.0 - pa.0, pb.1 - pa.1);
                let len = (vx * vx + vy * vy).sqrt().max(0.01);
                let (nx, ny) = (-vy / len, vx / len);
                let offset = (slot as f64 - (members.len() as f64 - 1.0) / 2.0) * 22.0;
                let mid = (
                    (ps.0 + pt.0) / 2.0 + nx * offset * 2.0,
                    (ps.1 + pt.1) / 2.0 + ny * offset * 2.0,
                );
                let toward = |from: (f64, f64), to: (f64, f64), by: f64| {
                    let (ux, uy) = (to.0 - from.0, to.1 - from.1);
                    let l = (ux * ux + uy * uy).sqrt().max(0.01);
                    (from.0 + ux / l * by, from.1 + uy / l * by)
                };
                let start = toward(ps, mid, radius[s] + 1.0);
                let end = toward(pt, mid, radius[t] + 2.0);
                if offset == 0.0 {
                    segments.push((start, end));
                    format!("M{} {} L{} {}", c(start.0), c(start.1), c(end.0), c(end.1))
                } else {
                    let at = |u: f64| {
                        let v = 1.0 - u;
                        (
                            v * v * start.0 + 2.0 * u * v * mid.0 + u * u * end.0,
                            v * v * start.1 + 2.0 * u * v * mid.1 + u * u * end.1,
                        )
                    };
                    segments.extend((0..6).map(|k| (at(f64::from(k) / 6.0), at(f64::from(k + 1) / 6.0))));
                    format!(
                        "M{} {} Q{} {} {} {}",
                        c(start.0),
                        c(start.1),
                        c(mid.0),
                        c(mid.1),
                        c(end.0),
                        c(end.1)
                    )
                }
            };
            let mut attrs = format!(r#"d="{d}" stroke="{colour}""#);
            if is_tentative(e.status.as_deref()) {
                attrs.push_str(r#" stroke-dasharray="7 5""#);
            }
            if e.directed {
                if let Some(m) = marker.get(e.relation.as_str()) {
                    let _ = write!(attrs, r#" marker-end="url(#arrow{m})""#);
                }
            }
            let mut tip = format!(
                "{}: {} → {}",
                e.role.clone().unwrap_or_else(|| e.label()),
                nodes[s].label,
                nodes[t].label
            );
            if let Some(ev) = &e.evidence {
                let _ = write!(tip, "\n“{ev}”");
            }
            writeln!(w, "  <path {attrs}><title>{}</title></path>", xml(&tip))?;
        }
    }
    writeln!(w, "</g>")?;

    // Nodes.
    if !isolated.is_empty() {
        writeln!(
            w,
            r##"<text x="{}" y="{}" font-size="13" fill="#555">Without relations in this view ({})</text>"##,
            c(MARGIN),
            c(grid_top + 8.0),
            isolated.len()
        )?;
    }
    writeln!(w, r#"<g stroke="white" stroke-width="1.5">"#)?;
    for (i, n) in nodes.iter().enumerate() {
        let Some(&(x, y)) = pos.get(&i).or_else(|| grid.get(&i)) else {
            continue;
        };
        let fill = style::type_colour(&n.kind);
        let r = radius[i];
        let tip = xml(&node_tooltip(n));
        if n.deal.is_some() {
            let r = r + 2.0;
            writeln!(
                w,
                r#"  <polygon points="{},{} {},{} {},{} {},{}" fill="{fill}"><title>{tip}</title></polygon>"#,
                c(x),
                c(y - r),
                c(x + r),
                c(y),
                c(x),
                c(y + r),
                c(x - r),
                c(y)
            )?;
        } else {
            writeln!(
                w,
                r#"  <circle cx="{}" cy="{}" r="{}" fill="{fill}"><title>{tip}</title></circle>"#,
                c(x),
                c(y),
                c(r)
            )?;
        }
    }
    writeln!(w, "</g>")?;

    // Labels on top, with a white halo.
    writeln!(
        w,
        r##"<g fill="#222" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">"##
    )?;
    for (i, label) in labels.iter().enumerate() {
        let r = radius[i];
        if let (Some(&(x, y)), Some(_)) = (pos.get(&i), placement.circle_radius) {
            // Radial label, read left-to-right on both halves of the circle (centre at the
            // layout's origin).
            let (cx, cy) = (dx, dy);
            let angle = (y - cy).atan2(x - cx).to_degrees();
            let (rot, anchor, off) = if (-90.0..=90.0).contains(&angle) {
                (angle, "start", r + 4.0)
            } else {
                (angle + 180.0, "end", -(r + 4.0))
            };
            writeln!(
                w,
                r#"  <text transform="translate({},{}) rotate({})" x="{}" dy="0.35em" text-anchor="{anchor}">{}</text>"#,
                c(x),
                c(y),
                c(rot),
                c(off),
                xml(label)
            )?;
        } else if let Some(&(x, y)) = pos.get(&i) {
            // Below the node unless fewer edges cross the label above it.
            let half = label_w[i] / 2.0;
            let crossings = |top: f64| {
                segments
                    .iter()
                    .filter(|(p, q)| crosses_rect(*p, *q, (x - half, top, x + half, top + 13.0)))
                    .count()
            };
            let baseline = if crossings(y - r - 17.0) < crossings(y + r + 3.0) {
                y - r - 6.0
            } else {
                y + r + 14.0
            };
            writeln!(
                w,
                r#"  <text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                c(x),
                c(baseline),
                xml(label)
            )?;
        } else if let Some(&(x, y)) = grid.get(&i) {
            writeln!(
                w,
                r#"  <text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                c(x),
                c(y + r + 14.0),
                xml(label)
            )?;
        }
    }
    writeln!(w, "</g>")?;

    write_legend(&mut w, graph, &types, &relations, MARGIN + graph_w + 30.0, top)?;
    writeln!(w, "</svg>")?;
    w.flush()?;
    Ok(())
}

/// Whether the segment p–q meets the rectangle (x0, y0, x1, y1) (Liang–Barsky).
fn crosses_rect(p: (f64, f64), q: (f64, f64), (x0, y0, x1, y1): (f64, f64, f64, f64)) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for (den, num) in [(-dx, p.0 - x0), (dx, x1 - p.0), (-dy, p.1 - y0), (dy, y1 - p.1)] {
        if den == 0.0 {
            if num < 0.0 {
                return false;
            }
        } else {
            let t = num / den;
            if den < 0.0 {
                lo = lo.max(t);
            } else {
                hi = hi.min(t);
            }
            if lo > hi {
                return false;
            }
        }
    }
    true
}

fn write_legend<W: Write>(
    w: &mut W,
    graph: &ExportGraph,
    types: &[String],
    relations: &[String],
    x: f64,
    y: f64,
) -> std::io::Result<()> {
    let count_type = |t: &str| graph.nodes().filter(|n| n.kind == t).count();
    let count_rel = |r: &str| {
        graph
            .edges()
            .filter(|(_, _, e)| e.relation == r && e.role.is_none())
            .count()
            + graph
                .nodes()
                .filter(|n| n.deal.as_ref().is_some_and(|d| d.relation == r))
                .count()
    };
    let rows = types.len() + relations.len();
    let extra = if graph.has_tentative() { 1 } else { 0 } + 1;
    let h = 58.0 + 22.0 * (rows + extra) as f64;
    writeln!(w, r#"<g transform="translate({},{})">"#, c(x), c(y))?;
    writeln!(
        w,
        r##"  <rect width="{}" height="{}" rx="6" fill="#f7f7f7" stroke="#cccccc"/>"##,
        c(LEGEND_W),
        c(h)
    )?;
    let mut ly = 22.0;
    writeln!(
        w,
        r##"  <text x="12" y="{}" font-weight="bold" fill="#222">Nodes</text>"##,
        c(ly)
    )?;
    for t in types {
        ly += 22.0;
        if t == super::graph::DEAL_TYPE {
            writeln!(
                w,
                r##"  <polygon points="22,{} 29,{} 22,{} 15,{}" fill="{}"/>"##,
                c(ly - 11.0),
                c(ly - 4.0),
                c(ly + 3.0),
                c(ly - 4.0),
                style::type_colour(t)
            )?;
        } else {
            writeln!(
                w,
                r##"  <circle cx="22" cy="{}" r="6" fill="{}"/>"##,
                c(ly - 4.0),
                style::type_colour(t)
            )?;
        }
        writeln!(
            w,
            r##"  <text x="40" y="{}" fill="#222">{} ({})</text>"##,
            c(ly),
            xml(t),
            count_type(t)
        )?;
    }
    ly += 30.0;
    writeln!(
        w,
        r##"  <text x="12" y="{}" font-weight="bold" fill="#222">Relations</text>"##,
        c(ly)
    )?;
    for (k, r) in relations.iter().enumerate() {
        ly += 22.0;
        let directed = !super::graph::is_symmetric(r);
        writeln!(
            w,
            r##"  <line x1="12" y1="{0}" x2="{1}" y2="{0}" stroke="{2}" stroke-width="2"{3}/>"##,
            c(ly - 4.0),
            if directed { "30" } else { "34" },
            style::relation_colour(r),
            if directed {
                format!(r#" marker-end="url(#arrow{k})""#)
            } else {
                String::new()
            }
        )?;
        writeln!(
            w,
            r##"  <text x="40" y="{}" fill="#222">{} ({})</text>"##,
            c(ly),
            xml(r),
            count_rel(r)
        )?;
    }
    if graph.has_tentative() {
        ly += 22.0;
        writeln!(
            w,
            r##"  <line x1="12" y1="{0}" x2="34" y2="{0}" stroke="#555" stroke-width="2" stroke-dasharray="5 3"/>"##,
            c(ly - 4.0)
        )?;
        writeln!(
            w,
            r##"  <text x="40" y="{}" fill="#222">pursuing / abandoned</text>"##,
            c(ly)
        )?;
    }
    ly += 22.0;
    writeln!(
        w,
        r##"  <text x="12" y="{}" font-size="11" fill="#555">no arrow: merger, partnership</text>"##,
        c(ly)
    )?;
    writeln!(w, "</g>")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{entity, nasty_graph, render};
    use crate::export::{build_graph, DealsAs, ExportOptions, GraphInput};

    fn svg(opts: &ExportOptions) -> String {
        render(opts, write_svg)
    }

    #[test]
    fn escapes_and_is_deterministic() {
        let s = svg(&ExportOptions::default());
        assert!(s.contains("AT&amp;T &lt;Holdings&gt; &quot;Quoted&quot; &apos;Apos&apos;"));
        assert!(s.contains("شركة أرامكو السعودية") && s.contains("בנק לאומי") && s.contains("腾讯控股"));
        assert!(!s.contains("<script"));
        assert!(!s.chars().any(|ch| ch.is_control() && ch != '\n'));
        assert_eq!(s, svg(&ExportOptions::default()));
    }

    #[test]
    fn draws_every_node_edge_and_a_legend() {
        let g = nasty_graph(&ExportOptions::default());
        let s = svg(&ExportOptions::default());
        assert_eq!(
            s.lines()
                .filter(|l| l.starts_with("  <circle") && l.contains("<title>"))
                .count(),
            g.node_count()
        );
        assert_eq!(s.matches("  <path d=").count(), g.edge_count());
        assert_eq!(
            s.matches("marker-end=\"url(#arrow").count()
                - g.relations()
                    .iter()
                    .filter(|r| !super::super::graph::is_symmetric(r))
                    .count(),
            g.edges().filter(|(_, _, e)| e.directed).count()
        );
        assert!(s.contains("stroke-dasharray=\"7 5\""));
        assert!(s.contains(">Relations</text>") && s.contains(">acquisition (4)</text>"));
        assert!(s.contains("Without relations in this view (1)"));
        let s = svg(&ExportOptions {
            deals_as: DealsAs::Nodes,
            ..Default::default()
        });
        assert!(s.contains("<polygon points="));
    }

    #[test]
    fn empty_and_large_graphs() {
        let g = build_graph(&GraphInput::default(), &ExportOptions::default()).unwrap();
        let mut buf = Vec::new();
        write_svg(&g, &mut buf).unwrap();
        assert!(String::from_utf8(buf).unwrap().ends_with("</svg>\n"));
        let n = layout::FORCE_LIMIT + 20;
        let input = GraphInput {
            entities: (0..n)
                .map(|i| entity(&format!("e{i:04}"), &format!("Company {i}"), "Organization"))
                .collect(),
            deals: (1..n)
                .map(|i| {
                    crate::export::testdata::deal(
                        &format!("d{i}"),
                        "acquisition",
                        &format!("e{:04}", i - 1),
                        &format!("e{i:04}"),
                        None,
                        0.9,
                    )
                })
                .collect(),
        };
        let g = build_graph(&input, &ExportOptions::default()).unwrap();
        let mut buf = Vec::new();
        write_svg(&g, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains("rotate("));
        assert_eq!(
            s.lines()
                .filter(|l| l.starts_with("  <circle") && l.contains("<title>"))
                .count(),
            n
        );
    }

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(short_label("a\u{1}b"), "a b");
        let long = "x".repeat(50);
        assert_eq!(short_label(&long).chars().count(), MAX_LABEL);
        assert!(text_width("腾讯", 10.0) > text_width("ab", 10.0));
        assert!(crosses_rect((0.0, 0.0), (10.0, 10.0), (4.0, 4.0, 6.0, 6.0)));
        assert!(!crosses_rect((0.0, 0.0), (10.0, 0.0), (4.0, 4.0, 6.0, 6.0)));
        assert!(crosses_rect((5.0, -5.0), (5.0, 20.0), (4.0, 4.0, 6.0, 6.0)));
    }
}
