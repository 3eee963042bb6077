#!/usr/bin/env bash
# Runs each cargo-fuzz target of fuzz/ for a few seconds (the CI smoke), or for as long as
# asked (the long run: `--seconds 600`). Fails when a target crashes, and prints for each
# target the executions, the time and the crashes.
#
#   scripts/fuzz-smoke.sh                      # every target, 10 s each
#   scripts/fuzz-smoke.sh --seconds 600 extract
#
# Needs cargo-fuzz (installed from crates.io when missing) and a toolchain that accepts
# -Z flags: a nightly when rustup has one, else the stable toolchain with
# RUSTC_BOOTSTRAP=1 (the sanitizer runtimes ship with stable on x86_64 Linux). The fuzz
# package builds the library without the `store` feature, so RocksDB is never compiled;
# the first build takes about 3 minutes on 2 cores, later ones seconds.
# Seeds: tests/data/robustness/fuzz-seeds/<target>/ (read only); what the fuzzer learns
# goes to fuzz/corpus/<target>/ and crashes to fuzz/artifacts/<target>/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    targets=(extract gazetteer_csv offsets)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz from crates.io" >&2
    cargo install cargo-fuzz --locked --quiet
fi

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    echo "fuzz-smoke: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1" >&2
    export RUSTC_BOOTSTRAP=1
fi

# -O: optimised with debug assertions; address sanitizer (the default) on.
build_start=$(date +%s)
mkdir -p fuzz/artifacts
if ! cargo "${toolchain[@]}" fuzz build -O >fuzz/artifacts/build.log 2>&1; then
    tail -40 fuzz/artifacts/build.log >&2
    echo "fuzz-smoke: the fuzz build failed (log: fuzz/artifacts/build.log)" >&2
    exit 1
fi
echo "fuzz-smoke: build took $(( $(date +%s) - build_start )) s" >&2

failed=0
for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    seeds="tests/data/robustness/fuzz-seeds/$target"
    mkdir -p "$corpus" "fuzz/artifacts/$target"
    log="fuzz/artifacts/$target/last-run.log"
    set +e
    cargo "${toolchain[@]}" fuzz run -O "$target" "$corpus" "$seeds" -- \
        -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
    n_corpus=$(find "$corpus" -type f | wc -l)
    if [ $status -eq 0 ]; then
        echo "fuzz $target: $runs executions in $seconds s ($rate/s), coverage $cov, corpus $n_corpus, 0 crashes"
    else
        failed=1
        echo "fuzz $target: CRASH after $runs executions (exit $status); log $log:"
        grep -E 'panicked|ERROR|SUMMARY|Test unit written|artifact_prefix' "$log" | head -20
    fi
done
exit $failed
