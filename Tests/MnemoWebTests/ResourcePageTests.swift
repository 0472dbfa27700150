import Foundation
import MnemoRDF
import MnemoStore
import Testing
@testable import MnemoWeb

@Suite struct ResourcePageTests {
    let abai = base + "library-almaty/person/1"

    @Test func personViewHasLabelsEventsAndInstitutions() throws {
        let store = try fixtureStore()
        let view = try #require(ResourceView.load(iri: abai, store: store))
        #expect(view.kind == .person)
        #expect(view.labels.contains(Label(text: "Абай Кунанбаев", language: "ru", property: WebVocabulary.rdfsLabel)))
        #expect(view.labels.contains { $0.text == "Abai Qūnanbaiūly" && $0.language == "kk-latn" })
        #expect(view.labels.contains { $0.text == "Ибраһим Құнанбайұлы" && $0.property == WebVocabulary.symbolicContent })
        #expect(view.identifiers.map(\.text) == ["KZ-ALM-P-000001"])
        let birth = try #require(view.events.first { $0.types.contains(WebVocabulary.crm + "E67_Birth") })
        #expect(birth.eventIsSubject)
        #expect(birth.timeSpans.first?.begin == "1845-08-10")
        #expect(birth.timeSpans.first?.display == "1845-08-10")
        #expect(birth.places.first?.labels.contains { $0.text == "Shyngystau" } == true)
        #expect(view.events.contains { $0.types.contains(WebVocabulary.crm + "E69_Death") })
        let library = try #require(view.graphs.first { $0.iri == base + "graph/library-almaty" })
        #expect(library.institution?.labels.contains { $0.text == "Almaty Central Research Library" } == true)
        #expect(view.graphs.contains { $0.iri == base + "graph/authority-links" })
        #expect(view.incoming.contains { $0.property == WebVocabulary.crm + "P67_refers_to" })
    }

    @Test func personPageShowsWhatAUserReads() throws {
        let store = try fixtureStore()
        let html = HTMLPage.render(try #require(ResourceView.load(iri: abai, store: store)), baseURL: base)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<span lang=\"ru\">Абай Кунанбаев</span>"))
        #expect(html.contains("<span lang=\"kk-Latn\">Abai Qūnanbaiūly</span>"))
        #expect(html.contains("<time>1845-08-10</time>"))
        #expect(html.contains(">Shyngystau</a>"))
        #expect(html.contains("href=\"/library-almaty/place/2\""))
        #expect(html.contains(">Almaty Central Research Library</a>"))
        #expect(html.contains("<link rel=\"alternate\" type=\"text/turtle\" href=\"/library-almaty/person/1?format=turtle\""))
        #expect(html.contains("href=\"http://viaf.org/viaf/999000001\""))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
    }

    @Test func eventAndPlaceKinds() throws {
        let store = try fixtureStore()
        #expect(ResourceView.load(iri: base + "library-almaty/event/production-1", store: store)?.kind == .event)
        #expect(ResourceView.load(iri: base + "library-almaty/place/2", store: store)?.kind == .place)
        #expect(ResourceView.load(iri: base + "library-almaty/item/1", store: store)?.kind == .object)
        #expect(ResourceView.load(iri: base + "library-almaty/item/1", store: store)?.events.first?.places.first?
            .labels.contains { $0.text == "Saint Petersburg" } == true)
        #expect(ResourceView.load(iri: base + "graph/registry", store: store) == nil)  // a graph name, in no triple
        // Mentioned only as an object: still a page.
        #expect(ResourceView.load(iri: "http://viaf.org/viaf/999000001", store: store) != nil)
    }

    @Test func unknownIRIHasNoView() throws {
        let store = try fixtureStore()
        #expect(ResourceView.load(iri: base + "id/nobody", store: store) == nil)
        #expect(ResourceView.load(iri: "", store: store) == nil)
    }

    @Test func everyTextIsEscaped() throws {
        let store = try Store.open("memory:")
        let x = Term.iri(base + "id/x")
        try store.add([
            Quad(x, .iri(WebVocabulary.rdfType), .iri(WebVocabulary.crm + "E21_Person")),
            Quad(x, .iri(WebVocabulary.rdfsLabel), .langString("<script>alert('x')</script> & co", "en")),
            Quad(x, .iri(WebVocabulary.rdfs + "comment"), .string("\"quoted\" <b>bold</b>")),
            Quad(x, .iri(WebVocabulary.owl + "sameAs"), .iri("http://example.org/a?b=1&c=\"2\"")),
        ])
        let html = HTMLPage.render(try #require(ResourceView.load(iri: base + "id/x", store: store)), baseURL: base)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(html.contains("href=\"http://example.org/a?b=1&amp;c=&quot;2&quot;\""))
        #expect(HTML.languageTag("uz-cyrl") == "uz-Cyrl")
        #expect(HTML.languageTag("en\" onload=\"x") == nil)
    }
}
