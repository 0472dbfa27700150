import Foundation
import MnemoMARC
import MnemoXML

/// A configured converter: one source format, its profile, and the mapper
/// that writes CIDOC-CRM and EDM. It reads files record by record and hands
/// each result to the caller, who stores it, writes it out, or reports it.
///
/// ```swift
/// let cw = try Crosswalk(IngestOptions(format: .marcxml, institution: "nlrk", dataset: "books"))
/// try cw.read(file: url) { outcome in
///     if case .mapped(let m) = outcome { print(m.triples.triples.count) }
/// }
/// ```
public final class Crosswalk: @unchecked Sendable {
    public let options: IngestOptions
    public let mapper: RecordMapper
    let source: Source

    /// One record's outcome.
    public enum Outcome: Sendable {
        /// Mapped: its triples and problems (it may still carry warnings).
        case mapped(MappedRecord)
        /// Unusable: reported and left out.
        case skipped(SkippedRecord)
    }

    /// A file that could not be read to its end; the records before the error were delivered.
    public struct FileFailure: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { message.hasPrefix(file) ? message : "\(file): \(message)" }
    }

    enum Source {
        case marc(MARCCrosswalk, encoding: MARCEncoding?)
        case xml(any XMLRecordMapper)
        case ead(EADProfile)
        case csv(CSVProfile)
    }

    public init(_ options: IngestOptions) throws {
        self.options = options
        let defaults: ProfileDefaults?
        switch options.format {
        case .marcxml, .marc21, .rusmarc:
            let p = try ProfileLoader.load(MARCProfile.self, builtin: options.format.builtinProfile, variant: options.profile)
            var encoding: MARCEncoding?
            if let name = options.encoding {
                guard let e = MARCEncoding(name: name) else {
                    throw FileFailure(file: "--encoding", message: "unknown encoding \"\(name)\" (known: \(MARCEncoding.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                encoding = e
            }
            source = .marc(MARCCrosswalk(profile: p), encoding: encoding)
            defaults = p.defaults
        case .lido:
            let p = try ProfileLoader.load(LIDOProfile.self, builtin: "lido", variant: options.profile)
            source = .xml(LIDOMapper(profile: p))
            defaults = p.defaults
        case .ead:
            let p = try ProfileLoader.load(EADProfile.self, builtin: "ead", variant: options.profile)
            source = .ead(p)
            defaults = p.defaults
        case .oai_dc:
            let p = try ProfileLoader.load(DublinCoreProfile.self, builtin: "dublin-core", variant: options.profile)
            source = .xml(DublinCoreMapper(profile: p))
            defaults = p.defaults
        case .csv:
            let p = try ProfileLoader.load(CSVProfile.self, builtin: options.format.builtinProfile, variant: options.profile)
            source = .csv(p)
            defaults = p.defaults
        }
        mapper = RecordMapper(
            minter: URIMinter(base: options.base, institution: options.institution, dataset: options.dataset),
            settings: MappingSettings(dataProvider: options.dataProvider ?? options.institution, rights: options.rights,
                                      defaultLanguage: options.language, profile: defaults))
    }

    /// The named graph this dataset goes to.
    public var graph: String { mapper.minter.graph }

    /// A record read but not yet converted: the conversion is a closure, so a
    /// caller may run it on another thread (``MappingPipeline`` does).
    public enum Pending: Sendable {
        case record(@Sendable () throws -> HeritageRecord)
        case skipped(SkippedRecord)
    }

    /// Reads one file, calling `body` for every record in order. Throws
    /// ``FileFailure`` when the file cannot be read to its end (records before
    /// the fault have been delivered).
    public func read(file: URL, _ body: (Outcome) throws -> Void) throws {
        try readPending(file: file) { pending in
            try body(convert(pending))
        }
    }

    /// Converts a pending record: its neutral record, then CIDOC-CRM and EDM.
    /// Pass the run's `memo` when every converted record reaches one output
    /// (see ``SharedEntityMemo``).
    public func convert(_ pending: Pending, memo: SharedEntityMemo? = nil) -> Outcome {
        switch pending {
        case .skipped(let s): return .skipped(s)
        case .record(let make):
            do { return .mapped(mapper.map(try make(), memo: memo)) } catch let s as SkippedRecord {
                return .skipped(s)
            } catch {
                return .skipped(SkippedRecord(location: "?", reason: "\(error)"))
            }
        }
    }

    /// Reads one file into pending records, in order, converting nothing
    /// that can be converted later.
    public func readPending(file: URL, _ body: (Pending) throws -> Void) throws {
        let name = file.path
        switch source {
        case .marc(let cw, let encoding):
            if isXML(file) {
                var n = 0
                do {
                    try MARCXMLReader().read(url: file) { result in
                        n += 1
                        let location = "\(name)#\(n)"
                        switch result {
                        case .success(let m): try body(.record { try cw.map(m, location: location) })
                        case .failure(let e): try body(.skipped(SkippedRecord(location: location, reason: e.description)))
                        }
                    }
                } catch let e as MARCReadError {
                    throw FileFailure(file: name, message: e.description)
                }
            } else {
                let reader: ISO2709Reader
                do { reader = try ISO2709Reader(url: file, encoding: encoding) } catch {
                    throw FileFailure(file: name, message: "\(error)")
                }
                var n = 0
                try reader.read { result in
                    n += 1
                    let location = "\(name)#\(n)"
                    switch result {
                    case .success(let m): try body(.record { try cw.map(m, location: location) })
                    case .failure(let e): try body(.skipped(SkippedRecord(location: location, reason: e.description)))
                    }
                }
            }
        case .ead(let profile):
            // The finding aid's eadid sits outside every record: read it first.
            // EAD ids may depend on the order components arrive in, so they are
            // converted here, in order.
            let id = try? EADMapper.findingAidID(at: file)
            let mapper = EADMapper(profile: profile, findingAidID: id)
            try readXML(mapper, file: file) { node, ancestors in
                do {
                    let r = try mapper.map(node, ancestors: ancestors, source: name)
                    try body(.record { r })
                } catch let s as SkippedRecord {
                    try body(.skipped(s))
                }
            }
        case .xml(let mapper):
            try readXML(mapper, file: file) { node, ancestors in
                try body(.record { try mapper.map(node, ancestors: ancestors, source: name) })
            }
        case .csv(let profile):
            var csvMapper: CSVMapper?
            do {
                try CSVReader(delimiter: profile.delimiter?.first ?? ",").read(url: file) { row, line in
                    guard let m = csvMapper else {
                        csvMapper = try CSVMapper(profile: profile, header: row)
                        return
                    }
                    try body(.record { try m.map(row, location: "\(name):\(line)") })
                }
            } catch let e as CSVReader.Failure {
                throw FileFailure(file: name, message: e.description)
            } catch let s as SkippedRecord where s.location == "header" || s.location == "profile" {
                throw FileFailure(file: name, message: s.reason)
            }
        }
    }

    private func readXML(_ mapper: any XMLRecordMapper, file: URL,
                         _ body: (XMLElementNode, [XMLElementNode]) throws -> Void) throws {
        do {
            try XMLRecordReader(recordNames: mapper.recordNames).read(url: file, handler: body)
        } catch let e as XMLReadError {
            throw FileFailure(file: file.path, message: e.description)
        }
    }

    /// Maps a record element received some other way (OAI-PMH `<metadata>`),
    /// with `identifier` as the record id so later deletions can find it.
    public func map(metadata node: XMLElementNode, identifier: String, source: String,
                    memo: SharedEntityMemo? = nil) -> Outcome {
        do {
            var r: HeritageRecord
            switch self.source {
            case .xml(let m as DublinCoreMapper):
                r = try m.map(node, source: source, fallbackID: identifier)
            case .xml(let m):
                r = try m.map(node, ancestors: [], source: source)
            case .ead(let p):
                r = try EADMapper(profile: p).map(node, ancestors: [], source: source)
            case .marc(let cw, _):
                let m = try MARCXMLReader.record(from: node)
                r = try cw.map(m, location: source)
            case .csv:
                throw SkippedRecord(recordID: identifier, location: source, reason: "CSV records cannot arrive over OAI-PMH")
            }
            if r.id != identifier {
                r.identifiers.insert(RecordIdentifier(r.id, type: "record identifier"), at: 0)
                r.id = identifier
            }
            return .mapped(mapper.map(r, memo: memo))
        } catch let s as SkippedRecord {
            return .skipped(s)
        } catch {
            return .skipped(SkippedRecord(recordID: identifier, location: source, reason: "\(error)"))
        }
    }

    func isXML(_ file: URL) -> Bool {
        if ["xml", "marcxml"].contains(file.pathExtension.lowercased()) { return true }
        guard let h = FileHandle(forReadingAtPath: file.path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 64)) ?? Data()
        let text = String(decoding: head.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }, as: UTF8.self)
        return text.hasPrefix("<")
    }
}
