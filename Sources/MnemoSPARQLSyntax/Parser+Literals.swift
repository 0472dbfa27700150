import MnemoRDF

// Literals in patterns, templates and VALUES (grammar rules 129–135).
extension Parser {
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
}
