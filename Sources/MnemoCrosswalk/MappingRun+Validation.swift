/// EDM's mandatory fields, checked on what the record gave.
extension MappingRun {
    mutating func validate() {
        if record.titles.isEmpty && record.descriptions.isEmpty {
            problem(.warning, "missing-field", field: "dc:title", "EDM needs dc:title or dc:description; the record has neither")
        }
        if record.edmType == nil {
            problem(.warning, "missing-field", field: "edm:type", "EDM needs edm:type; set it in the record or the profile")
        }
        let hasDate = record.events.contains { $0.date != nil || $0.earliest != nil }
        if record.subjects.isEmpty && record.types.isEmpty && record.subjectPlaces.isEmpty && !hasDate {
            problem(.warning, "missing-field", field: "dc:subject",
                    "EDM needs one of dc:subject, dc:type, dcterms:spatial or dcterms:temporal")
        }
        if record.edmType == .text && record.languages.isEmpty {
            problem(.warning, "missing-field", field: "dc:language", "EDM needs dc:language for TEXT objects")
        }
        if (record.rights ?? mapper.settings.rights) == nil {
            problem(.warning, "missing-field", field: "edm:rights", "EDM needs edm:rights; give one in the profile or with --rights")
        }
        if !record.links.contains(where: { $0.kind == .shownAt || $0.kind == .shownBy }) {
            problem(.warning, "missing-field", field: "edm:isShownAt", "EDM needs edm:isShownAt or edm:isShownBy")
        }
    }
}
