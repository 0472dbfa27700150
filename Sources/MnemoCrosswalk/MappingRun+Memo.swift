/// Mentions of shared entities and the run's memo of those already described.
extension MappingRun {
    /// A mention of a shared entity that the record's counts include.
    enum Mention {
        case agent(String), person(String), place(String)
    }

    mutating func mention(_ m: Mention) {
        mentions.append(m)
        switch m {
        case .agent(let u): agents.insert(u)
        case .person(let u): persons.insert(u)
        case .place(let u): places.insert(u)
        }
    }

    /// Marks a contextual entity (or concept-with-class) as described in this
    /// record; false, and counted as a repeat, when it already was.
    mutating func firstDescription(_ key: String) -> Bool {
        guard described.insert(key).inserted else {
            repeats += 1
            return false
        }
        describedLog.append(key)
        return true
    }

    /// Describes a shared entity unless the run's memo says an earlier record
    /// already did; then only its URI, problems and mentions are taken over.
    ///
    /// The memo's answer is exactly what describing would do here: an entry is
    /// remembered only from a description that met no repeats (nothing it
    /// touched was already described in its record), and used only where none
    /// of what it describes is described yet. Otherwise the entity is described.
    mutating func shared(_ key: @autoclosure () -> SharedEntityMemo.Key,
                         describe: (inout MappingRun) -> String) -> String {
        guard let memo else { return describe(&self) }
        let key = key()
        if let known = memo.lookup(key), !known.described.contains(where: described.contains) {
            problems += known.problems
            for m in known.effects { mention(m) }
            for k in known.described { _ = firstDescription(k) }
            return known.uri
        }
        let p0 = problems.count, m0 = mentions.count, d0 = describedLog.count, r0 = repeats
        let uri = describe(&self)
        if repeats == r0 {
            newlyDescribed.append((key, SharedEntityMemo.Entry(
                uri: uri, problems: Array(problems[p0...]), effects: Array(mentions[m0...]),
                described: Array(describedLog[d0...]))))
        }
        return uri
    }
}
