import Foundation
import MnemoRDF

/// Writes TriG (RDF 1.1): each run of quads of one graph becomes a
/// `GRAPH <g> { … }` block, default-graph triples a bare `{ … }` block.
/// Terms are written in their N-Triples spelling, which TriG accepts.
/// Quads of one graph should arrive together; if a graph comes back later it
/// gets another block, which is still valid TriG.
final class TriGWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var currentGraph: Term??  = .none
    private var line = ""

    init(file: UnsafeMutablePointer<FILE>) { self.file = file }

    func write(_ quad: Quad) {
        line.removeAll(keepingCapacity: true)
        if currentGraph == nil || currentGraph! != quad.graph {
            if currentGraph != nil { line += "}\n\n" }
            if let g = quad.graph {
                line += "GRAPH "
                g.writeNTriples(to: &line)
                line += " {\n"
            } else {
                line += "{\n"
            }
            currentGraph = .some(quad.graph)
        }
        line += "  "
        quad.subject.writeNTriples(to: &line)
        line += " "
        quad.predicate.writeNTriples(to: &line)
        line += " "
        quad.object.writeNTriples(to: &line)
        line += " .\n"
        emit()
    }

    func finish() {
        line.removeAll(keepingCapacity: true)
        if currentGraph != nil { line += "}\n" }
        emit()
        fflush(file)
    }

    private func emit() {
        var l = line
        l.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, file) }
    }
}
