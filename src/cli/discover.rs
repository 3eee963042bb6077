//! `dealgraph discover`: names that no gazetteer knows, with counts and an example
//! sentence; `--format csv` writes them as gazetteer CSV for review.
//!
//! The CSV has the gazetteer columns (`id,type,label,aliases,wikidata`; the aliases are
//! the other forms the name was written in, such as the name without its legal form)
//! followed by `count,documents,confidence,example`, which `extract --gazetteer`
//! ignores: a user reviews the rows, fills in Wikidata ids, and passes the file back.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use dealgraph::model::{Analysis, EntitySource};
use dealgraph::parallel::{self, Item};

use super::common::{InputArgs, ProblemTally, UsageError};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// `table` (for people) or `csv` (gazetteer CSV to review and add).
    #[arg(long, default_value = "table", value_name = "table|csv")]
    pub format: String,
    /// Only names seen at least this often.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,
}

/// A discovered name over all documents.
#[derive(Debug, Default)]
struct Candidate {
    kind: String,
    label: String,
    /// Other forms it was written in.
    aliases: BTreeSet<String>,
    count: usize,
    docs: usize,
    confidence: f32,
    example: String,
}

/// Discovered names by id.
#[derive(Debug, Default)]
struct Candidates(BTreeMap<String, Candidate>);

impl Candidates {
    /// Adds the discovered entities of one document.
    fn add(&mut self, a: &Analysis) {
        for (idx, e) in a.entities.iter().enumerate() {
            if e.source != EntitySource::Discovered {
                continue;
            }
            let mentions: Vec<_> = a.mentions.iter().filter(|m| m.entity == idx).collect();
            let c = self.0.entry(e.id.clone()).or_insert_with(|| {
                let example = mentions
                    .first()
                    .and_then(|m| a.sentences.iter().find(|s| s.span.contains(m.span)))
                    .map(|s| a.text[s.span.start..s.span.end].split_whitespace().collect::<Vec<_>>().join(" "))
                    .unwrap_or_default();
                Candidate { kind: e.kind.to_string(), label: e.label.clone(), example, ..Default::default() }
            });
            for m in &mentions {
                let written = a.text[m.span.start..m.span.end].split_whitespace().collect::<Vec<_>>().join(" ");
                if written != c.label {
                    c.aliases.insert(written);
                }
            }
            c.count += mentions.len();
            c.docs += 1;
            c.confidence = c.confidence.max(e.confidence);
        }
    }

    /// Those seen at least `min_count` times, most frequent first.
    fn rows(&self, min_count: usize) -> Vec<(&String, &Candidate)> {
        let mut rows: Vec<(&String, &Candidate)> = self.0.iter().filter(|(_, c)| c.count >= min_count).collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        rows
    }

    fn write_csv(&self, min_count: usize, out: &mut impl Write) -> anyhow::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["id", "type", "label", "aliases", "wikidata", "count", "documents", "confidence", "example"])?;
        for (id, c) in self.rows(min_count) {
            let aliases = c.aliases.iter().cloned().collect::<Vec<_>>().join("|");
            w.write_record([
                id.as_str(),
                &c.kind,
                &c.label,
                &aliases,
                "",
                &c.count.to_string(),
                &c.docs.to_string(),
                &format!("{:.2}", c.confidence),
                &c.example,
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    fn write_table(&self, min_count: usize, out: &mut impl Write) -> anyhow::Result<()> {
        writeln!(out, "{:>6} {:>5}  {:<12} {:<30} example", "count", "docs", "type", "name")?;
        for (_, c) in self.rows(min_count) {
            let example: String = c.example.chars().take(80).collect();
            writeln!(out, "{:>6} {:>5}  {:<12} {:<30} {}", c.count, c.docs, c.kind, c.label, example)?;
        }
        Ok(())
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if args.format != "table" && args.format != "csv" {
        return Err(UsageError(format!("unknown --format {:?} (table or csv)", args.format)).into());
    }
    let extractor = args.input.extractor()?;
    let docs = args.input.documents()?;
    let mut tally = ProblemTally::default();
    let mut found = Candidates::default();
    let mut fatal = false;
    parallel::run(&extractor, docs, args.input.jobs(), |item| match item {
        Item::Done(done) => {
            tally.processed += 1;
            let (_, ex) = *done;
            found.add(&ex.analysis);
            true
        }
        Item::Problem(p) => {
            fatal |= tally.report(&p);
            !fatal
        }
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.format == "csv" {
        found.write_csv(args.min_count, &mut out)?;
    } else {
        found.write_table(args.min_count, &mut out)?;
    }
    Ok(if fatal { super::exit::ERROR } else { tally.exit_code() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dealgraph::document::Document;
    use dealgraph::gazetteer::Gazetteer;
    use dealgraph::pipeline::{Extractor, ExtractorOptions};

    fn candidates(texts: &[(&str, &str)]) -> Candidates {
        let extractor = Extractor::new(&ExtractorOptions { no_default_gazetteers: true, ..Default::default() })
            .unwrap_or_else(|e| panic!("{e}"));
        let mut found = Candidates::default();
        for (i, (lang, text)) in texts.iter().enumerate() {
            let doc = Document {
                id: format!("d{i}"),
                text: text.to_string(),
                lang: Some(lang.to_string()),
                date: None,
                source: None,
                origin: "test".into(),
            };
            found.add(&extractor.analyze(&doc).0);
        }
        found
    }

    #[test]
    fn csv_is_a_gazetteer_with_counts() {
        let found = candidates(&[
            ("nl", "Het bedrijf Zwirbelstak B.V. groeit hard. Zwirbelstak wil naar de beurs, zegt topman Anouk Verbeek."),
            ("de", "Die Zwirbelstak B.V. expandiert nach Wien."),
        ]);
        let mut out = Vec::new();
        found.write_csv(1, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let csv = String::from_utf8(out).unwrap_or_default();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "id,type,label,aliases,wikidata,count,documents,confidence,example");
        assert!(lines[1].starts_with("zwirbelstak,Organization,Zwirbelstak B.V.,Zwirbelstak,,3,2,0.80,"), "{csv}");
        assert!(lines.iter().any(|l| l.starts_with("anouk-verbeek,Person,Anouk Verbeek,,,1,1,")), "{csv}");
        // The CSV loads as a gazetteer.
        let mut g = Gazetteer::new();
        g.add_str("found.csv", &csv).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.get("zwirbelstak").map(|e| e.aliases.clone()), Some(vec!["Zwirbelstak".to_string()]));
    }

    #[test]
    fn table_lists_names_by_count() {
        let found = candidates(&[("en", "Shares of Quillfeather Inc rose. Quillfeather said CEO Margaret Oyelaran would stay.")]);
        let mut out = Vec::new();
        found.write_table(2, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let table = String::from_utf8(out).unwrap_or_default();
        let rows: Vec<&str> = table.lines().skip(1).collect();
        assert_eq!(rows.len(), 1, "{table}");
        assert!(rows[0].contains("Organization") && rows[0].contains("Quillfeather Inc"), "{table}");
    }
}
