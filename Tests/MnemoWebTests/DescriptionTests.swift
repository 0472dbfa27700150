import MnemoRDF
import MnemoStore
import Testing
@testable import MnemoWeb

@Suite struct ConciseBoundedDescriptionTests {
    @Test func followsBlankNodesOnly() throws {
        let store = try fixtureStore()
        let item = base + "library-almaty/item/1"
        let quads = ConciseBoundedDescription.quads(of: item, store: store)
        #expect(quads.contains { $0.object == .string("КР 1909/14") })
        #expect(quads.contains { $0.object == .typed("126", WebVocabulary.xsd + "integer") })
        // Named resources it points at are not described; nor is anything pointing at it.
        #expect(!quads.contains { $0.subject == .iri(base + "library-almaty/work/1") })
        #expect(!quads.contains { $0.object == .iri(item) })
        #expect(quads.allSatisfy { $0.subject == .iri(item) || $0.subject.isBlank })
        let symmetric = ConciseBoundedDescription.quads(of: item, store: store, symmetric: true)
        #expect(symmetric.contains { $0.subject == .iri(base + "library-almaty/event/production-1") && $0.object == .iri(item) })
        #expect(ConciseBoundedDescription.quads(of: base + "none", store: store).isEmpty)
    }

    @Test func recursesThroughNestedBlankNodesAndCycles() throws {
        let store = try Store.open("memory:")
        let a = Term.iri(base + "id/a"), p = Term.iri(base + "p")
        try store.add([
            Quad(a, p, .blank("b1")), Quad(.blank("b1"), p, .blank("b2")), Quad(.blank("b2"), p, .string("deep")),
            Quad(.blank("b2"), p, .blank("b1")), Quad(.blank("other"), p, .string("unrelated")),
        ])
        let quads = ConciseBoundedDescription.quads(of: base + "id/a", store: store)
        #expect(quads.count == 4)
        #expect(quads.contains { $0.object == .string("deep") })
        #expect(ConciseBoundedDescription.triples(of: base + "id/a", store: store).count == 4)
    }
}
