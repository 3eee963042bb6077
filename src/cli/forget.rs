//! `dealgraph forget`: remove documents from the store, and with them whatever only they
//! supported (a deal stated by another article stays, with one source less).

use dealgraph::store::Store;

use super::common::StoreArgs;
use super::query::to_anyhow;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Document ids (as `extract` prints them in "doc").
    #[arg(value_name = "DOC", required = true)]
    pub docs: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let store = Store::open(&args.store.store).map_err(to_anyhow)?;
    let missing = store.forget(&args.docs).map_err(to_anyhow)?;
    for id in &missing {
        eprintln!("dealgraph: warning: no document {id:?} in {}", store.path().display());
    }
    let removed = args.docs.len() - missing.len();
    eprintln!("dealgraph: removed {removed} document{} from {}", if removed == 1 { "" } else { "s" }, store.path().display());
    Ok(if missing.is_empty() {
        super::exit::SUCCESS
    } else if removed == 0 {
        super::exit::ERROR
    } else {
        super::exit::PARTIAL
    })
}
