//! Robustness (issue 9): every bad input gets a clear message naming the file (and line
//! or byte offset) and a documented exit code; nothing hangs, nothing runs out of memory.
//!
//! Each test runs the real binary in a temporary directory. Exit codes (README, and
//! `src/cli/mod.rs` `exit`): 0 success, 1 error, 2 usage, 3 partial success (some inputs
//! skipped), 130 interrupted.
//!
//! The unreadable-file and read-only-directory cases run the binary as the unprivileged
//! user `nobody` (root ignores `chmod 000`), through `setpriv` or `runuser`, in a
//! world-readable directory (the binary is copied there when `nobody` cannot reach it). The cases that need
//! the store (`ingest`, `query`, `export`, `dump`) are compiled only with the `store`
//! feature. See docs/robustness.md for the whole list.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const SUCCESS: i32 = 0;
const ERROR: i32 = 1;
const USAGE: i32 = 2;
const PARTIAL: i32 = 3;

/// A command that takes longer than this is taken to hang.
const HANG: Duration = Duration::from_secs(120);

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dealgraph"))
}

/// What one run printed and returned.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    /// Asserts the exit code, showing stderr when it differs.
    #[track_caller]
    fn code(&self, expected: i32) -> &Self {
        assert_eq!(self.code, Some(expected), "exit code; stderr:\n{}", self.stderr);
        self
    }

    /// Asserts that stderr contains every one of `needles`.
    #[track_caller]
    fn says(&self, needles: &[&str]) -> &Self {
        for needle in needles {
            assert!(self.stderr.contains(needle), "{needle:?} not in stderr:\n{}", self.stderr);
        }
        self
    }

    /// Asserts that nothing panicked (a panic prints "panicked at" and exits 101).
    #[track_caller]
    fn no_panic(&self) -> &Self {
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert_ne!(self.code, Some(101), "panic:\n{}", self.stderr);
        self
    }

    /// The `doc` ids of the JSON Lines on stdout.
    fn doc_ids(&self) -> Vec<String> {
        self.stdout
            .lines()
            .map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                record["doc"].as_str().unwrap_or_default().to_string()
            })
            .collect()
    }
}

/// A temporary directory that every user may read, so that the binary can run in it as
/// `nobody` too.
struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    fn new() -> Workdir {
        let dir = tempfile::Builder::new().prefix("dealgraph-rob-").tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        Workdir { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, content).unwrap();
        path
    }

    fn mkdir(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(&path).unwrap();
        path
    }

    /// Runs `dealgraph ARGS` in this directory.
    fn run(&self, args: &[&str]) -> Run {
        self.run_with(Command::new(bin()), args, None)
    }

    /// Runs `dealgraph ARGS` with `input` on standard input.
    fn run_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        self.run_with(Command::new(bin()), args, Some(input))
    }

    fn run_with(&self, mut command: Command, args: &[&str], input: Option<&[u8]>) -> Run {
        command.args(args).current_dir(self.dir.path());
        run_command(command, input)
    }
}

/// Runs a command to its end, or kills it and fails the test after [`HANG`].
fn run_command(mut command: Command, input: Option<&[u8]>) -> Run {
    command.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() }).stdout(Stdio::piped()).stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command.spawn().expect("start dealgraph");
    let stdin = child.stdin.take();
    let input = input.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let (Some(mut stdin), Some(input)) = (stdin, input) {
            let _ = stdin.write_all(&input);
        }
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dealgraph hung for more than {HANG:?}: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let _ = feeder.join();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    Run { code: status.code(), stdout, stderr, elapsed }
}

/// How to run a command as an unprivileged user, or why we cannot.
enum Unprivileged {
    /// Not root: `chmod` already binds us.
    AlreadyUnprivileged,
    /// Root: this prefix drops to `nobody`.
    Prefix(Vec<String>),
}

fn effective_uid() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

fn tool_exists(name: &str) -> bool {
    ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"].iter().any(|dir| Path::new(dir).join(name).exists())
}

/// `None` (with the reason printed) when there is no way to drop root here.
fn unprivileged() -> Option<Unprivileged> {
    match effective_uid() {
        Some(0) => {}
        Some(_) => return Some(Unprivileged::AlreadyUnprivileged),
        None => {
            eprintln!("SKIPPED: cannot read the effective uid from /proc/self/status");
            return None;
        }
    }
    if tool_exists("setpriv") {
        // Numeric ids: `nobody`/`nogroup` are 65534 on Debian, and the names differ elsewhere.
        let prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
        return Some(Unprivileged::Prefix(prefix.iter().map(|s| s.to_string()).collect()));
    }
    if tool_exists("runuser") {
        return Some(Unprivileged::Prefix(["runuser", "-u", "nobody", "--"].iter().map(|s| s.to_string()).collect()));
    }
    eprintln!("SKIPPED: running as root and neither setpriv nor runuser exists to drop to an unprivileged user");
    None
}

impl Workdir {
    /// The binary as `nobody` can run it: the build's own when every directory above it
    /// lets others through, else a copy in this directory.
    fn private_bin(&self) -> PathBuf {
        let reachable = bin().ancestors().skip(1).all(|dir| std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o001 != 0))
            && std::fs::metadata(bin()).is_ok_and(|m| m.permissions().mode() & 0o005 == 0o005);
        if reachable {
            return bin();
        }
        let copy = self.path("bin/dealgraph");
        if !copy.exists() {
            std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
            std::fs::set_permissions(copy.parent().unwrap(), std::fs::Permissions::from_mode(0o755)).unwrap();
            std::fs::copy(bin(), &copy).unwrap();
            std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        copy
    }

    /// Runs `dealgraph ARGS` as `nobody` (see [`unprivileged`]).
    fn run_unprivileged(&self, how: &Unprivileged, args: &[&str]) -> Run {
        let program = self.private_bin();
        let command = match how {
            Unprivileged::AlreadyUnprivileged => Command::new(program),
            Unprivileged::Prefix(prefix) => {
                let mut command = Command::new(&prefix[0]);
                command.args(&prefix[1..]).arg(program);
                command
            }
        };
        self.run_with(command, args, None)
    }

    /// Makes everything written so far readable by all (files 0644, directories 0755).
    fn open_to_all(&self) {
        fn walk(path: &Path) {
            let meta = std::fs::symlink_metadata(path).unwrap();
            if meta.file_type().is_symlink() {
                return;
            }
            if meta.is_dir() {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
                for entry in std::fs::read_dir(path).unwrap() {
                    walk(&entry.unwrap().path());
                }
            } else if meta.permissions().mode() & 0o111 == 0 {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
            }
        }
        walk(self.dir.path());
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A short article in which the bundled gazetteers find something.
const ARTICLE: &str = "Microsoft buys LinkedIn for 26 billion dollars.\n";

/// `text` as UTF-16 with a byte order mark.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
    }
    bytes
}

fn json_line(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

// ---------------------------------------------------------------------------------------
// Text input
// ---------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_decoded_with_a_warning_naming_file_and_first_bad_byte() {
    let w = Workdir::new();
    // Byte 10 is a lone Latin-1 é; later bad bytes are not the first.
    w.write("latin1.txt", b"Microsoft \xe9 buys LinkedIn \xff\xfe.\n");
    let run = w.run(&["extract", "latin1.txt"]);
    run.code(SUCCESS).no_panic().says(&["warning: latin1.txt: invalid UTF-8 at byte 10; decoded with replacement characters"]);
    assert_eq!(run.doc_ids(), ["latin1"]);
    assert!(run.stdout.contains("Microsoft"), "{}", run.stdout);
}

#[test]
fn invalid_utf8_is_refused_with_strict() {
    let w = Workdir::new();
    w.write("latin1.txt", b"Microsoft \xe9 buys LinkedIn.\n");
    w.write("good.txt", ARTICLE);
    w.run(&["extract", "--strict", "latin1.txt"]).code(ERROR).no_panic().says(&["skipped: latin1.txt: invalid UTF-8 at byte 10; skipped (--strict)"]);
    // With a good file beside it: partial success, the good one still comes out.
    let run = w.run(&["extract", "--strict", "latin1.txt", "good.txt"]);
    run.code(PARTIAL).says(&["latin1.txt: invalid UTF-8 at byte 10"]);
    assert_eq!(run.doc_ids(), ["good"]);
}

#[test]
fn invalid_utf8_in_a_json_line_names_the_line() {
    let w = Workdir::new();
    let mut bytes = json_line("a", ARTICLE).into_bytes();
    bytes.extend_from_slice(b"{\"id\":\"b\",\"text\":\"Caf\xe9 Siemens\"}\n");
    w.write("docs.jsonl", &bytes);
    let run = w.run(&["extract", "docs.jsonl"]);
    run.code(SUCCESS).says(&["warning: docs.jsonl:2: invalid UTF-8 at byte 21"]);
    assert_eq!(run.doc_ids(), ["a", "b"]);
    let run = w.run(&["extract", "--strict", "docs.jsonl"]);
    run.code(PARTIAL).says(&["skipped: docs.jsonl:2: invalid UTF-8 at byte 21; skipped (--strict)"]);
    assert_eq!(run.doc_ids(), ["a"]);
}

#[test]
fn invalid_utf8_on_standard_input_names_stdin() {
    let w = Workdir::new();
    w.run_stdin(&["extract", "-"], b"Microsoft \xe9 buys LinkedIn.").code(SUCCESS).says(&["warning: <stdin>: invalid UTF-8 at byte 10"]);
    w.run_stdin(&["extract", "--strict", "-"], b"Microsoft \xe9 buys LinkedIn.").code(ERROR).says(&["<stdin>: invalid UTF-8 at byte 10"]);
}

#[test]
fn utf16_with_byte_order_mark_is_decoded() {
    let w = Workdir::new();
    let text = "Microsoft übernimmt LinkedIn für 26 Milliarden Dollar.";
    w.write("le.txt", utf16(text, true));
    w.write("be.txt", utf16(text, false));
    // A UTF-16 file with an odd number of bytes (cut short) still decodes.
    let mut cut = utf16(text, true);
    cut.pop();
    w.write("cut.txt", cut);
    let run = w.run(&["extract", "le.txt", "be.txt", "cut.txt"]);
    run.code(SUCCESS).no_panic();
    assert_eq!(run.doc_ids(), ["le", "be", "cut"]);
    for line in run.stdout.lines().take(2) {
        // Offsets count the characters of the decoded text: "Microsoft" is 0..9.
        assert!(line.contains(r#"{"start":0,"end":9,"text":"Microsoft"}"#), "{line}");
    }
}

#[test]
fn utf16_json_lines_are_decoded_line_by_line() {
    let w = Workdir::new();
    let lines = format!("{}{}", json_line("a", ARTICLE), json_line("b", "Siemens kauft Philips."));
    w.write("docs.jsonl", utf16(&lines, true));
    w.write("docs-be.jsonl", utf16(&lines.replace("\"a\"", "\"c\"").replace("\"b\"", "\"d\""), false));
    let run = w.run(&["extract", "docs.jsonl", "docs-be.jsonl"]);
    run.code(SUCCESS).no_panic();
    assert_eq!(run.doc_ids(), ["a", "b", "c", "d"]);
}

#[test]
fn byte_order_marks_on_standard_input_do_not_hide_json_lines() {
    let w = Workdir::new();
    let lines = format!("{}{}", json_line("a", ARTICLE), json_line("b", "Siemens kauft Philips."));
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(lines.as_bytes());
    let run = w.run_stdin(&["extract", "-"], &utf8_bom);
    run.code(SUCCESS);
    assert_eq!(run.doc_ids(), ["a", "b"]);
    let run = w.run_stdin(&["extract", "-"], &utf16(&lines, true));
    run.code(SUCCESS);
    assert_eq!(run.doc_ids(), ["a", "b"]);
}

#[test]
fn a_binary_file_is_skipped_with_a_warning_and_the_others_still_come() {
    let w = Workdir::new();
    // A PDF renamed to .txt, and a file with NUL bytes after a text-like start.
    w.write("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03\nendstream\n");
    w.write("good.txt", ARTICLE);
    let run = w.run(&["extract", "report.txt", "good.txt"]);
    run.code(PARTIAL).no_panic().says(&["skipped: report.txt: binary file (NUL bytes); skipped"]);
    assert_eq!(run.doc_ids(), ["good"]);
    w.run(&["extract", "report.txt"]).code(ERROR).says(&["report.txt: binary file"]);
    w.run_stdin(&["extract", "-"], b"\x7fELF\x02\x01\x01\x00\x00\x00").code(ERROR).says(&["<stdin>: binary file"]);
}

#[test]
fn an_empty_file_is_skipped_with_a_message() {
    let w = Workdir::new();
    w.write("empty.txt", b"");
    w.write("blank.txt", b" \n\n\t \n");
    w.write("empty.jsonl", b"");
    w.write("good.txt", ARTICLE);
    let run = w.run(&["extract", "empty.txt", "blank.txt", "empty.jsonl", "good.txt"]);
    run.code(PARTIAL).no_panic().says(&["skipped: empty.txt: empty file; skipped", "skipped: blank.txt: empty file; skipped"]);
    assert_eq!(run.doc_ids(), ["good"]);
    // Nothing at all to process is an error, not a silent success.
    w.run(&["extract", "empty.txt"]).code(ERROR).says(&["empty.txt: empty file"]);
    w.run_stdin(&["extract", "-"], b"").no_panic();
}

/// Writes `size` bytes of prose without a line break, streaming (never in memory whole).
fn write_long_line(path: &Path, prefix: &[u8], size: u64, suffix: &[u8]) {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    out.write_all(prefix).unwrap();
    let chunk = "Microsoft buys LinkedIn and Philips sells its lighting arm to a fund. ".repeat(1000);
    let mut written = 0u64;
    while written < size {
        let n = (size - written).min(chunk.len() as u64) as usize;
        out.write_all(&chunk.as_bytes()[..n]).unwrap();
        written += n as u64;
    }
    out.write_all(suffix).unwrap();
    out.flush().unwrap();
}

/// The command with its address space capped, so that an attempt to hold the whole
/// input (or several copies of it) fails the test instead of exhausting the machine.
fn capped(w: &Workdir, limit_kib: u64, args: &[&str]) -> Run {
    let mut command = Command::new("sh");
    command.arg("-c").arg(format!("ulimit -v {limit_kib} && exec \"$0\" \"$@\"")).arg(bin()).args(args);
    w.run_with(command, &[], None)
}

#[test]
fn an_overlong_document_is_refused_with_the_limit() {
    let w = Workdir::new();
    write_long_line(&w.path("long.txt"), b"", 20_000, b"");
    let mut jsonl = json_line("short", ARTICLE).into_bytes();
    jsonl.extend_from_slice(b"{\"id\":\"long\",\"text\":\"");
    jsonl.extend_from_slice(&[b'x'; 20_000]);
    jsonl.extend_from_slice(b"\"}\n");
    jsonl.extend_from_slice(json_line("after", "Siemens kauft Philips.").as_bytes());
    w.write("docs.jsonl", &jsonl);
    w.write("good.txt", ARTICLE);
    let run = w.run(&["extract", "--max-doc-bytes", "10000", "long.txt", "docs.jsonl", "good.txt"]);
    run.code(PARTIAL).no_panic().says(&[
        "skipped: long.txt: larger than the document limit of 10000 bytes; skipped (raise it with --max-doc-bytes)",
        "skipped: docs.jsonl:2: line longer than the document limit of 10000 bytes; skipped (raise it with --max-doc-bytes)",
    ]);
    // The lines after the long one are still read, with their own line numbers.
    assert_eq!(run.doc_ids(), ["short", "after", "good"]);
    // A compressed file is limited by its decompressed size (a gzip bomb).
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..100 {
        gz.write_all(&[b'a'; 100_000]).unwrap();
    }
    w.write("bomb.txt.gz", gz.finish().unwrap());
    w.run(&["extract", "--max-doc-bytes", "1000000", "bomb.txt.gz"]).code(ERROR).says(&["bomb.txt.gz: larger than the document limit of 1000000 bytes"]);
}

/// A real 200 MB single line (the issue's case), as a text file and as a JSON line,
/// with the default limit (64 MiB), in an address space of 1 GiB.
#[test]
fn a_single_line_of_200_megabytes_is_refused_in_bounded_memory() {
    const SIZE: u64 = 200 << 20;
    let w = Workdir::new();
    w.write("good.txt", ARTICLE);
    write_long_line(&w.path("log.txt"), b"", SIZE, b"");
    let run = capped(&w, 1 << 20, &["extract", "--jobs", "2", "log.txt", "good.txt"]);
    run.code(PARTIAL).no_panic().says(&["skipped: log.txt: larger than the document limit of 67108864 bytes"]);
    assert_eq!(run.doc_ids(), ["good"]);
    eprintln!("200 MB text file refused in {:?}", run.elapsed);
    std::fs::remove_file(w.path("log.txt")).unwrap();

    let mut after = b"\"}\n".to_vec();
    after.extend_from_slice(json_line("after", ARTICLE).as_bytes());
    write_long_line(&w.path("log.jsonl"), b"{\"id\":\"huge\",\"text\":\"", SIZE, &after);
    let run = capped(&w, 1 << 20, &["extract", "--jobs", "2", "log.jsonl"]);
    run.code(PARTIAL).no_panic().says(&["skipped: log.jsonl:1: line longer than the document limit of 67108864 bytes"]);
    assert_eq!(run.doc_ids(), ["after"]);
    eprintln!("200 MB JSON line refused in {:?}", run.elapsed);
}

#[test]
fn a_directory_with_a_symlink_loop_is_walked_once() {
    let w = Workdir::new();
    w.write("news/a.txt", ARTICLE);
    w.write("news/sub/b.txt", "Siemens kauft Philips.\n");
    std::os::unix::fs::symlink("..", w.path("news/sub/up")).unwrap();
    std::os::unix::fs::symlink(".", w.path("news/self")).unwrap();
    // A link to itself (ELOOP when opened) and a dangling link.
    std::os::unix::fs::symlink("knot.txt", w.path("news/knot.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", w.path("news/dangling.txt")).unwrap();
    let run = w.run(&["extract", "news"]);
    run.no_panic().says(&["news/self: directory visited before (symlink loop); skipped", "news/knot.txt:", "news/dangling.txt: no such file or directory"]);
    // The two broken links are skipped, so the run is a partial success.
    run.code(PARTIAL);
    assert_eq!(run.doc_ids(), ["a", "sub/b"]);
    assert!(run.elapsed < Duration::from_secs(30));
}

#[test]
fn an_unreadable_file_is_skipped_and_the_others_processed_as_an_unprivileged_user() {
    let Some(how) = unprivileged() else { return };
    let w = Workdir::new();
    w.write("news/a.txt", ARTICLE);
    w.write("news/b.txt", "Siemens kauft Philips.\n");
    w.write("news/c.txt", "Philips verkoopt een divisie aan Signify.\n");
    w.write("news/closed/d.txt", "Bayer kauft Monsanto.\n");
    w.open_to_all();
    chmod(&w.path("news/b.txt"), 0o000);
    chmod(&w.path("news/closed"), 0o000);
    let run = w.run_unprivileged(&how, &["extract", "news"]);
    run.code(PARTIAL).no_panic().says(&["skipped: news/b.txt: permission denied", "news/closed: permission denied"]);
    assert_eq!(run.doc_ids(), ["a", "c"]);
    // Given directly, alone: nothing could be read, an error.
    w.run_unprivileged(&how, &["extract", "news/b.txt"]).code(ERROR).says(&["news/b.txt: permission denied"]);
    chmod(&w.path("news/closed"), 0o755);
}

#[test]
fn bad_json_lines_are_skipped_with_file_line_and_reason() {
    let w = Workdir::new();
    let content = [
        json_line("a", ARTICLE),
        "this is not JSON\n".to_string(),
        "{\"id\":\"no-text\"}\n".to_string(),
        "{\"id\":\"num\",\"text\":42}\n".to_string(),
        "[\"an\",\"array\"]\n".to_string(),
        "{\"text\":\"no id\"}\n".to_string(),
        "{\"id\":\"cut\",\"text\":\"Microsoft bu\n".to_string(),
        "\n".to_string(),
        json_line("z", "Siemens kauft Philips."),
    ]
    .concat();
    w.write("docs.jsonl", content);
    let run = w.run(&["extract", "docs.jsonl"]);
    run.code(PARTIAL).no_panic().says(&[
        "skipped: docs.jsonl:2: not JSON",
        "skipped: docs.jsonl:3: no field \"text\"",
        "skipped: docs.jsonl:4: field \"text\" is not a string",
        "skipped: docs.jsonl:5: not a JSON object",
        "skipped: docs.jsonl:6: no field \"id\"",
        "skipped: docs.jsonl:7: not JSON",
    ]);
    assert!(!run.stderr.contains("docs.jsonl:8"), "a blank line is not a problem:\n{}", run.stderr);
    assert_eq!(run.doc_ids(), ["a", "z"]);
}

#[test]
fn odd_arguments_are_usage_errors_not_panics() {
    let w = Workdir::new();
    w.write("good.txt", ARTICLE);
    w.run(&["extract", "--max-doc-bytes", "-1", "good.txt"]).code(USAGE).no_panic();
    w.run(&["extract", "--max-doc-bytes", "99999999999999999999999", "good.txt"]).code(USAGE).no_panic();
    w.run(&["extract", "--jobs", "0", "good.txt"]).no_panic();
    w.run(&["extract", "--shard", "3/2", "good.txt"]).code(USAGE).says(&["--shard"]);
    w.run(&["extract", "--shard", "0/0", "good.txt"]).code(USAGE).no_panic();
    // A zero limit refuses everything with the limit named, it does not crash.
    w.run(&["extract", "--max-doc-bytes", "0", "good.txt"]).code(ERROR).no_panic().says(&["document limit of 0 bytes"]);
}

#[test]
fn special_files_do_not_hang_or_crash() {
    let w = Workdir::new();
    // /dev/zero is endless: the document limit stops it.
    w.run(&["extract", "--max-doc-bytes", "100000", "/dev/zero"]).code(ERROR).no_panic().says(&["/dev/zero: larger than the document limit"]);
    // /dev/null is empty.
    w.run(&["extract", "/dev/null"]).code(ERROR).no_panic().says(&["/dev/null: empty file"]);
}

// ---------------------------------------------------------------------------------------
// Gazetteer CSV
// ---------------------------------------------------------------------------------------

const HEADER: &str = "id,type,label,aliases,wikidata\n";

/// `gazetteer check` prints each problem as `file:line: message` on stdout and exits 1;
/// `extract --gazetteer` stops at the first one with the same `file:line`.
#[track_caller]
fn gazetteer_problem(content: &[u8], expected: &str) {
    let w = Workdir::new();
    w.write("g.csv", content);
    w.write("good.txt", ARTICLE);
    let check = w.run(&["gazetteer", "check", "g.csv"]);
    check.code(ERROR).no_panic();
    let reported = format!("{}{}", check.stdout, check.stderr);
    assert!(reported.contains(expected), "{expected:?} not in `gazetteer check` output:\n{reported}");
    w.run(&["extract", "--gazetteer", "g.csv", "good.txt"]).code(ERROR).no_panic().says(&[expected]);
}

#[test]
fn gazetteer_with_a_wrong_header() {
    gazetteer_problem(b"name,kind,wikidata\nacme,Organization,Q1\n", "g.csv:1: wrong header: missing column(s) id,type,label,aliases (expected at least id,type,label,aliases,wikidata; found name,kind,wikidata)");
}

#[test]
fn gazetteer_with_a_wrong_column_count() {
    let content = format!("{HEADER}acme,Organization,Acme,,Q1\nbeta,Organization,Beta,,Q2,extra\n");
    gazetteer_problem(content.as_bytes(), "g.csv:3: wrong column count: 6 fields, expected 5 as in the header");
    let content = format!("{HEADER}acme,Organization,Acme\n");
    gazetteer_problem(content.as_bytes(), "g.csv:2: wrong column count: 3 fields, expected 5 as in the header");
}

#[test]
fn gazetteer_with_a_bad_type() {
    let content = format!("{HEADER}acme,Organization,Acme,,Q1\nbeta,Company,Beta,,Q2\n");
    gazetteer_problem(content.as_bytes(), "g.csv:3: unknown entity type \"Company\" (expected Organization or Person)");
}

#[test]
fn gazetteer_with_a_bad_qid() {
    for bad in ["Q", "Q01", "q42", "42", "Q4x", "Q-1", "https://www.wikidata.org/wiki/Q42"] {
        let content = format!("{HEADER}acme,Organization,Acme,,{bad}\n");
        gazetteer_problem(content.as_bytes(), &format!("g.csv:2: malformed Wikidata id {bad:?} (expected Q followed by digits, e.g. Q2283)"));
    }
}

#[test]
fn gazetteer_with_a_bad_ambiguous_flag_and_empty_fields() {
    let content = "id,type,label,aliases,wikidata,ambiguous\nacme,Organization,Acme,,Q1,maybe\n";
    gazetteer_problem(content.as_bytes(), "g.csv:2: bad value \"maybe\" in column ambiguous (expected true or false)");
    gazetteer_problem(format!("{HEADER},Organization,Acme,,Q1\n").as_bytes(), "g.csv:2: empty id");
    gazetteer_problem(format!("{HEADER}acme,Organization,,,Q1\n").as_bytes(), "g.csv:2: empty label for id \"acme\"");
}

/// A quoted field that never closes runs to the end of the file; the message must say
/// so at the line where the quote opens (today it says "wrong column count").
#[test]
#[ignore = "bug (issue 9): an unterminated quote is reported as a wrong column count; see docs/robustness.md"]
fn gazetteer_with_an_unterminated_quote() {
    let content = format!("{HEADER}acme,Organization,\"Acme,,Q1\nbeta,Organization,Beta,,Q2\n");
    gazetteer_problem(content.as_bytes(), "g.csv:2: unterminated quote");
}

/// Quoting errors that the CSV reader does catch: the message names the line.
#[test]
fn gazetteer_with_quoting_errors_names_the_line() {
    let content = format!("{HEADER}acme,Organization,\"Acme,,Q1\nbeta,Organization,Beta,,Q2\n");
    gazetteer_problem(content.as_bytes(), "g.csv:2:");
}

#[test]
fn gazetteer_that_is_not_utf8_names_file_and_byte() {
    let mut content = HEADER.as_bytes().to_vec();
    content.extend_from_slice(b"cafe,Organization,Caf\xe9 Noir,,Q1\n");
    let w = Workdir::new();
    w.write("g.csv", &content);
    w.write("good.txt", ARTICLE);
    w.run(&["gazetteer", "check", "g.csv"]).code(ERROR).no_panic().says(&["g.csv: not valid UTF-8 at byte 52"]);
    w.run(&["extract", "--gazetteer", "g.csv", "good.txt"]).code(ERROR).no_panic().says(&["g.csv: not valid UTF-8 at byte 52"]);
}

#[test]
#[ignore = "bug (issue 9): a non-UTF-8 gazetteer names the byte but not the line; see docs/robustness.md"]
fn gazetteer_that_is_not_utf8_names_the_line() {
    let mut content = HEADER.as_bytes().to_vec();
    content.extend_from_slice(b"cafe,Organization,Caf\xe9 Noir,,Q1\n");
    gazetteer_problem(&content, "g.csv:2:");
}

#[test]
fn gazetteer_that_is_empty_missing_or_a_directory() {
    gazetteer_problem(b"", "g.csv:1: wrong header");
    let w = Workdir::new();
    w.mkdir("dir.csv");
    w.write("good.txt", ARTICLE);
    w.run(&["gazetteer", "check", "missing.csv"]).code(ERROR).no_panic().says(&["missing.csv: cannot read"]);
    w.run(&["gazetteer", "check", "dir.csv"]).code(ERROR).no_panic().says(&["dir.csv: cannot read"]);
    w.run(&["extract", "--gazetteer", "missing.csv", "good.txt"]).code(USAGE).says(&["missing.csv: no such gazetteer file"]);
    w.run(&["extract", "--gazetteer", "dir.csv", "good.txt"]).code(ERROR).no_panic().says(&["dir.csv"]);
}

#[test]
fn gazetteer_with_a_byte_order_mark_and_crlf_is_accepted() {
    let w = Workdir::new();
    w.write("g.csv", "\u{feff}id,type,label,aliases,wikidata\r\nzorbitex,Organization,Zorbitex,Zorbi,Q1\r\n");
    w.run(&["gazetteer", "check", "g.csv"]).code(SUCCESS).no_panic();
}

// ---------------------------------------------------------------------------------------
// The store, SPARQL, exports (need the `store` feature)
// ---------------------------------------------------------------------------------------

/// Made-up articles from templates (no third-party text) as JSON Lines, `n` documents.
#[cfg_attr(not(feature = "store"), allow(dead_code))]
fn generated_corpus(n: usize) -> String {
    let buyers = ["Microsoft", "Siemens", "Philips", "Bayer", "Zorbitex B.V.", "Quandelia GmbH", "Kestrel Logistics Inc."];
    let targets = ["LinkedIn", "Monsanto", "Signify", "Velotrade N.V.", "Lumora Health AG", "Brixmoor Tech Ltd."];
    let templates = [
        ("en", "{a} agreed to buy {b} for {n} billion dollars, chief executive Sarah Collins said."),
        ("nl", "{a} neemt {b} over voor {n} miljard euro, zei topman Jan de Vries."),
        ("de", "{a} übernimmt {b} für {n} Milliarden Euro, sagte Vorstandschef Thomas Müller."),
    ];
    let mut out = String::new();
    for i in 0..n {
        let (lang, template) = templates[i % templates.len()];
        let mut text = format!("Headline {i}\n\n");
        for k in 0..3 {
            let sentence = template.replace("{a}", buyers[(i + k) % buyers.len()]).replace("{b}", targets[(i * 7 + k) % targets.len()]).replace("{n}", &(i % 90 + 1).to_string());
            text.push_str(&sentence);
            text.push(' ');
        }
        out.push_str(&format!("{}\n", serde_json::json!({"id": format!("art-{i:05}"), "text": text, "lang": lang, "date": "2016-10-04"})));
    }
    out
}

#[cfg(feature = "store")]
mod store {
    use super::*;

    /// `dealgraph stats --format json` → the number of documents.
    fn documents_in(w: &Workdir, store: &str) -> u64 {
        let run = w.run(&["stats", "--store", store, "--format", "json"]);
        run.code(SUCCESS);
        let stats: serde_json::Value = serde_json::from_str(&run.stdout).expect("stats JSON");
        stats["documents"].as_u64().expect("a document count")
    }

    fn ingested(w: &Workdir, store: &str, corpus: &str) {
        w.run(&["ingest", "--store", store, corpus]).code(SUCCESS).no_panic();
    }

    #[test]
    fn query_on_a_missing_store_says_so_and_creates_nothing() {
        let w = Workdir::new();
        w.run(&["query", "--store", "nostore", "--sparql", "SELECT * WHERE { ?s ?p ?o }"]).code(ERROR).no_panic().says(&["no store at nostore"]);
        assert!(!w.path("nostore").exists(), "query created a store");
        for command in [["stats", "--store", "nostore"], ["dump", "--store", "nostore"], ["export", "--store", "nostore"]] {
            w.run(&command).code(ERROR).no_panic().says(&["no store at nostore"]);
        }
        assert!(!w.path("nostore").exists(), "a read command created a store");
    }

    #[test]
    fn a_store_path_that_is_a_file_or_a_foreign_directory() {
        let w = Workdir::new();
        w.write("file.txt", "not a store");
        w.write("docs.jsonl", generated_corpus(3));
        w.write("photos/cat.jpg", "not a store either");
        w.run(&["ingest", "--store", "file.txt", "docs.jsonl"]).code(ERROR).no_panic().says(&["file.txt is a file, not a store directory"]);
        w.run(&["query", "--store", "file.txt", "--sparql", "ASK {}"]).code(ERROR).says(&["file.txt is a file, not a store directory"]);
        w.run(&["ingest", "--store", "photos", "docs.jsonl"]).code(ERROR).no_panic().says(&["photos is not a dealgraph store"]);
        w.run(&["stats", "--store", "photos"]).code(ERROR).says(&["photos is not a dealgraph store"]);
        assert_eq!(std::fs::read_dir(w.path("photos")).unwrap().count(), 1, "something was written into a foreign directory");
    }

    #[test]
    fn sparql_syntax_error_shows_position_and_line() {
        let w = Workdir::new();
        w.write("docs.jsonl", generated_corpus(2));
        ingested(&w, "st", "docs.jsonl");
        let query = "SELECT ?s\nWHERE { ?s ?p ?o .\n  FILTR(?o = 1) }";
        let run = w.run(&["query", "--store", "st", "--sparql", query]);
        run.code(USAGE).no_panic().says(&["SPARQL syntax error in --sparql: line 3, column 11: expected", "   3 |   FILTR(?o = 1) }", "\n       |           ^"]);
        w.write("bad.rq", query);
        w.run(&["query", "--store", "st", "bad.rq"]).code(USAGE).says(&["SPARQL syntax error in bad.rq: line 3"]);
        // Checked before the store is opened: a typo is a typo even without a store.
        w.run(&["query", "--store", "none", "--sparql", query]).code(USAGE).says(&["line 3"]);
        // An update is not a query, and the store is left alone.
        let before = documents_in(&w, "st");
        w.run(&["query", "--store", "st", "--sparql", "DROP ALL"]).code(USAGE).no_panic().says(&["SPARQL syntax error"]);
        assert_eq!(documents_in(&w, "st"), before);
    }

    /// Oxigraph places an error found at the end of the text after it, on the empty line
    /// that a final newline opens; the message then shows an empty line instead of the
    /// one at fault.
    #[test]
    #[ignore = "bug (issue 9): a syntax error at the end of a query ending in a newline shows an empty line; see docs/robustness.md"]
    fn sparql_syntax_error_at_the_end_shows_the_last_line() {
        let w = Workdir::new();
        let query = "SELECT ?s\nWHERE { ?s ?p ?o .\n  FILTER(?o = ) }\n";
        w.run(&["query", "--store", "none", "--sparql", query]).code(USAGE).says(&["FILTER(?o = ) }"]);
    }

    #[test]
    fn unknown_question_lists_the_available_ones() {
        let w = Workdir::new();
        let run = w.run(&["query", "--store", "st", "--question", "who-bought-what"]);
        run.code(USAGE).no_panic().says(&["unknown question \"who-bought-what\"; the questions are:", "deals-of", "who-tried-to-buy-whom"]);
    }

    #[test]
    fn missing_and_unknown_parameters_are_named() {
        let w = Workdir::new();
        w.run(&["query", "--store", "st", "--question", "deals-of"]).code(USAGE).no_panic().says(&["needs the parameter \"company\"", "--param company=VALUE"]);
        w.run(&["query", "--store", "st", "-q", "deals-of", "-p", "company=x", "-p", "colour=red"]).code(USAGE).says(&["no parameter \"colour\""]);
        w.run(&["query", "--store", "st", "-q", "deals-of", "-p", "company"]).code(USAGE).says(&["bad parameter \"company\": expected NAME=VALUE"]);
    }

    /// Values are bound as literals: quotes, braces and comments in a value cannot end
    /// the literal, add a pattern or drop data.
    #[test]
    fn sparql_parameters_cannot_change_the_query() {
        let w = Workdir::new();
        w.write("docs.jsonl", generated_corpus(12));
        ingested(&w, "st", "docs.jsonl");
        let before = w.run(&["dump", "--store", "st"]);
        before.code(SUCCESS);
        let query = "SELECT ?name WHERE { GRAPH ?g { ?e <http://schema.org/name> ?name } FILTER(STR(?name) = ?q) }";
        let honest = w.run(&["query", "--store", "st", "--format", "csv", "--sparql", query, "-p", "q=Microsoft"]);
        honest.code(SUCCESS);
        assert!(honest.stdout.contains("Microsoft"), "the honest query finds nothing:\n{}", honest.stdout);
        let hostile = [
            "} DROP ALL #",
            "\"} DROP ALL #",
            "Microsoft\" || true || \"",
            "Microsoft') || true || ('",
            "x\" . ?e ?p ?name } UNION { ?e ?p ?name . FILTER(\"\" = \"",
            "\"\"\" } } SELECT * WHERE { ?s ?p ?o } #",
            "\\\" } #",
            "a\nb } # \r\n",
            "<http://example.org/x> ; ?p ?o",
        ];
        for value in hostile {
            let run = w.run(&["query", "--store", "st", "--format", "csv", "--sparql", query, "-p", &format!("q={value}")]);
            run.code(SUCCESS).no_panic();
            let rows: Vec<&str> = run.stdout.lines().skip(1).filter(|l| !l.is_empty()).collect();
            assert!(rows.is_empty(), "the value {value:?} changed the query: {rows:?}");
        }
        // Parameter names must be names: no way to smuggle text through them either.
        for name in ["q} DROP ALL #", "q ?x", "q)", ""] {
            w.run(&["query", "--store", "st", "--sparql", query, "-p", &format!("{name}=1")]).code(USAGE).no_panic();
        }
        let after = w.run(&["dump", "--store", "st"]);
        assert!(before.stdout == after.stdout, "the store changed");
    }

    #[test]
    fn federated_service_is_refused() {
        let w = Workdir::new();
        w.write("docs.jsonl", generated_corpus(2));
        ingested(&w, "st", "docs.jsonl");
        for query in [
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "select * { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { ?s ?p ?o . { SERVICE ?endpoint { ?s ?p ?o } } }",
        ] {
            let run = w.run(&["query", "--store", "st", "--sparql", query]);
            run.code(USAGE).no_panic().says(&["federated queries (SERVICE) are disabled"]);
            assert!(run.elapsed < Duration::from_secs(20));
        }
    }

    /// A running ingest holds the store: a second writer is told so at once, readers get
    /// an answer or the same message, and nobody waits for the lock.
    #[test]
    fn a_store_locked_by_a_running_ingest_says_so_and_does_not_hang() {
        let w = Workdir::new();
        w.write("big.jsonl", generated_corpus(12_000));
        w.write("small.jsonl", generated_corpus(3).replace("art-", "small-"));
        let mut ingest = Command::new(bin())
            .args(["ingest", "--store", "st", "big.jsonl"])
            .current_dir(w.path(""))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the store exists (the lock is taken when it is opened).
        let started = Instant::now();
        while !w.path("st/CURRENT").exists() && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let second = w.run(&["ingest", "--store", "st", "small.jsonl"]);
        let still_running = ingest.try_wait().unwrap().is_none();
        let reader = w.run(&["stats", "--store", "st"]);
        let status = ingest.wait().unwrap();
        assert_eq!(status.code(), Some(0), "the first ingest failed");
        second.no_panic();
        reader.no_panic();
        if still_running {
            second.code(ERROR).says(&["the store st is in use by another process"]);
            assert!(second.elapsed < Duration::from_secs(10), "the second ingest waited {:?}", second.elapsed);
            assert!(reader.code == Some(0) || reader.stderr.contains("in use by another process"), "{}", reader.stderr);
        } else {
            eprintln!("SKIPPED (partly): the first ingest finished before the second started");
        }
    }

    /// Ctrl-C stops at the next batch boundary, says how far it got, exits 130; what it
    /// says is in the store is in the store, and the same command finishes the job.
    #[test]
    fn ctrl_c_during_ingest_stops_at_a_batch_boundary_and_says_how_far_it_got() {
        let w = Workdir::new();
        let n_docs = 12_000;
        w.write("big.jsonl", generated_corpus(n_docs));
        let child = Command::new(bin())
            .args(["ingest", "--store", "st", "big.jsonl"])
            .current_dir(w.path(""))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id().to_string();
        let started = Instant::now();
        while !w.path("st/CURRENT").exists() && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(1500));
        let interrupted_at = Instant::now();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let output = child.wait_with_output().unwrap();
        let stopped_after = interrupted_at.elapsed();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{stderr}");
        if output.status.code() == Some(0) {
            eprintln!("SKIPPED: the ingest of {n_docs} documents finished within 1.5 s, before Ctrl-C");
            return;
        }
        assert_eq!(output.status.code(), Some(130), "{stderr}");
        assert!(stderr.contains("dealgraph: interrupted:") && stderr.contains("run the same command again to finish"), "{stderr}");
        eprintln!("Ctrl-C: stopped {stopped_after:?} after the signal: {stderr}");
        // "… st now holds N documents …": the store says the same.
        let held: u64 = stderr
            .split("now holds ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("the message says how many documents the store holds");
        assert_eq!(documents_in(&w, "st"), held);
        assert!(held < n_docs as u64);
        let again = w.run(&["ingest", "--store", "st", "big.jsonl"]);
        again.code(SUCCESS).no_panic();
        assert_eq!(documents_in(&w, "st"), n_docs as u64);
    }

    #[test]
    fn a_read_only_store_directory_as_an_unprivileged_user() {
        let Some(how) = unprivileged() else { return };
        let w = Workdir::new();
        w.write("docs.jsonl", generated_corpus(4));
        w.write("more.jsonl", generated_corpus(2).replace("art-", "more-"));
        ingested(&w, "st", "docs.jsonl");
        w.mkdir("ro");
        w.open_to_all();
        chmod(&w.path("ro"), 0o555);
        // The store belongs to root: nobody may read it but not write it.
        let run = w.run_unprivileged(&how, &["ingest", "--store", "st", "more.jsonl"]);
        run.code(ERROR).no_panic().says(&["the store st cannot be written"]);
        let run = w.run_unprivileged(&how, &["stats", "--store", "st"]);
        run.no_panic();
        assert!(run.code == Some(0) || run.stderr.contains("st"), "{}", run.stderr);
        // A new store in a directory nobody may write to.
        let run = w.run_unprivileged(&how, &["ingest", "--store", "ro/st", "docs.jsonl"]);
        run.code(ERROR).no_panic().says(&["ro/st"]);
        assert!(!w.path("ro/st").exists());
        // Nothing committed is lost.
        assert_eq!(documents_in(&w, "st"), 4);
    }

    /// A full disk (a 3 MB tmpfs when we may mount one, else a file size limit): the
    /// error names the store, and what an earlier ingest committed is still there.
    #[test]
    fn a_full_disk_names_the_store_and_loses_nothing_committed() {
        let w = Workdir::new();
        w.write("small.jsonl", generated_corpus(5).replace("art-", "small-"));
        w.write("big.jsonl", generated_corpus(20_000));
        let disk = w.mkdir("disk");
        let mounted = effective_uid() == Some(0)
            && Command::new("mount").args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"]).arg(&disk).status().is_ok_and(|s| s.success());
        struct Unmount(Option<PathBuf>);
        impl Drop for Unmount {
            fn drop(&mut self) {
                if let Some(path) = &self.0 {
                    let _ = Command::new("umount").arg(path).status();
                }
            }
        }
        let _unmount = Unmount(mounted.then(|| disk.clone()));
        let limit = if mounted { String::new() } else { "ulimit -f 4096 && ".to_string() };
        if !mounted {
            eprintln!("no tmpfs (not root or mount refused): using `ulimit -f` (4 MB files) instead");
        }
        let ingest = |corpus: &str| {
            let mut command = Command::new("sh");
            // SIGXFSZ ignored, so that writes past the limit fail with EFBIG instead.
            command.arg("-c").arg(format!("trap '' XFSZ; {limit}exec \"$0\" \"$@\"")).arg(bin()).args(["ingest", "--store", "disk/st", corpus]);
            w.run_with(command, &[], None)
        };
        ingest("small.jsonl").code(SUCCESS).no_panic();
        let full = ingest("big.jsonl");
        full.no_panic();
        if full.code == Some(0) {
            eprintln!("SKIPPED (partly): the big ingest fit on the small disk");
        } else {
            full.code(ERROR).says(&["disk/st"]);
            eprintln!("full disk: {}", full.stderr.trim());
        }
        // On the full disk, a reader either answers or names the store.
        let run = w.run(&["stats", "--store", "disk/st"]);
        run.no_panic();
        assert!(run.code == Some(0) || run.stderr.contains("disk/st"), "{}", run.stderr);
        // Freed (copied to a roomy directory as it lies on the disk): everything the first
        // ingest committed is there, and the store opens.
        let copy = Command::new("cp").arg("-a").arg(w.path("disk/st")).arg(w.path("roomy")).status().unwrap();
        assert!(copy.success());
        drop(_unmount);
        w.run(&["stats", "--store", "roomy"]).code(SUCCESS).no_panic();
        let dump = w.run(&["dump", "--store", "roomy"]);
        dump.code(SUCCESS);
        for i in 0..5 {
            assert!(dump.stdout.contains(&format!("small-{i:05}")), "small-{i:05} was lost");
        }
    }

    /// Names with `<`, `&`, quotes, a control character and right-to-left text come out
    /// escaped in GraphML, HTML, CSV and TriG: each output is parsed back with a real
    /// parser (Python's xml.etree, html.parser, csv; TriG by `dealgraph load` and, when
    /// installed, rdflib) and the names are compared.
    #[test]
    fn hostile_names_are_escaped_in_every_output_format() {
        if !Command::new("python3").arg("--version").status().is_ok_and(|s| s.success()) {
            eprintln!("SKIPPED: python3 is needed to parse the outputs back");
            return;
        }
        let w = Workdir::new();
        let names = [
            ("amp", "Smith & \"Sons\" <Holding>"),
            ("script", "Ober </script><script>alert(1)</script> Ltd"),
            ("quote", "O'Brien \"Quoted\" Corp"),
            ("rtl", "\u{05e9}\u{05dc}\u{05d5}\u{05dd} Holdings"),
            ("bidi", "Evil\u{202e}Corp Group"),
            ("bell", "Bell\u{0007}Co Industries"),
        ];
        let mut gazetteer = String::from("id,type,label,aliases,wikidata\n");
        let mut text = String::from("Hostile names\n\n");
        for (id, label) in names {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record([id, "Organization", label, "", ""]).unwrap();
            gazetteer.push_str(&String::from_utf8(writer.into_inner().unwrap()).unwrap());
            text.push_str(&format!("{label} agreed to buy Microsoft for 3 billion dollars. "));
        }
        text.push_str("Control \u{0001}\u{001b}[31m characters and \u{202e}reversed text.");
        w.write("g.csv", &gazetteer);
        w.write("docs.jsonl", format!("{}\n", serde_json::json!({"id": "hostile <&\"'> doc", "text": text, "lang": "en"})));
        w.run(&["gazetteer", "check", "g.csv"]).code(SUCCESS);
        w.run(&["ingest", "--store", "st", "--gazetteer", "g.csv", "docs.jsonl"]).code(SUCCESS).no_panic();
        w.run(&["export", "--store", "st", "--format", "graphml", "-o", "out.graphml"]).code(SUCCESS).no_panic();
        w.run(&["export", "--store", "st", "--format", "html", "-o", "out.html"]).code(SUCCESS).no_panic();
        w.mkdir("csv");
        w.run(&["export", "--store", "st", "--format", "csv", "-o", "csv/"]).code(SUCCESS).no_panic();
        w.run(&["dump", "--store", "st", "--format", "trig", "-o", "out.trig"]).code(SUCCESS).no_panic();
        w.run(&["dump", "--store", "st", "-o", "out.nq"]).code(SUCCESS).no_panic();
        // TriG back in through Oxigraph's parser: the same quads.
        w.run(&["load", "--store", "again", "out.trig"]).code(SUCCESS).no_panic();
        w.run(&["dump", "--store", "again", "-o", "again.nq"]).code(SUCCESS);
        assert!(std::fs::read(w.path("out.nq")).unwrap() == std::fs::read(w.path("again.nq")).unwrap(), "TriG did not load back to the same quads");
        let expected: Vec<&str> = names.iter().map(|(_, label)| *label).collect();
        w.write("expected.json", serde_json::to_string(&expected).unwrap());
        w.write("check.py", CHECK_OUTPUTS);
        let run = run_command(
            {
                let mut command = Command::new("python3");
                command.arg("check.py").current_dir(w.path(""));
                command
            },
            None,
        );
        assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
        eprintln!("{}", run.stdout.trim());
    }

    /// Parses each output with a real parser and finds every name in it; a name may lose
    /// its control characters or have them replaced by U+FFFD (XML 1.0 cannot carry
    /// them), nothing else.
    const CHECK_OUTPUTS: &str = r#"
import csv, glob, html.parser, json, re, sys, xml.etree.ElementTree as ET
expected = json.load(open("expected.json", encoding="utf-8"))
def clean(s):
    # Control characters dropped or replaced by U+FFFD are both fine.
    return "".join(c for c in s if c != "\ufffd" and (c in "\t\n\r" or not (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0)))
def found(where, texts):
    texts = set(texts)
    cleaned = {clean(t) for t in texts}
    for name in expected:
        if name not in texts and clean(name) not in cleaned:
            sys.exit("%s: %r not found among %r" % (where, name, sorted(texts)[:40]))
# GraphML
root = ET.parse("out.graphml").getroot()
found("graphml", [el.text or "" for el in root.iter() if el.tag.endswith("}data")])
# HTML: the page parses, the only scripts are its own, and the data holds the names.
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.inside, self.data, self.tags = [], None, {}, []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.inside = dict(attrs).get("id", "")
            self.scripts.append(self.inside)
    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = None
    def handle_data(self, data):
        if self.inside is not None:
            self.data[self.inside] = self.data.get(self.inside, "") + data
page = Page()
page.feed(open("out.html", encoding="utf-8").read())
if "holding" in page.tags:
    sys.exit("html: a name became a tag")
graph_data = [json.loads(v) for k, v in page.data.items() if k and v.strip().startswith("{")]
if not graph_data:
    sys.exit("html: no JSON graph data among the scripts %r" % page.scripts)
labels = []
def walk(v):
    if isinstance(v, dict):
        for x in v.values(): walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, str):
        labels.append(v)
walk(graph_data)
found("html", labels)
if sum(1 for s in page.scripts) > 4:
    sys.exit("html: unexpected scripts %r" % page.scripts)
# CSV
cells = []
for path in glob.glob("csv/*.csv"):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    width = len(rows[0])
    if any(len(r) != width for r in rows):
        sys.exit("csv: %s has rows of other widths" % path)
    cells += [c for r in rows for c in r]
found("csv", cells)
# TriG with rdflib, when installed.
try:
    import rdflib
except ImportError:
    print("rdflib not installed: TriG checked by loading it back only")
else:
    g = rdflib.Dataset()
    g.parse("out.trig", format="trig")
    found("trig (rdflib)", [str(o) for _, _, o, _ in g.quads((None, None, None, None)) if isinstance(o, rdflib.Literal)])
print("graphml, html, csv, trig: every hostile name parsed back")
"#;
}
