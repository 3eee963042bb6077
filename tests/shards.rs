//! Sharding (issue 8, "Beyond one machine"): extraction is a pure map over documents,
//! so `--shard I/N` runs on N machines merge into the same graph as one run.
//!
//! The real binary runs in temporary directories: the bundled examples are ingested as
//! four shards into four stores, each store is dumped (N-Quads), the four dumps are
//! loaded into one store, and its dump must be the same bytes as the dump of one run
//! over everything. The same holds for `extract`: the four shards' JSON Lines are the
//! lines of one run.

#![cfg_attr(not(feature = "store"), allow(dead_code, unused_imports))]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

const SHARDS: usize = 4;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs dealgraph with `args` and returns its standard output; panics with standard
/// error when it fails.
fn dealgraph<S: AsRef<OsStr>>(args: &[S]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_dealgraph"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run dealgraph: {e}"));
    let shown: Vec<String> = args.iter().map(|a| a.as_ref().to_string_lossy().into_owned()).collect();
    assert!(
        output.status.success(),
        "dealgraph {} failed ({}):\n{}",
        shown.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn path_arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// `ingest` (one shard or all) into `store`, then its N-Quads dump.
fn ingest_and_dump(store: &Path, shard: Option<usize>) -> Vec<u8> {
    let mut args = vec!["ingest".to_string(), "--store".into(), path_arg(store), "--jobs".into(), "2".into()];
    args.extend(["--gazetteer".to_string(), "examples/gazetteer.csv".into()]);
    if let Some(i) = shard {
        args.extend(["--shard".to_string(), format!("{i}/{SHARDS}")]);
    }
    args.push("examples".into());
    dealgraph(&args);
    dealgraph(&["dump", "--store", &path_arg(store), "--format", "nquads"])
}

/// Named graphs (one per document) in an N-Quads dump.
fn graphs(dump: &[u8]) -> std::collections::BTreeSet<String> {
    String::from_utf8_lossy(dump)
        .lines()
        .filter_map(|l| l.trim_end().strip_suffix(" .").and_then(|l| l.rsplit_once(' ')).map(|(_, g)| g.to_string()))
        .filter(|g| g.starts_with('<') && g.contains("/id/doc/"))
        .collect()
}

#[test]
#[cfg(feature = "store")]
fn four_shards_ingested_and_loaded_dump_the_same_as_one_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let whole = ingest_and_dump(&dir.path().join("all"), None);
    assert!(!whole.is_empty());

    let mut dumps = Vec::new();
    let mut shard_graphs = std::collections::BTreeSet::new();
    for i in 0..SHARDS {
        let dump = ingest_and_dump(&dir.path().join(format!("shard-{i}")), Some(i));
        let path = dir.path().join(format!("shard-{i}.nq"));
        let mine = graphs(&dump);
        assert!(mine.is_disjoint(&shard_graphs), "shard {i} repeats a document of another shard");
        shard_graphs.extend(mine);
        std::fs::write(&path, &dump).unwrap_or_else(|e| panic!("{e}"));
        dumps.push(path_arg(&path));
    }
    assert_eq!(shard_graphs, graphs(&whole), "the shards together hold every document once");

    let merged = dir.path().join("merged");
    let mut load = vec!["load".to_string(), "--store".into(), path_arg(&merged)];
    load.extend(dumps);
    dealgraph(&load);
    let merged_dump = dealgraph(&["dump", "--store", &path_arg(&merged), "--format", "nquads"]);
    if merged_dump != whole {
        let (a, b) = (String::from_utf8_lossy(&whole), String::from_utf8_lossy(&merged_dump));
        let only_whole: Vec<&str> = a.lines().filter(|l| !b.contains(l)).take(5).collect();
        let only_merged: Vec<&str> = b.lines().filter(|l| !a.contains(l)).take(5).collect();
        panic!("the merged dump differs from one run:\nonly in one run: {only_whole:#?}\nonly in the merged store: {only_merged:#?}");
    }
}

#[test]
fn four_extract_shards_are_the_lines_of_one_run() {
    let run = |shard: Option<usize>| {
        let mut args = vec!["extract".to_string(), "--gazetteer".into(), "examples/gazetteer.csv".into()];
        if let Some(i) = shard {
            args.extend(["--shard".to_string(), format!("{i}/{SHARDS}")]);
        }
        args.push("examples".into());
        let out = String::from_utf8(dealgraph(&args)).unwrap_or_else(|e| panic!("{e}"));
        out.lines().map(str::to_string).collect::<Vec<_>>()
    };
    let mut whole = run(None);
    let mut shards: Vec<String> = (0..SHARDS).flat_map(|i| run(Some(i))).collect();
    assert!(!whole.is_empty());
    whole.sort();
    shards.sort();
    assert_eq!(shards, whole);
}
