//! The matcher on its own: how long loading the gazetteer and compiling the name
//! automaton take, and the memory they need. Run in a child process of its own
//! (`dealgraph bench --matcher-only FILE`) so the peak is the matcher's alone.

use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Gazetteer, NameMatcher};

/// What `--matcher-only` prints (one JSON object).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MatcherFigures {
    pub entries: usize,
    pub patterns: usize,
    /// Reading the bundled lists and the extra CSV.
    pub load_seconds: f64,
    /// `NameMatcher::new`: forms, legal-form stripping, deduplication, the automaton.
    pub build_seconds: f64,
    /// Heap of the automaton alone.
    pub automaton_bytes: usize,
    /// Peak resident memory after loading, and after building (whole process).
    pub peak_rss_after_load: Option<u64>,
    pub peak_rss_after_build: Option<u64>,
}

/// Loads the bundled gazetteer plus `extra` and compiles the name matcher.
pub fn measure(extra: &[&Path]) -> crate::Result<MatcherFigures> {
    let start = Instant::now();
    let mut gazetteer = Gazetteer::bundled()?;
    for path in extra {
        gazetteer.add_file(path)?;
    }
    let load_seconds = start.elapsed().as_secs_f64();
    let peak_rss_after_load = super::measure::peak_rss("self");
    let entries = gazetteer.entries.len();
    let start = Instant::now();
    let matcher = NameMatcher::new(gazetteer)?;
    let build_seconds = start.elapsed().as_secs_f64();
    Ok(MatcherFigures {
        entries,
        patterns: matcher.pattern_count(),
        load_seconds,
        build_seconds,
        automaton_bytes: matcher.memory_usage(),
        peak_rss_after_load,
        peak_rss_after_build: super::measure::peak_rss("self"),
    })
}
