/// Mappings as an SSSOM TSV file: a `#` metadata block (with the `curie_map`
/// of every prefix used), a header row, one mapping per row. IRIs are written
/// as CURIEs; a namespace without a known prefix gets one made from its path.
public enum SSSOMWriter {
    public static let columns = ["subject_id", "subject_label", "predicate_id", "object_id", "object_label",
                                 "mapping_justification", "confidence", "subject_source", "object_source",
                                 "mapping_tool", "mapping_date", "author_label", "comment"]

    static let known: [(String, String)] = [
        ("skos", LinkVocabulary.skos), ("owl", LinkVocabulary.owl), ("semapv", LinkVocabulary.semapv),
        ("viaf", "http://viaf.org/viaf/"), ("wikidata", "http://www.wikidata.org/entity/"),
    ]

    /// The TSV of `mappings` (those with a predicate: accepted and confirmed;
    /// with `includeReview`, the review band too, as `skos:relatedMatch` rows).
    public static func tsv(_ mappings: [Mapping], setID: String, includeReview: Bool = false) -> String {
        var prefixes = Dictionary(uniqueKeysWithValues: known.map { ($1, $0) })
        var used = Set<String>()
        func curie(_ iri: String) -> String {
            guard let cut = iri.lastIndex(where: { $0 == "/" || $0 == "#" }) else { return iri }
            let ns = String(iri[...cut]), local = String(iri[iri.index(after: cut)...])
            if let p = prefixes[ns] { used.insert(ns); return p + ":" + local }
            let path = ns.split(separator: "/").dropFirst(2).suffix(2).joined(separator: "_")
            var base = String(path.map { $0.isLetter || $0.isNumber ? $0 : "_" }).lowercased()
            if base.isEmpty || !(base.first!.isLetter) { base = "ns" + base }
            var name = base, n = 2
            while prefixes.values.contains(name) { name = base + String(n); n += 1 }
            prefixes[ns] = name
            used.insert(ns)
            return name + ":" + local
        }
        let rows = mappings.filter { includeReview || $0.predicate != nil }
        var body = SSSOMWriter.columns.joined(separator: "\t") + "\n"
        var lastDate = ""
        for m in rows {
            let predicate = m.predicate ?? LinkVocabulary.skos + "relatedMatch"
            let justification = m.status == .confirmed ? "ManualMappingCuration" : "CompositeMatching"
            let cells = [curie(m.subject), m.subjectLabel, curie(predicate), curie(m.object), m.objectLabel,
                         curie(LinkVocabulary.semapv + justification), Mapping.decimal(m.confidence),
                         curie(m.subjectGraph), curie(m.objectGraph), "mnemo link", m.date, m.curator ?? "", m.explanation]
            body += cells.map(clean).joined(separator: "\t") + "\n"
            lastDate = max(lastDate, m.date)
        }
        var head = "# curie_map:\n"
        for (ns, p) in prefixes.filter({ used.contains($0.key) }).sorted(by: { $0.value < $1.value }) {
            head += "#   \(p): \"\(ns)\"\n"
        }
        head += "# mapping_set_id: \(setID)\n"
        head += "# mapping_set_description: Co-referent entities across the named graphs of a Mnemo store\n"
        head += "# license: https://w3id.org/sssom/license/unspecified\n"
        head += "# mapping_tool: mnemo link\n"
        if !lastDate.isEmpty { head += "# mapping_date: \(lastDate)\n" }
        return head + body
    }

    /// A cell without tabs or line breaks.
    static func clean(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
