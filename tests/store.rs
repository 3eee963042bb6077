//! The store end to end, through the real binary: ingest, query, stats, dump, load,
//! forget, and the error cases (issues 3, 6 and 9).
//!
//! Fixtures (`tests/data/store/`) are plain sentences with the entities in their own
//! gazetteer, so the rows expected here depend on the store, not on how clever the
//! relation extractor is on real news. The bundled `examples/` are checked too.

// Needs the store (the default feature); a `--no-default-features` build leaves it out.
#![cfg(feature = "store")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn data(name: &str) -> PathBuf {
    root().join("tests/data/store").join(name)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_dealgraph"))
        .args(args)
        .current_dir(dir)
        .env_remove("DEALGRAPH_STORE")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run dealgraph: {e}"));
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn ok(dir: &Path, args: &[&str]) -> Run {
    let run = run_in(dir, args);
    assert_eq!(run.code, 0, "dealgraph {args:?} failed:\n{}", run.stderr);
    run
}

/// A temporary directory with a store in it (`store`, not created yet).
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")) }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn store(&self) -> String {
        self.path().join("store").display().to_string()
    }
    /// Ingests fixture files with the fixture gazetteer only.
    fn ingest_fixtures(&self, store: &str, files: &[&str]) -> Run {
        let gazetteer = data("gazetteer.csv").display().to_string();
        let paths: Vec<String> = files.iter().map(|f| data(f).display().to_string()).collect();
        let mut args = vec!["ingest", "--store", store, "--no-default-gazetteers", "--gazetteer", &gazetteer];
        args.extend(paths.iter().map(String::as_str));
        ok(self.path(), &args)
    }
    /// Runs a question and returns its CSV rows (header dropped).
    fn ask(&self, store: &str, question: &str, params: &[&str]) -> Vec<Vec<String>> {
        let mut args = vec!["query", "--store", store, "--question", question, "--format", "csv"];
        for p in params {
            args.push("--param");
            args.push(p);
        }
        let run = ok(self.path(), &args);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(run.stdout.as_bytes());
        reader
            .records()
            .map(|r| r.unwrap_or_else(|e| panic!("bad csv: {e}")).iter().map(String::from).collect())
            .collect()
    }
    fn dump(&self, store: &str) -> String {
        ok(self.path(), &["dump", "--store", store]).stdout
    }
}

fn columns(rows: &[Vec<String>], which: &[usize]) -> Vec<Vec<String>> {
    rows.iter().map(|r| which.iter().map(|&i| r.get(i).cloned().unwrap_or_default()).collect()).collect()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
}

// ---- Idempotence and order ------------------------------------------------------

#[test]
fn reingest_gives_a_byte_identical_dump() {
    let env = Env::new();
    let store = env.store();
    env.ingest_fixtures(&store, &["talks.jsonl", "done.jsonl", "more.jsonl"]);
    let first = env.dump(&store);
    assert!(first.contains("dg:") || first.contains("https://w3id.org/dealgraph/ns#"));
    let again = env.ingest_fixtures(&store, &["talks.jsonl", "done.jsonl", "more.jsonl"]);
    assert!(again.stderr.contains("9 unchanged"), "{}", again.stderr);
    assert_eq!(env.dump(&store), first);
}

#[test]
fn ingest_order_does_not_change_the_dump() {
    let env = Env::new();
    let ab = env.path().join("ab").display().to_string();
    let ba = env.path().join("ba").display().to_string();
    env.ingest_fixtures(&ab, &["talks.jsonl", "done.jsonl", "more.jsonl"]);
    env.ingest_fixtures(&ba, &["more.jsonl"]);
    env.ingest_fixtures(&ba, &["done.jsonl"]);
    env.ingest_fixtures(&ba, &["talks.jsonl"]);
    assert_eq!(env.dump(&ab), env.dump(&ba));
}

#[test]
fn dump_load_round_trip_and_shards_merge() {
    let env = Env::new();
    let whole = env.path().join("whole").display().to_string();
    env.ingest_fixtures(&whole, &["talks.jsonl", "done.jsonl", "more.jsonl"]);
    let expected = env.dump(&whole);
    let merged = env.path().join("merged").display().to_string();
    let gazetteer = data("gazetteer.csv").display().to_string();
    for shard in ["0/3", "1/3", "2/3"] {
        let store = env.path().join(format!("shard{}", &shard[..1])).display().to_string();
        let files: Vec<String> = ["talks.jsonl", "done.jsonl", "more.jsonl"].iter().map(|f| data(f).display().to_string()).collect();
        let mut args = vec!["ingest", "--store", &store, "--shard", shard, "--no-default-gazetteers", "--gazetteer", &gazetteer];
        args.extend(files.iter().map(String::as_str));
        ok(env.path(), &args);
        let file = env.path().join(format!("shard{}.nq", &shard[..1])).display().to_string();
        ok(env.path(), &["dump", "--store", &store, "--output", &file]);
        ok(env.path(), &["load", "--store", &merged, &file]);
    }
    assert_eq!(env.dump(&merged), expected);
    // TriG round trip, loading twice changes nothing.
    let trig = env.path().join("all.trig").display().to_string();
    ok(env.path(), &["dump", "--store", &whole, "--format", "trig", "--output", &trig]);
    let from_trig = env.path().join("from-trig").display().to_string();
    ok(env.path(), &["load", "--store", &from_trig, &trig]);
    ok(env.path(), &["load", "--store", &from_trig, &trig]);
    assert_eq!(env.dump(&from_trig), expected);
}

// ---- Consolidation and current status --------------------------------------------

#[test]
fn talks_then_completion_is_one_deal_now_completed_with_history() {
    let env = Env::new();
    let store = env.store();
    // The later article first: the order must not matter.
    env.ingest_fixtures(&store, &["done.jsonl"]);
    env.ingest_fixtures(&store, &["talks.jsonl"]);
    let acquisitions = env.ask(&store, "acquisitions", &[]);
    assert_eq!(
        acquisitions,
        strings(&[&["Acme Corp", "Widgetco Inc", "completed", "$10 million", "10000000", "USD", "2021-03-02", "acme-done", "3"]])
    );
    assert!(env.ask(&store, "who-tried-to-buy-whom", &[]).is_empty());
    let timeline = env.ask(&store, "timeline", &["company=acme", "other=widgetco"]);
    assert_eq!(
        columns(&timeline, &[0, 1, 2, 3, 4, 6]),
        strings(&[
            &["acquisition", "Acme Corp", "Widgetco Inc", "pursuing", "2020-01-10", "acme-talks"],
            &["acquisition", "Acme Corp", "Widgetco Inc", "pursuing", "2020-01-11", "wire-talks"],
            &["acquisition", "Acme Corp", "Widgetco Inc", "pursuing", "2020-01-11", "wire-talks-copy"],
            &["acquisition", "Acme Corp", "Widgetco Inc", "completed", "2021-03-02", "acme-done"],
        ])
    );
    let stats = ok(env.path(), &["stats", "--store", &store, "--format", "json"]).stdout;
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap_or_default();
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["distinct_texts"], 3);
    assert_eq!(stats["relations_by_type_and_status"]["acquisition"]["completed"], 1);
}

#[test]
fn two_articles_are_two_sources_and_a_syndicated_copy_is_not_a_third() {
    let env = Env::new();
    let store = env.store();
    env.ingest_fixtures(&store, &["talks.jsonl"]);
    let rows = env.ask(&store, "who-tried-to-buy-whom", &[]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    // buyer, target, status, document, evidence, date, sources
    assert_eq!(&row[..4], ["Acme Corp", "Widgetco Inc", "pursuing", "wire-talks-copy"]);
    assert_eq!(row[4], "Acme Corp is in talks to buy Widgetco Inc, people familiar with the matter said.");
    assert_eq!(row[5], "2020-01-11");
    assert_eq!(row[6], "2", "acme-talks and wire-talks; wire-talks-copy is the same text");
    let sources = env.ask(&store, "sources", &["company=Widgetco"]);
    assert_eq!(
        columns(&sources, &[1, 3, 5, 6]),
        strings(&[
            &["Acme Corp -> Widgetco Inc", "acme-talks", "https://news.example/acme-talks", "1"],
            &["Acme Corp -> Widgetco Inc", "wire-talks", "https://wire.example/1", "2"],
            &["Acme Corp -> Widgetco Inc", "wire-talks-copy", "https://paper.example/1", "2"],
        ])
    );
}

#[test]
fn forget_removes_a_document_and_only_what_it_supported() {
    let env = Env::new();
    let store = env.store();
    env.ingest_fixtures(&store, &["talks.jsonl", "done.jsonl"]);
    assert!(env.ask(&store, "who-tried-to-buy-whom", &[]).is_empty());
    ok(env.path(), &["forget", "--store", &store, "acme-done"]);
    let rows = env.ask(&store, "who-tried-to-buy-whom", &[]);
    assert_eq!(columns(&rows, &[0, 1, 2, 6]), strings(&[&["Acme Corp", "Widgetco Inc", "pursuing", "2"]]));
    let missing = run_in(env.path(), &["forget", "--store", &store, "acme-done"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no document \"acme-done\""), "{}", missing.stderr);
    // Forgetting then ingesting again restores the same store.
    let before = env.dump(&store);
    env.ingest_fixtures(&store, &["done.jsonl"]);
    ok(env.path(), &["forget", "--store", &store, "acme-done"]);
    assert_eq!(env.dump(&store), before);
}

// ---- Every question on the fixtures ------------------------------------------------

fn fixture_store(env: &Env) -> String {
    let store = env.store();
    env.ingest_fixtures(&store, &["talks.jsonl", "done.jsonl", "more.jsonl"]);
    store
}

#[test]
fn questions_on_the_fixtures() {
    let env = Env::new();
    let store = fixture_store(&env);

    let tried = env.ask(&store, "who-tried-to-buy-whom", &[]);
    assert_eq!(columns(&tried, &[0, 1, 2, 3, 5, 6]), strings(&[&["Globex", "Initech", "abandoned", "globex-initech", "2019-05-01", "1"]]));

    let acquisitions = env.ask(&store, "acquisitions", &[]);
    assert_eq!(columns(&acquisitions, &[0, 1, 2, 3]), strings(&[&["Acme Corp", "Widgetco Inc", "completed", "$10 million"]]));

    let deals = env.ask(&store, "deals-of", &["company=HOOLI"]);
    assert_eq!(
        columns(&deals, &[0, 1, 2, 3, 4]),
        strings(&[
            &["Hooli", "investee", "investment", "Umbrella Corp", "completed"],
            &["Hooli", "defendant", "lawsuit", "Initech", "filed"],
            &["Hooli", "party", "partnership", "Globex", ""],
        ])
    );

    assert_eq!(columns(&env.ask(&store, "partners-of", &["company=globex"]), &[0, 1, 3]), strings(&[&["Globex", "Hooli", "1"]]));

    let lawsuits = env.ask(&store, "lawsuits", &[]);
    assert_eq!(columns(&lawsuits, &[0, 1, 2, 5]), strings(&[&["Initech", "Hooli", "filed", "initech-hooli"]]));
    assert_eq!(env.ask(&store, "lawsuits", &["company=initech"]).len(), 1);
    assert!(env.ask(&store, "lawsuits", &["company=acme"]).is_empty());

    let investors = env.ask(&store, "investors-in", &["company=hooli"]);
    assert_eq!(columns(&investors, &[0, 1, 2, 3, 4, 5]), strings(&[&["Umbrella Corp", "Hooli", "completed", "$5 million", "5000000", "USD"]]));

    let people = env.ask(&store, "people-of", &["company=Acme Corp."]);
    assert_eq!(columns(&people, &[0, 1, 2, 3]), strings(&[&["Jane Roe", "ceo_of", "Acme Corp", "2019-09-01"]]));

    let active = env.ask(&store, "most-active-acquirers", &[]);
    assert_eq!(
        active,
        strings(&[&["Acme Corp", "1", "1", "0", "0", "0"], &["Globex", "1", "0", "0", "0", "1"]])
    );

    // A word-prefix search: "co" starts "corp" (the full slugs are keys too), not "widgetco".
    let entities = env.ask(&store, "entities", &["name=co"]);
    assert_eq!(
        columns(&entities, &[0, 1, 2, 3, 4]),
        strings(&[&["Acme Corp", "Organization", "Q90000001", "5", "acme"], &["Umbrella Corp", "Organization", "", "1", "umbrella"]])
    );
    for (text, found) in [("widg", 1), ("Widgetco Inc", 1), ("widgetco-in", 1), ("getco", 0), ("acme corp", 1), ("q90000001", 1), ("q9000", 1), ("x", 0)] {
        assert_eq!(env.ask(&store, "entities", &[&format!("name={text}")]).len(), found, "{text}");
    }
}

#[test]
fn parameters_resolve_case_aliases_and_wikidata_ids() {
    let env = Env::new();
    let store = fixture_store(&env);
    for name in ["acme", "ACME", "Acme Corp", "acme corporation", "Q90000001", "q90000001"] {
        let rows = env.ask(&store, "people-of", &[&format!("company={name}")]);
        assert_eq!(rows.len(), 1, "--param company={name}");
    }
}

#[test]
fn injected_parameters_are_just_names() {
    let env = Env::new();
    let store = fixture_store(&env);
    let before = env.dump(&store);
    for evil in ["\"} DROP ALL #", "x\" } } SELECT * WHERE { ?s ?p ?o } #", "') . ?s ?p ?o #", "\\\" }"] {
        let rows = env.ask(&store, "deals-of", &[&format!("company={evil}")]);
        assert!(rows.is_empty(), "{evil}: {rows:?}");
    }
    assert_eq!(env.dump(&store), before);
}

#[test]
fn output_formats() {
    let env = Env::new();
    let store = fixture_store(&env);
    let table = ok(env.path(), &["query", "--store", &store, "--question", "who-tried-to-buy-whom"]).stdout;
    let mut lines = table.lines();
    let header = lines.next().unwrap_or_default();
    assert_eq!(header, "buyer   target   status     document        evidence                               date        sources", "{table}");
    assert!(table.ends_with("(1 row)\n"), "{table}");
    let json = ok(env.path(), &["query", "--store", &store, "--question", "who-tried-to-buy-whom", "--format", "json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(json["head"]["vars"][0], "buyer");
    assert_eq!(json["results"]["bindings"][0]["target"]["value"], "Initech");
    let tsv = ok(env.path(), &["query", "--store", &store, "--question", "partners-of", "--param", "company=hooli", "--format", "tsv"]).stdout;
    assert!(tsv.starts_with("?party\t?partner\t"), "{tsv}");
    let ask = ok(env.path(), &["query", "--store", &store, "--sparql", "ASK { GRAPH ?g { ?a dg:acquired ?b } }"]).stdout;
    assert_eq!(ask, "true\n");
    let construct = ok(
        env.path(),
        &["query", "--store", &store, "--sparql", "CONSTRUCT { ?a dg:acquired ?b } WHERE { GRAPH ?g { ?a dg:acquired ?b } }"],
    )
    .stdout;
    assert!(construct.contains("entity:acme dg:acquired entity:widgetco"), "{construct}");
    let file = env.path().join("mine.rq");
    std::fs::write(&file, "# Parameter: company (required) a company\nPREFIX schema: <http://schema.org/>\nPREFIX dg: <https://w3id.org/dealgraph/ns#>\nSELECT DISTINCT ?name WHERE { GRAPH ?g { ?e dg:nameKey ?company_key ; schema:name ?name } }\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let mine = ok(env.path(), &["query", "--store", &store, &file.display().to_string(), "--param", "company=umbrella", "--format", "csv"]).stdout;
    assert_eq!(mine, "name\r\nUmbrella Corp\r\n");
}

// ---- The bundled examples -----------------------------------------------------------

/// The `Columns:` of a question's header.
fn declared_columns(question: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("queries").join(format!("{question}.rq"))).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("# Columns:"))
        .map(|c| c.split(',').map(|s| s.trim().to_string()).collect())
        .unwrap_or_default()
}

/// The current status of each acquisition, computed straight from `extract` output the
/// way docs/model.md defines it (latest by date, document id, stage, position):
/// (buyer label, target label, status, document).
fn current_acquisitions(extract_jsonl: &str) -> Vec<(String, String, String, String)> {
    let rank = |s: &str| match s {
        "pursuing" => 1,
        "agreed" => 2,
        "abandoned" => 3,
        "completed" => 4,
        _ => 0,
    };
    let mut latest: std::collections::BTreeMap<(String, String), ((String, String, u8, u64), (String, String, String, String))> =
        std::collections::BTreeMap::new();
    for line in extract_jsonl.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        let label = |id: &str| {
            doc["entities"].as_array().into_iter().flatten().find(|e| e["id"] == id).and_then(|e| e["label"].as_str()).unwrap_or("").to_string()
        };
        for r in doc["relations"].as_array().into_iter().flatten().filter(|r| r["type"] == "acquisition") {
            let (s, o) = (r["subject"].as_str().unwrap_or(""), r["object"].as_str().unwrap_or(""));
            let status = r["status"].as_str().unwrap_or("").to_string();
            let key = (
                doc["date"].as_str().unwrap_or("").to_string(),
                doc["doc"].as_str().unwrap_or("").to_string(),
                rank(&status),
                r["evidence"]["start"].as_u64().unwrap_or(0),
            );
            let value = (label(s), label(o), status, key.1.clone());
            let entry = latest.entry((s.to_string(), o.to_string())).or_insert_with(|| (key.clone(), value.clone()));
            if key > entry.0 {
                *entry = (key, value);
            }
        }
    }
    let mut out: Vec<_> = latest.into_values().map(|(_, v)| v).collect();
    out.sort();
    out
}

#[test]
fn questions_on_the_bundled_examples() {
    let env = Env::new();
    let store = env.store();
    let examples = root().join("examples").display().to_string();
    let gazetteer = root().join("examples/gazetteer.csv").display().to_string();
    ok(env.path(), &["ingest", "--store", &store, "--gazetteer", &gazetteer, &examples]);
    let mut txts: Vec<String> = std::fs::read_dir(root().join("examples"))
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).map(|p| p.display().to_string()).collect())
        .unwrap_or_default();
    txts.sort();
    let mut args = vec!["extract", "--gazetteer", &gazetteer];
    args.extend(txts.iter().map(String::as_str));
    let extracted = ok(env.path(), &args).stdout;
    let current = current_acquisitions(&extracted);

    // Every question runs on the examples and answers with the columns it declares.
    let company = "twitter";
    for entry in std::fs::read_dir(root().join("queries")).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rq") {
            continue;
        }
        let name = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut args = vec!["query".to_string(), "--store".into(), store.clone(), "--question".into(), name.clone(), "--format".into(), "csv".into()];
        if text.contains("# Parameter: company (required)") {
            args.extend(["--param".to_string(), format!("company={company}")]);
        }
        if text.contains("# Parameter: name (required)") {
            args.extend(["--param".to_string(), "name=sales".to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ok(env.path(), &args).stdout;
        let header: Vec<String> = out.lines().next().unwrap_or_default().split(',').map(String::from).collect();
        assert_eq!(header, declared_columns(&name), "{name}");
    }

    // who-tried-to-buy-whom and acquisitions agree with the extraction output.
    let tried = env.ask(&store, "who-tried-to-buy-whom", &[]);
    let expected: Vec<Vec<String>> = current
        .iter()
        .filter(|(.., status, _)| status == "pursuing" || status == "abandoned")
        .map(|(b, t, s, d)| vec![b.clone(), t.clone(), s.clone(), d.clone()])
        .collect();
    assert_eq!(columns(&tried, &[0, 1, 2, 3]), expected);
    let mut acquisitions = columns(&env.ask(&store, "acquisitions", &[]), &[0, 1, 2, 7]);
    acquisitions.sort();
    let expected: Vec<Vec<String>> = current
        .iter()
        .filter(|(.., status, _)| status == "completed" || status == "agreed")
        .map(|(b, t, s, d)| vec![b.clone(), t.clone(), s.clone(), d.clone()])
        .collect();
    assert_eq!(acquisitions, expected);
    for row in env.ask(&store, "deals-of", &["company=TWITTER"]) {
        assert_eq!(row[0], "Twitter", "{row:?}");
    }

    // Gazetteer-driven answers are exact.
    let entities = env.ask(&store, "entities", &["name=salesforce"]);
    assert_eq!(columns(&entities, &[0, 1, 2, 4]), strings(&[&["Salesforce", "Organization", "Q941127", "salesforce"]]));
    let satya = env.ask(&store, "entities", &["name=Q7426870"]);
    assert_eq!(columns(&satya, &[0, 1]), strings(&[&["Satya Nadella", "Person"]]));
}

// ---- Errors ---------------------------------------------------------------------------

#[test]
fn query_on_a_missing_store_fails_and_creates_nothing() {
    let env = Env::new();
    let store = env.store();
    let run = run_in(env.path(), &["query", "--store", &store, "--question", "who-tried-to-buy-whom"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no store at") && run.stderr.contains(&store), "{}", run.stderr);
    assert!(!Path::new(&store).exists());
    // The default store too.
    let run = run_in(env.path(), &["stats"]);
    assert_eq!(run.code, 1);
    assert!(!env.path().join("dealgraph-store").exists());
}

#[test]
fn a_file_is_not_a_store() {
    let env = Env::new();
    let file = env.path().join("file");
    std::fs::write(&file, "x").unwrap_or_else(|e| panic!("{e}"));
    let file = file.display().to_string();
    for args in [vec!["stats", "--store", &file], vec!["ingest", "--store", &file, "-"]] {
        let run = run_in(env.path(), &args);
        assert_eq!(run.code, 1, "{args:?}");
        assert!(run.stderr.contains("is a file, not a store directory"), "{}", run.stderr);
    }
}

/// `kill -9` while RocksDB creates the database leaves its first files but no `CURRENT`:
/// the next ingest creates the store there; a directory with anything else is refused.
#[test]
fn a_store_whose_creation_was_killed_is_created_again() {
    let env = Env::new();
    let half = env.path().join("half");
    std::fs::create_dir(&half).unwrap_or_else(|e| panic!("{e}"));
    for (name, content) in [("LOCK", ""), ("IDENTITY", "id\n"), ("LOG", ""), ("MANIFEST-000001", "x"), ("000001.dbtmp", "MANIFEST-000001\n")] {
        std::fs::write(half.join(name), content).unwrap_or_else(|e| panic!("{e}"));
    }
    let store = half.display().to_string();
    env.ingest_fixtures(&store, &["talks.jsonl"]);
    assert_eq!(env.ask(&store, "who-tried-to-buy-whom", &[]).len(), 1);

    let foreign = env.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(foreign.join("LOCK"), "").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap_or_else(|e| panic!("{e}"));
    let run = run_in(env.path(), &["ingest", "--store", &foreign.display().to_string(), "-"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not a dealgraph store"), "{}", run.stderr);
    assert!(foreign.join("notes.txt").exists());
}

#[test]
fn query_mistakes_are_explained() {
    let env = Env::new();
    let store = fixture_store(&env);
    let unknown = run_in(env.path(), &["query", "--store", &store, "--question", "who-bought-what"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("unknown question \"who-bought-what\"") && unknown.stderr.contains("who-tried-to-buy-whom"), "{}", unknown.stderr);

    let missing = run_in(env.path(), &["query", "--store", &store, "--question", "deals-of"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("needs the parameter \"company\""), "{}", missing.stderr);

    let unknown_param = run_in(env.path(), &["query", "--store", &store, "--question", "deals-of", "--param", "company=x", "--param", "firm=y"]);
    assert_eq!(unknown_param.code, 2);
    assert!(unknown_param.stderr.contains("no parameter \"firm\""), "{}", unknown_param.stderr);

    let syntax = run_in(env.path(), &["query", "--store", &store, "--sparql", "SELECT ?x\nWHERE { ?x ?y }"]);
    assert_eq!(syntax.code, 2);
    assert!(syntax.stderr.contains("line 2") && syntax.stderr.contains("WHERE { ?x ?y }") && syntax.stderr.contains('^'), "{}", syntax.stderr);

    let service = run_in(env.path(), &["query", "--store", &store, "--sparql", "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }"]);
    assert_eq!(service.code, 2);
    assert!(service.stderr.contains("SERVICE") && service.stderr.contains("disabled"), "{}", service.stderr);

    let none = run_in(env.path(), &["query", "--store", &store]);
    assert_eq!(none.code, 2);
}

#[test]
fn a_store_in_use_is_reported_not_waited_for() {
    let env = Env::new();
    let store = fixture_store(&env);
    // An ingest reading standard input holds the store until its input ends.
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_dealgraph"))
            .args(["ingest", "--store", &store, "--no-default-gazetteers", "-"])
            .current_dir(env.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let mut holder = spawn();
    let mut locked = None;
    for _ in 0..50 {
        std::thread::sleep(std::time::Duration::from_millis(200));
        if let Ok(Some(_)) = holder.try_wait() {
            // It lost the race for the lock against our previous probe: try again.
            holder = spawn();
            continue;
        }
        let started = std::time::Instant::now();
        let run = run_in(env.path(), &["stats", "--store", &store]);
        if run.code != 0 {
            assert!(started.elapsed() < std::time::Duration::from_secs(10), "waited too long");
            locked = Some(run);
            break;
        }
    }
    drop(holder.stdin.take());
    let _ = holder.wait();
    let locked = locked.unwrap_or_else(|| panic!("the store was never reported in use"));
    assert_eq!(locked.code, 1);
    assert!(locked.stderr.contains("in use by another process"), "{}", locked.stderr);
}

#[test]
fn a_store_of_another_model_version_is_refused_with_advice() {
    let env = Env::new();
    let store = fixture_store(&env);
    let dump = env.dump(&store).replace(
        "<https://w3id.org/dealgraph/ns#modelVersion> \"3\"",
        "<https://w3id.org/dealgraph/ns#modelVersion> \"0\"",
    );
    let file = env.path().join("old.nq");
    std::fs::write(&file, dump).unwrap_or_else(|e| panic!("{e}"));
    let run = run_in(env.path(), &["load", "--store", &env.path().join("new").display().to_string(), &file.display().to_string()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("model version 0") && run.stderr.contains("version 3"), "{}", run.stderr);
}

// ---- Interoperability ----------------------------------------------------------------

/// A Python that has pyoxigraph and rdflib: `$DEALGRAPH_INTEROP_PYTHON`, the interop
/// venv under target/ (`scripts/test.sh` installs it), or `python3`.
fn interop_python() -> Option<String> {
    let mut candidates: Vec<String> = std::env::var("DEALGRAPH_INTEROP_PYTHON").into_iter().collect();
    candidates.push(root().join("target/interop-venv/bin/python").display().to_string());
    candidates.push("python3".into());
    candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import pyoxigraph, rdflib"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The store directory opens in pyoxigraph 0.5 and answers `who-tried-to-buy-whom` like
/// dealgraph; the N-Quads dump parses in rdflib. Skipped (with a message) where neither
/// `target/interop-venv` nor `$DEALGRAPH_INTEROP_PYTHON` has pyoxigraph and rdflib:
/// `tests/interop/requirements.txt` should list `pyoxigraph>=0.5,<0.6` and `rdflib`.
#[test]
fn the_store_opens_in_pyoxigraph_and_the_dump_parses_in_rdflib() {
    let Some(python) = interop_python() else {
        eprintln!("SKIP the_store_opens_in_pyoxigraph…: no Python with pyoxigraph and rdflib (set DEALGRAPH_INTEROP_PYTHON)");
        return;
    };
    let env = Env::new();
    for (name, store) in [("fixtures", fixture_store(&env)), ("examples", {
        let store = env.path().join("examples-store").display().to_string();
        let gazetteer = root().join("examples/gazetteer.csv").display().to_string();
        ok(env.path(), &["ingest", "--store", &store, "--gazetteer", &gazetteer, &root().join("examples").display().to_string()]);
        store
    })] {
        let csv = env.path().join(format!("{name}.csv"));
        let answer = ok(env.path(), &["query", "--store", &store, "--question", "who-tried-to-buy-whom", "--format", "csv"]).stdout;
        std::fs::write(&csv, answer).unwrap_or_else(|e| panic!("{e}"));
        let dump = env.path().join(format!("{name}.nq"));
        ok(env.path(), &["dump", "--store", &store, "--output", &dump.display().to_string()]);
        let output = Command::new(&python)
            .arg(data("interop.py"))
            .args([&store, &root().join("queries/who-tried-to-buy-whom.rq").display().to_string()])
            .arg(&csv)
            .arg(&dump)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            output.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
