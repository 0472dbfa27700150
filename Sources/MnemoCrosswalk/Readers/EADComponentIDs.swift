import MnemoXML
import Synchronization

/// Positions of EAD components among their siblings, for components with
/// neither `id` nor `unitid`.
///
/// ``XMLRecordReader`` hands each component over when it closes and then drops
/// it from its parent, so a parent seen later no longer shows its earlier
/// children. The position is therefore counted as records arrive: every record
/// registers with its parent, in document order, and a parent's table is
/// dropped once the parent itself has been mapped, so memory follows the
/// nesting depth, not the file size. Registering the same element twice gives
/// the same position, so mapping a file again gives the same identifiers.
final class EADSiblingCounter: Sendable {
    private let tables = Mutex<[String: [String: Int]]>([:])

    /// The 1-based position of `child` among the records of `parent` seen so far.
    func position(of child: XMLElementNode, in parent: XMLElementNode, source: String) -> Int {
        let parentKey = Self.key(parent, source)
        let childKey = "\(child.line):\(child.column)"
        return tables.withLock { tables in
            var table = tables[parentKey] ?? [:]
            if let known = table[childKey] { return known }
            let n = table.count + 1
            table[childKey] = n
            tables[parentKey] = table
            return n
        }
    }

    /// Forgets the children of `node`, which has been delivered after all of them.
    func forgetChildren(of node: XMLElementNode, source: String) {
        let key = Self.key(node, source)
        _ = tables.withLock { $0.removeValue(forKey: key) }
    }

    private static func key(_ node: XMLElementNode, _ source: String) -> String {
        "\(source)#\(node.line):\(node.column)"
    }
}
