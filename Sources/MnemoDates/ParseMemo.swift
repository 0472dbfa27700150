import Foundation

/// Remembers recent parses of date strings, which repeat endlessly in real
/// catalogues (the same publication years, the same authors' life dates).
/// Parsing is a pure function of the text's bytes, so a remembered result is
/// the result. Keys compare byte by byte, not by Swift's canonical
/// equivalence, so a result's `original` is always the text asked about.
/// Two generations of at most `capacity` entries keep memory bounded.
final class ParseMemo<Value: Sendable>: @unchecked Sendable {
    private struct Key: Hashable {
        let text: String
        static func == (a: Key, b: Key) -> Bool {
            a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
        }
        func hash(into h: inout Hasher) {
            var t = text
            t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private let lock = NSLock()
    private let capacity: Int
    private var newer: [Key: Value] = [:]
    private var older: [Key: Value] = [:]

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The remembered value for `text`, or `compute(text)`, remembered.
    func value(for text: String, _ compute: (String) -> Value) -> Value {
        guard text.utf8.count <= 64 else { return compute(text) }
        let key = Key(text: text)
        if let v = lock.withLock({ newer[key] ?? older[key] }) { return v }
        let v = compute(text)
        lock.withLock {
            if newer.count >= capacity {
                older = newer
                newer = Dictionary(minimumCapacity: capacity)
            }
            newer[key] = v
        }
        return v
    }
}
