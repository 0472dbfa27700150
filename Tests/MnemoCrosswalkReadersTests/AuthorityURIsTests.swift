import Testing
import MnemoCrosswalk

@Suite struct AuthorityURIsTests {
    @Test(arguments: [
        ("viaf", "12345", "http://viaf.org/viaf/12345"),
        ("VIAF", " 999000001 ", "http://viaf.org/viaf/999000001"),
        ("gnd", "118540238", "https://d-nb.info/gnd/118540238"),
        ("DE-588", "2003131-X", "https://d-nb.info/gnd/2003131-X"),
        ("lcnaf", "n  79021164", "http://id.loc.gov/authorities/names/n79021164"),
        ("lc", "no2009012345", "http://id.loc.gov/authorities/names/no2009012345"),
        ("lc", "sh 85076502", "http://id.loc.gov/authorities/subjects/sh85076502"),
        ("lcsh", "sh85076502", "http://id.loc.gov/authorities/subjects/sh85076502"),
        ("ulan", "500115493", "http://vocab.getty.edu/ulan/500115493"),
        ("ULAN", "500999101", "http://vocab.getty.edu/ulan/500999101"),
        ("tgn", "7001550", "http://vocab.getty.edu/tgn/7001550"),
        ("aat", "300033618", "http://vocab.getty.edu/aat/300033618"),
        ("geonames", "551487", "https://sws.geonames.org/551487/"),
        ("GeoNames", "1512440", "https://sws.geonames.org/1512440/"),
        ("wikidata", "Q900", "http://www.wikidata.org/entity/Q900"),
        ("wikidata", "232", "http://www.wikidata.org/entity/Q232"),
        ("wd", "q265", "http://www.wikidata.org/entity/Q265"),
        ("isni", "0000 0001 2144 3456", "https://isni.org/isni/0000000121443456"),
        ("http://vocab.getty.edu/ulan/", "500999103", "http://vocab.getty.edu/ulan/500999103"),
        ("https://www.wikidata.org/", "Q35493", "http://www.wikidata.org/entity/Q35493"),
    ])
    func sourceAndNumber(source: String, value: String, uri: String) {
        #expect(AuthorityURIs.expand(source: source, value: value) == uri)
    }

    @Test func marcSubfieldZeroForms() {
        #expect(AuthorityURIs.expand(source: nil, value: "(viaf)12345") == "http://viaf.org/viaf/12345")
        #expect(AuthorityURIs.expand(source: nil, value: "(DE-588)118540238") == "https://d-nb.info/gnd/118540238")
        #expect(AuthorityURIs.expand(source: nil, value: "(DLC)n  79021164") == "http://id.loc.gov/authorities/names/n79021164")
        #expect(AuthorityURIs.expand(source: nil, value: "(DLC)sh 85076502") == "http://id.loc.gov/authorities/subjects/sh85076502")
        #expect(AuthorityURIs.expand(source: nil, value: "(isni)0000 0001 2144 3456") == "https://isni.org/isni/0000000121443456")
        // The prefix in the value wins over the source given apart.
        #expect(AuthorityURIs.expand(source: "viaf", value: "(DE-588)118540238") == "https://d-nb.info/gnd/118540238")
    }

    @Test func urisAreKeptAndNonAuthoritiesGiveNil() {
        #expect(AuthorityURIs.expand(source: nil, value: "https://d-nb.info/gnd/118540238")
                == "https://d-nb.info/gnd/118540238")
        #expect(AuthorityURIs.expand(source: "ULAN", value: "http://vocab.getty.edu/ulan/500999104")
                == "http://vocab.getty.edu/ulan/500999104")
        #expect(AuthorityURIs.expand(source: nil, value: "(OCoLC)ocm12345678") == nil)
        #expect(AuthorityURIs.expand(source: "OCoLC", value: "12345678") == nil)
        #expect(AuthorityURIs.expand(source: "local", value: "A-17") == nil)
        #expect(AuthorityURIs.expand(source: nil, value: "12345") == nil)
        #expect(AuthorityURIs.expand(source: "viaf", value: "  ") == nil)
        #expect(AuthorityURIs.expand(source: nil, value: "(viaf)") == nil)
    }
}
