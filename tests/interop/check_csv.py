#!/usr/bin/env python3
"""Reads a dealgraph CSV table (nodes or edges, as Gephi's and Cytoscape's spreadsheet
import expect) with Python's csv module and checks the header and the row count.

Usage: check_csv.py FILE.nodes.csv|FILE.edges.csv N_ROWS
"""
import csv
import sys


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, n = sys.argv[1], int(sys.argv[2])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    failures = []
    if path.endswith(".edges.csv"):
        if header[:5] != ["Source", "Target", "Type", "Id", "Label"]:
            failures.append(f"edges header {header[:5]}")
        bad = {r[2] for r in body} - {"Directed", "Undirected"}
        if bad:
            failures.append(f"Type values {bad}")
    elif header[:2] != ["Id", "Label"]:
        failures.append(f"nodes header {header[:2]}")
    if len(body) != n:
        failures.append(f"{len(body)} rows, expected {n}")
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        failures.append(f"rows of different widths {sorted(widths)}")
    print(f"csv: {len(body)} rows of {len(header)} columns")
    for f in failures:
        print(f"  {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
