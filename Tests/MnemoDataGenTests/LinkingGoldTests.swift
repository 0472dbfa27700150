import Foundation
import Testing
import MnemoDataGen

/// The linking gold standard: records and gold agree, the hard cases are there, and runs repeat.
@Suite struct LinkingGoldTests {
    static func run(_ persons: Int, seed: UInt64 = 7) -> (text: String, gold: [GoldRecord], summary: LinkingGoldSummary) {
        var text = ""
        var gold: [GoldRecord] = []
        let summary = LinkingGoldGenerator.generate(LinkingGoldOptions(persons: persons, seed: seed),
                                                    quads: { text += $0 }, gold: { gold.append($0) })
        return (text, gold, summary)
    }

    @Test func everyGoldIRIIsATypedSubjectOfItsGraph() {
        let (text, gold, summary) = Self.run(600)
        let lines = text.split(separator: "\n")
        #expect(lines.count == summary.quads)
        var typed = Set<String>()
        for line in lines where line.contains("22-rdf-syntax-ns#type>") {
            let parts = line.split(separator: " ")
            typed.insert("\(parts[0].dropFirst().dropLast())|\(parts[3].dropFirst().dropLast())")
        }
        for g in gold { #expect(typed.contains("\(g.iri)|\(g.graph)"), "\(g.iri) has no type in \(g.graph)") }
        #expect(gold.filter { $0.kind == "person" }.count == summary.personRecords)
        #expect(gold.filter { $0.kind == "place" }.count == summary.placeRecords)
        #expect(Set(gold.filter { $0.kind == "person" }.map(\.entity)).count <= summary.persons)
    }

    @Test func scriptsStylesAndTrapsArePresent() {
        let (text, gold, summary) = Self.run(3000)
        let labels = text.split(separator: "\n").filter { $0.contains("rdf-schema#label>") && $0.contains("/person/") && !$0.contains("/time>") }
        #expect(labels.contains { $0.contains("@ru ") && $0.contains("graph/inst1>") })
        #expect(labels.contains { $0.contains("@kk ") && $0.contains("graph/inst1>") })
        #expect(labels.contains { $0.contains("@en ") && $0.contains("graph/inst2>") })
        #expect(labels.contains { $0.contains("@uz-Latn ") && $0.contains("graph/inst3>") })
        #expect(labels.contains { $0.contains("@uz-Cyrl ") && $0.contains("graph/inst3>") })
        // Abbreviated archive names ("Surname, G.").
        #expect(labels.contains { $0.contains("graph/inst3>") && $0.contains(".\"@uz") })
        let traps = Set(gold.map(\.trap))
        for t in ["namesake", "father-son", "surname-city", "homonym-place"] { #expect(traps.contains(t), "no \(t)") }
        #expect(summary.traps > summary.persons / 20)
        // Persons described by two and three institutions both occur.
        let sizes = Dictionary(grouping: gold.filter { $0.kind == "person" }, by: \.entity).values.map(\.count)
        #expect(sizes.contains(2) && sizes.contains(3) && sizes.contains(1))
    }

    @Test func equalOptionsGiveEqualBytesAndSeedsDiffer() {
        let a = Self.run(300), b = Self.run(300), c = Self.run(300, seed: 8)
        #expect(a.text == b.text)
        #expect(a.gold == b.gold)
        #expect(a.text != c.text)
    }
}
