#!/usr/bin/env bash
# Screenshot of an exported HTML (or SVG) file in headless Chromium, for looking at what
# a person sees. Usage: tests/interop/screenshot.sh <file.html|file.svg> <out.png> [WxH]
# Needs the Debian package `chromium` (apt-get install -y chromium). No network is used:
# the export is self-contained.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <file.html|file.svg> <out.png> [WIDTHxHEIGHT]" >&2
  exit 2
fi
in=$(realpath "$1")
out=$(realpath -m "$2")
size=${3:-1200x800}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "FAIL: chromium not found (apt-get install -y chromium)" >&2
  exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$out"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$out" --window-size="${size/x/,}" --virtual-time-budget=5000 \
  "file://$in" >"$profile/log" 2>&1 || true
if [ -s "$out" ]; then
  echo "PASS: screenshot $out"
else
  echo "FAIL: no screenshot written; chromium said:" >&2
  tail -20 "$profile/log" >&2
  exit 1
fi
