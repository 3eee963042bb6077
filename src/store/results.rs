//! Printing answers: an aligned table for people, CSV, TSV and SPARQL 1.1 Query Results
//! JSON for programs; Turtle or N-Triples for CONSTRUCT/DESCRIBE; `true`/`false` for ASK.

use std::io::Write;
use std::str::FromStr;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use super::sparql::to_oxigraph;
use super::{vocab, QueryOutcome, RdfTerm};

/// How to print an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// Aligned columns, long values shortened (the default).
    Table,
    Csv,
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// For CONSTRUCT/DESCRIBE answers.
    Turtle,
    NTriples,
}

impl FromStr for ResultFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "table" => ResultFormat::Table,
            "csv" => ResultFormat::Csv,
            "tsv" => ResultFormat::Tsv,
            "json" => ResultFormat::Json,
            "turtle" | "ttl" => ResultFormat::Turtle,
            "ntriples" | "nt" => ResultFormat::NTriples,
            other => return Err(format!("unknown format {other:?} (expected table, csv, tsv, json, turtle or ntriples)")),
        })
    }
}

/// Options of the table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableOptions {
    /// Show long values in full (else they are cut at `max_width` characters).
    pub wide: bool,
    pub max_width: usize,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions { wide: false, max_width: 60 }
    }
}

/// An IRI with a known prefix as `prefix:local`, else `<iri>`.
pub fn short_iri(iri: &str) -> String {
    for (prefix, base) in vocab::PREFIXES {
        if let Some(local) = iri.strip_prefix(base) {
            if !local.is_empty() && !local.contains(['/', '#']) {
                return format!("{prefix}:{local}");
            }
        }
    }
    format!("<{iri}>")
}

/// A value as the table shows it: literals by their text, IRIs shortened.
pub fn display_term(term: &RdfTerm) -> String {
    match term {
        RdfTerm::Iri(iri) => short_iri(iri),
        RdfTerm::Blank(id) => format!("_:{id}"),
        RdfTerm::Literal { value, .. } => value.clone(),
    }
}

fn clean_cell(text: &str, options: TableOptions) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if options.wide || one_line.chars().count() <= options.max_width {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(options.max_width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Writes the answer in the format asked.
pub fn write(outcome: &QueryOutcome, format: ResultFormat, table: TableOptions, out: &mut dyn Write) -> std::io::Result<()> {
    match outcome {
        QueryOutcome::Boolean(value) => match format {
            ResultFormat::Json => {
                QueryResultsSerializer::from_format(QueryResultsFormat::Json).serialize_boolean_to_writer(&mut *out, *value)?;
                writeln!(out)
            }
            _ => writeln!(out, "{value}"),
        },
        QueryOutcome::Solutions { variables, rows } => match format {
            ResultFormat::Table | ResultFormat::Turtle | ResultFormat::NTriples => write_table(variables, rows, table, out),
            ResultFormat::Csv | ResultFormat::Tsv | ResultFormat::Json => {
                let results_format = match format {
                    ResultFormat::Csv => QueryResultsFormat::Csv,
                    ResultFormat::Tsv => QueryResultsFormat::Tsv,
                    _ => QueryResultsFormat::Json,
                };
                let vars: Vec<Variable> = variables.iter().map(|v| Variable::new_unchecked(v.clone())).collect();
                let mut serializer =
                    QueryResultsSerializer::from_format(results_format).serialize_solutions_to_writer(&mut *out, vars.clone())?;
                for row in rows {
                    let terms: Vec<(Variable, Term)> = vars
                        .iter()
                        .zip(row)
                        .filter_map(|(v, t)| t.as_ref().map(|t| (v.clone(), to_oxigraph(t))))
                        .collect();
                    serializer.serialize(terms.iter().map(|(v, t)| (v.as_ref(), t.as_ref())))?;
                }
                serializer.finish()?;
                if format == ResultFormat::Json {
                    writeln!(out)?;
                }
                Ok(())
            }
        },
        QueryOutcome::Graph(triples) => {
            let mut serializer = match format {
                ResultFormat::NTriples | ResultFormat::Csv | ResultFormat::Tsv => RdfSerializer::from_format(RdfFormat::NTriples),
                _ => {
                    let mut s = RdfSerializer::from_format(RdfFormat::Turtle);
                    for (prefix, iri) in vocab::serializer_prefixes() {
                        s = s.clone().with_prefix(*prefix, *iri).unwrap_or(s);
                    }
                    s
                }
            }
            .for_writer(&mut *out);
            for [s, p, o] in triples {
                let subject = match to_oxigraph(s) {
                    Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n),
                    Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b),
                    _ => continue,
                };
                let predicate = NamedNode::new_unchecked(p.text().to_string());
                serializer.serialize_triple(&Triple::new(subject, predicate, to_oxigraph(o)))?;
            }
            serializer.finish()?;
            Ok(())
        }
    }
}

fn write_table(variables: &[String], rows: &[Vec<Option<RdfTerm>>], options: TableOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|t| t.as_ref().map(|t| clean_cell(&display_term(t), options)).unwrap_or_default()).collect())
        .collect();
    let mut widths: Vec<usize> = variables.iter().map(|v| v.chars().count()).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |values: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (value, width)) in values.iter().zip(&widths).enumerate() {
            if i + 1 == values.len() {
                text.push_str(value);
            } else {
                text.push_str(value);
                text.extend(std::iter::repeat_n(' ', width - value.chars().count() + 2));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(variables, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out)?;
    for row in &cells {
        line(row, out)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Option<RdfTerm> {
        Some(RdfTerm::Literal { value: s.into(), datatype: "http://www.w3.org/2001/XMLSchema#string".into(), lang: None })
    }

    #[test]
    fn table_aligns_and_shortens() {
        let outcome = QueryOutcome::Solutions {
            variables: vec!["buyer".into(), "evidence".into()],
            rows: vec![vec![lit("Acme"), lit(&"x".repeat(100))], vec![Some(RdfTerm::Iri(vocab::entity_iri("w"))), None]],
        };
        let mut out = Vec::new();
        write(&outcome, ResultFormat::Table, TableOptions::default(), &mut out).unwrap_or_default();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(text.lines().next().map(str::trim_end), Some("buyer     evidence"), "{text}");
        assert!(text.contains("entity:w"), "{text}");
        assert!(text.contains('…'));
        assert!(text.ends_with("(2 rows)\n"));
    }

    #[test]
    fn csv_escapes() {
        let outcome = QueryOutcome::Solutions { variables: vec!["name".into()], rows: vec![vec![lit("a \"b\", c")]] };
        let mut out = Vec::new();
        write(&outcome, ResultFormat::Csv, TableOptions::default(), &mut out).unwrap_or_default();
        assert_eq!(String::from_utf8_lossy(&out), "name\r\n\"a \"\"b\"\", c\"\r\n");
    }
}
