#!/usr/bin/env python3
"""Scores entity links against a gold standard.

    link_score.py GOLD.tsv LINKS.sssom.tsv [--examples N]

GOLD.tsv is what `mnemo generate-gold` writes (kind, entity, graph, iri, trap).
LINKS is an SSSOM TSV (`mnemo links export --format sssom`): `#` metadata
lines, a header row, then one mapping per row; rows whose predicate_id is
skos:exactMatch or owl:sameAs count as links.

Links are closed transitively into clusters (what a user of owl:sameAs or a
cluster view sees), and scored pairwise per kind: a true pair is two IRIs of
one gold entity, a predicted pair two IRIs of one predicted cluster. Prints
precision, recall and F1 per kind, the errors per trap, and examples of the
wrong and missed pairs.
"""
import argparse
import collections
import itertools
import sys

LINK_PREDICATES = {"skos:exactMatch", "owl:sameAs",
                   "http://www.w3.org/2004/02/skos/core#exactMatch",
                   "http://www.w3.org/2002/07/owl#sameAs"}


def read_gold(path):
    gold = {}   # iri -> (kind, entity, trap)
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header[:4] != ["kind", "entity", "graph", "iri"]:
            sys.exit(f"{path}: not a gold file (header {header})")
        for n, line in enumerate(f, 2):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                sys.exit(f"{path}:{n}: expected at least 4 tab-separated columns")
            gold[cols[3]] = (cols[0], cols[1], cols[4] if len(cols) > 4 else "")
    return gold


def read_sssom(path):
    curies = {}
    pairs = []
    header = None
    with open(path, encoding="utf-8") as f:
        in_map = False
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                body = line[1:]
                if body.strip().startswith("curie_map:"):
                    in_map = True
                elif in_map and body.startswith("  ") and ":" in body:
                    k, v = body.strip().split(":", 1)
                    curies[k.strip()] = v.strip().strip('"\'')
                else:
                    in_map = False
                continue
            if not line:
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                for need in ("subject_id", "predicate_id", "object_id"):
                    if need not in header:
                        sys.exit(f"{path}:{n}: the header has no {need} column")
                continue
            row = dict(zip(header, cols))
            pairs.append((row["subject_id"], row["predicate_id"], row["object_id"]))

    def expand(curie):
        if curie.startswith("<") and curie.endswith(">"):
            return curie[1:-1]
        prefix, sep, local = curie.partition(":")
        if sep and prefix in curies and not local.startswith("//"):
            return curies[prefix] + local
        return curie

    links = []
    for s, p, o in pairs:
        if p in LINK_PREDICATES or expand(p) in LINK_PREDICATES:
            links.append((expand(s), expand(o)))
    return links


def read_labels(path):
    """The first rdfs:label of each subject in an N-Quads file (as written, escapes kept)."""
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            s, _, rest = line.partition(" ")
            if not rest.startswith(label):
                continue
            lit = rest[len(label) + 1:]
            end = lit.rfind('"')
            if s.startswith("<") and lit.startswith('"') and end > 0:
                out.setdefault(s[1:-1], lit[1:end])
    return out


def clusters(links):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    groups = collections.defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return list(groups.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("links")
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--data", help="the N-Quads file, to show the labels of the examples")
    args = ap.parse_args()
    labels = read_labels(args.data) if args.data else {}

    def show(iri):
        return f"{iri} {labels[iri]!r}" if iri in labels else iri
    gold = read_gold(args.gold)
    links = read_sssom(args.links)

    true_pairs = collections.defaultdict(set)
    by_entity = collections.defaultdict(list)
    for iri, (kind, entity, _) in gold.items():
        by_entity[(kind, entity)].append(iri)
    for (kind, _), iris in by_entity.items():
        for a, b in itertools.combinations(sorted(iris), 2):
            true_pairs[kind].add((a, b))

    predicted = collections.defaultdict(set)
    unknown = 0
    for group in clusters(links):
        known = [x for x in group if x in gold]
        unknown += len(group) - len(known)
        for a, b in itertools.combinations(sorted(known), 2):
            ka, kb = gold[a][0], gold[b][0]
            predicted[ka if ka == kb else f"{ka}/{kb}"].add((a, b))

    print(f"links read: {len(links)}; IRIs outside the gold set: {unknown}")
    print(f"{'kind':<8} {'gold pairs':>10} {'predicted':>10} {'correct':>8} {'precision':>9} {'recall':>7} {'F1':>6}")
    worst = 0
    for kind in sorted(set(true_pairs) | set(predicted)):
        t, p = true_pairs.get(kind, set()), predicted.get(kind, set())
        c = len(t & p)
        prec = c / len(p) if p else 1.0
        rec = c / len(t) if t else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{kind:<8} {len(t):>10} {len(p):>10} {c:>8} {prec:>9.4f} {rec:>7.4f} {f1:>6.4f}")
        wrong = sorted(p - t)
        missed = sorted(t - p)
        traps = collections.Counter(gold[a][2] or gold[b][2] or "none" for a, b in wrong)
        if wrong:
            print(f"  wrong pairs by trap: " + ", ".join(f"{k} {v}" for k, v in traps.most_common()))
        for a, b in wrong[:args.examples]:
            print(f"  wrong:  {show(a)}  {show(b)}  ({gold[a][1]} / {gold[b][1]}, {gold[a][2] or gold[b][2] or 'no trap'})")
        for a, b in missed[:args.examples]:
            print(f"  missed: {show(a)}  {show(b)}  ({gold[a][1]})")
    return worst


if __name__ == "__main__":
    sys.exit(main())
