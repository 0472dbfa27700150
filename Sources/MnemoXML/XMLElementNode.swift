/// One XML element held in memory: its expanded name, attributes and content.
///
/// Streaming readers (``XMLRecordReader``) build one such tree per record,
/// hand it over, and forget it, so a large export is read in flat memory.
/// Names are local names; `namespace` is the element's namespace URI, if any.
///
/// ```swift
/// let root = try XMLTree.parse(data: Data("<a xmlns='urn:x'><b k='v'>text</b></a>".utf8))
/// root.first("b")?.text            // "text"
/// root.first("b")?.attribute("k")  // "v"
/// ```
public struct XMLElementNode: Sendable, Equatable {
    /// The element's local name (no prefix).
    public var name: String
    /// The namespace URI, or nil for an element in no namespace.
    public var namespace: String?
    /// Attributes in document order.
    public var attributes: [XMLAttribute]
    /// Child elements and text, in document order.
    public var children: [XMLContent]
    /// Where the element starts (1-based), as the parser reported it.
    public var line: Int
    public var column: Int

    public init(name: String, namespace: String? = nil, attributes: [XMLAttribute] = [],
                children: [XMLContent] = [], line: Int = 0, column: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
        self.column = column
    }

    /// The child elements, in order.
    public var elements: [XMLElementNode] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The element's text: every descendant text node joined, with runs of
    /// whitespace collapsed to one space and the ends trimmed.
    public var text: String { XMLText.collapse(rawText) }

    /// Every descendant text node joined exactly as written.
    public var rawText: String {
        var out = ""
        func walk(_ n: XMLElementNode) {
            for c in n.children {
                switch c {
                case .text(let t): out += t
                case .element(let e): walk(e)
                }
            }
        }
        walk(self)
        return out
    }

    /// The value of the attribute with this local name (any namespace, the
    /// first one wins), or of `namespace`'s attribute when given.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }?.value
    }

    /// Child elements with this local name.
    public func children(_ name: String) -> [XMLElementNode] {
        elements.filter { $0.name == name }
    }

    /// The first child element with this local name.
    public func first(_ name: String) -> XMLElementNode? {
        for c in children { if case .element(let e) = c, e.name == name { return e } }
        return nil
    }

    /// Elements reached by a path of local names separated by `/`
    /// (`"titleWrap/titleSet/appellationValue"`); `*` matches any name.
    public func all(_ path: String) -> [XMLElementNode] {
        var current = [self]
        for step in path.split(separator: "/") {
            let s = String(step)
            current = current.flatMap { n in n.elements.filter { s == "*" || $0.name == s } }
            if current.isEmpty { break }
        }
        return current
    }

    /// The first element reached by a path (see ``all(_:)``).
    public func first(path: String) -> XMLElementNode? { all(path).first }

    /// The collapsed text of every element reached by `path`, empty ones dropped.
    public func texts(_ path: String) -> [String] {
        all(path).map(\.text).filter { !$0.isEmpty }
    }

    /// Every descendant element (not self) with this local name, in document order.
    public func descendants(_ name: String) -> [XMLElementNode] {
        var out: [XMLElementNode] = []
        func walk(_ n: XMLElementNode) {
            for e in n.elements {
                if e.name == name { out.append(e) }
                walk(e)
            }
        }
        walk(self)
        return out
    }
}

/// An attribute: local name, namespace URI (nil when unprefixed) and value.
public struct XMLAttribute: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

/// A piece of element content.
public enum XMLContent: Sendable, Equatable {
    case element(XMLElementNode)
    case text(String)
}

/// Whitespace handling for element text.
public enum XMLText {
    /// Collapses runs of XML whitespace to one space and trims both ends.
    public static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            switch ch {
            case " ", "\t", "\n", "\r":
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
