//! The name matcher at a million names, next to a plain `aho-corasick` `find_iter` over
//! the same patterns and text, in one run.
//!
//! [`run`] builds a gazetteer of the bundled lists plus generated names up to `names`
//! entries, generates `text_mb` MB of name-dense news-like text, and measures:
//! - ours: [`NameMatcher::new`] (forms, legal-form stripping, folding, deduplication,
//!   the automaton) and [`NameMatcher::find`] (word boundaries, genitives, case rules);
//! - plain: `AhoCorasick` with the same match kind and automaton settings over the same
//!   folded, deduplicated patterns, and `find_iter` over the same folded text.
//!
//! Everything is reproducible from `seed` (a small xorshift generator, no dependency).
//! The report checks itself: both sides must find matches, and ours at most as many
//! as the plain scan (ours drops matches that are not on word boundaries).
//!
//! Memory: the automata's own heap ([`NameMatcher::memory_usage`]) and the growth of
//! the process's resident memory across each build (`VmRSS` from `/proc/self/status`,
//! Linux only). The peak of a whole process is best read with `/usr/bin/time -v`.

use std::collections::HashSet;
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::error::Result;
use crate::gazetteer::{Entry, Gazetteer, NameMatcher};
use crate::model::EntityKind;
use crate::text::{fold_case, fold_for_matching};

/// Figures of one side (ours or the plain automaton).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideFigures {
    pub build_seconds: f64,
    /// CPU time of the build (this thread; steadier than wall time on a busy machine).
    pub build_cpu_seconds: Option<f64>,
    /// Heap of the automaton (and, for ours, the pattern values).
    pub automaton_bytes: usize,
    /// Growth of resident memory across the build (Linux), in bytes.
    pub rss_growth: Option<u64>,
    pub scan_seconds: f64,
    pub scan_cpu_seconds: Option<f64>,
    pub matches: usize,
}

impl SideFigures {
    /// Scan throughput in MB/s (10^6 bytes).
    pub fn mb_per_second(&self, text_bytes: usize) -> f64 {
        text_bytes as f64 / 1e6 / self.scan_seconds.max(1e-9)
    }
}

/// What [`run`] measured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BenchReport {
    pub seed: u64,
    /// Gazetteer entries (bundled plus generated).
    pub entries: usize,
    pub bundled_entries: usize,
    /// Distinct folded patterns in the automaton.
    pub patterns: usize,
    pub text_bytes: usize,
    /// Seconds to generate names and text (not part of any figure).
    pub setup_seconds: f64,
    pub ours: SideFigures,
    pub plain: SideFigures,
    /// Peak resident memory of the process at the end (`VmHWM`, Linux), in bytes.
    pub peak_rss: Option<u64>,
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = |b: usize| b as f64 / (1024.0 * 1024.0);
        let opt_mb = |b: Option<u64>| b.map_or("n/a".to_string(), |b| format!("{:.0} MiB", b as f64 / (1024.0 * 1024.0)));
        writeln!(
            f,
            "matcher benchmark (seed {}): {} entries ({} bundled), {} patterns, {:.1} MB of text",
            self.seed,
            self.entries,
            self.bundled_entries,
            self.patterns,
            self.text_bytes as f64 / 1e6
        )?;
        writeln!(
            f,
            "{:<24} {:>8} {:>8} {:>12} {:>11} {:>10} {:>10} {:>9}",
            "", "build s", "(cpu s)", "automaton", "RSS growth", "scan MB/s", "(cpu MB/s)", "matches"
        )?;
        let opt_s = |s: Option<f64>| s.map_or("n/a".to_string(), |s| format!("{s:.2}"));
        let cpu_rate = |s: Option<f64>| s.map_or("n/a".to_string(), |s| format!("{:.1}", self.text_bytes as f64 / 1e6 / s.max(0.01)));
        for (name, side) in [("dealgraph NameMatcher", &self.ours), ("aho-corasick find_iter", &self.plain)] {
            writeln!(
                f,
                "{:<24} {:>8.2} {:>8} {:>8.0} MiB {:>11} {:>10.1} {:>10} {:>9}",
                name,
                side.build_seconds,
                opt_s(side.build_cpu_seconds),
                mb(side.automaton_bytes),
                opt_mb(side.rss_growth),
                side.mb_per_second(self.text_bytes),
                cpu_rate(side.scan_cpu_seconds),
                side.matches
            )?;
        }
        write!(f, "peak resident memory of the process: {}", opt_mb(self.peak_rss))
    }
}

/// A small deterministic generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "al", "bel", "cor", "dan", "ex", "fal", "gra", "hel", "in", "jor", "kal", "lum", "mar", "nor", "ob", "pra", "quin",
    "ros", "sal", "tor", "ul", "ver", "wes", "xan", "zel", "ber", "cus", "dri", "fen", "gol", "hux", "ira", "kep", "lor",
    "mon", "nix", "tra", "vin", "sto", "ka", "ri", "do", "ne", "ta", "lo", "mi", "su", "ve", "za", "po",
];
const SECTORS: &[&str] = &[
    "Holding", "Group", "Capital", "Partners", "Logistics", "Energy", "Bank", "Systems", "Technologies", "Pharma", "Bouw",
    "Werke", "Gruppe", "Industries", "Foods", "Media", "Retail", "Solutions", "Ventures", "Motors", "Verzekeringen",
];
const LEGAL: &[&str] = &["AG", "GmbH", "SE", "N.V.", "B.V.", "Inc.", "Ltd", "plc", "Corp.", "S.A.", "LLC"];
const FILLER: &[&str] = &[
    "the", "company", "said", "on", "Monday", "that", "it", "would", "buy", "a", "stake", "in", "for", "million", "euros",
    "de", "overname", "van", "door", "het", "bedrijf", "werd", "gisteren", "bekend", "die", "Übernahme", "durch", "den",
    "Konzern", "wurde", "am", "Dienstag", "angekündigt", "shares", "rose", "after", "chief", "executive", "told",
    "analysts", "and", "investors", "aandeelhouders", "Aktionäre", "deal", "bid", "offer", "talks",
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A made-up word of two or three syllables (`Kalnixtra`).
fn stem(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(SYLLABLES));
    }
    cap(&s)
}

/// `count` generated entries whose folded labels are not in `taken`.
pub fn generate_entries(count: usize, seed: u64, taken: &mut HashSet<String>) -> Vec<Entry> {
    let mut rng = Rng::new(seed);
    let first_names: Vec<&str> = crate::bundled::file("gazetteers/first-names.txt")
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut out = Vec::with_capacity(count);
    let mut attempts = 0usize;
    while out.len() < count && attempts < count * 20 {
        attempts += 1;
        let person = rng.below(5) < 2 && !first_names.is_empty();
        let label = if person {
            format!("{} {}", rng.pick(&first_names), stem(&mut rng))
        } else {
            let mut l = stem(&mut rng);
            if rng.below(2) == 0 {
                l.push(' ');
                l.push_str(rng.pick(SECTORS));
            }
            if rng.below(2) == 0 {
                l.push(' ');
                l.push_str(rng.pick(LEGAL));
            }
            l
        };
        if !taken.insert(fold_case(&label)) {
            continue;
        }
        out.push(Entry {
            id: format!("gen-{}", out.len()),
            kind: if person { EntityKind::Person } else { EntityKind::Organization },
            label,
            aliases: Vec::new(),
            wikidata: None,
            wikipedia: None,
            ambiguous: false,
        });
    }
    out
}

/// About `bytes` of name-dense text: one name in every four to eight words, written as
/// listed, in capitals, with a genitive or in a hyphen compound.
pub fn generate_text(entries: &[Entry], bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x7E57);
    let mut text = String::with_capacity(bytes + 256);
    let mut words_in_sentence = 0;
    while text.len() < bytes && !entries.is_empty() {
        if rng.below(6) == 0 {
            let e = &entries[rng.below(entries.len())];
            match rng.below(10) {
                0 => text.push_str(&e.label.to_uppercase()),
                1 => {
                    text.push_str(&e.label);
                    text.push_str("'s");
                }
                2 => {
                    text.push_str(&e.label);
                    text.push_str("-Chef");
                }
                _ => text.push_str(&e.label),
            }
        } else {
            text.push_str(rng.pick(FILLER));
        }
        words_in_sentence += 1;
        if words_in_sentence > 12 && rng.below(4) == 0 {
            text.push_str(". ");
            words_in_sentence = 0;
        } else {
            text.push(' ');
        }
    }
    text
}

/// CPU seconds (user + system) this thread has used, from `/proc/thread-self/stat`
/// (Linux; clock ticks of 10 ms). Steadier than wall time on a busy machine.
pub fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn rss(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line[key.len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024)
}

/// Builds and measures both sides (see the module docs).
pub fn run(names: usize, text_mb: usize, seed: u64) -> Result<BenchReport> {
    let setup = Instant::now();
    let mut gazetteer = Gazetteer::bundled()?;
    let bundled_entries = gazetteer.len();
    let mut taken: HashSet<String> = gazetteer.entries.iter().flat_map(|e| e.names().map(fold_case)).collect();
    let wanted = names.saturating_sub(bundled_entries);
    for entry in generate_entries(wanted, seed, &mut taken) {
        gazetteer.insert(entry);
    }
    drop(taken);
    let text = generate_text(&gazetteer.entries, text_mb * 1_000_000, seed);
    let folded = fold_for_matching(&text);
    let entries = gazetteer.len();
    let setup_seconds = setup.elapsed().as_secs_f64();

    let cpu_since = |c: Option<f64>| c.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    // Ours.
    let before = rss("VmRSS:");
    let (start, cpu) = (Instant::now(), thread_cpu_seconds());
    let matcher = NameMatcher::new(gazetteer)?;
    let (build_seconds, build_cpu_seconds) = (start.elapsed().as_secs_f64(), cpu_since(cpu));
    let rss_growth = before.zip(rss("VmRSS:")).map(|(b, a)| a.saturating_sub(b));
    let (start, cpu) = (Instant::now(), thread_cpu_seconds());
    let found = matcher.find(&text, &folded);
    let (scan_seconds, scan_cpu_seconds) = (start.elapsed().as_secs_f64(), cpu_since(cpu));
    let ours = SideFigures {
        build_seconds,
        build_cpu_seconds,
        automaton_bytes: matcher.memory_usage(),
        rss_growth,
        scan_seconds,
        scan_cpu_seconds,
        matches: found.len(),
    };
    drop(found);

    // Plain aho-corasick over the same folded, deduplicated patterns.
    let patterns = NameMatcher::patterns_of(matcher.gazetteer());
    let before = rss("VmRSS:");
    let (start, cpu) = (Instant::now(), thread_cpu_seconds());
    let plain_ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
        .map_err(|e| crate::error::Error::Matcher(e.to_string()))?;
    let (build_seconds, build_cpu_seconds) = (start.elapsed().as_secs_f64(), cpu_since(cpu));
    let rss_growth = before.zip(rss("VmRSS:")).map(|(b, a)| a.saturating_sub(b));
    let (start, cpu) = (Instant::now(), thread_cpu_seconds());
    let matches = plain_ac.find_iter(&folded).count();
    let (scan_seconds, scan_cpu_seconds) = (start.elapsed().as_secs_f64(), cpu_since(cpu));
    let plain = SideFigures {
        build_seconds,
        build_cpu_seconds,
        automaton_bytes: plain_ac.memory_usage(),
        rss_growth,
        scan_seconds,
        scan_cpu_seconds,
        matches,
    };

    Ok(BenchReport {
        seed,
        entries,
        bundled_entries,
        patterns: matcher.pattern_count(),
        text_bytes: text.len(),
        setup_seconds,
        ours,
        plain,
        peak_rss: rss("VmHWM:"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_run_checks_itself() {
        let report = run(20_000, 1, 7).unwrap_or_else(|e| panic!("{e}"));
        assert!(report.entries >= 20_000 && report.patterns > 20_000);
        assert!(report.ours.matches > 1000, "{report}");
        assert!(report.ours.matches <= report.plain.matches, "{report}");
        // Same seed, same text and names.
        let again = run(20_000, 1, 7).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((again.patterns, again.text_bytes, again.ours.matches), (report.patterns, report.text_bytes, report.ours.matches));
    }

    /// The full-size run: `cargo test --release --lib gazetteer::bench -- --ignored --nocapture`
    /// (`DEALGRAPH_BENCH_NAMES`, `DEALGRAPH_BENCH_MB` change the sizes).
    #[test]
    #[ignore]
    fn million_names() {
        let names = std::env::var("DEALGRAPH_BENCH_NAMES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
        let mb = std::env::var("DEALGRAPH_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
        let report = run(names, mb, 42).unwrap_or_else(|e| panic!("{e}"));
        println!("{report}");
    }

    /// Writes the generated entries as a gazetteer CSV (`DEALGRAPH_BENCH_CSV=path`), to
    /// time a whole `dealgraph extract --gazetteer path` with `/usr/bin/time -v`.
    #[test]
    #[ignore]
    fn write_generated_gazetteer() {
        let Ok(path) = std::env::var("DEALGRAPH_BENCH_CSV") else { return };
        let names: usize = std::env::var("DEALGRAPH_BENCH_NAMES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
        let gazetteer = Gazetteer::bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut taken: HashSet<String> = gazetteer.entries.iter().flat_map(|e| e.names().map(fold_case)).collect();
        let entries = generate_entries(names.saturating_sub(gazetteer.len()), 42, &mut taken);
        let mut w = csv::Writer::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
        w.write_record(["id", "type", "label", "aliases", "wikidata"]).unwrap_or_else(|e| panic!("{e}"));
        for e in &entries {
            w.write_record([e.id.as_str(), e.kind.as_str(), &e.label, "", ""]).unwrap_or_else(|e| panic!("{e}"));
        }
        w.flush().unwrap_or_else(|e| panic!("{e}"));
    }
}

