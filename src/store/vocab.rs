//! The vocabulary of the knowledge graph and the one place where IRIs are minted.
//!
//! Every IRI dealgraph writes is derived from data (a gazetteer id, a normalised name, a
//! relation type and its parties, a document id), never from a counter or a clock, so
//! the same input gives the same IRIs on every machine and in every run. See
//! `docs/model.md` for the model and `docs/ontology.ttl` for the terms.

use crate::model::RelationType;

/// The project's vocabulary (classes and properties).
pub const DG: &str = "https://w3id.org/dealgraph/ns#";
/// schema.org, for people and organisations.
pub const SCHEMA: &str = "http://schema.org/";
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";

/// Where the instances live: `…/id/entity/…`, `…/id/deal/…`, `…/id/role/…`, `…/id/doc/…`.
pub const ID_BASE: &str = "https://w3id.org/dealgraph/id/";
/// The node in the default graph that carries the store's model version.
pub const STORE_NODE: &str = "https://w3id.org/dealgraph/id/store";

/// The version of the RDF model written by this dealgraph. Bump it whenever the shape of
/// the graph changes (a renamed property, a new IRI scheme), so that a store written by
/// another version is refused with a clear message instead of answering wrongly.
/// Version 2 added the summary graph ([`SUMMARY_GRAPH`]); version 3 added to it each
/// deal's current date and latest amount and each entity's search tokens.
pub const MODEL_VERSION: u32 = 3;

/// Older model versions this dealgraph upgrades: a store of one of them, opened for
/// writing, gets its summary computed and its version raised; `load` takes their dumps.
/// Versions 1 and 2 differ from 3 only in the summary graph (none, or one without the
/// fields version 3 added), which the upgrade recomputes.
pub const UPGRADABLE_VERSIONS: &[&str] = &["1", "2"];

/// The named graph holding what is derived from all documents together: each deal's
/// current statement, latest priced statement and source count (`store/summary.rs`).
pub const SUMMARY_GRAPH: &str = "https://w3id.org/dealgraph/id/summary";

/// Prefixes used when printing Turtle/TriG and shortening IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dg", DG),
    ("schema", SCHEMA),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("xsd", XSD),
    ("wd", WIKIDATA_ENTITY),
    ("entity", "https://w3id.org/dealgraph/id/entity/"),
    ("deal", "https://w3id.org/dealgraph/id/deal/"),
    ("role", "https://w3id.org/dealgraph/id/role/"),
    ("doc", "https://w3id.org/dealgraph/id/doc/"),
];

/// The prefixes written in Turtle and TriG: those whose local names need no escaping
/// (deal, role and document IRIs contain `/` and `#`, and stay written in full).
pub fn serializer_prefixes() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    PREFIXES.iter().filter(|(p, _)| !matches!(*p, "deal" | "role" | "doc"))
}

/// A term of the `dg:` vocabulary.
pub fn dg(local: &str) -> String {
    format!("{DG}{local}")
}

/// A term of schema.org.
pub fn schema(local: &str) -> String {
    format!("{SCHEMA}{local}")
}

/// Percent-encodes everything but the IRI-unreserved ASCII characters (and `/` when
/// `keep_slash`), so any id (spaces, `#`, `?`, quotes, non-Latin scripts) makes a valid,
/// unambiguous IRI segment.
pub fn encode_segment(id: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(id.len());
    for &b in id.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || (keep_slash && b == b'/');
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str("%00");
    }
    out
}

/// The IRI of an entity from its id (the gazetteer id, or the slug of the normalised
/// name for discovered entities).
pub fn entity_iri(entity_id: &str) -> String {
    format!("{ID_BASE}entity/{}", encode_segment(entity_id, false))
}

/// The IRI of a document; it is also the name of the document's graph.
pub fn document_iri(doc_id: &str) -> String {
    format!("{ID_BASE}doc/{}", encode_segment(doc_id, true))
}

/// The IRI of the `index`-th statement in a document.
pub fn statement_iri(doc_iri: &str, index: usize) -> String {
    format!("{doc_iri}#s{index}")
}

/// The two parties of a relation in IRI order: symmetric types sort them, so that
/// "A merges with B" and "B merges with A" are one node.
pub fn ordered_parties<'a>(kind: RelationType, subject: &'a str, object: &'a str) -> (&'a str, &'a str) {
    if kind.is_symmetric() && object < subject {
        (object, subject)
    } else {
        (subject, object)
    }
}

/// The IRI of a deal (acquisition, merger, partnership, lawsuit, investment) or role
/// (ceo_of, founder_of, executive_of): type + parties, so that every article reporting
/// the same deal points to the same node.
pub fn relation_iri(kind: RelationType, subject_id: &str, object_id: &str) -> String {
    let (a, b) = ordered_parties(kind, subject_id, object_id);
    let family = if kind.is_role() { "role" } else { "deal" };
    format!("{ID_BASE}{family}/{}/{}/{}", kind.as_str(), encode_segment(a, false), encode_segment(b, false))
}

/// The class of a relation node (`dg:Acquisition`, …, `dg:CeoRole`, …).
pub fn relation_class(kind: RelationType) -> String {
    dg(match kind {
        RelationType::Acquisition => "Acquisition",
        RelationType::Merger => "Merger",
        RelationType::Partnership => "Partnership",
        RelationType::Lawsuit => "Lawsuit",
        RelationType::Investment => "Investment",
        RelationType::CeoOf => "CeoRole",
        RelationType::FounderOf => "FounderRole",
        RelationType::ExecutiveOf => "ExecutiveRole",
    })
}

/// The properties linking a relation node to its subject and object
/// (`dg:buyer`/`dg:target`, `dg:party`/`dg:party`, `dg:person`/`dg:organization`, …).
pub fn role_properties(kind: RelationType) -> (String, String) {
    let (s, o) = kind.role_names();
    (dg(s), dg(o))
}

/// The one-hop shortcut property a statement implies, Wikidata style, with whether it
/// points from the object to the subject (`schema:founder` goes organisation → person)
/// and whether it is written in both directions (symmetric types).
pub struct Shortcut {
    pub property: String,
    pub inverse: bool,
    pub both_ways: bool,
}

/// The shortcut triple for a relation type and the status the article stated.
pub fn shortcut(kind: RelationType, status: Option<crate::model::Status>) -> Option<Shortcut> {
    use crate::model::Status;
    let plain = |p: String| Some(Shortcut { property: p, inverse: false, both_ways: false });
    match kind {
        RelationType::Acquisition => match status {
            Some(Status::Completed) => plain(dg("acquired")),
            Some(Status::Agreed) => plain(dg("agreedToAcquire")),
            Some(Status::Pursuing | Status::Abandoned) => plain(dg("triedToAcquire")),
            _ => plain(dg("dealtWith")),
        },
        RelationType::Merger => match status {
            Some(Status::Completed) => Some(Shortcut { property: dg("mergedWith"), inverse: false, both_ways: true }),
            _ => Some(Shortcut { property: dg("inMergerTalksWith"), inverse: false, both_ways: true }),
        },
        RelationType::Partnership => Some(Shortcut { property: dg("partnerOf"), inverse: false, both_ways: true }),
        RelationType::Lawsuit => match status {
            Some(Status::Threatened) => plain(dg("threatenedToSue")),
            _ => plain(dg("sued")),
        },
        RelationType::Investment => plain(dg("investedIn")),
        RelationType::CeoOf => plain(dg("ceoOf")),
        RelationType::FounderOf => Some(Shortcut { property: schema("founder"), inverse: true, both_ways: false }),
        RelationType::ExecutiveOf => plain(dg("executiveOf")),
    }
}

/// Within one document, a later stage of a deal is taken as its state when the article
/// reports several (talks, then the completed purchase).
pub fn status_rank(status: Option<crate::model::Status>) -> u8 {
    use crate::model::Status;
    match status {
        None => 0,
        Some(Status::Pursuing | Status::Threatened) => 1,
        Some(Status::Agreed | Status::Filed) => 2,
        Some(Status::Abandoned) => 3,
        Some(Status::Completed | Status::Resolved) => 4,
    }
}

/// The order of statements about a deal: document date, then document id, then the
/// stage within the document, then the position in the text. The questions take the
/// statement with the greatest key as the deal's current state, so answers do not
/// depend on the order in which documents were ingested. Dates are ISO 8601 strings of
/// varying precision; the space after the date sorts `2016` before `2016-10` before
/// `2016-10-04`; a document without date sorts first.
pub fn sort_key(date: Option<&str>, doc_id: &str, status: Option<crate::model::Status>, evidence_start: usize) -> String {
    format!("{} {} {}{:010}", date.unwrap_or(""), doc_id, status_rank(status), evidence_start)
}

/// The key under which a name is found by the questions' parameters: the slug of the
/// name (lower case, accents dropped, punctuation as hyphens), without a trailing legal
/// form (`Inc`, `GmbH`, `N.V.`), so `--param company=microsoft corp.` finds Microsoft.
pub fn name_key(name: &str) -> String {
    let mut key = crate::slug::slug(name);
    loop {
        let stripped = LEGAL_FORMS.iter().find_map(|form| {
            let rest = key.strip_suffix(form)?.strip_suffix('-')?;
            (!rest.is_empty()).then(|| rest.to_string())
        });
        match stripped {
            Some(rest) => key = rest,
            None => return key,
        }
    }
}

/// Legal forms dropped at the end of a name key, as slugs (`N.V.` → `n-v`).
const LEGAL_FORMS: &[&str] = &[
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "lp", "llp", "gmbh",
    "ag", "kg", "se", "s-e", "sa", "s-a", "sas", "spa", "s-p-a", "nv", "n-v", "bv", "b-v", "ab", "asa", "oy", "oyj",
    "holding", "holdings", "group",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_stable_and_escaped() {
        assert_eq!(entity_iri("microsoft"), "https://w3id.org/dealgraph/id/entity/microsoft");
        assert_eq!(entity_iri("a b#c"), "https://w3id.org/dealgraph/id/entity/a%20b%23c");
        assert_eq!(document_iri("news/2016/x 1"), "https://w3id.org/dealgraph/id/doc/news/2016/x%201");
        assert_eq!(
            relation_iri(RelationType::Merger, "zeta", "alpha"),
            relation_iri(RelationType::Merger, "alpha", "zeta")
        );
        assert_ne!(
            relation_iri(RelationType::Acquisition, "zeta", "alpha"),
            relation_iri(RelationType::Acquisition, "alpha", "zeta")
        );
        assert_eq!(
            relation_iri(RelationType::CeoOf, "satya-nadella", "microsoft"),
            "https://w3id.org/dealgraph/id/role/ceo_of/satya-nadella/microsoft"
        );
    }

    #[test]
    fn sort_keys_order_by_date_then_document() {
        let early = sort_key(Some("2016"), "z", None, 5);
        let month = sort_key(Some("2016-10"), "a", None, 5);
        let day = sort_key(Some("2016-10-04"), "a", None, 5);
        let undated = sort_key(None, "zz", None, 5);
        assert!(undated < early && early < month && month < day);
        assert!(sort_key(Some("2016"), "a", None, 0) < sort_key(Some("2016"), "a b", None, 0));
        assert!(
            sort_key(Some("2016"), "a", Some(crate::model::Status::Pursuing), 900)
                < sort_key(Some("2016"), "a", Some(crate::model::Status::Completed), 5)
        );
    }

    #[test]
    fn name_keys() {
        assert_eq!(name_key("Microsoft Corp."), "microsoft");
        assert_eq!(name_key("ASML Holding N.V."), "asml");
        assert_eq!(name_key("Condé Nast"), "conde-nast");
        assert_eq!(name_key("Inc"), "inc");
        assert_eq!(name_key("\"} DROP ALL #"), "drop-all");
    }
}
