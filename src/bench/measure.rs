//! Time and memory of this process and of child processes, from `/proc` (Linux).
//!
//! - Peak resident memory is `VmHWM` in `/proc/<pid>/status`. A child's is sampled every
//!   10 ms while it runs (the value only grows, so the last sample before the child
//!   exits is its peak, short of whatever it allocated in its last 10 ms).
//! - CPU time of a child is the growth of this process's `cutime + cstime` across the
//!   wait: exact, whatever threads the child ran.
//!
//! Elsewhere the figures are `None` and the bench prints "n/a".

use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// `VmHWM` of a process in bytes.
pub fn peak_rss(pid: &str) -> Option<u64> {
    status_kb(pid, "VmHWM:").map(|kb| kb * 1024)
}

/// `VmRSS` of a process in bytes.
pub fn current_rss(pid: &str) -> Option<u64> {
    status_kb(pid, "VmRSS:").map(|kb| kb * 1024)
}

fn status_kb(pid: &str, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].trim().trim_end_matches("kB").trim().parse().ok()
}

/// Resets this process's peak resident memory to its current value (`clear_refs` 5),
/// so the next [`peak_rss`]`("self")` is the peak of what follows. False when the
/// kernel does not allow it.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// (user + system CPU of this process, of its waited-for children) in seconds.
pub fn cpu_times() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
    // USER_HZ is 100 on every Linux architecture for /proc.
    let own = (tick(11)? + tick(12)?) as f64 / 100.0;
    let children = (tick(13)? + tick(14)?) as f64 / 100.0;
    Some((own, children))
}

/// CPU time of the calling thread in seconds (`/proc/thread-self/schedstat`, in
/// nanoseconds), for timing work done in this process on a busy machine.
pub fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// What a child process cost.
#[derive(Debug, Clone)]
pub struct ChildRun {
    pub status: ExitStatus,
    pub wall: Duration,
    /// User + system CPU seconds (all its threads).
    pub cpu: Option<f64>,
    /// Peak resident memory in bytes (sampled).
    pub peak_rss: Option<u64>,
}

/// Runs `command` with standard output to `stdout` (a file, or /dev/null when None) and
/// standard error to `stderr_log`, measuring it. Fails only when it cannot start.
pub fn run_child(command: &mut Command, stdout: Option<&Path>, stderr_log: &Path) -> std::io::Result<ChildRun> {
    let out = match stdout {
        Some(path) => Stdio::from(std::fs::File::create(path)?),
        None => Stdio::from(std::fs::File::create("/dev/null")?),
    };
    let err = Stdio::from(std::fs::File::create(stderr_log)?);
    let cpu_before = cpu_times().map(|c| c.1);
    let start = Instant::now();
    let mut child = command.stdin(Stdio::null()).stdout(out).stderr(err).spawn()?;
    let pid = child.id().to_string();
    let mut peak: Option<u64> = None;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if let Some(p) = peak_rss(&pid) {
            peak = Some(peak.map_or(p, |q| q.max(p)));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let wall = start.elapsed();
    let cpu = match (cpu_before, cpu_times().map(|c| c.1)) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    Ok(ChildRun { status, wall, cpu, peak_rss: peak })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_figures() {
        if !Path::new("/proc/self/status").exists() {
            return;
        }
        assert!(peak_rss("self").unwrap_or(0) > 0);
        assert!(current_rss("self").unwrap_or(0) > 0);
        assert!(cpu_times().is_some());
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let run = run_child(Command::new("sh").args(["-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; sleep 0.3"]), None, &dir.path().join("err"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(run.status.success());
        // Sampled every 10 ms while the child lives; it lives at least 0.3 s, so even
        // a loaded machine takes a sample.
        assert!(run.peak_rss.unwrap_or(0) > 0);
    }
}
