import Foundation

/// Generates person and place records from several institutions, in the
/// CIDOC-CRM shape the crosswalks write, together with the gold standard of
/// which records describe the same real entity: the test bed of entity linking.
///
/// Each institution keeps to a cataloguing style, cycling through three:
/// - a **library** names persons in Cyrillic (Russian or Kazakh), inverted
///   with a patronymic (`Уәлиханов, Шоқан Шыңғысұлы`), with day-precise dates
///   and often a VIAF link;
/// - a **museum** names them in English transliteration, forename first
///   (`Shoqan Ualikhanov`), with years only, a third of them one year off,
///   and sometimes a Wikidata link;
/// - an **archive** names them in Uzbek Latin or Cyrillic, inverted and often
///   abbreviated (`Valixonov, Sh.`), with a year in only half its records.
///
/// One in ten persons has no dates at all. About one in eight is a trap: a
/// namesake born decades from an earlier person of the same name, a son
/// named as his father and born in the same place, or a neighbour with an
/// earlier person's surname born in the same place and time. Every
/// institution holds its own copy of one gazetteer, whose settlements
/// include homonyms in different regions; the library and the museum give
/// coordinates (the museum's rounded), and some copies a GeoNames link.
public enum LinkingGoldGenerator {
    /// Writes N-Quads in chunks to `quads` and one ``GoldRecord`` per
    /// minted person and place IRI to `gold`.
    public static func generate(_ options: LinkingGoldOptions, quads: (String) throws -> Void,
                                gold: (GoldRecord) throws -> Void) rethrows -> LinkingGoldSummary {
        var engine = LinkingEngine(options)
        try engine.places(quads, gold)
        for i in 0..<max(0, options.persons) {
            try engine.person(i, quads, gold)
        }
        try engine.flush(quads, force: true)
        return engine.summary
    }
}

/// The state of one run: the random stream, the gazetteer, the persons so far and the output buffer.
struct LinkingEngine {
    struct Name: Equatable {
        var female: Bool
        var given: Int       // index into `givenNames(female)`
        var father: Int      // the father's given name, for the patronymic
        var surnameA: Int, surnameB: Int, suffix: Int
    }
    struct Person {
        var name: Name
        var birth: Int?, birthMonth: Int, birthDay: Int
        var death: Int?
        var birthPlace: Int, deathPlace: Int
        var viaf: Int, wikidata: Int
        var trap: String
    }
    struct Settlement { var region: Int, start: Int, mid: Int, suffix: Int, latE4: Int, lonE4: Int, geonames: Int, trap: String }

    let options: LinkingGoldOptions
    let institutions: Int
    let names = NameTables()
    var rng: SplitMix64
    var out = ""
    var summary = LinkingGoldSummary(quads: 0, persons: 0, personRecords: 0, places: 0, placeRecords: 0, traps: 0)
    var persons: [Person] = []
    var regions: [Int] = []              // region name roots
    var settlements: [Settlement] = []
    var recordCount: [Int]

    static let crm = "http://www.cidoc-crm.org/cidoc-crm/"
    static let rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    static let label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    static let sameAs = "<http://www.w3.org/2002/07/owl#sameAs>"
    static let exactMatch = "<http://www.w3.org/2004/02/skos/core#exactMatch>"
    static let xsdDate = "^^<http://www.w3.org/2001/XMLSchema#date>"
    static let wkt = "^^<http://www.opengis.net/ont/geosparql#wktLiteral>"

    init(_ options: LinkingGoldOptions) {
        self.options = options
        institutions = max(2, options.institutions)
        rng = SplitMix64(seed: options.seed)
        recordCount = Array(repeating: 0, count: institutions)
    }

    // MARK: Output

    func graph(_ inst: Int) -> String { "<\(options.base)graph/inst\(inst + 1)>" }
    func iri(_ inst: Int, _ kind: String, _ k: Int, _ tail: String = "") -> String {
        "<\(options.base)inst\(inst + 1)/\(kind)/\(k)\(tail)>"
    }
    mutating func quad(_ s: String, _ p: String, _ o: String, _ inst: Int) {
        out += s; out += " "; out += p; out += " "; out += o; out += " "; out += graph(inst); out += " .\n"
        summary.quads += 1
    }
    static func literal(_ text: String, _ lang: String) -> String { "\"\(text)\"@\(lang)" }
    static func crmTerm(_ local: String) -> String { "<\(crm)\(local)>" }

    mutating func flush(_ sink: (String) throws -> Void, force: Bool = false) rethrows {
        if out.utf8.count >= 64 * 1024 || (force && !out.isEmpty) {
            try sink(out)
            out = ""
        }
    }

    /// The style of an institution: 0 library, 1 museum, 2 archive.
    func style(_ inst: Int) -> Int { inst % 3 }
    /// Script indexes of ``NameTables``' fragments.
    enum S { static let en = 0, ru = 1, kk = 2, uzLatn = 3, uzCyrl = 4 }
    static let tags = ["en", "ru", "kk", "uz-Latn", "uz-Cyrl"]

    // MARK: Gazetteer

    mutating func places(_ sink: (String) throws -> Void, _ gold: (GoldRecord) throws -> Void) rethrows {
        let regionCount = max(6, options.persons / 2000)
        let settlementCount = max(60, options.persons / 8)
        for _ in 0..<regionCount { regions.append(rng.below(names.starts.count)) }
        for s in 0..<settlementCount {
            var place = Settlement(region: rng.below(regionCount), start: rng.below(names.starts.count),
                                   mid: rng.percent(60) ? rng.below(names.mids.count) : -1,
                                   suffix: rng.below(names.settlementSuffixes.count),
                                   latE4: 360_000 + rng.below(190_000), lonE4: 500_000 + rng.below(300_000),
                                   geonames: 2_000_000 + s, trap: "")
            if s > 10, rng.percent(5) {
                // A homonym: an earlier settlement's name, in another region.
                let other = settlements[rng.below(s)]
                place.start = other.start; place.mid = other.mid; place.suffix = other.suffix
                place.region = (other.region + 1 + rng.below(regionCount - 1)) % regionCount
                place.trap = "homonym-place"
            }
            settlements.append(place)
        }
        for r in 0..<regionCount {
            summary.places += 1
            for inst in 0..<institutions {
                let s = iri(inst, "region", r)
                quad(s, Self.rdfType, Self.crmTerm("E53_Place"), inst)
                quad(s, Self.label, Self.literal(regionName(r, placeScript(inst)), Self.tags[placeScript(inst)]), inst)
                summary.placeRecords += 1
                try gold(GoldRecord(kind: "place", entity: "region-\(r)", graph: graph(inst).trimmed, iri: s.trimmed, trap: ""))
            }
            try flush(sink)
        }
        for (k, p) in settlements.enumerated() {
            summary.places += 1
            for inst in 0..<institutions {
                let s = iri(inst, "place", k)
                let script = placeScript(inst)
                quad(s, Self.rdfType, Self.crmTerm("E53_Place"), inst)
                quad(s, Self.label, Self.literal(settlementName(p, script), Self.tags[script]), inst)
                quad(s, Self.crmTerm("P89_falls_within"), iri(inst, "region", p.region), inst)
                if style(inst) == 0 || (style(inst) == 1 && rng.percent(70)) {
                    // The museum rounds to two decimals: about a kilometre off.
                    let round = style(inst) == 1 ? 100 : 1
                    quad(s, Self.crmTerm("P168_place_is_defined_by"),
                         "\"POINT(\(Self.degrees(p.lonE4 / round * round)) \(Self.degrees(p.latE4 / round * round)))\"" + Self.wkt, inst)
                }
                if style(inst) != 2, rng.percent(30) {
                    quad(s, Self.exactMatch, "<https://sws.geonames.org/\(p.geonames)/>", inst)
                }
                summary.placeRecords += 1
                try gold(GoldRecord(kind: "place", entity: "place-\(k)", graph: graph(inst).trimmed, iri: s.trimmed, trap: p.trap))
            }
            try flush(sink)
        }
    }

    static func degrees(_ e4: Int) -> String {
        let whole = e4 / 10_000, frac = e4 % 10_000
        let digits = String(frac)
        return "\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    }

    func placeScript(_ inst: Int) -> Int { [S.ru, S.en, S.uzLatn][style(inst)] }

    func regionName(_ r: Int, _ script: Int) -> String {
        String(decoding: names.starts[regions[r]].upper[script], as: UTF8.self)
            + String(decoding: names.mids[r % names.mids.count].lower[script], as: UTF8.self)
            + String(decoding: names.regionWord.lower[script], as: UTF8.self)
    }

    func settlementName(_ p: Settlement, _ script: Int) -> String {
        var s = String(decoding: names.starts[p.start].upper[script], as: UTF8.self)
        if p.mid >= 0 { s += String(decoding: names.mids[p.mid].lower[script], as: UTF8.self) }
        return s + String(decoding: names.settlementSuffixes[p.suffix].lower[script], as: UTF8.self)
    }
}

extension String {
    /// `<iri>` without its angle brackets.
    var trimmed: String { String(dropFirst().dropLast()) }
}
