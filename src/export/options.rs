//! What the user can ask of an export: how deals are drawn, which types and statuses to
//! keep, a minimum confidence, a neighbourhood around one entity, and how edge direction
//! is marked up in GraphML/GEXF. `build_graph` reads these; the CLI fills them from flags.

/// How a deal appears in the exported graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DealsAs {
    /// One edge subject → object per deal (the default).
    #[default]
    Edges,
    /// One node per deal (type `Deal`), linked to each party by an edge whose `role`
    /// attribute is that party's role.
    Nodes,
}

/// How GraphML and GEXF mark the symmetric relations (merger, partnership).
///
/// networkx refuses a GraphML file whose `edgedefault="directed"` graph has an edge with
/// `directed="false"` ("directed=false edge found in directed graph"), and likewise a GEXF
/// edge `type="undirected"` in a directed graph; graphology-graphml and igraph ignore the
/// per-edge attribute. So the default keeps every edge directed in the XML markup and
/// records the symmetry in a boolean `directed` data attribute, which every reader keeps.
/// `Mixed` writes the per-edge markup (`directed="false"` / `type="undirected"`) that
/// Gephi and yEd honour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgeMarkup {
    /// All edges directed in the markup; a `directed` boolean attribute says which are not.
    #[default]
    Uniform,
    /// Per-edge `directed="false"` (GraphML) / `type="undirected"` (GEXF) for symmetric
    /// relations. Not readable by networkx.
    Mixed,
}

/// Filters and shape of an export. `Default` keeps everything, deals as edges.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    pub deals_as: DealsAs,
    /// Keep only these types, case-insensitive. A value is either an entity type
    /// (`organization`, `person`: filters nodes) or a relation type (`acquisition`,
    /// `ceo_of`, …: filters edges); each kind of filter applies only if given.
    pub types: Option<Vec<String>>,
    /// Keep only relations with one of these statuses, case-insensitive. Relations
    /// without a status (roles) are dropped when this is given.
    pub status: Option<Vec<String>>,
    /// Keep only the neighbourhood of the entity whose label or id matches this,
    /// case-insensitive (all matching entities if several share the label).
    pub around: Option<String>,
    /// Radius of the `around` neighbourhood, in relation hops (deals count as one hop
    /// even with `DealsAs::Nodes`).
    pub depth: usize,
    /// Drop relations whose confidence is below this, in [0, 1].
    pub min_confidence: f64,
    /// How GraphML/GEXF mark symmetric relations.
    pub edge_markup: EdgeMarkup,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            deals_as: DealsAs::Edges,
            types: None,
            status: None,
            around: None,
            depth: 1,
            min_confidence: 0.0,
            edge_markup: EdgeMarkup::Uniform,
        }
    }
}
