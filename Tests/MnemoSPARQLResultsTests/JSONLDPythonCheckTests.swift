import Foundation
import MnemoRDF
import Testing
@testable import MnemoSPARQLResults

/// The JSON-LD round trip through independent processors, run by hand:
///
///     pip install rdflib pyld
///     MNEMO_JSONLD_PYCHECK=python3 swift test --filter JSONLDPythonCheck
///
/// writes the fixture below as expanded, compacted and streamed JSON-LD plus
/// the expected N-Quads into a temporary directory, with `check.py`, and runs
/// it: pyld's toRdf and rdflib's JSON-LD parser must both give back the same
/// dataset (blank nodes up to renaming, lexical forms exact). Skipped unless
/// the variable names a Python interpreter.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MNEMO_JSONLD_PYCHECK"] != nil,
                "set MNEMO_JSONLD_PYCHECK=python3 (with rdflib and pyld installed) to run"))
struct JSONLDPythonCheckTests {
    static let ex = "http://example.org/", xsd = Vocabulary.xsd
    static let quads: [Quad] = [
        Quad(.iri(ex + "abai"), .iri(Vocabulary.rdfType), .iri(ex + "Person")),
        Quad(.iri(ex + "abai"), .iri(Vocabulary.rdfType), .blank("cls")),
        Quad(.iri(ex + "abai"), .iri(ex + "name"), .langString("Абай Құнанбайұлы", "kk")),
        Quad(.iri(ex + "abai"), .iri(ex + "name"), .langString("Abay Qunanbayuli", "uz-Latn")),
        Quad(.iri(ex + "abai"), .iri(ex + "note"), .string("line\n\"quoted\" \\ tab\t ctl\u{1} end")),
        Quad(.iri(ex + "abai"), .iri(ex + "empty"), .string("")),
        Quad(.iri(ex + "abai"), .iri(ex + "age"), .typed("059", xsd + "integer")),
        Quad(.iri(ex + "abai"), .iri(ex + "h"), .typed("1.50", xsd + "decimal")),
        Quad(.iri(ex + "abai"), .iri(ex + "d"), .typed("1.0E6", xsd + "double")),
        Quad(.iri(ex + "abai"), .iri(ex + "b"), .typed("true", xsd + "boolean")),
        Quad(.iri(ex + "abai"), .iri(ex + "j"), .typed("{\"a\":1}", Vocabulary.rdf + "JSON")),
        Quad(.iri(ex + "abai"), .iri(ex + "knows"), .blank("b0")),
        Quad(.blank("b0"), .iri(ex + "name"), .string("Алишер Навоий")),
        Quad(.blank("cls"), .iri(ex + "label"), .string("anon class")),
        Quad(.iri(ex + "graph1"), .iri(ex + "created"), .typed("2024-01-01", xsd + "date")),
        Quad(.iri(ex + "work1"), .iri(ex + "title"), .string("Қара сөз"), .iri(ex + "graph1")),
        Quad(.iri(ex + "work1"), .iri(Vocabulary.rdfType), .iri(ex + "Work"), .iri(ex + "graph1")),
        Quad(.iri(ex + "abai"), .iri(ex + "name"), .string("Абай"), .iri(ex + "graph1")),
        Quad(.iri(ex + "work1"), .iri(ex + "creator"), .blank("b0"), .iri(ex + "graph1")),
        Quad(.blank("b1"), .iri(ex + "title"), .string("Xamsa"), .blank("g2")),
        Quad(.iri("urn:isbn:9786010000000"), .iri(ex + "p"), .iri(ex + "path/with#frag"), .blank("g2")),
    ]

    @Test func pyldAndRdflibReadBackTheSameDataset() throws {
        let dir = NSTemporaryDirectory() + "mnemo-jsonld-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let q = Self.quads
        try JSONLDWriter.string(q).write(toFile: dir + "expanded.jsonld", atomically: true, encoding: .utf8)
        let prefixes = ["ex": Self.ex, "xsd": Self.xsd, "urn": "http://example.org/urn#"]
        try JSONLDWriter.string(q, form: .compacted(prefixes: prefixes))
            .write(toFile: dir + "compacted.jsonld", atomically: true, encoding: .utf8)
        let c = ByteCollector()
        let w = JSONLDWriter(sink: c.sink)
        try w.write(q.reversed())
        try w.end()
        try c.string.write(toFile: dir + "streamed.jsonld", atomically: true, encoding: .utf8)
        try (q.map(\.nquads).joined(separator: "\n") + "\n").write(toFile: dir + "expected.nq", atomically: true, encoding: .utf8)
        try Self.script.write(toFile: dir + "check.py", atomically: true, encoding: .utf8)

        let python = ProcessInfo.processInfo.environment["MNEMO_JSONLD_PYCHECK"] ?? "python3"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python == "1" ? "python3" : python, dir + "check.py", dir]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        print(output)
        #expect(p.terminationStatus == 0, "\(output)")
    }

    static let script = #"""
"""Round-trip check for Mnemo's JSON-LD writer: every .jsonld file in the
directory must denote the same dataset as expected.nq, as read by pyld
(to_rdf) and by rdflib (its JSON-LD parser). Datasets are compared up to
blank-node renaming (graph names included) by encoding each quad as a small
graph node and using rdflib's isomorphism test. Literal normalisation is off,
so lexical forms must survive exactly."""
import json, sys, pathlib
import rdflib
rdflib.NORMALIZE_LITERALS = False
from rdflib import URIRef, BNode, Literal, Graph, Dataset
from rdflib.compare import isomorphic
from pyld import jsonld

Q = rdflib.Namespace("urn:quad:")
DEFAULT = URIRef("urn:quad:default")

def encode(quads):
    g = Graph()
    for s, p, o, c in quads:
        q = BNode()
        g.add((q, Q.s, s)); g.add((q, Q.p, p)); g.add((q, Q.o, o)); g.add((q, Q.g, c if c is not None else DEFAULT))
    return g

def from_rdflib(ds):
    out = []
    for s, p, o, c in ds.quads((None, None, None, None)):
        name = getattr(c, "identifier", c)
        if name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID: name = None
        out.append((s, p, o, name))
    return out

def pyld_term(t):
    if t["type"] == "IRI": return URIRef(t["value"])
    if t["type"] == "blank node": return BNode(t["value"][2:])
    if "language" in t: return Literal(t["value"], lang=t["language"])
    return Literal(t["value"], datatype=URIRef(t["datatype"]) if t.get("datatype") else None)

def from_pyld(doc):
    out = []
    for name, triples in jsonld.to_rdf(doc).items():
        g = None if name == "@default" else (BNode(name[2:]) if name.startswith("_:") else URIRef(name))
        for t in triples:
            out.append((pyld_term(t["subject"]), pyld_term(t["predicate"]), pyld_term(t["object"]), g))
    return out

here = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
exp_ds = Dataset(); exp_ds.parse(here / "expected.nq", format="nquads")
expected = from_rdflib(exp_ds)
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
def plain(quads):  # pyld gives simple literals the xsd:string datatype; rdflib leaves it off
    return [(s, p, Literal(str(o), lang=o.language) if isinstance(o, Literal) and o.datatype == XSD_STRING else o, c)
            for s, p, o, c in quads]
ok = True
for f in sorted(here.glob("*.jsonld")):
    text = f.read_text(encoding="utf-8")
    ds = Dataset(); ds.parse(data=text, format="json-ld")
    for name, got in (("pyld", from_pyld(json.loads(text))), ("rdflib", from_rdflib(ds))):
        same = len(got) == len(expected) and isomorphic(encode(plain(got)), encode(plain(expected)))
        ok &= same
        print(f"{f.name} via {name}: {'same dataset' if same else 'DIFFERENT'} ({len(got)} quads, expected {len(expected)})")
sys.exit(0 if ok else 1)
"""#
}
