/// A growable byte buffer that N-Quads text is assembled in before it is
/// handed to the caller's sink. It owns raw memory: call ``release()`` once.
struct QuadBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Quads terminated so far (over all flushes).
    private(set) var quads = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func release() { base.deallocate() }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < count + needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(n) }
    }

    /// Hands the buffered bytes to `sink` and empties the buffer.
    mutating func flush(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard count > 0 else { return }
        let bytes = UnsafeRawBufferPointer(start: base, count: count)
        count = 0
        try sink(bytes)
    }

    @inline(__always)
    mutating func put(_ bytes: [UInt8]) {
        let n = bytes.count
        reserve(n)
        bytes.withUnsafeBufferPointer { src in
            (base + count).update(from: src.baseAddress!, count: n)
        }
        count &+= n
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Writes a non-negative integer in decimal.
    @inline(__always)
    mutating func int(_ value: Int) {
        reserve(20)
        var v = UInt64(truncatingIfNeeded: value)
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits &+= 1 }
        var i = count &+ digits
        count = i
        repeat {
            i &-= 1
            base[i] = 48 &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        } while v > 0
    }

    /// Writes a non-negative integer zero-padded to `width` digits
    /// (wider values keep all their digits).
    @inline(__always)
    mutating func padded(_ value: Int, width: Int) {
        var probe = value
        var digits = 1
        while probe >= 10 { probe /= 10; digits += 1 }
        var pad = width - digits
        while pad > 0 { put(48); pad -= 1 }
        int(value)
    }

    /// Writes the bytes of `text` as the inside of an N-Quads string literal,
    /// escaping `\`, `"`, line feed, carriage return, tab and other controls.
    mutating func escaped(_ text: [UInt8]) {
        reserve(text.count * 6)
        for b in text {
            switch b {
            case 0x5C: base[count] = 0x5C; base[count &+ 1] = 0x5C; count &+= 2
            case 0x22: base[count] = 0x5C; base[count &+ 1] = 0x22; count &+= 2
            case 0x0A: base[count] = 0x5C; base[count &+ 1] = 0x6E; count &+= 2
            case 0x0D: base[count] = 0x5C; base[count &+ 1] = 0x72; count &+= 2
            case 0x09: base[count] = 0x5C; base[count &+ 1] = 0x74; count &+= 2
            case 0x00..<0x20, 0x7F:
                let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
                base[count] = 0x5C; base[count &+ 1] = 0x75
                base[count &+ 2] = 0x30; base[count &+ 3] = 0x30
                base[count &+ 4] = hex[Int(b >> 4)]; base[count &+ 5] = hex[Int(b & 15)]
                count &+= 6
            default:
                base[count] = b; count &+= 1
            }
        }
    }

    /// Ends the current quad with `graphEnd` (" <graph> .\n") and counts it.
    @inline(__always)
    mutating func endQuad(_ graphEnd: [UInt8]) {
        put(graphEnd)
        quads &+= 1
    }
}
