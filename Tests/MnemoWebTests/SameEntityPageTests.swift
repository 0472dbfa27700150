import Foundation
import MnemoRDF
import MnemoStore
import Testing
@testable import MnemoWeb

/// The cluster sections of MnemoWeb's pages, from plain link data (the
/// service reads the links graph; MnemoWeb only names and renders).
@Suite struct SameEntityPageTests {
    let abai = base + "library-almaty/person/1"
    let museumAbai = base + "museum-tashkent/agent/abai"

    @Test func aPageListsTheOtherRecordsWithTheirInstitutions() throws {
        let store = try fixtureStore()
        let view = try #require(ResourceView.load(iri: abai, store: store))
        #expect(HTMLPage.render(view).contains("The same entity elsewhere") == false, "nothing linked, no section")
        let links = [
            SameEntityLink(iri: museumAbai, graph: base + "graph/museum-tashkent", status: "confirmed", confidence: 1),
            SameEntityLink(iri: "urn:x:<b>", graph: nil, status: "accepted", confidence: 0.9134, via: museumAbai),
        ]
        let html = HTMLPage.render(view.withSameEntity(links, clusterPath: "/links/cluster?iri=" + HTMLPage.percentEncode(abai), store: store))
        let section = try #require(html.components(separatedBy: "<h2 id=\"same-entity\">").last)
        #expect(section.contains("href=\"/museum-tashkent/agent/abai\""))
        #expect(section.contains("href=\"/graph/museum-tashkent\""))
        #expect(section.contains("confirmed"))
        #expect(section.contains("confidence 0.913"))
        #expect(section.contains("through"))
        #expect(section.contains("urn:x:&lt;b&gt;") && !section.contains("<b>"), "escaped")
        #expect(section.contains("href=\"/links/cluster?iri=https%3A%2F%2Fdata.mnemo.example%2Flibrary-almaty%2Fperson%2F1\""))
    }

    @Test func theMergedViewGroupsStatementsByGraph() throws {
        let store = try fixtureStore()
        let statements: [(subject: String, predicate: String, object: Term, graph: String)] = [
            (abai, WebVocabulary.rdfsLabel, .literal(Literal("Абай", language: "kk")), base + "graph/library-almaty"),
            (museumAbai, WebVocabulary.rdfsLabel, .string("</table><script>x</script>"), base + "graph/museum-tashkent"),
        ]
        let page = ClusterPageView.load(iri: abai, members: [abai, museumAbai],
                                        links: [ClusterLink(subject: abai, object: museumAbai, status: "accepted", confidence: 0.97,
                                                            explanation: "name +0.6 (exact 1.0)")],
                                        statements: statements, store: store)
        #expect(page.sections.map(\.graph.iri) == [base + "graph/library-almaty", base + "graph/museum-tashkent"])
        let html = HTMLPage.render(cluster: page)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;/table&gt;&lt;script&gt;x&lt;/script&gt;"))
        #expect(html.contains("href=\"/museum-tashkent/agent/abai\""))
        #expect(html.contains("name +0.6 (exact 1.0)"))
        #expect(html.components(separatedBy: "<h2 class=\"source\">").count == 3)
    }
}
