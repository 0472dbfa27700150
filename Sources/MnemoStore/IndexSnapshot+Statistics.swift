import MnemoRDF

/// Per-predicate counts for estimating join sizes: how many triples a
/// predicate has, and over how many distinct subjects and objects they
/// spread. The average fan-out of a predicate from a bound subject is
/// `triples / subjects`; from a bound object, `triples / objects`.
///
/// Counts are of quads (a triple held by two graphs counts twice), which is
/// what a graph-restricted or union scan meets at worst.
public struct PredicateStatistics: Sendable {
    /// Counts for one predicate.
    public struct Entry: Sendable, Equatable {
        public var triples: Int
        public var subjects: Int
        public var objects: Int
    }

    public private(set) var predicates: [TermID: Entry] = [:]
    /// Quads in all.
    public private(set) var quads = 0
    /// Distinct subjects over all predicates.
    public private(set) var subjects = 0
    /// The sum over predicates of their distinct objects (an upper bound on distinct objects).
    public private(set) var objects = 0

    /// The entry for a predicate, or nil when no quad has it.
    public subscript(predicate: TermID) -> Entry? { predicates[predicate] }

    /// Average quads per distinct subject of `predicate` (of any predicate when nil).
    public func fanOutFromSubject(_ predicate: TermID?) -> Double {
        guard let predicate else { return subjects == 0 ? 1 : Double(quads) / Double(subjects) }
        guard let e = predicates[predicate], e.subjects > 0 else { return 0 }
        return Double(e.triples) / Double(e.subjects)
    }

    /// Average quads per distinct object of `predicate` (of any predicate when nil).
    public func fanOutFromObject(_ predicate: TermID?) -> Double {
        guard let predicate else { return objects == 0 ? 1 : Double(quads) / Double(objects) }
        guard let e = predicates[predicate], e.objects > 0 else { return 0 }
        return Double(e.triples) / Double(e.objects)
    }

    /// Counts from the POSG runs (triples and distinct objects per predicate)
    /// and the SPOG runs (distinct subjects per predicate, and overall). With
    /// several runs a term met in two runs counts twice: an overestimate of
    /// the distinct counts, harmless for planning.
    init(posg: [SortedRun], spog: [SortedRun]) {
        for run in posg {
            var lastP: TermID = 0, lastO: TermID = 0
            var entry = Entry(triples: 0, subjects: 0, objects: 0)
            func flush() {
                guard entry.triples > 0 else { return }
                predicates[lastP, default: Entry(triples: 0, subjects: 0, objects: 0)].triples += entry.triples
                predicates[lastP]!.objects += entry.objects
                objects += entry.objects
            }
            for k in run.keys {
                if k.a != lastP || entry.triples == 0 {
                    flush()
                    lastP = k.a
                    lastO = k.b
                    entry = Entry(triples: 1, subjects: 0, objects: 1)
                    continue
                }
                entry.triples += 1
                if k.b != lastO { entry.objects += 1; lastO = k.b }
            }
            flush()
            quads += run.keys.count
        }
        var subjectsPerPredicate: [TermID: Int] = [:]
        for run in spog {
            var lastS: TermID = 0, lastP: TermID = 0
            var first = true
            for k in run.keys {
                if first || k.a != lastS {
                    subjects += 1
                    subjectsPerPredicate[k.b, default: 0] += 1
                } else if k.b != lastP {
                    subjectsPerPredicate[k.b, default: 0] += 1
                }
                first = false
                lastS = k.a
                lastP = k.b
            }
        }
        for (p, n) in subjectsPerPredicate { predicates[p]?.subjects = n }
    }
}

extension IndexSnapshot {
    /// The snapshot's predicate statistics, computed by one pass over two of
    /// its orders the first time they are asked for, then kept.
    public var statistics: PredicateStatistics {
        if let s = statisticsCache.withLock({ $0 }) { return s }
        let s = PredicateStatistics(posg: runs[IndexOrder.posg.rawValue], spog: runs[IndexOrder.spog.rawValue])
        statisticsCache.withLock { $0 = s }
        return s
    }
}
