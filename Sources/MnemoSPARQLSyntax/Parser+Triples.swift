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
/// is complete and labels that cannot clash are known.
private let placeholderMark: Character = "\u{0}"

// Triples, property lists, blank nodes, collections and property paths
// (grammar rules 73–109).
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
            if try startsVerb(sink) { try parsePropertyList(subject: subject, into: &sink) }
            return
        }
        let subject = try parseVarOrTerm(into: &sink, role: "a subject")
        guard try startsVerb(sink) else {
            throw try unexpected("a predicate (an IRI, a variable, 'a'\(sink.template ? "" : " or a property path")) after the subject")
        }
        try parsePropertyList(subject: subject, into: &sink)
    }

    private func startsVerb(_ sink: TriplesSink) throws -> Bool {
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
                try emit(subject, verb, object, into: &sink)
            } while try accept(",") != nil
            guard try accept(";") != nil else { return }
            while try accept(";") != nil {}
            if !(try startsVerb(sink)) { return }
        }
    }

    private func parseVerb(_ sink: TriplesSink) throws -> Verb {
        let t = try peek()
        if case .variable(let v) = t.kind {
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
                throw SPARQLSyntaxError(at: t, "property paths are not allowed in a CONSTRUCT template")
            } else {
                throw try unexpected("a predicate (an IRI, a variable or 'a')")
            }
            let next = try peek()
            if try ["/", "|", "*", "?"].contains(where: next.isSymbol) || (next.isSymbol("+") && !signedNumberAhead()) {
                throw SPARQLSyntaxError(at: next, "property paths are not allowed in a CONSTRUCT template")
            }
            return verb
        }
        let path = try parsePath()
        if case .link(let iri) = path { return .simple(.term(.iri(iri))) }
        return .path(path)
    }

    /// Adds `subject verb object`, turning simple paths into triple patterns
    /// (section 18.2.2.4): `^iri` flips, sequences get a fresh middle variable.
    private func emit(_ subject: TermPattern, _ verb: Verb, _ object: TermPattern, into sink: inout TriplesSink) throws {
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
            try advance()
            if !sink.template { noteBinding(v) }
            return .variable(v)
        case .blankNodeLabel(let label):
            try advance()
            return try labelledBlankNode(label, at: t, in: sink)
        case .symbol("["):
            try advance()
            try expect("]", "']' (an empty [] is a blank node) or a predicate inside [ … ]")
            return anonymousBlankNode(in: sink)
        case .symbol("("):
            try advance()
            try expect(")", "')'")
            return rdfNil
        default:
            if let iri = try acceptIRI() { return .term(.iri(iri)) }
            if let literal = try parseLiteral() { return .term(literal) }
            if t.isKeyword("A") || t.kind == .word("a") {
                throw SPARQLSyntaxError(at: t, "'a' stands for rdf:type and can only be a predicate")
            }
            throw try unexpected("\(role) (a variable, IRI, literal or blank node)")
        }
    }

    private func labelledBlankNode(_ label: String, at t: Token, in sink: TriplesSink) throws -> TermPattern {
        if sink.template { return .term(.blank(label)) }
        if let owner = labelOwners[label], owner.block != sink.block {
            throw SPARQLSyntaxError(at: t, "blank node _:\(label) is already used in another basic graph pattern (at line \(owner.line)); a blank node label cannot be shared between groups, use a variable ?\(label) instead")
        }
        labelOwners[label] = (sink.block, t.line)
        return .variable("_bnode." + label)
    }

    private func anonymousBlankNode(in sink: TriplesSink) -> TermPattern {
        if sink.template {
            freshCounter += 1
            return .term(.blank(String(placeholderMark) + String(freshCounter)))
        }
        return .variable(freshVariable("anon"))
    }

    /// BlankNodePropertyList(Path): `[ predicate object … ]`.
    private func parseBlankNodePropertyList(into sink: inout TriplesSink) throws -> TermPattern {
        let open = try expect("[")
        return try nested(at: open) {
            let node = anonymousBlankNode(in: sink)
            guard try startsVerb(sink) else { throw try unexpected("a predicate inside [ … ]") }
            try parsePropertyList(subject: node, into: &sink)
            try expect("]", "']' to close the blank node opened at line \(open.line), column \(open.column)")
            return node
        }
    }

    /// Collection(Path): `( a b c )` as rdf:first / rdf:rest / rdf:nil triples.
    private func parseCollection(into sink: inout TriplesSink) throws -> TermPattern {
        let open = try expect("(")
        return try nested(at: open) {
            var elements: [TermPattern] = []
            while try accept(")") == nil {
                let t = try peek()
                guard try startsTriples(t) else {
                    throw try unexpected("a list element or ')' to close the list opened at line \(open.line), column \(open.column)")
                }
                elements.append(try parseGraphNode(into: &sink, role: "a list element"))
            }
            let cells = elements.map { _ in anonymousBlankNode(in: sink) }
            for (k, cell) in cells.enumerated() {
                sink.items.append(.triple(TriplePattern(cell, rdfFirst, elements[k])))
                sink.items.append(.triple(TriplePattern(cell, rdfRest, k + 1 < cells.count ? cells[k + 1] : rdfNil)))
            }
            return cells.first ?? rdfNil
        }
    }

    /// RDFLiteral, NumericLiteral (signed ones too) or BooleanLiteral; nil if the next token starts none.
    func parseLiteral() throws -> Term? {
        let t = try peek()
        switch t.kind {
        case .string(let lexical):
            try advance()
            if case .langTag(let tag) = try peek().kind {
                try advance()
                return .literal(Literal(lexical, language: tag))
            }
            if try accept("^^") != nil {
                return .typed(lexical, try expectIRI("a datatype IRI after ^^"))
            }
            return .string(lexical)
        case .integer(let n):
            try advance()
            return .typed(n, Vocabulary.xsd + "integer")
        case .decimal(let n):
            try advance()
            return .typed(n, Vocabulary.xsd + "decimal")
        case .double(let n):
            try advance()
            return .typed(n, Vocabulary.xsd + "double")
        case .symbol(let sign):
            guard try signedNumberAhead() else { return nil }
            try advance()
            guard let number = try parseLiteral(), case .literal(let l) = number else { return nil }
            return .typed(sign + l.lexical, l.datatype)
        case .word:
            if t.isKeyword("TRUE") || t.isKeyword("FALSE") {
                try advance()
                return .typed(t.isKeyword("TRUE") ? "true" : "false", Vocabulary.xsd + "boolean")
            }
            return nil
        default:
            return nil
        }
    }

    // MARK: - Property paths

    /// Path (rules 88–96): `|` binds loosest, then `/`, then `^`, then `* + ?`.
    func parsePath() throws -> PropertyPath {
        var alternatives = [try parsePathSequence()]
        while try accept("|") != nil { alternatives.append(try parsePathSequence()) }
        return Algebra.balanced(alternatives, PropertyPath.alternative)
    }

    private func parsePathSequence() throws -> PropertyPath {
        var steps = [try parsePathEltOrInverse()]
        while try accept("/") != nil { steps.append(try parsePathEltOrInverse()) }
        return Algebra.balanced(steps, PropertyPath.sequence)
    }

    private func parsePathEltOrInverse() throws -> PropertyPath {
        if try accept("^") != nil { return .inverse(try parsePathElt()) }
        return try parsePathElt()
    }

    private func parsePathElt() throws -> PropertyPath {
        let primary = try parsePathPrimary()
        let t = try peek()
        if t.isSymbol("*") {
            try advance()
            return .zeroOrMore(primary)
        }
        if t.isSymbol("?") {
            try advance()
            return .zeroOrOne(primary)
        }
        if t.isSymbol("+"), !(try signedNumberAhead()) {
            try advance()
            return .oneOrMore(primary)
        }
        return primary
    }

    private func parsePathPrimary() throws -> PropertyPath {
        let t = try peek()
        if t.kind == .word("a") {
            try advance()
            return .link(Vocabulary.rdfType)
        }
        if let iri = try acceptIRI() { return .link(iri) }
        if try accept("!") != nil { return try parseNegatedPropertySet() }
        if let open = try accept("(") {
            return try nested(at: open) {
                let path = try parsePath()
                try expect(")", "')' to close the path opened at line \(open.line), column \(open.column)")
                return path
            }
        }
        if case .variable = t.kind {
            throw SPARQLSyntaxError(at: t, "a variable cannot be part of a property path")
        }
        throw try unexpected("a predicate (an IRI, a variable, 'a' or a property path)")
    }

    private func parseNegatedPropertySet() throws -> PropertyPath {
        var forward: [String] = [], inverse: [String] = []
        func member() throws {
            let isInverse = try accept("^") != nil
            let iri: String
            if try peek().kind == .word("a") {
                try advance()
                iri = Vocabulary.rdfType
            } else {
                iri = try expectIRI("an IRI or 'a' in the negated property set")
            }
            if isInverse { inverse.append(iri) } else { forward.append(iri) }
        }
        if let open = try accept("(") {
            if try accept(")") == nil {
                repeat { try member() } while try accept("|") != nil
                try expect(")", "'|' or ')' to close the negated property set opened at line \(open.line), column \(open.column)")
            }
        } else {
            try member()
        }
        return .negatedPropertySet(forward: forward, inverse: inverse)
    }

    // MARK: - Templates

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
    func bgpOfTemplate(_ template: [TriplePattern], at keyword: Token) throws -> GraphPattern {
        func variable(_ p: TermPattern) -> TermPattern {
            if case .term(.blank(let l)) = p { return .variable("_bnode." + l) }
            if case .variable(let v) = p { noteBinding(v) }
            return p
        }
        return .bgp(template.map { TriplePattern(variable($0.subject), variable($0.predicate), variable($0.object)) })
    }
}
