//! `dealgraph gazetteer check FILE...`: validate gazetteer CSV files.
//!
//! Every problem is printed as `file:line: message` (errors) or `file:line: warning:
//! message` on stdout, then a summary on stderr. Exit 0 when there are no errors (or,
//! with `--strict`, no warnings either), 1 otherwise. Warnings are a name shared by
//! several entities (an ambiguity each document must resolve) and an id that overrides
//! one of an earlier file; errors make `extract --gazetteer` refuse the file.

use std::io::Write;

use anyhow::Context;
use dealgraph::gazetteer::load::{check_files, parse, Severity};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: GazetteerCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Report bad headers, unknown types, empty labels, duplicate ids, malformed Q-ids
    /// (errors) and names shared by several entities (warnings), each with file:line.
    Check {
        /// Gazetteer CSV files, checked together in this order (later ids override
        /// earlier ones, as with `extract --gazetteer`); `bundled` stands for the
        /// bundled lists.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
        /// Exit 1 on warnings too.
        #[arg(long)]
        strict: bool,
    },
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    match args.command {
        GazetteerCommand::Check { files, strict } => {
            let contents = read_files(&files)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let (errors, warnings) = check(&contents, &mut out)?;
            let n_entries: usize = contents.iter().map(|(p, c)| parse(p, c).0.len()).sum();
            eprintln!("{} file(s), {n_entries} entries, {errors} error(s), {warnings} warning(s)", contents.len());
            Ok(if errors > 0 || (strict && warnings > 0) { super::exit::ERROR } else { super::exit::SUCCESS })
        }
    }
}

/// The files to check, as (path, content); `bundled` expands to the bundled lists.
fn read_files(files: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    let mut contents = Vec::new();
    for f in files {
        if f == "bundled" {
            for (path, content) in dealgraph::bundled::files_under("gazetteers/") {
                let rest = &path["gazetteers/".len()..];
                if rest.ends_with(".csv") && !rest.contains('/') {
                    contents.push((path.to_string(), content.to_string()));
                }
            }
            continue;
        }
        let bytes = std::fs::read(f).with_context(|| format!("{f}: cannot read"))?;
        let content = String::from_utf8(bytes)
            .map_err(|e| anyhow::anyhow!("{f}: not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
        contents.push((f.clone(), content));
    }
    Ok(contents)
}

/// Writes every problem and returns (errors, warnings).
fn check(contents: &[(String, String)], out: &mut impl Write) -> anyhow::Result<(usize, usize)> {
    let problems = check_files(contents);
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    Ok((errors, problems.len() - errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_problems_and_counts_them() {
        let files = vec![(
            "g.csv".to_string(),
            "id,type,label,aliases,wikidata\na,Organization,Alpha,AB,Q1\nb,Organization,Beta,AB,Q1x\n".to_string(),
        )];
        let mut out = Vec::new();
        let counts = check(&files, &mut out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(counts, (1, 0));
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text, "g.csv:3: malformed Wikidata id \"Q1x\" (expected Q followed by digits, e.g. Q2283)\n");
    }

    #[test]
    fn bundled_lists_have_no_errors() {
        let files = read_files(&["bundled".to_string()]).unwrap_or_else(|e| panic!("{e}"));
        assert!(!files.is_empty());
        let mut out = Vec::new();
        let (errors, _warnings) = check(&files, &mut out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(errors, 0, "{}", String::from_utf8_lossy(&out));
    }
}
