import ArgumentParser
import Foundation
import MnemoSearch
import MnemoStore

/// `mnemo search`: find persons, groups, places, events, objects and concepts by name, across scripts.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find entities by name, across Cyrillic and Latin scripts.",
        discussion: """
            Every label (rdfs:label, skos:prefLabel/altLabel, dc/dcterms:title and CIDOC-CRM \
            appellations) is keyed by its words NFKC case-folded, transliterated with ICU and \
            folded to a spelling skeleton, so "Valikhanov" finds "Валиханов" and "Шоқан Уәлиханов".
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Only this kind: person, group, place, event, object or concept.")
    var type: String?

    @Option(help: "Show labels in this language (BCP 47 tag or prefix, e.g. kk, ru, uz-latn).")
    var lang: String?

    @Option(help: "Most hits (default 20).")
    var limit: Int = 20

    @Option(help: "table or json.")
    var format: String = "table"

    @Flag(help: "Print the index build time and size on standard error.")
    var time = false

    @Argument(help: "The name to search for.")
    var query: String

    func validate() throws {
        if let type, Kind(rawValue: type) == nil {
            throw ValidationError("unknown type '\(type)'; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !["table", "json"].contains(format) { throw ValidationError("unknown format '\(format)'; use table or json") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a name to search for") }
    }

    func run() throws {
        let store = try storeOptions.open()
        defer { store.close() }
        let index = NameIndex(store: store)
        if time {
            FileHandle.standardError.write(Data(String(format: "index: %d entities, %d labels, %d words in %.3f s\n",
                                                       index.entityCount, index.labelCount, index.tokenCount, index.buildSeconds).utf8))
        }
        let hits = index.search(query, type: type.flatMap(Kind.init(rawValue:)), language: lang, limit: limit)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(hits) + Data("\n".utf8))
            return
        }
        if hits.isEmpty {
            print("no entity named like '\(query)'")
            return
        }
        let rows = hits.map { h -> [String] in
            let years = (h.birthYear == nil && h.deathYear == nil) ? "" : "\(h.birthYear.map(String.init) ?? "?")–\(h.deathYear.map(String.init) ?? "")"
            return [String(format: "%.3f", h.score), h.kind?.rawValue ?? "-", h.label.value + (h.label.language.map { "@\($0)" } ?? ""),
                    years, h.how.map(\.rawValue).joined(separator: ","), h.iri]
        }
        let header = ["score", "kind", "label", "years", "how", "iri"]
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: "  ")
        }
        print(line(header))
        for r in rows { print(line(r)) }
    }
}
