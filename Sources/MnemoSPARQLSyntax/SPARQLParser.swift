/// The SPARQL 1.1 Query parser: text in, ``Query`` with its pattern in the
/// algebra of section 18 out.
///
/// ```swift
/// let query = try SPARQLParser.parse("""
///     PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
///     SELECT ?work (COUNT(?part) AS ?parts)
///     WHERE { ?work crm:P46_is_composed_of ?part }
///     GROUP BY ?work
///     """)
/// ```
///
/// What the evaluator receives:
/// - Blank nodes in WHERE clauses are variables: `_:b` becomes `_bnode.b`,
///   `[]` and the nodes of collections `_anon.N`.
/// - Sequence paths are expanded with fresh `_path.N` variables, `^iri` is
///   flipped and single IRIs are plain triple patterns; other paths are
///   `.path` nodes.
/// - Aggregates are computed by one `group` node into `_agg.N` variables;
///   GROUP BY expressions without `AS` are bound first to `_group.N`.
/// - Every internal name starts with `_` and contains a `.`, which no SPARQL
///   variable name can, so internal variables never clash with the query's own
///   (`?_x` is a legal SPARQL variable). ``isInternalVariable(_:)`` tells them apart.
/// - A SELECT query's pattern always ends in a `project` node (under
///   `distinct`/`reduced`/`slice`), also for `SELECT *`, whose projection is
///   the visible in-scope variables in the order they are first bound in the text.
public enum SPARQLParser {
    /// Parses a SPARQL 1.1 query — SELECT, CONSTRUCT (including the
    /// CONSTRUCT WHERE short form), ASK or DESCRIBE — and translates its
    /// WHERE clause and solution modifiers to algebra.
    ///
    /// - Parameters:
    ///   - text: the query.
    ///   - baseIRI: the base IRI for relative IRIs, used until the query's own
    ///     BASE declarations (which are resolved against it). Without one,
    ///     relative IRIs are kept as written.
    /// - Throws: ``SPARQLSyntaxError`` with the line and column of the
    ///   offending token and what was expected there.
    public static func parse(_ text: String, baseIRI: String? = nil) throws -> Query {
        try Parser(text: text, baseIRI: baseIRI).parseQuery()
    }

    /// Parses a SPARQL 1.1 Update request: operations separated by `;`,
    /// each after its own PREFIX and BASE declarations.
    ///
    /// Data blocks (INSERT DATA, DELETE DATA) hold no variables; DELETE
    /// templates, DELETE WHERE and DELETE DATA hold no blank nodes; a blank
    /// node label cannot be used by two operations of one request. WHERE
    /// clauses are translated to algebra as in queries.
    ///
    /// - Throws: ``SPARQLSyntaxError`` with the line and column of the
    ///   offending token and what was expected there.
    public static func parseUpdate(_ text: String, baseIRI: String? = nil) throws -> UpdateRequest {
        try Parser(text: text, baseIRI: baseIRI).parseUpdateRequest()
    }

    /// True for the variables the parser invents (blank nodes, path steps,
    /// aggregates, GROUP BY expressions). They are never results of
    /// `SELECT *` and never clash with variables written in a query.
    public static func isInternalVariable(_ name: Variable) -> Bool {
        name.hasPrefix("_") && name.contains(".")
    }
}
