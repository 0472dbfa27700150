/// The record formats `mnemo ingest` reads.
public enum SourceFormat: String, CaseIterable, Sendable, Codable {
    /// MARC 21 in MARCXML (`collection` or bare `record`, slim namespace optional).
    case marcxml
    /// MARC 21 in ISO 2709, UTF-8, MARC-8 or Windows-1251.
    case marc21
    /// RUSMARC (UNIMARC-based), ISO 2709 or XML.
    case rusmarc
    /// LIDO 1.0 or 1.1.
    case lido
    /// EAD 2002 finding aids.
    case ead
    /// Dublin Core: oai_dc or qualified DC.
    case oai_dc
    /// Spreadsheet rows through a column profile.
    case csv

    /// The built-in profile's name.
    public var builtinProfile: String {
        switch self {
        case .marcxml, .marc21: return "marc21"
        case .rusmarc: return "rusmarc"
        case .lido: return "lido"
        case .ead: return "ead"
        case .oai_dc: return "dublin-core"
        case .csv: return "csv-museum"
        }
    }
}
