/// OPTIONALs whose sides share no variable.
///
/// `A OPTIONAL B` where A and B mention no common variable: every solution of
/// A is compatible with every solution of B, so the left join is `A ⋈ B`
/// when B has a solution and A alone when it has none. Compiled as that
/// choice (``Node/Kind/whenNonEmpty(_:then:otherwise:)``), the joins, filters
/// and GRAPH members around the OPTIONAL move into both plans and are ordered
/// with B's patterns, instead of A × B being made first (a cross product of
/// every solution of A with every solution of B, when what is joined after
/// it would have linked the two).
extension Compiler {
    /// A left join, as that choice when its sides share no variable. A
    /// filter of the OPTIONAL that reads none of A's variables filters B;
    /// one that reads A's keeps the left join.
    func optional(_ a: Node, _ b: Node, _ condition: CExpr?) -> Node {
        var left = Set<Int>(), right = Set<Int>()
        a.collectSlots(&left)
        b.collectSlots(&right)
        guard left.isDisjoint(with: right), condition.map({ $0.slots.isDisjoint(with: left) }) ?? true else {
            return Node(.leftJoin(a, b, condition))
        }
        let filtered = condition.map { filter($0.conjuncts, b) } ?? b
        return Node(.whenNonEmpty(filtered, then: join(Compiler.joinOperands(a) + Compiler.joinOperands(filtered)),
                                  otherwise: a))
    }

    /// Most choices one join distributes over (each doubles the plans).
    static let maxChoicesPerJoin = 3

    /// A join with a choice among its operands: the choice, with the other
    /// operands joined into both of its plans (`(P ? T : O) ⋈ C` is
    /// `P ? T ⋈ C : O ⋈ C`, P being evaluated on its own). Nil when there
    /// is no choice or more than ``maxChoicesPerJoin``.
    func distributeChoice(_ operands: [Node]) -> Node? {
        let choices = operands.indices.filter { if case .whenNonEmpty = operands[$0].kind { return true }; return false }
        let text = self.text
        guard operands.count > 1, choices.count <= Compiler.maxChoicesPerJoin,
              let first = choices.map({ ($0, text.signature(operands[$0])) }).min(by: { $0.1 < $1.1 })?.0,
              case .whenNonEmpty(let probe, let then, let otherwise) = operands[first].kind else { return nil }
        var rest = operands
        rest.remove(at: first)
        return Node(.whenNonEmpty(probe, then: join(Compiler.joinOperands(then) + rest),
                                  otherwise: join(Compiler.joinOperands(otherwise) + rest)))
    }
}
