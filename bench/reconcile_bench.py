#!/usr/bin/env python3
"""Times 1,000-query reconciliation batches against a running `mnemo serve`.

    reconcile_bench.py URL GOLD.tsv DATA.nq [--queries 1000] [--runs 5] [--seed 1]

Queries are drawn from the person records of the generated data (labels in
Cyrillic, Latin and Uzbek, inverted and abbreviated; a third with the birth
year as a property). Each batch is sent in both versions: 0.2 as a form
`queries=` to /reconcile, 1.0-draft as JSON to /reconcile/v1/match. Prints
the time per batch (median and worst of --runs) and how often the top
candidate is a record of the same gold entity, and how often `match` is set
and right.
"""
import argparse, json, random, re, statistics, sys, time, urllib.error, urllib.parse, urllib.request

LABEL = re.compile(r'^<([^>]+/person/\d+)> <http://www.w3.org/2000/01/rdf-schema#label> "((?:[^"\\]|\\.)*)"@[\w-]+ <([^>]+)> \.$')
BIRTH = re.compile(r'^<([^>]+/person/\d+)/birth/time> <http://www.cidoc-crm.org/cidoc-crm/P82a_begin_of_the_begin> "(-?\d+)')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url"); ap.add_argument("gold"); ap.add_argument("data")
    ap.add_argument("--queries", type=int, default=1000); ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    entity = {}
    with open(a.gold, encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if c[0] == "person": entity[c[3]] = c[1]
    labels, births = [], {}
    with open(a.data, encoding="utf-8") as f:
        for line in f:
            m = LABEL.match(line.rstrip("\n"))
            if m: labels.append((m.group(1), json.loads('"' + m.group(2) + '"')))
            m = BIRTH.match(line)
            if m: births[m.group(1)] = m.group(2)
    rng = random.Random(a.seed)
    picks = rng.sample(labels, min(a.queries, len(labels)))
    person = "http://www.cidoc-crm.org/cidoc-crm/E21_Person"
    q02, q10 = {}, []
    for i, (iri, label) in enumerate(picks):
        props = [{"pid": "birthYear", "v": births[iri]}] if iri in births and i % 3 == 0 else []
        q02["q%d" % i] = {"query": label, "type": person, "limit": 5, "properties": props}
        q10.append({"type": person, "limit": 5, "conditions": [{"matchType": "name", "propertyValue": label}] +
                    [{"matchType": "property", "propertyId": p["pid"], "propertyValue": p["v"]} for p in props]})

    def post(path, body, ctype):
        req = urllib.request.Request(a.url.rstrip("/") + path, data=body, headers={"Content-Type": ctype})
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                data = r.read()
        except urllib.error.HTTPError as e:
            sys.exit(f"{path}: HTTP {e.code}: {e.read().decode(errors='replace')[:500]}")
        return time.perf_counter() - t, json.loads(data)

    form = urllib.parse.urlencode({"queries": json.dumps(q02)}).encode()
    body = json.dumps({"queries": q10}).encode()
    times02, times10 = [], []
    for _ in range(a.runs):
        t, r02 = post("/reconcile", form, "application/x-www-form-urlencoded"); times02.append(t)
        t, r10 = post("/reconcile/v1/match", body, "application/json"); times10.append(t)

    def quality(results):
        top = matched = right = 0
        for (iri, _), cands in zip(picks, results):
            if cands and entity.get(cands[0]["id"]) == entity.get(iri): top += 1
            if cands and cands[0].get("match"):
                matched += 1
                right += entity.get(cands[0]["id"]) == entity.get(iri)
        return top, matched, right

    res02 = [r02["q%d" % i]["result"] for i in range(len(picks))]
    res10 = [r["candidates"] for r in r10["results"]]
    n = len(picks)
    for name, times, res in (("0.2 /reconcile", times02, res02), ("1.0-draft /reconcile/v1/match", times10, res10)):
        top, matched, right = quality(res)
        print(f"{name}: {n} queries, median {statistics.median(times):.3f} s, worst {max(times):.3f} s; "
              f"top candidate the same entity {top / n:.3f}; match set {matched} times, right {right}")


if __name__ == "__main__":
    sys.exit(main())
