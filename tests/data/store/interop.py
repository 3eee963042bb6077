"""Interoperability of the dealgraph store (issue 6), run by tests/store.rs.

Usage: interop.py STORE_DIR QUESTION.rq EXPECTED.csv DUMP.nq

- pyoxigraph 0.5 opens the store directory (read-only) and answers the question with
  the rows dealgraph gave (EXPECTED.csv, from `dealgraph query --format csv`);
- rdflib parses the N-Quads dump, with as many quads as it has lines.

Prints what it checked; exits 1 on a difference.
"""

import csv
import sys

import pyoxigraph
import rdflib


def main() -> int:
    store_dir, question, expected_csv, dump = sys.argv[1:5]
    with open(expected_csv, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        expected = [row for row in reader]

    store = pyoxigraph.Store.read_only(store_dir)
    with open(question, encoding="utf-8") as f:
        solutions = store.query(f.read())
    variables = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        rows.append(["" if solution[v] is None else solution[v].value for v in variables])
    if variables != header:
        print(f"pyoxigraph columns {variables} != dealgraph's {header}")
        return 1
    if rows != expected:
        print(f"pyoxigraph rows differ:\n  pyoxigraph: {rows}\n  dealgraph:  {expected}")
        return 1
    print(f"pyoxigraph {pyoxigraph.__version__}: {len(rows)} rows, same as dealgraph")

    dataset = rdflib.Dataset()
    dataset.parse(dump, format="nquads")
    with open(dump, encoding="utf-8") as f:
        lines = sum(1 for line in f if line.strip())
    quads = len(list(dataset.quads((None, None, None, None))))
    if quads != lines:
        print(f"rdflib read {quads} quads from {lines} lines")
        return 1
    print(f"rdflib {rdflib.__version__}: {quads} quads parsed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
