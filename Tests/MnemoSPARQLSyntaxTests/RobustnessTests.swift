import Foundation
import MnemoSPARQLSyntax
import Testing

/// Collects results from the thread that runs `body`.
private final class Outcomes: @unchecked Sendable {
    var failures: [String] = []
}

/// Runs `body` on a thread with a 512 KiB stack — the size of secondary
/// threads on macOS — and waits for it.
private func onSmallStack(_ body: @escaping @Sendable (Outcomes) -> Void) -> [String] {
    let outcomes = Outcomes()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body(outcomes)
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    return outcomes.failures
}

@Suite struct RobustnessTests {
    /// 10,000 openers of every nestable construct give an error, not a stack overflow.
    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "(", count: 10_000)
        let queries = [
            "SELECT * { FILTER(\(deep)",
            "SELECT * { FILTER(\(String(repeating: "STR(", count: 10_000))",
            "SELECT * { FILTER(\(String(repeating: "!(", count: 10_000))",
            "SELECT * { \(String(repeating: "{", count: 10_000))",
            "SELECT * { \(String(repeating: "OPTIONAL { ?s ?p ?o ", count: 10_000))",
            "SELECT * { \(String(repeating: "{ ?s ?p ?o FILTER NOT EXISTS ", count: 10_000))",
            "SELECT * { ?s ?p \(deep)",
            "SELECT * { ?s \(deep)",
            "SELECT * { ?s ?p \(String(repeating: "[ <p> ", count: 10_000))",
            "SELECT * { \(String(repeating: "{ SELECT * ", count: 10_000))",
            "SELECT (\(deep) AS ?x) {}",
            "CONSTRUCT { ?s ?p \(deep) } WHERE {}",
        ]
        let failures = onSmallStack { outcomes in
            for q in queries {
                guard let e = syntaxError(q) else {
                    outcomes.failures.append("parsed: \(q.prefix(40))")
                    continue
                }
                if !e.message.contains("nested more than") {
                    outcomes.failures.append("\(q.prefix(40)): \(e)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The limit leaves plenty of room for real queries.
    @Test func reasonableNestingIsAccepted() {
        let parens = "SELECT * { FILTER(\(String(repeating: "(", count: 40))?x\(String(repeating: ")", count: 40))) }"
        let groups = "SELECT * { \(String(repeating: "{", count: 40)) ?s ?p ?o \(String(repeating: "}", count: 40)) }"
        #expect(syntaxError(parens) == nil)
        #expect(syntaxError(groups) == nil)
    }

    /// Long chains of associative operators become balanced trees; long
    /// arithmetic chains and groups are refused beyond the tree-depth limit.
    @Test func longChains() throws {
        let ors = "ASK { FILTER(?x = 0" + String(repeating: " || ?x = 1", count: 50_000) + ") }"
        #expect(syntaxError(ors) == nil)
        let unions = "ASK { {}" + String(repeating: " UNION {}", count: 20_000) + " }"
        #expect(syntaxError(unions) == nil)
        let values = "ASK { VALUES ?x {" + String(repeating: " 1", count: 50_000) + " } }"
        #expect(syntaxError(values) == nil)
        let list = "ASK { ?s ?p (" + String(repeating: " 1", count: 50_000) + " ) }"
        #expect(syntaxError(list) == nil)
        let sum = "SELECT (0" + String(repeating: " + 1", count: 50_000) + " AS ?x) {}"
        #expect(syntaxError(sum)?.message.hasPrefix("the query is too deeply structured here") == true)
        let optionals = "ASK {" + String(repeating: " OPTIONAL {}", count: 50_000) + " }"
        #expect(syntaxError(optionals)?.message.hasPrefix("the query is too deeply structured here") == true)
    }

    /// Random token soup and random characters never crash the parser.
    @Test func randomInputNeverCrashes() {
        let vocabulary = [
            "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "*", "{", "}", "(", ")", "[", "]", ".", ";", ",", "?x", "$y",
            "<http://e/a>", ":p", "ex:q", "_:b", "a", "\"s\"", "'t'@en", "1", "-2.5", "+3e4", "true", "OPTIONAL", "UNION",
            "MINUS", "GRAPH", "SERVICE", "SILENT", "FILTER", "BIND", "AS", "VALUES", "UNDEF", "GROUP", "BY", "HAVING", "ORDER",
            "ASC", "DESC", "LIMIT", "OFFSET", "DISTINCT", "COUNT", "SUM", "GROUP_CONCAT", "SEPARATOR", "=", "!=", "<", ">=",
            "&&", "||", "!", "+", "-", "/", "|", "^", "^^", "?", "IN", "NOT", "EXISTS", "STR", "REGEX", "IF", "BOUND",
            "PREFIX", "BASE", "ex:", "FROM", "NAMED", "\\u0041", "#c\n",
        ]
        var generator = SplitMix(seed: 2024)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 40)
            var parts = ["PREFIX : <http://e/> PREFIX ex: <http://e/>"]
            for _ in 0..<count { parts.append(vocabulary[Int(generator.next() % UInt64(vocabulary.count))]) }
            _ = syntaxError(parts.joined(separator: generator.next() % 5 == 0 ? "" : " "))
        }
        for _ in 0..<500 {
            let count = Int(generator.next() % 60)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<count {
                let v = UInt32(generator.next() % 0x80)
                scalars.append(Unicode.Scalar(generator.next() % 8 == 0 ? 0x430 + v : v) ?? "x")
            }
            _ = syntaxError(String(scalars))
        }
    }

    /// Every W3C test query with characters deleted, doubled or swapped still
    /// parses or fails cleanly.
    @Test func mutatedQueriesNeverCrash() throws {
        guard let root = W3CSuite.sparql else { return }
        let directory = root.appendingPathComponent("sparql11/syntax-query")
        var generator = SplitMix(seed: 7)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".rq") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { continue }
            let scalars = Array(text.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            for _ in 0..<20 {
                var mutated = scalars
                let at = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated.remove(at: at)
                case 1: mutated.insert(mutated[at], at: at)
                default: mutated.swapAt(at, Int(generator.next() % UInt64(mutated.count)))
                }
                _ = syntaxError(String(String.UnicodeScalarView(mutated)))
            }
        }
    }
}

/// A small deterministic random number generator for the fuzz tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
