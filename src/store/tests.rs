//! Store tests on hand-made extraction results (independent of the extractor): the
//! model, consolidation, current status, idempotence, order independence, the
//! questions, dump/load and forget.

use super::*;
use crate::model::{Amount, EntityKind, EntitySource, RelationType, Status};
use crate::output::{DocOutput, EntityOutput, RelationOutput, SpanOutput};

fn entity(id: &str, label: &str, kind: EntityKind, wikidata: Option<&str>, mentions: &[&str]) -> EntityOutput {
    EntityOutput {
        id: id.into(),
        kind,
        label: label.into(),
        wikidata: wikidata.map(String::from),
        source: EntitySource::Gazetteer,
        confidence: 1.0,
        mentions: mentions.iter().map(|m| SpanOutput { start: 0, end: m.chars().count(), text: (*m).into() }).collect(),
    }
}

fn relation(kind: RelationType, s: &str, o: &str, status: Option<Status>, evidence: &str) -> RelationOutput {
    RelationOutput {
        kind,
        subject: s.into(),
        object: o.into(),
        status,
        amount: None,
        date: None,
        confidence: 0.8,
        rule: "test".into(),
        cue: String::new(),
        seller: None,
        evidence: SpanOutput { start: 0, end: evidence.chars().count(), text: evidence.into() },
        explain: None,
    }
}

fn orgs() -> Vec<EntityOutput> {
    vec![
        entity("acme", "Acme Corp", EntityKind::Organization, Some("Q1"), &["Acme Corp", "Acme"]),
        entity("widgetco", "Widgetco Inc", EntityKind::Organization, None, &["Widgetco Inc"]),
        entity("globex", "Globex", EntityKind::Organization, Some("Q3"), &["Globex"]),
        entity("jane-roe", "Jane Roe", EntityKind::Person, None, &["Jane Roe", "Roe"]),
    ]
}

fn doc(id: &str, date: Option<&str>, relations: Vec<RelationOutput>) -> (DocOutput, DocumentMeta) {
    let output = DocOutput { doc: id.into(), lang: "en".into(), date: date.map(String::from), source: None, entities: orgs(), relations };
    let meta = DocumentMeta { input_hash: format!("in-{id}"), text_hash: format!("text-{id}"), extractor: "x1".into() };
    (output, meta)
}

fn talks() -> (DocOutput, DocumentMeta) {
    doc(
        "a-talks",
        Some("2020-01-10"),
        vec![relation(RelationType::Acquisition, "acme", "widgetco", Some(Status::Pursuing), "Acme Corp is in talks to buy Widgetco Inc.")],
    )
}

fn completed() -> (DocOutput, DocumentMeta) {
    let mut r = relation(RelationType::Acquisition, "acme", "widgetco", Some(Status::Completed), "Acme Corp completed its purchase of Widgetco Inc for $10 million.");
    r.amount = Some(Amount { text: "$10 million".into(), value: Some(1e7), currency: Some("USD".into()) });
    let mut ceo = relation(RelationType::CeoOf, "jane-roe", "acme", None, "Jane Roe, chief executive of Acme, said.");
    ceo.evidence.start = 70;
    let mut partner = relation(RelationType::Partnership, "widgetco", "globex", None, "Widgetco and Globex are partners.");
    partner.evidence.start = 120;
    doc("b-done", Some("2021-03"), vec![r, ceo, partner])
}

fn ingest(store: &Store, docs: &[(DocOutput, DocumentMeta)]) {
    let mut batch = Batch::new();
    for (output, meta) in docs {
        batch.add(output, meta);
    }
    assert!(store.commit(&mut batch).is_ok());
    assert!(store.refresh_summary().is_ok());
}

fn dump(store: &Store) -> String {
    let mut out = Vec::new();
    assert!(store.dump(DumpFormat::NQuads, &mut out).is_ok());
    String::from_utf8_lossy(&out).into_owned()
}

fn ask(store: &Store, question: &str, params: &[&str]) -> Vec<Vec<String>> {
    let question = match questions::get(question) {
        Ok(q) => q,
        Err(e) => panic!("{e}"),
    };
    let params = Params::parse(params).unwrap_or_default();
    match store.query_question(&question, &params) {
        Ok(outcome) => outcome.text_rows(),
        Err(e) => panic!("{}: {e}", question.name),
    }
}

fn new_store(dir: &tempfile::TempDir, name: &str) -> Store {
    match Store::open_or_create(dir.path().join(name)) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn order_and_repetition_do_not_change_the_store() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ab = new_store(&dir, "ab");
    ingest(&ab, &[talks(), completed()]);
    let ba = new_store(&dir, "ba");
    ingest(&ba, &[completed()]);
    ingest(&ba, &[talks()]);
    ingest(&ba, &[talks(), completed()]);
    assert_eq!(dump(&ab), dump(&ba));
}

#[test]
fn current_status_comes_from_the_latest_document_and_history_stays() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    ingest(&store, &[completed(), talks()]);
    assert!(ask(&store, "who-tried-to-buy-whom", &[]).is_empty());
    let acquisitions = ask(&store, "acquisitions", &[]);
    assert_eq!(
        acquisitions,
        vec![vec!["Acme Corp", "Widgetco Inc", "completed", "$10 million", "10000000", "USD", "2021-03", "b-done", "2"]]
    );
    let timeline = ask(&store, "timeline", &["company=ACME"]);
    let statuses: Vec<&str> = timeline.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(statuses, ["pursuing", "completed"]);
    let stats = store.stats().unwrap_or_default();
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.deals(), 2);
    assert_eq!(stats.roles(), 1);
}

#[test]
fn forgetting_the_completion_brings_back_the_attempt() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    ingest(&store, &[talks(), completed()]);
    assert_eq!(store.forget(&["b-done", "nope"]).unwrap_or_default(), ["nope"]);
    let rows = ask(&store, "who-tried-to-buy-whom", &[]);
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][..3], ["Acme Corp", "Widgetco Inc", "pursuing"]);
    assert!(ask(&store, "people-of", &["company=acme"]).is_empty());
}

#[test]
fn syndicated_copies_count_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    let (output, meta) = talks();
    let mut copy = output.clone();
    copy.doc = "a-talks-copy".into();
    let copy_meta = DocumentMeta { input_hash: "other".into(), ..meta.clone() };
    ingest(&store, &[(output, meta), (copy, copy_meta)]);
    let rows = ask(&store, "who-tried-to-buy-whom", &[]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][6], "1");
    assert_eq!(rows[0][3], "a-talks-copy", "the later document id wins on equal dates");
}

#[test]
fn parameters_find_aliases_and_cannot_inject() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    ingest(&store, &[talks(), completed()]);
    for name in ["acme", "ACME CORP.", "Acme Corporation", "q1", "Q1"] {
        assert_eq!(ask(&store, "people-of", &[&format!("company={name}")]).len(), 1, "{name}");
    }
    assert_eq!(ask(&store, "partners-of", &["company=globex"])[0][1], "Widgetco Inc");
    assert!(ask(&store, "deals-of", &["company=\"} DROP ALL #"]).is_empty());
    assert!(store.len().unwrap_or(0) > 10);
    let entities = ask(&store, "entities", &["name=roe"]);
    assert_eq!(entities, vec![vec!["Jane Roe", "Person", "", "2", "jane-roe"]]);
}

#[test]
fn dump_and_load_round_trip() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    ingest(&store, &[talks(), completed()]);
    let text = dump(&store);
    let file = dir.path().join("dump.nq");
    assert!(std::fs::write(&file, &text).is_ok());
    let other = new_store(&dir, "t");
    assert!(other.load(&file, None).is_ok());
    assert!(other.load(&file, None).is_ok());
    assert_eq!(dump(&other), text);
    let mut trig = Vec::new();
    assert!(store.dump(DumpFormat::TriG, &mut trig).is_ok());
    let trig_file = dir.path().join("dump.trig");
    assert!(std::fs::write(&trig_file, &trig).is_ok());
    let third = new_store(&dir, "u");
    assert!(third.load(&trig_file, None).is_ok());
    assert_eq!(dump(&third), text);
}

#[test]
fn graph_input_consolidates() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    ingest(&store, &[talks(), completed()]);
    let input = store.graph_input().unwrap_or_default();
    assert_eq!(input.entities.len(), 4);
    let acme = input.entities.iter().find(|e| e.label == "Acme Corp");
    assert_eq!(acme.map(|e| (e.n_documents, e.wikidata.clone())), Some((2, Some("Q1".into()))));
    let deal = input.deals.iter().find(|d| d.relation == "acquisition");
    let Some(deal) = deal else { panic!("no acquisition") };
    assert_eq!(deal.status.as_deref(), Some("completed"));
    assert_eq!(deal.n_sources, 2);
    assert_eq!((deal.first_date.as_deref(), deal.last_date.as_deref()), (Some("2020-01-10"), Some("2021-03")));
    assert_eq!(deal.amount_value, Some(1e7));
    assert_eq!(deal.subject, vocab::entity_iri("acme"));
    let partnership = input.deals.iter().find(|d| d.relation == "partnership").map(|d| (d.subject.clone(), d.object.clone()));
    assert_eq!(partnership, Some((vocab::entity_iri("globex"), vocab::entity_iri("widgetco"))));
}

#[test]
fn the_summary_follows_every_write_and_a_second_refresh_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    ingest(&store, &[talks()]);
    let again = store.refresh_summary().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((again.deals, again.full, again.added, again.removed), (0, false, 0, 0), "nothing pending");
    // Recomputing everything finds what the incremental refresh wrote.
    assert!(store.summarise_everything().is_ok());
    let full = store.refresh_summary().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((full.deals, full.full, full.added, full.removed), (1, true, 0, 0));
    // The completion makes it current: status, statement, document and sources change.
    ingest(&store, &[completed()]);
    let stats = store.stats().unwrap_or_default();
    assert!(stats.relations_by_type_and_status.contains(&("acquisition".into(), "completed".into(), 1)), "{stats:?}");
    // The date and the amount came with it, as a full recomputation finds them.
    let text = dump(&store);
    for field in ["currentDate> \"2021-03\"", "pricedAmount> \"$10 million\"", "pricedCurrency> \"USD\"", "pricedValue>", "searchToken> \"widg\""] {
        assert!(text.contains(field), "{field} missing");
    }
    assert!(store.summarise_everything().is_ok());
    let full = store.refresh_summary().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((full.added, full.removed), (0, 0), "the incremental refresh after the completion was complete");
    assert!(ask(&store, "who-tried-to-buy-whom", &[]).is_empty());
    // Forgetting refreshes by itself.
    assert!(store.forget(&["b-done"]).is_ok());
    let stats = store.stats().unwrap_or_default();
    assert!(stats.relations_by_type_and_status.contains(&("acquisition".into(), "pursuing".into(), 1)), "{stats:?}");
    assert!(store.summarise_everything().is_ok());
    let full = store.refresh_summary().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((full.added, full.removed), (0, 0), "the incremental refresh after forget was complete");
    let text = dump(&store);
    let about_the_deal: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with(&format!("<{}> .", vocab::SUMMARY_GRAPH)) && l.contains("/id/deal/acquisition/"))
        .collect();
    assert_eq!(about_the_deal.len(), 8, "kind, current statement, document, status, date, source count, two parties: {about_the_deal:#?}");
    assert!(!text.contains("summaryPending"), "the flag is lowered after the refresh");
}

#[test]
fn a_write_killed_before_its_summary_refresh_is_summarised_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let expected = {
        let store = new_store(&dir, "clean");
        ingest(&store, &[talks(), completed()]);
        dump(&store)
    };
    {
        let store = new_store(&dir, "s");
        ingest(&store, &[talks()]);
        // The completion is committed, then the process dies before the refresh.
        let mut batch = Batch::new();
        let (output, meta) = completed();
        batch.add(&output, &meta);
        assert!(store.commit(&mut batch).is_ok());
        assert!(store.summary_is_stale().unwrap_or(false));
    }
    let store = Store::open(dir.path().join("s")).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.summary_is_stale().unwrap_or(false), "the flag survives the crash");
    // The next write (here: nothing new) recomputes everything.
    let refresh = store.refresh_summary().unwrap_or_else(|e| panic!("{e}"));
    assert!(refresh.full && refresh.added > 0, "{refresh:?}");
    assert!(!store.summary_is_stale().unwrap_or(true));
    assert_eq!(dump(&store), expected);
}

#[test]
fn a_store_of_model_version_1_is_upgraded_when_opened_for_writing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let expected = {
        let store = new_store(&dir, "s");
        ingest(&store, &[talks(), completed()]);
        let expected = dump(&store);
        // What version 1 wrote: the same document graphs, no summary.
        assert!(store.update_version_for_test("1").is_ok());
        assert!(store.clear_summary_for_test().is_ok());
        assert!(ask(&store, "acquisitions", &[]).is_empty());
        expected
    };
    let store = Store::open(dir.path().join("s")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.model_version().unwrap_or_default().as_deref(), Some(vocab::MODEL_VERSION.to_string().as_str()));
    assert_eq!(ask(&store, "acquisitions", &[]).len(), 1);
    // The same bytes as a store written by this version.
    assert_eq!(dump(&store), expected);
}

#[test]
fn a_store_of_model_version_2_is_upgraded_when_opened_for_writing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let expected = {
        let store = new_store(&dir, "s");
        ingest(&store, &[talks(), completed()]);
        let expected = dump(&store);
        // What version 2 wrote: the summary without the fields version 3 added.
        assert!(store.update_version_for_test("2").is_ok());
        let removed = store
            .strip_summary_for_test(&["currentDate", "pricedAmount", "pricedValue", "pricedCurrency", "searchToken"])
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(removed > 0);
        assert!(ask(&store, "entities", &["name=acme"]).is_empty());
        expected
    };
    let store = Store::open(dir.path().join("s")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.model_version().unwrap_or_default().as_deref(), Some(vocab::MODEL_VERSION.to_string().as_str()));
    assert_eq!(ask(&store, "entities", &["name=acme"]).len(), 1);
    assert_eq!(dump(&store), expected);
}

#[test]
fn search_tokens_are_sparse_word_prefixes() {
    let tokens = super::summary::search_tokens(["bank-of-luoyang", "x", "q95", "é-tude"]);
    let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
    assert_eq!(tokens, vec!["ba", "bank", "lu", "luoy", "of", "q9", "tu", "tude", "x", "é"]);
}

#[test]
fn opening_checks_the_directory_and_the_version() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("missing");
    assert!(matches!(Store::open(&missing), Err(StoreError::Missing { .. })));
    assert!(!missing.exists());
    let file = dir.path().join("file");
    assert!(std::fs::write(&file, "x").is_ok());
    assert!(matches!(Store::open(&file), Err(StoreError::NotADirectory { .. })));
    assert!(matches!(Store::open_or_create(&file), Err(StoreError::NotADirectory { .. })));
    let other = dir.path().join("other");
    assert!(std::fs::create_dir(&other).is_ok() && std::fs::write(other.join("notes.txt"), "x").is_ok());
    assert!(matches!(Store::open_or_create(&other), Err(StoreError::NotAStore { .. })));
    {
        let store = new_store(&dir, "s");
        assert!(matches!(Store::open(store.path()), Err(StoreError::Locked { .. })));
        // Pretend an older dealgraph wrote it.
        assert!(store.update_version_for_test("0").is_ok());
    }
    let err = Store::open(dir.path().join("s")).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("model version 0") && err.contains("dump"), "{err}");
}

#[test]
fn service_is_refused_and_syntax_errors_point_at_the_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = new_store(&dir, "s");
    let service = store.query("SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }", &Params::default(), "--sparql");
    assert!(matches!(service, Err(StoreError::Service { .. })));
    let syntax = store.query("SELECT ?x\nWHERE { ?x ?y }", &Params::default(), "q.rq");
    let message = syntax.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("q.rq") && message.contains("line 2"), "{message}");
    assert!(matches!(questions::get("nope"), Err(StoreError::UnknownQuestion { ref available, .. }) if available.contains("who-tried-to-buy-whom")));
    let Ok(deals) = questions::get("deals-of") else { panic!("deals-of") };
    assert!(matches!(store.query_question(&deals, &Params::default()), Err(StoreError::MissingParameter { ref name, .. }) if name == "company"));
}
