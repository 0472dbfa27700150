import MnemoRDF

// SPARQL 1.1 Update requests (grammar rules 3 and 29–52): operations
// separated by ';', each after a prologue of its own. Data blocks and
// templates reuse the triple parsing of CONSTRUCT templates.
extension Parser {
    /// What a CONSTRUCT or update template is called in messages.
    var templateName: String { updateOperation == nil ? "CONSTRUCT" : "update" }

    func parseUpdateRequest() throws -> UpdateRequest {
        var operations: [UpdateOperation] = []
        while true {
            try parsePrologue()
            if try peek().isEnd { break }
            updateOperation = operations.count
            operations.append(try parseUpdateOperation())
            if try accept(";") == nil { break }
        }
        let end = try peek()
        if !end.isEnd {
            if let k = end.keyword, Keywords.updateOperations.contains(k) {
                throw failure(at: end, "expected ';' between update operations but found \(end.description)")
            }
            throw try unexpected("';' or end of the update request")
        }
        return UpdateRequest(operations: operations, baseIRI: base)
    }

    private func parseUpdateOperation() throws -> UpdateOperation {
        let t = try peek()
        switch t.keyword {
        case "LOAD": return try parseLoad()
        case "CLEAR":
            try advance()
            let silent = try acceptKeyword("SILENT") != nil
            return .clear(try parseGraphRefAll(after: "CLEAR"), silent: silent)
        case "DROP":
            try advance()
            let silent = try acceptKeyword("SILENT") != nil
            return .drop(try parseGraphRefAll(after: "DROP"), silent: silent)
        case "CREATE":
            try advance()
            let silent = try acceptKeyword("SILENT") != nil
            try expectKeyword("GRAPH", "GRAPH and the IRI of the new graph after CREATE")
            return .create(try expectIRI("the IRI of the new graph after CREATE GRAPH"), silent: silent)
        case "ADD", "MOVE", "COPY":
            try advance()
            let silent = try acceptKeyword("SILENT") != nil
            let from = try parseGraphOrDefault(after: t.keyword!)
            try expectKeyword("TO", "TO and the target graph (DEFAULT or GRAPH <iri>)")
            let to = try parseGraphOrDefault(after: "TO")
            switch t.keyword {
            case "ADD": return .add(from, to: to, silent: silent)
            case "MOVE": return .move(from, to: to, silent: silent)
            default: return .copy(from, to: to, silent: silent)
            }
        case "INSERT":
            try advance()
            if try acceptKeyword("DATA") != nil {
                return .insertData(try parseQuadData(name: "INSERT DATA", blankNodeBan: nil))
            }
            return try parseModify(with: nil, keyword: t)
        case "DELETE":
            try advance()
            if try acceptKeyword("DATA") != nil {
                return .deleteData(try parseQuadData(name: "DELETE DATA", blankNodeBan: "blank nodes are not allowed in DELETE DATA; they would match nothing"))
            }
            if try acceptKeyword("WHERE") != nil { return try parseDeleteWhere() }
            return try parseModify(with: nil, keyword: t)
        case "WITH":
            try advance()
            let graph = try expectIRI("a graph IRI after WITH")
            let k = try peek()
            guard k.isKeyword("DELETE") || k.isKeyword("INSERT") else {
                throw try unexpected("DELETE or INSERT after WITH <\(graph)>", suggesting: ["DELETE", "INSERT"])
            }
            try advance()
            return try parseModify(with: graph, keyword: k)
        case "SELECT", "CONSTRUCT", "DESCRIBE", "ASK":
            throw failure(at: t, "\(t.keyword!) starts a query, not an update; send it as a query")
        default:
            throw try unexpected(t.isEnd ? "an update operation" : "an update operation (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE or COPY)",
                                 suggesting: Keywords.updateOperations + ["PREFIX", "BASE"])
        }
    }

    private func parseLoad() throws -> UpdateOperation {
        try expectKeyword("LOAD")
        let silent = try acceptKeyword("SILENT") != nil
        let iri = try expectIRI("the IRI of the document to load after LOAD")
        var into: String?
        if try acceptKeyword("INTO") != nil {
            try expectKeyword("GRAPH", "GRAPH and a graph IRI after INTO")
            into = try expectIRI("a graph IRI after INTO GRAPH")
        }
        return .load(iri, into: into, silent: silent)
    }

    /// GraphRefAll: `GRAPH <iri>`, DEFAULT, NAMED or ALL.
    private func parseGraphRefAll(after keyword: String) throws -> GraphReference {
        if try acceptKeyword("GRAPH") != nil { return .named(try expectIRI("a graph IRI after GRAPH")) }
        if try acceptKeyword("DEFAULT") != nil { return .defaultGraph }
        if try acceptKeyword("NAMED") != nil { return .allNamed }
        if try acceptKeyword("ALL") != nil { return .all }
        throw try unexpected("GRAPH <iri>, DEFAULT, NAMED or ALL after \(keyword)", suggesting: ["GRAPH", "DEFAULT", "NAMED", "ALL"])
    }

    /// GraphOrDefault: DEFAULT, or `GRAPH? <iri>`.
    private func parseGraphOrDefault(after keyword: String) throws -> GraphReference {
        if try acceptKeyword("DEFAULT") != nil { return .defaultGraph }
        let hadGraph = try acceptKeyword("GRAPH") != nil
        if let iri = try acceptIRI() { return .named(iri) }
        throw try unexpected(hadGraph ? "a graph IRI after GRAPH" : "DEFAULT or a graph (GRAPH <iri>) after \(keyword)",
                             suggesting: hadGraph ? [] : ["DEFAULT", "GRAPH"])
    }

    /// `[WITH iri] DELETE {…} INSERT {…} USING … WHERE {…}`, after its first keyword.
    private func parseModify(with graph: String?, keyword: Token) throws -> UpdateOperation {
        var op = ModifyOperation(with: graph, pattern: .bgp([]))
        if keyword.isKeyword("DELETE") {
            op.delete = try parseQuads(after: "DELETE", ground: nil,
                                       blankNodeBan: "blank nodes are not allowed in a DELETE template; they would match nothing, use a variable")
            if try acceptKeyword("INSERT") != nil { op.insert = try parseQuads(after: "INSERT", ground: nil, blankNodeBan: nil) }
        } else {
            op.insert = try parseQuads(after: "INSERT", ground: nil, blankNodeBan: nil)
        }
        var dataset = QueryDataset()
        var using = false
        while try acceptKeyword("USING") != nil {
            using = true
            if try acceptKeyword("NAMED") != nil {
                dataset.namedGraphs.append(try expectIRI("a graph IRI after USING NAMED"))
            } else {
                dataset.defaultGraphs.append(try expectIRI("a graph IRI or NAMED after USING"))
            }
        }
        if try acceptKeyword("WHERE") == nil {
            throw try unexpected(using ? "USING or WHERE" : "WHERE and the pattern to match",
                                 suggesting: using ? ["USING", "WHERE"] : ["WHERE", "USING", "INSERT"])
        }
        guard try peek().isSymbol("{") else { throw try unexpected("'{' after WHERE") }
        op.pattern = try parseGroupGraphPattern().pattern
        op.using = using ? dataset : nil
        op.baseIRI = base
        return .modify(op)
    }

    /// `DELETE WHERE { quads }`: the quads are both the pattern and the template.
    private func parseDeleteWhere() throws -> UpdateOperation {
        let quads = try parseQuads(after: "DELETE WHERE", ground: nil,
                                   blankNodeBan: "blank nodes are not allowed in DELETE WHERE; use a variable")
        var parts: [GraphPattern] = []
        var i = 0
        while i < quads.count {
            let graph = quads[i].graph
            var triples: [TriplePattern] = []
            while i < quads.count, quads[i].graph == graph {
                triples.append(quads[i].triple)
                i += 1
            }
            parts.append(graph.map { .graph($0, .bgp(triples)) } ?? .bgp(triples))
        }
        let pattern = parts.dropFirst().reduce(parts.first ?? .bgp([])) { GraphPattern.join($0, $1) }
        return .modify(ModifyOperation(delete: quads, pattern: pattern, baseIRI: base))
    }

    /// QuadData: quads without variables.
    private func parseQuadData(name: String, blankNodeBan: String?) throws -> [Quad] {
        let quads = try parseQuads(after: name, ground: name, blankNodeBan: blankNodeBan)
        return quads.compactMap { q -> Quad? in
            guard case .term(let s) = q.triple.subject, case .term(let p) = q.triple.predicate,
                  case .term(let o) = q.triple.object else { return nil }
            switch q.graph {
            case nil: return Quad(s, p, o)
            case .term(let g)?: return Quad(s, p, o, g)
            case .variable?: return nil
            }
        }
    }

    /// QuadPattern / QuadData: `{ triples GRAPH g { triples } … }`. With
    /// `ground` (the block's name) variables are refused.
    private func parseQuads(after keyword: String, ground: String?, blankNodeBan: String?) throws -> [QuadTemplate] {
        let open = try peek()
        guard open.isSymbol("{") else {
            let what = ground == nil ? "template" : "data"
            throw try unexpected("'{' to start the \(keyword) \(what)" + (keyword == "INSERT" && open.isKeyword("WHERE") ? " (only DELETE has a WHERE short form)" : ""))
        }
        try advance()
        try enter(at: open)
        defer { leave() }
        var quads: [QuadTemplate] = []
        var triplesAllowed = true
        while true {
            let t = try peek()
            if t.isSymbol("}") {
                try advance()
                break
            }
            if try startsTriples(t) {
                guard triplesAllowed else { throw try unexpected("'.' between triples, or '}' to close the block opened at line \(open.line)") }
                quads += try parseTemplateTriples(graph: nil, ground: ground, blankNodeBan: blankNodeBan)
                triplesAllowed = try accept(".") != nil
                continue
            }
            if t.isKeyword("GRAPH") {
                try advance()
                quads += try parseGraphBlock(ground: ground, blankNodeBan: blankNodeBan)
                try accept(".")
                triplesAllowed = true
                continue
            }
            if let k = t.keyword, Keywords.patternKeywords.contains(k) {
                throw failure(at: t, "\(keyword) holds only triples and GRAPH blocks, not \(k)")
            }
            throw try unexpected("a triple, GRAPH or '}' to close the block opened at line \(open.line), column \(open.column)")
        }
        let renamed = renameTemplateBlankNodes(quads.map(\.triple))
        return zip(renamed, quads).map { QuadTemplate($0, graph: $1.graph) }
    }

    /// `GRAPH VarOrIri { TriplesTemplate? }` after GRAPH.
    private func parseGraphBlock(ground: String?, blankNodeBan: String?) throws -> [QuadTemplate] {
        let t = try peek()
        let graph: TermPattern
        if case .variable(let v) = t.kind {
            if let ground { throw failure(at: t, "\(ground) holds ground data: GRAPH ?\(v) is not allowed, name the graph by its IRI") }
            try advance()
            graph = .variable(v)
        } else if let iri = try acceptIRI() {
            graph = .term(.iri(iri))
        } else {
            throw try unexpected("a variable or IRI naming the graph after GRAPH")
        }
        let open = try expect("{", "'{' after the graph name")
        var quads: [QuadTemplate] = []
        var triplesAllowed = true
        while true {
            let u = try peek()
            if u.isSymbol("}") {
                try advance()
                return quads
            }
            if triplesAllowed, try startsTriples(u) {
                quads += try parseTemplateTriples(graph: graph, ground: ground, blankNodeBan: blankNodeBan)
                triplesAllowed = try accept(".") != nil
                continue
            }
            if u.isKeyword("GRAPH") { throw failure(at: u, "GRAPH blocks cannot be nested; close the GRAPH block opened at line \(open.line) first") }
            throw try unexpected("'.' between triples, or '}' to close the GRAPH block opened at line \(open.line), column \(open.column)")
        }
    }

    /// One TriplesSameSubject of a template or data block, in `graph`.
    private func parseTemplateTriples(graph: TermPattern?, ground: String?, blankNodeBan: String?) throws -> [QuadTemplate] {
        var sink = TriplesSink(template: true, block: -1)
        sink.ground = ground
        sink.blankNodeBan = blankNodeBan
        try parseTriplesSameSubject(into: &sink)
        return sink.triples.map { QuadTemplate($0, graph: graph) }
    }

    /// Refuses variables in data blocks.
    func checkVariableAllowed(at t: Token, in sink: TriplesSink) throws {
        if let block = sink.ground, case .variable(let v) = t.kind {
            throw failure(at: t, "\(block) holds ground data: variable ?\(v) is not allowed here; use DELETE/INSERT … WHERE to match variables")
        }
    }

    /// Records a blank node label of a data block (INSERT DATA); one label
    /// cannot be used by the data of two operations of a request. Template
    /// labels may repeat: they stand for fresh nodes per solution anyway.
    func noteUpdateLabel(_ label: String, at t: Token) throws {
        guard let op = updateOperation else { return }
        if let owner = updateLabels[label] {
            if owner.operation != op {
                throw failure(at: t, "blank node _:\(label) is already used by an earlier operation of this request (at line \(owner.line)); a blank node label cannot be shared between operations")
            }
            return
        }
        updateLabels[label] = (op, t.line)
    }
}
