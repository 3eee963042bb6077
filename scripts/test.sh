#!/usr/bin/env bash
# The whole test suite: Rust unit and integration tests (release profile, so the heavy
# RocksDB build is shared with `make demo`), then the interoperability checks that need
# real readers (Python: networkx, igraph, pyoxigraph, rdflib; Node: graphology), installed
# on demand into target/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo test --release "$@"
if [ -x tests/interop/run.sh ] || [ -f tests/interop/run.sh ]; then
    bash tests/interop/run.sh
fi
