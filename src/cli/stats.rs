//! `dealgraph stats`: documents, entities by type, deals and roles by type and current
//! status, triples.

use std::io::Write;

use anyhow::Context;
use dealgraph::store::Store;

use super::common::{StoreArgs, UsageError};
use super::query::to_anyhow;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// text (for people) or json.
    #[arg(long, default_value = "text", value_name = "text|json")]
    pub format: String,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if !matches!(args.format.as_str(), "text" | "json") {
        return Err(UsageError(format!("unknown --format {:?} (expected text or json)", args.format)).into());
    }
    let store = Store::open(&args.store.store).map_err(to_anyhow)?;
    let stats = store.stats().map_err(to_anyhow)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == "json" {
        let by_type: serde_json::Map<String, serde_json::Value> =
            stats.entities_by_type.iter().map(|(k, n)| (k.clone(), (*n).into())).collect();
        let mut relations = serde_json::Map::new();
        for (kind, status, n) in &stats.relations_by_type_and_status {
            let entry = relations.entry(kind.clone()).or_insert_with(|| serde_json::json!({}));
            if let Some(map) = entry.as_object_mut() {
                map.insert(if status.is_empty() { "none".into() } else { status.clone() }, (*n).into());
            }
        }
        let value = serde_json::json!({
            "store": store.path().display().to_string(),
            "model_version": stats.model_version,
            "documents": stats.documents,
            "distinct_texts": stats.distinct_texts,
            "entities": stats.entities(),
            "entities_by_type": by_type,
            "deals": stats.deals(),
            "roles": stats.roles(),
            "relations_by_type_and_status": relations,
            "triples": stats.triples,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        writeln!(out, "store      {} (model version {})", store.path().display(), stats.model_version)?;
        writeln!(out, "documents  {} ({} distinct texts)", stats.documents, stats.distinct_texts)?;
        let kinds: Vec<String> = stats.entities_by_type.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(out, "entities   {} ({})", stats.entities(), kinds.join(", "))?;
        for (title, roles) in [("deals", false), ("roles", true)] {
            let total = if roles { stats.roles() } else { stats.deals() };
            writeln!(out, "{title:<10} {total}")?;
            let mut kinds: Vec<&str> = Vec::new();
            for (kind, ..) in &stats.relations_by_type_and_status {
                let is_role = kind.parse::<dealgraph::model::RelationType>().is_ok_and(|t| t.is_role());
                if is_role == roles && !kinds.contains(&kind.as_str()) {
                    kinds.push(kind);
                }
            }
            for kind in kinds {
                let rows: Vec<&(String, String, usize)> = stats.relations_by_type_and_status.iter().filter(|(k, ..)| k == kind).collect();
                let n: usize = rows.iter().map(|(.., n)| n).sum();
                let statuses: Vec<String> =
                    rows.iter().filter(|(_, s, _)| !s.is_empty()).map(|(_, s, n)| format!("{s} {n}")).collect();
                if statuses.is_empty() {
                    writeln!(out, "  {kind:<14} {n}")?;
                } else {
                    writeln!(out, "  {kind:<14} {n} ({})", statuses.join(", "))?;
                }
            }
        }
        writeln!(out, "triples    {}", stats.triples)?;
    }
    out.flush().context("cannot write the output")?;
    Ok(super::exit::SUCCESS)
}
