import MnemoSearch

/// One feature's part in a pair's confidence, with what it saw.
public struct Feature: Sendable, Equatable, CustomStringConvertible {
    /// `name`, `birth`, `death`, `birthPlace`, `deathPlace`, `patronymic`,
    /// `identifier`, `parent`, `coordinates`, `unique`.
    public let name: String
    /// What it added to (or took from) the confidence.
    public let weight: Double
    /// What it saw, e.g. `1835 = 1835`, `transliteration 0.92`.
    public let note: String

    public var description: String {
        let w = (weight * 100).rounded() / 100
        return "\(name) \(w >= 0 ? "+" : "")\(w) (\(note))"
    }
}

/// The explainable score of one pair of records.
public struct PairScore: Sendable {
    /// 0–1.
    public var confidence: Double
    /// The features that decided it, in the order they were weighed.
    public var features: [Feature]
    /// Why the pair can never be one entity (conflicting identifiers, life dates far apart, places far apart).
    public var forbidden: String?
    /// A shared authority identifier decided it.
    public var byIdentifier: Bool
    /// The names' similarity alone, 0–1.
    public var name: Double

    /// The features as one line, for mapping records and the review list.
    public var explanation: String {
        var parts = features.map(\.description)
        if let f = forbidden { parts.insert("forbidden: " + f, at: 0) }
        return parts.joined(separator: "; ")
    }
}

/// Scores pairs of ``LinkRecord``s from their features.
struct Scorer: Sendable {
    /// Changes whenever a rule or weight changes, so that kept scores of an older scorer are not reused.
    static let version = 11
    /// The longest life the scorer believes in, in years.
    static let longestLife = 110
    let records: [LinkRecord]
    /// For persons: the cluster of each place IRI, from the place links of the same run.
    var placeCluster: [String: Int] = [:]

    /// The similarity of two records' best-matching names (0–1), symmetric.
    func nameScore(_ a: Int, _ b: Int) -> (Double, [MatchHow]) {
        let s = Self.bestName(records[a].names, records[b].names)
        // Places: "Дильраская область" and "Dilra Region" are one name once the
        // words for the kind of place are set aside and the Russian adjective's ending allowed.
        if records[a].profile.kind == .place, s.0 < 0.85, Self.sameProperWords(records[a].names, records[b].names) {
            return (0.85, Array(Set(s.1 + [.variant])).sorted())
        }
        return s
    }

    static func bestName(_ x: [[NameToken]], _ y: [[NameToken]]) -> (Double, [MatchHow]) {
        var best: (Double, [MatchHow]) = (0, [])
        for n in x {
            for m in y {
                let both = NameIndex.scoreBoth(n, m)
                guard let (s1, h1) = both.ab, let (s2, h2) = both.ba else { continue }
                let s = (s1 + s2) / 2
                if s > best.0 { best = (s, Array(Set(h1 + h2)).sorted()) }
            }
        }
        return best
    }

    /// Why two records can never be one entity, if they cannot.
    func conflict(_ a: Int, _ b: Int) -> String? {
        let p = records[a].profile, q = records[b].profile
        for (scheme, xs) in p.identifiers {
            if let ys = q.identifiers[scheme], xs.isDisjoint(with: ys) {
                return "\(scheme) \(xs.sorted().joined(separator: ",")) ≠ \(ys.sorted().joined(separator: ","))"
            }
        }
        if let x = records[a].gender, let y = records[b].gender, x != y, sharedIdentifier(a, b) == nil { return "the names of a \(x == .male ? "man" : "woman") and a \(y == .male ? "man" : "woman")" }
        if let x = p.birth, let y = q.birth, x.gap(to: y) >= 3 { return "born \(x) and \(y)" }
        if let x = p.death, let y = q.death, x.gap(to: y) >= 3 { return "died \(x) and \(y)" }
        if let why = eventConflict(p, q) { return why }
        // One life: born in one record and died in the other, the death may not come before the birth or 110 years after it.
        for (born, died) in [(p.birth, q.death), (q.birth, p.death)] {
            guard let born, let died else { continue }
            if died.high < born.low { return "died \(died), before the birth in \(born)" }
            if died.low - born.high > Self.longestLife { return "born \(born) and died \(died): \(died.low - born.high) years" }
        }
        if let la = p.latitude, let lo = p.longitude, let lb = q.latitude, let mb = q.longitude {
            let km = Self.kilometres(la, lo, lb, mb)
            if km > 50 { return "\(Int(km)) km apart" }
        }
        return nil
    }

    func sharedIdentifier(_ a: Int, _ b: Int) -> String? {
        let p = records[a].profile, q = records[b].profile
        for (scheme, xs) in p.identifiers.sorted(by: { $0.key < $1.key }) {
            if let ys = q.identifiers[scheme], let v = xs.intersection(ys).sorted().first { return "\(scheme):\(v)" }
        }
        return nil
    }

    /// The score of a pair, before uniqueness (added by the run, which sees every candidate).
    func score(_ a: Int, _ b: Int) -> PairScore {
        let (name, how) = nameScore(a, b)
        var out = PairScore(confidence: 0, features: [], forbidden: conflict(a, b), byIdentifier: false, name: name)
        if let id = sharedIdentifier(a, b), out.forbidden == nil {
            out.byIdentifier = true
            out.confidence = 1
            out.features.append(Feature(name: "identifier", weight: 1, note: id))
            out.features.append(Feature(name: "name", weight: 0, note: Self.nameNote(name, how)))
            return out
        }
        var c = Self.nameWeight(name)
        out.features.append(Feature(name: "name", weight: c, note: Self.nameNote(name, how)))
        let p = records[a], q = records[b]
        // Several of the names agree (Семипалатинск and Семей on both sides): more than one name in common.
        let shared = Self.namesInCommon(p.names, q.names)
        if shared >= 2 {
            c += 0.08
            out.features.append(Feature(name: "names", weight: 0.08, note: "\(shared) names in common"))
        }
        if case let pa = p.patronymics, case let qa = q.patronymics, !pa.isEmpty, !qa.isEmpty, pa.isDisjoint(with: qa) {
            c -= 0.25
            out.features.append(Feature(name: "patronymic", weight: -0.25, note: "different patronymics"))
        }
        if let x = p.profile.birth, let y = q.profile.birth {
            let w = Self.yearWeight(x, y, exact: 0.30, vague: 0.18, offByOne: 0.20)
            c += w
            out.features.append(Feature(name: "birth", weight: w, note: Self.yearNote(x, y)))
        }
        if let x = p.profile.death, let y = q.profile.death {
            let w = Self.yearWeight(x, y, exact: 0.10, vague: 0.05, offByOne: 0.05)
            c += w
            out.features.append(Feature(name: "death", weight: w, note: Self.yearNote(x, y)))
        }
        if let f = placeFeature("birthPlace", p.profile.birthPlaceIRIs, q.profile.birthPlaceIRIs, p.birthPlaceNames, q.birthPlaceNames) {
            c += f.weight; out.features.append(f)
        }
        if let f = placeFeature("deathPlace", p.profile.deathPlaceIRIs, q.profile.deathPlaceIRIs, p.deathPlaceNames, q.deathPlaceNames) {
            c += f.weight; out.features.append(f)
        }
        let more: [Feature]
        switch p.profile.kind {
        case .event: more = eventFeatures(p, q)
        case .person, .group: more = workFeatures(p, q)
        default: more = []
        }
        for f in more { c += f.weight; out.features.append(f) }
        if p.profile.kind == .place {
            if !p.parentNames.isEmpty, !q.parentNames.isEmpty {
                let linked = p.profile.parentIRIs.contains { x in q.profile.parentIRIs.contains { y in samePlace(x, y) == true } }
                let w = linked || Self.shareProperWord(p.parentNames, q.parentNames) ? 0.2 : -0.1
                c += w
                out.features.append(Feature(name: "parent", weight: w, note: w > 0 ? "within the same place" : "within different places"))
            }
            if let la = p.profile.latitude, let lo = p.profile.longitude, let lb = q.profile.latitude, let mb = q.profile.longitude {
                let km = Self.kilometres(la, lo, lb, mb)
                let w = km <= 3 ? 0.25 : km <= 15 ? 0.12 : 0
                c += w
                out.features.append(Feature(name: "coordinates", weight: w, note: "\((km * 10).rounded() / 10) km apart"))
            }
        }
        out.confidence = Self.round(max(0, min(1, c)))
        if out.forbidden != nil { out.confidence = 0 }
        return out
    }

    /// To a thousandth, so that sums of weights compare with thresholds as written (0.58 + 0.32 is 0.9).
    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// Whether two place IRIs are one place by this run's place links (nil: unknown).
    func samePlace(_ x: String, _ y: String) -> Bool? {
        if x == y { return true }
        guard let cx = placeCluster[x], let cy = placeCluster[y] else { return nil }
        return cx == cy
    }

    func placeFeature(_ label: String, _ xs: [String], _ ys: [String], _ xn: [[NameToken]], _ yn: [[NameToken]]) -> Feature? {
        guard !xs.isEmpty || !xn.isEmpty, !ys.isEmpty || !yn.isEmpty else { return nil }
        var known = false
        for x in xs {
            for y in ys {
                if let same = samePlace(x, y) {
                    if same { return Feature(name: label, weight: 0.1, note: "the same place by the place links") }
                    known = true
                }
            }
        }
        let (s, _) = Self.bestName(xn, yn)
        if known { return Feature(name: label, weight: -0.2, note: "different places by the place links") }
        if s >= 0.8 { return Feature(name: label, weight: 0.05, note: "places of the same name") }
        if s >= 0.5 { return nil }
        return Feature(name: label, weight: -0.1, note: "places of different names")
    }

    /// Words of place names that say what kind of place it is, not which.
    static let placeWords: Set<String> = ["region", "oblast", "oblys", "oblysy", "oblasti", "viloyat", "viloyati", "district",
                                          "raion", "rayon", "tuman", "tumani", "uezd", "gubernia", "guberniya", "province",
                                          "county", "aul", "selo", "city", "town", "village", "gorod", "qishloq", "shahar",
                                          "oblastʹ", "oblastskaya", "kraj", "krai", "respublika", "republic"]

    /// How many distinct names of `x` meet a name of `y` as a whole (score 0.95 or more).
    static func namesInCommon(_ x: [[NameToken]], _ y: [[NameToken]]) -> Int {
        guard x.count >= 2, y.count >= 2 else { return 0 }
        var seen = Set<[String]>()
        var n = 0
        for a in x {
            let key = a.map(\.primarySkeleton)
            guard seen.insert(key).inserted else { continue }
            if y.contains(where: { b in (NameIndex.score(a, label: b)?.0 ?? 0) >= 0.95 && (NameIndex.score(b, label: a)?.0 ?? 0) >= 0.95 }) { n += 1 }
        }
        return n
    }

    /// Whether some name of each has the same proper words (every one meeting one of the other's).
    static func sameProperWords(_ x: [[NameToken]], _ y: [[NameToken]]) -> Bool {
        for n in x {
            for m in y {
                let pn = n.filter(isProper), pm = m.filter(isProper)
                guard !pn.isEmpty, pn.count == pm.count else { continue }
                // A town and the region named after it are not one place: both or neither say what kind of place.
                guard (pn.count == n.count) == (pm.count == m.count) else { continue }
                if pn.allSatisfy({ t in pm.contains { wordsMeet(t, $0) } }) && pm.allSatisfy({ t in pn.contains { wordsMeet(t, $0) } }) { return true }
            }
        }
        return false
    }

    static func isProper(_ t: NameToken) -> Bool {
        !t.isInitial && t.forms.isDisjoint(with: placeWords) && !placeWords.contains(t.primarySkeleton)
    }

    /// Two words of place names meet: the same in some script, the same consonants, or one the other's stem (4 letters or more).
    static func wordsMeet(_ t: NameToken, _ u: NameToken) -> Bool {
        if !t.forms.isDisjoint(with: u.forms) || !t.skeletons.isDisjoint(with: u.skeletons) { return true }
        if t.consonants.count >= 3, t.consonants == u.consonants { return true }
        for a in t.skeletons where a.count >= 4 {
            if u.skeletons.contains(where: { $0.count >= 4 && ($0.hasPrefix(a) || a.hasPrefix($0)) }) { return true }
        }
        return false
    }

    /// Whether two places' names share a proper word (not "region", "oblast"…),
    /// in any script, allowing a Russian adjectival ending ("Дильраская" and "Dilra").
    static func shareProperWord(_ x: [[NameToken]], _ y: [[NameToken]]) -> Bool {
        let xs = x.flatMap { $0 }.filter(isProper), ys = y.flatMap { $0 }.filter(isProper)
        return xs.contains { t in ys.contains { wordsMeet(t, $0) } }
    }

    /// What a name similarity is worth: whole names agreeing weigh most.
    static func nameWeight(_ s: Double) -> Double {
        s >= 0.95 ? 0.62 : s >= 0.8 ? 0.58 : s >= 0.7 ? 0.45 : 0.6 * s
    }

    static func nameNote(_ s: Double, _ how: [MatchHow]) -> String {
        "\(how.map(\.rawValue).joined(separator: "+")) \((s * 100).rounded() / 100)"
    }

    static func yearWeight(_ x: YearRange, _ y: YearRange, exact: Double, vague: Double, offByOne: Double) -> Double {
        switch x.gap(to: y) {
        case 0: return x.spread <= 1 && y.spread <= 1 ? exact : vague
        case 1: return offByOne
        case 2: return -0.1
        default: return -1
        }
    }

    static func yearNote(_ x: YearRange, _ y: YearRange) -> String {
        let g = x.gap(to: y)
        return g == 0 ? "\(x) = \(y)" : "\(x) vs \(y), \(g) apart"
    }

    /// Great-circle distance in kilometres.
    static func kilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0, rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
