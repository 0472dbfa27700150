import Foundation
import MnemoRDF
import MnemoSPARQLSyntax
@testable import MnemoSPARQLFunctions

let xsd = "http://www.w3.org/2001/XMLSchema#"
let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

/// A context with a fixed clock, base and seed.
func makeContext(base: String? = "http://example.org/") -> FunctionContext {
    FunctionContext(now: Date(timeIntervalSince1970: 1_700_000_000.25), baseIRI: base, seed: 7)
}

/// Calls a built-in with a fresh context.
func call(_ f: BuiltinFunction, _ args: Term...) throws -> Term {
    try Builtins.call(f, args, makeContext())
}

/// True when the call raises an ExpressionError.
func fails(_ f: BuiltinFunction, _ args: Term...) -> Bool {
    do { _ = try Builtins.call(f, args, makeContext()); return false } catch is ExpressionError { return true } catch { return false }
}

/// True when the closure raises an ExpressionError.
func raises<T>(_ body: () throws -> T) -> Bool {
    do { _ = try body(); return false } catch is ExpressionError { return true } catch { return false }
}

func cast(_ datatype: String, _ t: Term) throws -> Term {
    try Builtins.callIRI(xsd + datatype, [t], makeContext())
}

func integer(_ s: String) -> Term { .typed(s, xsd + "integer") }
func decimal(_ s: String) -> Term { .typed(s, xsd + "decimal") }
func double(_ s: String) -> Term { .typed(s, xsd + "double") }
func float(_ s: String) -> Term { .typed(s, xsd + "float") }
func boolean(_ b: Bool) -> Term { .typed(b ? "true" : "false", xsd + "boolean") }
func dateTime(_ s: String) -> Term { .typed(s, xsd + "dateTime") }
func date(_ s: String) -> Term { .typed(s, xsd + "date") }
