#!/usr/bin/env python3
"""Reads a dealgraph GEXF export with networkx and checks the node and edge counts and the
attribute types (confidence float, n_sources and degree int, labels clean strings).

Usage: check_gexf.py FILE N_NODES N_EDGES

networkx refuses GEXF that mixes directed and undirected edges ("Undirected edge found in
directed graph"); for a file written with the `mixed` edge markup that is reported as a
note, not a failure (graphology-gexf reads it in check_gexf.mjs).
"""
import sys

import networkx as nx


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    try:
        g = nx.read_gexf(path)
    except nx.NetworkXError as e:
        if "Undirected edge found in directed graph" in str(e):
            print(f"note: networkx refuses mixed-direction GEXF, as expected ({e})")
            return 0
        print(f"  networkx: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001
        print(f"  networkx: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    check(g.number_of_nodes() == n, f"{g.number_of_nodes()} nodes, expected {n}")
    check(g.number_of_edges() == m, f"{g.number_of_edges()} edges, expected {m}")
    for node, a in g.nodes(data=True):
        label = a.get("label")
        check(isinstance(label, str) and not any(ord(c) < 32 and c not in "\t\n\r" for c in label), f"node {node!r} label {label!r}")
        check(type(a.get("degree")) is int, f"node {node!r} degree {a.get('degree')!r} is not int")
        check(a.get("degree") == g.degree(node), f"node {node!r} degree {a.get('degree')} != {g.degree(node)}")
        check(isinstance(a.get("type"), str), f"node {node!r} type missing")
        check("viz" in a and "color" in a["viz"], f"node {node!r} has no viz colour")
    for s, t, a in g.edges(data=True):
        check(isinstance(a.get("relation"), str), f"edge {s}->{t} relation missing")
        check(type(a.get("confidence")) is float, f"edge {s}->{t} confidence {a.get('confidence')!r} is not float")
        check(type(a.get("n_sources")) is int, f"edge {s}->{t} n_sources {a.get('n_sources')!r} is not int")
        if "directed" in a:
            check(type(a["directed"]) is bool, f"edge {s}->{t} directed not bool")
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    for f in failures:
        print(f"  {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
