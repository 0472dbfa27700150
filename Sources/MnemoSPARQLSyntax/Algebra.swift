import MnemoRDF

// The SPARQL 1.1 algebra (SPARQL 1.1 Query, section 18) as Swift values.
// The parser produces a `Query` whose `pattern` is already translated to
// algebra; the optimizer rewrites it and the evaluator runs it.

/// A variable name, without the `?` or `$`.
public typealias Variable = String

/// A position in a triple pattern: a variable or a fixed term.
///
/// Blank nodes written in a query's WHERE clause (`_:b`, `[]`, `( … )`) are
/// turned into variables by the parser. Every name the parser invents starts
/// with `_` and holds a `.` (`_bnode.b`, `_agg.0`), which no SPARQL variable
/// can, so they never clash with a user's `?_x` and `SELECT *` leaves them
/// out; see `SPARQLParser.isInternalVariable(_:)`. In CONSTRUCT templates
/// blank nodes stay terms.
public enum TermPattern: Hashable, Sendable {
    case variable(Variable)
    case term(Term)
}

/// A triple pattern.
public struct TriplePattern: Hashable, Sendable {
    public var subject: TermPattern
    public var predicate: TermPattern
    public var object: TermPattern
    public init(_ subject: TermPattern, _ predicate: TermPattern, _ object: TermPattern) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// A property path expression (SPARQL 1.1 Query, section 9).
public indirect enum PropertyPath: Hashable, Sendable {
    /// One predicate IRI.
    case link(String)
    /// `^path`
    case inverse(PropertyPath)
    /// `a / b`
    case sequence(PropertyPath, PropertyPath)
    /// `a | b`
    case alternative(PropertyPath, PropertyPath)
    /// `path*`
    case zeroOrMore(PropertyPath)
    /// `path+`
    case oneOrMore(PropertyPath)
    /// `path?`
    case zeroOrOne(PropertyPath)
    /// `!(iri1 | ^iri2 | …)`: forward IRIs excluded, and inverse IRIs excluded.
    case negatedPropertySet(forward: [String], inverse: [String])
}

/// A graph pattern in the algebra.
public indirect enum GraphPattern: Hashable, Sendable {
    /// A basic graph pattern. An empty BGP yields one empty solution.
    case bgp([TriplePattern])
    /// A property path between two positions. Paths that are a single link
    /// (or a sequence of links / an inverse link) may instead be expanded into
    /// BGPs by the parser, as section 18.2.2.4 allows; either is correct.
    case path(subject: TermPattern, path: PropertyPath, object: TermPattern)
    case join(GraphPattern, GraphPattern)
    /// OPTIONAL, with the filter of a FILTER inside the optional part (section 18.2.2.6).
    case leftJoin(GraphPattern, GraphPattern, Expression?)
    case filter(Expression, GraphPattern)
    case union(GraphPattern, GraphPattern)
    case minus(GraphPattern, GraphPattern)
    /// `GRAPH ?g { … }` or `GRAPH <iri> { … }`.
    case graph(TermPattern, GraphPattern)
    /// BIND, and the computed expressions of SELECT, GROUP BY and aggregates.
    case extend(GraphPattern, Variable, Expression)
    /// VALUES, inline or trailing: variable names and rows (nil: UNDEF).
    case values([Variable], [[Term?]])
    /// GROUP BY on variables (GROUP BY expressions are first bound by an
    /// `extend`), computing aggregates into variables. With no GROUP BY but
    /// aggregates in the query, `variables` is empty: one group of everything
    /// (and one group even for no solutions).
    case group(GraphPattern, variables: [Variable], aggregates: [AggregateBinding])
    case orderBy(GraphPattern, [OrderCondition])
    case project(GraphPattern, [Variable])
    case distinct(GraphPattern)
    case reduced(GraphPattern)
    /// OFFSET / LIMIT (nil: no limit).
    case slice(GraphPattern, offset: Int, limit: Int?)
    /// SERVICE: parsed, refused at evaluation (Mnemo does not federate).
    case service(TermPattern, GraphPattern, silent: Bool)
}

/// An aggregate computed into a variable by ``GraphPattern/group(_:variables:aggregates:)``.
public struct AggregateBinding: Hashable, Sendable {
    public var variable: Variable
    public var aggregate: Aggregate
    public init(_ variable: Variable, _ aggregate: Aggregate) {
        self.variable = variable
        self.aggregate = aggregate
    }
}

/// A set function (section 18.5).
public indirect enum Aggregate: Hashable, Sendable {
    /// `COUNT(*)` when the expression is nil.
    case count(Expression?, distinct: Bool)
    case sum(Expression, distinct: Bool)
    case avg(Expression, distinct: Bool)
    case min(Expression, distinct: Bool)
    case max(Expression, distinct: Bool)
    case sample(Expression, distinct: Bool)
    /// Separator defaults to a single space.
    case groupConcat(Expression, separator: String, distinct: Bool)
}

/// One ORDER BY key.
public struct OrderCondition: Hashable, Sendable {
    public var expression: Expression
    public var ascending: Bool
    public init(_ expression: Expression, ascending: Bool = true) {
        self.expression = expression
        self.ascending = ascending
    }
}

/// A SPARQL expression.
public indirect enum Expression: Hashable, Sendable {
    /// A constant IRI or literal.
    case term(Term)
    case variable(Variable)
    case or(Expression, Expression)
    case and(Expression, Expression)
    case not(Expression)
    case equal(Expression, Expression)
    case notEqual(Expression, Expression)
    case less(Expression, Expression)
    case lessOrEqual(Expression, Expression)
    case greater(Expression, Expression)
    case greaterOrEqual(Expression, Expression)
    /// `e IN (a, b, …)`
    case `in`(Expression, [Expression])
    /// `e NOT IN (a, b, …)`
    case notIn(Expression, [Expression])
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case multiply(Expression, Expression)
    case divide(Expression, Expression)
    case unaryPlus(Expression)
    case unaryMinus(Expression)
    case bound(Variable)
    /// `IF(cond, then, else)`
    case `if`(Expression, Expression, Expression)
    case coalesce([Expression])
    case exists(GraphPattern)
    case notExists(GraphPattern)
    /// A built-in function call, e.g. `STRLEN(?x)`.
    case builtin(BuiltinFunction, [Expression])
    /// A call by IRI: XSD casts (`xsd:integer(?x)`) and extension functions.
    case function(String, [Expression])
    /// An aggregate inside SELECT / HAVING / ORDER BY, before translation.
    /// The parser replaces each by a variable bound by ``GraphPattern/group(_:variables:aggregates:)``,
    /// so the algebra given to the evaluator holds none.
    case aggregate(Aggregate)
}

/// The built-in functions of section 17.4 (and the few that section 17.4
/// defines as functional forms but that evaluate like functions).
public enum BuiltinFunction: String, Hashable, Sendable, CaseIterable {
    case str = "STR", lang = "LANG", langMatches = "LANGMATCHES", datatype = "DATATYPE"
    case iri = "IRI", uri = "URI", bnode = "BNODE", rand = "RAND"
    case abs = "ABS", ceil = "CEIL", floor = "FLOOR", round = "ROUND"
    case concat = "CONCAT", substr = "SUBSTR", strlen = "STRLEN", replace = "REPLACE"
    case ucase = "UCASE", lcase = "LCASE", encodeForURI = "ENCODE_FOR_URI"
    case contains = "CONTAINS", strStarts = "STRSTARTS", strEnds = "STRENDS"
    case strBefore = "STRBEFORE", strAfter = "STRAFTER"
    case year = "YEAR", month = "MONTH", day = "DAY", hours = "HOURS", minutes = "MINUTES", seconds = "SECONDS"
    case timezone = "TIMEZONE", tz = "TZ", now = "NOW"
    case uuid = "UUID", strUUID = "STRUUID"
    case md5 = "MD5", sha1 = "SHA1", sha256 = "SHA256", sha384 = "SHA384", sha512 = "SHA512"
    case strLang = "STRLANG", strDT = "STRDT", sameTerm = "SAMETERM"
    case isIRI = "ISIRI", isURI = "ISURI", isBlank = "ISBLANK", isLiteral = "ISLITERAL", isNumeric = "ISNUMERIC"
    case regex = "REGEX"
}

/// The result form of a query.
public enum QueryForm: Hashable, Sendable {
    /// SELECT; the projection is in the pattern (a `project` node). `variables`
    /// lists the result variables in order (for `SELECT *`, the in-scope
    /// variables of the WHERE clause, without blank-node variables).
    case select(variables: [Variable])
    /// CONSTRUCT with its template (blank nodes in the template are `.term(.blank)`).
    case construct(template: [TriplePattern])
    case ask
    /// DESCRIBE of these resources or variables.
    case describe([TermPattern])
}

/// The RDF dataset a query names with FROM / FROM NAMED. When both lists are
/// empty the query runs over the store's default dataset.
public struct QueryDataset: Hashable, Sendable {
    public var defaultGraphs: [String]
    public var namedGraphs: [String]
    public init(defaultGraphs: [String] = [], namedGraphs: [String] = []) {
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
    }
}

/// A parsed SPARQL 1.1 query, with its WHERE clause translated to algebra.
public struct Query: Hashable, Sendable {
    public var form: QueryForm
    public var pattern: GraphPattern
    public var dataset: QueryDataset?
    /// The base IRI in force at the end of the prologue, if any.
    public var baseIRI: String?
    public init(form: QueryForm, pattern: GraphPattern, dataset: QueryDataset? = nil, baseIRI: String? = nil) {
        self.form = form
        self.pattern = pattern
        self.dataset = dataset
        self.baseIRI = baseIRI
    }
}

/// A syntax error in a query, with where it is and what was expected.
public struct SPARQLSyntaxError: Error, CustomStringConvertible, Sendable {
    /// 1-based line and column of the offending token.
    public var line: Int
    public var column: Int
    /// What went wrong, e.g. "expected '}' but found 'SELECT'".
    public var message: String
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
    public var description: String { "line \(line), column \(column): \(message)" }
}
