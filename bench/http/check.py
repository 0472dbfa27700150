#!/usr/bin/env python3
"""Agreement check of bench/http-benchmark.sh: asks two SPARQL endpoints the
same queries over HTTP (GET /sparql?query=..., the same Accept header for
both) and compares the answers.

Usage: check.py --mnemo URL --virtuoso URL [--show N] QUERY.rq...

SELECT answers are read as SPARQL JSON results, CONSTRUCT answers as
N-Triples. Terms are compared in the canonical form of bench/query_bench.py
(language tags lower-cased, plain literals as xsd:string, numbers by value),
rows as multisets (as ordered lists when the file says "# compare: ordered"),
graphs as sets of triples. Prints one line per query; exits 1 on any
mismatch or failed request.
"""
import argparse
import collections
import json
import os
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from query_bench import canonical_literal, parse_ntriples, detect_form  # noqa: E402

ACCEPT_SELECT = "application/sparql-results+json"
ACCEPT_GRAPH = "application/n-triples"


def accept_for(text):
    return ACCEPT_GRAPH if detect_form(text) in ("CONSTRUCT", "DESCRIBE") else ACCEPT_SELECT


def fetch(endpoint, text):
    url = endpoint + "?" + urllib.parse.urlencode({"query": text})
    request = urllib.request.Request(url, headers={"Accept": accept_for(text)})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def canonical_json_term(b):
    kind = b["type"]
    if kind == "uri":
        return "<" + b["value"] + ">"
    if kind == "bnode":
        return "_:b"
    if kind in ("literal", "typed-literal"):
        return canonical_literal(b["value"], b.get("xml:lang"), b.get("datatype"))
    return "?" + json.dumps(b)


def parse_answer(text, body):
    if detect_form(text) in ("CONSTRUCT", "DESCRIBE"):
        return ("graph", None, sorted(set(parse_ntriples(body))))
    doc = json.loads(body.decode("utf-8"))
    if "boolean" in doc:
        return ("boolean", None, doc["boolean"])
    variables = doc["head"]["vars"]
    rows = [tuple(canonical_json_term(r[v]) if v in r else None for v in variables)
            for r in doc["results"]["bindings"]]
    return ("bindings", variables, rows)


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--mnemo", required=True)
    ap.add_argument("--virtuoso", required=True)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("queries", nargs="+")
    args = ap.parse_args(argv)
    ok = True
    for path in args.queries:
        name = os.path.splitext(os.path.basename(path))[0]
        text = open(path, encoding="utf-8").read()
        ordered = "# compare: ordered" in text
        answers = {}
        for side, endpoint in (("mnemo", args.mnemo), ("virtuoso", args.virtuoso)):
            try:
                status, ctype, body = fetch(endpoint, text)
                answers[side] = parse_answer(text, body)
            except Exception as error:  # HTTP errors, parse errors
                detail = error.read().decode("utf-8", "replace")[:300] if hasattr(error, "read") else ""
                print(f"MISMATCH {name}: {side} failed: {error} {detail}")
                ok = False
        if len(answers) < 2:
            continue
        m, v = answers["mnemo"], answers["virtuoso"]
        if m[0] != v[0]:
            print(f"MISMATCH {name}: mnemo answered {m[0]}, virtuoso {v[0]}")
            ok = False
            continue
        if m[0] == "bindings" and set(m[1]) != set(v[1]):
            print(f"MISMATCH {name}: variables {m[1]} (mnemo) vs {v[1]} (virtuoso)")
            ok = False
            continue
        if m[0] == "bindings":
            order = [v[1].index(x) for x in m[1]]
            v = (v[0], m[1], [tuple(row[i] for i in order) for row in v[2]])
        if m[0] == "boolean":
            same, size = m[2] == v[2], 1
        elif m[0] == "graph" or not ordered:
            mc, vc = collections.Counter(m[2]), collections.Counter(v[2])
            same, size = mc == vc, len(m[2])
            if not same:
                print(f"MISMATCH {name}: mnemo {len(m[2])} {'triples' if m[0] == 'graph' else 'rows'}, "
                      f"virtuoso {len(v[2])}")
                for row in list((mc - vc).elements())[:args.show]:
                    print(f"  only mnemo:    {row}")
                for row in list((vc - mc).elements())[:args.show]:
                    print(f"  only virtuoso: {row}")
        else:
            same, size = m[2] == v[2], len(m[2])
            if not same:
                print(f"MISMATCH {name}: mnemo {len(m[2])} rows, virtuoso {len(v[2])} (ordered)")
                for i, (a, b) in enumerate(zip(m[2], v[2])):
                    if a != b:
                        print(f"  first difference at row {i + 1}: mnemo {a} virtuoso {b}")
                        break
        if same:
            unit = "triples" if m[0] == "graph" else "rows"
            print(f"agree    {name}: {size} {unit}")
        else:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
