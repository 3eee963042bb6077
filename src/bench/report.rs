//! The results table (Markdown, so it can go into BENCHMARKS.md as printed) and the
//! description of the machine it was measured on.

use std::fmt::Write as _;

/// One line of the table: a figure, its value per workload, the target.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// The item of issue 8 the figure answers (`1` … `6`), or empty.
    pub item: String,
    pub figure: String,
    pub real: String,
    pub generated: String,
    pub target: String,
}

/// The whole report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub machine: Vec<(String, String)>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn row(&mut self, item: &str, figure: impl Into<String>, real: impl Into<String>, generated: impl Into<String>, target: &str) {
        self.rows.push(Row { item: item.into(), figure: figure.into(), real: real.into(), generated: generated.into(), target: target.into() });
    }

    /// A figure that is the same for both workloads (start-up, the matcher).
    pub fn shared_row(&mut self, item: &str, figure: impl Into<String>, value: impl Into<String>, target: &str) {
        let value = value.into();
        self.rows.push(Row { item: item.into(), figure: figure.into(), real: value.clone(), generated: "(same)".into(), target: target.into() });
    }

    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// The report as Markdown: the machine, the table, the notes.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for (key, value) in &self.machine {
            let _ = writeln!(out, "- {key}: {value}");
        }
        out.push('\n');
        let header = ["#", "figure", "(a) real news", "(b) generated", "target (issue 8)"];
        let cells: Vec<[&str; 5]> =
            self.rows.iter().map(|r| [r.item.as_str(), r.figure.as_str(), r.real.as_str(), r.generated.as_str(), r.target.as_str()]).collect();
        let mut widths = header.map(|h| h.chars().count());
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |out: &mut String, row: &[&str; 5]| {
            out.push('|');
            for (cell, w) in row.iter().zip(widths) {
                let pad = w - cell.chars().count();
                let _ = write!(out, " {cell}{} |", " ".repeat(pad));
            }
            out.push('\n');
        };
        line(&mut out, &header);
        out.push('|');
        for w in widths {
            let _ = write!(out, "{}|", "-".repeat(w + 2));
        }
        out.push('\n');
        for row in &cells {
            line(&mut out, row);
        }
        if !self.notes.is_empty() {
            out.push('\n');
            for note in &self.notes {
                let _ = writeln!(out, "- {note}");
            }
        }
        out
    }
}

/// CPU model, cores, memory, kernel, load average.
pub fn machine() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split(':').nth(1)).map(str::trim).unwrap_or("unknown");
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    out.push(("CPU".into(), format!("{model}, {cores} cores")));
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    if let Some(kb) = meminfo.lines().find(|l| l.starts_with("MemTotal:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse::<u64>().ok()) {
        out.push(("memory".into(), format!("{:.1} GiB", kb as f64 / (1 << 20) as f64)));
    }
    if let Ok(release) = std::fs::read_to_string("/proc/sys/kernel/osrelease") {
        out.push(("kernel".into(), format!("Linux {}", release.trim())));
    }
    if let Some(load) = load_average() {
        out.push(("load average at start (1/5/15 min)".into(), load));
    }
    out.push(("dealgraph".into(), env!("CARGO_PKG_VERSION").to_string()));
    out
}

/// `/proc/loadavg`'s first three fields.
pub fn load_average() -> Option<String> {
    let load = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(load.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to (year, month, day) (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `12.3 MB/s`-style numbers.
pub fn fmt_rate(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() && v >= 100.0 => format!("{v:.0}"),
        Some(v) if v.is_finite() && v >= 10.0 => format!("{v:.1}"),
        Some(v) if v.is_finite() => format!("{v:.2}"),
        _ => "n/a".into(),
    }
}

/// Bytes as MiB or GiB.
pub fn fmt_bytes(bytes: Option<u64>) -> String {
    match bytes {
        Some(b) if b >= 1 << 30 => format!("{:.2} GiB", b as f64 / (1u64 << 30) as f64),
        Some(b) => format!("{:.0} MiB", b as f64 / (1u64 << 20) as f64),
        None => "n/a".into(),
    }
}

/// `1,234,567`.
pub fn fmt_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(fmt_count(1_234_567), "1,234,567");
        assert_eq!(fmt_count(12), "12");
        assert_eq!(fmt_rate(Some(123.4)), "123");
        assert_eq!(fmt_rate(None), "n/a");
        assert_eq!(fmt_bytes(Some(3 << 30)), "3.00 GiB");
    }

    #[test]
    fn table_is_aligned_markdown() {
        let mut r = Report::default();
        r.row("1", "floor, MB/s", "250", "240", "");
        r.shared_row("4", "start-up, s", "12.5", "< 10");
        let md = r.to_markdown();
        let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(lines.len(), 4);
        assert!(lines.iter().all(|l| l.chars().count() == lines[0].chars().count()));
    }
}
