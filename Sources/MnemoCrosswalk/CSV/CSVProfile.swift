import Foundation

/// A declarative mapping from a spreadsheet's columns to a ``HeritageRecord``.
///
/// ```json
/// { "delimiter": ",", "defaults": { "kind": "physicalObject", "edmType": "IMAGE" },
///   "columns": [
///     { "column": "inv_no", "slot": "id" },
///     { "column": "title_ru", "slot": "title", "language": "ru" },
///     { "column": "artist", "slot": "creator", "split": "|", "role": "artist" },
///     { "column": "artist_dates", "slot": "creatorDates", "split": "|" },
///     { "column": "date", "slot": "productionDate" } ] }
/// ```
/// Columns the profile does not name are ignored; a named column missing
/// from the file's header is an error before any row is read.
public struct CSVProfile: Codable, Sendable {
    /// A built-in profile this one extends (its columns come first; defaults merge).
    public var extends: String?
    public var delimiter: String?
    public var defaults: ProfileDefaults?
    public var columns: [CSVColumn]

    public init(delimiter: String? = nil, defaults: ProfileDefaults? = nil, columns: [CSVColumn]) {
        self.delimiter = delimiter
        self.defaults = defaults
        self.columns = columns
    }
}

/// One column's mapping.
public struct CSVColumn: Codable, Sendable {
    /// The header name, matched case-insensitively after trimming.
    public var column: String
    public var slot: CSVSlot
    /// Language tag for text from this column.
    public var language: String?
    /// Splits one cell into several values (`|`, `;`); values at the same
    /// position in other split columns of the same group belong together.
    public var split: String?
    /// Role for creator columns, identifier type for identifier columns.
    public var role: String?
    public var type: String?
    /// Groups columns that describe the same repeated entity (default: by slot family).
    public var group: String?
}

/// Where a column's values go.
public enum CSVSlot: String, Codable, Sendable, CaseIterable {
    case id, title, identifier, type, description, language, subject, subjectPlace, material, extent
    case creator, creatorDates, creatorBirth, creatorDeath, creatorAuthority, creatorRole
    case productionDate, productionPlace, productionPlaceAuthority, technique
    case acquisitionDate, acquisitionSource, acquisitionMethod
    case latitude, longitude
    case shownAt, shownBy, preview, rights, holder, edmType
}
