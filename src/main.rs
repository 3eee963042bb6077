//! The `dealgraph` binary: parse arguments, run one command, map the outcome to an exit
//! code (0 success, 1 error, 2 usage, 3 partial success: some inputs skipped).

fn main() -> std::process::ExitCode {
    dealgraph_cli::main()
}

#[path = "cli/mod.rs"]
mod dealgraph_cli;
