//! Reading gazetteer CSV.
//!
//! Format (the contract): a header with at least `id,type,label,aliases,wikidata`;
//! `type` is `Organization` or `Person`; `aliases` separated by `|`; `wikidata` a Q-id or
//! empty. Optional columns: `ambiguous` (`true`/`false`: the name is also an ordinary
//! word and counts only with evidence), `wikipedia` (URL). Unknown columns are ignored.
//!
//! - [`parse`] / [`parse_each`]: entries and every problem of one file, each with its
//!   line; [`Gazetteer::add_str`] stops at the first problem.
//! - [`check_files`]: what `dealgraph gazetteer check` reports: errors (the file cannot
//!   be used) and warnings (a name shared by several entities, an overridden id).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::EntityKind;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub kind: EntityKind,
    pub label: String,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    pub wikipedia: Option<String>,
    pub ambiguous: bool,
}

impl Entry {
    /// The label and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A set of entries, from one or several files; later files override earlier ids.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

const REQUIRED: [&str; 5] = ["id", "type", "label", "aliases", "wikidata"];

/// True for `Q` followed by digits without a leading zero.
pub fn is_qid(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('Q') else { return false };
    !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    /// The file cannot be used as it is (`extract --gazetteer` stops at it).
    #[default]
    Error,
    /// The file loads, but something needs a look: a name shared by several entities
    /// (a real ambiguity), an id that overrides one of an earlier file.
    Warning,
}

/// A problem found in a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub line: u64,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    fn error(path: &str, line: u64, message: String) -> Problem {
        Problem { path: path.to_string(), line, message, severity: Severity::Error }
    }

    fn warning(path: &str, line: u64, message: String) -> Problem {
        Problem { path: path.to_string(), line, message, severity: Severity::Warning }
    }
}

/// `file:line: message` for errors, `file:line: warning: message` for warnings.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.severity {
            Severity::Error => write!(f, "{}:{}: {}", self.path, self.line, self.message),
            Severity::Warning => write!(f, "{}:{}: warning: {}", self.path, self.line, self.message),
        }
    }
}

/// Where a quoted field opens and never closes (RFC 4180 quoting), as a line number.
/// The CSV reader would read on to the end of the file and report a wrong column count.
fn unterminated_quote(content: &str) -> Option<u64> {
    let bytes = content.as_bytes();
    let mut line = 1u64;
    let mut field_start = true;
    let mut open_line: Option<u64> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match open_line {
            Some(_) => {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        open_line = None;
                    }
                }
            }
            None => match b {
                b'"' if field_start => open_line = Some(line),
                b',' | b'\n' => {}
                _ => {}
            },
        }
        if b == b'\n' {
            line += 1;
        }
        field_start = open_line.is_none() && (b == b',' || b == b'\n' || (b == b'\r' && field_start));
        i += 1;
    }
    open_line
}

/// Entries of one file plus every problem found, without stopping at the first.
pub fn parse(path: &str, content: &str) -> (Vec<(u64, Entry)>, Vec<Problem>) {
    let mut entries = Vec::new();
    let problems = parse_each(path, content, |line, entry| {
        entries.push((line, entry));
        true
    });
    (entries, problems)
}

/// [`parse`] without collecting: `on_entry(line, entry)` gets each good entry as it is
/// read (a million-entry file is then never held twice) and returns false to stop.
pub fn parse_each(path: &str, content: &str, mut on_entry: impl FnMut(u64, Entry) -> bool) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problem = |line: u64, message: String| Problem::error(path, line, message);
    if let Some(line) = unterminated_quote(content) {
        problems.push(problem(line, "unterminated quote: the quoted field opened here never closes".to_string()));
        return problems;
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(content.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(problem(1, format!("cannot read the header: {e}")));
            return problems;
        }
    };
    let col = |name: &str| headers.iter().position(|h| h.trim().trim_start_matches('\u{feff}') == name);
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|c| col(c).is_none()).collect();
    if !missing.is_empty() {
        problems.push(problem(
            1,
            format!(
                "wrong header: missing column(s) {} (expected at least id,type,label,aliases,wikidata; found {})",
                missing.join(","),
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        ));
        return problems;
    }
    let [c_id, c_type, c_label, c_aliases, c_wikidata] = REQUIRED.map(|c| col(c).unwrap_or(0));
    let c_ambiguous = col("ambiguous");
    let c_wikipedia = col("wikipedia");
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("wrong column count: {len} fields, expected {expected_len} as in the header")
                    }
                    csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
                    _ => format!("cannot parse CSV: {e}"),
                };
                problems.push(problem(line, message));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let id = field(c_id);
        if id.is_empty() {
            problems.push(problem(line, "empty id".into()));
            continue;
        }
        let kind = match field(c_type).parse::<EntityKind>() {
            Ok(k) => k,
            Err(msg) => {
                problems.push(problem(line, msg));
                continue;
            }
        };
        let label = field(c_label);
        if label.is_empty() {
            problems.push(problem(line, format!("empty label for id {id:?}")));
            continue;
        }
        let wikidata = field(c_wikidata);
        if !wikidata.is_empty() && !is_qid(wikidata) {
            problems.push(problem(line, format!("malformed Wikidata id {wikidata:?} (expected Q followed by digits, e.g. Q2283)")));
            continue;
        }
        let ambiguous = match c_ambiguous.map(field).unwrap_or("") {
            "" | "false" | "0" | "no" => false,
            "true" | "1" | "yes" => true,
            other => {
                problems.push(problem(line, format!("bad value {other:?} in column ambiguous (expected true or false)")));
                continue;
            }
        };
        let aliases: Vec<String> = field(c_aliases)
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != label)
            .map(String::from)
            .collect();
        let wikipedia = c_wikipedia.map(field).filter(|s| !s.is_empty()).map(String::from);
        let entry = Entry {
            id: id.to_string(),
            kind,
            label: label.to_string(),
            aliases,
            wikidata: (!wikidata.is_empty()).then(|| wikidata.to_string()),
            wikipedia,
            ambiguous,
        };
        if !on_entry(line, entry) {
            break;
        }
    }
    problems
}

impl Gazetteer {
    pub fn new() -> Self {
        Self::default()
    }

    /// The bundled name lists (`gazetteers/*.csv` at the top level).
    pub fn bundled() -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        for (path, content) in crate::bundled::files_under("gazetteers/") {
            let rest = &path["gazetteers/".len()..];
            if rest.ends_with(".csv") && !rest.contains('/') {
                g.add_str(path, content)?;
            }
        }
        Ok(g)
    }

    /// Adds the entries of a CSV file; the first structural problem is an error naming
    /// `path:line`. An id already present (from an earlier file) is replaced.
    pub fn add_str(&mut self, path: &str, content: &str) -> Result<()> {
        // Entries are added as they are read; the first problem stops the load (and
        // the caller, which then has no gazetteer to use).
        let file_start = self.entries.len();
        let mut duplicate: Option<(u64, String)> = None;
        let problems = parse_each(path, content, |line, entry| {
            if self.by_id.get(&entry.id).is_some_and(|&i| i >= file_start) {
                duplicate = Some((line, entry.id));
                return false;
            }
            self.insert(entry);
            true
        });
        if let Some(p) = problems.into_iter().next() {
            return Err(Error::data(p.path, p.line, p.message));
        }
        if let Some((line, id)) = duplicate {
            let first = parse(path, content).0.into_iter().find(|(_, e)| e.id == id).map_or(0, |(l, _)| l);
            return Err(Error::data(path, line, format!("duplicate id {id:?} (first on line {first})")));
        }
        Ok(())
    }

    /// Reads a gazetteer file (UTF-8 CSV) from disk.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let content = String::from_utf8(bytes).map_err(|e| {
            Error::Input { path: path.display().to_string(), message: format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()) }
        })?;
        self.add_str(&path.display().to_string(), &content)
    }

    pub fn insert(&mut self, entry: Entry) {
        match self.by_id.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `dealgraph gazetteer check`: every problem of the given files, each with
/// `file:line`, sorted by file and line:
/// - errors: what [`parse`] finds (header, column count, type, empty id or label,
///   Q-id, `ambiguous` value, quoting) and an id used twice in one file;
/// - warnings: an id that overrides one of an earlier file (later files win), and a
///   name (label or alias, or an organisation name without its legal form, as the
///   matcher uses it) that belongs to several entities: a real ambiguity, which the
///   document then has to resolve.
pub fn check_files(files: &[(String, String)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Id → (file, line) of the entry that holds it now.
    let mut ids: HashMap<String, (String, u64)> = HashMap::new();
    let mut entries_by_id: HashMap<String, (String, u64, Vec<String>)> = HashMap::new();
    let legal = crate::gazetteer::names::legal_forms();
    for (path, content) in files {
        let (entries, mut file_problems) = parse(path, content);
        problems.append(&mut file_problems);
        let mut in_file: HashMap<String, u64> = HashMap::new();
        for (line, entry) in entries {
            if let Some(first) = in_file.insert(entry.id.clone(), line) {
                problems.push(Problem::error(path, line, format!("duplicate id {:?} (first on line {first})", entry.id)));
                continue;
            }
            if let Some((p, l)) = ids.get(&entry.id) {
                problems.push(Problem::warning(path, line, format!("id {:?} overrides the entry at {p}:{l}", entry.id)));
            }
            ids.insert(entry.id.clone(), (path.clone(), line));
            let mut names: Vec<String> = Vec::new();
            for name in entry.names() {
                let collapsed = crate::gazetteer::matcher::collapse_spaces(name);
                if entry.kind == crate::model::EntityKind::Organization {
                    if let Some(short) = crate::gazetteer::names::strip_legal_form(&collapsed, legal) {
                        names.push(crate::text::fold_case(&short));
                    }
                }
                names.push(crate::text::fold_case(&collapsed));
            }
            names.sort();
            names.dedup();
            entries_by_id.insert(entry.id.clone(), (path.clone(), line, names));
        }
    }
    // Names of the entries that remain after overrides.
    let mut users: BTreeMap<&str, Vec<(&str, u64, &str)>> = BTreeMap::new();
    for (id, (path, line, names)) in &entries_by_id {
        for name in names {
            users.entry(name.as_str()).or_default().push((path.as_str(), *line, id.as_str()));
        }
    }
    for (name, mut owners) in users {
        if owners.len() < 2 {
            continue;
        }
        owners.sort();
        let (path, line, _) = owners[owners.len() - 1];
        let list: Vec<String> = owners.iter().map(|(p, l, id)| format!("{id} ({p}:{l})")).collect();
        problems.push(Problem::warning(path, line, format!("the name {name:?} belongs to several entities: {}", list.join(", "))));
    }
    problems.sort_by(|a, b| (a.path.as_str(), a.line, &a.message).cmp(&(b.path.as_str(), b.line, &b.message)));
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_required_and_optional_columns() {
        let csv = "id,type,label,aliases,wikidata,ambiguous,extra\nacme,Organization,Acme,Acme Inc.|ACME Corp,Q123,false,x\nshell,Organization,Shell,,Q154950,true,\n";
        let mut g = Gazetteer::new();
        g.add_str("t.csv", csv).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.len(), 2);
        let acme = g.get("acme").unwrap_or_else(|| panic!("acme"));
        assert_eq!(acme.aliases, ["Acme Inc.", "ACME Corp"]);
        assert!(g.get("shell").is_some_and(|e| e.ambiguous));
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("id,type,label\n", "t.csv:1: wrong header"),
            ("id,type,label,aliases,wikidata\na,Company,A,,\n", "t.csv:2: unknown entity type"),
            ("id,type,label,aliases,wikidata\na,Person,A,,Q0\n", "t.csv:2: malformed Wikidata id"),
            ("id,type,label,aliases,wikidata\na,Person,,,\n", "t.csv:2: empty label"),
            ("id,type,label,aliases,wikidata\na,Person,A,,\nb,Person,B\n", "t.csv:3: wrong column count"),
            ("id,type,label,aliases,wikidata\na,Person,A,,\na,Person,B,,\n", "t.csv:3: duplicate id"),
            ("id,type,label,aliases,wikidata\na,Person,\"A,,\n", "t.csv:2: unterminated quote"),
            ("id,type,label,aliases,wikidata\na,Organization,\"A, \"\"B\"\"\",,\nb,Person,\"B\nC,,\n", "t.csv:3: unterminated quote"),
        ];
        for (csv, expected) in cases {
            let mut g = Gazetteer::new();
            let err = g.add_str("t.csv", csv).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.starts_with(expected), "{csv:?}: got {err:?}");
        }
    }

    #[test]
    fn check_lists_shared_aliases() {
        let files = vec![(
            "t.csv".to_string(),
            "id,type,label,aliases,wikidata\na,Organization,Alpha,AB,\nb,Organization,Beta,AB,\n".to_string(),
        )];
        let problems = check_files(&files);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert_eq!(problems[0].to_string(), "t.csv:3: warning: the name \"ab\" belongs to several entities: a (t.csv:2), b (t.csv:3)");
    }

    /// Every kind of problem `gazetteer check` reports, with its `file:line`.
    #[test]
    fn check_reports_each_problem_with_file_and_line() {
        let first = "id,type,label,aliases,wikidata\n\
            acme,Organization,Acme Holding N.V.,,Q1\n\
            acme-ag,Organization,Acme AG,,Q2\n\
            x,Company,X,,\n\
            y,Person,,,\n\
            z,Person,Zed,,Q0\n\
            acme,Organization,Again,,\n";
        let second = "id,type,label,aliases,wikidata\nz2,Person,Zoe,,Q5\nacme,Organization,Acme Corp,,Q9\n";
        let files = vec![("one.csv".to_string(), first.to_string()), ("two.csv".to_string(), second.to_string())];
        let got: Vec<String> = check_files(&files).iter().map(ToString::to_string).collect();
        let want = [
            "one.csv:4: unknown entity type \"Company\" (expected Organization or Person)",
            "one.csv:5: empty label for id \"y\"",
            "one.csv:6: malformed Wikidata id \"Q0\" (expected Q followed by digits, e.g. Q2283)",
            "one.csv:7: duplicate id \"acme\" (first on line 2)",
            "two.csv:3: warning: id \"acme\" overrides the entry at one.csv:2",
            "two.csv:3: warning: the name \"acme\" belongs to several entities: acme-ag (one.csv:3), acme (two.csv:3)",
        ];
        assert_eq!(got, want);
        let bad_header = vec![("h.csv".to_string(), "name,kind\nacme,Organization\n".to_string())];
        let got = check_files(&bad_header);
        assert!(got[0].to_string().starts_with("h.csv:1: wrong header: missing column(s) id,type,label,aliases,wikidata"), "{got:?}");
    }
}
