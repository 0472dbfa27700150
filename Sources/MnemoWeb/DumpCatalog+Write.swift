import MnemoRDF
import MnemoStore

extension DumpCatalog {
    /// Writes a dump, gzipped, to `sink` in chunks of at most 64 KiB: quads
    /// are read one by one from the entry's snapshot, serialised into a small
    /// buffer and compressed as they go, so memory stays flat whatever the
    /// dump's size. The server streams the chunks as the response body.
    /// Returns the compressed size (also remembered for the entry's `byteSize`).
    @discardableResult
    public func write(_ entry: DumpEntry, to sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try withoutActuallyEscaping(sink) { sink in
            let gz = try GzipWriter(sink: sink)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 16 + 4096)
            func spill(_ force: Bool = false) throws {
                if buffer.count >= 1 << 16 || (force && !buffer.isEmpty) {
                    try gz.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            let snap = entry.snapshot
            let dict = store.dictionary
            let graphs: [TermID]
            switch entry.scope {
            case .store: graphs = [0] + snap.namedGraphs()
            case .defaultGraph, .graph: graphs = [entry.graphID ?? 0]
            }
            var failure: Error?
            switch entry.format {
            case .nquads:
                for g in graphs {
                    let graphTerm = g == 0 ? nil : dict.term(g)
                    snap.forEach(matching: QuadPattern(g: g)) { q in
                        dict.term(q.s).appendNTriples(to: &buffer)
                        buffer.append(0x20)
                        dict.term(q.p).appendNTriples(to: &buffer)
                        buffer.append(0x20)
                        dict.term(q.o).appendNTriples(to: &buffer)
                        if let graphTerm {
                            buffer.append(0x20)
                            graphTerm.appendNTriples(to: &buffer)
                        }
                        buffer.append(contentsOf: [0x20, 0x2E, 0x0A])
                        do { try spill() } catch { failure = error; return false }
                        return true
                    }
                    if let failure { throw failure }
                }
            case .turtle, .trig:
                var enc = TurtleEncoder()
                buffer += enc.header
                let trig = entry.format == .trig
                for g in graphs where snap.estimateCount(QuadPattern(g: g)) > 0 {
                    if trig {
                        if g != 0 { dict.term(g).appendNTriples(to: &buffer); buffer.append(0x20) }
                        buffer += Array("{\n".utf8)
                        enc.indent = [0x20, 0x20]
                    }
                    snap.forEach(matching: QuadPattern(g: g)) { q in
                        enc.triple(dict.term(q.s), dict.term(q.p), dict.term(q.o), into: &buffer)
                        do { try spill() } catch { failure = error; return false }
                        return true
                    }
                    if let failure { throw failure }
                    enc.close(into: &buffer)
                    if trig { buffer += Array("}\n\n".utf8) }
                }
            }
            try spill(true)
            try gz.finish()
            recordSize(gz.bytesOut, etag: entry.etag)
            return gz.bytesOut
        }
    }
}
