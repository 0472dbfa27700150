import MnemoRDF
import MnemoStore
import Testing
@testable import MnemoWeb

@Suite struct QueryPageTests {
    @Test(arguments: ExampleQuery.cidocCRM)
    func exampleAnswersOnTheFixtures(_ example: ExampleQuery) throws {
        let store = try fixtureStore()
        let rows = try select(store, example.query)
        #expect(rows.count >= 1, "\(example.title)")
    }

    @Test func examplesAnswerWhatTheySay() throws {
        let store = try fixtureStore()
        let q = ExampleQuery.cidocCRM
        let born = try select(store, q[0].query)
        #expect(born.contains { $0["name"] == .langString("Abai Qunanbaiuly", "en") && $0["placeName"] == .langString("Shyngystau", "en") })
        let decades = try select(store, q[1].query)
        #expect(decades.contains { row in row["decade"].map { if case .literal(let l) = $0 { return Double(l.lexical) == 1840 } else { return false } } == true })
        let same = try select(store, q[3].query)
        #expect(same.contains { $0["person"] == .iri(base + "library-almaty/person/1") && $0["otherGraph"] == .iri(base + "graph/archive-kazan") })
    }

    @Test func pageIsSelfContained() {
        let html = QueryPage.html(endpointPath: "/sparql", examples: ExampleQuery.cidocCRM)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for id in ["id=\"query\"", "id=\"status\"", "id=\"results\"", "id=\"error\"", "id=\"downloads\""] {
            #expect(html.contains(id))
        }
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(html.contains("application/sparql-results+json"))
        #expect(html.contains("crm:E67_Birth"))
        // Example text is escaped inside the page.
        let page = QueryPage.html(examples: [ExampleQuery(title: "<b>x</b>", query: "SELECT * { ?s ?p \"</pre><script>\" }")])
        #expect(!page.contains("<b>x</b>"))
        #expect(page.contains("&lt;/pre&gt;&lt;script&gt;"))
    }
}

extension ExampleQuery: CustomTestStringConvertible {
    public var testDescription: String { title }
}
