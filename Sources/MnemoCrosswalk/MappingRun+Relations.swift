import MnemoRDF

/// What the object is part of, what is written on it, and what it relates to.
extension MappingRun {
    /// Series and host works, each a shared E73 information object the object
    /// forms part of (P106i; dcterms:isPartOf), typed "series" or "host item".
    mutating func series() {
        for (names, kind) in [(record.series, "series"), (record.hosts, "host item")] {
            for name in names {
                let name = checked(name, field: kind)
                guard !name.value.isEmpty else { continue }
                let uri = minter.shared(kind == "series" ? "series" : "work", identity: Self.normalizedName(name.value))
                out.iri(object, CRM.P106i_forms_part_of, uri)
                out.iri(object, DC.isPartOf, uri)
                guard firstDescription(uri) else { continue }
                out.type(uri, CRM.E73_Information_Object)
                out.iri(uri, CRM.P2_has_type, concept(Concept(kind, language: "en"), extraClass: nil))
                out.text(uri, Terms.rdfsLabel, name)
                out.text(uri, Terms.prefLabel, name)
            }
        }
    }

    /// Each inscription as an E34 the object carries (P128), its transcription as
    /// the symbolic content and as a dc:description; its kind as a type.
    mutating func inscriptions() {
        for (i, ins) in record.inscriptions.enumerated() {
            let uri = "\(object)/inscription/\(i + 1)"
            out.type(uri, CRM.E34_Inscription)
            out.iri(object, CRM.P128_carries, uri)
            if let t = ins.transcription {
                let t = checked(t, field: "inscription")
                out.text(uri, CRM.P190_has_symbolic_content, t)
                out.text(object, DC.description, t)
            }
            if let type = ins.type, !type.trimmed.isEmpty {
                out.iri(uri, CRM.P2_has_type, concept(Concept(type.trimmed, language: "en"), extraClass: nil))
            }
            if let d = ins.description { out.text(uri, CRM.P3_has_note, checked(d, field: "inscription")) }
        }
    }

    /// Dublin Core relations and provenance, on the ProvidedCHO: a URI as a link, text as text.
    mutating func statements() {
        for st in record.statements {
            let v = st.value.value.trimmed
            guard !v.isEmpty else { continue }
            if Self.isAbsoluteURI(v) {
                out.iri(object, st.property, v)
            } else {
                out.text(object, st.property, checked(LangText(v, language: st.value.language), field: "statement"))
            }
        }
    }
}
