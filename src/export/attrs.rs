//! The typed attribute table shared by the tabular writers (GraphML, GEXF, CSV): which
//! node and edge attributes exist, their types, and each one's value on a node or edge,
//! so every format declares and fills the same columns.

use super::escape;
use super::graph::{EdgeData, ExportGraph, NodeData};

/// Type of an attribute, named as GraphML (`attr.type`) and GEXF spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    Str,
    Int,
    Double,
    Bool,
}

impl AttrType {
    pub fn graphml(self) -> &'static str {
        match self {
            AttrType::Str => "string",
            AttrType::Int => "int",
            AttrType::Double => "double",
            AttrType::Bool => "boolean",
        }
    }

    pub fn gexf(self) -> &'static str {
        match self {
            AttrType::Str => "string",
            AttrType::Int => "integer",
            AttrType::Double => "double",
            AttrType::Bool => "boolean",
        }
    }
}

/// One declared attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttrSpec {
    pub name: &'static str,
    pub ty: AttrType,
}

const fn spec(name: &'static str, ty: AttrType) -> AttrSpec {
    AttrSpec { name, ty }
}

/// Attributes of a deal, on deal nodes and on edges.
const DEAL_SPECS: &[AttrSpec] = &[
    spec("relation", AttrType::Str),
    spec("status", AttrType::Str),
    spec("amount_value", AttrType::Double),
    spec("amount_currency", AttrType::Str),
    spec("amount_text", AttrType::Str),
    spec("first_date", AttrType::Str),
    spec("last_date", AttrType::Str),
    spec("confidence", AttrType::Double),
    spec("n_sources", AttrType::Int),
    spec("evidence", AttrType::Str),
];

/// A value ready to print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Str(&'a str),
    Int(u64),
    Double(f64),
    Bool(bool),
}

impl Value<'_> {
    /// The text of the value; None for a non-finite double (then omitted).
    pub fn render(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some((*s).to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Double(f) => escape::float(*f),
            Value::Bool(b) => Some(b.to_string()),
        }
    }
}

/// Node attributes, `label` included; the deal attributes only if the graph has deal nodes.
pub fn node_specs(graph: &ExportGraph) -> Vec<AttrSpec> {
    let mut v = vec![
        spec("label", AttrType::Str),
        spec("type", AttrType::Str),
        spec("wikidata", AttrType::Str),
        spec("degree", AttrType::Int),
        spec("n_documents", AttrType::Int),
    ];
    if graph.has_deal_nodes() {
        v.extend_from_slice(DEAL_SPECS);
    }
    v
}

/// Edge attributes; `directed` (boolean) only if asked for.
pub fn edge_specs(with_directed: bool) -> Vec<AttrSpec> {
    let mut v = DEAL_SPECS.to_vec();
    v.push(spec("role", AttrType::Str));
    if with_directed {
        v.push(spec("directed", AttrType::Bool));
    }
    v
}

/// The value of attribute `name` on a node, None if absent.
pub fn node_value<'a>(n: &'a NodeData, name: &str) -> Option<Value<'a>> {
    match name {
        "label" => Some(Value::Str(&n.label)),
        "type" => Some(Value::Str(&n.kind)),
        "wikidata" => n.wikidata.as_deref().map(Value::Str),
        "degree" => Some(Value::Int(n.degree as u64)),
        "n_documents" => n.n_documents.map(|d| Value::Int(u64::from(d))),
        _ => {
            let d = n.deal.as_ref()?;
            deal_value(
                name,
                &d.relation,
                d.status.as_deref(),
                d.amount_value,
                d.amount_currency.as_deref(),
                d.amount_text.as_deref(),
                d.first_date.as_deref(),
                d.last_date.as_deref(),
                d.confidence,
                d.n_sources,
                d.evidence.as_deref(),
            )
        }
    }
}

/// The value of attribute `name` on an edge, None if absent.
pub fn edge_value<'a>(e: &'a EdgeData, name: &str) -> Option<Value<'a>> {
    match name {
        "role" => e.role.as_deref().map(Value::Str),
        "directed" => Some(Value::Bool(e.directed)),
        _ => deal_value(
            name,
            &e.relation,
            e.status.as_deref(),
            e.amount_value,
            e.amount_currency.as_deref(),
            e.amount_text.as_deref(),
            e.first_date.as_deref(),
            e.last_date.as_deref(),
            e.confidence,
            e.n_sources,
            e.evidence.as_deref(),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn deal_value<'a>(
    name: &str,
    relation: &'a str,
    status: Option<&'a str>,
    amount_value: Option<f64>,
    amount_currency: Option<&'a str>,
    amount_text: Option<&'a str>,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    confidence: f64,
    n_sources: u32,
    evidence: Option<&'a str>,
) -> Option<Value<'a>> {
    match name {
        "relation" => Some(Value::Str(relation)),
        "status" => status.map(Value::Str),
        "amount_value" => amount_value.filter(|v| v.is_finite()).map(Value::Double),
        "amount_currency" => amount_currency.map(Value::Str),
        "amount_text" => amount_text.map(Value::Str),
        "first_date" => first_date.map(Value::Str),
        "last_date" => last_date.map(Value::Str),
        "confidence" => Some(confidence).filter(|v| v.is_finite()).map(Value::Double),
        "n_sources" => Some(Value::Int(u64::from(n_sources))),
        "evidence" => evidence.map(Value::Str),
        _ => None,
    }
}
