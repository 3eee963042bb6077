//! Integration tests that run the real `dealgraph` binary: extract, gazetteer check,
//! questions, discover, and the error cases (bad arguments, missing files, bad input).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_dealgraph")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn dg(args: &[&str]) -> Output {
    Command::new(bin()).args(args).current_dir(root()).output().expect("run dealgraph")
}

fn dg_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn examples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    files.sort();
    files
}

/// Every mention and evidence span must cut exactly its text out of the document, in
/// Unicode scalar values (what Python's `text[start:end]` does).
fn assert_offsets(record: &serde_json::Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let cut = |s: &serde_json::Value| -> (String, String) {
        let start = s["start"].as_u64().unwrap() as usize;
        let end = s["end"].as_u64().unwrap() as usize;
        assert!(start <= end && end <= chars.len(), "span {start}..{end} outside {}", chars.len());
        (chars[start..end].iter().collect(), s["text"].as_str().unwrap().to_string())
    };
    for e in record["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (got, want) = cut(m);
            assert_eq!(got, want);
        }
    }
    for r in record["relations"].as_array().unwrap() {
        let (got, want) = cut(&r["evidence"]);
        assert_eq!(got, want);
    }
}

#[test]
fn extract_examples_in_the_scorers_format() {
    let mut args = vec!["extract", "--format", "jsonl", "--gazetteer", "examples/gazetteer.csv"];
    let files = examples();
    args.extend(files.iter().map(String::as_str));
    let out = dg(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), files.len());
    for (rec, file) in recs.iter().zip(&files) {
        let stem = Path::new(file).file_stem().unwrap().to_str().unwrap();
        assert_eq!(rec["doc"], stem);
        assert!(["nl", "de", "en"].contains(&rec["lang"].as_str().unwrap()));
        assert!(!rec["entities"].as_array().unwrap().is_empty());
        for e in rec["entities"].as_array().unwrap() {
            assert!(e["id"].is_string() && e["label"].is_string());
            assert!(["Organization", "Person"].contains(&e["type"].as_str().unwrap()));
        }
        assert_offsets(rec, &std::fs::read_to_string(root().join(file)).unwrap());
    }
}

#[test]
fn output_is_the_same_whatever_the_number_of_jobs() {
    let files = examples();
    let mut a = vec!["extract", "--jobs", "1"];
    a.extend(files.iter().map(String::as_str));
    let mut b = vec!["extract", "--jobs", "2"];
    b.extend(files.iter().map(String::as_str));
    let (one, two) = (dg(&a), dg(&b));
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(stdout(&one), stdout(&two));
    assert_eq!(stdout(&one), stdout(&dg(&a)));
}

#[test]
fn offsets_count_unicode_scalars_of_the_text_as_read() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = dir.path().join("g.csv");
    std::fs::write(&gaz, "id,type,label,aliases,wikidata\nacme,Organization,Acme Holding,Acme,\nwidgetco,Organization,Widgetco,,\n").unwrap();
    // Emoji (one scalar, four bytes), NBSP, curly apostrophe, soft hyphen, combining accent.
    let text = "🚀 Caf\u{0065}\u{0301} news: Ac\u{00AD}me\u{2019}s plan for Widgetco\u{00A0}and ACME.";
    let doc = serde_json::json!({"id": "u1", "text": text}).to_string();
    let out = dg_stdin(&["extract", "--no-default-gazetteers", "--gazetteer", gaz.to_str().unwrap(), "-"], &doc);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_offsets(&recs[0], text);
    let mentions: Vec<String> = recs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap().to_string()))
        .collect();
    assert!(mentions.contains(&"Ac\u{00AD}me".to_string()), "{mentions:?}");
    assert!(mentions.contains(&"Widgetco".to_string()));
    assert!(mentions.contains(&"ACME".to_string()));
}

#[test]
fn reads_jsonl_gzip_and_directories_with_relative_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("news/2016")).unwrap();
    std::fs::write(dir.path().join("news/2016/a.txt"), "Microsoft kondigde iets aan.").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"{\"id\":\"j1\",\"text\":\"Siemens kauft zu.\",\"date\":\"2016-10\",\"extra\":1}\n").unwrap();
    std::fs::write(dir.path().join("news/b.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let out = dg(&["extract", dir.path().join("news").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = records(&out).iter().map(|r| r["doc"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["2016/a", "j1"]);
    assert_eq!(records(&out)[1]["date"], "2016-10");
}

#[test]
fn duplicate_ids_are_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("d.jsonl");
    std::fs::write(&f, "{\"id\":\"x\",\"text\":\"Een.\"}\n{\"id\":\"x\",\"text\":\"Twee.\"}\n").unwrap();
    let out = dg(&["extract", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("duplicate document id \"x\"") && err.contains("d.jsonl:1") && err.contains("d.jsonl:2"), "{err}");
}

#[test]
fn bad_arguments_are_usage_errors() {
    let out = dg(&["extract", "--lang", "xx", "examples"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown language \"xx\""), "{}", stderr(&out));
    let out = dg(&["extract", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dg(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dg(&["extract"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no input given"));
    let out = dg(&["extract", "--date", "yesterday", "examples"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_files_are_named_and_change_the_exit_code() {
    let out = dg(&["extract", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.txt: no such file or directory"), "{}", stderr(&out));
    let files = examples();
    let out = dg(&["extract", "no/such/file.txt", &files[0]]);
    assert_eq!(out.status.code(), Some(3), "partial success");
    assert_eq!(records(&out).len(), 1);
    let out = dg(&["extract", "--gazetteer", "no/such.csv", &files[0]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such.csv"));
}

#[test]
fn bad_json_lines_are_skipped_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("d.jsonl");
    std::fs::write(&f, "{\"id\":\"a\",\"text\":\"Een.\"}\n{nope\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Vier.\"}\n").unwrap();
    let out = dg(&["extract", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("d.jsonl:2: not JSON"), "{err}");
    assert!(err.contains("d.jsonl:3: no field \"text\""), "{err}");
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn gazetteer_check_reports_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.csv");
    std::fs::write(
        &f,
        "id,type,label,aliases,wikidata\na,Organization,Alpha,AB,Q1\nb,Company,Beta,,\nc,Person,,,\nd,Organization,Delta,AB,Q01\na,Organization,Again,,\n",
    )
    .unwrap();
    let out = dg(&["gazetteer", "check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for expected in ["bad.csv:3: unknown entity type", "bad.csv:4: empty label", "bad.csv:5: malformed Wikidata id", "bad.csv:6: duplicate id \"a\""] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    let out = dg(&["gazetteer", "check", "examples/gazetteer.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn a_bad_gazetteer_stops_extract_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.csv");
    std::fs::write(&f, "id,type,label,aliases,wikidata\nx,Organization,X,,Qx\n").unwrap();
    let files = examples();
    let out = dg(&["extract", "--gazetteer", f.to_str().unwrap(), &files[0]]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.csv:2: malformed Wikidata id"), "{}", stderr(&out));
}

#[test]
fn discover_lists_unknown_names_as_csv() {
    let text = "Het bedrijf Zorbitex werd opgericht door Pieter Jansen. Topman Pieter Jansen van Zorbitex BV zei dat.";
    let doc = serde_json::json!({"id": "d", "text": text, "lang": "nl"}).to_string();
    let out = dg_stdin(&["discover", "--format", "csv", "-"], &doc);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(csv.starts_with("id,type,label,aliases,wikidata"), "{csv}");
    assert!(csv.contains("Pieter Jansen"), "{csv}");
    assert!(csv.contains("Zorbitex"), "{csv}");
}

#[test]
fn questions_lists_the_ready_made_questions() {
    let out = dg(&["questions"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("who-tried-to-buy-whom"), "{}", stdout(&out));
}
