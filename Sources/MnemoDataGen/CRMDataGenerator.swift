import Foundation

/// Generates synthetic, multilingual CIDOC-CRM data as N-Quads, as if
/// several institutions had each catalogued an overlapping set of persons,
/// places and objects.
///
/// Each institution N writes into its own named graph `<{base}graph/instN>`
/// and mints its own IRIs (`<{base}instN/person/{k}>`, `…/place/{k}>`,
/// `…/object/{k}>`, `…/type/{k}>`). Persons come from a shared pool: one
/// pooled person is described by one to three institutions under different
/// IRIs and name variants (Latin, Russian, Kazakh, Uzbek Latin and Cyrillic),
/// and where it has a Wikidata id, every institution that records it uses the
/// same `skos:exactMatch <http://www.wikidata.org/entity/Q…>`. Every
/// institution holds a copy of one place gazetteer (country → region →
/// district → settlement) under its own IRIs, some copies linked to the first
/// institution's with `owl:sameAs`. Objects are attributed to creators with a
/// Zipf-like skew. Roughly 30 % of quads describe persons, 15 % births and
/// deaths, 10 % places and 45 % objects and their productions.
///
/// Output is deterministic for given ``GeneratorOptions``, streamed in chunks
/// of about 64 KiB, and needs memory independent of its size except for a
/// table of at most 2^20 person ids per institution.
public enum CRMDataGenerator {
    /// Size of the chunks handed to the sink (the last one may be shorter,
    /// and a chunk may exceed it by the size of one entity).
    public static let chunkSize = 64 * 1024

    /// Writes N-Quads to `sink` until at least `options.quads` quads have
    /// been written, finishing the entity in progress.
    ///
    /// - Parameters:
    ///   - options: size, number of institutions, seed and base IRI.
    ///     `options.base` must satisfy ``isValidBase(_:)`` (checked with a
    ///     precondition).
    ///   - sink: receives successive chunks of UTF-8 text, each ending at a
    ///     line end. The buffer is only valid during the call.
    /// - Returns: the exact number of quads and entities written.
    /// - Throws: only what `sink` throws; generation stops at the first error.
    public static func generate(_ options: GeneratorOptions, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows -> GeneratorSummary {
        guard options.quads > 0 else { return GeneratorSummary(quads: 0, persons: 0, places: 0, objects: 0) }
        var base = options.base
        precondition(isValidBase(base), "MnemoDataGen: base IRI contains characters not allowed in an N-Quads IRI: \(base)")
        if !(base.hasSuffix("/") || base.hasSuffix("#")) { base += "/" }

        var engine = Engine(quads: options.quads, institutions: max(1, options.institutions),
                            seed: options.seed, base: base)
        defer { engine.out.release() }
        while engine.out.quads < options.quads {
            engine.step()
            if engine.out.count >= chunkSize {
                try engine.out.flush(sink)
            }
        }
        try engine.out.flush(sink)
        return GeneratorSummary(quads: engine.out.quads, persons: engine.personsMinted,
                                places: engine.placesMinted, objects: engine.objectsMinted)
    }

    /// Whether `base` can start the IRIs the generator mints: it must begin
    /// with a scheme (`letter *(letter / digit / "+" / "-" / ".") ":"`, so the
    /// minted IRIs are absolute) and contain no character that N-Quads forbids
    /// in an IRI (controls, space, `<` `>` `"` `{` `}` `|` `^` `` ` `` `\`).
    /// A missing trailing `/` or `#` is fine: ``generate(_:to:)`` adds `/`.
    public static func isValidBase(_ base: String) -> Bool {
        let bytes = Array(base.utf8)
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0 else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard isLetter(bytes[0]) else { return false }
        for b in bytes[1..<colon] where !(isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E) {
            return false
        }
        for b in bytes {
            switch b {
            case 0x00...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false
            default: continue
            }
        }
        return true
    }
}

/// How precisely a date is known.
enum Precision: UInt8 { case day, year, circa, decade }

struct DateSpec {
    var year: Int
    var month: Int
    var day: Int
    var precision: Precision
}

/// A pooled person's attributes, recomputable from (seed, person id).
struct PersonInfo {
    var birthYear: Int
    var activeUntil: Int
    var female: Bool
    var russianGiven: Int          // index into the Russian given names, or -1
    var givenStart: Int
    var givenEnd: Int
    var surnameA: Int
    var surnameB: Int
    var surnameSuffix: Int
    var birth: DateSpec?           // nil: unknown
    var death: DateSpec?           // nil: alive (after 1990) or unknown
    var wikidata: Int              // Q number, or 0
}

/// A pooled place's attributes, recomputable from (seed, place index).
struct PlaceInfo {
    enum Level { case country, region, district, settlement }
    var level: Level
    var parent: Int                // pooled index, or -1
    var realCountry: Int           // index into real country names, or -1
    var start: Int
    var mid: Int                   // -1: none
    var suffix: Int
    var localScript: Int
    var latE4: Int                 // latitude in 1e-4 degrees, or -1
    var lonE4: Int
    var geonames: Int              // GeoNames id, or 0
}

/// Mutable state of one generation run.
struct Engine {
    var out: QuadBuffer
    let v: Vocabulary
    let names = NameTables()
    let n: Int
    let seed: UInt64
    var rng: SplitMix64

    // Gazetteer layout: pooled places are numbered countries, regions,
    // districts, settlements, and emitted in that order.
    let regionStart: Int
    let districtStart: Int
    let settlementStart: Int
    let placeTotal: Int
    var placesEmitted = 0

    var nextPerson = 0
    var personCount: [Int]
    /// Local person number k → pooled id, for the first `creatorCap` persons
    /// of each institution (creators are drawn from these).
    var creators: [[UInt32]]
    static let creatorCap = 1 << 20
    var objectCount: [Int]
    var typeWritten: [Bool]

    var personsMinted = 0
    var placesMinted = 0
    var objectsMinted = 0

    // Quads written per stream, for the scheduler: places, persons, objects.
    var streamQuads = (0, 0, 0)

    /// Institution language profiles (scripts in order of preference).
    static let profiles: [[Int]] = [
        [Script.en, Script.ru],
        [Script.kk, Script.ru, Script.en],
        [Script.uzLatn, Script.uzCyrl, Script.en],
        [Script.ru, Script.en],
        [Script.uzCyrl, Script.ru, Script.kk],
    ]

    /// Approximate quads per institution copy of a place, used to size the
    /// gazetteer so that places make up about 10 % of the output.
    static let quadsPerPlaceCopy = 5.6

    init(quads: Int, institutions: Int, seed: UInt64, base: String) {
        n = institutions
        self.seed = seed
        rng = SplitMix64(seed: SplitMix64.mix(seed ^ 0x5EED))
        v = Vocabulary(base: base, institutions: institutions)
        out = QuadBuffer(capacity: 2 * CRMDataGenerator.chunkSize)
        personCount = Array(repeating: 0, count: n)
        objectCount = Array(repeating: 0, count: n)
        creators = Array(repeating: [], count: n)
        typeWritten = Array(repeating: false, count: n * names.types.count)

        let total = max(8, Int(Double(quads) * 0.10 / (Engine.quadsPerPlaceCopy * Double(n))))
        let countries = max(1, min(60, total / 300))
        let regions = max(1, total / 25)
        let districts = max(2, total / 6)
        regionStart = countries
        districtStart = countries + regions
        settlementStart = countries + regions + districts
        placeTotal = max(total, settlementStart + 4)
    }

    // MARK: Scheduling

    /// Emits one entity from the stream furthest behind its target share.
    mutating func step() {
        let done = Double(out.quads)
        let placeDeficit = placesEmitted < placeTotal ? 0.10 * done - Double(streamQuads.0) : -Double.infinity
        let personDeficit = 0.45 * done - Double(streamQuads.1)
        let canObject = personCount.contains { $0 > 0 }
        let objectDeficit = canObject ? 0.45 * done - Double(streamQuads.2) : -Double.infinity
        let before = out.quads
        if placesEmitted == 0 || (placeDeficit >= personDeficit && placeDeficit >= objectDeficit) {
            emitPlace()
            streamQuads.0 += out.quads - before
        } else if personDeficit >= objectDeficit {
            emitPerson()
            streamQuads.1 += out.quads - before
        } else {
            emitObject()
            streamQuads.2 += out.quads - before
        }
    }

    // MARK: Term writers

    @inline(__always)
    mutating func iri(_ inst: Int, _ kind: [UInt8], _ id: Int, _ tail: [UInt8]) {
        out.put(v.instPrefix[inst])
        out.put(kind)
        out.int(id)
        out.put(tail)
    }

    @inline(__always)
    mutating func nameIRI(_ inst: Int, _ person: Int, _ j: Int) {
        iri(inst, v.person, person, v.name)
        out.int(j)
        out.put(v.close)
    }

    @inline(__always)
    mutating func end(_ inst: Int) { out.endQuad(v.graphEnd[inst]) }

    /// `"YYYY-MM-DD"^^xsd:date` or `"YYYY-MM-DDThh:mm:ss"^^xsd:dateTime`.
    mutating func dateLiteral(_ year: Int, _ month: Int, _ day: Int, time: [UInt8]?) {
        out.put(0x22)
        out.padded(year, width: 4); out.put(0x2D)
        out.padded(month, width: 2); out.put(0x2D)
        out.padded(day, width: 2)
        if let time {
            out.put(time)
            out.put(v.dateTimeEnd)
        } else {
            out.put(v.dateEnd)
        }
    }

    /// A decimal with four fraction digits from a value in 1e-4 units.
    mutating func decimalDigits(_ e4: Int) {
        out.int(e4 / 10_000)
        out.put(0x2E)
        out.padded(e4 % 10_000, width: 4)
    }

    // MARK: Names

    mutating func givenName(_ p: PersonInfo, _ s: Int) {
        if p.russianGiven >= 0 {
            out.put((p.female ? names.russianFemale : names.russianMale)[p.russianGiven].lower[s])
        } else {
            out.put(names.starts[p.givenStart].upper[s])
            out.put((p.female ? names.femaleEnds : names.maleEnds)[p.givenEnd].lower[s])
        }
    }

    mutating func surname(_ p: PersonInfo, _ s: Int) {
        out.put(names.starts[p.surnameA].upper[s])
        out.put(names.mids[p.surnameB].lower[s])
        out.put((p.female ? names.femaleSuffixes : names.maleSuffixes)[p.surnameSuffix].lower[s])
    }

    /// A person's name as a language-tagged literal. Order 0: "Given Surname",
    /// 1: "Surname Given", 2: "Surname, Given".
    mutating func nameLiteral(_ p: PersonInfo, _ s: Int, order: Int) {
        out.put(0x22)
        switch order {
        case 0: givenName(p, s); out.put(0x20); surname(p, s)
        case 1: surname(p, s); out.put(0x20); givenName(p, s)
        default: surname(p, s); out.put(0x2C); out.put(0x20); givenName(p, s)
        }
        out.put(v.langEnd[s])
    }

    mutating func placeName(_ p: PlaceInfo, _ s: Int) {
        if p.realCountry >= 0 {
            out.put(names.countries[p.realCountry].lower[s])
            return
        }
        out.put(names.starts[p.start].upper[s])
        if p.mid >= 0 { out.put(names.mids[p.mid].lower[s]) }
        switch p.level {
        case .country: out.put(names.countrySuffix.lower[s])
        case .region: out.put(names.regionWord.lower[s])
        case .district: out.put(names.districtWord.lower[s])
        case .settlement: out.put(names.settlementSuffixes[p.suffix].lower[s])
        }
    }

    // MARK: Pooled attributes

    static func date(_ year: Int, _ r: inout SplitMix64) -> DateSpec {
        let roll = r.below(100)
        let precision: Precision = roll < 45 ? .day : roll < 75 ? .year : roll < 90 ? .circa : .decade
        return DateSpec(year: year, month: r.inRange(1, 12), day: r.inRange(1, 28), precision: precision)
    }

    func personInfo(_ pid: Int) -> PersonInfo {
        var r = SplitMix64(seed: seed, tag: 1, index: pid)
        let birthYear = r.inRange(1400, 1960)
        let deathYear = birthYear + r.inRange(22, 95)
        let female = r.percent(40)
        let russian = r.percent(20)
        let given = russian ? r.below(female ? names.russianFemale.count : names.russianMale.count) : -1
        let start = r.below(names.starts.count)
        let end = r.below(female ? names.femaleEnds.count : names.maleEnds.count)
        let surnameA = r.below(names.starts.count)
        let surnameB = r.below(names.mids.count)
        let suffix = r.below(names.maleSuffixes.count)
        let birth: DateSpec? = r.percent(88) ? Engine.date(birthYear, &r) : nil
        let death: DateSpec? = deathYear <= 1990 && r.percent(80) ? Engine.date(deathYear, &r) : nil
        let wikidata = r.percent(65) ? 1_000_000 + pid * 3 + r.below(3) : 0
        return PersonInfo(birthYear: birthYear, activeUntil: min(deathYear, 1990), female: female,
                          russianGiven: given, givenStart: start, givenEnd: end,
                          surnameA: surnameA, surnameB: surnameB, surnameSuffix: suffix,
                          birth: birth, death: death, wikidata: wikidata)
    }

    /// Only the years of `personInfo(pid)` (same first draws), for productions.
    func personYears(_ pid: Int) -> (birth: Int, activeUntil: Int) {
        var r = SplitMix64(seed: seed, tag: 1, index: pid)
        let birthYear = r.inRange(1400, 1960)
        let deathYear = birthYear + r.inRange(22, 95)
        return (birthYear, min(deathYear, 1990))
    }

    func placeInfo(_ idx: Int) -> PlaceInfo {
        var r = SplitMix64(seed: seed, tag: 3, index: idx)
        let level: PlaceInfo.Level
        let parent: Int
        var coordsPercent: Int
        if idx < regionStart {
            level = .country; parent = -1; coordsPercent = 100
        } else if idx < districtStart {
            level = .region; parent = r.below(regionStart); coordsPercent = 70
        } else if idx < settlementStart {
            level = .district; parent = regionStart + r.below(districtStart - regionStart); coordsPercent = 40
        } else {
            level = .settlement
            parent = r.percent(80) ? districtStart + r.below(settlementStart - districtStart)
                                   : regionStart + r.below(districtStart - regionStart)
            coordsPercent = 55
        }
        let real = level == .country && idx < names.countries.count ? idx : -1
        let start = r.below(names.starts.count)
        let mid = level == .settlement && r.percent(50) ? -1 : r.below(names.mids.count)
        let suffix = r.below(names.settlementSuffixes.count)
        let local = [Script.kk, Script.uzLatn, Script.uzCyrl][r.below(3)]
        var lat = -1, lon = -1
        if r.percent(coordsPercent) {
            lat = 360_000 + r.below(190_000)
            lon = 500_000 + r.below(300_000)
        }
        let geonames = r.percent(30) ? 1_000_000 + idx * 7 + r.below(7) : 0
        return PlaceInfo(level: level, parent: parent, realCountry: real, start: start, mid: mid,
                         suffix: suffix, localScript: local, latE4: lat, lonE4: lon, geonames: geonames)
    }

    /// A pooled place already written, preferring settlements.
    mutating func pickPlace() -> Int {
        if placesEmitted > settlementStart {
            return settlementStart + rng.below(placesEmitted - settlementStart)
        }
        return rng.below(placesEmitted)
    }

    // MARK: Types

    mutating func ensureType(_ inst: Int, _ t: Int) {
        let slot = inst * names.types.count + t
        if typeWritten[slot] { return }
        typeWritten[slot] = true
        let term = names.types[t]
        iri(inst, v.type, t, v.close); out.put(v.rdfType); out.put(v.e55); end(inst)
        iri(inst, v.type, t, v.close); out.put(v.label)
        out.put(0x22); out.put(term.en); out.put(v.langEnd[Script.en]); end(inst)
        iri(inst, v.type, t, v.close); out.put(v.label)
        out.put(0x22); out.put(term.ru); out.put(v.langEnd[Script.ru]); end(inst)
        if let kk = term.kk {
            iri(inst, v.type, t, v.close); out.put(v.label)
            out.put(0x22); out.put(kk); out.put(v.langEnd[Script.kk]); end(inst)
        }
        if let uz = term.uzLatn {
            iri(inst, v.type, t, v.close); out.put(v.label)
            out.put(0x22); out.put(uz); out.put(v.langEnd[Script.uzLatn]); end(inst)
        }
    }

    // MARK: Places

    mutating func emitPlace() {
        let idx = placesEmitted
        placesEmitted += 1
        let p = placeInfo(idx)
        for inst in 0..<n {
            placesMinted += 1
            iri(inst, v.place, idx, v.close); out.put(v.rdfType); out.put(v.e53); end(inst)
            iri(inst, v.place, idx, v.close); out.put(v.label)
            out.put(0x22); placeName(p, Script.en); out.put(v.langEnd[Script.en]); end(inst)
            if rng.percent(85) {
                iri(inst, v.place, idx, v.close); out.put(v.label)
                out.put(0x22); placeName(p, Script.ru); out.put(v.langEnd[Script.ru]); end(inst)
            }
            if rng.percent(70) {
                iri(inst, v.place, idx, v.close); out.put(v.label)
                out.put(0x22); placeName(p, p.localScript); out.put(v.langEnd[p.localScript]); end(inst)
            }
            if p.parent >= 0 {
                iri(inst, v.place, idx, v.close); out.put(v.p89)
                iri(inst, v.place, p.parent, v.close); end(inst)
            }
            if p.latE4 >= 0 && rng.percent(90) {
                if inst % 2 == 0 {
                    iri(inst, v.place, idx, v.close); out.put(v.p168)
                    out.put(v.wktStart); decimalDigits(p.lonE4); out.put(0x20); decimalDigits(p.latE4)
                    out.put(0x29); out.put(v.wktEnd); end(inst)
                } else {
                    iri(inst, v.place, idx, v.close); out.put(v.lat)
                    out.put(0x22); decimalDigits(p.latE4); out.put(v.decimalEnd); end(inst)
                    iri(inst, v.place, idx, v.close); out.put(v.long)
                    out.put(0x22); decimalDigits(p.lonE4); out.put(v.decimalEnd); end(inst)
                }
            }
            if p.geonames > 0 && rng.percent(80) {
                iri(inst, v.place, idx, v.close); out.put(v.exactMatch)
                out.put(v.geonames); out.int(p.geonames); out.put(v.slashClose); end(inst)
            }
            if inst > 0 && rng.percent(15) {
                iri(inst, v.place, idx, v.close); out.put(v.sameAs)
                iri(0, v.place, idx, v.close); end(inst)
            }
        }
    }

    // MARK: Persons

    mutating func emitPerson() {
        let pid = nextPerson
        nextPerson += 1
        let info = personInfo(pid)
        let roll = rng.below(100)
        let copies = min(n, roll < 50 ? 1 : roll < 85 ? 2 : 3)
        var members = (rng.below(n), -1, -1)
        if copies >= 2 { members.1 = (members.0 + 1 + rng.below(n - 1)) % n }
        if copies >= 3 {
            repeat { members.2 = rng.below(n) } while members.2 == members.0 || members.2 == members.1
        }
        let birthPlace = pickPlace()
        let deathPlace = rng.percent(35) ? birthPlace : pickPlace()
        emitPersonCopy(members.0, pid, info, birthPlace, deathPlace)
        if copies >= 2 { emitPersonCopy(members.1, pid, info, birthPlace, deathPlace) }
        if copies >= 3 { emitPersonCopy(members.2, pid, info, birthPlace, deathPlace) }
    }

    mutating func emitPersonCopy(_ inst: Int, _ pid: Int, _ info: PersonInfo, _ birthPlace: Int, _ deathPlace: Int) {
        let k = personCount[inst]
        personCount[inst] += 1
        personsMinted += 1
        if k < Engine.creatorCap { creators[inst].append(UInt32(truncatingIfNeeded: pid)) }
        let langs = Engine.profiles[inst % Engine.profiles.count]
        let order = inst % 3

        iri(inst, v.person, k, v.close); out.put(v.rdfType); out.put(v.e21); end(inst)
        if rng.percent(90) {
            let gender = info.female ? names.femaleType : names.maleType
            ensureType(inst, gender)
            iri(inst, v.person, k, v.close); out.put(v.p2); iri(inst, v.type, gender, v.close); end(inst)
        }
        for s in langs {
            iri(inst, v.person, k, v.close); out.put(v.label); nameLiteral(info, s, order: order); end(inst)
        }
        var j = 0
        for (position, s) in langs.enumerated() where position == 0 || rng.percent(80) {
            j += 1
            let nameType = position == 0 ? 0 : 1
            ensureType(inst, nameType)
            iri(inst, v.person, k, v.close); out.put(v.p1); nameIRI(inst, k, j); end(inst)
            nameIRI(inst, k, j); out.put(v.rdfType); out.put(v.e41); end(inst)
            nameIRI(inst, k, j); out.put(v.p190); nameLiteral(info, s, order: 0); end(inst)
            nameIRI(inst, k, j); out.put(v.p2); iri(inst, v.type, nameType, v.close); end(inst)
        }
        if info.wikidata > 0 && rng.percent(85) {
            iri(inst, v.person, k, v.close); out.put(v.exactMatch)
            out.put(v.wikidata); out.int(info.wikidata); out.put(v.close); end(inst)
        }
        if rng.percent(3) {
            iri(inst, v.person, k, v.close); out.put(v.p3); note(pid); end(inst)
        }
        let coarse = inst % 3 == 2
        if let birth = info.birth, rng.percent(65) {
            event(inst, k, birth: true, birth, place: rng.percent(90) ? birthPlace : -1, coarse: coarse)
        }
        if let death = info.death, rng.percent(70) {
            event(inst, k, birth: false, death, place: rng.percent(80) ? deathPlace : -1, coarse: coarse)
        }
    }

    mutating func event(_ inst: Int, _ k: Int, birth: Bool, _ date: DateSpec, place: Int, coarse: Bool) {
        let tail = birth ? v.birth : v.death
        let timeTail = birth ? v.birthTime : v.deathTime
        iri(inst, v.person, k, tail); out.put(v.rdfType); out.put(birth ? v.e67 : v.e69); end(inst)
        iri(inst, v.person, k, tail); out.put(birth ? v.p98 : v.p100); iri(inst, v.person, k, v.close); end(inst)
        if place >= 0 {
            iri(inst, v.person, k, tail); out.put(v.p7); iri(inst, v.place, place, v.close); end(inst)
        }
        iri(inst, v.person, k, tail); out.put(v.p4); iri(inst, v.person, k, timeTail); end(inst)
        var d = date
        if coarse && d.precision == .day { d.precision = .year }
        timeSpan(inst, v.person, k, timeTail, d)
    }

    /// An E52_Time-Span with begin/end bounds and, mostly, the original date string.
    mutating func timeSpan(_ inst: Int, _ kind: [UInt8], _ id: Int, _ tail: [UInt8], _ d: DateSpec) {
        iri(inst, kind, id, tail); out.put(v.rdfType); out.put(v.e52); end(inst)
        iri(inst, kind, id, tail); out.put(v.p82a)
        switch d.precision {
        case .day: dateLiteral(d.year, d.month, d.day, time: v.startOfDay)
        case .year: dateLiteral(d.year, 1, 1, time: nil)
        case .circa: dateLiteral(max(1400, d.year - 5), 1, 1, time: nil)
        case .decade: dateLiteral(d.year / 10 * 10, 1, 1, time: nil)
        }
        end(inst)
        iri(inst, kind, id, tail); out.put(v.p82b)
        switch d.precision {
        case .day: dateLiteral(d.year, d.month, d.day, time: v.endOfDay)
        case .year: dateLiteral(d.year, 12, 31, time: nil)
        case .circa: dateLiteral(min(1990, d.year + 5), 12, 31, time: nil)
        case .decade: dateLiteral(min(1990, d.year / 10 * 10 + 9), 12, 31, time: nil)
        }
        end(inst)
        if rng.percent(85) {
            iri(inst, kind, id, tail); out.put(v.label); dateLabel(inst, d); end(inst)
        }
    }

    /// The "original" date string: English or Russian wording, or numeric forms.
    mutating func dateLabel(_ inst: Int, _ d: DateSpec) {
        let primary = Engine.profiles[inst % Engine.profiles.count][0]
        let style = rng.below(3)
        out.put(0x22)
        if style == 0 && primary != Script.en && primary != Script.uzLatn {
            switch d.precision {   // Russian wording
            case .day:
                out.int(d.day); out.put(0x20); out.put(names.monthsRu[d.month - 1]); out.put(0x20)
                out.int(d.year); out.put(utf8(" г."))
            case .year: out.int(d.year); out.put(utf8(" г."))
            case .circa: out.put(utf8("ок. ")); out.int(d.year); out.put(utf8(" г."))
            case .decade: out.int(d.year / 10 * 10); out.put(utf8("-е гг."))
            }
            out.put(v.langEnd[Script.ru])
        } else if style == 0 {
            switch d.precision {   // English wording
            case .day: out.int(d.day); out.put(0x20); out.put(names.monthsEn[d.month - 1]); out.put(0x20); out.int(d.year)
            case .year: out.int(d.year)
            case .circa: out.put(utf8("c. ")); out.int(d.year)
            case .decade: out.int(d.year / 10 * 10); out.put(0x73)
            }
            out.put(v.langEnd[Script.en])
        } else {
            switch d.precision {   // numeric, untagged
            case .day:
                if style == 1 {
                    out.padded(d.day, width: 2); out.put(0x2E); out.padded(d.month, width: 2); out.put(0x2E); out.int(d.year)
                } else {
                    out.int(d.year); out.put(0x2D); out.padded(d.month, width: 2); out.put(0x2D); out.padded(d.day, width: 2)
                }
            case .year: out.int(d.year)
            case .circa: out.put(utf8(style == 1 ? "ca. " : "~")); out.int(d.year)
            case .decade: out.int(d.year / 10 * 10); out.put(utf8(style == 1 ? "s" : "-х"))
            }
            out.put(v.plainEnd)
        }
    }

    /// A free-text note with quotes, line breaks, tabs and backslashes, to
    /// exercise literal escaping.
    mutating func note(_ id: Int) {
        var text: [UInt8]
        switch rng.below(4) {
        case 0: text = utf8("Inscription on the reverse: \"№ \(id)\" (ink, faded).")
        case 1: text = utf8("Provenance:\nacquired \(1900 + id % 90);\r\nsee ledger C:\\archive\\\(id).")
        case 2: text = utf8("Label text:\t«\(id)» \\ \"copy\"")
        default: text = utf8("Примечание: «надпись» \"\(id)\"\nқосымша ақпарат.")
        }
        out.put(0x22)
        out.escaped(text)
        out.put(v.plainEnd)
    }

    // MARK: Objects

    /// A creator rank in 0..<m: 60 % of draws follow a Zipf-like law
    /// (probability about proportional to 1/(rank+1)), 40 % are uniform, so a
    /// few early persons are very prolific and the long tail still gets work.
    mutating func creatorRank(_ m: Int) -> Int {
        let u = rng.unit()
        if rng.percent(40) { return rng.below(m) }
        let r = Int(exp(u * log(Double(m) + 1.0))) - 1
        return min(max(r, 0), m - 1)
    }

    mutating func emitObject() {
        var inst = rng.below(n)
        while personCount[inst] == 0 { inst = (inst + 1) % n }
        let k = objectCount[inst]
        objectCount[inst] += 1
        objectsMinted += 1
        let typeCount = names.types.count - names.firstObjectType
        let t = names.firstObjectType + min(rng.below(typeCount), rng.below(typeCount))
        ensureType(inst, t)

        var creator = -1
        var year: Int
        if rng.percent(92) {
            creator = creatorRank(creators[inst].count)
            let years = personYears(Int(creators[inst][creator]))
            let from = min(years.birth + 16, years.activeUntil)
            year = rng.inRange(from, years.activeUntil)
        } else {
            year = rng.inRange(1400, 1990)
        }
        let place = rng.percent(70) ? pickPlace() : -1
        let placeInfo = place >= 0 ? self.placeInfo(place) : nil
        let term = names.types[t]

        iri(inst, v.object, k, v.close); out.put(v.rdfType); out.put(v.e22); end(inst)
        iri(inst, v.object, k, v.close); out.put(v.label)
        out.put(0x22); out.put(term.enTitle)
        if let placeInfo { out.put(utf8(", ")); placeName(placeInfo, Script.en) }
        out.put(utf8(", ")); out.int(year); out.put(v.langEnd[Script.en]); end(inst)
        if rng.percent(60) {
            iri(inst, v.object, k, v.close); out.put(v.label)
            out.put(0x22); out.put(term.ruTitle)
            if let placeInfo { out.put(utf8(". ")); placeName(placeInfo, Script.ru) }
            out.put(utf8(", ")); out.int(year); out.put(utf8(" г.")); out.put(v.langEnd[Script.ru]); end(inst)
        }
        iri(inst, v.object, k, v.close); out.put(v.p2); iri(inst, v.type, t, v.close); end(inst)

        iri(inst, v.object, k, v.close); out.put(v.p1); iri(inst, v.object, k, v.identifier); end(inst)
        iri(inst, v.object, k, v.identifier); out.put(v.rdfType); out.put(v.e42); end(inst)
        iri(inst, v.object, k, v.identifier); out.put(v.p190); out.put(0x22)
        switch inst % 3 {
        case 0: out.put(utf8("КП-")); out.int(k + 1)
        case 1: out.int(1900 + k % 120); out.put(0x2E); out.int(k / 120 + 1)
        default: out.put(utf8("INV ")); out.padded(k + 1, width: 6)
        }
        out.put(v.plainEnd); end(inst)
        if rng.percent(5) {
            iri(inst, v.object, k, v.close); out.put(v.p3); note(k); end(inst)
        }

        iri(inst, v.object, k, v.production); out.put(v.rdfType); out.put(v.e12); end(inst)
        iri(inst, v.object, k, v.production); out.put(v.p108); iri(inst, v.object, k, v.close); end(inst)
        if creator >= 0 {
            iri(inst, v.object, k, v.production); out.put(v.p14); iri(inst, v.person, creator, v.close); end(inst)
        }
        if place >= 0 {
            iri(inst, v.object, k, v.production); out.put(v.p7); iri(inst, v.place, place, v.close); end(inst)
        }
        if rng.percent(90) {
            iri(inst, v.object, k, v.production); out.put(v.p4); iri(inst, v.object, k, v.productionTime); end(inst)
            var d = Engine.date(year, &rng)
            if d.precision == .day && rng.percent(50) { d.precision = .year }
            timeSpan(inst, v.object, k, v.productionTime, d)
        }
    }
}
