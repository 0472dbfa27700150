import MnemoRDF

/// The recursive-descent parser: token handling, prologue state, fresh names
/// and the guards that keep hostile input from exhausting the stack. The
/// grammar itself is in the `Parser+…` extensions, the translation to algebra
/// in Translation.swift.
final class Parser {
    /// Deepest syntactic nesting accepted (groups, brackets, `[ ]`, collections, paths).
    static let maxNesting = 48
    /// Deepest algebra or expression tree accepted, counting chains such as
    /// `1 + 2 + 3` and the elements of a group, which nest in the algebra.
    static let maxTreeDepth = 1000

    private var lexer: Lexer
    private var lookahead: [Token] = []

    var prefixes: [String: String] = [:]
    var base: String?

    var nesting = 0
    var treeDepth = 0

    /// Counters for fresh variable names and template blank nodes.
    var freshCounter = 0
    /// Which basic graph pattern a blank node label belongs to, and where it was first used.
    var labelOwners: [String: (block: Int, line: Int)] = [:]
    var blockCounter = 0
    /// While parsing an update request: the index of the operation being parsed.
    var updateOperation: Int?
    /// Blank node labels of update data and templates, with the operation and line that first used them.
    var updateLabels: [String: (operation: Int, line: Int)] = [:]

    /// Variables in the order they are first bound in the text (triple
    /// patterns, BIND, VALUES, GRAPH, SELECT lists): the order of `SELECT *`.
    var bindingOrder: [Variable] = []
    private var bindingSeen: Set<Variable> = []

    /// Where aggregates parsed now are collected; nil where they are not allowed.
    var aggregateScope: AggregateScope?
    /// Why aggregates are not allowed here, e.g. "in FILTER".
    var aggregateBan = "here"
    /// Variables used outside aggregates in the SELECT expression being parsed.
    var variableLog: [(Variable, Token)]?

    init(text: String, baseIRI: String?) throws {
        lexer = Lexer(try SourceText(text))
        base = baseIRI
    }

    // MARK: - Tokens

    /// The token `k` places ahead, without consuming it.
    func peek(_ k: Int = 0) throws -> Token {
        while lookahead.count <= k { lookahead.append(try lexer.next()) }
        return lookahead[k]
    }

    /// Consumes and returns the next token.
    @discardableResult
    func advance() throws -> Token {
        let t = try peek()
        lookahead.removeFirst()
        return t
    }

    /// Consumes the symbol `s` if it is next.
    @discardableResult
    func accept(_ s: String) throws -> Token? {
        try peek().isSymbol(s) ? try advance() : nil
    }

    /// Consumes the keyword `k` (upper case) if it is next.
    @discardableResult
    func acceptKeyword(_ k: String) throws -> Token? {
        try peek().isKeyword(k) ? try advance() : nil
    }

    // Messages are passed as autoclosures so that building them stays out of
    // the stack frames of the recursive parsing functions.

    /// Consumes the symbol `s` or fails with "expected `what` but found …".
    @discardableResult
    func expect(_ s: String, _ what: @autoclosure () -> String? = nil) throws -> Token {
        if let t = try accept(s) { return t }
        throw try unexpected(what() ?? "'\(s)'")
    }

    @discardableResult
    func expectKeyword(_ k: String, _ what: @autoclosure () -> String? = nil) throws -> Token {
        if let t = try acceptKeyword(k) { return t }
        throw try unexpected(what() ?? k)
    }

    /// An error at `token`.
    func failure(at token: Token, _ message: @autoclosure () -> String) -> SPARQLSyntaxError {
        SPARQLSyntaxError(line: token.line, column: token.column, message: message())
    }

    /// "expected X but found Y" at the next token, with a suggestion when the
    /// token looks like a misspelling of one of `candidates`, or like a
    /// variable without its `?`.
    func unexpected(_ expected: @autoclosure () -> String, suggesting candidates: [String] = []) throws -> SPARQLSyntaxError {
        let t = try peek()
        let wanted = expected()
        var message = "expected \(wanted) but found \(t.description)"
        if let word = t.keyword, let guess = Keywords.suggestion(for: word, among: candidates) {
            message += " (did you mean \(guess)?)"
        } else if let word = t.keyword, !Keywords.all.contains(word),
                  ["variable", "triple pattern", "an object", "a subject", "expression"].contains(where: wanted.contains) {
            message += " (variable names start with ? or $)"
        } else if t.isSymbol("<") {
            message += " (an IRI cannot contain spaces or any of <>\"{}|^`\\)"
        }
        return SPARQLSyntaxError(at: t, message)
    }

    // MARK: - Guards

    /// Enters one level of nesting (a group, bracket, `[ … ]`, list or
    /// bracketed path); balance with `leave()`. Refuses input nested beyond
    /// the limits, which keeps the recursion within a small, fixed stack.
    func enter(at token: Token) throws {
        if nesting >= Self.maxNesting {
            throw SPARQLSyntaxError(at: token, "the query is nested more than \(Self.maxNesting) levels deep here; simplify it")
        }
        try deepen(at: token)
        nesting += 1
    }

    func leave() {
        nesting -= 1
        treeDepth -= 1
    }

    /// Records that the tree being built grows one level deeper (a chained
    /// operator, another group element); the caller restores `treeDepth`
    /// when its chain or group ends.
    func deepen(at token: Token) throws {
        if treeDepth >= Self.maxTreeDepth {
            throw SPARQLSyntaxError(at: token, "the query is too deeply structured here (more than \(Self.maxTreeDepth) chained operators or group elements); split it up")
        }
        treeDepth += 1
    }

    /// Sets where aggregates go (nil: refused, saying they are `banned`, e.g.
    /// "in FILTER") and whether variables are logged; returns the previous
    /// settings for `restore(_:)`.
    func expressionContext(aggregates scope: AggregateScope?, banned: String,
                           log: [(Variable, Token)]? = nil) -> ExpressionContext {
        let saved = ExpressionContext(scope: aggregateScope, ban: aggregateBan, log: variableLog)
        aggregateScope = scope
        aggregateBan = banned
        variableLog = log
        return saved
    }

    func restore(_ saved: ExpressionContext) {
        aggregateScope = saved.scope
        aggregateBan = saved.ban
        variableLog = saved.log
    }

    // MARK: - Names

    /// A fresh internal variable such as `_path.3`. Internal names contain a
    /// `.`, which a SPARQL variable name cannot, so they never clash.
    func freshVariable(_ kind: String) -> Variable {
        freshCounter += 1
        return "_\(kind).\(freshCounter)"
    }

    func noteBinding(_ v: Variable) {
        if bindingSeen.insert(v).inserted { bindingOrder.append(v) }
    }

    /// The visible variables of `pattern` in text order, for `SELECT *` and `DESCRIBE *`.
    func visibleVariables(of pattern: GraphPattern) -> [Variable] {
        let scope = Scope.variables(of: pattern)
        var out = bindingOrder.filter { scope.contains($0) && !SPARQLParser.isInternalVariable($0) }
        let listed = Set(out)
        out += scope.filter { !listed.contains($0) && !SPARQLParser.isInternalVariable($0) }.sorted()
        return out
    }

    // MARK: - IRIs

    /// `iri` (IRIREF or prefixed name), resolved; nil if the next token is neither.
    func acceptIRI() throws -> String? {
        let t = try peek()
        switch t.kind {
        case .iriRef(let iri):
            try advance()
            return IRIResolver.resolve(iri, against: base)
        case .prefixedName(let prefix, let local):
            guard let namespace = prefixes[prefix] else { throw unknownPrefix(prefix, at: t) }
            try advance()
            return namespace + local
        default:
            return nil
        }
    }

    func expectIRI(_ what: @autoclosure () -> String = "an IRI") throws -> String {
        if let iri = try acceptIRI() { return iri }
        throw try unexpected(what())
    }

    private func unknownPrefix(_ prefix: String, at t: Token) -> SPARQLSyntaxError {
        var message = "unknown prefix '\(prefix):'"
        if let known = Keywords.wellKnownNamespaces[prefix] {
            message += "; declare it first: PREFIX \(prefix): <\(known)>"
        } else {
            message += "; declare it first with PREFIX \(prefix): <namespace IRI>"
        }
        return SPARQLSyntaxError(at: t, message)
    }
}

/// Where aggregates may go and which variables are logged, saved around a nested expression context.
struct ExpressionContext {
    var scope: AggregateScope?
    var ban: String
    var log: [(Variable, Token)]?
}

/// The aggregates of one SELECT (or other query form), each bound to a fresh variable.
final class AggregateScope {
    private(set) var bindings: [AggregateBinding] = []

    /// The variable for `aggregate`, reusing the one of an identical aggregate.
    func variable(for aggregate: Aggregate, fresh: () -> Variable) -> Variable {
        if let existing = bindings.first(where: { $0.aggregate == aggregate }) { return existing.variable }
        let v = fresh()
        bindings.append(AggregateBinding(v, aggregate))
        return v
    }
}
