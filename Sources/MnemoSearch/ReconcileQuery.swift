import Foundation

/// A value a query compares a property with.
public enum ReconcileValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// An entity already reconciled: its IRI and perhaps its name.
    case entity(id: String, name: String?)

    /// The value as text (a number without a fractional part as an integer).
    var text: String {
        switch self {
        case .text(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): String(b)
        case .entity(let id, _): id
        }
    }
}

/// A condition on one property of the candidates.
public struct ReconcileCondition: Sendable {
    /// Which of the values must agree for the condition to hold.
    public enum Quantifier: String, Sendable { case any, all, none }

    public var property: ReconcileProperty
    public var values: [ReconcileValue]
    /// Candidates that do not satisfy it are dropped.
    public var required: Bool
    public var quantifier: Quantifier

    public init(property: ReconcileProperty, values: [ReconcileValue], required: Bool = false, quantifier: Quantifier = .any) {
        self.property = property
        self.values = values
        self.required = required
        self.quantifier = quantifier
    }
}

/// One reconciliation query, whichever version of the API it came in.
public struct ReconcileQuery: Sendable {
    /// How a list of several types restricts candidates (0.2's `type_strict`).
    public enum TypeStrictness: String, Sendable { case any, should, all }

    /// The name to match against labels.
    public var name: String?
    public var types: [ReconcileType]
    public var typeStrict: TypeStrictness
    public var limit: Int
    /// The language of the names to show.
    public var language: String?
    /// Entity IRIs the candidates must be among (1.0's `matchType: "id"`).
    public var ids: [String]
    public var conditions: [ReconcileCondition]

    public init(name: String?, types: [ReconcileType] = [], typeStrict: TypeStrictness = .any, limit: Int = 10,
                language: String? = nil, ids: [String] = [], conditions: [ReconcileCondition] = []) {
        self.name = name
        self.types = types
        self.typeStrict = typeStrict
        self.limit = limit
        self.language = language
        self.ids = ids
        self.conditions = conditions
    }
}

/// A feature that went into a candidate's score: `name` (0–1), and per
/// property condition 1 (agrees), 0.5 (near: a year off by one), 0 (conflicts).
public struct ReconcileFeature: Sendable, Equatable {
    public let id: String
    public let name: String
    public let value: Double
}

/// A candidate entity for a query, best first in the answer.
public struct ReconcileCandidate: Sendable {
    public let id: String
    public let name: String
    public let language: String?
    public let description: String
    /// 0–100.
    public let score: Double
    /// The service is sure this is the entity meant.
    public let match: Bool
    public let type: ReconcileType?
    public let features: [ReconcileFeature]
}
