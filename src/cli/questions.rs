//! `dealgraph questions`: the ready-made questions in `queries/` with their description,
//! parameters and columns (from the comment header of each `.rq`).

use std::io::Write;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (path, content) in dealgraph::bundled::files_under("queries/") {
        if !path.ends_with(".rq") {
            continue;
        }
        let name = path.trim_start_matches("queries/").trim_end_matches(".rq");
        let header: Vec<&str> = content.lines().take_while(|l| l.starts_with('#')).map(|l| l.trim_start_matches('#').trim()).collect();
        writeln!(out, "{name}")?;
        for line in header.iter().filter(|l| !l.is_empty()) {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(super::exit::SUCCESS)
}
