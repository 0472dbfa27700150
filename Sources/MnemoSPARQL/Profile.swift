import Foundation

/// Counters gathered per plan operator while a query is explained: how
/// often it was evaluated, the solutions it produced, and the time spent in
/// it and below it (not in the operators its solutions went on to).
final class Profile {
    final class Counters {
        var calls = 0
        var rows = 0
        var nanoseconds: UInt64 = 0
    }

    private var nodes: [ObjectIdentifier: Counters] = [:]
    /// Solutions after each member of a join group's plan, per node and plan.
    private var members: [ObjectIdentifier: [BoundKey: [Int]]] = [:]

    func counters(_ node: Node) -> Counters {
        let id = ObjectIdentifier(node)
        if let c = nodes[id] { return c }
        let c = Counters()
        nodes[id] = c
        return c
    }

    /// The counters of a node, if it was evaluated.
    func existing(_ node: Node) -> Counters? { nodes[ObjectIdentifier(node)] }

    func countMember(_ node: Node, _ key: BoundKey, _ i: Int, of count: Int) {
        let id = ObjectIdentifier(node)
        if members[id]?[key] == nil { members[id, default: [:]][key] = Array(repeating: 0, count: count) }
        members[id]![key]![i] += 1
    }

    /// Solutions after each member, for one of a node's plans.
    func memberRows(_ node: Node, _ key: BoundKey) -> [Int]? { members[ObjectIdentifier(node)]?[key] }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
