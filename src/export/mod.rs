//! Export of the graph for visualisation tools: GraphML, GEXF, DOT, CSV, HTML and SVG.
//!
//! The store (or any other producer) hands over a [`GraphInput`]: the entities and the
//! consolidated deals/roles between them. This module turns it into a `petgraph` graph
//! (applying the user's filters) and writes it in the chosen format. Nothing here knows
//! about Oxigraph, so the writers are testable on hand-made inputs.

/// One entity (organisation or person) as the store knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityNode {
    /// Stable id (the entity's IRI in the store).
    pub id: String,
    pub label: String,
    /// `Organization` or `Person`.
    pub kind: String,
    /// Wikidata Q-id, if known.
    pub wikidata: Option<String>,
    /// Number of documents that mention the entity.
    pub n_documents: u32,
}

/// One consolidated relation between two entities: a deal (acquisition, merger,
/// partnership, lawsuit, investment) or a role (ceo_of, founder_of, executive_of).
#[derive(Debug, Clone, PartialEq)]
pub struct DealEdge {
    /// Stable id (the deal's IRI in the store).
    pub id: String,
    /// Relation type as in the gold README: acquisition, merger, partnership, lawsuit,
    /// investment, ceo_of, founder_of, executive_of.
    pub relation: String,
    /// Entity id of the subject (buyer, plaintiff, investor, person; any party for the
    /// symmetric types merger and partnership).
    pub subject: String,
    /// Entity id of the object (target, defendant, investee, organisation).
    pub object: String,
    /// Role names of subject and object, e.g. ("buyer", "target"), ("party", "party").
    pub subject_role: String,
    pub object_role: String,
    /// Current status (completed/agreed/pursuing/abandoned, threatened/filed/resolved),
    /// None for types without status.
    pub status: Option<String>,
    pub amount_value: Option<f64>,
    pub amount_currency: Option<String>,
    pub amount_text: Option<String>,
    /// ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) of the first and last supporting document.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Highest confidence among the supporting mentions, in [0, 1].
    pub confidence: f64,
    /// Number of distinct supporting documents.
    pub n_sources: u32,
    /// One evidence sentence (from the most recent supporting document).
    pub evidence: Option<String>,
}

/// Everything an export needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphInput {
    pub entities: Vec<EntityNode>,
    pub deals: Vec<DealEdge>,
}

mod attrs;
mod csv_table;
mod dot;
mod error;
mod escape;
mod format;
mod gexf;
mod graph;
mod graphml;
mod html;
mod layout;
mod options;
mod style;
mod svg;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod testdata;

pub use csv_table::{csv_pair_paths, write_csv_edges, write_csv_nodes, write_csv_pair};
pub use dot::write_dot;
pub use error::ExportError;
pub use format::{write, ExportFormat};
pub use gexf::write_gexf;
pub use graph::{
    build_graph, is_symmetric, is_tentative, DealAttrs, EdgeData, ExportGraph, NodeData, KNOWN_ENTITY_TYPES,
    KNOWN_RELATIONS, KNOWN_STATUSES,
};
pub use graphml::write_graphml;
pub use html::write_html;
pub use options::{DealsAs, EdgeMarkup, ExportOptions};
pub use svg::write_svg;
