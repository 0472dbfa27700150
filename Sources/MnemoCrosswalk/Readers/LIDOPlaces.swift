import MnemoXML

extension LIDORecordReader {
    /// A place from a LIDO place element (`place`, `partOfPlace`, `vitalPlaceActor`):
    /// names, `placeID`s as authority URIs, `gml:pos` coordinates, and the
    /// `partOfPlace` chain flattened into `broader`, nearest first.
    mutating func place(_ n: XMLElementNode, lang: String?) -> PlaceRef? {
        guard var ref = placeAlone(n, lang: lang) else { return nil }
        var next = n.elements(at: "partOfPlace", lang: lang).first
        while let (p, l) = next {
            if let b = placeAlone(p, lang: l) { ref.broader.append(b) }
            next = p.elements(at: "partOfPlace", lang: l).first
        }
        return ref
    }

    /// A place from an element holding `displayPlace` and/or `place`
    /// (`eventPlace`, `subjectPlace`); the display text names it when there is no `place`.
    mutating func placeSet(_ n: XMLElementNode, lang: String?) -> PlaceRef? {
        if let (p, l) = n.elements(at: "place", lang: lang).first, let ref = place(p, lang: l) { return ref }
        if let (d, l) = n.elements(at: "displayPlace", lang: lang).first, let t = d.trimmedText {
            return PlaceRef(t, language: l)
        }
        return nil
    }

    /// One place without its broader places.
    private mutating func placeAlone(_ n: XMLElementNode, lang: String?) -> PlaceRef? {
        let names = LIDOTerms.appellations(n.elements(at: "namePlaceSet/appellationValue", lang: lang))
        var uris: [String] = []
        for id in n.children("placeID") {
            guard let v = id.trimmedText else { continue }
            if let uri = AuthorityURIs.expand(source: id.trimmedAttribute("source"), value: v) { uris.appendIfAbsent(uri) }
        }
        guard !names.isEmpty || !uris.isEmpty else { return nil }
        var ref = PlaceRef(names: names, authorityURIs: uris)
        if let pos = n.first("gml")?.descendants("pos").first?.trimmedText {
            let parts = pos.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if parts.count == 2, (-90...90).contains(parts[0]), (-180...180).contains(parts[1]) {
                ref.latitude = parts[0]
                ref.longitude = parts[1]
            } else {
                warn("malformed-coordinates", field: "gml:pos",
                     "coordinates «\(pos)» of \(names.first?.value ?? "a place") are not \"latitude longitude\"; left out")
            }
        }
        return ref
    }
}
