import MnemoRDF

// CONSTRUCT templates (grammar rules 73–74) and their blank nodes.
extension Parser {
    /// ConstructTemplate, or (short form) the `{ TriplesTemplate? }` after CONSTRUCT WHERE.
    func parseConstructTemplate(shortForm: Bool = false) throws -> [TriplePattern] {
        let open = try expect("{")
        var sink = TriplesSink(template: true, block: -1)
        while !(try peek().isSymbol("}")) {
            guard try startsTriples(try peek()) else { break }
            try parseTriplesSameSubject(into: &sink)
            if try accept(".") == nil { break }
        }
        if try accept("}") == nil {
            let t = try peek()
            if let k = t.keyword, Keywords.patternKeywords.contains(k) || k == "SELECT" {
                let message = shortForm
                    ? "CONSTRUCT WHERE { … } may contain only triple patterns, not \(k); write CONSTRUCT { template } WHERE { … } instead"
                    : "a CONSTRUCT template contains only triple patterns, not \(k); put it in the WHERE clause"
                throw failure(at: t, message)
            }
            throw try unexpected("'.' or '}' to close the \(shortForm ? "pattern" : "template") opened at line \(open.line)")
        }
        return renameTemplateBlankNodes(sink.triples)
    }

    /// Gives template blank nodes written `[]` or `( … )` labels that no
    /// written label in the template uses.
    func renameTemplateBlankNodes(_ triples: [TriplePattern]) -> [TriplePattern] {
        var written: Set<String> = []
        for t in triples {
            for p in [t.subject, t.object] {
                if case .term(.blank(let l)) = p, l.first != placeholderMark { written.insert(l) }
            }
        }
        var assigned: [String: String] = [:]
        var next = 0
        func rename(_ p: TermPattern) -> TermPattern {
            guard case .term(.blank(let l)) = p, l.first == placeholderMark else { return p }
            if let label = assigned[l] { return .term(.blank(label)) }
            var label: String
            repeat {
                label = "b\(next)"
                next += 1
            } while written.contains(label)
            assigned[l] = label
            return .term(.blank(label))
        }
        return triples.map { TriplePattern(rename($0.subject), $0.predicate, rename($0.object)) }
    }

    /// The WHERE pattern of CONSTRUCT WHERE: the template, its blank nodes as variables.
    func bgpOfTemplate(_ template: [TriplePattern]) -> GraphPattern {
        func variable(_ p: TermPattern) -> TermPattern {
            if case .term(.blank(let l)) = p { return .variable("_bnode." + l) }
            if case .variable(let v) = p { noteBinding(v) }
            return p
        }
        return .bgp(template.map { TriplePattern(variable($0.subject), variable($0.predicate), variable($0.object)) })
    }
}
