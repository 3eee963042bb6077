//! Running SPARQL on the store: safe parameter binding, `SERVICE` refused, syntax
//! errors shown with their line, answers as plain Rust values.
//!
//! Parameters are bound by a `VALUES` block placed at the start of the query's `WHERE`
//! group, holding literals escaped by Oxigraph's own serializer, so a value can never
//! change the query: `--param company='"} DROP ALL #'` is a name that matches nothing.
//! Each parameter `NAME` binds two variables: `?NAME`, the value as given, and
//! `?NAME_key`, its name key (see [`vocab::name_key`]: lower case, accents and legal
//! forms dropped), which the questions compare with `dg:nameKey` to find an entity
//! whatever case or alias the user typed.

use oxigraph::model::{BlankNode, Literal, NamedNode, Term};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};

use super::questions::Question;
use super::{vocab, Result, Store, StoreError};

/// Query parameters (`--param NAME=VALUE`), in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses `NAME=VALUE` strings.
    pub fn parse<S: AsRef<str>>(items: &[S]) -> Result<Params> {
        let mut params = Params::default();
        for item in items {
            let item = item.as_ref();
            let Some((name, value)) = item.split_once('=') else {
                return Err(StoreError::BadParameter(item.to_string()));
            };
            params.set(name.trim(), value)?;
        }
        Ok(params)
    }

    /// Sets a parameter; its name must be a SPARQL variable name (letters, digits, `_`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(StoreError::BadParameter(format!("{name}={value}")));
        }
        self.0.retain(|(n, _)| n != name);
        self.0.push((name.to_string(), value.to_string()));
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(n, _)| n.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An RDF term of an answer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RdfTerm {
    Iri(String),
    Blank(String),
    Literal { value: String, datatype: String, lang: Option<String> },
}

impl RdfTerm {
    /// The IRI, the blank node id, or the literal's lexical value.
    pub fn text(&self) -> &str {
        match self {
            RdfTerm::Iri(s) | RdfTerm::Blank(s) => s,
            RdfTerm::Literal { value, .. } => value,
        }
    }

    /// The term in N-Triples syntax.
    pub fn to_ntriples(&self) -> String {
        to_oxigraph(self).to_string()
    }
}

fn from_oxigraph(term: Term) -> RdfTerm {
    match term {
        Term::NamedNode(n) => RdfTerm::Iri(n.into_string()),
        Term::BlankNode(b) => RdfTerm::Blank(b.into_string()),
        Term::Literal(l) => {
            let (value, datatype, lang) = l.destruct();
            let lang_present = lang.is_some();
            RdfTerm::Literal {
                value,
                datatype: match datatype {
                    Some(d) => d.into_string(),
                    None if lang_present => "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString".into(),
                    None => "http://www.w3.org/2001/XMLSchema#string".into(),
                },
                lang,
            }
        }
        #[allow(unreachable_patterns)]
        other => RdfTerm::Literal { value: other.to_string(), datatype: "http://www.w3.org/2001/XMLSchema#string".into(), lang: None },
    }
}

pub(crate) fn to_oxigraph(term: &RdfTerm) -> Term {
    match term {
        RdfTerm::Iri(s) => NamedNode::new_unchecked(s.clone()).into(),
        RdfTerm::Blank(s) => BlankNode::new_unchecked(s.clone()).into(),
        RdfTerm::Literal { value, lang: Some(lang), .. } => {
            Literal::new_language_tagged_literal_unchecked(value.clone(), lang.clone()).into()
        }
        RdfTerm::Literal { value, datatype, lang: None } => {
            Literal::new_typed_literal(value.clone(), NamedNode::new_unchecked(datatype.clone())).into()
        }
    }
}

/// One row of a SELECT answer: a value (or nothing) per variable.
pub type QueryRow = Vec<Option<RdfTerm>>;

/// The answer to a query.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryOutcome {
    /// SELECT: the variables in projection order and the rows.
    Solutions { variables: Vec<String>, rows: Vec<QueryRow> },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT / DESCRIBE: triples (subject, predicate, object).
    Graph(Vec<[RdfTerm; 3]>),
}

impl QueryOutcome {
    /// The rows as plain text (lexical values; empty for unbound), for tests and
    /// programs.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        match self {
            QueryOutcome::Solutions { rows, .. } => rows
                .iter()
                .map(|row| row.iter().map(|t| t.as_ref().map(|t| t.text().to_string()).unwrap_or_default()).collect())
                .collect(),
            QueryOutcome::Boolean(b) => vec![vec![b.to_string()]],
            QueryOutcome::Graph(triples) => {
                triples.iter().map(|t| t.iter().map(|t| t.text().to_string()).collect()).collect()
            }
        }
    }

    /// The column index of a variable.
    pub fn column(&self, name: &str) -> Option<usize> {
        match self {
            QueryOutcome::Solutions { variables, .. } => variables.iter().position(|v| v == name),
            _ => None,
        }
    }
}

/// A token of SPARQL text, as far as binding parameters and spotting `SERVICE` need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A keyword, prefixed name or number (not a variable).
    Word,
    Variable,
    OpenBrace,
    Other,
}

/// Splits SPARQL text into tokens with their byte ranges, skipping comments, strings
/// and IRIs (so `"SERVICE"` or `<urn:x{>` are not mistaken for syntax).
fn tokens(text: &str) -> Vec<(Token, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b':' || b == b'-' || b >= 0x80;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                let long = bytes.get(i + 1) == Some(&b) && bytes.get(i + 2) == Some(&b);
                let start = i;
                i += if long { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if long {
                        if bytes[i] == b && bytes.get(i + 1) == Some(&b) && bytes.get(i + 2) == Some(&b) {
                            i += 3;
                            break;
                        }
                    } else if bytes[i] == b || bytes[i] == b'\n' {
                        i += 1;
                        break;
                    }
                    i += 1;
                }
                out.push((Token::Other, start, i.min(bytes.len())));
            }
            b'<' => {
                // An IRI when a run without spaces and forbidden characters ends in '>'.
                let mut j = i + 1;
                while j < bytes.len() && !matches!(bytes[j], b'>' | b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' | b' ' | b'\t' | b'\r' | b'\n') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'>') {
                    out.push((Token::Other, i, j + 1));
                    i = j + 1;
                } else {
                    out.push((Token::Other, i, i + 1));
                    i += 1;
                }
            }
            b'?' | b'$' => {
                let start = i;
                i += 1;
                while i < bytes.len() && word_byte(bytes[i]) {
                    i += 1;
                }
                out.push((Token::Variable, start, i));
            }
            b'{' => {
                out.push((Token::OpenBrace, i, i + 1));
                i += 1;
            }
            _ if word_byte(b) => {
                let start = i;
                while i < bytes.len() && word_byte(bytes[i]) {
                    i += 1;
                }
                out.push((Token::Word, start, i));
            }
            _ => {
                out.push((Token::Other, i, i + 1));
                i += 1;
            }
        }
    }
    out
}

/// True when the query uses `SERVICE` (federated query) anywhere.
fn uses_service(text: &str) -> bool {
    tokens(text)
        .into_iter()
        .any(|(kind, start, end)| kind == Token::Word && text[start..end].eq_ignore_ascii_case("service"))
}

/// Where the parameters' `VALUES` blocks go: just inside the `{` that opens each
/// `WHERE` group (the query's and every subquery's, so subqueries see the parameters
/// too), or inside the first `{` when the query has no `WHERE` keyword.
fn where_group_starts(text: &str) -> Vec<usize> {
    let toks = tokens(text);
    let mut starts = Vec::new();
    for (i, &(kind, s, e)) in toks.iter().enumerate() {
        if kind == Token::Word && text[s..e].eq_ignore_ascii_case("where") {
            if let Some(&(_, _, end)) = toks[i + 1..].first().filter(|(kind, ..)| *kind == Token::OpenBrace) {
                starts.push(end);
            }
        }
    }
    if starts.is_empty() {
        if let Some(&(_, _, end)) = toks.iter().find(|(kind, ..)| *kind == Token::OpenBrace) {
            starts.push(end);
        }
    }
    starts
}

/// A SPARQL string literal for any text, escaped by Oxigraph's serializer.
fn string_literal(value: &str) -> String {
    Literal::new_simple_literal(value).to_string()
}

/// The query text with the parameters bound (see the module docs).
pub(crate) fn bind_parameters(text: &str, params: &Params, origin: &str) -> Result<String> {
    if params.is_empty() {
        return Ok(text.to_string());
    }
    let starts = where_group_starts(text);
    if starts.is_empty() {
        return Err(StoreError::Usage(format!("{origin}: cannot bind parameters: the query has no WHERE group")));
    }
    let mut values = String::new();
    for (name, value) in &params.0 {
        values.push_str(&format!(
            " VALUES (?{name} ?{name}_key) {{ ({} {}) }}",
            string_literal(value),
            string_literal(&vocab::name_key(value))
        ));
    }
    values.push(' ');
    let mut bound = String::with_capacity(text.len() + values.len() * starts.len());
    let mut last = 0;
    for at in starts {
        bound.push_str(&text[last..at]);
        bound.push_str(&values);
        last = at;
    }
    bound.push_str(&text[last..]);
    Ok(bound)
}

/// Turns Oxigraph's "error at L:C: expected …" into a message with the offending line
/// and a caret under the column.
fn syntax_message(text: &str, error: &str) -> String {
    let position = error
        .strip_prefix("error at ")
        .and_then(|rest| rest.split_once(':').map(|(line, rest)| (line, rest)))
        .and_then(|(line, rest)| {
            let (col, message) = rest.split_once(':')?;
            Some((line.trim().parse::<usize>().ok()?, col.trim().parse::<usize>().ok()?, message.trim()))
        });
    let Some((line_no, col, message)) = position else { return error.to_string() };
    let line = text.lines().nth(line_no.saturating_sub(1)).unwrap_or("");
    let caret_pad: String = line.chars().take(col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    format!("line {line_no}, column {col}: {message}\n  {line_no:>4} | {line}\n       | {caret_pad}^")
}

/// Prefixes known to `--sparql` text without declaring them (the bundled questions
/// declare theirs, so they run unchanged on other SPARQL engines).
fn evaluator() -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in vocab::PREFIXES {
        evaluator = match evaluator.clone().with_prefix(*prefix, *iri) {
            Ok(e) => e,
            Err(_) => evaluator,
        };
    }
    evaluator
}

fn evaluation_error(origin: &str, error: QueryEvaluationError) -> StoreError {
    match error {
        QueryEvaluationError::UnsupportedService(_) | QueryEvaluationError::Service(_) | QueryEvaluationError::UnboundService => {
            StoreError::Service { origin: origin.to_string() }
        }
        other => StoreError::Evaluation { origin: origin.to_string(), message: other.to_string() },
    }
}

/// Checks a query without running it: syntax (with the offending line) and `SERVICE`.
pub fn check_query(text: &str, origin: &str) -> Result<()> {
    let _prepared = evaluator()
        .parse_query(text)
        .map_err(|e| StoreError::Syntax { origin: origin.to_string(), message: syntax_message(text, &e.to_string()) })?;
    if uses_service(text) {
        return Err(StoreError::Service { origin: origin.to_string() });
    }
    Ok(())
}

impl Store {
    /// Runs a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) with parameters bound.
    /// `origin` names the query in messages (a file, `--sparql`, a question).
    pub fn query(&self, text: &str, params: &Params, origin: &str) -> Result<QueryOutcome> {
        // Syntax first, on the text as written, so positions match what the user sees.
        check_query(text, origin)?;
        let bound = bind_parameters(text, params, origin)?;
        let prepared = evaluator().parse_query(&bound).map_err(|e| StoreError::Syntax {
            origin: origin.to_string(),
            message: format!("after binding the parameters: {e}"),
        })?;
        let results = prepared.on_store(&self.inner).execute().map_err(|e| evaluation_error(origin, e))?;
        Ok(match results {
            QueryResults::Boolean(b) => QueryOutcome::Boolean(b),
            QueryResults::Solutions(solutions) => {
                let variables: Vec<String> = solutions.variables().iter().map(|v| v.as_str().to_string()).collect();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution.map_err(|e| evaluation_error(origin, e))?;
                    rows.push(solution.values().iter().map(|v| v.clone().map(from_oxigraph)).collect());
                }
                QueryOutcome::Solutions { variables, rows }
            }
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for triple in triples {
                    let triple = triple.map_err(|e| evaluation_error(origin, e))?;
                    out.push([
                        from_oxigraph(triple.subject.into()),
                        from_oxigraph(triple.predicate.into()),
                        from_oxigraph(triple.object),
                    ]);
                }
                QueryOutcome::Graph(out)
            }
        })
    }

    /// Runs a ready-made question: checks its parameters (missing required ones,
    /// unknown ones) and runs it.
    pub fn query_question(&self, question: &Question, params: &Params) -> Result<QueryOutcome> {
        let origin = format!("question {}", question.name);
        question.check_params(params, &origin)?;
        self.query(&question.text, params, &origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_is_spotted_outside_strings_iris_and_names() {
        assert!(uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }"));
        assert!(uses_service("select * { service silent <http://x> { ?s ?p ?o } }"));
        assert!(!uses_service("SELECT ?service WHERE { ?s <http://x/SERVICE> \"SERVICE\" . ?s ex:service ?o } # SERVICE"));
    }

    #[test]
    fn parameters_go_inside_the_where_group() {
        let q = "PREFIX ex: <http://e/#x>\n# WHERE { in a comment\nSELECT ?a WHERE {\n ?a ex:p \"WHERE {\", ?company_key { SELECT ?a WHERE { ?a ?b ?company_key } } }";
        let mut params = Params::default();
        params.set("company", "\"} DROP ALL #").unwrap_or_default();
        let bound = bind_parameters(q, &params, "test").unwrap_or_default();
        assert_eq!(bound.matches(r#"WHERE { VALUES (?company ?company_key) { ("\"} DROP ALL #" "drop-all") }"#).count(), 2, "{bound}");
        assert!(SparqlEvaluator::new().parse_query(&bound).is_ok());
    }

    #[test]
    fn bad_parameter_names_are_refused() {
        assert!(Params::parse(&["x y=1"]).is_err());
        assert!(Params::parse(&["novalue"]).is_err());
        assert!(Params::parse(&["a=b=c"]).is_ok_and(|p| p.get("a") == Some("b=c")));
    }

    #[test]
    fn syntax_errors_show_the_line() {
        let text = "SELECT ?x\nWHERE { ?x ?y }";
        let Err(e) = SparqlEvaluator::new().parse_query(text) else { return };
        let message = syntax_message(text, &e.to_string());
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("WHERE { ?x ?y }"), "{message}");
    }
}
