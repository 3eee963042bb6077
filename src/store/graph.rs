//! One document's named graph: the RDF that an extraction result ([`DocOutput`])
//! becomes. Everything an article says lives in its own graph (its entities, the deals
//! it mentions, the statements with their evidence, the shortcut triples), so that
//! replacing or forgetting a document is dropping one graph, and any union of graphs
//! (shards, stores merged from dumps) stays consistent. See `docs/model.md`.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

use super::vocab::{self, dg, schema};
use crate::output::DocOutput;

/// What the store records about a document besides its extraction result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMeta {
    /// Hash of everything the document's graph is made from (text, date, source,
    /// language hint): when it changes, the document is extracted again.
    pub input_hash: String,
    /// Hash of the text with runs of white space collapsed: two documents with the same
    /// text hash (syndicated copies under two ids) count as one source.
    pub text_hash: String,
    /// The extractor's fingerprint (`Extractor::fingerprint`): when it changes (new
    /// rules, gazetteers, version), the document is extracted again.
    pub extractor: String,
}

impl DocumentMeta {
    /// The hashes of a document as read, with the extractor's fingerprint.
    pub fn of(doc: &crate::document::Document, extractor: &str) -> DocumentMeta {
        let mut input = Vec::with_capacity(doc.text.len() + 64);
        for part in [Some(doc.text.as_str()), doc.lang.as_deref(), doc.date.as_deref(), doc.source.as_deref()] {
            // A tag byte per field keeps `None` apart from `Some("")`.
            match part {
                Some(p) => {
                    input.push(1);
                    input.extend_from_slice(p.as_bytes());
                }
                None => input.push(0),
            }
            input.push(0xff);
        }
        let collapsed: String = doc.text.split_whitespace().collect::<Vec<_>>().join(" ");
        DocumentMeta {
            input_hash: format!("{:016x}", crate::slug::stable_hash(&input)),
            text_hash: format!("{:016x}", crate::slug::stable_hash(collapsed.as_bytes())),
            extractor: extractor.to_string(),
        }
    }
}

/// Counts of what a document's graph holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GraphCounts {
    pub entities: usize,
    /// Statements about deals (acquisition, merger, partnership, lawsuit, investment).
    pub deal_statements: usize,
    /// Statements about roles (ceo_of, founder_of, executive_of).
    pub role_statements: usize,
    pub quads: usize,
}

struct Builder {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Builder {
    fn add(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(s.clone(), NamedNode::new_unchecked(p), o, self.graph.clone()));
    }
    fn text(&mut self, s: &NamedNode, p: &str, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }
}

fn iri(value: String) -> NamedNode {
    // Every IRI comes from `vocab`, which percent-encodes ids, so it is valid.
    NamedNode::new_unchecked(value)
}

fn integer(value: usize) -> Literal {
    Literal::new_typed_literal(value.to_string(), iri(format!("{}integer", vocab::XSD)))
}

/// A decimal literal (`0.7`, `1100000000`); None for NaN and infinities.
fn decimal(value: f64) -> Option<Literal> {
    if !value.is_finite() {
        return None;
    }
    // `Display` of f64 never uses an exponent, which is what xsd:decimal needs.
    let mut text = format!("{value}");
    if text == "-0" {
        text = "0".into();
    }
    Some(Literal::new_typed_literal(text, iri(format!("{}decimal", vocab::XSD))))
}

/// Wikidata ids are `Q` followed by digits; anything else is not linked.
fn wikidata_iri(qid: &str) -> Option<NamedNode> {
    let qid = qid.trim();
    let digits = qid.strip_prefix('Q').or_else(|| qid.strip_prefix('q'))?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| iri(format!("{}Q{digits}", vocab::WIKIDATA_ENTITY)))
}

/// The quads of a document's graph, in a deterministic order, with counts.
pub fn document_quads(output: &DocOutput, meta: &DocumentMeta) -> (Vec<Quad>, GraphCounts) {
    let doc = iri(vocab::document_iri(&output.doc));
    let mut b = Builder { graph: GraphName::NamedNode(doc.clone()), quads: Vec::new() };
    let mut counts = GraphCounts::default();

    b.add(&doc, vocab::RDF_TYPE, iri(dg("Document")));
    b.text(&doc, &dg("documentId"), &output.doc);
    b.text(&doc, &dg("lang"), &output.lang);
    if let Some(date) = &output.date {
        b.text(&doc, &dg("date"), date);
    }
    if let Some(source) = &output.source {
        b.text(&doc, &dg("source"), source);
    }
    b.text(&doc, &dg("inputHash"), &meta.input_hash);
    b.text(&doc, &dg("textHash"), &meta.text_hash);
    b.text(&doc, &dg("extractor"), &meta.extractor);

    // Entities, by id (a document lists each once; merge defensively if not).
    let mut known: BTreeMap<&str, NamedNode> = BTreeMap::new();
    for entity in output.entities.iter().filter(|e| !e.id.is_empty()) {
        if known.contains_key(entity.id.as_str()) {
            continue;
        }
        let node = iri(vocab::entity_iri(&entity.id));
        known.insert(entity.id.as_str(), node.clone());
        counts.entities += 1;
        b.add(&doc, &dg("mentions"), node.clone());
        b.add(&node, vocab::RDF_TYPE, iri(schema(entity.kind.as_str())));
        b.text(&node, &dg("entityId"), &entity.id);
        b.text(&node, &schema("name"), &entity.label);
        let origin = match entity.source {
            crate::model::EntitySource::Gazetteer => "gazetteer",
            crate::model::EntitySource::Discovered => "discovered",
        };
        b.text(&node, &dg("origin"), origin);
        // Search keys: each name's key (legal form dropped) and its full slug.
        let mut keys: BTreeSet<String> = BTreeSet::new();
        let mut add_keys = |name: &str| {
            keys.insert(vocab::name_key(name));
            keys.insert(crate::slug::slug(name));
        };
        add_keys(&entity.label);
        add_keys(&entity.id);
        let mut aliases: BTreeSet<&str> = BTreeSet::new();
        for mention in &entity.mentions {
            let text = mention.text.trim();
            if !text.is_empty() && text != entity.label {
                aliases.insert(text);
            }
            if !text.is_empty() {
                add_keys(text);
            }
        }
        for alias in aliases {
            b.text(&node, &schema("alternateName"), alias);
        }
        if let Some(wd) = entity.wikidata.as_deref().and_then(wikidata_iri) {
            keys.insert(wd.as_str().rsplit('/').next().unwrap_or_default().to_lowercase());
            b.add(&node, vocab::OWL_SAME_AS, wd);
        }
        for key in keys.iter().filter(|k| !k.is_empty()) {
            b.text(&node, &dg("nameKey"), key);
        }
    }

    // Relations: one node per (type, parties), one statement per (node, status, evidence).
    let mut described: BTreeSet<String> = BTreeSet::new();
    let mut statements: BTreeMap<(String, u8, usize, usize), usize> = BTreeMap::new();
    let mut index = 0;
    for relation in &output.relations {
        let (Some(subject), Some(object)) = (known.get(relation.subject.as_str()), known.get(relation.object.as_str())) else {
            continue;
        };
        if subject == object {
            continue;
        }
        let kind = relation.kind;
        let deal_iri = vocab::relation_iri(kind, &relation.subject, &relation.object);
        let dedup = (deal_iri.clone(), vocab::status_rank(relation.status), relation.evidence.start, relation.evidence.end);
        if statements.contains_key(&dedup) {
            // The extractor already keeps the most confident of duplicates.
            continue;
        }
        statements.insert(dedup, index);
        let deal = iri(deal_iri.clone());
        if described.insert(deal_iri) {
            let (first, second) = if kind.is_symmetric() && relation.object < relation.subject {
                (object, subject)
            } else {
                (subject, object)
            };
            let (subject_role, object_role) = vocab::role_properties(kind);
            b.add(&deal, vocab::RDF_TYPE, iri(vocab::relation_class(kind)));
            b.text(&deal, &dg("relationType"), kind.as_str());
            b.add(&deal, &subject_role, first.clone());
            b.add(&deal, &object_role, second.clone());
        }
        let statement = iri(vocab::statement_iri(doc.as_str(), index));
        index += 1;
        if kind.is_role() {
            counts.role_statements += 1;
        } else {
            counts.deal_statements += 1;
        }
        b.add(&statement, vocab::RDF_TYPE, iri(dg("Statement")));
        b.add(&statement, &dg("about"), deal.clone());
        b.add(&statement, &dg("document"), doc.clone());
        if let Some(status) = relation.status {
            b.text(&statement, &dg("status"), status.as_str());
        }
        if let Some(confidence) = decimal(relation.confidence) {
            b.add(&statement, &dg("confidence"), confidence);
        }
        b.text(&statement, &dg("rule"), &relation.rule);
        if !relation.cue.is_empty() {
            b.text(&statement, &dg("cue"), &relation.cue);
        }
        b.text(&statement, &dg("evidence"), &relation.evidence.text);
        b.add(&statement, &dg("evidenceStart"), integer(relation.evidence.start));
        b.add(&statement, &dg("evidenceEnd"), integer(relation.evidence.end));
        if let Some(amount) = &relation.amount {
            b.text(&statement, &dg("amountText"), &amount.text);
            if let Some(value) = amount.value.and_then(decimal) {
                b.add(&statement, &dg("amountValue"), value);
            }
            if let Some(currency) = &amount.currency {
                b.text(&statement, &dg("amountCurrency"), currency);
            }
        }
        if let Some(date) = &relation.date {
            b.text(&statement, &dg("eventDate"), date);
        }
        if let Some(seller) = relation.seller.as_deref().and_then(|s| known.get(s)) {
            b.add(&statement, &dg("seller"), seller.clone());
        }
        let key = vocab::sort_key(output.date.as_deref(), &output.doc, relation.status, relation.evidence.start);
        b.text(&statement, &dg("sortKey"), &key);
        if let Some(shortcut) = vocab::shortcut(kind, relation.status) {
            let (from, to) = if shortcut.inverse { (object, subject) } else { (subject, object) };
            b.add(from, &shortcut.property, to.clone());
            if shortcut.both_ways {
                b.add(to, &shortcut.property, from.clone());
            }
        }
    }
    let mut quads = b.quads;
    // Shortcut triples may repeat (two statements, one fact); a graph is a set.
    let mut seen = std::collections::HashSet::new();
    quads.retain(|q| seen.insert(q.clone()));
    counts.quads = quads.len();
    (quads, counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, EntitySource, RelationType, Status};
    use crate::output::{EntityOutput, RelationOutput, SpanOutput};

    pub(crate) fn entity(id: &str, label: &str, kind: EntityKind) -> EntityOutput {
        EntityOutput {
            id: id.into(),
            kind,
            label: label.into(),
            wikidata: None,
            source: EntitySource::Gazetteer,
            confidence: 1.0,
            mentions: vec![SpanOutput { start: 0, end: label.chars().count(), text: label.into() }],
        }
    }

    pub(crate) fn relation(kind: RelationType, s: &str, o: &str, status: Option<Status>, evidence: &str) -> RelationOutput {
        RelationOutput {
            kind,
            subject: s.into(),
            object: o.into(),
            status,
            amount: None,
            date: None,
            confidence: 0.8,
            rule: "test".into(),
            cue: "buy".into(),
            seller: None,
            evidence: SpanOutput { start: 0, end: evidence.chars().count(), text: evidence.into() },
            explain: None,
        }
    }

    #[test]
    fn one_node_per_deal_and_symmetric_parties_sorted() {
        let output = DocOutput {
            doc: "d1".into(),
            lang: "en".into(),
            date: Some("2020-01".into()),
            source: None,
            entities: vec![entity("b", "Beta", EntityKind::Organization), entity("a", "Alpha", EntityKind::Organization)],
            relations: vec![
                relation(RelationType::Merger, "b", "a", Some(Status::Agreed), "Beta and Alpha agreed to merge."),
                relation(RelationType::Merger, "a", "b", Some(Status::Agreed), "Beta and Alpha agreed to merge."),
            ],
        };
        let meta = DocumentMeta { input_hash: "i".into(), text_hash: "t".into(), extractor: "x".into() };
        let (quads, counts) = document_quads(&output, &meta);
        assert_eq!(counts.entities, 2);
        assert_eq!(counts.deal_statements, 1);
        let deal = vocab::relation_iri(RelationType::Merger, "a", "b");
        let party_a = quads
            .iter()
            .filter(|q| q.subject.to_string() == format!("<{deal}>") && q.predicate.as_str() == dg("party"))
            .count();
        assert_eq!(party_a, 2);
        // Deterministic.
        assert_eq!(document_quads(&output, &meta).0, quads);
    }

    #[test]
    fn hashes_see_syndicated_copies() {
        let doc = |id: &str, text: &str| crate::document::Document {
            id: id.into(),
            text: text.into(),
            lang: None,
            date: None,
            source: None,
            origin: id.into(),
        };
        let a = DocumentMeta::of(&doc("a", "Acme buys  Widgetco.\n"), "x");
        let b = DocumentMeta::of(&doc("b", "Acme buys Widgetco."), "x");
        assert_eq!(a.text_hash, b.text_hash);
        assert_ne!(a.input_hash, b.input_hash);
    }
}
