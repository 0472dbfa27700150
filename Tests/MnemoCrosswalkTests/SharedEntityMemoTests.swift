import Foundation
import MnemoCrosswalk
import MnemoRDF
import Testing

/// A run with a ``SharedEntityMemo`` must write the same graph as one without,
/// and report the same for every record; only repeated descriptions of shared
/// agents, places and concepts are left out.
@Suite struct SharedEntityMemoTests {
    static let datasets: [(SourceFormat, [String])] = [
        (.marcxml, ["marc/russian-utf8.xml", "marc/kazakh-uzbek.xml"]),
        (.marc21, ["marc/utf8.mrc", "marc/marc8.mrc"]),
        (.rusmarc, ["marc/rusmarc.xml"]),
        (.lido, ["lido/museum-almaty-lido11.xml", "lido/museum-tashkent-lido10.xml", "lido/problem-records.xml"]),
        (.ead, ["ead/kazan-yunusov-family.xml", "ead/almaty-kasteev-nonamespace.xml"]),
        (.oai_dc, ["dc/oai-dc-records.xml", "dc/qualified-dc.xml"]),
        (.csv, ["csv/museum-almaty.csv"]),
    ]

    /// Every record of the files, twice over, so that the second pass repeats every shared entity.
    func records(_ cw: Crosswalk, _ files: [String]) throws -> [Crosswalk.Pending] {
        var pending: [Crosswalk.Pending] = []
        for f in files { try cw.readPending(file: fixture(f)) { pending.append($0) } }
        return pending + pending
    }

    @Test(arguments: datasets.indices)
    func sameGraphAndReportsWithAndWithoutMemo(_ i: Int) throws {
        let (format, files) = Self.datasets[i]
        let cw = try Crosswalk(IngestOptions(format: format, institution: "memo", dataset: "ds"))
        let pending = try records(cw, files)
        let memo = SharedEntityMemo()
        var plain = Set<TripleBuffer.Triple>(), memoised = Set<TripleBuffer.Triple>()
        var plainCount = 0, memoCount = 0
        for p in pending {
            let a = cw.convert(p), b = cw.convert(p, memo: memo)
            switch (a, b) {
            case (.mapped(let x), .mapped(let y)):
                plain.formUnion(x.triples.triples); plainCount += x.triples.triples.count
                memoised.formUnion(y.triples.triples); memoCount += y.triples.triples.count
                #expect(x.problems == y.problems, "\(format) \(x.recordID)")
                #expect(x.agents == y.agents && x.persons == y.persons && x.places == y.places, "\(format) \(x.recordID)")
                #expect(x.events == y.events)
            case (.skipped(let x), .skipped(let y)):
                #expect(x.reason == y.reason)
            default:
                Issue.record("\(format): mapped with one, skipped with the other")
            }
        }
        #expect(!plain.isEmpty)
        #expect(plain == memoised, "\(format): \(plain.subtracting(memoised).count) triples missing with the memo")
        // The second pass finds every shared entity remembered.
        #expect(memoCount < plainCount, "\(format): \(memoCount) vs \(plainCount)")
        #expect(memo.count > 0)
    }

    @Test func memoryStaysBoundedAndForgettingOnlyRepeats() throws {
        let cw = try Crosswalk(IngestOptions(format: .lido, institution: "memo", dataset: "ds"))
        let pending = try records(cw, ["lido/museum-almaty-lido11.xml", "lido/museum-tashkent-lido10.xml"])
        let memo = SharedEntityMemo(capacity: 2)
        var plain = Set<TripleBuffer.Triple>(), memoised = Set<TripleBuffer.Triple>()
        for p in pending {
            if case .mapped(let x) = cw.convert(p) { plain.formUnion(x.triples.triples) }
            if case .mapped(let y) = cw.convert(p, memo: memo) { memoised.formUnion(y.triples.triples) }
        }
        #expect(memo.count <= 4)
        #expect(memo.generations > 0)
        #expect(plain == memoised)
    }

    @Test func namesThatDifferOnlyInNormalisationStayApart() throws {
        // "Фёдор Достоевский" written precomposed (NFC, ё and й one code point each) and decomposed (NFD): Swift's == calls them equal,
        // but both spellings must survive byte for byte.
        let nfc = "Достоевский, Фёдор Михайлович", nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc == nfd && Array(nfc.utf8) != Array(nfd.utf8))
        let mapper = RecordMapper(minter: URIMinter(institution: "memo", dataset: "ds"),
                                  settings: MappingSettings(dataProvider: "test"))
        func record(_ id: String, _ name: String) -> HeritageRecord {
            var r = HeritageRecord(id: id, kind: .document, edmType: .text)
            r.titles = [LangText("Абай жолы", language: "kk")]
            r.events = [EventRecord(kind: .creation, participants: [Participation(agent: AgentRef(names: [LangText(name, language: "kk")]))])]
            return r
        }
        let memo = SharedEntityMemo()
        let first = mapper.map(record("a", nfc), memo: memo), second = mapper.map(record("b", nfd), memo: memo)
        let literals = (first.triples.triples + second.triples.triples).compactMap { t -> [UInt8]? in
            if case .literal(let l) = t.o { return Array(l.lexical.utf8) }
            return nil
        }
        #expect(literals.contains(Array(nfc.utf8)))
        #expect(literals.contains(Array(nfd.utf8)))
    }
}
