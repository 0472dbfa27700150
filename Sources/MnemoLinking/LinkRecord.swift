import MnemoSearch

/// One profile ready to compare: its names split into keyed words once.
struct LinkRecord: Sendable {
    let profile: EntityProfile
    /// The index of the profile's graph among the graphs of the run.
    let graph: Int32
    /// The words of each name.
    let names: [[NameToken]]
    /// The words of each birth and death place name, and of each parent place name.
    let birthPlaceNames: [[NameToken]]
    let deathPlaceNames: [[NameToken]]
    let parentNames: [[NameToken]]
    /// The words of the titles of its works, and for events of their places and participants.
    let workNames: [[NameToken]]
    let eventPlaceNames: [[NameToken]]
    let participantNames: [[NameToken]]
    /// The patronymics written in its names (their spelling skeletons).
    let patronymics: Set<String>
    /// For persons, whether the names are a man's or a woman's, where their grammar tells.
    let gender: NameGender?
    /// For persons, whether the patronymic is made from the person's own forename (see ``NamedAfterFather``).
    let namedAfterFather: Bool

    init(_ p: EntityProfile, graph: Int32, memo: TokenMemo) {
        profile = p
        self.graph = graph
        func keys(_ s: String) -> [NameToken] { NameKeys(s, memo: memo).tokens }
        names = p.names.map { keys($0.value) }.filter { !$0.isEmpty }
        birthPlaceNames = p.birthPlaces.map(keys)
        deathPlaceNames = p.deathPlaces.map(keys)
        parentNames = p.parents.map(keys)
        workNames = p.works.map(keys).filter { !$0.isEmpty }
        eventPlaceNames = p.eventPlaces.map(keys).filter { !$0.isEmpty }
        participantNames = p.participants.map(keys).filter { !$0.isEmpty }
        var pat = Set<String>()
        for n in names { for t in n where t.isPatronymic { pat.formUnion(t.skeletons) } }
        patronymics = pat
        gender = p.kind == .person ? NameGender.of(names) : nil
        namedAfterFather = p.kind == .person && NamedAfterFather.test(names)
    }
}
