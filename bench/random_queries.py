#!/usr/bin/env python3
"""Random differential queries, built from the benchmark data itself.

Usage:
  random_queries.py generate --data FILE --out DIR [--count 500] [--seed N] [--only I]
  random_queries.py report --json FILE --queries DIR [--failures DIR] [--show N]

generate (needs pyoxigraph): loads FILE (N-Quads) into an in-memory
pyoxigraph store and writes DIR/rqNNNN.rq, one query per index 0..COUNT-1.
Each query starts from a quad picked at a random byte offset of FILE and walks
the graph (out- and in-edges; nodes with more than 300 in-edges, i.e. classes
and shared types, are not expanded inwards) to 2-8 quads. Its nodes become
variables or stay constants, so the walk itself is a solution and most answers
are non-empty. Then, at random: one to three GRAPH blocks (constant graph
IRIs, a shared ?g or distinct variables) or the union default graph; FILTERs
on dates (xsd:date and xsd:dateTime comparisons, YEAR, MONTH, DATATYPE),
strings (CONTAINS, STRSTARTS, STRENDS, REGEX, LANG, LANGMATCHES, =, LCASE,
SUBSTR, STRBEFORE, STRAFTER, STRLEN) and decimals (ranges, ROUND, ABS, FLOOR,
CEIL, arithmetic), with constants from the walk; OPTIONAL, MINUS, FILTER [NOT]
EXISTS on edges the walk's nodes have in the data; BIND with GROUP BY and
COUNT, MIN, MAX, SUM (no AVG or SAMPLE: their results are not fixed by the
data alone; MIN and MAX only within one datatype); property paths (p1/p2
replacing a chain, ^p, p|q, p+, p*, p?, P7/P89* to a country, negated sets);
DISTINCT, ASK, COUNT(*). Patterns, blocks and filters appear in shuffled
textual order. Language tags are written as in the data (uz-Cyrl), though
pyoxigraph reports them lower-cased.

Every candidate is run once in a forked pyoxigraph child (killed after 5 s,
and then the candidate is dropped, so the mix leaves out what pyoxigraph
itself cannot answer quickly). Empty answers are kept for about 8% of
the indices and large ones (2 000-50 000 rows) for about 10%; any other query
above 2 000 rows is capped: wrapped in a subquery and ordered by STR() of
every projected variable, literals projected as their STR(), so the order is
total on what is compared, then LIMIT. Those are compared "ordered", the others
"multiset". Each file's leading comment gives the seed and index (so
`generate --seed S --only I` rewrites that one query), its features and the
row count pyoxigraph gave at generation. Index I depends only on the seed,
the data and pyoxigraph's version (and, for a candidate close to 5 s, on
whether it made the limit).

report: reads the --json file of query_bench.py run on DIR and prints the
distribution of the time ratios mnemo/pyoxigraph (median, 90th percentile,
worst; a histogram), the five worst queries, the disagreements and failures,
and whether the targets hold: every query mnemo <= max(pyoxigraph + 1 ms,
1.5 x pyoxigraph), and median ratio <= 0.5. With --failures, the failing
queries (disagreement, error, timeout, no time, or target missed) are copied
there. Exit status: 0 when every query was answered on both sides and agreed.
"""
import argparse
import itertools
import json
import math
import os
import random
import re
import select
import shutil
import signal
import statistics
import sys
import time
from decimal import Decimal

SEED = 20251204
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CRM = "http://www.cidoc-crm.org/cidoc-crm/"
PREFIXES = {"rdf": RDF, "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": XSD, "crm": CRM,
            "skos": "http://www.w3.org/2004/02/skos/core#", "owl": "http://www.w3.org/2002/07/owl#",
            "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#"}
RDF_TYPE, LABEL = RDF + "type", PREFIXES["rdfs"] + "label"
P7, P89, SAME_AS = CRM + "P7_took_place_at", CRM + "P89_falls_within", PREFIXES["owl"] + "sameAs"
DATE_TYPES = (XSD + "date", XSD + "dateTime")
SIBLINGS = [{CRM + "P82a_begin_of_the_begin", CRM + "P82b_end_of_the_end"},
            {LABEL, CRM + "P190_has_symbolic_content", CRM + "P3_has_note"},
            {CRM + "P98_brought_into_life", CRM + "P100_was_death_of"},
            {CRM + "P108_has_produced", CRM + "P14_carried_out_by"},
            {PREFIXES["skos"] + "exactMatch", SAME_AS}, {CRM + "P1_is_identified_by", CRM + "P2_has_type"}]
HUB, SCREEN_TIMEOUT, CAP_ROWS, MAX_ROWS = 300, 5.0, 2000, 50000


# ---------------------------------------------------------------------------
# Terms

def escape(text):
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def iri(value):
    for prefix, ns in PREFIXES.items():
        local = value[len(ns):]
        if value.startswith(ns) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", local):
            return "a" if value == RDF_TYPE else f"{prefix}:{local}"
    return f"<{value}>"


def const(term):
    if type(term).__name__ == "NamedNode":
        return iri(term.value)
    text = f'"{escape(term.value)}"'
    if term.language:  # pyoxigraph lower-cases tags; written as in the data (uz-Cyrl)
        first, *rest = term.language.split("-")
        rest = [t.title() if len(t) == 4 else t.upper() if len(t) == 2 else t for t in rest]
        return f"{text}@{'-'.join([first] + rest)}"
    if term.datatype.value != XSD + "string":
        return f"{text}^^{iri(term.datatype.value)}"
    return text


def is_iri(term):
    return type(term).__name__ == "NamedNode"


def key(term):
    return str(term)


# ---------------------------------------------------------------------------
# The walk

class Data:
    def __init__(self, path):
        import pyoxigraph as ox
        self.ox, self.path = ox, path
        self.size = os.path.getsize(path)
        self.store = ox.Store()
        self.store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
        self.object_kind = {}  # predicate -> "iri" | "literal" | "any"
        for r in self.store.query("SELECT ?p (SUM(IF(isIRI(?o), 1, 0)) AS ?i) (COUNT(*) AS ?n) "
                                  "WHERE { ?s ?p ?o } GROUP BY ?p", use_default_graph_as_union=True):
            i, n = int(r["i"].value), int(r["n"].value)
            self.object_kind[r["p"].value] = "iri" if i == n else "literal" if i == 0 else "any"

    def random_quad(self, rng):
        with open(self.path, "rb") as f:
            f.seek(rng.randrange(self.size))
            f.readline()
            line = f.readline() or (f.seek(0) or f.readline())
        return next(self.ox.parse(input=line, format=self.ox.RdfFormat.N_QUADS))

    def edges(self, node, inwards=True):
        out = list(itertools.islice(self.store.quads_for_pattern(node, None, None, None), HUB))
        if not inwards:
            return out
        inc = list(itertools.islice(self.store.quads_for_pattern(None, None, node, None), HUB + 1))
        return out + (inc if len(inc) <= HUB else [])

    def walk(self, rng, length):
        edges = [self.random_quad(rng)]
        seen = {key(edges[0])}
        for _ in range(length * 4):
            if len(edges) >= length:
                break
            nodes = list(dict.fromkeys(t for e in edges for t in (e.subject, e.object) if is_iri(t)))
            node = rng.choice(nodes)
            classes = {key(e.object) for e in edges if e.predicate.value == RDF_TYPE}
            if key(node) in classes:
                continue
            fresh = [q for q in self.edges(node) if key(q) not in seen]
            if fresh:
                q = rng.choice(fresh)
                edges.append(q)
                seen.add(key(q))
        return edges

    def root(self, place, graph):
        """The top of place's P89 chain in graph (the country)."""
        for _ in range(20):
            up = list(itertools.islice(self.store.quads_for_pattern(place, self.ox.NamedNode(P89), None, graph), 1))
            if not up:
                return place
            place = up[0].object
        return place


# ---------------------------------------------------------------------------
# One query

class Pattern:
    def __init__(self, s, p, o, graph, edge=None):
        self.s, self.p, self.o, self.graph, self.edge = s, p, o, graph, edge
        self.simple = edge is not None and not p.startswith("?")

    def text(self):
        return f"{self.s} {self.p} {self.o} ."

    def variables(self):
        return {t for t in (self.s, self.p, self.o) if t.startswith("?")}


class Builder:
    def __init__(self, data, rng):
        self.data, self.rng = data, rng
        self.used, self.kinds, self.values, self.features = set(), {}, {}, []
        self.hidden = set()      # variables a path removed from the query
        self.inner = []          # FILTERs kept inside GRAPH blocks: (block index, text)
        self.extra = []          # (kind, text[, input variable of a BIND]) for the group

    def fresh(self, base):
        base = re.sub(r"[^A-Za-z0-9]", "", base) or "x"
        name, i = base, 2
        while name in self.used:
            name, i = f"{base}{i}", i + 1
        self.used.add(name)
        return "?" + name

    @staticmethod
    def var_base(term, predicate):
        if not is_iri(term):
            local = re.sub(r"^P\d+[ab]?_", "", predicate.split("#")[-1].split("/")[-1])
            return {"begin_of_the_begin": "begin", "end_of_the_end": "end", "has_symbolic_content": "content",
                    "has_note": "note", "place_is_defined_by": "wkt"}.get(local, local)
        m = re.match(r"https://data\.mnemo\.example/inst\d+/(.*)", term.value)
        if not m:
            return "geo" if "geonames" in term.value else "x"
        words = [w for w in m.group(1).split("/") if not w.isdigit()]
        return words[-2] + "Time" if words[-1] == "time" and len(words) > 1 else words[-1]

    # -- the basic graph pattern --------------------------------------------
    def patterns(self, edges):
        rng = self.rng
        classes = {key(e.object) for e in edges if e.predicate.value == RDF_TYPE}
        nodes = list(dict.fromkeys(t for e in edges for t in (e.subject, e.object)))
        p_const = rng.uniform(0.0, 0.35)
        names = {}
        for t in nodes:
            k = key(t)
            if k in classes:
                continue
            keep = 0.25 if not is_iri(t) else 0.8 if "/type/" in t.value else 0.4 if "geonames" in t.value else p_const
            if rng.random() >= keep:
                names[k] = None
        open_nodes = [t for t in nodes if key(t) not in classes]
        if not names:
            names[key(rng.choice(open_nodes))] = None
        if rng.random() < 0.6 and len(names) == len(open_nodes) > 1:
            del names[key(rng.choice(open_nodes))]  # anchor: one constant from the walk
        for t in nodes:
            k = key(t)
            if k in names:
                pred = next(e.predicate.value for e in edges if key(e.object) == k or key(e.subject) == k)
                names[k] = self.fresh(self.var_base(t, pred))
                self.values[names[k]] = t
        term = lambda t: names.get(key(t)) or const(t)
        out = []
        for e in edges:
            p = iri(e.predicate.value)
            if rng.random() < 0.07:
                p = self.fresh("p")
                self.kinds[p] = "iri"
            out.append(Pattern(term(e.subject), p, term(e.object), e.graph_name.value, e))
        for var in names.values():
            kinds = set()
            for pat in out:
                if pat.s == var:
                    kinds.add("iri")
                if pat.o == var:
                    kinds.add("any" if pat.p.startswith("?") else self.data.object_kind[pat.edge.predicate.value])
            self.kinds[var] = kinds.pop() if len(kinds) == 1 else "iri" if kinds <= {"iri"} else "any"
        return out

    # -- property paths -------------------------------------------------------
    def path(self, pats):
        rng, simple = self.rng, [p for p in pats if p.simple]
        if not simple:
            return
        choice = rng.choice(["seq", "seq", "inv", "alt", "alt", "trans", "trans", "trans", "nps"])
        if choice == "seq":
            for y in rng.sample(sorted(self.kinds), len(self.kinds)):
                two = [p for p in pats if y in (p.s, p.o)]
                if len(two) != 2 or not all(p.simple for p in two) or two[0].graph != two[1].graph:
                    continue
                e1, e2 = two
                a = e1.s if e1.o == y else e1.o
                b = e2.o if e2.s == y else e2.s
                if a == b or y in (a, b):
                    continue
                step1 = e1.p if e1.o == y else "^" + e1.p
                step2 = e2.p if e2.s == y else "^" + e2.p
                pats[pats.index(e1)] = Pattern(a, f"{step1}/{step2}", b, e1.graph)
                pats.remove(e2)
                self.hidden.add(y)
                self.features.append("path:seq")
                return
            choice = "inv"
        pat = rng.choice(simple)
        i, pred = pats.index(pat), pat.edge.predicate.value
        if choice == "trans" and self.transitive(pats, simple):
            return
        if choice == "trans":
            choice = "alt"
        if choice == "alt":
            group = next((g for g in SIBLINGS if pred in g), None)
            if group:
                other = iri(rng.choice(sorted(group - {pred})))
                alt = [pat.p, other]
                rng.shuffle(alt)
                pats[i] = Pattern(pat.s, f"({'|'.join(alt)})", pat.o, pat.graph)
                self.features.append("path:alt")
                return
        if choice == "nps" and pred not in (RDF_TYPE, LABEL) and not (pat.s.startswith("?") and pat.o.startswith("?")):
            pats[i] = Pattern(pat.s, "!(a|rdfs:label)", pat.o, pat.graph)
            self.features.append("path:!")
            return
        pats[i] = Pattern(pat.o, "^" + pat.p, pat.s, pat.graph)
        self.features.append("path:^")

    def transitive(self, pats, simple):
        """p+, p*, p? on a P89 or sameAs edge; else a place of the walk with its
        country (P7/P89* <country>, or a P89* / P89+ pattern added)."""
        rng = self.rng
        chains = [p for p in simple if p.edge.predicate.value in (P89, SAME_AS)]
        if chains and rng.random() < 0.6:
            pat = rng.choice(chains)
            both = pat.s.startswith("?") and pat.o.startswith("?")  # * and ? then match every node
            op = rng.choice(["+", "+", "+", "*"] if both else ["+", "*", "*", "?"])
            pats[pats.index(pat)] = Pattern(pat.s, pat.p + op, pat.o, pat.graph)
            self.features.append("path:" + op)
            return True
        places = [(p, end, t) for p in simple for end, t in ((p.s, p.edge.subject), (p.o, p.edge.object))
                  if is_iri(t) and "/place/" in t.value]
        if not places:  # an event of the walk that took place somewhere: P7/P89* <country>
            events = [(p, end, q) for p in simple for end, t in ((p.s, p.edge.subject), (p.o, p.edge.object))
                      if is_iri(t) for q in self.data.store.quads_for_pattern(t, self.data.ox.NamedNode(P7), None)]
            if not events:
                return False
            pat, end, q = rng.choice(events)
            top = const(self.data.root(q.object, q.graph_name))
            pats.append(Pattern(end, f"{iri(P7)}/{iri(P89)}*", top, q.graph_name.value))
            self.features.append("path:P7/P89*")
            return True
        pat, end, place = rng.choice(places)
        top = const(self.data.root(place, pat.edge.graph_name))
        alone = end.startswith("?") and sum(end in q.variables() for q in pats) == 1
        if pat.edge.predicate.value == P7 and end == pat.o and (alone or not end.startswith("?")):
            if end.startswith("?"):
                self.hidden.add(end)
            pats[pats.index(pat)] = Pattern(pat.s, f"{pat.p}/{iri(P89)}*", top, pat.graph)
            self.features.append("path:P7/P89*")
        elif rng.random() < 0.5:
            pats.append(Pattern(end, iri(P89) + "*", top, pat.graph))
            self.features.append("path:*")
        else:
            above = self.fresh("region")
            self.kinds[above] = "iri"
            pats.append(Pattern(end, iri(P89) + "+", above, pat.graph))
            self.features.append("path:+")
        return True

    # -- filters ---------------------------------------------------------------
    def date_condition(self, var, value):
        rng, lex, dt = self.rng, value.value, value.datatype.value
        y = int(lex[:4])
        lo, hi = y - rng.randint(0, 40), y + rng.randint(1, 40)
        if rng.random() < 0.1:
            dt = DATE_TYPES[1 - DATE_TYPES.index(dt)]
        bound = lambda year, m="01-01": f'"{year:04d}-{m}{"T00:00:00" if dt.endswith("dateTime") else ""}"^^{iri(dt)}'
        kind = rng.choice(["range", "range", "year", "years", "eq", "prefix", "datatype", "month"])
        self.features.append("filter:date-" + kind)
        return {"range": f"{var} >= {bound(lo)} && {var} < {bound(hi)}",
                "year": f"YEAR({var}) = {y}",
                "years": f"YEAR({var}) >= {lo} && YEAR({var}) <= {hi}",
                "eq": f"{var} = {const(value)}",
                "prefix": f'STRSTARTS(STR({var}), "{lex[:3]}")',
                "datatype": f"DATATYPE({var}) = {iri(dt)} && {var} < {bound(hi)}",
                "month": f"MONTH({var}) = {int(lex[5:7])} && YEAR({var}) > {lo}"}[kind]

    def string_condition(self, var, value):
        rng, s, lang = self.rng, value.value, value.language
        words = re.findall(r"[^\W\d_]{2,}", s)
        start = re.match(r"[^\W\d_]{2,}", s)
        kinds = ["contains", "starts", "ends", "lang", "eq", "streq", "lcase", "strlen", "substr"]
        kinds += ["before", "after"] if " " in s else []
        kinds += ["regex", "regex-i"] if words else []
        kinds += ["langmatches"] if lang else []
        kind = rng.choice(kinds)
        self.features.append("filter:" + kind)
        n = len(s)
        i = rng.randrange(max(1, n - 1))
        sub = s[i:i + rng.randint(2, 5)] or s
        word = rng.choice(words) if words else ""
        return {"contains": f'CONTAINS({var}, "{escape(sub)}")',
                "starts": f'STRSTARTS({var}, "{escape(s[:rng.randint(1, 4)])}")',
                "ends": f'STRENDS(STR({var}), "{escape(s[-rng.randint(1, 4):])}")',
                "lang": f'LCASE(LANG({var})) = "{lang or ""}"' if "-" in (lang or "") else f'LANG({var}) = "{lang or ""}"',
                "langmatches": f'LANGMATCHES(LANG({var}), "{(lang or "").split("-")[0]}")',
                "eq": f"{var} = {const(value)}",
                "streq": f'STR({var}) = "{escape(s)}"',
                "lcase": f'CONTAINS(LCASE(STR({var})), "{escape(s.lower()[i:i + 3])}")',
                "strlen": f"STRLEN({var}) >= {max(0, n - rng.randint(0, 5))}",
                "substr": f'STR(SUBSTR({var}, {i + 1}, 3)) = "{escape(s[i:i + 3])}"',
                "before": f'STR(STRBEFORE({var}, " ")) = "{escape(s.split(" ", 1)[0])}"',
                "after": f'STRAFTER(STR({var}), " ") = "{escape(s.split(" ", 1)[-1])}"',
                "regex": f'REGEX({var}, "{"^" + start.group(0)[:4] if start else word[-3:]}")',
                "regex-i": f'REGEX({var}, "{word[:rng.randint(2, 4)].lower()}", "i")'}[kind]

    def number_condition(self, var, value):
        """Conditions on an xsd:decimal (the places' lat and long)."""
        rng, v = self.rng, Decimal(value.value)
        kind = rng.choice(["range", "round", "abs", "floor", "arith"])
        self.features.append("filter:number-" + kind)
        lo, hi = v - Decimal(rng.randint(0, 30)) / 10, v + Decimal(rng.randint(1, 30)) / 10
        return {"range": f"{var} >= {lo} && {var} < {hi}",
                "round": f"ROUND({var}) = {math.floor(v + Decimal('0.5'))}",
                "abs": f"ABS({var} - {hi}) < {hi - lo}",
                "floor": f"FLOOR({var}) = {math.floor(v)} || CEIL({var}) = {math.ceil(v) + 1}",
                "arith": f"{var} * 2 - 1 > {2 * lo - 1}"}[kind]

    def literal_vars(self, kind):
        """The walk's literal variables of kind "date", "string" or "number"."""
        types = {"date": DATE_TYPES, "string": (XSD + "string", RDF + "langString"), "number": (XSD + "decimal",)}
        return [var for var, value in self.values.items()
                if var not in self.hidden and not is_iri(value) and value.datatype.value in types[kind]]

    def filters(self, block_of):
        rng = self.rng
        for kind, make in (("date", self.date_condition), ("string", self.string_condition),
                           ("number", self.number_condition)):
            candidates = self.literal_vars(kind)
            if not candidates or rng.random() > 0.45:
                continue
            var = rng.choice(candidates)
            cond, other = make(var, self.values[var]), var
            if rng.random() < 0.2:
                other = rng.choice(candidates)
                cond = f"({cond}) {rng.choice(['||', '&&'])} ({make(other, self.values[other])})"
            graph = block_of.get(var)
            if graph is not None and block_of.get(other) == graph and rng.random() < 0.3:
                self.inner.append((graph, f"FILTER({cond})"))
            else:
                self.extra.append(("filter", f"FILTER({cond})"))

    # -- OPTIONAL, MINUS, [NOT] EXISTS -----------------------------------------
    def probe(self, graph_var, feature):
        """A pattern on an edge that a node of the walk has in the data. Under
        MINUS and NOT EXISTS, half the time its other end is swapped for
        another node's (so the walk itself is not removed); a few MINUS share
        no variable (and so remove nothing)."""
        negated = feature != "optional"
        rng = self.rng
        nodes = [v for v, t in self.values.items() if is_iri(t) and v not in self.hidden]
        if not nodes:
            return None
        var = rng.choice(nodes)
        edges = [e for e in self.data.edges(self.values[var]) if not negated or e.predicate.value != RDF_TYPE]
        if not edges:
            return None
        e = rng.choice(edges)
        inwards = key(e.object) == key(self.values[var])
        other = e.subject if inwards else e.object
        if negated and rng.random() < 0.5:
            quads = itertools.islice(self.data.store.quads_for_pattern(None, e.predicate, None, None), 2000)
            ends = dict.fromkeys(q.subject if inwards else q.object for q in quads)
            ends = [t for t in ends if key(t) != key(other)]
            other = rng.choice(ends) if ends else other
            end = const(other)
        elif rng.random() < 0.4 or e.predicate.value == RDF_TYPE:
            end = const(other)
        else:
            end = self.fresh(self.var_base(other, e.predicate.value))
            self.kinds[end] = "iri" if is_iri(other) else "literal"
        if feature == "minus" and not end.startswith("?") and rng.random() < 0.15:
            var = self.fresh("unshared")
            self.used.discard(var[1:])
        text = f"{end} {iri(e.predicate.value)} {var} ." if inwards else f"{var} {iri(e.predicate.value)} {end} ."
        outer = self.literal_vars("string")
        if end.startswith("?") and not is_iri(other) and other.language and rng.random() < 0.5:
            tag = rng.choice(["en", "ru", "kk", "uz-Latn", "UZ"])  # LANGMATCHES ignores case, = does not
            text += f' FILTER(LANGMATCHES(LANG({end}), "{tag}"))' if rng.random() < 0.5 or "-" in tag else \
                f' FILTER(LANG({end}) = "{tag.lower()}")'
        elif end.startswith("?") and not is_iri(other) and outer and not negated and rng.random() < 0.3:
            o = rng.choice(outer)  # a filter on an outer variable inside OPTIONAL
            text += rng.choice([f" FILTER(STR({end}) != STR({o}))", f" FILTER(LANG({end}) = LANG({o}))"])
        if graph_var and rng.random() < 0.25:
            text = f"GRAPH {graph_var} {{ {text} }}"
        return text, end

    # -- assembly --------------------------------------------------------------
    def build(self):
        rng = self.rng
        edges = self.data.walk(rng, rng.randint(2, 8))
        if len(edges) < 2:
            return None
        pats = self.patterns(edges)
        if rng.random() < 0.35:
            self.path(pats)
        self.features.insert(0, f"bgp:{len(pats)}")

        # GRAPH blocks: each block's triples come from one graph of the data.
        blocks, outside = [], list(pats)
        if rng.random() < 0.65:
            k = rng.choice([1, 1, 2, 2, 3])
            by_graph = {}
            for p in pats:
                by_graph.setdefault(p.graph, []).append(p)
            blocks = [[g, ps] for g, ps in by_graph.items()]
            rng.shuffle(blocks)
            while len(blocks) < k and any(len(ps) > 1 for _, ps in blocks):
                g, ps = rng.choice([b for b in blocks if len(b[1]) > 1])
                # Mostly a cut leaving both blocks connected; else any cut.
                cuts = [c for c in range(1, len(ps)) if connected(ps[:c]) and connected(ps[c:])]
                cut = rng.choice(cuts) if cuts and rng.random() < 0.8 else rng.randint(1, len(ps) - 1)
                blocks.remove([g, ps])
                blocks += [[g, ps[:cut]], [g, ps[cut:]]]
            blocks = blocks[:k]
            inside = {id(p) for _, ps in blocks for p in ps}
            outside = [p for p in pats if id(p) not in inside]
            graph_terms, shared = {}, rng.random() < 0.8
            for b in blocks:
                g = b[0]
                if g not in graph_terms or not shared:
                    graph_terms[g] = iri(g) if rng.random() < 0.5 else self.fresh("g")
                    if graph_terms[g].startswith("?"):
                        self.kinds[graph_terms[g]] = "iri"
                b.append(graph_terms[g])
            kinds = sorted({"var" if t.startswith("?") else "const" for *_, t in blocks})
            self.features.append(f"graph:{len(blocks)}({','.join(kinds)})")
        block_of = {v: i for i, (_, ps, _) in enumerate(blocks) for p in ps for v in p.variables()}
        self.filters(block_of)

        graph_var = next((t for *_, t in blocks if t.startswith("?")), None)
        for feature, chance in (("optional", 0.22), ("minus", 0.1), ("not-exists", 0.1), ("exists", 0.04)):
            if rng.random() < chance:
                probe = self.probe(graph_var, feature)
                if probe is None:
                    continue
                text, end = probe
                if feature != "optional" and end.startswith("?"):
                    self.used.discard(end[1:])  # local to the MINUS / EXISTS
                    self.kinds.pop(end, None)
                wrap = {"optional": "OPTIONAL", "minus": "MINUS", "not-exists": "FILTER NOT EXISTS",
                        "exists": "FILTER EXISTS"}[feature]
                self.extra.append(("optional" if feature in ("optional", "minus") else "filter",
                                   f"{wrap} {{ {text} }}"))
                self.features.append(feature)

        group = rng.random() < 0.18 and self.grouping()
        body = self.body(outside, blocks)
        return self.select(body, group)

    def grouping(self):
        """Adds a BIND and returns (keys, aggregates, having) or None."""
        rng = self.rng
        dates, strings = self.literal_vars("date"), self.literal_vars("string")
        iris = [v for v, k in self.kinds.items() if k == "iri" and v not in self.hidden]
        numbers = self.literal_vars("number")
        options = (["date"] if dates else []) + (["string"] if strings else []) + (["iri"] if iris else []) \
            + (["number"] if numbers else [])
        if not options:
            return None
        choice, keys, aggs = rng.choice(options), [], [f"(COUNT(*) AS {self.fresh('n')})"]
        if choice == "date":
            d = rng.choice(dates)
            key_var = self.fresh("year" if rng.random() < 0.6 else "century")
            expr = f"YEAR({d})" if key_var.startswith("?year") else f"SUBSTR(STR({d}), 1, 2)"
            keys = [key_var, f"(DATATYPE({d}) AS {self.fresh('type')})"] if rng.random() < 0.5 else [key_var]
            aggs += [f"(MIN({d}) AS {self.fresh('first')})", f"(MAX({d}) AS {self.fresh('last')})"] \
                if len(keys) == 2 else [f"(MIN(STR({d})) AS {self.fresh('first')})",
                                        f"(SUM(MONTH({d})) AS {self.fresh('months')})"]
        elif choice == "string":
            s = rng.choice(strings)
            key_var = self.fresh(rng.choice(["lang", "initial"]))
            expr = f"LANG({s})" if key_var.startswith("?lang") else f"UCASE(SUBSTR(STR({s}), 1, 1))"
            keys = [key_var]
            aggs += [f"(MIN(STR({s})) AS {self.fresh('min')})", f"(MAX(STRLEN({s})) AS {self.fresh('longest')})",
                     f"(SUM(STRLEN({s})) AS {self.fresh('chars')})"]
        elif choice == "number":
            x = rng.choice(numbers)
            key_var = self.fresh("band")
            expr, keys = f"FLOOR({x} / 5) * 5", [key_var]
            aggs += [f"(MIN({x}) AS {self.fresh('min')})", f"(MAX({x}) AS {self.fresh('max')})",
                     f"(SUM({x}) AS {self.fresh('sum')})"]
        else:
            keys, expr, key_var = [rng.choice(iris)], None, None
        others = [v for v in iris if v not in keys]
        if others:
            aggs.append(f"(COUNT(DISTINCT {rng.choice(others)}) AS {self.fresh('distinct')})")
        if expr:
            self.extra.append(("bind", f"BIND({expr} AS {key_var})", re.findall(r"\?\w+", expr)[0]))
        having = "HAVING (COUNT(*) > 1)" if rng.random() < 0.2 else ""
        self.features.append("group:" + choice + ("+bind" if expr else ""))
        return keys, aggs[:rng.randint(1, len(aggs))], having

    def body(self, outside, blocks):
        rng = self.rng
        elements = [(p.text(), p.variables()) for p in outside]
        for i, (g, ps, term) in enumerate(blocks):
            lines = [p.text() for p in ps] + [f for gi, f in self.inner if gi == i]
            rng.shuffle(lines)
            variables = set().union(*(p.variables() for p in ps))
            elements.append((f"GRAPH {term} {{\n    " + "\n    ".join(lines) + "\n  }", variables))
        rng.shuffle(elements)
        # FILTERs apply to the whole group wherever they are; OPTIONAL and MINUS
        # mostly come last, BIND mostly right after the pattern binding its input.
        for kind, text, *bound in self.extra:
            if kind == "bind" and rng.random() < 0.85:
                at = 1 + max((j for j, (_, vs) in enumerate(elements) if bound[0] in vs), default=-1)
            elif kind == "optional" and rng.random() < 0.8:
                at = len(elements)
            else:
                at = rng.randint(0, len(elements))
            elements.insert(at, (text, set()))
        return "  " + "\n  ".join(text for text, _ in elements)

    def select(self, body, group):
        rng = self.rng
        scope = [v for v in sorted(self.kinds) if v not in self.hidden and v[1:] in self.used]
        r = rng.random()
        if r < 0.03:
            self.features.append("ask")
            return f"ASK {{\n{body}\n}}\n", [], "boolean"
        if group:
            keys, aggs, having = group
            names = [k.split(" AS ")[-1].rstrip(")") if k.startswith("(") else k for k in keys]
            head = f"SELECT {' '.join(names)} {' '.join(aggs)}"
            tail = f"GROUP BY {' '.join(keys)}" + (f"\n{having}" if having else "")
            out = names + [a.split(" AS ")[1].rstrip(")") for a in aggs]
            return f"{head}\nWHERE {{\n{body}\n}}\n{tail}\n", [(v, "iri" if v in scope and self.kinds.get(v) == "iri"
                                                               else "literal") for v in out], "multiset"
        if r < 0.1 or not scope:
            self.features.append("count")
            return f"SELECT (COUNT(*) AS ?n)\nWHERE {{\n{body}\n}}\n", [("?n", "literal")], "multiset"
        if rng.random() < 0.25:
            projected, head = scope, "SELECT *"
        else:
            projected = rng.sample(scope, rng.randint(1, len(scope)))
            distinct = rng.random() < 0.2
            if distinct:
                self.features.append("distinct")
            head = f"SELECT {'DISTINCT ' if distinct else ''}{' '.join(projected)}"
        return f"{head}\nWHERE {{\n{body}\n}}\n", [(v, self.kinds.get(v, "any")) for v in projected], "multiset"


def connected(pats):
    """Whether the patterns form one connected graph (through shared terms)."""
    reached, rest = {pats[0].s, pats[0].o}, pats[1:]
    while rest:
        linked = [p for p in rest if p.s in reached or p.o in reached]
        if not linked:
            return False
        for p in linked:
            reached |= {p.s, p.o}
            rest.remove(p)
    return True


def prologue(text):
    used = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if re.search(rf"(?<![\w<]){p}:", text)]
    return "\n".join(used) + ("\n" if used else "")


def cap(text, projected, limit):
    """text (a SELECT) as a subquery, ordered by STR() of every projected
    variable (literals projected as their STR()), then LIMIT."""
    head, keys = [], []
    for var, kind in projected:
        keys.append(f'COALESCE(STR({var}), "")')
        head.append(var if kind == "iri" else f'(COALESCE(STR({var}), "") AS {var}_str)')
    inner = "    " + text.strip().replace("\n", "\n    ")
    return (f"SELECT {' '.join(head)}\nWHERE {{\n  {{\n{inner}\n  }}\n}}\n"
            f"ORDER BY {' '.join(keys)}\nLIMIT {limit}\n")


def screen(store, text):
    """Runs text in a forked child: (rows, seconds), or None on timeout or error."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            start = time.perf_counter()
            r = store.query(text, use_default_graph_as_union=True)
            rows = sum(1 for _ in r) if hasattr(r, "variables") else 1
            os.write(write, json.dumps([rows, time.perf_counter() - start]).encode())
        except BaseException as error:
            os.write(write, json.dumps(["error", str(error)]).encode())
        finally:
            os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], SCREEN_TIMEOUT)
    answer = os.read(read, 65536) if ready else b""
    if not ready:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read)
    result = json.loads(answer) if answer else None
    if result and result[0] == "error":
        raise SystemExit(f"pyoxigraph rejected a generated query ({result[1]}):\n{text}")
    return result


def generate_one(data, seed, index):
    rng = random.Random(f"{seed}/{index}")
    allow_empty, allow_large = rng.random() < 0.08, rng.random() < 0.1
    for attempt in range(100):
        b = Builder(data, rng)
        built = b.build()
        if built is None:
            continue
        body, projected, mode = built
        text = prologue(body) + body
        screened = screen(data.store, text)
        if screened is None or (screened[0] == 0 and not allow_empty):
            continue
        rows, seconds = screened
        if rows > MAX_ROWS or rows > CAP_ROWS and not allow_large:
            if mode != "multiset":
                continue
            limit = rng.choice([20, 100, 500, 1000])
            body = cap(body, projected, limit)
            text = prologue(body) + body
            screened = screen(data.store, text)
            if screened is None:
                continue
            rows, seconds = screened
            mode = "ordered"
            b.features.append(f"capped:LIMIT {limit}")
        header = (f"# Random query {index} (seed {seed}, attempt {attempt}; "
                  f"regenerate: random_queries.py generate --data FILE --out DIR --seed {seed} --only {index})\n"
                  f"# features: {' '.join(b.features)}\n"
                  f"# pyoxigraph at generation: {rows} {'result' if mode == 'boolean' else 'rows'}, "
                  f"{seconds * 1000:.1f} ms\n# compare: {mode}\n")
        return header + text
    raise SystemExit(f"no query for index {index} after 100 attempts")


# ---------------------------------------------------------------------------
# The report

def report(args):
    with open(args.json, encoding="utf-8") as f:
        rows = json.load(f)["queries"]
    target = lambda r: r["mnemo_seconds"] <= max(r["oxigraph_seconds"] + 0.001, 1.5 * r["oxigraph_seconds"])
    timed = [r for r in rows if r["mnemo_seconds"] is not None and r["oxigraph_seconds"]]
    for r in timed:
        r["ratio"] = r["mnemo_seconds"] / r["oxigraph_seconds"]
    timed.sort(key=lambda r: r["ratio"])
    ratios = [r["ratio"] for r in timed]
    disagree = [r for r in rows if r["agree"] == "NO"]
    errors = [r for r in rows if r["agree"] == "error"]
    timeouts = [r for r in errors if any("limit and was stopped" in n or "timed out" in n for n in r["notes"])]
    missed = [r for r in timed if not target(r)]
    timed_names = {r["query"] for r in timed}
    failing = {r["query"] for r in disagree + errors + missed} | {r["query"] for r in rows} - timed_names

    ms = lambda s: f"{s * 1000:.2f}"
    print(f"\nDifferential benchmark: {len(rows)} random queries, {len(timed)} timed on both sides")
    if ratios:
        p90 = ratios[max(0, math.ceil(0.9 * len(ratios)) - 1)]
        print(f"ratio mnemo/pyoxigraph: median {statistics.median(ratios):.2f}, p90 {p90:.2f}, "
              f"best {ratios[0]:.2f}, worst {ratios[-1]:.2f}")
        edges = [0.25, 0.5, 1, 1.5, 3, 10, math.inf]
        counts = [sum(1 for x in ratios if lo <= x < hi) for lo, hi in zip([0] + edges, edges)]
        print("histogram: " + ", ".join(f"<{hi:g}: {c}" if hi != math.inf else f">={edges[-2]:g}: {c}"
                                        for hi, c in zip(edges, counts)))
        print("worst five (mnemo ms / pyoxigraph ms"
              + (f"; not ranked: {len(rows) - len(timed)} without a time):" if len(timed) < len(rows) else "):"))
        for r in reversed(timed[-5:]):
            print(f"  {r['query']}  {r['ratio']:.2f}  {ms(r['mnemo_seconds'])} / {ms(r['oxigraph_seconds'])}"
                  f"  rows {r['rows_oxigraph']}  [{features(args.queries, r['query'])}]")
    print(f"agree: {sum(r['agree'] == 'yes' for r in rows)}; disagree: {len(disagree)}; errors: {len(errors)} "
          f"(timeouts: {len(timeouts)}); not timed: {len(rows) - len(timed)}")
    untimed = len(rows) - len(timed)
    print(f"target: every query <= max(pyoxigraph + 1 ms, 1.5x) ... "
          + ("met" if not missed and not untimed else f"NOT met ({len(missed)} slower, {untimed} not timed)"))
    if ratios:
        print(f"target: median ratio <= 0.5 ......................... "
              f"{'met' if statistics.median(ratios) <= 0.5 else 'NOT met'} ({statistics.median(ratios):.2f})")
    for r in (disagree + errors)[:args.show]:
        print(f"\n{r['query']} ({r['agree']}): [{features(args.queries, r['query'])}]")
        for note in r["notes"][:8]:
            print(f"    {note}")
    if args.failures:
        shutil.rmtree(args.failures, ignore_errors=True)
        os.makedirs(args.failures)
        for name in sorted(failing):
            shutil.copy(os.path.join(args.queries, name + ".rq"), args.failures)
        print(f"\n{len(failing)} failing queries (disagreement, error, no time or target missed) "
              f"copied to {args.failures}")
    return 0 if all(r["agree"] == "yes" for r in rows) else 1


def features(directory, name):
    with open(os.path.join(directory, name + ".rq"), encoding="utf-8") as f:
        m = re.search(r"^# features: (.*)$", f.read(), re.M)
    return m.group(1) if m else ""


def main(argv):
    p = argparse.ArgumentParser(description="Random differential SPARQL queries from the data.")
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--data", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--count", type=int, default=500)
    g.add_argument("--seed", type=int, default=SEED)
    g.add_argument("--only", type=int, metavar="INDEX", help="write only this index")
    r = sub.add_parser("report")
    r.add_argument("--json", required=True)
    r.add_argument("--queries", required=True)
    r.add_argument("--failures")
    r.add_argument("--show", type=int, default=10, help="disagreements and errors shown (default 10)")
    args = p.parse_args(argv)
    if args.command == "report":
        return report(args)
    start = time.perf_counter()
    data = Data(args.data)
    print(f"loaded {len(data.store)} quads in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    for index in [args.only] if args.only is not None else range(args.count):
        with open(os.path.join(args.out, f"rq{index:04d}.rq"), "w", encoding="utf-8") as f:
            f.write(generate_one(data, args.seed, index))
        if index % 50 == 49:
            print(f"{index + 1} queries ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
