//! The floor: one plain Aho-Corasick pass (`find_iter`) over the text with the same
//! names and the same automaton settings as dealgraph's matcher. Everything dealgraph
//! adds is measured against this.
//!
//! "Same names" means the patterns [`crate::gazetteer::NameMatcher`] compiles
//! ([`NameMatcher::patterns_of`](crate::gazetteer::NameMatcher::patterns_of): every
//! label and alias, white space collapsed, folded, organisation names also without
//! their legal form, deduplicated). "Same settings": leftmost-longest, contiguous NFA,
//! anchored and unanchored starts, as `PhraseMatcherBuilder::build`. The text is folded the way the pipeline folds it
//! ([`fold_for_matching`]) before the clock starts: only the scan is timed.

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};

use crate::document::Document;
use crate::text::fold_for_matching;

/// The floor's automaton.
#[derive(Debug)]
pub struct Floor {
    ac: AhoCorasick,
    pub patterns: usize,
    pub build_time: Duration,
}

impl Floor {
    /// Builds the automaton the way `PhraseMatcherBuilder::build` does.
    pub fn build(patterns: &[String]) -> Result<Floor, aho_corasick::BuildError> {
        let start = Instant::now();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Both)
            .build(patterns)?;
        Ok(Floor { ac, patterns: patterns.len(), build_time: start.elapsed() })
    }

    /// Heap memory of the automaton in bytes.
    pub fn memory_usage(&self) -> usize {
        self.ac.memory_usage()
    }

    /// Number of matches in `folded`.
    pub fn count(&self, folded: &str) -> usize {
        self.ac.find_iter(folded).count()
    }

    /// Scans every document (folded text, joined in chunks of about 4 MB so the clock is
    /// read rarely) and returns what was scanned and how long the scans took.
    pub fn scan<I: Iterator<Item = Document>>(&self, docs: I) -> FloorRun {
        const CHUNK: usize = 4 << 20;
        let mut run = FloorRun { scan_cpu: Some(0.0), ..FloorRun::default() };
        let mut chunk = String::with_capacity(CHUNK + (64 << 10));
        let flush = |chunk: &mut String, run: &mut FloorRun| {
            let cpu = super::measure::thread_cpu();
            let start = Instant::now();
            let n = self.count(chunk);
            run.scan_time += start.elapsed();
            run.scan_cpu = match (cpu, super::measure::thread_cpu(), run.scan_cpu) {
                (Some(a), Some(b), Some(total)) => Some(total + (b - a)),
                _ => None,
            };
            run.matches += n;
            run.bytes += chunk.len();
            chunk.clear();
        };
        for doc in docs {
            run.documents += 1;
            chunk.push_str(&fold_for_matching(&doc.text));
            chunk.push('\n');
            if chunk.len() >= CHUNK {
                flush(&mut chunk, &mut run);
            }
        }
        if !chunk.is_empty() {
            flush(&mut chunk, &mut run);
        }
        run
    }
}

/// One scan of the floor.
#[derive(Debug, Clone, Copy, Default)]
pub struct FloorRun {
    pub documents: usize,
    /// Bytes scanned (document texts plus one separator each).
    pub bytes: usize,
    pub matches: usize,
    pub scan_time: Duration,
    /// CPU seconds of the scans (None where the kernel does not say).
    pub scan_cpu: Option<f64>,
}

impl FloorRun {
    pub fn mb_per_s(&self) -> f64 {
        super::mb_per_s(self.bytes, self.scan_time.as_secs_f64())
    }

    /// MB per CPU-second of the scans.
    pub fn mb_per_cpu_s(&self) -> Option<f64> {
        Some(super::mb_per_s(self.bytes, self.scan_cpu?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::gazetteer::{Gazetteer, NameMatcher};

    #[test]
    fn scans_the_name_matchers_patterns() {
        let mut g = Gazetteer::new();
        let csv = "id,type,label,aliases,wikidata\n\
            siemens,Organization,Siemens AG,SIEMENS,\n\
            x,Organization,X,,\n\
            busch,Person,Roland  Busch,,\n";
        g.add_str("t.csv", csv).unwrap_or_else(|e| panic!("{e}"));
        let floor = Floor::build(&NameMatcher::patterns_of(&g)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(floor.count(&fold_for_matching("Siemens AG-Chef Roland Busch sagte")), 2);
        let doc = |text: &str| Document { id: "d".into(), text: text.into(), lang: None, date: None, source: None, origin: "t".into() };
        let run = floor.scan(vec![doc("SIEMENS"), doc("Siemens und Busch")].into_iter());
        assert_eq!((run.documents, run.matches), (2, 2));
    }
}
