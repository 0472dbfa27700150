extension LinkingEngine {
    // MARK: Inventing a person

    /// Given names: a syllable and an ending (32 × 8), then the Russian names.
    func givenCount(_ female: Bool) -> Int {
        names.starts.count * 8 + (female ? names.russianFemale.count : names.russianMale.count)
    }

    mutating func randomName() -> Name {
        let female = rng.percent(40)
        return Name(female: female, given: rng.below(givenCount(female)), father: rng.below(givenCount(false)),
                    surnameA: rng.below(names.starts.count), surnameB: rng.below(names.mids.count),
                    suffix: rng.below(names.maleSuffixes.count))
    }

    mutating func invent(_ i: Int) -> Person {
        var p = Person(name: randomName(), birth: 1700 + rng.below(261), birthMonth: 1 + rng.below(12),
                       birthDay: 1 + rng.below(28), death: nil,
                       birthPlace: rng.below(settlements.count), deathPlace: 0,
                       viaf: rng.percent(60) ? 10_000_000 + i : 0, wikidata: rng.percent(40) ? 5_000_000 + i : 0,
                       trap: "")
        let roll = rng.below(100)
        if i > 20, roll < 12 {
            let j = persons[rng.below(persons.count)]
            let year = j.birth ?? p.birth!
            switch roll {
            case 0..<4:
                // A namesake, decades apart.
                p.name.given = j.name.given; p.name.female = j.name.female
                p.name.surnameA = j.name.surnameA; p.name.surnameB = j.name.surnameB; p.name.suffix = j.name.suffix
                let gap = 40 + rng.below(80)
                p.birth = year + gap <= 1960 ? year + gap : year - gap
                p.trap = "namesake"
            case 4..<8:
                // A son named as his father, born where he was.
                p.name = j.name
                p.name.female = false
                p.name.given = j.name.female ? rng.below(givenCount(false)) : j.name.given
                p.name.father = p.name.given
                p.birth = year + 25 + rng.below(11)
                p.birthPlace = j.birthPlace
                p.trap = "father-son"
            default:
                // A neighbour: the same surname, place and generation, another given name.
                p.name.surnameA = j.name.surnameA; p.name.surnameB = j.name.surnameB; p.name.suffix = j.name.suffix
                while p.name.given == j.name.given { p.name.given = rng.below(givenCount(p.name.female)) }
                p.birth = year - 15 + rng.below(31)
                p.birthPlace = j.birthPlace
                p.trap = "surname-city"
            }
            summary.traps += 1
        }
        if let b = p.birth { p.death = b + 20 + rng.below(70) }
        if rng.percent(10) { p.birth = nil; p.death = nil }
        p.deathPlace = rng.percent(40) ? p.birthPlace : rng.below(settlements.count)
        return p
    }

    // MARK: Writing its records

    mutating func person(_ i: Int, _ sink: (String) throws -> Void, _ gold: (GoldRecord) throws -> Void) rethrows {
        let p = invent(i)
        persons.append(p)
        summary.persons += 1
        let roll = rng.below(100)
        let copies = min(institutions, roll < 35 ? 1 : roll < 70 ? 2 : 3)
        var chosen: [Int] = []
        while chosen.count < copies {
            let inst = rng.below(institutions)
            if !chosen.contains(inst) { chosen.append(inst) }
        }
        for inst in chosen.sorted() {
            let k = recordCount[inst]
            recordCount[inst] += 1
            summary.personRecords += 1
            write(p, inst, k)
            try gold(GoldRecord(kind: "person", entity: "person-\(i)", graph: graph(inst).trimmed,
                                iri: iri(inst, "person", k).trimmed, trap: p.trap))
        }
        try flush(sink)
    }

    mutating func write(_ p: Person, _ inst: Int, _ k: Int) {
        let s = iri(inst, "person", k)
        let script: Int
        let label: String
        var birth = p.birth, death = p.death
        var dayPrecise = false
        var birthPlace = -1, deathPlace = -1
        switch style(inst) {
        case 0:   // library: Cyrillic, inverted, patronymic, exact dates, VIAF
            script = p.name.given >= names.starts.count * 8 || rng.percent(50) ? S.ru : S.kk
            label = surname(p.name, script) + ", " + given(p.name.given, p.name.female, script)
                + (rng.percent(80) ? " " + patronymic(p.name, script) : "")
            if !rng.percent(85) { birth = nil }
            if !rng.percent(80) { death = nil }
            dayPrecise = true
            if rng.percent(80) { birthPlace = p.birthPlace }
            if rng.percent(60) { deathPlace = p.deathPlace }
            if p.viaf > 0, rng.percent(80) { quad(s, Self.sameAs, "<http://viaf.org/viaf/\(p.viaf)>", inst) }
        case 1:   // museum: English transliteration, forename first, years (a third one off), Wikidata
            script = S.en
            label = given(p.name.given, p.name.female, script) + " " + surname(p.name, script)
            if let b = birth, rng.percent(33) { birth = b + (rng.percent(50) ? 1 : -1) }
            if !rng.percent(75) { birth = nil }
            if !rng.percent(70) { death = nil }
            if rng.percent(60) { birthPlace = p.birthPlace }
            if p.wikidata > 0, rng.percent(70) {
                quad(s, Self.exactMatch, "<http://www.wikidata.org/entity/Q\(p.wikidata)>", inst)
            }
        default:  // archive: Uzbek Latin or Cyrillic, inverted, often abbreviated, sparse years
            script = rng.percent(60) ? S.uzLatn : S.uzCyrl
            let forename = given(p.name.given, p.name.female, script)
            label = surname(p.name, script) + ", " + (rng.percent(35) ? Self.initial(forename) : forename)
            if !rng.percent(50) { birth = nil }
            if !rng.percent(40) { death = nil }
            if rng.percent(50) { birthPlace = p.birthPlace }
            if p.viaf > 0, rng.percent(30) { quad(s, Self.sameAs, "<http://viaf.org/viaf/\(p.viaf)>", inst) }
        }
        let tag = Self.tags[script]
        quad(s, Self.rdfType, Self.crmTerm("E21_Person"), inst)
        quad(s, Self.label, Self.literal(label, tag), inst)
        let name = iri(inst, "person", k, "/name")
        quad(s, Self.crmTerm("P1_is_identified_by"), name, inst)
        quad(name, Self.rdfType, Self.crmTerm("E41_Appellation"), inst)
        quad(name, Self.crmTerm("P190_has_symbolic_content"), Self.literal(label, tag), inst)
        if birth != nil || birthPlace >= 0 {
            event(s, inst, k, "birth", year: birth, month: dayPrecise ? p.birthMonth : nil, day: p.birthDay, place: birthPlace)
        }
        if death != nil || deathPlace >= 0 {
            event(s, inst, k, "death", year: death, month: nil, day: 1, place: deathPlace)
        }
    }

    /// A birth or death with its place and time-span (P82a/P82b as xsd:date, and the date as written).
    mutating func event(_ person: String, _ inst: Int, _ k: Int, _ kind: String, year: Int?, month: Int?, day: Int, place: Int) {
        let e = iri(inst, "person", k, "/" + kind)
        quad(e, Self.rdfType, Self.crmTerm(kind == "birth" ? "E67_Birth" : "E69_Death"), inst)
        quad(e, Self.crmTerm(kind == "birth" ? "P98_brought_into_life" : "P100_was_death_of"), person, inst)
        if place >= 0 { quad(e, Self.crmTerm("P7_took_place_at"), iri(inst, "place", place), inst) }
        guard let year else { return }
        let t = iri(inst, "person", k, "/" + kind + "/time")
        quad(e, Self.crmTerm("P4_has_time-span"), t, inst)
        quad(t, Self.rdfType, Self.crmTerm("E52_Time-Span"), inst)
        let y = String(year)
        if let month {
            let d = y + "-" + Self.two(month) + "-" + Self.two(day)
            quad(t, Self.crmTerm("P82a_begin_of_the_begin"), "\"\(d)\"" + Self.xsdDate, inst)
            quad(t, Self.crmTerm("P82b_end_of_the_end"), "\"\(d)\"" + Self.xsdDate, inst)
            quad(t, Self.label, "\"\(d)\"", inst)
        } else {
            quad(t, Self.crmTerm("P82a_begin_of_the_begin"), "\"\(y)-01-01\"" + Self.xsdDate, inst)
            quad(t, Self.crmTerm("P82b_end_of_the_end"), "\"\(y)-12-31\"" + Self.xsdDate, inst)
            quad(t, Self.label, "\"\(y)\"", inst)
        }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    // MARK: Names in each script

    func given(_ g: Int, _ female: Bool, _ script: Int) -> String {
        let syllables = names.starts.count * 8
        if g >= syllables {
            let list = female ? names.russianFemale : names.russianMale
            return String(decoding: list[g - syllables].upper[script], as: UTF8.self)
        }
        let ends = female ? names.femaleEnds : names.maleEnds
        return String(decoding: names.starts[g / 8].upper[script], as: UTF8.self)
            + String(decoding: ends[g % 8].lower[script], as: UTF8.self)
    }

    func surname(_ n: Name, _ script: Int) -> String {
        let suffixes = n.female ? names.femaleSuffixes : names.maleSuffixes
        return String(decoding: names.starts[n.surnameA].upper[script], as: UTF8.self)
            + String(decoding: names.mids[n.surnameB].lower[script], as: UTF8.self)
            + String(decoding: suffixes[n.suffix].lower[script], as: UTF8.self)
    }

    /// The father's name with the ending of the script: Russian `-ович`/`-овна`, Kazakh `ұлы`/`қызы`.
    func patronymic(_ n: Name, _ script: Int) -> String {
        var father = given(n.father, false, script)
        if script == S.kk { return father + (n.female ? " қызы" : " ұлы") }
        if father.hasSuffix("й") {
            father.removeLast()
            return father + (n.female ? "евна" : "евич")
        }
        return father + (n.female ? "овна" : "ович")
    }

    /// `Sh.` for `Shoqan`, `Ч.` for `Чокан`: Latin digraphs stay whole.
    static func initial(_ name: String) -> String {
        let two = name.prefix(2).lowercased()
        if ["sh", "ch", "kh", "zh", "gh", "ts", "ya", "yu", "yo"].contains(two) { return String(name.prefix(2)) + "." }
        return String(name.prefix(1)) + "."
    }
}
