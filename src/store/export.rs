//! The consolidated graph for the exporters ([`crate::export::GraphInput`]): one node per
//! entity, one edge per deal or role, with its current status, sources, dates, best
//! confidence and one evidence sentence, in a deterministic order.

use std::collections::{BTreeMap, BTreeSet};

use super::{vocab, Params, QueryOutcome, RdfTerm, Result, Store};
use crate::export::{DealEdge, EntityNode, GraphInput};
use crate::model::RelationType;

const PROLOGUE: &str =
    "PREFIX dg: <https://w3id.org/dealgraph/ns#>\nPREFIX schema: <http://schema.org/>\nPREFIX owl: <http://www.w3.org/2002/07/owl#>\n";

/// One statement's values, as read.
struct StatementRow {
    key: String,
    status: Option<String>,
    evidence: Option<String>,
    confidence: f64,
    date: Option<String>,
    text_hash: String,
    amount_text: Option<String>,
    amount_value: Option<f64>,
    amount_currency: Option<String>,
}

fn rows(outcome: &QueryOutcome) -> &[Vec<Option<RdfTerm>>] {
    match outcome {
        QueryOutcome::Solutions { rows, .. } => rows,
        _ => &[],
    }
}

fn text(row: &[Option<RdfTerm>], i: usize) -> Option<String> {
    row.get(i).and_then(|t| t.as_ref()).map(|t| t.text().to_string())
}

impl Store {
    /// Entities and consolidated deals/roles, sorted by id, for the exporters.
    pub fn graph_input(&self) -> Result<GraphInput> {
        let none = Params::default();
        let entities = self.query(
            &format!(
                "{PROLOGUE}SELECT ?e (MIN(?label) AS ?name) (MIN(STR(?class)) AS ?cls) (MIN(STR(?same)) AS ?wd) (COUNT(DISTINCT ?g) AS ?docs) \
                 WHERE {{ GRAPH ?g {{ ?g dg:mentions ?e . ?e a ?class ; schema:name ?label . OPTIONAL {{ ?e owl:sameAs ?same }} }} }} \
                 GROUP BY ?e ORDER BY ?e"
            ),
            &none,
            "export",
        )?;
        let mut input = GraphInput::default();
        for row in rows(&entities) {
            let Some(id) = text(row, 0) else { continue };
            input.entities.push(EntityNode {
                id,
                label: text(row, 1).unwrap_or_default(),
                kind: text(row, 2).map(|c| c.trim_start_matches(vocab::SCHEMA).to_string()).unwrap_or_default(),
                wikidata: text(row, 3).map(|w| w.trim_start_matches(vocab::WIKIDATA_ENTITY).to_string()),
                n_documents: text(row, 4).and_then(|n| n.parse().ok()).unwrap_or(0),
            });
        }

        let statements = self.query(
            &format!(
                "{PROLOGUE}SELECT ?deal ?type ?key ?status ?evidence ?confidence ?date ?text ?amount ?value ?currency WHERE {{ \
                   GRAPH ?g {{ ?s dg:about ?deal ; dg:sortKey ?key . ?deal dg:relationType ?type . ?g dg:textHash ?text . \
                     OPTIONAL {{ ?s dg:status ?status }} OPTIONAL {{ ?s dg:evidence ?evidence }} OPTIONAL {{ ?s dg:confidence ?confidence }} \
                     OPTIONAL {{ ?g dg:date ?date }} OPTIONAL {{ ?s dg:amountText ?amount }} OPTIONAL {{ ?s dg:amountValue ?value }} \
                     OPTIONAL {{ ?s dg:amountCurrency ?currency }} }} }}"
            ),
            &none,
            "export",
        )?;
        let mut by_deal: BTreeMap<String, (String, Vec<StatementRow>)> = BTreeMap::new();
        for row in rows(&statements) {
            let (Some(deal), Some(kind), Some(key)) = (text(row, 0), text(row, 1), text(row, 2)) else { continue };
            by_deal.entry(deal).or_insert_with(|| (kind, Vec::new())).1.push(StatementRow {
                key,
                status: text(row, 3),
                evidence: text(row, 4),
                confidence: text(row, 5).and_then(|c| c.parse().ok()).unwrap_or(0.0),
                date: text(row, 6),
                text_hash: text(row, 7).unwrap_or_default(),
                amount_text: text(row, 8),
                amount_value: text(row, 9).and_then(|v| v.parse().ok()),
                amount_currency: text(row, 10),
            });
        }

        let parties = self.query(
            &format!(
                "{PROLOGUE}SELECT DISTINCT ?deal ?p ?party WHERE {{ \
                   VALUES ?p {{ dg:buyer dg:target dg:party dg:plaintiff dg:defendant dg:investor dg:investee dg:person dg:organization }} \
                   GRAPH ?g {{ ?deal ?p ?party }} }}"
            ),
            &none,
            "export",
        )?;
        let mut party_of: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
        for row in rows(&parties) {
            let (Some(deal), Some(property), Some(party)) = (text(row, 0), text(row, 1), text(row, 2)) else { continue };
            let role = property.trim_start_matches(vocab::DG).to_string();
            party_of.entry(deal).or_default().entry(role).or_default().insert(party);
        }

        for (deal, (kind, mut statements)) in by_deal {
            let Ok(relation) = kind.parse::<RelationType>() else { continue };
            let (subject_role, object_role) = relation.role_names();
            let roles = party_of.get(&deal);
            let first = |role: &str| roles.and_then(|r| r.get(role)).and_then(|s| s.iter().next().cloned());
            let (subject, object) = if relation.is_symmetric() {
                let both: Vec<String> = roles.and_then(|r| r.get("party")).map(|s| s.iter().cloned().collect()).unwrap_or_default();
                match both.as_slice() {
                    [a, b, ..] => (a.clone(), b.clone()),
                    _ => continue,
                }
            } else {
                match (first(subject_role), first(object_role)) {
                    (Some(s), Some(o)) => (s, o),
                    _ => continue,
                }
            };
            statements.sort_by(|a, b| a.key.cmp(&b.key));
            let Some(latest) = statements.last() else { continue };
            let priced = statements.iter().rev().find(|s| s.amount_text.is_some());
            let dates: Vec<&String> = statements.iter().filter_map(|s| s.date.as_ref()).collect();
            let sources: BTreeSet<&str> = statements.iter().map(|s| s.text_hash.as_str()).collect();
            input.deals.push(DealEdge {
                id: deal,
                relation: kind.clone(),
                subject,
                object,
                subject_role: subject_role.to_string(),
                object_role: object_role.to_string(),
                status: latest.status.clone(),
                amount_value: priced.and_then(|p| p.amount_value),
                amount_currency: priced.and_then(|p| p.amount_currency.clone()),
                amount_text: priced.and_then(|p| p.amount_text.clone()),
                first_date: dates.iter().min().map(|d| d.to_string()),
                last_date: dates.iter().max().map(|d| d.to_string()),
                confidence: statements.iter().map(|s| s.confidence).fold(0.0, f64::max),
                n_sources: u32::try_from(sources.len()).unwrap_or(u32::MAX),
                evidence: latest.evidence.clone(),
            });
        }
        Ok(input)
    }
}
