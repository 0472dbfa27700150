import MnemoRDF

/// One triple pattern or irreducible path pattern of a basic graph pattern.
enum BlockItem {
    case triple(TriplePattern)
    case path(TermPattern, PropertyPath, TermPattern)
}

/// Where parsed triples go: a WHERE clause block (blank nodes become
/// variables, paths allowed) or a CONSTRUCT template (blank nodes stay terms).
struct TriplesSink {
    let template: Bool
    /// Which basic graph pattern this is, for blank node label scoping.
    let block: Int
    var items: [BlockItem] = []
    /// Update data blocks hold no variables: the block's name for messages ("INSERT DATA").
    var ground: String?
    /// Why blank nodes are refused here (DELETE templates and DELETE DATA), if they are.
    var blankNodeBan: String?

    init(template: Bool, block: Int) {
        self.template = template
        self.block = block
    }

    var triples: [TriplePattern] {
        items.compactMap { if case .triple(let t) = $0 { return t } else { return nil } }
    }
}

/// A predicate position: a variable or IRI, or a property path.
private enum Verb {
    case simple(TermPattern)
    case path(PropertyPath)
}

private let rdfFirst = TermPattern.term(.iri(Vocabulary.rdf + "first"))
private let rdfRest = TermPattern.term(.iri(Vocabulary.rdf + "rest"))
private let rdfNil = TermPattern.term(.iri(Vocabulary.rdf + "nil"))
/// Template blank nodes without a label get a placeholder until the template
/// is complete and labels that cannot clash are known (Parser+Templates.swift).
let placeholderMark: Character = "\u{0}"

// Triples, property lists, blank nodes, collections and literals
// (grammar rules 75–87 and 97–109); the paths themselves are in Parser+Paths.swift,
// literals in Parser+Literals.swift.
extension Parser {
    /// Whether `t` can start a triple pattern (TriplesSameSubjectPath).
    func startsTriples(_ t: Token) throws -> Bool {
        switch t.kind {
        case .variable, .iriRef, .prefixedName, .blankNodeLabel, .string, .integer, .decimal, .double:
            return true
        case .symbol("["), .symbol("("):
            return true
        case .symbol("+"), .symbol("-"):
            return try signedNumberAhead()
        case .word:
            return t.isKeyword("TRUE") || t.isKeyword("FALSE")
        default:
            return false
        }
    }

    /// True when the next tokens are a sign directly followed by a number (`-5`, not `- 5`).
    func signedNumberAhead() throws -> Bool {
        let sign = try peek()
        guard sign.isSymbol("+") || sign.isSymbol("-") else { return false }
        let number = try peek(1)
        switch number.kind {
        case .integer, .decimal, .double: return number.start == sign.end
        default: return false
        }
    }

    /// TriplesSameSubject / TriplesSameSubjectPath.
    func parseTriplesSameSubject(into sink: inout TriplesSink) throws {
        let t = try peek()
        if try (t.isSymbol("[") && !peek(1).isSymbol("]")) || (t.isSymbol("(") && !peek(1).isSymbol(")")) {
            let subject = t.isSymbol("[") ? try parseBlankNodePropertyList(into: &sink) : try parseCollection(into: &sink)
            if try startsVerb() { try parsePropertyList(subject: subject, into: &sink) }
            return
        }
        let subject = try parseVarOrTerm(into: &sink, role: "a subject")
        guard try startsVerb() else {
            throw try unexpected("a predicate (an IRI, a variable, 'a'\(sink.template ? "" : " or a property path")) after the subject")
        }
        try parsePropertyList(subject: subject, into: &sink)
    }

    private func startsVerb() throws -> Bool {
        let t = try peek()
        switch t.kind {
        case .variable, .iriRef, .prefixedName: return true
        case .word("a"): return true
        case .symbol("^"), .symbol("!"), .symbol("("): return true
        default: return false
        }
    }

    /// PropertyListNotEmpty / PropertyListPathNotEmpty for `subject`.
    private func parsePropertyList(subject: TermPattern, into sink: inout TriplesSink) throws {
        while true {
            let verb = try parseVerb(sink)
            repeat {
                let object = try parseGraphNode(into: &sink, role: "an object")
                emit(subject, verb, object, into: &sink)
            } while try accept(",") != nil
            guard try accept(";") != nil else { return }
            while try accept(";") != nil {}
            if !(try startsVerb()) { return }
        }
    }

    private func parseVerb(_ sink: TriplesSink) throws -> Verb {
        let t = try peek()
        if case .variable(let v) = t.kind {
            try checkVariableAllowed(at: t, in: sink)
            try advance()
            if !sink.template { noteBinding(v) }
            return .simple(.variable(v))
        }
        if sink.template {
            let verb: Verb
            if t.kind == .word("a") {
                try advance()
                verb = .simple(.term(.iri(Vocabulary.rdfType)))
            } else if let iri = try acceptIRI() {
                verb = .simple(.term(.iri(iri)))
            } else if t.isSymbol("^") || t.isSymbol("!") || t.isSymbol("(") {
                throw failure(at: t, "property paths are not allowed in a \(templateName) template")
            } else {
                throw try unexpected("a predicate (an IRI, a variable or 'a')")
            }
            let next = try peek()
            if try ["/", "|", "*", "?"].contains(where: next.isSymbol) || (next.isSymbol("+") && !signedNumberAhead()) {
                throw failure(at: next, "property paths are not allowed in a \(templateName) template")
            }
            return verb
        }
        let path = try parsePath()
        if case .link(let iri) = path { return .simple(.term(.iri(iri))) }
        return .path(path)
    }

    /// Adds `subject verb object`, turning simple paths into triple patterns
    /// (section 18.2.2.4): `^iri` flips, sequences get a fresh middle variable.
    private func emit(_ subject: TermPattern, _ verb: Verb, _ object: TermPattern, into sink: inout TriplesSink) {
        switch verb {
        case .simple(let predicate):
            sink.items.append(.triple(TriplePattern(subject, predicate, object)))
        case .path(let path):
            expand(subject, path, object, into: &sink)
        }
    }

    private func expand(_ subject: TermPattern, _ path: PropertyPath, _ object: TermPattern, into sink: inout TriplesSink) {
        switch path {
        case .link(let iri):
            sink.items.append(.triple(TriplePattern(subject, .term(.iri(iri)), object)))
        case .inverse(.link(let iri)):
            sink.items.append(.triple(TriplePattern(object, .term(.iri(iri)), subject)))
        case .sequence(let first, let second):
            let middle = TermPattern.variable(freshVariable("path"))
            expand(subject, first, middle, into: &sink)
            expand(middle, second, object, into: &sink)
        default:
            sink.items.append(.path(subject, path, object))
        }
    }

    // MARK: - Nodes

    /// GraphNode / GraphNodePath.
    private func parseGraphNode(into sink: inout TriplesSink, role: String) throws -> TermPattern {
        let t = try peek()
        if try t.isSymbol("[") && !peek(1).isSymbol("]") { return try parseBlankNodePropertyList(into: &sink) }
        if try t.isSymbol("(") && !peek(1).isSymbol(")") { return try parseCollection(into: &sink) }
        return try parseVarOrTerm(into: &sink, role: role)
    }

    /// VarOrTerm: a variable, IRI, literal, blank node, `[]` or `()`.
    private func parseVarOrTerm(into sink: inout TriplesSink, role: String) throws -> TermPattern {
        let t = try peek()
        switch t.kind {
        case .variable(let v):
            try checkVariableAllowed(at: t, in: sink)
            try advance()
            if !sink.template { noteBinding(v) }
            return .variable(v)
        case .blankNodeLabel(let label):
            try advance()
            return try labelledBlankNode(label, at: t, in: sink)
        case .symbol("["):
            try advance()
            try expect("]", "']' (an empty [] is a blank node) or a predicate inside [ … ]")
            return try anonymousBlankNode(in: sink, at: t)
        case .symbol("("):
            try advance()
            try expect(")", "')'")
            return rdfNil
        default:
            if let iri = try acceptIRI() { return .term(.iri(iri)) }
            if let literal = try parseLiteral() { return .term(literal) }
            if t.isKeyword("A") || t.kind == .word("a") {
                throw failure(at: t, "'a' stands for rdf:type and can only be a predicate")
            }
            throw try unexpected("\(role) (a variable, IRI, literal or blank node)")
        }
    }

    private func labelledBlankNode(_ label: String, at t: Token, in sink: TriplesSink) throws -> TermPattern {
        if let why = sink.blankNodeBan { throw failure(at: t, why) }
        if sink.template {
            if sink.ground != nil { try noteUpdateLabel(label, at: t) }
            return .term(.blank(label))
        }
        if let owner = labelOwners[label], owner.block != sink.block {
            throw failure(at: t, "blank node _:\(label) is already used in another basic graph pattern (at line \(owner.line)); a blank node label cannot be shared between groups, use a variable ?\(label) instead")
        }
        labelOwners[label] = (sink.block, t.line)
        return .variable("_bnode." + label)
    }

    private func anonymousBlankNode(in sink: TriplesSink, at t: Token) throws -> TermPattern {
        if let why = sink.blankNodeBan { throw failure(at: t, why) }
        if sink.template {
            freshCounter += 1
            return .term(.blank(String(placeholderMark) + String(freshCounter)))
        }
        return .variable(freshVariable("anon"))
    }

    /// BlankNodePropertyList(Path): `[ predicate object … ]`.
    private func parseBlankNodePropertyList(into sink: inout TriplesSink) throws -> TermPattern {
        let open = try expect("[")
        try enter(at: open)
        defer { leave() }
        let node = try anonymousBlankNode(in: sink, at: open)
        guard try startsVerb() else { throw try unexpected("a predicate inside [ … ]") }
        try parsePropertyList(subject: node, into: &sink)
        try expect("]", "']' to close the blank node opened at line \(open.line), column \(open.column)")
        return node
    }

    /// Collection(Path): `( a b c )` as rdf:first / rdf:rest / rdf:nil triples.
    private func parseCollection(into sink: inout TriplesSink) throws -> TermPattern {
        let open = try expect("(")
        try enter(at: open)
        defer { leave() }
        var elements: [TermPattern] = []
        while try accept(")") == nil {
            guard try startsTriples(try peek()) else {
                throw try unexpected("a list element or ')' to close the list opened at line \(open.line), column \(open.column)")
            }
            elements.append(try parseGraphNode(into: &sink, role: "a list element"))
        }
        return try addList(elements, at: open, into: &sink)
    }

    /// The rdf:first / rdf:rest triples of a list of `elements`; returns its head.
    private func addList(_ elements: [TermPattern], at open: Token, into sink: inout TriplesSink) throws -> TermPattern {
        let cells = try elements.map { _ in try anonymousBlankNode(in: sink, at: open) }
        for (k, cell) in cells.enumerated() {
            sink.items.append(.triple(TriplePattern(cell, rdfFirst, elements[k])))
            sink.items.append(.triple(TriplePattern(cell, rdfRest, k + 1 < cells.count ? cells[k + 1] : rdfNil)))
        }
        return cells.first ?? rdfNil
    }
}
