#!/usr/bin/env bash
# Installs what a fresh machine lacks to build dealgraph: libclang (bindgen needs it for
# Oxigraph's RocksDB bindings). The Rust toolchain, gcc/g++ and python3 are assumed.
set -euo pipefail

have_libclang() {
    ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/aarch64-linux-gnu/libclang*.so* >/dev/null 2>&1
}

if ! have_libclang; then
    echo "setup: installing libclang-dev (needed to build Oxigraph's RocksDB bindings)" >&2
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libclang-dev >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo not found: install the Rust toolchain (rustup) first" >&2
    exit 1
fi
