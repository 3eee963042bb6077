//! The filtered export graph: `build_graph` turns a [`GraphInput`] and the user's
//! [`ExportOptions`] into a `petgraph` graph with the node and edge attributes every
//! writer needs, in a deterministic order (nodes by id, edges by source, target,
//! relation, id), so that the same input always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::error::ExportError;
use super::options::{DealsAs, EdgeMarkup, ExportOptions};
use super::{DealEdge, EntityNode, GraphInput};

/// Relation types the extractor produces (the gold README's list).
pub const KNOWN_RELATIONS: &[&str] = &[
    "acquisition",
    "merger",
    "partnership",
    "lawsuit",
    "investment",
    "ceo_of",
    "founder_of",
    "executive_of",
];

/// Entity types the extractor produces.
pub const KNOWN_ENTITY_TYPES: &[&str] = &["Organization", "Person"];

/// Statuses a deal or lawsuit can have.
pub const KNOWN_STATUSES: &[&str] = &[
    "completed",
    "agreed",
    "pursuing",
    "abandoned",
    "threatened",
    "filed",
    "resolved",
];

/// Node type of a deal drawn as a node.
pub const DEAL_TYPE: &str = "Deal";

/// Whether a relation has no direction (any party may be the subject).
pub fn is_symmetric(relation: &str) -> bool {
    matches!(relation, "merger" | "partnership")
}

/// Whether a status marks a deal that has not (or not yet) happened: drawn dashed.
pub fn is_tentative(status: Option<&str>) -> bool {
    matches!(status, Some("pursuing" | "abandoned"))
}

/// The attributes of a deal, carried by a deal node (`DealsAs::Nodes`).
#[derive(Debug, Clone, PartialEq)]
pub struct DealAttrs {
    pub relation: String,
    pub status: Option<String>,
    pub amount_value: Option<f64>,
    pub amount_currency: Option<String>,
    pub amount_text: Option<String>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub confidence: f64,
    pub n_sources: u32,
    pub evidence: Option<String>,
}

/// One node of the export: an entity, or a deal with `DealsAs::Nodes`.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    pub id: String,
    pub label: String,
    /// `Organization`, `Person` or `Deal`.
    pub kind: String,
    pub wikidata: Option<String>,
    /// Number of incident edges in the exported (filtered) graph; a self-loop counts twice.
    pub degree: usize,
    /// Documents mentioning the entity; for a deal node, its supporting documents.
    pub n_documents: Option<u32>,
    /// Set on deal nodes only.
    pub deal: Option<DealAttrs>,
}

/// One edge of the export: a whole deal/role (`DealsAs::Edges`) or the link between a
/// deal node and one party (`DealsAs::Nodes`, with `role` set).
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    /// Unique within the graph.
    pub id: String,
    pub relation: String,
    pub status: Option<String>,
    pub amount_value: Option<f64>,
    pub amount_currency: Option<String>,
    pub amount_text: Option<String>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub confidence: f64,
    pub n_sources: u32,
    pub evidence: Option<String>,
    /// The party's role (buyer, target, plaintiff, party, …) on a deal-node edge.
    pub role: Option<String>,
    /// False for the symmetric relations (merger, partnership).
    pub directed: bool,
}

impl EdgeData {
    /// A short human label: the relation, with the status in parentheses if any.
    pub fn label(&self) -> String {
        match &self.status {
            Some(s) => format!("{} ({s})", self.relation),
            None => self.relation.clone(),
        }
    }
}

/// The graph handed to the writers.
#[derive(Debug, Clone)]
pub struct ExportGraph {
    /// Node indices follow the sorted node order, edge indices the sorted edge order.
    pub graph: DiGraph<NodeData, EdgeData>,
    /// How GraphML/GEXF mark symmetric edges.
    pub edge_markup: EdgeMarkup,
    /// One line saying which filters made this graph (empty if none), for titles.
    pub description: String,
    /// Input relations dropped because an endpoint is not among the input entities.
    pub dangling_edges: usize,
}

impl ExportGraph {
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Nodes in their deterministic order.
    pub fn nodes(&self) -> impl Iterator<Item = &NodeData> {
        self.graph.node_indices().map(move |i| &self.graph[i])
    }

    /// Edges in their deterministic order, with their endpoints.
    pub fn edges(&self) -> impl Iterator<Item = (&NodeData, &NodeData, &EdgeData)> {
        self.graph
            .edge_references()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// Edges as (source index, target index, data), indices into [`Self::nodes`] order.
    pub fn indexed_edges(&self) -> impl Iterator<Item = (usize, usize, &EdgeData)> {
        self.graph
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), e.weight()))
    }

    /// Node types present, in a stable order (Organization, Person, Deal, then others
    /// alphabetically).
    pub fn node_types(&self) -> Vec<String> {
        let present: BTreeSet<&str> = self.nodes().map(|n| n.kind.as_str()).collect();
        order_known(&present, &["Organization", "Person", DEAL_TYPE])
    }

    /// Relations present, in a stable order (the known list, then others alphabetically).
    pub fn relations(&self) -> Vec<String> {
        let mut present: BTreeSet<&str> = self.edges().map(|(_, _, e)| e.relation.as_str()).collect();
        present.extend(
            self.nodes()
                .filter_map(|n| n.deal.as_ref().map(|d| d.relation.as_str())),
        );
        order_known(&present, KNOWN_RELATIONS)
    }

    /// Whether any edge (or deal node) has a tentative status.
    pub fn has_tentative(&self) -> bool {
        self.edges().any(|(_, _, e)| is_tentative(e.status.as_deref()))
    }

    /// Whether any node is a deal node.
    pub fn has_deal_nodes(&self) -> bool {
        self.nodes().any(|n| n.deal.is_some())
    }
}

fn order_known(present: &BTreeSet<&str>, known: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = known
        .iter()
        .filter(|k| present.contains(**k))
        .map(|k| (*k).to_string())
        .collect();
    out.extend(present.iter().filter(|p| !known.contains(*p)).map(|p| (*p).to_string()));
    out
}

/// Build the export graph: apply the filters of `opts` to `input` and compute degrees.
pub fn build_graph(input: &GraphInput, opts: &ExportOptions) -> Result<ExportGraph, ExportError> {
    if !(0.0..=1.0).contains(&opts.min_confidence) {
        return Err(ExportError::InvalidConfidence(opts.min_confidence));
    }
    let type_filter = TypeFilter::parse(input, opts.types.as_deref())?;
    let status_filter = parse_statuses(input, opts.status.as_deref())?;

    // Entities, sorted by id with a total tie-break, first of each id kept.
    let mut entities: Vec<&EntityNode> = input.entities.iter().collect();
    entities.sort_by(|a, b| {
        (&a.id, &a.label, &a.kind, &a.wikidata, a.n_documents).cmp(&(
            &b.id,
            &b.label,
            &b.kind,
            &b.wikidata,
            b.n_documents,
        ))
    });
    entities.dedup_by(|b, a| a.id == b.id);
    let known_ids: BTreeSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    let kept_entities: BTreeMap<&str, &EntityNode> = entities
        .iter()
        .filter(|e| type_filter.keeps_kind(&e.kind))
        .map(|e| (e.id.as_str(), *e))
        .collect();

    // Relations passing the edge filters, with both endpoints kept.
    let mut dangling = 0;
    let mut deals: Vec<&DealEdge> = Vec::new();
    for d in &input.deals {
        if !known_ids.contains(d.subject.as_str()) || !known_ids.contains(d.object.as_str()) {
            dangling += 1;
            continue;
        }
        let keep = kept_entities.contains_key(d.subject.as_str())
            && kept_entities.contains_key(d.object.as_str())
            && type_filter.keeps_relation(&d.relation)
            && status_filter
                .as_ref()
                .is_none_or(|set| d.status.as_ref().is_some_and(|s| set.contains(&s.to_lowercase())))
            && (opts.min_confidence <= 0.0 || d.confidence >= opts.min_confidence);
        if keep {
            deals.push(d);
        }
    }

    // Neighbourhood.
    let mut node_ids: BTreeSet<&str> = kept_entities.keys().copied().collect();
    let description = describe(opts);
    if let Some(name) = &opts.around {
        let seeds = match_entities(&entities, name)?;
        let seeds: Vec<&str> = seeds.into_iter().filter(|s| kept_entities.contains_key(s)).collect();
        if seeds.is_empty() {
            return Err(ExportError::EntityFilteredOut { name: name.clone() });
        }
        node_ids = neighbourhood(&seeds, &deals, opts.depth);
        deals.retain(|d| node_ids.contains(d.subject.as_str()) && node_ids.contains(d.object.as_str()));
    }

    let mut graph = DiGraph::new();
    match opts.deals_as {
        DealsAs::Edges => {
            let nodes: Vec<NodeData> = node_ids
                .iter()
                .filter_map(|id| kept_entities.get(id))
                .map(|e| entity_node(e))
                .collect();
            let mut edges: Vec<(String, String, EdgeData)> = deals
                .iter()
                .map(|d| (d.subject.clone(), d.object.clone(), deal_edge(d)))
                .collect();
            assemble(&mut graph, nodes, &mut edges);
        }
        DealsAs::Nodes => {
            let mut nodes: Vec<NodeData> = node_ids
                .iter()
                .filter_map(|id| kept_entities.get(id))
                .map(|e| entity_node(e))
                .collect();
            let mut edges = Vec::new();
            let mut deal_ids: BTreeSet<String> = nodes.iter().map(|n| n.id.clone()).collect();
            for d in &deals {
                let deal_id = unique_id(&mut deal_ids, &d.id);
                let label_of = |id: &str| {
                    kept_entities
                        .get(id)
                        .map_or_else(|| id.to_string(), |e| e.label.clone())
                };
                let arrow = if is_symmetric(&d.relation) { "↔" } else { "→" };
                nodes.push(NodeData {
                    id: deal_id.clone(),
                    label: format!(
                        "{}: {} {arrow} {}",
                        d.relation,
                        label_of(&d.subject),
                        label_of(&d.object)
                    ),
                    kind: DEAL_TYPE.to_string(),
                    wikidata: None,
                    degree: 0,
                    n_documents: Some(d.n_sources),
                    deal: Some(deal_attrs(d)),
                });
                let party = |role: &str, suffix: &str| EdgeData {
                    id: format!("{deal_id}#{suffix}"),
                    role: Some(role.to_string()),
                    amount_value: None,
                    amount_currency: None,
                    amount_text: None,
                    evidence: None,
                    ..deal_edge(d)
                };
                edges.push((d.subject.clone(), deal_id.clone(), party(&d.subject_role, "subject")));
                edges.push((deal_id.clone(), d.object.clone(), party(&d.object_role, "object")));
            }
            nodes.sort_by(|a, b| a.id.cmp(&b.id));
            assemble(&mut graph, nodes, &mut edges);
        }
    }
    Ok(ExportGraph {
        graph,
        edge_markup: opts.edge_markup,
        description,
        dangling_edges: dangling,
    })
}

/// Add sorted nodes and edges (edges sorted here; ids made unique) and set degrees.
fn assemble(graph: &mut DiGraph<NodeData, EdgeData>, nodes: Vec<NodeData>, edges: &mut [(String, String, EdgeData)]) {
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    for n in nodes {
        let id = n.id.clone();
        let ix = graph.add_node(n);
        index.insert(id, ix);
    }
    edges.sort_by(|a, b| {
        (&a.0, &a.1, &a.2.relation, &a.2.id, &a.2.role).cmp(&(&b.0, &b.1, &b.2.relation, &b.2.id, &b.2.role))
    });
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (s, t, e) in edges.iter() {
        let (Some(&si), Some(&ti)) = (index.get(s), index.get(t)) else {
            continue;
        };
        let mut e = e.clone();
        e.id = unique_id(&mut seen, &e.id);
        graph.add_edge(si, ti, e);
        graph[si].degree += 1;
        graph[ti].degree += 1;
    }
}

/// `base`, or `base#2`, `base#3`, … whichever is not yet in `seen`; records it.
fn unique_id(seen: &mut BTreeSet<String>, base: &str) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while seen.contains(&id) {
        id = format!("{base}#{n}");
        n += 1;
    }
    seen.insert(id.clone());
    id
}

fn entity_node(e: &EntityNode) -> NodeData {
    NodeData {
        id: e.id.clone(),
        label: e.label.clone(),
        kind: e.kind.clone(),
        wikidata: e.wikidata.clone(),
        degree: 0,
        n_documents: Some(e.n_documents),
        deal: None,
    }
}

fn deal_attrs(d: &DealEdge) -> DealAttrs {
    DealAttrs {
        relation: d.relation.clone(),
        status: d.status.clone(),
        amount_value: d.amount_value,
        amount_currency: d.amount_currency.clone(),
        amount_text: d.amount_text.clone(),
        first_date: d.first_date.clone(),
        last_date: d.last_date.clone(),
        confidence: d.confidence,
        n_sources: d.n_sources,
        evidence: d.evidence.clone(),
    }
}

fn deal_edge(d: &DealEdge) -> EdgeData {
    EdgeData {
        id: d.id.clone(),
        relation: d.relation.clone(),
        status: d.status.clone(),
        amount_value: d.amount_value,
        amount_currency: d.amount_currency.clone(),
        amount_text: d.amount_text.clone(),
        first_date: d.first_date.clone(),
        last_date: d.last_date.clone(),
        confidence: d.confidence,
        n_sources: d.n_sources,
        evidence: d.evidence.clone(),
        role: None,
        directed: !is_symmetric(&d.relation),
    }
}

/// The parsed `--types` filter: entity kinds and relation types, lowercase.
struct TypeFilter {
    kinds: Option<BTreeSet<String>>,
    relations: Option<BTreeSet<String>>,
}

impl TypeFilter {
    fn parse(input: &GraphInput, types: Option<&[String]>) -> Result<Self, ExportError> {
        let Some(types) = types else {
            return Ok(TypeFilter {
                kinds: None,
                relations: None,
            });
        };
        let mut kind_names: BTreeSet<String> = KNOWN_ENTITY_TYPES.iter().map(|k| k.to_lowercase()).collect();
        kind_names.extend(input.entities.iter().map(|e| e.kind.to_lowercase()));
        let mut rel_names: BTreeSet<String> = KNOWN_RELATIONS.iter().map(|r| r.to_string()).collect();
        rel_names.extend(input.deals.iter().map(|d| d.relation.to_lowercase()));
        let (mut kinds, mut relations) = (BTreeSet::new(), BTreeSet::new());
        for t in types {
            let t = t.trim().to_lowercase();
            if kind_names.contains(&t) {
                kinds.insert(t);
            } else if rel_names.contains(&t) {
                relations.insert(t);
            } else {
                let valid = kind_names.iter().chain(rel_names.iter()).cloned().collect();
                return Err(ExportError::UnknownType { name: t, valid });
            }
        }
        Ok(TypeFilter {
            kinds: (!kinds.is_empty()).then_some(kinds),
            relations: (!relations.is_empty()).then_some(relations),
        })
    }

    fn keeps_kind(&self, kind: &str) -> bool {
        self.kinds.as_ref().is_none_or(|k| k.contains(&kind.to_lowercase()))
    }

    fn keeps_relation(&self, relation: &str) -> bool {
        self.relations
            .as_ref()
            .is_none_or(|r| r.contains(&relation.to_lowercase()))
    }
}

fn parse_statuses(input: &GraphInput, status: Option<&[String]>) -> Result<Option<BTreeSet<String>>, ExportError> {
    let Some(status) = status else { return Ok(None) };
    let mut valid: BTreeSet<String> = KNOWN_STATUSES.iter().map(|s| s.to_string()).collect();
    valid.extend(
        input
            .deals
            .iter()
            .filter_map(|d| d.status.as_ref().map(|s| s.to_lowercase())),
    );
    let mut out = BTreeSet::new();
    for s in status {
        let s = s.trim().to_lowercase();
        if !valid.contains(&s) {
            return Err(ExportError::UnknownStatus {
                name: s,
                valid: valid.into_iter().collect(),
            });
        }
        out.insert(s);
    }
    Ok(Some(out))
}

/// Ids of the entities whose label or id equals `name`, ignoring case.
fn match_entities<'a>(entities: &[&'a EntityNode], name: &str) -> Result<Vec<&'a str>, ExportError> {
    let wanted = name.trim().to_lowercase();
    let hits: Vec<&str> = entities
        .iter()
        .filter(|e| e.label.to_lowercase() == wanted || e.id.to_lowercase() == wanted)
        .map(|e| e.id.as_str())
        .collect();
    if hits.is_empty() {
        return Err(ExportError::UnknownEntity {
            name: name.to_string(),
            suggestions: suggest(entities, &wanted),
        });
    }
    Ok(hits)
}

/// Up to five labels close to `wanted` (lowercase): containing it or contained in it
/// first, then by edit distance.
fn suggest(entities: &[&EntityNode], wanted: &str) -> Vec<String> {
    let w: Vec<char> = wanted.chars().collect();
    if w.is_empty() {
        return Vec::new();
    }
    let max_dist = (w.len() / 3).max(2);
    let mut scored: BTreeSet<(usize, String)> = BTreeSet::new();
    for e in entities {
        let l = e.label.to_lowercase();
        let score = if l.contains(wanted) || (l.chars().count() >= 3 && wanted.contains(&l)) {
            0
        } else {
            let lc: Vec<char> = l.chars().take(w.len() + max_dist + 1).collect();
            let d = levenshtein(&w, &lc);
            if d > max_dist || l.chars().count() > w.len() + max_dist {
                continue;
            }
            d
        };
        scored.insert((score, e.label.clone()));
    }
    let mut out: Vec<String> = Vec::new();
    for (_, label) in scored {
        if !out.contains(&label) {
            out.push(label);
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Entities within `depth` undirected hops of the seeds over the kept relations.
fn neighbourhood<'a>(seeds: &[&'a str], deals: &[&'a DealEdge], depth: usize) -> BTreeSet<&'a str> {
    let mut adj: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in deals {
        adj.entry(d.subject.as_str()).or_default().push(d.object.as_str());
        adj.entry(d.object.as_str()).or_default().push(d.subject.as_str());
    }
    let mut seen: BTreeSet<&str> = seeds.iter().copied().collect();
    let mut queue: VecDeque<(&str, usize)> = seeds.iter().map(|s| (*s, 0)).collect();
    while let Some((id, dist)) = queue.pop_front() {
        if dist == depth {
            continue;
        }
        for next in adj.get(id).into_iter().flatten() {
            if seen.insert(next) {
                queue.push_back((next, dist + 1));
            }
        }
    }
    seen
}

fn describe(opts: &ExportOptions) -> String {
    let mut parts = Vec::new();
    if let Some(name) = &opts.around {
        parts.push(format!("around \"{name}\" (depth {})", opts.depth));
    }
    if let Some(t) = &opts.types {
        parts.push(format!("types {}", t.join(", ")));
    }
    if let Some(s) = &opts.status {
        parts.push(format!("status {}", s.join(", ")));
    }
    if opts.min_confidence > 0.0 {
        parts.push(format!("confidence ≥ {}", opts.min_confidence));
    }
    if opts.deals_as == DealsAs::Nodes {
        parts.push("deals as nodes".to_string());
    }
    parts.join("; ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::{deal, entity, sample_input};

    fn labels(g: &ExportGraph) -> Vec<String> {
        g.nodes().map(|n| n.label.clone()).collect()
    }

    #[test]
    fn default_keeps_everything_sorted_with_degrees() {
        let input = sample_input();
        let g = build_graph(&input, &ExportOptions::default()).unwrap();
        assert_eq!(g.node_count(), input.entities.len());
        assert_eq!(g.edge_count(), input.deals.len());
        let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        let keys: Vec<(String, String, String, String)> = g
            .edges()
            .map(|(s, t, e)| (s.id.clone(), t.id.clone(), e.relation.clone(), e.id.clone()))
            .collect();
        let mut sk = keys.clone();
        sk.sort();
        assert_eq!(keys, sk);
        for n in g.nodes() {
            let deg =
                g.edges().filter(|(s, _, _)| s.id == n.id).count() + g.edges().filter(|(_, t, _)| t.id == n.id).count();
            assert_eq!(n.degree, deg, "{}", n.id);
        }
        // The isolated entity is still there.
        assert!(g.nodes().any(|n| n.label == "Lonely B.V." && n.degree == 0));
    }

    #[test]
    fn input_order_does_not_matter() {
        let input = sample_input();
        let mut rev = input.clone();
        rev.entities.reverse();
        rev.deals.reverse();
        let a = build_graph(&input, &ExportOptions::default()).unwrap();
        let b = build_graph(&rev, &ExportOptions::default()).unwrap();
        assert_eq!(format!("{:?}", a.graph), format!("{:?}", b.graph));
    }

    #[test]
    fn symmetric_relations_are_undirected() {
        let g = build_graph(&sample_input(), &ExportOptions::default()).unwrap();
        for (_, _, e) in g.edges() {
            assert_eq!(
                e.directed,
                !matches!(e.relation.as_str(), "merger" | "partnership"),
                "{}",
                e.relation
            );
        }
        assert!(g.edges().any(|(_, _, e)| !e.directed));
    }

    #[test]
    fn type_filter_on_relations_and_kinds() {
        let input = sample_input();
        let opts = ExportOptions {
            types: Some(vec!["Acquisition".into()]),
            ..Default::default()
        };
        let g = build_graph(&input, &opts).unwrap();
        assert!(g.edge_count() > 0);
        assert!(g.edges().all(|(_, _, e)| e.relation == "acquisition"));
        // Entities without a kept edge are still listed.
        assert_eq!(g.node_count(), input.entities.len());

        let opts = ExportOptions {
            types: Some(vec!["organization".into()]),
            ..Default::default()
        };
        let g = build_graph(&input, &opts).unwrap();
        assert!(g.nodes().all(|n| n.kind == "Organization"));
        assert!(g
            .edges()
            .all(|(s, t, _)| s.kind == "Organization" && t.kind == "Organization"));

        let opts = ExportOptions {
            types: Some(vec!["takeover".into()]),
            ..Default::default()
        };
        let err = build_graph(&input, &opts).unwrap_err();
        assert!(matches!(err, ExportError::UnknownType { .. }));
        assert!(err.to_string().contains("acquisition"), "{err}");
    }

    #[test]
    fn status_filter_drops_statusless_relations() {
        let input = sample_input();
        let opts = ExportOptions {
            status: Some(vec!["COMPLETED".into()]),
            ..Default::default()
        };
        let g = build_graph(&input, &opts).unwrap();
        assert!(g.edge_count() > 0);
        assert!(g.edges().all(|(_, _, e)| e.status.as_deref() == Some("completed")));
        let opts = ExportOptions {
            status: Some(vec!["done".into()]),
            ..Default::default()
        };
        assert!(matches!(
            build_graph(&input, &opts),
            Err(ExportError::UnknownStatus { .. })
        ));
    }

    #[test]
    fn min_confidence_filter() {
        let input = sample_input();
        let opts = ExportOptions {
            min_confidence: 0.8,
            ..Default::default()
        };
        let g = build_graph(&input, &opts).unwrap();
        assert!(g.edge_count() < input.deals.len());
        assert!(g.edges().all(|(_, _, e)| e.confidence >= 0.8));
        let opts = ExportOptions {
            min_confidence: 1.5,
            ..Default::default()
        };
        assert!(matches!(
            build_graph(&input, &opts),
            Err(ExportError::InvalidConfidence(_))
        ));
        let opts = ExportOptions {
            min_confidence: f64::NAN,
            ..Default::default()
        };
        assert!(matches!(
            build_graph(&input, &opts),
            Err(ExportError::InvalidConfidence(_))
        ));
    }

    #[test]
    fn around_depth() {
        let input = GraphInput {
            entities: vec![
                entity("a", "Alpha", "Organization"),
                entity("b", "Beta", "Organization"),
                entity("c", "Gamma", "Organization"),
                entity("d", "Delta", "Organization"),
                entity("x", "Xeno", "Organization"),
            ],
            deals: vec![
                deal("d1", "acquisition", "a", "b", Some("completed"), 0.9),
                deal("d2", "partnership", "c", "b", Some("agreed"), 0.9),
                deal("d3", "lawsuit", "c", "d", Some("filed"), 0.9),
            ],
        };
        let around = |name: &str, depth| ExportOptions {
            around: Some(name.into()),
            depth,
            ..Default::default()
        };
        let g = build_graph(&input, &around("alpha", 1)).unwrap();
        assert_eq!(labels(&g), ["Alpha", "Beta"]);
        assert_eq!(g.edge_count(), 1);
        let g = build_graph(&input, &around("ALPHA", 2)).unwrap();
        assert_eq!(labels(&g), ["Alpha", "Beta", "Gamma"]);
        let g = build_graph(&input, &around("a", 3)).unwrap();
        assert_eq!(labels(&g), ["Alpha", "Beta", "Gamma", "Delta"]);
        assert_eq!(g.edge_count(), 3);
        let g = build_graph(&input, &around("Beta", 0)).unwrap();
        assert_eq!(labels(&g), ["Beta"]);
        assert_eq!(g.edge_count(), 0);
        // An entity without relations: just itself.
        let g = build_graph(&input, &around("xeno", 2)).unwrap();
        assert_eq!(labels(&g), ["Xeno"]);
        // Hops only over kept edges.
        let opts = ExportOptions {
            types: Some(vec!["acquisition".into(), "lawsuit".into()]),
            ..around("Alpha", 5)
        };
        let g = build_graph(&input, &opts).unwrap();
        assert_eq!(labels(&g), ["Alpha", "Beta"]);
        assert!(g.description.contains("around"));
    }

    #[test]
    fn around_unknown_name_suggests() {
        let input = sample_input();
        let opts = ExportOptions {
            around: Some("Acme Holding".into()),
            ..Default::default()
        };
        match build_graph(&input, &opts) {
            Err(ExportError::UnknownEntity { name, suggestions }) => {
                assert_eq!(name, "Acme Holding");
                assert!(
                    suggestions.iter().any(|s| s.starts_with("ACME Holdings")),
                    "{suggestions:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        let opts = ExportOptions {
            around: Some("zzzzzzzzzzzz".into()),
            ..Default::default()
        };
        match build_graph(&input, &opts) {
            Err(ExportError::UnknownEntity { suggestions, .. }) => assert!(suggestions.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn around_entity_removed_by_type_filter() {
        let input = sample_input();
        let opts = ExportOptions {
            around: Some("Jan de Vries".into()),
            types: Some(vec!["organization".into()]),
            ..Default::default()
        };
        assert!(matches!(
            build_graph(&input, &opts),
            Err(ExportError::EntityFilteredOut { .. })
        ));
    }

    #[test]
    fn deals_as_nodes() {
        let input = GraphInput {
            entities: vec![
                entity("a", "Alpha", "Organization"),
                entity("b", "Beta", "Organization"),
            ],
            deals: vec![
                deal("d1", "acquisition", "a", "b", Some("completed"), 0.9),
                deal("d2", "merger", "a", "b", Some("pursuing"), 0.5),
            ],
        };
        let g = build_graph(
            &input,
            &ExportOptions {
                deals_as: DealsAs::Nodes,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(g.node_count(), 4);
        assert_eq!(g.edge_count(), 4);
        let d1 = g.nodes().find(|n| n.id == "d1").unwrap();
        assert_eq!(d1.kind, "Deal");
        assert_eq!(d1.label, "acquisition: Alpha → Beta");
        assert_eq!(d1.degree, 2);
        assert_eq!(d1.deal.as_ref().unwrap().status.as_deref(), Some("completed"));
        let d2 = g.nodes().find(|n| n.id == "d2").unwrap();
        assert_eq!(d2.label, "merger: Alpha ↔ Beta");
        let roles: Vec<(String, String, Option<String>, bool)> = g
            .edges()
            .map(|(s, t, e)| (s.id.clone(), t.id.clone(), e.role.clone(), e.directed))
            .collect();
        assert!(roles.contains(&("a".into(), "d1".into(), Some("buyer".into()), true)));
        assert!(roles.contains(&("d1".into(), "b".into(), Some("target".into()), true)));
        assert!(roles.contains(&("a".into(), "d2".into(), Some("party".into()), false)));
        let a = g.nodes().find(|n| n.id == "a").unwrap();
        assert_eq!(a.degree, 2);
        // The around filter counts a deal as one hop in this mode too.
        let opts = ExportOptions {
            deals_as: DealsAs::Nodes,
            around: Some("alpha".into()),
            depth: 1,
            ..Default::default()
        };
        let g = build_graph(&input, &opts).unwrap();
        assert_eq!(g.node_count(), 4);
    }

    #[test]
    fn duplicate_ids_and_dangling_edges() {
        let input = GraphInput {
            entities: vec![
                entity("a", "Alpha", "Organization"),
                entity("a", "Alpha", "Organization"),
                entity("b", "Beta", "Person"),
            ],
            deals: vec![
                deal("d", "ceo_of", "b", "a", None, 0.9),
                deal("d", "founder_of", "b", "a", None, 0.9),
                deal("e", "acquisition", "a", "nowhere", None, 0.9),
            ],
        };
        let g = build_graph(&input, &ExportOptions::default()).unwrap();
        assert_eq!(g.node_count(), 2);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.dangling_edges, 1);
        let ids: Vec<&str> = g.edges().map(|(_, _, e)| e.id.as_str()).collect();
        assert_eq!(ids, ["d", "d#2"]);
    }
}
