//! The `dealgraph` binary: parse arguments, run one command, map the outcome to an exit
//! code (0 success, 1 error, 2 usage, 3 partial success: some inputs skipped).

// jemalloc instead of the system allocator: extraction allocates many small strings and
// vectors per sentence; this takes 10–15 % off the CPU time of `extract`. mimalloc saved
// as much but kept 25 % more memory resident (BENCHMARKS.md, "Where the time goes").
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    dealgraph_cli::main()
}

#[path = "cli/mod.rs"]
mod dealgraph_cli;
