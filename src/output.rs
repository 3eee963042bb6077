//! The JSON Lines output of `dealgraph extract` (the scorer's format, see
//! `../shared/gold/README.md` and README "Formats").
//!
//! This is the one place where byte offsets into the normalised text become offsets in
//! Unicode scalar values of the text as read, so that Python's `text[start:end]` equals
//! the mention.

use serde::Serialize;

use crate::document::Document;
use crate::model::{Amount, EntityKind, EntitySource, RelationType, Status};
use crate::pipeline::Extraction;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocOutput {
    pub doc: String,
    pub lang: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub entities: Vec<EntityOutput>,
    pub relations: Vec<RelationOutput>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntityOutput {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub label: String,
    pub wikidata: Option<String>,
    pub source: EntitySource,
    pub confidence: f64,
    pub mentions: Vec<SpanOutput>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpanOutput {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RelationOutput {
    #[serde(rename = "type")]
    pub kind: RelationType,
    pub subject: String,
    pub object: String,
    pub status: Option<Status>,
    pub amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub confidence: f64,
    pub rule: String,
    pub cue: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seller: Option<String>,
    pub evidence: SpanOutput,
    /// Only with `--explain`: how the relation was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

/// Rounds a confidence to three decimals so output is stable and readable.
fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// Builds the output record of a document. `original` is the text as read.
pub fn to_output(doc: &Document, ex: &Extraction, explain: Option<&dyn Fn(&crate::model::Relation) -> String>) -> DocOutput {
    let chars: Vec<char> = doc.text.chars().collect();
    let span_out = |start: usize, end: usize| {
        let (s, e) = ex.normalized.to_original(start, end);
        let e = e.min(chars.len());
        let s = s.min(e);
        SpanOutput { start: s, end: e, text: chars[s..e].iter().collect() }
    };
    let a = &ex.analysis;
    let mut mentions: Vec<Vec<SpanOutput>> = vec![Vec::new(); a.entities.len()];
    for m in &a.mentions {
        if let Some(list) = mentions.get_mut(m.entity) {
            list.push(span_out(m.span.start, m.span.end));
        }
    }
    let entities = a
        .entities
        .iter()
        .zip(mentions)
        .map(|(e, mentions)| EntityOutput {
            id: e.id.clone(),
            kind: e.kind,
            label: e.label.clone(),
            wikidata: e.wikidata.clone(),
            source: e.source.clone(),
            confidence: round3(e.confidence),
            mentions,
        })
        .collect();
    let id = |i: usize| a.entities.get(i).map(|e| e.id.clone()).unwrap_or_default();
    let relations = ex
        .relations
        .iter()
        .map(|r| RelationOutput {
            kind: r.kind,
            subject: id(r.subject),
            object: id(r.object),
            status: r.status,
            amount: r.amount.clone(),
            date: r.date.clone(),
            confidence: round3(r.confidence),
            rule: r.rule.clone(),
            cue: r.cue.clone(),
            seller: r.seller.map(id),
            evidence: span_out(r.evidence.start, r.evidence.end),
            explain: explain.map(|f| f(r)),
        })
        .collect();
    DocOutput {
        doc: doc.id.clone(),
        lang: a.lang.clone(),
        date: a.date.clone(),
        source: doc.source.clone(),
        entities,
        relations,
    }
}
