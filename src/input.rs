//! Reading documents from files, directories and standard input.
//!
//! - `.txt`: one document; its id is the path relative to the directory given (without
//!   extension) or the file stem for a file given directly.
//! - `.jsonl`: one document per line `{"id", "text", "lang"?, "date"?, "source"?}`
//!   (unknown fields ignored).
//! - `.gz` / `.xz` variants of both are decompressed on the fly.
//! - `-`: standard input, JSON Lines when it starts with `{`, else one text document `stdin`.
//!
//! Reading never panics on odd input: problems (binary files, bad UTF-8, a JSON line
//! without `text`, an unreadable file) are reported as [`InputProblem`]s naming the
//! file and line or byte offset, and the other documents still come. Two documents with
//! the same id are a fatal problem naming both.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::document::{parse_date, Document};

/// How to read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Refuse invalid UTF-8 instead of decoding it lossily.
    pub strict: bool,
    /// Documents (or JSON lines) larger than this are skipped with a message, so a
    /// 2 GB log line cannot exhaust memory.
    pub max_document_bytes: usize,
    /// Date for documents that carry none (`--date`).
    pub default_date: Option<String>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions { strict: false, max_document_bytes: 64 << 20, default_date: None }
    }
}

/// Something wrong with one input. `fatal` problems stop the run (duplicate ids); the
/// others skip a file or line, or only warn (`skipped == false`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// `path`, `path:line` or `path: byte N`.
    pub origin: String,
    pub message: String,
    /// The document (file or line) was not processed.
    pub skipped: bool,
    pub fatal: bool,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gz,
    Xz,
}

/// One file to read (or standard input when `path` is `-`).
#[derive(Debug, Clone)]
struct Source {
    path: PathBuf,
    /// The directory the file was found under, for relative ids.
    base: Option<PathBuf>,
    format: Option<Format>,
    compression: Compression,
}

fn classify(path: &Path) -> (Option<Format>, Compression) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let (stem, compression) = if let Some(s) = name.strip_suffix(".gz") {
        (s.to_string(), Compression::Gz)
    } else if let Some(s) = name.strip_suffix(".xz") {
        (s.to_string(), Compression::Xz)
    } else {
        (name, Compression::None)
    };
    let format = if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        Some(Format::Jsonl)
    } else if stem.ends_with(".txt") {
        Some(Format::Txt)
    } else {
        None
    };
    (format, compression)
}

/// Streams documents from the inputs, in a deterministic order (the inputs as given,
/// directories walked in sorted order).
pub struct DocumentReader {
    sources: Vec<Source>,
    next_source: usize,
    pending: std::collections::VecDeque<Result<Document, InputProblem>>,
    lines: Option<LineState>,
    seen: HashMap<String, String>,
    options: InputOptions,
}

struct LineState {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    line: u64,
}

impl DocumentReader {
    /// Prepares to read `inputs` (files, directories, or `-`). Problems finding files
    /// (missing paths, symlink loops) are returned first by the iterator.
    pub fn new(inputs: &[PathBuf], options: InputOptions) -> DocumentReader {
        let mut sources = Vec::new();
        let mut pending = std::collections::VecDeque::new();
        for input in inputs {
            if input.as_os_str() == "-" {
                sources.push(Source { path: input.clone(), base: None, format: None, compression: Compression::None });
                continue;
            }
            match std::fs::metadata(input) {
                Ok(meta) if meta.is_dir() => {
                    let mut visited = HashSet::new();
                    walk(input, input, &mut sources, &mut pending, &mut visited);
                }
                Ok(_) => {
                    let (format, compression) = classify(input);
                    sources.push(Source { path: input.clone(), base: None, format, compression });
                }
                Err(e) => pending.push_back(Err(InputProblem {
                    origin: input.display().to_string(),
                    message: io_message(&e),
                    skipped: true,
                    fatal: false,
                })),
            }
        }
        DocumentReader { sources, next_source: 0, pending, lines: None, seen: HashMap::new(), options }
    }

    /// Number of files found (for progress).
    pub fn n_files(&self) -> usize {
        self.sources.len()
    }

    fn open(&self, source: &Source) -> std::io::Result<Box<dyn BufRead + Send>> {
        let raw: Box<dyn Read + Send> = if source.path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(&source.path)?)
        };
        let decoded: Box<dyn Read + Send> = match source.compression {
            Compression::None => raw,
            Compression::Gz => Box::new(flate2::read::MultiGzDecoder::new(raw)),
            Compression::Xz => Box::new(xz2::read::XzDecoder::new_multi_decoder(raw)),
        };
        let mut reader = BufReader::with_capacity(1 << 16, decoded);
        // A byte order mark decides the encoding before anything looks at the bytes, so
        // that JSON Lines in UTF-16 split into lines and `-` still recognises JSON.
        let head = reader.fill_buf()?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            let little_endian = head[0] == 0xFF;
            reader.consume(2);
            return Ok(Box::new(BufReader::with_capacity(1 << 16, Utf16Reader::new(reader, little_endian))));
        }
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            reader.consume(3);
        }
        Ok(Box::new(reader))
    }

    /// Registers a document id; a second document with the same id is fatal.
    fn register(&mut self, doc: Document) -> Result<Document, InputProblem> {
        if let Some(first) = self.seen.get(&doc.id) {
            return Err(InputProblem {
                origin: doc.origin.clone(),
                message: format!("duplicate document id {:?}: also in {first}", doc.id),
                skipped: true,
                fatal: true,
            });
        }
        self.seen.insert(doc.id.clone(), doc.origin.clone());
        Ok(doc)
    }

    fn read_txt(&mut self, source: &Source, mut reader: Box<dyn BufRead + Send>) {
        let origin = if source.path.as_os_str() == "-" { "<stdin>".to_string() } else { source.path.display().to_string() };
        let limit = self.options.max_document_bytes;
        let mut bytes = Vec::new();
        if let Err(e) = reader.by_ref().take(limit as u64 + 1).read_to_end(&mut bytes) {
            self.pending.push_back(Err(skip(&origin, io_message(&e))));
            return;
        }
        if bytes.len() > limit {
            self.pending.push_back(Err(skip(
                &origin,
                format!("larger than the document limit of {} bytes; skipped (raise it with --max-doc-bytes)", limit),
            )));
            return;
        }
        let Some(text) = self.decode(&origin, bytes) else { return };
        if text.trim().is_empty() {
            self.pending.push_back(Err(skip(&origin, "empty file; skipped".to_string())));
            return;
        }
        let id = txt_id(source);
        let doc = Document { id, text, lang: None, date: self.options.default_date.clone(), source: None, origin };
        let item = self.register(doc);
        self.pending.push_back(item);
    }

    /// Bytes → text: UTF-16 with BOM decoded, UTF-8 BOM dropped, binary refused, invalid
    /// UTF-8 decoded lossily with a warning (or refused with `strict`).
    fn decode(&mut self, origin: &str, bytes: Vec<u8>) -> Option<String> {
        match decode_bytes(bytes, self.options.strict) {
            Ok((text, warning)) => {
                if let Some(w) = warning {
                    self.pending.push_back(Err(InputProblem { origin: origin.to_string(), message: w, skipped: false, fatal: false }));
                }
                Some(text)
            }
            Err(message) => {
                self.pending.push_back(Err(skip(origin, message)));
                None
            }
        }
    }

    /// Reads the next JSON line of the current file into `pending`; false at its end.
    fn next_line(&mut self) -> bool {
        let Some(state) = self.lines.as_mut() else { return false };
        let limit = self.options.max_document_bytes;
        state.line += 1;
        let origin = format!("{}:{}", state.origin, state.line);
        let mut buf = Vec::new();
        match read_line_limited(&mut state.reader, &mut buf, limit) {
            Ok(LineRead::Eof) => {
                self.lines = None;
                return false;
            }
            Ok(LineRead::TooLong) => {
                self.pending.push_back(Err(skip(
                    &origin,
                    format!("line longer than the document limit of {limit} bytes; skipped (raise it with --max-doc-bytes)"),
                )));
                return true;
            }
            Ok(LineRead::Line) => {}
            Err(e) => {
                self.pending.push_back(Err(skip(&origin, io_message(&e))));
                self.lines = None;
                return false;
            }
        }
        let Some(line) = self.decode(&origin, buf) else { return true };
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return true;
        }
        let default_date = self.options.default_date.clone();
        let item = parse_json_line(trimmed, &origin, default_date);
        let item = match item {
            Ok(doc) => {
                if let Some(w) = doc.1 {
                    self.pending.push_back(Err(InputProblem { origin: origin.clone(), message: w, skipped: false, fatal: false }));
                }
                self.register(doc.0)
            }
            Err(message) => Err(skip(&origin, message)),
        };
        self.pending.push_back(item);
        true
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document, InputProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.lines.is_some() {
                self.next_line();
                continue;
            }
            let source = self.sources.get(self.next_source)?.clone();
            self.next_source += 1;
            let origin = if source.path.as_os_str() == "-" { "<stdin>".to_string() } else { source.path.display().to_string() };
            let mut reader = match self.open(&source) {
                Ok(r) => r,
                Err(e) => {
                    self.pending.push_back(Err(skip(&origin, io_message(&e))));
                    continue;
                }
            };
            let format = match source.format {
                Some(f) => f,
                None => {
                    // Standard input or an unknown extension given directly: JSON Lines if
                    // it starts with `{`, else text.
                    let starts_json = reader.fill_buf().map(|b| b.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'{')).unwrap_or(false);
                    if starts_json { Format::Jsonl } else { Format::Txt }
                }
            };
            match format {
                Format::Txt => self.read_txt(&source, reader),
                Format::Jsonl => self.lines = Some(LineState { reader, origin, line: 0 }),
            }
        }
    }
}

fn skip(origin: &str, message: String) -> InputProblem {
    InputProblem { origin: origin.to_string(), message, skipped: true, fatal: false }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Walks a directory in sorted order, keeping input files, guarding against symlink loops.
fn walk(
    base: &Path,
    dir: &Path,
    sources: &mut Vec<Source>,
    pending: &mut std::collections::VecDeque<Result<Document, InputProblem>>,
    visited: &mut HashSet<PathBuf>,
) {
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            pending.push_back(Err(skip(&dir.display().to_string(), io_message(&e))));
            return;
        }
    };
    if !visited.insert(canonical) {
        pending.push_back(Err(InputProblem {
            origin: dir.display().to_string(),
            message: "directory visited before (symlink loop); skipped".to_string(),
            skipped: false,
            fatal: false,
        }));
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            pending.push_back(Err(skip(&dir.display().to_string(), io_message(&e))));
            return;
        }
    };
    entries.sort();
    for path in entries {
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(base, &path, sources, pending, visited),
            Ok(_) => {
                let (format, compression) = classify(&path);
                if format.is_some() {
                    sources.push(Source { path, base: Some(base.to_path_buf()), format, compression });
                }
            }
            Err(e) => pending.push_back(Err(skip(&path.display().to_string(), io_message(&e)))),
        }
    }
}

/// The id of a text file: relative path without extension under a directory, else the stem.
fn txt_id(source: &Source) -> String {
    if source.path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    let rel = match &source.base {
        Some(base) => source.path.strip_prefix(base).unwrap_or(&source.path).to_path_buf(),
        None => PathBuf::from(source.path.file_name().unwrap_or_default()),
    };
    let mut s = rel.to_string_lossy().replace('\\', "/");
    for ext in [".gz", ".xz"] {
        if s.to_lowercase().ends_with(ext) {
            s.truncate(s.len() - ext.len());
        }
    }
    if let Some(dot) = s.rfind('.') {
        if dot > s.rfind('/').map(|i| i + 1).unwrap_or(0) {
            s.truncate(dot);
        }
    }
    s
}

enum LineRead {
    Line,
    TooLong,
    Eof,
}

/// Reads one line (without the newline) into `buf`, never holding more than `limit`
/// bytes: a longer line is consumed and reported as too long.
fn read_line_limited(reader: &mut Box<dyn BufRead + Send>, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if too_long {
                LineRead::TooLong
            } else if any {
                LineRead::Line
            } else {
                LineRead::Eof
            });
        }
        any = true;
        let (used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let content = &chunk[..if done { used - 1 } else { used }];
        if !too_long {
            if buf.len() + content.len() > limit {
                too_long = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(content);
            }
        }
        reader.consume(used);
        if done {
            return Ok(if too_long { LineRead::TooLong } else { LineRead::Line });
        }
    }
}

/// Transcodes UTF-16 (whose byte order mark has been read) to UTF-8 as it streams, so
/// that line splitting and the document limit work as for UTF-8. Unpaired surrogates and
/// a final odd byte become U+FFFD.
struct Utf16Reader<R> {
    inner: R,
    little_endian: bool,
    /// Bytes read but not decoded yet: an odd byte, or a high surrogate awaiting its pair.
    raw: Vec<u8>,
    /// Decoded UTF-8 not handed out yet, from `out_pos`.
    out: Vec<u8>,
    out_pos: usize,
    eof: bool,
}

impl<R: Read> Utf16Reader<R> {
    fn new(inner: R, little_endian: bool) -> Self {
        Utf16Reader { inner, little_endian, raw: Vec::new(), out: Vec::new(), out_pos: 0, eof: false }
    }

    fn unit(&self, pair: &[u8]) -> u16 {
        let pair = [pair[0], pair[1]];
        if self.little_endian { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    }

    /// Reads one chunk and decodes what can be decoded of it into `out`.
    fn refill(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 1 << 13];
        let n = loop {
            match self.inner.read(&mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.raw.extend_from_slice(&chunk[..n]);
        let mut usable = self.raw.len() / 2 * 2;
        if !self.eof && usable >= 2 && (0xD800..0xDC00).contains(&self.unit(&self.raw[usable - 2..usable])) {
            usable -= 2;
        }
        let units: Vec<u16> = self.raw[..usable].chunks_exact(2).map(|pair| self.unit(pair)).collect();
        self.raw.drain(..usable);
        self.out.clear();
        self.out_pos = 0;
        self.out.extend_from_slice(String::from_utf16_lossy(&units).as_bytes());
        if self.eof && !self.raw.is_empty() {
            self.raw.clear();
            self.out.extend_from_slice("\u{FFFD}".as_bytes());
        }
        Ok(())
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.out_pos == self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

/// Bytes to text; Ok((text, warning)) or Err(reason to skip).
pub fn decode_bytes(bytes: Vec<u8>, strict: bool) -> Result<(String, Option<String>), String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        return Ok((text, None));
    }
    let bytes = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { bytes[3..].to_vec() } else { bytes };
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary file (NUL bytes); skipped".to_string());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if strict {
                Err(format!("invalid UTF-8 at byte {offset}; skipped (--strict)"))
            } else {
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                Ok((text, Some(format!("invalid UTF-8 at byte {offset}; decoded with replacement characters"))))
            }
        }
    }
}

/// One JSON line → (document, optional warning) or the reason to skip it.
fn parse_json_line(line: &str, origin: &str, default_date: Option<String>) -> Result<(Document, Option<String>), String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = value.as_object().ok_or("not a JSON object")?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err("field \"text\" is not a string".to_string()),
        None => return Err("no field \"text\"".to_string()),
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err("field \"id\" is not a non-empty string".to_string()),
        None => return Err("no field \"id\"".to_string()),
    };
    let string = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::to_string).filter(|s| !s.is_empty());
    let mut warning = None;
    let date = match string("date") {
        Some(d) => match parse_date(&d) {
            Some(iso) => Some(iso),
            None => {
                warning = Some(format!("field \"date\" {d:?} is not an ISO 8601 date; ignored"));
                default_date
            }
        },
        None => default_date,
    };
    let doc = Document { id, text, lang: string("lang"), date, source: string("source"), origin: origin.to_string() };
    Ok((doc, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_odd_bytes() {
        let (t, w) = decode_bytes(b"caf\xe9 x".to_vec(), false).unwrap_or_default();
        assert_eq!(t, "caf\u{FFFD} x");
        assert!(w.unwrap_or_default().contains("byte 3"));
        assert!(decode_bytes(b"caf\xe9".to_vec(), true).is_err());
        assert!(decode_bytes(b"PDF\0\0".to_vec(), false).is_err());
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Hé".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode_bytes(utf16, false).map(|x| x.0).unwrap_or_default(), "Hé");
    }

    #[test]
    fn transcodes_utf16_streams() {
        let text = "a\u{1F680}b\nHé\n";
        for little_endian in [true, false] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() })
                .chain([0x41])
                .collect();
            // One byte at a time, so that surrogate pairs and units straddle reads.
            let trickle = OneByOne(bytes.into_iter());
            let mut out = String::new();
            let read = Utf16Reader::new(trickle, little_endian).read_to_string(&mut out);
            assert!(read.is_ok());
            assert_eq!(out, format!("{text}\u{FFFD}"));
        }
    }

    /// A reader that hands out one byte per call.
    struct OneByOne(std::vec::IntoIter<u8>);

    impl Read for OneByOne {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.next(), buf.first_mut()) {
                (Some(b), Some(slot)) => {
                    *slot = b;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn json_lines() {
        let (doc, w) = parse_json_line(r#"{"id":"a","text":"T","date":"2016-10","x":1}"#, "f:1", None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((doc.id.as_str(), doc.date.as_deref(), w), ("a", Some("2016-10"), None));
        assert!(parse_json_line(r#"{"id":"a"}"#, "f:1", None).err().is_some_and(|e| e.contains("text")));
        assert!(parse_json_line("{nope", "f:1", None).err().is_some_and(|e| e.starts_with("not JSON")));
    }
}
