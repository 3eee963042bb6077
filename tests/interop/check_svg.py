#!/usr/bin/env python3
"""Parses a dealgraph SVG export as XML (well-formed, SVG namespace) and counts the drawn
nodes (shapes with a tooltip) and edges (paths with a tooltip).

Usage: check_svg.py FILE N_NODES N_EDGES
"""
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    root = ET.parse(path).getroot()
    failures = []
    if root.tag != SVG + "svg":
        failures.append(f"root element {root.tag}")
    shapes = [e for e in root.iter() if e.tag in (SVG + "circle", SVG + "polygon") and e.find(SVG + "title") is not None]
    paths = [e for e in root.iter() if e.tag == SVG + "path" and e.find(SVG + "title") is not None]
    if len(shapes) != n:
        failures.append(f"{len(shapes)} nodes drawn, expected {n}")
    if len(paths) != m:
        failures.append(f"{len(paths)} edges drawn, expected {m}")
    print(f"svg: {len(shapes)} nodes, {len(paths)} edges, {root.get('width')}x{root.get('height')}")
    for f in failures:
        print(f"  {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
