//! `dealgraph gazetteer check FILE...`: validate gazetteer CSV files.

use anyhow::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: GazetteerCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Report bad headers, unknown types, empty labels, duplicate ids, malformed Q-ids
    /// and names shared by several entities, each with file:line.
    Check {
        /// Gazetteer CSV files (`bundled` checks the bundled lists).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
    },
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    match args.command {
        GazetteerCommand::Check { files } => {
            let mut contents = Vec::new();
            for f in &files {
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
            let problems = dealgraph::gazetteer::check_files(&contents);
            for p in &problems {
                println!("{p}");
            }
            let n_entries: usize = contents.iter().map(|(p, c)| dealgraph::gazetteer::load::parse(p, c).0.len()).sum();
            eprintln!("{} file(s), {} entries, {} problem(s)", contents.len(), n_entries, problems.len());
            Ok(if problems.is_empty() { super::exit::SUCCESS } else { super::exit::ERROR })
        }
    }
}
