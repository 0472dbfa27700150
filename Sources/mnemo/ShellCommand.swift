import ArgumentParser
import Foundation
import MnemoRDF
import MnemoSPARQL
import MnemoSearch
import MnemoSPARQLResults
import MnemoSPARQLSyntax
import MnemoStore

/// An interactive session over an open store: look up quad patterns,
/// list graphs, print statistics. Reads commands from standard input.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "An interactive session over the store (type 'help').")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        let interactive = isatty(0) != 0
        if interactive {
            print("Mnemo \(storeOptions.location): \(store.snapshot.count) quads. Type 'help' for commands.")
        }
        while true {
            if interactive { print("mnemo> ", terminator: ""); fflush(nil) }
            guard let line = readLine() else { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let word = trimmed.prefix { $0 != " " }.lowercased()
            let rest = String(trimmed.dropFirst(word.count))
            switch word {
            case "quit", "exit": return
            case "help": print(Self.help)
            case "stats": printStatistics(store.statistics(), location: storeOptions.location)
            case "graphs":
                for g in store.graphs() { print("\(g.iri.map { "<\($0)>" } ?? "(default graph)")\t\(g.quads)") }
            case "match", "count":
                guard let terms = Term.parsePattern(rest), (3...4).contains(terms.count) else {
                    print("error: expected 3 or 4 terms in N-Triples syntax, ? for any, e.g. match ? <http://www.w3.org/2000/01/rdf-schema#label> \"Abai\"@en")
                    continue
                }
                let quads = store.quads(subject: terms[0], predicate: terms[1], object: terms[2],
                                        graph: terms.count == 4 ? terms[3] : nil)
                if word == "count" {
                    print(quads.count)
                } else {
                    for q in quads.prefix(100) { print(q.nquads) }
                    if quads.count > 100 { print("… \(quads.count - 100) more") }
                }
            case "sparql":
                do {
                    let result = try SPARQLEngine(store: store, extensions: [NameScoreFunction()]).query(rest)
                    if case .graph(let quads) = result {
                        for q in quads { print(q.nquads) }
                    } else {
                        let prefixes = Dictionary(Store.commonPrefixes.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
                        print(try ResultFormat.table.string(result, prefixes: prefixes), terminator: "")
                    }
                } catch let e as SPARQLSyntaxError {
                    print("error: \(e.description)")
                } catch {
                    print("error: \(error)")
                }
            default:
                print("error: unknown command '\(word)'; type 'help'")
            }
            fflush(nil)
        }
    }

    static let help = """
        sparql QUERY      answer a SPARQL 1.1 query written on one line
        match S P O [G]   print quads matching the pattern (N-Triples terms, ? for any)
        count S P O [G]   count them
        graphs            list the named graphs and their sizes
        stats             counts of graphs, classes and predicates
        quit              leave
        """
}
