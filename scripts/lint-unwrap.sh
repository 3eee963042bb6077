#!/usr/bin/env bash
# Keeps `unwrap()` and `expect()` out of the library and the binary (issue 9: nothing that
# comes from a user or a file may panic). Cargo.toml already denies clippy::unwrap_used
# and clippy::expect_used; this script checks it explicitly, so that relaxing the
# [lints] table does not silently let them back in. Tests (`#[cfg(test)]`, tests/) may
# unwrap.
#
#   scripts/lint-unwrap.sh          # lib + bins with every feature, in target/ (release
#                                   # profile, so the RocksDB build of `make` is reused)
#   scripts/lint-unwrap.sh --lite   # without the store, in target/lint-lite (no RocksDB)
#
# Times on 2 cores: --lite about 40 s from cold, a few seconds warm; the full check about
# 1 minute after `cargo build --release` (the C++ build of RocksDB is reused).
set -euo pipefail
cd "$(dirname "$0")/.."

# Other lints are the business of the ordinary clippy run; only these two fail here.
lints=(-A warnings -D clippy::unwrap_used -D clippy::expect_used)
start=$(date +%s)
if [ "${1:-}" = "--lite" ]; then
    CARGO_TARGET_DIR=target/lint-lite cargo clippy --quiet --no-default-features --lib --bins -- "${lints[@]}"
else
    cargo clippy --quiet --release --lib --bins -- "${lints[@]}"
fi
echo "lint-unwrap: no unwrap()/expect() outside tests ($(( $(date +%s) - start )) s)"
