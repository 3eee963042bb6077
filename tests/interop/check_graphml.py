#!/usr/bin/env python3
"""Reads a dealgraph GraphML export with networkx and python-igraph and checks the node
and edge counts and the attribute types (confidence is a float, n_sources and degree are
integers, directed is a boolean, labels are strings without control characters).

Usage: check_graphml.py FILE N_NODES N_EDGES

networkx refuses GraphML that mixes directed and undirected edges ("directed=false edge
found in directed graph"); for a file written with the `mixed` edge markup that refusal is
reported as a note, not a failure, and igraph still has to read it.
"""
import math
import sys

import igraph
import networkx as nx

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def clean(s):
    return isinstance(s, str) and not any(ord(c) < 32 and c not in "\t\n\r" for c in s)


def check_networkx(path, n, m):
    try:
        g = nx.read_graphml(path)
    except nx.NetworkXError as e:
        if "directed=false edge found in directed graph" in str(e):
            print(f"note: networkx refuses mixed-direction GraphML, as expected ({e})")
            return
        raise
    check(g.number_of_nodes() == n, f"networkx: {g.number_of_nodes()} nodes, expected {n}")
    check(g.number_of_edges() == m, f"networkx: {g.number_of_edges()} edges, expected {m}")
    for node, a in g.nodes(data=True):
        check(clean(a.get("label")), f"networkx: node {node!r} label {a.get('label')!r}")
        check(isinstance(a.get("type"), str), f"networkx: node {node!r} type {a.get('type')!r}")
        check(type(a.get("degree")) is int, f"networkx: node {node!r} degree {a.get('degree')!r} is not int")
        check(a.get("degree") == g.degree(node), f"networkx: node {node!r} degree {a.get('degree')} != {g.degree(node)}")
        if "n_documents" in a:
            check(type(a["n_documents"]) is int, f"networkx: node {node!r} n_documents not int")
        if "confidence" in a:
            check(type(a["confidence"]) is float, f"networkx: deal node {node!r} confidence not float")
    for s, t, a in g.edges(data=True):
        check(isinstance(a.get("relation"), str), f"networkx: edge {s}->{t} relation {a.get('relation')!r}")
        check(type(a.get("confidence")) is float, f"networkx: edge {s}->{t} confidence {a.get('confidence')!r} is not float")
        check(type(a.get("n_sources")) is int, f"networkx: edge {s}->{t} n_sources {a.get('n_sources')!r} is not int")
        if "amount_value" in a:
            check(type(a["amount_value"]) is float, f"networkx: edge {s}->{t} amount_value not float")
        if "directed" in a:
            check(type(a["directed"]) is bool, f"networkx: edge {s}->{t} directed not bool")
            check(a["directed"] == (a["relation"] not in ("merger", "partnership")), f"networkx: edge {s}->{t} directed wrong")
        if "evidence" in a:
            check(clean(a["evidence"]), f"networkx: edge {s}->{t} evidence has control characters")
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def integral(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and float(x).is_integer()


def check_igraph(path, n, m):
    g = igraph.Graph.Read_GraphML(path)
    check(g.vcount() == n, f"igraph: {g.vcount()} nodes, expected {n}")
    check(g.ecount() == m, f"igraph: {g.ecount()} edges, expected {m}")
    if g.vcount():
        check(all(clean(x) for x in g.vs["label"]), "igraph: a label is not a clean string")
        check(all(integral(x) for x in g.vs["degree"]), "igraph: degree is not numeric/integral")
        check([int(x) for x in g.vs["degree"]] == g.degree(), "igraph: degree attribute != computed degree")
    if g.ecount():
        conf = g.es["confidence"]
        check(all(isinstance(x, float) and 0.0 <= x <= 1.0 for x in conf), f"igraph: confidence not float in [0,1]: {conf[:3]}")
        check(all(integral(x) for x in g.es["n_sources"]), "igraph: n_sources not integral")
        if "directed" in g.es.attributes():
            check(all(isinstance(x, bool) for x in g.es["directed"]), "igraph: directed not bool")
        if "amount_value" in g.es.attributes():
            check(all(isinstance(x, float) for x in g.es["amount_value"]), "igraph: amount_value not float")
    print(f"igraph {igraph.__version__}: {g.vcount()} nodes, {g.ecount()} edges")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for reader in (check_networkx, check_igraph):
        try:
            reader(path, n, m)
        except Exception as e:  # noqa: BLE001 - any reader crash is a failure to report
            failures.append(f"{reader.__name__}: {type(e).__name__}: {e}")
    for f in failures:
        print(f"  {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
