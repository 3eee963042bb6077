//! Generated gazetteer names, so the benchmark can run with a million names without
//! shipping a million-name list: the matcher benchmark's generator
//! ([`crate::gazetteer::bench::generate_entries`]: made-up organisations with sector
//! words and legal forms, people with bundled first names), written as a gazetteer CSV
//! that `extract` and `ingest` read with `--gazetteer`. Reproducible from the seed.

use std::collections::HashSet;
use std::path::Path;

use crate::gazetteer::{Entry, Gazetteer};
use crate::text::fold_case;

/// Entries that bring `gazetteer` up to `total` entries, none of whose folded labels is
/// already a name of it.
pub fn generate(gazetteer: &Gazetteer, total: usize, seed: u64) -> Vec<Entry> {
    let mut taken: HashSet<String> = gazetteer.entries.iter().flat_map(|e| e.names()).map(fold_case).collect();
    let count = total.saturating_sub(gazetteer.entries.len());
    crate::gazetteer::bench::generate_entries(count, seed, &mut taken)
}

/// Writes `entries` as a gazetteer CSV (`id,type,label,aliases,wikidata`).
pub fn write_csv(entries: &[Entry], path: &Path) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut out = csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 20, file));
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    out.write_record(["id", "type", "label", "aliases", "wikidata"]).map_err(io)?;
    for entry in entries {
        let aliases = entry.aliases.join("|");
        out.write_record([entry.id.as_str(), entry.kind.as_str(), entry.label.as_str(), aliases.as_str(), entry.wikidata.as_deref().unwrap_or("")])
            .map_err(io)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_round_trip() {
        let bundled = Gazetteer::bundled().unwrap_or_else(|e| panic!("{e}"));
        let total = bundled.entries.len() + 500;
        let entries = generate(&bundled, total, 42);
        assert_eq!(entries.len(), 500);
        assert_eq!(entries, generate(&bundled, total, 42), "same seed, same names");
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("names.csv");
        write_csv(&entries, &path).unwrap_or_else(|e| panic!("{e}"));
        let mut read = Gazetteer::new();
        read.add_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.entries.len(), 500);
        assert_eq!(read.entries[7].label, entries[7].label);
    }
}
