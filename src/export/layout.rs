//! Deterministic layouts for the static SVG: a Fruchterman–Reingold force layout with a
//! fixed start (a spiral in breadth-first order) and a fixed number of iterations,
//! followed by a pass that pushes apart nodes whose label boxes overlap; and a circle
//! layout for graphs too large for that. No randomness, so the same graph always gives
//! the same coordinates.

use std::collections::VecDeque;

/// Above this many connected nodes the force layout gives way to a circle.
pub const FORCE_LIMIT: usize = 250;

/// Ideal edge length in pixels.
const K: f64 = 95.0;
const ITERATIONS: usize = 400;

/// The space a node needs: its label box relative to the node centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    /// Half the width (max of label and node).
    pub half_width: f64,
    /// Space above the centre.
    pub above: f64,
    /// Space below the centre (label included).
    pub below: f64,
}

/// Result of a layout: one position per node, in pixels around (0, 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub pos: Vec<(f64, f64)>,
    /// Set for the circle layout: its radius (labels then go radially outward).
    pub circle_radius: Option<f64>,
}

/// Lay out `n` nodes joined by `edges` (indices), each needing `extents[i]`.
pub fn layout(n: usize, edges: &[(usize, usize)], extents: &[Extent]) -> Placement {
    let components = components(n, edges);
    if n > FORCE_LIMIT {
        return circle(&components.concat());
    }
    // Each component on its own, then the components packed in rows, largest first.
    let mut local_of = vec![0usize; n];
    // (members, their positions, bounding box [x0, y0, x1, y1]) per component.
    type Laid = (Vec<usize>, Vec<(f64, f64)>, [f64; 4]);
    let mut laid: Vec<Laid> = Vec::new();
    for comp in components {
        for (l, &i) in comp.iter().enumerate() {
            local_of[i] = l;
        }
        let member: Vec<bool> = {
            let mut m = vec![false; n];
            comp.iter().for_each(|&i| m[i] = true);
            m
        };
        let local_edges: Vec<(usize, usize)> = edges
            .iter()
            .filter(|&&(s, t)| s < n && t < n && member[s] && member[t])
            .map(|&(s, t)| (local_of[s], local_of[t]))
            .collect();
        let local_extents: Vec<Extent> = comp
            .iter()
            .map(|&i| {
                extents.get(i).copied().unwrap_or(Extent {
                    half_width: 10.0,
                    above: 10.0,
                    below: 10.0,
                })
            })
            .collect();
        // Start on a square spiral (integer steps: no trigonometry, so bit-for-bit the
        // same on every platform), breadth-first so that neighbours start close. A
        // slight shear keeps nodes off exact lines, where forces would balance.
        let mut pos: Vec<(f64, f64)> = square_spiral()
            .take(comp.len())
            .map(|(x, y)| {
                (
                    K * 0.7 * (f64::from(x) + 0.13 * f64::from(y)),
                    K * 0.7 * (f64::from(y) + 0.07 * f64::from(x)),
                )
            })
            .collect();
        force(&mut pos, &local_edges);
        remove_overlaps(&mut pos, &local_extents);
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for (p, e) in pos.iter().zip(&local_extents) {
            bbox[0] = bbox[0].min(p.0 - e.half_width);
            bbox[1] = bbox[1].min(p.1 - e.above - 24.0);
            bbox[2] = bbox[2].max(p.0 + e.half_width);
            bbox[3] = bbox[3].max(p.1 + e.below);
        }
        laid.push((comp, pos, bbox));
    }
    const GAP: f64 = 36.0;
    let widest = laid.iter().map(|(_, _, b)| b[2] - b[0]).fold(0.0, f64::max);
    let area: f64 = laid
        .iter()
        .map(|(_, _, b)| (b[2] - b[0] + GAP) * (b[3] - b[1] + GAP))
        .sum();
    let row_width = widest.max(area.sqrt() * 1.3);
    let mut out = vec![(0.0, 0.0); n];
    let (mut x, mut y, mut row_h) = (0.0f64, 0.0f64, 0.0f64);
    for (comp, pos, b) in laid {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_h + GAP;
            row_h = 0.0;
        }
        for (&i, p) in comp.iter().zip(pos) {
            out[i] = (p.0 - b[0] + x, p.1 - b[1] + y);
        }
        x += w + GAP;
        row_h = row_h.max(h);
    }
    Placement {
        pos: out,
        circle_radius: None,
    }
}

/// The cells of a square spiral around (0, 0): (0,0), (1,0), (1,1), (0,1), (-1,1), …
fn square_spiral() -> impl Iterator<Item = (i32, i32)> {
    let (mut x, mut y, mut dir, mut run, mut left, mut turns) = (0i32, 0i32, 0usize, 1i32, 1i32, 0u32);
    std::iter::from_fn(move || {
        let cell = (x, y);
        let (dx, dy) = [(1, 0), (0, 1), (-1, 0), (0, -1)][dir];
        x += dx;
        y += dy;
        left -= 1;
        if left == 0 {
            dir = (dir + 1) % 4;
            turns += 1;
            if turns % 2 == 0 {
                run += 1;
            }
            left = run;
        }
        Some(cell)
    })
}

/// Connected components, each in breadth-first order from its highest-degree node,
/// largest first, ties by index.
fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(s, t) in edges {
        if s < n && t < n && s != t {
            adj[s].push(t);
            adj[t].push(s);
        }
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }
    let mut seen = vec![false; n];
    let mut components: Vec<Vec<usize>> = Vec::new();
    let mut starts: Vec<usize> = (0..n).collect();
    starts.sort_by(|&a, &b| adj[b].len().cmp(&adj[a].len()).then(a.cmp(&b)));
    for start in starts {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut comp = Vec::new();
        let mut queue = VecDeque::from([start]);
        while let Some(i) = queue.pop_front() {
            comp.push(i);
            for &j in &adj[i] {
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        components.push(comp);
    }
    components.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    components
}

fn circle(order: &[usize]) -> Placement {
    let n = order.len();
    let radius = (n as f64 * 16.0 / std::f64::consts::TAU).max(200.0);
    let mut pos = vec![(0.0, 0.0); n];
    for (rank, &i) in order.iter().enumerate() {
        let a = std::f64::consts::TAU * rank as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        pos[i] = (radius * a.cos(), radius * a.sin());
    }
    Placement {
        pos,
        circle_radius: Some(radius),
    }
}

/// Fruchterman–Reingold with gravity towards the origin, linear cooling.
fn force(pos: &mut [(f64, f64)], edges: &[(usize, usize)]) {
    let n = pos.len();
    if n < 2 {
        return;
    }
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for it in 0..ITERATIONS {
        let temp = K * 2.0 * (1.0 - it as f64 / ITERATIONS as f64) + 0.5;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = K * K / d2; // (k²/d) / d, times (dx, dy)
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(s, t) in edges {
            if s == t || s >= n || t >= n {
                continue;
            }
            let (dx, dy) = (pos[s].0 - pos[t].0, pos[s].1 - pos[t].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / K; // (d²/k) / d
            disp[s].0 -= dx * f;
            disp[s].1 -= dy * f;
            disp[t].0 += dx * f;
            disp[t].1 += dy * f;
        }
        for i in 0..n {
            disp[i].0 -= pos[i].0 * 0.04;
            disp[i].1 -= pos[i].1 * 0.04;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1).sqrt();
            if len > 0.0 {
                let step = len.min(temp) / len;
                pos[i].0 += disp[i].0 * step;
                pos[i].1 += disp[i].1 * step;
            }
        }
    }
}

/// Push apart nodes whose boxes (label included, plus a margin) overlap, along the axis
/// of least overlap, for a bounded number of rounds.
fn remove_overlaps(pos: &mut [(f64, f64)], extents: &[Extent]) {
    const MARGIN: f64 = 6.0;
    let n = pos.len().min(extents.len());
    for _ in 0..300 {
        let mut moved = false;
        for i in 0..n {
            for j in (i + 1)..n {
                let (a, b) = (extents[i], extents[j]);
                let dx = pos[j].0 - pos[i].0;
                let ox = a.half_width + b.half_width + MARGIN - dx.abs();
                if ox <= 0.0 {
                    continue;
                }
                // Vertical: j's top vs i's bottom when j is below, and vice versa.
                let dy = pos[j].1 - pos[i].1;
                let oy = if dy >= 0.0 {
                    a.below + b.above + MARGIN - dy
                } else {
                    b.below + a.above + MARGIN + dy
                };
                if oy <= 0.0 {
                    continue;
                }
                moved = true;
                if ox < oy {
                    let s = if dx > 0.0 || (dx == 0.0 && i < j) { 1.0 } else { -1.0 };
                    pos[i].0 -= s * ox / 2.0;
                    pos[j].0 += s * ox / 2.0;
                } else {
                    let s = if dy >= 0.0 { 1.0 } else { -1.0 };
                    pos[i].1 -= s * oy / 2.0;
                    pos[j].1 += s * oy / 2.0;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext() -> Extent {
        Extent {
            half_width: 40.0,
            above: 8.0,
            below: 22.0,
        }
    }

    #[test]
    fn deterministic_and_without_label_overlaps() {
        let n = 30;
        let edges: Vec<(usize, usize)> = (1..n)
            .map(|i| (i, (i * 7) % i.max(1)))
            .chain([(0, 5), (3, 9)])
            .collect();
        let extents = vec![ext(); n];
        let a = layout(n, &edges, &extents);
        let b = layout(n, &edges, &extents);
        assert_eq!(a, b);
        assert!(a.circle_radius.is_none());
        for i in 0..n {
            for j in (i + 1)..n {
                let (p, q) = (a.pos[i], a.pos[j]);
                let overlap_x = (p.0 - q.0).abs() < 80.0;
                let overlap_y = if q.1 >= p.1 { q.1 - p.1 < 30.0 } else { p.1 - q.1 < 30.0 };
                assert!(!(overlap_x && overlap_y), "{i} and {j} overlap: {p:?} {q:?}");
            }
        }
        assert!(a.pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
    }

    #[test]
    fn large_graphs_go_on_a_circle() {
        let n = FORCE_LIMIT + 1;
        let p = layout(n, &[(0, 1)], &vec![ext(); n]);
        assert!(p.circle_radius.is_some());
        assert_eq!(p.pos.len(), n);
    }

    #[test]
    fn tiny_graphs() {
        assert!(layout(0, &[], &[]).pos.is_empty());
        assert_eq!(layout(1, &[], &[ext()]).pos.len(), 1);
    }
}
