import MnemoRDF

/// One parsed statement, its terms in ``TermKind`` encoding. The buffers are
/// valid only inside the handler that receives them.
public struct EncodedStatement {
    public var subject: UnsafeRawBufferPointer
    public var predicate: UnsafeRawBufferPointer
    public var object: UnsafeRawBufferPointer
    /// The graph, or nil for the default graph.
    public var graph: UnsafeRawBufferPointer?

    /// Decodes the statement into a ``Quad``.
    public var quad: Quad {
        Quad(Term(encoded: subject)!, Term(encoded: predicate)!, Term(encoded: object)!,
             graph.map { Term(encoded: $0)! })
    }
}
