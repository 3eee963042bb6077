//! Generates `$OUT_DIR/bundled.rs`: every data file under `gazetteers/` (name lists, cue
//! lexicons, word lists), every question under `queries/` and the demo's articles under
//! `examples/`, compiled into the binary.
//!
//! Why a build script: adding a cue file for a new language, or a new `.rq` question,
//! must need no Rust change. The files are found by walking the directories.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // The build scripts of the name lists are not data.
            if path.file_name().is_some_and(|n| n == "build") {
                continue;
            }
            walk(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("csv" | "txt" | "rq" | "tsv")
        ) {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut files = Vec::new();
    for dir in ["gazetteers", "queries", "examples"] {
        println!("cargo:rerun-if-changed={dir}");
        walk(&root.join(dir), &mut files);
    }
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let mut code = String::from("/// (path relative to the crate root, content)\npub static FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let rel = path.strip_prefix(&root).unwrap_or(path);
        let rel = rel.to_string_lossy().replace('\\', "/");
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    code.push_str("];\n");
    let mut file = fs::File::create(out_dir.join("bundled.rs")).unwrap_or_else(|e| panic!("cannot write bundled.rs: {e}"));
    file.write_all(code.as_bytes()).unwrap_or_else(|e| panic!("cannot write bundled.rs: {e}"));
}
