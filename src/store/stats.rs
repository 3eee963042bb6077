//! `dealgraph stats`: what the store holds.

use super::{QueryOutcome, Result, Store};

/// Counts of the store's content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub model_version: String,
    pub documents: usize,
    /// Distinct texts among the documents (syndicated copies count once).
    pub distinct_texts: usize,
    /// (`Organization` / `Person`, distinct entities), sorted by type.
    pub entities_by_type: Vec<(String, usize)>,
    /// (relation type, current status or "" when the type has none, distinct deals or
    /// roles), sorted by type then status.
    pub relations_by_type_and_status: Vec<(String, String, usize)>,
    /// Quads in all graphs.
    pub triples: usize,
}

impl Stats {
    pub fn entities(&self) -> usize {
        self.entities_by_type.iter().map(|(_, n)| n).sum()
    }

    /// Deals (acquisition, merger, partnership, lawsuit, investment).
    pub fn deals(&self) -> usize {
        self.relations_by_type_and_status.iter().filter(|(t, ..)| !is_role(t)).map(|(.., n)| n).sum()
    }

    /// Roles (ceo_of, founder_of, executive_of).
    pub fn roles(&self) -> usize {
        self.relations_by_type_and_status.iter().filter(|(t, ..)| is_role(t)).map(|(.., n)| n).sum()
    }
}

fn is_role(relation_type: &str) -> bool {
    relation_type.parse::<crate::model::RelationType>().is_ok_and(|t| t.is_role())
}

const PROLOGUE: &str = "PREFIX dg: <https://w3id.org/dealgraph/ns#>\nPREFIX schema: <http://schema.org/>\n";

fn count(outcome: &QueryOutcome, row: usize, col: usize) -> usize {
    outcome.text_rows().get(row).and_then(|r| r.get(col)).and_then(|v| v.parse().ok()).unwrap_or(0)
}

impl Store {
    /// Counts documents, entities by type, deals and roles by type and current status,
    /// and triples. The current status comes from the summary graph (`summary.rs`), kept
    /// up to date by every write.
    pub fn stats(&self) -> Result<Stats> {
        let none = super::Params::default();
        let docs = self.query(
            &format!("{PROLOGUE}SELECT (COUNT(DISTINCT ?g) AS ?n) (COUNT(DISTINCT ?t) AS ?texts) WHERE {{ GRAPH ?g {{ ?g a dg:Document ; dg:textHash ?t }} }}"),
            &none,
            "stats",
        )?;
        let entities = self.query(
            &format!(
                "{PROLOGUE}SELECT (STRAFTER(STR(?class), str(schema:)) AS ?type) (COUNT(DISTINCT ?e) AS ?n) \
                 WHERE {{ GRAPH ?g {{ ?g dg:mentions ?e . ?e a ?class }} }} GROUP BY ?class ORDER BY ?type"
            ),
            &none,
            "stats",
        )?;
        let relations = self.query(
            &format!(
                "{PROLOGUE}SELECT ?type ?status (COUNT(DISTINCT ?deal) AS ?n) WHERE {{ \
                   GRAPH <{summary}> {{ ?deal dg:kind ?type . OPTIONAL {{ ?deal dg:currentStatus ?status }} }} \
                 }} GROUP BY ?type ?status ORDER BY ?type ?status",
                summary = super::vocab::SUMMARY_GRAPH
            ),
            &none,
            "stats",
        )?;
        let mut stats = Stats {
            model_version: self.model_version()?.unwrap_or_default(),
            documents: count(&docs, 0, 0),
            distinct_texts: count(&docs, 0, 1),
            triples: self.len()?,
            ..Stats::default()
        };
        for row in entities.text_rows() {
            if let [kind, n] = row.as_slice() {
                stats.entities_by_type.push((kind.clone(), n.parse().unwrap_or(0)));
            }
        }
        for row in relations.text_rows() {
            if let [kind, status, n] = row.as_slice() {
                stats.relations_by_type_and_status.push((kind.clone(), status.clone(), n.parse().unwrap_or(0)));
            }
        }
        Ok(stats)
    }
}
