#!/usr/bin/env python3
"""SPARQL query benchmark: Mnemo against pyoxigraph on the same data and queries.

Usage:
  query_bench.py --store-mnemo sqlite:PATH --data FILE --queries DIR [--runs 5]
                 [--mnemo BIN] [--oxigraph-store DIR] [--timeout SECONDS]
                 [--mnemo-timeout SECONDS] [--json FILE] [--skip-mnemo]
                 [--skip-oxigraph] [--show N]

Every DIR/*.rq file is one query. Its leading comment says what it asks; a
comment line "# compare: ordered|multiset|graph" says how results are compared
(default: "ordered" when the query has ORDER BY, "graph" for CONSTRUCT and
DESCRIBE, "multiset" otherwise). Results must be deterministic: ordered queries
need a total ORDER BY.

pyoxigraph (run inside this process, pyoxigraph must be importable):
  * FILE is bulk-loaded into an in-memory Store (or, with --oxigraph-store, into
    an on-disk store at DIR, reused when it is not empty);
  * queries run with use_default_graph_as_union=True, so the default graph is
    the union of the named graphs as in Mnemo;
  * each query's time covers query() plus serializing the whole result in
    memory (SELECT/ASK: SPARQL TSV; CONSTRUCT: N-Triples). All queries are run
    round-robin --runs + 1 times; the first round is a warm-up and is dropped;
    the median of the others is reported;
  * results are read from the Python term objects (an untimed extra run).

Mnemo (separate processes; the CLI contract assumed):
  mnemo query --store URL [--format tsv|ntriples] [--time] (-e QUERY | FILE...)
  * several query files are answered in one process, with the store opened
    once, results written to stdout one after another;
  * --format tsv writes SPARQL 1.1 TSV (a header of ?vars, then rows of terms
    in N-Triples/Turtle form, numbers possibly bare, ASK as "true"/"false");
    CONSTRUCT results are requested with --format ntriples;
  * --time writes one line per query to stderr: "<file>: <seconds> s".
  * --timeout SECONDS (passed only with --mnemo-timeout) stops a query that
    runs longer; mnemo reports it on stderr and goes on with the next file.
  Results check: one process per query ("mnemo query --store URL --format F
  q.rq"), so each stdout holds exactly one result. Timing: one process per
  format for all queries of that format, the list repeated --runs + 1 times
  round-robin ("... --time q1.rq q2.rq ... q1.rq q2.rq ..."); the first round
  is dropped, medians of the others are reported. When that process fails or
  reports too few times, the missing queries are timed alone, one process
  each. Store open time: "mnemo query --store URL -e 'ASK {}' --time" wall time
  (measured here, so it includes process start-up) minus the reported query
  time, median of 5. Index size: "mnemo stats --store URL" lines
  "… N quads …" and "index N KiB, dictionary M KiB".

Agreement: variables by name (column order may differ), rows with terms in a
canonical N-Triples form: language tags lower-cased, xsd:string literals
without datatype, numbers (integer, decimal, float, double and derived types)
compared by value, so 2, "2"^^xsd:integer and "2.0"^^xsd:decimal agree; blank
nodes all compare equal. Ordered queries compare the row lists, multiset
queries the row multisets, CONSTRUCT the sets of triples.

The report: one line per query (mnemo median ms, pyoxigraph median ms, ratio
mnemo/pyoxigraph, rows, agree), totals, whether the targets hold (every query
no slower than pyoxigraph; the whole mix at most half of pyoxigraph's time),
Mnemo's store open time and index bytes per quad. Exit status: 0 when every
query was answered and timed on both sides and the results agreed, 1
otherwise (the targets do not affect it).
"""
import argparse
import collections
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
NUMERIC_TYPES = {XSD + t for t in (
    "integer", "decimal", "float", "double", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "nonNegativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte", "positiveInteger")}


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Canonical terms

def escape_literal(text):
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def canonical_number(lexical):
    """A numeric lexical form as a canonical decimal string, or None."""
    try:
        value = Decimal(lexical.strip())
    except InvalidOperation:
        return None
    if value.is_nan():
        return "NaN"
    if value.is_infinite():
        return "INF" if value > 0 else "-INF"
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def canonical_literal(lexical, language=None, datatype=None):
    if language:
        return f'"{escape_literal(lexical)}"@{language.lower()}'
    if datatype in NUMERIC_TYPES:
        number = canonical_number(lexical)
        if number is not None:
            return number
    if datatype is None or datatype == XSD_STRING:
        return f'"{escape_literal(lexical)}"'
    return f'"{escape_literal(lexical)}"^^<{datatype}>'


def canonical_oxigraph(term):
    """Canonical form of a pyoxigraph term (or None for unbound)."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<{term.value}>"
    if kind == "BlankNode":
        return "_:b"
    if kind == "Literal":
        datatype = term.datatype.value if term.datatype is not None else None
        if datatype == RDF_LANG_STRING and not term.language:
            datatype = None
        return canonical_literal(term.value, term.language, datatype)
    if kind == "Triple":
        return ("<< " + canonical_oxigraph(term.subject) + " " + canonical_oxigraph(term.predicate)
                + " " + canonical_oxigraph(term.object) + " >>")
    return "?" + str(term)


# ---------------------------------------------------------------------------
# Parsing Mnemo's output (SPARQL TSV and N-Triples)

class ParseError(Exception):
    pass


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_BARE_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_LANG = re.compile(r"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)")


def _unescape(text, start, end):
    """Unescapes text[start:end] (ECHAR and UCHAR escapes)."""
    out = []
    i = start
    while i < end:
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= end:
            raise ParseError("dangling backslash")
        e = text[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e in "uU":
            width = 4 if e == "u" else 8
            digits = text[i + 2:i + 2 + width]
            if len(digits) != width:
                raise ParseError("short \\u escape")
            out.append(chr(int(digits, 16)))
            i += 2 + width
        else:
            raise ParseError(f"unknown escape \\{e}")
    return "".join(out)


def parse_term(text, i):
    """Parses one term at text[i:]; returns (canonical term, next index)."""
    n = len(text)
    if i >= n:
        raise ParseError("term expected")
    c = text[i]
    if c == "<":
        if text.startswith("<<", i):
            j = i + 2
            parts = []
            for _ in range(3):
                while j < n and text[j] == " ":
                    j += 1
                term, j = parse_term(text, j)
                parts.append(term)
            while j < n and text[j] == " ":
                j += 1
            if not text.startswith(">>", j):
                raise ParseError("unterminated quoted triple")
            return "<< " + " ".join(parts) + " >>", j + 2
        j = text.find(">", i + 1)
        if j < 0:
            raise ParseError("unterminated IRI")
        return "<" + _unescape(text, i + 1, j) + ">", j + 1
    if text.startswith("_:", i):
        j = i + 2
        while j < n and text[j] not in " \t\n.":
            j += 1
        return "_:b", j
    if c in "\"'":
        quote = c
        long_quote = text.startswith(quote * 3, i)
        j = i + (3 if long_quote else 1)
        start = j
        while True:
            if j >= n:
                raise ParseError("unterminated literal")
            if text[j] == "\\":
                j += 2
                continue
            if long_quote:
                if text.startswith(quote * 3, j):
                    end, j = j, j + 3
                    break
            elif text[j] == quote:
                end, j = j, j + 1
                break
            j += 1
        lexical = _unescape(text, start, end)
        m = _LANG.match(text, j)
        if m:
            return canonical_literal(lexical, m.group(1), None), m.end()
        if text.startswith("^^<", j):
            k = text.find(">", j + 3)
            if k < 0:
                raise ParseError("unterminated datatype IRI")
            return canonical_literal(lexical, None, _unescape(text, j + 3, k)), k + 1
        if text.startswith("^^", j):
            raise ParseError("prefixed datatype names are not supported")
        return canonical_literal(lexical), j
    for word in ("true", "false"):
        if text.startswith(word, i) and (i + len(word) == n or text[i + len(word)] in " \t\n"):
            return canonical_literal(word, None, XSD + "boolean"), i + len(word)
    m = _BARE_NUMBER.match(text, i)
    if m and m.end() > i:
        number = canonical_number(m.group(0))
        if number is not None:
            return number, m.end()
    raise ParseError(f"cannot parse term at {text[i:i + 40]!r}")


def parse_tsv(data):
    """SPARQL TSV results -> ('boolean', bool) or ('bindings', variables, rows)."""
    text = data.decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if not lines:
        raise ParseError("empty output")
    if len(lines) == 1 and lines[0].strip() in ("true", "false"):
        return ("boolean", lines[0].strip() == "true")
    header = lines[0]
    variables = [] if header == "" else header.split("\t")
    for v in variables:
        if not v.startswith("?") and not v.startswith("$"):
            raise ParseError(f"header field {v!r} is not a variable")
    variables = [v[1:] for v in variables]
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t") if variables else ([] if line == "" else [line])
        if len(fields) != len(variables):
            raise ParseError(f"line {number}: {len(fields)} fields for {len(variables)} variables")
        row = []
        for field in fields:
            field = field.strip(" ")
            if field == "":
                row.append(None)
                continue
            try:
                term, end = parse_term(field, 0)
            except ParseError as error:
                raise ParseError(f"line {number}: {error}") from None
            if field[end:].strip():
                raise ParseError(f"line {number}: trailing text {field[end:]!r}")
            row.append(term)
        rows.append(tuple(row))
    return ("bindings", variables, rows)


def parse_ntriples(data):
    """N-Triples (or N-Quads, graph dropped) -> list of canonical triple lines."""
    triples = []
    for number, line in enumerate(data.decode("utf-8").split("\n"), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        i = 0
        terms = []
        try:
            while True:
                while i < len(line) and line[i] in " \t":
                    i += 1
                if i >= len(line):
                    raise ParseError("missing final '.'")
                if line[i] == "." and len(terms) >= 3:
                    break
                term, i = parse_term(line, i)
                terms.append(term)
        except ParseError as error:
            raise ParseError(f"line {number}: {error}") from None
        if len(terms) not in (3, 4):
            raise ParseError(f"line {number}: {len(terms)} terms")
        triples.append(" ".join(terms[:3]) + " .")
    return triples


# ---------------------------------------------------------------------------
# Queries

class Query:
    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        comments = []
        self.compare = None
        for line in self.text.splitlines():
            stripped = line.strip()
            if not stripped.startswith("#"):
                break
            body = stripped.lstrip("#").strip()
            m = re.match(r"compare:\s*(\w+)", body)
            if m:
                self.compare = m.group(1).lower()
            elif body:
                comments.append(body)
        self.description = " ".join(comments)
        self.form = detect_form(self.text)
        if self.compare is None:
            if self.form in ("CONSTRUCT", "DESCRIBE"):
                self.compare = "graph"
            elif self.form == "ASK":
                self.compare = "boolean"
            elif re.search(r"\border\s+by\b", strip_sparql(self.text), re.I):
                self.compare = "ordered"
            else:
                self.compare = "multiset"
        if self.compare not in ("ordered", "multiset", "graph", "boolean"):
            raise SystemExit(f"{path}: unknown compare mode {self.compare!r}")

    @property
    def mnemo_format(self):
        return "ntriples" if self.form in ("CONSTRUCT", "DESCRIBE") else "tsv"


def strip_sparql(text):
    """The query without comments, IRIs and string literals."""
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', '""', text)
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', text)
    text = re.sub(r"<[^<>\"{}|^`\\\s]*>", "<>", text)
    return re.sub(r"#[^\n]*", " ", text)


def detect_form(text):
    m = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", strip_sparql(text), re.I)
    return m.group(1).upper() if m else "SELECT"


# ---------------------------------------------------------------------------
# Results and comparison

class Result:
    """A canonical result: kind 'bindings' (variables, rows), 'graph' (triples)
    or 'boolean' (value); or an error message."""

    def __init__(self, kind=None, variables=None, rows=None, triples=None, value=None, error=None,
                 skipped=False):
        self.kind = kind
        self.skipped = skipped  # not run at all (skipped side, or mnemo unavailable)
        self.variables = variables
        self.rows = rows
        self.triples = triples
        self.value = value
        self.error = error

    @property
    def size(self):
        if self.error is not None:
            return None
        if self.kind == "bindings":
            return len(self.rows)
        if self.kind == "graph":
            return len(set(self.triples))
        return 1


def show_row(variables, row):
    return "  ".join(f"?{v}={t if t is not None else '(unbound)'}" for v, t in zip(variables, row))


def compare(query, mnemo, oxi, show):
    """Returns (agree: bool, messages: list of str)."""
    if mnemo.error is not None or oxi.error is not None:
        return False, []
    if mnemo.kind != oxi.kind:
        return False, [f"result kinds differ: mnemo {mnemo.kind}, pyoxigraph {oxi.kind}"]
    if oxi.kind == "boolean":
        if mnemo.value == oxi.value:
            return True, []
        return False, [f"mnemo says {mnemo.value}, pyoxigraph says {oxi.value}"]
    if oxi.kind == "graph":
        m, o = set(mnemo.triples), set(oxi.triples)
        notes = []
        dup = len(mnemo.triples) - len(m)
        if dup:
            notes.append(f"note: mnemo wrote {dup} duplicate triples (compared as a set)")
        if m == o:
            return True, notes
        missing, extra = sorted(o - m), sorted(m - o)
        notes.append(f"{len(m)} triples from mnemo, {len(o)} from pyoxigraph: "
                     f"{len(missing)} missing from mnemo, {len(extra)} extra in mnemo")
        notes += [f"  missing: {t}" for t in missing[:show]]
        notes += [f"  extra:   {t}" for t in extra[:show]]
        return False, notes
    # bindings
    if sorted(mnemo.variables) != sorted(oxi.variables):
        return False, [f"variables differ: mnemo ?{' ?'.join(mnemo.variables)}, "
                       f"pyoxigraph ?{' ?'.join(oxi.variables)}"]
    index = [mnemo.variables.index(v) for v in oxi.variables]
    mrows = [tuple(row[i] for i in index) for row in mnemo.rows]
    orows = oxi.rows
    notes = []
    if query.compare == "ordered" and mrows == orows:
        return True, []
    mc, oc = collections.Counter(mrows), collections.Counter(orows)
    if mc == oc:
        if query.compare != "ordered":
            return True, []
        first = next(i for i, (a, b) in enumerate(zip(mrows, orows)) if a != b)
        return False, [f"same {len(mrows)} rows, different order; first difference at row {first + 1}:",
                       "  mnemo:      " + show_row(oxi.variables, mrows[first]),
                       "  pyoxigraph: " + show_row(oxi.variables, orows[first])]
    missing = list((oc - mc).elements())
    extra = list((mc - oc).elements())
    notes.append(f"{len(mrows)} rows from mnemo, {len(orows)} from pyoxigraph: "
                 f"{len(missing)} missing from mnemo, {len(extra)} extra in mnemo")
    notes += ["  missing: " + show_row(oxi.variables, r) for r in missing[:show]]
    notes += ["  extra:   " + show_row(oxi.variables, r) for r in extra[:show]]
    return False, notes


# ---------------------------------------------------------------------------
# pyoxigraph

def run_oxigraph(args, queries):
    """Returns (info dict, {name: Result}, {name: [seconds]})."""
    import pyoxigraph as ox
    info = {"version": ox.__version__}
    results, times = {}, {q.name: [] for q in queries}
    if args.oxigraph_store:
        store = ox.Store(args.oxigraph_store)
        info["store"] = f"on disk at {args.oxigraph_store}"
    else:
        store = ox.Store()
        info["store"] = "in memory"
    existing = len(store)
    if existing:
        log(f"pyoxigraph: reusing the store at {args.oxigraph_store} ({existing} quads; not reloading {args.data})")
        info["load_seconds"] = None
        info["quads"] = existing
    else:
        log(f"pyoxigraph {ox.__version__}: bulk_load {args.data} ({info['store']})")
        start = time.perf_counter()
        store.bulk_load(path=args.data, format=ox.RdfFormat.N_QUADS)
        if args.oxigraph_store:
            store.flush()
        info["load_seconds"] = time.perf_counter() - start
        info["quads"] = len(store)
        log(f"pyoxigraph: loaded {info['quads']} quads in {info['load_seconds']:.1f} s")

    def execute(query):
        return store.query(query.text, use_default_graph_as_union=True)

    def run_serialized(query):
        start = time.perf_counter()
        r = execute(query)
        if isinstance(r, ox.QuerySolutions):
            r.serialize(format=ox.QueryResultsFormat.TSV)
        elif isinstance(r, ox.QueryTriples):
            r.serialize(format=ox.RdfFormat.N_TRIPLES)
        else:
            bool(r)
        return time.perf_counter() - start

    # Results, from the term objects (untimed).
    for q in queries:
        try:
            r = execute(q)
            if isinstance(r, ox.QuerySolutions):
                variables = [v.value for v in r.variables]
                rows = [tuple(canonical_oxigraph(s[v]) for v in variables) for s in r]
                results[q.name] = Result("bindings", variables=variables, rows=rows)
            elif isinstance(r, ox.QueryTriples):
                triples = [f"{canonical_oxigraph(t.subject)} {canonical_oxigraph(t.predicate)} "
                           f"{canonical_oxigraph(t.object)} ." for t in r]
                results[q.name] = Result("graph", triples=triples)
            else:
                results[q.name] = Result("boolean", value=bool(r))
        except Exception as error:  # SyntaxError, OSError, …
            results[q.name] = Result(error=f"pyoxigraph: {type(error).__name__}: {error}")
            log(f"pyoxigraph: {q.name}: {results[q.name].error}")
        else:
            log(f"pyoxigraph: {q.name}: {results[q.name].size} "
                f"{'triples' if results[q.name].kind == 'graph' else 'rows'}")

    # Timing: round 0 is the warm-up.
    runnable = [q for q in queries if results[q.name].error is None]
    for round_number in range(args.runs + 1):
        for q in runnable:
            seconds = run_serialized(q)
            if round_number > 0:
                times[q.name].append(seconds)
        log(f"pyoxigraph: timing round {round_number}/{args.runs} done"
            + (" (warm-up)" if round_number == 0 else ""))
    return info, results, times


# ---------------------------------------------------------------------------
# Mnemo

_TIME_LINE = re.compile(r"^(.*):\s+([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(s|ms|us|µs)\s*$")
_UNIT = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "µs": 1e-6}


def tail(text, lines=6):
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    kept = [line for line in text.strip().splitlines() if line.strip()]
    return " | ".join(kept[-lines:]) if kept else "(no message)"


class Mnemo:
    def __init__(self, binary, store, timeout, query_timeout=None):
        self.binary = binary
        self.store = store
        self.timeout = timeout
        self.query_timeout = query_timeout

    def run(self, arguments, timeout=None, keep_stdout=True):
        """Runs mnemo; returns (exit status or None on timeout/start failure,
        stdout bytes, stderr bytes, wall seconds)."""
        command = [self.binary] + arguments
        start = time.perf_counter()
        try:
            p = subprocess.run(command, stdout=subprocess.PIPE if keep_stdout else subprocess.DEVNULL,
                               stderr=subprocess.PIPE, timeout=timeout or self.timeout)
        except subprocess.TimeoutExpired as e:
            return None, e.stdout or b"", (e.stderr or b"") + f"\ntimed out after {timeout or self.timeout} s".encode(), \
                time.perf_counter() - start
        except OSError as error:
            return None, b"", f"cannot run {self.binary}: {error}".encode(), 0.0
        return p.returncode, p.stdout or b"", p.stderr, time.perf_counter() - start

    def query_args(self, fmt, timed):
        limit = ["--timeout", str(self.query_timeout)] if self.query_timeout else []
        return ["query", "--store", self.store, "--format", fmt] + limit + (["--time"] if timed else [])

    def available(self):
        """None when `mnemo query` answers ASK {} on the store, else why not."""
        status, out, err, _ = self.run(["query", "--store", self.store, "-e", "ASK {}"])
        if status == 0:
            return None
        why = "timed out or could not start" if status is None else f"exit status {status}"
        return f"{why}: {tail(err or out)}"

    @staticmethod
    def parse_times(stderr):
        """[(label, seconds)] from the --time lines, and the other lines."""
        times, other = [], []
        for line in stderr.decode("utf-8", "replace").splitlines():
            m = _TIME_LINE.match(line.strip())
            if m:
                times.append((m.group(1).strip(), float(m.group(2)) * _UNIT[m.group(3)]))
            elif line.strip():
                other.append(line.strip())
        return times, other

    def result(self, query):
        status, out, err, _ = self.run(self.query_args(query.mnemo_format, False) + [query.path])
        if status != 0:
            why = "timed out or could not start" if status is None else f"exit status {status}"
            failed = Result(error=f"mnemo failed ({why}): {tail(err)}")
            failed.run_failed = True
            return failed
        try:
            if query.mnemo_format == "ntriples":
                return Result("graph", triples=parse_ntriples(out))
            parsed = parse_tsv(out)
            if parsed[0] == "boolean":
                return Result("boolean", value=parsed[1])
            return Result("bindings", variables=parsed[1], rows=parsed[2])
        except (ParseError, UnicodeDecodeError) as error:
            snippet = out[:200].decode("utf-8", "replace")
            return Result(error=f"cannot read mnemo's {query.mnemo_format} output: {error}; "
                                f"output starts {snippet!r}")

    def time_batch(self, queries, rounds):
        """Times `queries` (one format), `rounds` rounds round-robin, in one
        process. Returns ({name: [seconds]}, error text or None)."""
        fmt = queries[0].mnemo_format
        paths = [q.path for q in queries] * rounds
        status, _, err, _ = self.run(self.query_args(fmt, True) + paths,
                                     timeout=self.timeout * max(1, len(paths)), keep_stdout=False)
        reported, other = self.parse_times(err)
        expected = [q for q in queries] * rounds
        found = {q.name: [] for q in queries}
        position = 0
        for label, seconds in reported:
            # Match the label to the next expected query with that file name.
            k = position
            while k < len(expected) and not same_file(label, expected[k].path):
                k += 1
            if k == len(expected):
                continue
            found[expected[k].name].append(seconds)
            position = k + 1
        problem = None
        if status != 0:
            why = "timed out or could not start" if status is None else f"exit status {status}"
            problem = f"mnemo failed ({why}): {tail(chr(10).join(other))}"
        elif len(reported) < len(paths):
            problem = f"mnemo reported {len(reported)} times for {len(paths)} queries: {tail(chr(10).join(other))}"
        return found, problem

    def open_time(self, repeats=5):
        """Median of (wall time - reported query time) for ASK {}; None on failure."""
        samples = []
        for _ in range(repeats):
            status, out, err, wall = self.run(["query", "--store", self.store, "-e", "ASK {}", "--time"])
            if status != 0:
                return None, f"mnemo query -e 'ASK {{}}' failed: {tail(err)}"
            reported, _ = self.parse_times(err)
            if not reported:
                return None, "mnemo query --time printed no time line for ASK {}"
            samples.append(wall - reported[-1][1])
        return statistics.median(samples), None

    def stats(self):
        status, out, err, _ = self.run(["stats", "--store", self.store], timeout=600)
        if status != 0:
            return None
        text = out.decode("utf-8", "replace")
        stats = {}
        m = re.search(r"index\s+(\d+)\s*KiB,\s*dictionary\s+(\d+)\s*KiB", text)
        if m:
            stats["index_bytes"] = int(m.group(1)) * 1024
            stats["dictionary_bytes"] = int(m.group(2)) * 1024
        m = re.search(r"(\d+)\s+quads", text)
        if m:
            stats["quads"] = int(m.group(1))
        return stats


def same_file(label, path):
    if label == path:
        return True
    try:
        return os.path.basename(label) == os.path.basename(path) or os.path.samefile(label, path)
    except OSError:
        return False


def run_mnemo(args, queries):
    """Returns (info dict, {name: Result}, {name: [seconds]})."""
    mnemo = Mnemo(args.mnemo, args.store_mnemo, args.timeout, args.mnemo_timeout)
    info = {"binary": args.mnemo, "store": args.store_mnemo}
    results = {}
    times = {q.name: [] for q in queries}
    problem = mnemo.available()
    if problem is not None:
        message = (f"'{args.mnemo} query --store {args.store_mnemo} -e \"ASK {{}}\"' failed, "
                   f"so no query was run on mnemo ({problem})")
        log("mnemo: " + message)
        info["error"] = message
        info["stats"] = mnemo.stats()
        return info, {q.name: Result(error="mnemo unavailable", skipped=True) for q in queries}, times

    info["stats"] = mnemo.stats()
    info["open_seconds"], open_problem = mnemo.open_time()
    if open_problem:
        info["open_error"] = open_problem
        log("mnemo: " + open_problem)

    for q in queries:
        results[q.name] = mnemo.result(q)
        r = results[q.name]
        if r.error is not None:
            log(f"mnemo: {q.name}: {r.error}")
        else:
            log(f"mnemo: {q.name}: {r.size} {'triples' if r.kind == 'graph' else 'rows'}")

    # Timing, leaving out the queries mnemo could not answer above.
    rounds = args.runs + 1
    info["timing_problems"] = {}
    for fmt in ("tsv", "ntriples"):
        group = [q for q in queries if q.mnemo_format == fmt
                 and not getattr(results[q.name], "run_failed", False)]
        if not group:
            continue
        log(f"mnemo: timing {len(group)} {fmt} queries, {rounds} rounds in one process")
        found, problem = mnemo.time_batch(group, rounds)
        if problem:
            log(f"mnemo: {problem}; timing the incomplete queries one process each")
        for q in group:
            samples = found[q.name]
            if len(samples) < rounds:
                alone, alone_problem = mnemo.time_batch([q], rounds)
                samples = alone[q.name]
                if len(samples) < rounds:
                    message = f"timing failed: {alone_problem or 'too few times reported'}"
                    log(f"mnemo: {q.name}: {message}")
                    info["timing_problems"][q.name] = message
                    samples = []
            times[q.name] = samples[1:]
    return info, results, times


# ---------------------------------------------------------------------------
# Report

def dump_result(path, query, result):
    """Writes a canonical result as text: one row (tab-separated terms) or
    triple per line; multisets and graphs sorted, ordered results as they came."""
    with open(path, "w", encoding="utf-8") as f:
        if result.error is not None:
            f.write(f"error: {result.error}\n")
        elif result.kind == "boolean":
            f.write(f"{'true' if result.value else 'false'}\n")
        elif result.kind == "graph":
            f.writelines(t + "\n" for t in sorted(set(result.triples)))
        else:
            variables = sorted(result.variables)
            index = [result.variables.index(v) for v in variables]
            lines = ["\t".join("" if row[i] is None else row[i] for i in index) for row in result.rows]
            if query.compare != "ordered":
                lines.sort()
            f.write("\t".join("?" + v for v in variables) + "\n")
            f.writelines(line + "\n" for line in lines)


def fmt_ms(seconds):
    if seconds is None:
        return "-"
    ms = seconds * 1000
    return f"{ms:.3f}" if ms < 10 else f"{ms:.1f}" if ms < 1000 else f"{ms:.0f}"


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default_mnemo = os.path.join(os.path.dirname(here), ".build", "release", "mnemo")
    if not os.path.exists(default_mnemo):
        default_mnemo = shutil.which("mnemo") or "mnemo"
    p = argparse.ArgumentParser(description="SPARQL query benchmark: Mnemo against pyoxigraph.",
                                epilog="See the module docstring (or bench/README.md) for the details.")
    p.add_argument("--store-mnemo", required=True, metavar="URL", help="Mnemo store, e.g. sqlite:PATH")
    p.add_argument("--data", required=True, metavar="FILE", help="the N-Quads file the Mnemo store holds")
    p.add_argument("--queries", required=True, metavar="DIR", help="directory of *.rq files")
    p.add_argument("--runs", type=int, default=5, help="timed runs per query after one warm-up (default 5)")
    p.add_argument("--mnemo", default=default_mnemo, metavar="BIN", help=f"mnemo binary (default {default_mnemo})")
    p.add_argument("--oxigraph-store", metavar="DIR",
                   help="use an on-disk pyoxigraph store at DIR (loaded if empty, else reused) instead of memory")
    p.add_argument("--timeout", type=float, default=900, metavar="SECONDS",
                   help="time limit of a mnemo process, times the number of queries it runs (default 900)")
    p.add_argument("--mnemo-timeout", type=float, metavar="SECONDS",
                   help="pass --timeout SECONDS to mnemo query, which stops a longer query and goes on "
                        "(default: not passed, mnemo's own default)")
    p.add_argument("--json", metavar="FILE", help="also write all measurements and results to FILE")
    p.add_argument("--dump", metavar="DIR",
                   help="write each side's canonical results to DIR/<query>.<mnemo|pyoxigraph>.txt")
    p.add_argument("--show", type=int, default=5, metavar="N", help="differing rows shown per query (default 5)")
    p.add_argument("--skip-mnemo", action="store_true", help="run only the pyoxigraph half")
    p.add_argument("--skip-oxigraph", action="store_true", help="run only the Mnemo half")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")

    paths = sorted(os.path.join(args.queries, f) for f in os.listdir(args.queries) if f.endswith(".rq"))
    if not paths:
        p.error(f"no .rq files in {args.queries}")
    queries = [Query(path) for path in paths]
    if not os.path.isfile(args.data):
        p.error(f"--data {args.data}: no such file")

    skipped = Result(error="skipped", skipped=True)
    if args.skip_mnemo:
        m_info, m_results, m_times = {"error": "skipped (--skip-mnemo)"}, {q.name: skipped for q in queries}, {}
    else:
        m_info, m_results, m_times = run_mnemo(args, queries)
    if args.skip_oxigraph:
        o_info, o_results, o_times = {"error": "skipped"}, {q.name: skipped for q in queries}, {}
    else:
        o_info, o_results, o_times = run_oxigraph(args, queries)

    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        for q in queries:
            for side, results in (("mnemo", m_results), ("pyoxigraph", o_results)):
                if not results[q.name].skipped:
                    dump_result(os.path.join(args.dump, f"{q.name}.{side}.txt"), q, results[q.name])

    # Table.
    rows, problems = [], []
    all_agree = True
    for q in queries:
        m, o = m_results[q.name], o_results[q.name]
        m_med = statistics.median(m_times[q.name]) if m_times.get(q.name) else None
        o_med = statistics.median(o_times[q.name]) if o_times.get(q.name) else None
        agree, notes = compare(q, m, o, args.show)
        if q.name in m_info.get("timing_problems", {}):
            notes.append("mnemo " + m_info["timing_problems"][q.name])
        if m.error is not None and not m.skipped:
            notes.insert(0, m.error)
        if o.error is not None and not o.skipped:
            notes.insert(0, o.error)
        if m.skipped or o.skipped:
            verdict = "-"
        elif m.error is not None or o.error is not None:
            verdict = "error"
        else:
            verdict = "yes" if agree else "NO"
        all_agree = all_agree and agree
        rows.append({"query": q.name, "form": q.form, "compare": q.compare, "description": q.description,
                     "mnemo_seconds": m_med, "oxigraph_seconds": o_med,
                     "mnemo_samples": m_times.get(q.name, []), "oxigraph_samples": o_times.get(q.name, []),
                     "rows_mnemo": m.size, "rows_oxigraph": o.size, "agree": verdict, "notes": notes})
        if notes:
            problems.append((q.name, notes))

    width = max(len(r["query"]) for r in rows)
    header = (f"{'query':<{width}}  {'mnemo ms':>10}  {'pyoxigraph ms':>13}  {'ratio':>7}  "
              f"{'rows':>11}  agree")
    print()
    print(f"SPARQL query benchmark: {args.data} ({o_info.get('quads', '?')} quads), "
          f"median of {args.runs} runs after 1 warm-up")
    print(f"mnemo: {args.mnemo} query --store {args.store_mnemo}; "
          f"pyoxigraph {o_info.get('version', '-')} ({o_info.get('store', '-')}, union default graph)")
    print()
    print(header)
    print("-" * len(header))
    for r in rows:
        ratio = (f"{r['mnemo_seconds'] / r['oxigraph_seconds']:.2f}"
                 if r["mnemo_seconds"] is not None and r["oxigraph_seconds"] else "-")
        size = (f"{r['rows_mnemo']}/{r['rows_oxigraph']}"
                if r["rows_mnemo"] is not None and r["rows_oxigraph"] is not None
                and r["rows_mnemo"] != r["rows_oxigraph"]
                else str(r["rows_oxigraph"] if r["rows_oxigraph"] is not None
                         else r["rows_mnemo"] if r["rows_mnemo"] is not None else "-"))
        print(f"{r['query']:<{width}}  {fmt_ms(r['mnemo_seconds']):>10}  {fmt_ms(r['oxigraph_seconds']):>13}  "
              f"{ratio:>7}  {size:>11}  {r['agree']}")
    print("-" * len(header))
    complete = all(r["mnemo_seconds"] is not None and r["oxigraph_seconds"] is not None for r in rows)
    m_total = sum(r["mnemo_seconds"] or 0 for r in rows)
    o_total = sum(r["oxigraph_seconds"] or 0 for r in rows)
    total_ratio = f"{m_total / o_total:.2f}" if complete and o_total else "-"
    print(f"{'total':<{width}}  {fmt_ms(m_total if complete else None):>10}  "
          f"{fmt_ms(o_total if any(r['oxigraph_seconds'] for r in rows) else None):>13}  {total_ratio:>7}"
          + ("" if complete else "   (incomplete: some queries have no time)"))
    both = [r for r in rows if r["mnemo_seconds"] is not None and r["oxigraph_seconds"] is not None]
    if not complete and both:
        m_part = sum(r["mnemo_seconds"] for r in both)
        o_part = sum(r["oxigraph_seconds"] for r in both)
        print(f"{'partial':<{width}}  {fmt_ms(m_part):>10}  {fmt_ms(o_part):>13}  "
              f"{m_part / o_part if o_part else 0:>7.2f}   (the {len(both)} queries timed on both sides)")
    print("ratio = mnemo / pyoxigraph; rows shown as mnemo/pyoxigraph where they differ")
    print()

    # Targets.
    slower = [r["query"] for r in rows if r["mnemo_seconds"] is not None and r["oxigraph_seconds"] is not None
              and r["mnemo_seconds"] > r["oxigraph_seconds"]]
    if complete:
        t1 = "met" if not slower else f"NOT met (slower: {', '.join(slower)})"
        t2 = ("met" if m_total <= 0.5 * o_total else "NOT met") + f" (mnemo {m_total / o_total:.2f}x pyoxigraph)"
    else:
        t1 = t2 = "unknown (not every query was timed on both sides)"
    print(f"target: every query no slower than pyoxigraph ... {t1}")
    print(f"target: mix total at most half of pyoxigraph's ... {t2}")
    unchecked = [r["query"] for r in rows if r["agree"] == "-"]
    failed = [r["query"] for r in rows if r["agree"] in ("NO", "error")]
    if failed:
        verdict = f"NO ({', '.join(failed)})"
    elif unchecked:
        verdict = f"not checked ({'all queries' if len(unchecked) == len(rows) else ', '.join(unchecked)}: a side did not run)"
    else:
        verdict = "yes"
    print(f"results agree on every query ..................... {verdict}")

    # Mnemo store facts.
    print()
    if m_info.get("error") and not args.skip_mnemo:
        print(f"mnemo: {m_info['error']}")
    if "open_seconds" in m_info and m_info["open_seconds"] is not None:
        print(f"mnemo store open: {m_info['open_seconds'] * 1000:.1f} ms "
              f"(wall time of 'mnemo query -e \"ASK {{}}\" --time' minus its query time; includes process start)")
    elif m_info.get("open_error"):
        print(f"mnemo store open: - ({m_info['open_error']})")
    stats = m_info.get("stats") or {}
    if stats.get("index_bytes") is not None and stats.get("quads"):
        print(f"mnemo index: {stats['index_bytes'] / stats['quads']:.1f} bytes/quad, dictionary "
              f"{stats['dictionary_bytes'] / stats['quads']:.1f} bytes/quad ({stats['quads']} quads, "
              f"'mnemo stats')")
    if o_info.get("load_seconds") is not None:
        print(f"pyoxigraph bulk_load: {o_info['load_seconds']:.1f} s (not part of the comparison)")

    if problems:
        print()
        print("details:")
        for name, notes in problems:
            print(f"  {name}:")
            for note in notes:
                print(f"    {note}")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"data": args.data, "runs": args.runs, "mnemo": m_info, "pyoxigraph": o_info,
                       "queries": rows, "mnemo_total_seconds": m_total if complete else None,
                       "oxigraph_total_seconds": o_total, "agree": all_agree}, f, indent=2, default=str)
            f.write("\n")
    return 0 if all_agree and complete else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
