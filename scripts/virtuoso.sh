#!/usr/bin/env bash
# The graph in Virtuoso (issue 8, "Beyond one machine"; docs/scale.md): load a dealgraph
# store's N-Quads dump into OpenLink Virtuoso (Debian's virtuoso-opensource), run every
# ready-made question in queries/ there and check that the answers equal dealgraph's own.
#
#   scripts/virtuoso.sh [STORE]      # as root on Debian; STORE defaults to a new store
#                                    # of the bundled examples
#
# - Installs virtuoso-opensource-7-bin with apt-get when `virtuoso-t` is missing.
# - Starts its own server on loopback only (SQL 127.0.0.1:$VIRTUOSO_SQL_PORT, HTTP
#   127.0.0.1:$VIRTUOSO_HTTP_PORT) with a temporary configuration and database, and stops
#   it and removes them on exit, whatever happens. Every wait is bounded.
# - Parameters are bound the way `dealgraph query --param` binds them (a VALUES block at
#   the start of each WHERE group, value and name key), by `dealgraph bench
#   --export-questions`, with the bench's choice of values (the most active acquirer).
# - Answers are compared order-insensitively on the values of the columns (numbers
#   compared as numbers). Prints load and query times next to dealgraph's.
#
# Exit status: 0 when every question gives the same answer, 1 otherwise.
#
# Environment: DEALGRAPH (binary, default target/release/dealgraph), VIRTUOSO_SQL_PORT
# (21111), VIRTUOSO_HTTP_PORT (28890), RUNS (query runs, 5), VIRTUOSO_MEMORY_MB (2048),
# KEEP=1 keeps the temporary directory (dump, answers, server log).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${DEALGRAPH:-target/release/dealgraph}
SQL_PORT=${VIRTUOSO_SQL_PORT:-21111}
HTTP_PORT=${VIRTUOSO_HTTP_PORT:-28890}
RUNS=${RUNS:-5}
MEMORY_MB=${VIRTUOSO_MEMORY_MB:-2048}
STORE=${1:-}

say() { printf '%s\n' "virtuoso.sh: $*" >&2; }
die() { say "$*"; exit 1; }
now_ms() { date +%s%3N; }

[ -x "$BIN" ] || die "$BIN not found: build it first (cargo build --release)"
for tool in curl python3; do
    command -v "$tool" >/dev/null || die "$tool is needed"
done
if ! command -v virtuoso-t >/dev/null; then
    [ "$(id -u)" = 0 ] || die "virtuoso-t is missing; run as root to install it with apt-get"
    say "installing virtuoso-opensource-7-bin"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null
fi
ISQL=$(command -v isql-vt || command -v isql || true)
[ -n "$ISQL" ] || die "isql-vt is missing (package virtuoso-opensource-7-bin)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dealgraph-virtuoso.XXXXXX")
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        timeout 30 "$ISQL" "127.0.0.1:$SQL_PORT" dba dba exec="shutdown;" >/dev/null 2>&1 || true
        for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
        kill "$SERVER_PID" 2>/dev/null || true
        sleep 1
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "${KEEP:-}" ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The store and its dump.
if [ -z "$STORE" ]; then
    STORE=$WORK/store
    say "no store given: ingesting examples/ into $STORE"
    "$BIN" ingest --store "$STORE" --gazetteer examples/gazetteer.csv examples >/dev/null
fi
mkdir -p "$WORK/data" "$WORK/db" "$WORK/www" "$WORK/questions" "$WORK/answers"
start=$(now_ms)
"$BIN" dump --store "$STORE" --format nquads -o "$WORK/data/dump.nq"
DUMP_MS=$(( $(now_ms) - start ))
QUADS=$(wc -l < "$WORK/data/dump.nq")
say "dumped $QUADS quads in ${DUMP_MS} ms"
"$BIN" bench --export-questions "$WORK/questions" --store "$STORE" >/dev/null

# 2. A server of our own, on loopback only.
BUFFERS=$(( MEMORY_MB * 1024 / 8 / 3 * 2 ))
cat > "$WORK/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $WORK/db/virtuoso.db
ErrorLogFile = $WORK/db/virtuoso.log
LockFile = $WORK/db/virtuoso.lck
TransactionFile = $WORK/db/virtuoso.trx
xa_persistent_file = $WORK/db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $WORK/db/virtuoso-temp.db
TransactionFile = $WORK/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$SQL_PORT
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = $BUFFERS
MaxDirtyBuffers = $(( BUFFERS * 3 / 4 ))
MaxQueryMem = 1G
DirsAllowed = ., $WORK/data
ThreadCleanupInterval = 0
ResourcesCleanupInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:$HTTP_PORT
ServerRoot = $WORK/www
ServerThreads = 4
MaxClientConnections = 4
MaxKeepAlives = 4

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
EOF
say "starting virtuoso-t on 127.0.0.1:$SQL_PORT (SQL) and 127.0.0.1:$HTTP_PORT (HTTP)"
(cd "$WORK/db" && exec virtuoso-t +foreground +configfile "$WORK/virtuoso.ini" >"$WORK/db/stdout.log" 2>&1) &
SERVER_PID=$!
up=
for _ in $(seq 1 120); do
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D"; then up=1; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 1
done
if [ -z "$up" ]; then
    tail -20 "$WORK/db/virtuoso.log" "$WORK/db/stdout.log" >&2 || true
    die "the server did not come up within 120 s"
fi

isql() { timeout 3600 "$ISQL" "127.0.0.1:$SQL_PORT" dba dba "$@"; }

# 3. Load the dump (Virtuoso's bulk loader; default-graph triples go to a graph of
#    their own, as Virtuoso's default graph is the union of all graphs).
start=$(now_ms)
isql exec="ld_dir('$WORK/data', 'dump.nq', 'urn:dealgraph:default-graph'); rdf_loader_run(); checkpoint;" >"$WORK/load.log" 2>&1 \
    || { cat "$WORK/load.log" >&2; die "loading failed"; }
LOAD_MS=$(( $(now_ms) - start ))
sparql_count() {
    curl -s --max-time 600 -H 'Accept: application/sparql-results+json' --data-urlencode "query=$1" "http://127.0.0.1:$HTTP_PORT/sparql" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])'
}
LOADED=$(sparql_count "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), \"https://w3id.org/dealgraph/\") || ?g = <urn:dealgraph:default-graph>) }")
say "loaded $LOADED of $QUADS quads in ${LOAD_MS} ms (bulk loader + checkpoint)"
failed=0
if [ "$LOADED" != "$QUADS" ]; then
    say "Virtuoso holds $LOADED quads, the dump $QUADS"
    failed=1
fi

# 4. Every question in both engines.
printf '%s\n' "question,rows,same,dealgraph_median_ms,dealgraph_worst_ms,virtuoso_median_ms,virtuoso_worst_ms" > "$WORK/results.csv"
for rq in "$WORK"/questions/*.rq; do
    name=$(basename "$rq" .rq)
    params=()
    while IFS= read -r line; do
        [ -n "$line" ] && params+=(--param "$line")
    done < "$WORK/questions/$name.params"
    dg_times=()
    vt_times=()
    for run in $(seq 0 "$RUNS"); do
        start=$(now_ms)
        "$BIN" query --store "$STORE" --question "$name" "${params[@]}" --format json > "$WORK/answers/$name.dealgraph.json"
        t=$(( $(now_ms) - start ))
        [ "$run" -gt 0 ] && dg_times+=("$t")
        start=$(now_ms)
        curl -s --max-time 600 -H 'Accept: application/sparql-results+json' --data-urlencode "query@$rq" \
            "http://127.0.0.1:$HTTP_PORT/sparql" > "$WORK/answers/$name.virtuoso.json"
        t=$(( $(now_ms) - start ))
        [ "$run" -gt 0 ] && vt_times+=("$t")
    done
    verdict=$(python3 - "$WORK/answers/$name.dealgraph.json" "$WORK/answers/$name.virtuoso.json" <<'PY'
import json, sys
from decimal import Decimal, InvalidOperation

def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        data = json.loads(text)
    except ValueError:
        return None, text.strip().splitlines()[:3]
    if "boolean" in data:
        return [("boolean", str(data["boolean"]))], None
    variables = data["head"]["vars"]
    rows = []
    for binding in data["results"]["bindings"]:
        rows.append(tuple(norm(binding.get(v)) for v in variables))
    return (variables, sorted(rows)), None

NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger")

def norm(term):
    if term is None:
        return ""
    value = term["value"]
    datatype = term.get("datatype", "")
    if datatype.rsplit("#", 1)[-1] in NUMERIC:
        try:
            return str(Decimal(value).normalize())
        except InvalidOperation:
            return value
    return value

ours, err = load(sys.argv[1])
theirs, err2 = load(sys.argv[2])
if ours is None or theirs is None:
    print(f"error,{(err or err2)!r}"[:300])
elif ours == theirs:
    print(f"{len(ours[1])},yes")
else:
    a, b = set(ours[1]), set(theirs[1])
    print(f"{len(ours[1])} vs {len(theirs[1])},no: {len(a - b)} rows only in dealgraph and {len(b - a)} only in Virtuoso")
PY
)
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    worst() { printf '%s\n' "$@" | sort -n | tail -1; }
    printf '%s,%s,%s,%s,%s,%s\n' "$name" "$verdict" "$(median "${dg_times[@]}")" "$(worst "${dg_times[@]}")" \
        "$(median "${vt_times[@]}")" "$(worst "${vt_times[@]}")" >> "$WORK/results.csv"
    case "$verdict" in *,yes) ;; *) failed=1 ;; esac
done

echo "store: $STORE ($QUADS quads); dump ${DUMP_MS} ms; Virtuoso bulk load ${LOAD_MS} ms ($LOADED quads)"
echo "query times: whole commands, $RUNS runs after one warm-up (dealgraph query = process start + store open + query; Virtuoso = curl over loopback HTTP)"
column -s, -t < "$WORK/results.csv" 2>/dev/null || cat "$WORK/results.csv"
if [ "$failed" -ne 0 ]; then
    say "some answers differ (KEEP=1 keeps them in the temporary directory)"
fi
exit "$failed"
