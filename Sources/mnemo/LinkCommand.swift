import ArgumentParser
import Foundation
import MnemoLinking
import MnemoRDF
import MnemoSearch
import MnemoStore

/// The options every linking command shares.
struct LinkingOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("base-uri"), help: "The IRI prefix the links graph and mapping records are minted under.")
    var baseURI = "https://data.mnemo.example/"

    var linkOptions: LinkOptions { LinkOptions(base: baseURI) }
}

/// `mnemo link`: find the records of different institutions that describe one entity.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link co-referent persons and places across named graphs.",
        discussion: """
            Records are blocked on name keys (cross-script), every candidate pair is scored from \
            names, life years, places, coordinates and authority identifiers, and pairs are joined \
            into coherent clusters (one record per graph; no pair in a cluster that cannot be one \
            entity). Pairs at or above --accept become skos:exactMatch links in the links graph, \
            with SSSOM-style mapping records; pairs from --review up go to `mnemo links review`. \
            Curators' decisions (`mnemo links confirm|reject`) are honoured on every run. Re-running \
            over unchanged data writes nothing.
            """)

    @OptionGroup var options: LinkingOptions

    @Option(help: "Kinds to link, comma-separated: person, place, group, event, object.")
    var types = "person,place"

    @Option(help: "Confidence from which a pair becomes a link.")
    var accept = 0.9

    @Option(help: "Confidence from which a pair goes to the review list.")
    var review = 0.7

    func validate() throws {
        for t in types.split(separator: ",") where Kind(rawValue: String(t)) == nil {
            throw ValidationError("unknown type '\(t)'; use person, place, group, event or object")
        }
        guard (0...1).contains(accept), (0...1).contains(review), review <= accept else {
            throw ValidationError("--review and --accept are confidences from 0 to 1, with --review at most --accept")
        }
    }

    func run() throws {
        let store = try options.storeOptions.open()
        defer { store.close() }
        var o = options.linkOptions
        o.kinds = Set(types.split(separator: ",").compactMap { Kind(rawValue: String($0)) })
        o.accept = accept
        o.review = review
        // Pair scores are kept beside an SQLite store, so a re-run re-scores only pairs with a changed record.
        if case .sqlite(let path) = store.location { o.cachePath = path + ".links-cache" }
        let start = Date()
        let report = try reporting { try Linker(store: store, options: o).run() }
        for k in report.kinds {
            print("\(k.kind.rawValue): \(k.records) records, \(k.pairsCompared) pairs compared (\(k.pairsReused) scores kept from the last run, \(k.largeBlocks) large blocks), "
                  + "\(k.accepted) links, \(k.confirmed) confirmed, \(k.review) to review, \(k.clusters) entities in more than one graph")
        }
        let stages = report.seconds.sorted { $0.key < $1.key }.map { String(format: "%@ %.2f s", $0.key, $0.value) }.joined(separator: ", ")
        print("mappings: \(report.added) new, \(report.removed) gone, \(report.unchanged) unchanged; "
              + "\(report.changedRecords) records changed since the last run")
        print(String(format: "linked in %.2f s (%@) into <%@>", Date().timeIntervalSince(start), stages, o.linksGraph))
    }
}

/// `mnemo links`: the review loop and the export of links.
struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Review, confirm, reject and export the links `mnemo link` made.",
        subcommands: [Review.self, Confirm.self, Reject.self, Export.self, Cluster.self, Explain.self])

    /// `mnemo links review`: the review band with the evidence side by side.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pairs waiting for a curator, with their evidence.")
        @OptionGroup var options: LinkingOptions
        @Option(help: "Most pairs to list.") var limit = 50
        @Flag(help: "Also list the accepted links.") var all = false

        func run() throws {
            let store = try options.storeOptions.open()
            defer { store.close() }
            let ms = Mapping.read(from: store, graph: options.linkOptions.linksGraph)
                .filter { all || $0.status == .review }
                .sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.subject < $1.subject }
            if ms.isEmpty { print("nothing to review"); return }
            for m in ms.prefix(limit) {
                print(String(format: "%.3f  %@  %@", m.confidence, m.status.rawValue, m.kind))
                print("  \(m.subjectLabel)  <\(m.subject)>  in <\(m.subjectGraph)>")
                print("  \(m.objectLabel)  <\(m.object)>  in <\(m.objectGraph)>")
                print("  \(m.explanation)")
            }
            if ms.count > limit { print("… and \(ms.count - limit) more (--limit)") }
        }
    }

    /// The arguments of a decision.
    struct DecisionArguments: ParsableArguments {
        @OptionGroup var options: LinkingOptions
        @Option(help: "Who decides (default: $USER).") var curator: String?
        @Option(help: "Why, kept with the decision.") var note: String?
        @Argument(help: "The two IRIs.") var iris: [String]

        func validate() throws {
            guard iris.count == 2, iris[0] != iris[1] else { throw ValidationError("give the two IRIs of the pair") }
        }

        func record(_ verdict: Decision.Verdict) throws {
            let store = try options.storeOptions.open()
            defer { store.close() }
            let who = curator ?? ProcessInfo.processInfo.environment["USER"] ?? "curator"
            let f = ISO8601DateFormatter()
            let d = Decision(iris[0], iris[1], verdict: verdict, curator: who, date: f.string(from: Date()), note: note)
            try reporting { try Decision.record(d, in: store, options: options.linkOptions) }
            print("\(verdict.rawValue): <\(d.subject)> <\(d.object)> by \(who)")
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm that two records are one entity (owl:sameAs).")
        @OptionGroup var arguments: DecisionArguments
        func run() throws { try arguments.record(.confirmed) }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a pair: it is never linked again.")
        @OptionGroup var arguments: DecisionArguments
        func run() throws { try arguments.record(.rejected) }
    }

    /// `mnemo links export --format sssom`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the links as SSSOM TSV (or N-Triples of the links graph).")
        @OptionGroup var options: LinkingOptions
        @Option(help: "sssom or nt.") var format = "sssom"
        @Flag(name: .customLong("include-review"), help: "Also write the review band (as skos:relatedMatch rows).") var includeReview = false

        func validate() throws {
            guard ["sssom", "nt"].contains(format) else { throw ValidationError("unknown format '\(format)'; use sssom or nt") }
        }

        func run() throws {
            let store = try options.storeOptions.open()
            defer { store.close() }
            let o = options.linkOptions
            if format == "nt" {
                for (s, p, obj) in store.graphTriples(o.linksGraph) {
                    print("\(s.ntriples) \(p.ntriples) \(obj.ntriples) .")
                }
                return
            }
            let ms = Mapping.read(from: store, graph: o.linksGraph)
            FileHandle.standardOutput.write(Data(SSSOMWriter.tsv(ms, setID: o.linksGraph, includeReview: includeReview).utf8))
        }
    }

    /// `mnemo links explain A B`: why a pair is or is not linked.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show two records' features, shared block keys and pair score.")
        @OptionGroup var options: LinkingOptions
        @Argument(help: "The two IRIs.") var iris: [String]
        func validate() throws { guard iris.count == 2 else { throw ValidationError("give the two IRIs of the pair") } }
        func run() throws {
            let store = try options.storeOptions.open()
            defer { store.close() }
            print(Linker(store: store, options: options.linkOptions).explain(iris[0], iris[1]))
        }
    }

    /// `mnemo links cluster IRI`: the merged view of one entity.
    struct Cluster: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one entity as every institution describes it, each statement with its source graph.")
        @OptionGroup var options: LinkingOptions
        @Argument(help: "The IRI of any record of the entity.") var iri: String

        func run() throws {
            let store = try options.storeOptions.open()
            defer { store.close() }
            let view = ClusterView(of: iri, in: store, options: options.linkOptions)
            print("entity of \(view.members.count) record(s):")
            for m in view.members { print("  <\(m)>") }
            for m in view.mappings {
                print("  \(m.status.rawValue) \(String(format: "%.3f", m.confidence)): <\(m.subject)> = <\(m.object)>")
            }
            for s in view.statements {
                print("<\(s.subject)> <\(s.predicate)> \(s.object.ntriples)  # <\(s.graph)>")
            }
        }
    }
}
