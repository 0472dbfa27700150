import MnemoXML

extension LIDORecordReader {
    /// `administrativeMetadata`: rights, the record's web page and the digital resources.
    mutating func readAdministrative(_ am: XMLElementNode, lang: String?) {
        for link in am.all("recordWrap/recordInfoSet/recordInfoLink") {
            addLink(link.trimmedText, kind: .shownAt, field: "recordInfoLink")
        }
        var resourceRights: [String] = []
        for set in am.all("resourceWrap/resourceSet") {
            for rep in set.children("resourceRepresentation") {
                addLink(rep.first("linkResource")?.trimmedText, kind: linkKind(rep.trimmedAttribute("type")),
                        field: "resourceRepresentation/linkResource")
            }
            for r in set.all("rightsResource/rightsType") { resourceRights += rightsURIs(r) }
        }
        let workRights = am.all("rightsWorkWrap/rightsWorkSet/rightsType").flatMap(rightsURIs)
        if record.rights == nil { record.rights = resourceRights.first ?? workRights.first }
    }

    /// The link kind of a `resourceRepresentation/@type`: the profile's table,
    /// else `thumb`/`preview` in the type means a preview, else the profile's default.
    func linkKind(_ type: String?) -> RecordLink.Kind {
        guard let type else { return profile.defaultResourceLink }
        if let known = profile.linkKind(forRepresentationType: type) { return known }
        let t = type.lowercased()
        if t.contains("thumb") || t.contains("preview") { return .preview }
        return profile.defaultResourceLink
    }

    private mutating func addLink(_ url: String?, kind: RecordLink.Kind, field: String) {
        guard let url else { return }
        guard AuthorityURIs.isHTTPURI(url) else {
            warn("unusable-link", field: field, "link «\(url)» is not an http(s) URL; left out")
            return
        }
        record.links.appendIfAbsent(RecordLink(url, kind: kind))
    }

    /// Rights statement URIs in a `rightsType`: concept IDs, `skos:Concept`, or a term that is a URI.
    private func rightsURIs(_ rightsType: XMLElementNode) -> [String] {
        LIDOTerms.keys(of: rightsType).filter(AuthorityURIs.isHTTPURI)
    }
}
