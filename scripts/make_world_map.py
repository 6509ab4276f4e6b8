#!/usr/bin/env python3
"""Makes server/web/world.json, the country shapes of the web page's map.

Run once; its output is committed. Input: countries-110m.json of the npm
package world-atlas 2.0.2 (Natural Earth 1:110m admin-0 countries, public
domain; the TopoJSON packaging ISC-licensed), fetched with `npm pack world-atlas`.
Output: {"viewBox": ..., "countries": {ISO alpha-2: SVG path}} in an
equirectangular projection, coordinates rounded to 0.1 degree and runs of
points closer than that dropped; rings crossing the antimeridian are moved
east of it. Antarctica is left out (no projects there).

  npm pack world-atlas && tar xzf world-atlas-*.tgz
  scripts/make_world_map.py package/countries-110m.json > server/web/world.json
"""
import json
import sys

ISO_CODES = "/usr/share/iso-codes/json/iso_3166-1.json"  # Debian package iso-codes


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def project(lon, lat):
    return round((lon + 180) * 10) / 10, round((90 - lat) * 10) / 10


def ring_path(points):
    # A ring crossing the antimeridian (Fiji, Chukotka) is drawn whole east
    # of it, past the right edge, rather than as a stripe across the map.
    if any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:])):
        points = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    out = []
    for lon, lat in points:
        p = project(lon, lat)
        if not out or p != out[-1]:
            out.append(p)
    if len(out) < 4:
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in out) + "Z"


def main():
    topo = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topo)
    numeric = {c["numeric"]: c["alpha_2"] for c in json.load(open(ISO_CODES))["3166-1"]}
    countries = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = numeric.get(g.get("id"))
        if not code or code == "AQ":
            continue  # a few disputed areas have no ISO code
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        path = "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)
        if path:
            countries[code] = countries.get(code, "") + path
    json.dump({"source": "Natural Earth 1:110m via world-atlas 2.0.2 (public domain)",
               "viewBox": "0 0 360 150", "countries": dict(sorted(countries.items()))},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
