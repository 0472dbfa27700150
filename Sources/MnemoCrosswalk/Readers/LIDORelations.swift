import MnemoXML

/// What is written on a LIDO object and which works it relates to.
extension LIDORecordReader {
    /// `inscriptionsWrap/inscriptions`: `inscriptionTranscription` (each language
    /// its own), `@type`, `inscriptionDescription/descriptiveNoteValue`.
    mutating func readInscriptions(_ oiw: XMLElementNode, lang: String?) {
        for (ins, l) in oiw.elements(at: "inscriptionsWrap/inscriptions", lang: lang) {
            let type = ins.trimmedAttribute("type")
            let description = ins.elements(at: "inscriptionDescription/descriptiveNoteValue", lang: l)
                .first.flatMap { d in d.node.trimmedText.map { LangText($0, language: d.lang) } }
            let transcriptions = ins.elements(at: "inscriptionTranscription", lang: l)
                .compactMap { t in t.node.trimmedText.map { LangText($0, language: t.lang) } }
            if transcriptions.isEmpty, description != nil {
                record.inscriptions.appendIfAbsent(Inscription(type: type, description: description))
            }
            for t in transcriptions {
                record.inscriptions.appendIfAbsent(Inscription(transcription: t, type: type, description: description))
            }
        }
    }

    /// `objectRelationWrap/relatedWorksWrap/relatedWorkSet`: the related object as
    /// its `objectWebResource`, else a URI `objectID`, else `displayObject`,
    /// under `dcterms:isPartOf` / `dcterms:hasPart` when `relatedWorkRelType`
    /// says so, else `dcterms:relation`.
    mutating func readRelatedWorks(_ dm: XMLElementNode, lang: String?) {
        for (set, l) in dm.elements(at: "objectRelationWrap/relatedWorksWrap/relatedWorkSet", lang: lang) {
            guard let work = set.first("relatedWork") else { continue }
            let objects = work.children("object")
            let uris = (objects.flatMap { $0.children("objectWebResource") } + objects.flatMap { $0.children("objectID") })
                .compactMap(\.trimmedText)
            let display = work.elements(at: "displayObject", lang: l).first
            let value: LangText
            if let uri = uris.first(where: AuthorityURIs.isHTTPURI) {
                value = LangText(uri)
            } else if let d = display, let text = d.node.trimmedText {
                value = LangText(text, language: d.lang)
            } else if let id = uris.first {
                value = LangText(id)
            } else {
                continue
            }
            let relation = LIDOTerms.keys(of: set.first("relatedWorkRelType") ?? set).joined(separator: " ").lowercased()
            let property: String
            if relation.contains("part of") || relation.contains("часть") || relation.contains("ispartof") {
                property = DC.isPartOf
            } else if relation.contains("has part") || relation.contains("haspart") {
                property = DC.hasPart
            } else {
                property = DC.relation
            }
            record.statements.appendIfAbsent(RecordStatement(property, value))
        }
    }
}
