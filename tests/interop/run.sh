#!/usr/bin/env bash
# Interop checks of dealgraph exports with the tools people open them in:
#   GraphML: networkx + python-igraph (check_graphml.py), graphology (check_graphml.mjs)
#   GEXF:    networkx (check_gexf.py), graphology-gexf (check_gexf.mjs)
#   DOT:     Graphviz `dot` (skipped if not installed; Debian package graphviz)
#   CSV:     Python's csv module (check_csv.py)
#   HTML:    headless Chromium via puppeteer-core (check_html.mjs; Debian package chromium)
#   SVG:     an XML parser (check_svg.py)
# Usage: tests/interop/run.sh [DIR ...]        (default: tests/data/export)
# Each DIR holds export files and a manifest.tsv (file, nodes, edges, markup) such as the
# fixture generator writes (DEALGRAPH_WRITE_FIXTURES=1 cargo test … export::fixtures).
# First use installs a venv in target/interop-venv (requirements.txt) and the npm packages
# in target/interop-node (package.json, package-lock.json); later runs reuse them.
# Prints PASS/FAIL/SKIP per check and "N passed, M failed"; exits 1 on any failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/interop
venv=${DEALGRAPH_INTEROP_VENV:-$root/target/interop-venv}
nodedir=${DEALGRAPH_INTEROP_NODE:-$root/target/interop-node}
shots=${DEALGRAPH_INTEROP_SHOTS:-$root/target/interop-shots}
export DEALGRAPH_INTEROP_NODE=$nodedir
passed=0 failed=0 skipped=0

stamp() { cat "$@" | sha256sum | cut -d' ' -f1; }

setup_python() {
  local want; want=$(stamp "$here/requirements.txt")
  if [ "$(cat "$venv/.stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  echo "setting up $venv" >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt" >&2 \
    && echo "$want" >"$venv/.stamp"
}

setup_node() {
  local want; want=$(stamp "$here/package.json" "$here/package-lock.json")
  if [ "$(cat "$nodedir/.stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  echo "setting up $nodedir" >&2
  mkdir -p "$nodedir" && cp "$here/package.json" "$here/package-lock.json" "$nodedir/" \
    && (cd "$nodedir" && npm ci --no-audit --no-fund --loglevel=error >&2) && echo "$want" >"$nodedir/.stamp"
}

# run NAME FILE COMMAND...: one check, PASS/FAIL line, its output indented.
run() {
  local name=$1 file=$2; shift 2
  local out
  if out=$("$@" 2>&1); then
    echo "PASS $name $file"; passed=$((passed + 1))
  else
    echo "FAIL $name $file"; failed=$((failed + 1))
  fi
  [ -n "$out" ] && sed 's/^/    /' <<<"$out"
  return 0
}

skip() { echo "SKIP $1 $2 ($3)"; skipped=$((skipped + 1)); }

have_python=1 have_node=1
setup_python || { echo "FAIL setup python venv in $venv"; failed=$((failed + 1)); have_python=0; }
setup_node || { echo "FAIL setup npm packages in $nodedir"; failed=$((failed + 1)); have_node=0; }
py=$venv/bin/python

dirs=("$@")
[ ${#dirs[@]} -eq 0 ] && dirs=("$root/tests/data/export")
for dir in "${dirs[@]}"; do
  manifest=$dir/manifest.tsv
  if [ ! -f "$manifest" ]; then
    echo "FAIL no manifest.tsv in $dir"; failed=$((failed + 1)); continue
  fi
  while IFS=$'\t' read -r file nodes edges _markup; do
    [ "$file" = file ] && continue
    path=$dir/$file
    if [ ! -f "$path" ]; then echo "FAIL missing $path"; failed=$((failed + 1)); continue; fi
    case $file in
      *.graphml)
        if [ $have_python = 1 ]; then run networkx+igraph "$file" "$py" "$here/check_graphml.py" "$path" "$nodes" "$edges"; else skip networkx+igraph "$file" "no venv"; fi
        if [ $have_node = 1 ]; then run graphology "$file" node "$here/check_graphml.mjs" "$path" "$nodes" "$edges"; else skip graphology "$file" "no node packages"; fi
        ;;
      *.gexf)
        if [ $have_python = 1 ]; then run networkx "$file" "$py" "$here/check_gexf.py" "$path" "$nodes" "$edges"; else skip networkx "$file" "no venv"; fi
        if [ $have_node = 1 ]; then run graphology-gexf "$file" node "$here/check_gexf.mjs" "$path" "$nodes" "$edges"; else skip graphology-gexf "$file" "no node packages"; fi
        ;;
      *.gv|*.dot)
        if command -v dot >/dev/null; then
          run graphviz "$file" bash -c 'set -o pipefail; p=$(dot -Tplain "$1") || exit 1; n=$(grep -c "^node " <<<"$p"); e=$(grep -c "^edge " <<<"$p"); echo "graphviz: $n nodes, $e edges"; [ "$n" = "$2" ] && [ "$e" = "$3" ]' _ "$path" "$nodes" "$edges"
        else
          skip graphviz "$file" "dot not installed"
        fi
        ;;
      *.nodes.csv) run csv "$file" python3 "$here/check_csv.py" "$path" "$nodes" ;;
      *.edges.csv) run csv "$file" python3 "$here/check_csv.py" "$path" "$edges" ;;
      *.svg) run svg "$file" python3 "$here/check_svg.py" "$path" "$nodes" "$edges" ;;
      *.html)
        if [ $have_node = 1 ] && { [ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null; }; then
          run chromium "$file" node "$here/check_html.mjs" "$path" "$nodes" "$edges" "$shots/${file%.html}"
        else
          skip chromium "$file" "chromium or node packages missing"
        fi
        ;;
      *) skip unknown "$file" "no check for this extension" ;;
    esac
  done <"$manifest"
done
[ -d "$shots" ] && echo "screenshots of the HTML checks: $shots" >&2
echo "interop: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
