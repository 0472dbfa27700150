import ArgumentParser
import Foundation
import MnemoStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Graphs, quads per graph, top classes and predicates.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "How many classes and predicates to list.")
    var top = 10

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        printStatistics(store.statistics(top: top), location: storeOptions.location)
        print("\n" + describeOpen(store.openReport))
    }
}

/// How the index came at open, in one line: "index opened from the sidecar in 0.412 s".
func describeOpen(_ r: IndexOpenReport) -> String {
    var line = String(format: "index opened %@ in %.3f s", r.source == .sidecar ? "from the sidecar" : "by scanning the store", r.seconds)
    if let issue = r.sidecarIssue { line += " (\(issue))" }
    return line
}

func printStatistics(_ s: StoreStatistics, location: String) {
    print("store \(location): \(s.quads) quads, \(s.terms) terms, \(s.graphs.count) graphs")
    print("index \(s.indexBytes / 1024) KiB, dictionary \(s.dictionaryBytes / 1024) KiB")
    print("\ngraphs:")
    for g in s.graphs { print(String(format: "%10d  ", g.quads) + (g.iri.map { "<\($0)>" } ?? "(default graph)")) }
    print("\ntop classes:")
    for c in s.topClasses { print(String(format: "%10d  ", c.count) + c.iri) }
    print("\ntop predicates:")
    for p in s.topPredicates { print(String(format: "%10d  ", p.count) + p.iri) }
}

struct GraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graphs", abstract: "List the named graphs and their sizes.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        for g in store.graphs() { print("\(g.iri.map { "<\($0)>" } ?? "(default graph)")\t\(g.quads)") }
    }
}

struct DropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Delete a named graph.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The graph to delete.")
    var graph: String

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        let n = try reporting { try store.drop(graph: graph) }
        print("dropped <\(graph)>: \(n) quads")
    }
}
