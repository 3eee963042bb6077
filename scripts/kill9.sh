#!/usr/bin/env bash
# The kill -9 fault test (issue 9): a crash during ingest loses nothing and leaves no
# half-written document.
#
#   scripts/kill9.sh                 # the long form: 20 kills over 6,000 articles (3 batches)
#   scripts/kill9.sh --kills 3 --docs 3000   # the CI form
#   scripts/kill9.sh --kills 25 --docs 4000 --bin target/release/dealgraph --keep
#
# 1. Generates a corpus of made-up articles (templates in nl, de and en; no third-party
#    text) as JSON Lines, in several files.
# 2. Ingests it without interruption into a reference store and dumps it (N-Quads).
# 3. Starts `dealgraph ingest` into a test store again and again, and kills it with
#    SIGKILL at a random moment. After every kill: `dealgraph stats` must open the store,
#    and its dump, split by named graph (one per document), must hold every document's
#    graph either exactly as in the reference or not at all. The next ingest resumes on
#    the same store; when the store is complete (or an ingest finishes before its kill),
#    a fresh store starts, so that every kill has work to interrupt.
# 4. Finally an ingest runs to its end on the killed store, and its dump must equal the
#    reference dump byte for byte.
# Prints the figures: kills survived, documents checked, documents half-written (0).
set -euo pipefail
cd "$(dirname "$0")/.."

kills=20
docs=6000
bin=target/release/dealgraph
keep=false
seed=${KILL9_SEED:-$RANDOM}
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills="$2"; shift 2 ;;
        --docs) docs="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --keep) keep=true; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "kill9: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ ! -x "$bin" ]; then
    echo "kill9: building $bin" >&2
    cargo build --release --quiet
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d "${TMPDIR:-/tmp}/dealgraph-kill9.XXXXXX")
cleanup() {
    if [ -n "${ingest_pid:-}" ]; then kill -9 "$ingest_pid" 2>/dev/null || true; fi
    if $keep; then echo "kill9: work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
echo "kill9: seed $seed, $docs articles, $kills kills, work directory $work"

# --- 1. The corpus ----------------------------------------------------------------------
python3 - "$work/corpus" "$docs" "$seed" <<'PY'
import json, os, random, sys
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
# Made-up companies and people, plus names the bundled gazetteers know.
made_up = ["Zorbitex", "Quandelia", "Brixmoor Tech", "Velotrade", "Nordhaven Energie", "Kestrel Logistics",
           "Amberfield Foods", "Lumora Health", "Stratovia", "Hexacore Systems", "Dunmore Capital", "Ivaris Pharma"]
forms = {"nl": ["B.V.", "N.V.", ""], "de": ["GmbH", "AG", "SE", ""], "en": ["Inc.", "Ltd.", "plc", ""]}
known = ["Microsoft", "LinkedIn", "Siemens", "Philips", "Bayer", "Monsanto", "Shell", "Unilever", "ASML", "Heineken"]
people = ["Jan de Vries", "Anna Bakker", "Pieter Jansen", "Claudia Weber", "Thomas M\u00fcller", "Sarah Collins", "David Hughes"]
templates = {
    "en": ["{a} agreed to buy {b} for {amt} billion dollars, chief executive {p} said on {day}.",
           "{a} is in talks to acquire {b}, people familiar with the matter said.",
           "{a} and {b} announced a partnership in cloud software.",
           "{b} said {p}, its founder, would step down after the takeover by {a}."],
    "nl": ["{a} neemt {b} over voor {amt} miljard euro, zei topman {p} op {day}.",
           "{a} is in gesprek over een overname van {b}.",
           "{a} en {b} gaan samenwerken op het gebied van batterijen.",
           "Topman {p} van {a} verwacht dat de overname van {b} dit jaar rond is."],
    "de": ["{a} \u00fcbernimmt {b} f\u00fcr {amt} Milliarden Euro, sagte Vorstandschef {p} am {day}.",
           "{a} verhandelt \u00fcber eine \u00dcbernahme von {b}.",
           "{a} und {b} vereinbaren eine Partnerschaft.",
           "Der Vorstandschef von {a}, {p}, sagte, die \u00dcbernahme von {b} sei abgeschlossen."],
}
def company(lang):
    if rng.random() < 0.4:
        return rng.choice(known)
    return (rng.choice(made_up) + " " + rng.choice(forms[lang])).strip()
files = [open(os.path.join(out, f"part-{i}.jsonl"), "w", encoding="utf-8") for i in range(4)]
for i in range(n):
    lang = rng.choice(["nl", "de", "en"])
    sentences = []
    for _ in range(rng.randint(2, 7)):
        a, b = company(lang), company(lang)
        sentences.append(rng.choice(templates[lang]).format(a=a, b=b, p=rng.choice(people),
                         amt=rng.randint(1, 90), day=rng.choice(["Monday", "maandag", "Montag", "1 June"])))
    text = "Headline %d\n\n" % i + " ".join(sentences)
    doc = {"id": "art-%05d" % i, "text": text, "lang": lang, "date": "2016-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))}
    files[i % 4].write(json.dumps(doc, ensure_ascii=False) + "\n")
for f in files:
    f.close()
PY

# Splits an N-Quads dump into one sorted file of lines per graph (named by a hash of the
# graph's IRI; the default graph is `default`), and prints the graph count.
split_by_graph() {
    python3 - "$1" "$2" <<'PY'
import hashlib, os, re, sys
dump, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
term = re.compile(r'<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?')
graphs = {}
with open(dump, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms = term.findall(line)
        if len(terms) not in (3, 4) or not line.endswith("."):
            sys.exit("kill9: cannot read this N-Quads line: " + line[:200])
        graph = terms[3] if len(terms) == 4 else "default"
        graphs.setdefault(graph, []).append(line)
for graph, lines in graphs.items():
    name = "default" if graph == "default" else hashlib.sha1(graph.encode()).hexdigest()
    with open(os.path.join(out, name), "w", encoding="utf-8") as g:
        g.write("# " + graph + "\n")
        g.write("\n".join(sorted(lines)) + "\n")
print(len(graphs))
PY
}

# --- 2. The reference -------------------------------------------------------------------
start=$(date +%s%N)
"$bin" ingest --store "$work/ref" "$work/corpus" >"$work/ref.log" 2>&1 || { cat "$work/ref.log"; echo "kill9: the reference ingest failed" >&2; exit 1; }
ref_ms=$(( ($(date +%s%N) - start) / 1000000 ))
ref_seconds=$(python3 -c "print($ref_ms / 1000)")
"$bin" dump --store "$work/ref" --format nquads >"$work/ref.nq"
n_ref_graphs=$(split_by_graph "$work/ref.nq" "$work/ref-graphs")
echo "kill9: reference: $n_ref_graphs graphs, $(wc -l <"$work/ref.nq") quads, ingest took ${ref_seconds} s"

# Compares the test store's graphs with the reference: prints "present absent" or fails.
check_store() {
    local store="$1" round="$2"
    if [ ! -e "$store/CURRENT" ]; then
        # Killed before the ingest had created the store (no directory, or RocksDB's first
        # files without CURRENT): nothing is in it, nothing is lost, and the next ingest
        # creates it (tests/store.rs checks the second case).
        echo "0 $docs 0"
        return 0
    fi
    if ! "$bin" stats --store "$store" >"$work/stats.log" 2>&1; then
        cat "$work/stats.log" >&2
        echo "kill9: round $round: the store does not open after kill -9" >&2
        return 1
    fi
    "$bin" dump --store "$store" --format nquads >"$work/test.nq" 2>"$work/dump.log" || { cat "$work/dump.log" >&2; return 1; }
    rm -rf "$work/test-graphs"
    split_by_graph "$work/test.nq" "$work/test-graphs" >/dev/null
    python3 - "$work/ref-graphs" "$work/test-graphs" <<'PY'
import os, sys
ref, test = sys.argv[1], sys.argv[2]
present = half = 0
bad = []
SUMMARY = "# <https://w3id.org/dealgraph/id/summary>"
def is_summary(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        return f.readline().strip() == SUMMARY
for name in sorted(os.listdir(test)):
    got = open(os.path.join(test, name), encoding="utf-8").read()
    if got.splitlines()[0] == SUMMARY:
        # Derived from the documents and refreshed at the end of each ingest: after a kill
        # it may lag (a flag in the default graph says so); the final dump checks it.
        continue
    path = os.path.join(ref, name)
    if not os.path.exists(path):
        bad.append("graph not in the reference: " + got.splitlines()[0])
        continue
    want = open(path, encoding="utf-8").read()
    if name == "default":
        # The default graph holds store-wide facts (the model version); every line of it
        # must be one of the reference's.
        # After a kill it may also hold the flag of a summary not yet refreshed.
        extra = set(got.splitlines()) - set(want.splitlines())
        if any("summaryPending" not in line for line in extra):
            bad.append("default graph differs")
        continue
    if got == want:
        present += 1
    else:
        half += 1
        bad.append("half-written: %s (%d of %d lines)" % (got.splitlines()[0], len(got.splitlines()) - 1, len(want.splitlines()) - 1))
n_docs = len([n for n in os.listdir(ref) if n != "default" and not is_summary(ref, n)])
for b in bad[:10]:
    print("kill9: " + b, file=sys.stderr)
print(present, n_docs - present - half, half)
sys.exit(1 if bad else 0)
PY
}

# --- 3. Kill, check, resume -------------------------------------------------------------
survived=0
checked=0
mid=0
finished_early=0
store="$work/test"
round=0
while [ "$survived" -lt "$kills" ]; do
    round=$((round + 1))
    if [ "$round" -gt $((kills * 4 + 10)) ]; then
        echo "kill9: too many ingests finished before their kill; is the corpus too small?" >&2
        exit 1
    fi
    # A random moment within the time a whole ingest takes.
    delay=$(python3 -c "import random; random.seed($seed + $round); print(round(random.uniform(0.05, max(0.1, $ref_seconds * 0.9)), 3))")
    "$bin" ingest --store "$store" "$work/corpus" >"$work/ingest.log" 2>&1 &
    ingest_pid=$!
    sleep "$delay"
    if kill -9 "$ingest_pid" 2>/dev/null; then
        wait "$ingest_pid" 2>/dev/null || true
        ingest_pid=
        survived=$((survived + 1))
        if ! counts=$(check_store "$store" "$round"); then
            echo "kill9: FAILED after kill $survived (at ${delay} s)" >&2
            keep=true
            exit 1
        fi
        read -r present absent half <<<"$counts"
        checked=$((checked + present + absent))
        if [ "$present" -gt 0 ] && [ "$absent" -gt 0 ]; then mid=$((mid + 1)); fi
        echo "kill9: kill $survived at ${delay} s: store opens; $present documents complete, $absent absent, $half half-written"
        if [ "$absent" -eq 0 ]; then
            # Everything was in before the kill: the next kill needs work to interrupt.
            rm -rf "$store"
        fi
    else
        # The ingest finished before the kill: check it, then start over on a fresh store.
        wait "$ingest_pid" || { cat "$work/ingest.log"; echo "kill9: an ingest failed" >&2; exit 1; }
        ingest_pid=
        finished_early=$((finished_early + 1))
        check_store "$store" "$round" >/dev/null || exit 1
        rm -rf "$store"
    fi
done

# --- 4. Resume to the end -----------------------------------------------------------------
"$bin" ingest --store "$store" "$work/corpus" >"$work/final.log" 2>&1 || { cat "$work/final.log"; echo "kill9: the final ingest failed" >&2; exit 1; }
"$bin" dump --store "$store" --format nquads >"$work/final.nq"
if ! cmp -s "$work/ref.nq" "$work/final.nq"; then
    diff <(sort "$work/ref.nq") <(sort "$work/final.nq") | head -20 >&2
    echo "kill9: FAILED: the resumed store's dump differs from the uninterrupted one" >&2
    keep=true
    exit 1
fi
echo "kill9: $survived kills survived ($mid between two commits of one ingest), $checked document checks (each complete or absent, 0 half-written), $finished_early ingests finished before their kill; the resumed store's dump equals the uninterrupted one ($(wc -l <"$work/final.nq") quads)"
