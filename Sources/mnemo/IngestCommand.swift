import ArgumentParser
import Foundation
import MnemoXML
import MnemoCrosswalk
import MnemoIngest
import MnemoStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Convert library, museum and archive records to CIDOC-CRM and EDM and store them.",
        discussion: """
            Formats: marcxml, marc21 (ISO 2709 in UTF-8, MARC-8 or Windows-1251), rusmarc \
            (ISO 2709 or XML), lido, ead, oai_dc, csv. All files of one run form one dataset, \
            stored in the named graph <BASE/graph/INSTITUTION/DATASET>, which the run replaces \
            as a whole and atomically: ingesting the same files again changes nothing. A bad \
            record is reported and skipped; the others are stored. A JSON Lines report with \
            one entry per record goes to --report.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var datasetOptions: DatasetOptions

    @Option(help: "The record format: \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String

    @Option(help: "MARC ISO 2709: the character encoding (utf8, marc8, windows1251, latin1), overriding detection.")
    var encoding: String?

    @Option(help: "The data provider's name for edm:dataProvider (default: the institution id).")
    var dataProvider: String?

    @Option(help: "Language tag for text that carries none.")
    var language: String?

    @Option(help: "Write the quads to this file instead of storing them: N-Quads (.nq) or TriG (.trig, about a third of the size). Conversion only; flat memory.")
    var output: String?

    @Flag(help: "Convert and validate only; store nothing.")
    var dryRun = false

    @Argument(help: "The record files.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to ingest") }
        if SourceFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)'; use one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let output, !Self.outputExtensions.contains(URL(fileURLWithPath: output).pathExtension.lowercased()) {
            throw ValidationError("--output \(output): name an N-Quads (.nq) or TriG (.trig) file")
        }
        for f in files where !FileManager.default.fileExists(atPath: f) {
            throw ValidationError("no such file: \(f)")
        }
    }

    static let outputExtensions: Set = ["nq", "nquads", "trig"]

    func run() throws {
        let ds = datasetOptions.dataset ?? URL(fileURLWithPath: files[0]).deletingPathExtension().lastPathComponent
        let options = datasetOptions.ingestOptions(SourceFormat(rawValue: format)!, dataset: ds, encoding: encoding,
                                                   dataProvider: dataProvider, language: language)
        let crosswalk: Crosswalk
        do { crosswalk = try Crosswalk(options) } catch {
            note("mnemo: \(error)")
            throw ExitCode(2)
        }
        let reportPath = datasetOptions.reportPath("ingest", dataset: ds)
        let writer = try RecordReportWriter(path: reportPath)
        var ingest = DatasetIngest(crosswalk: crosswalk, report: writer)
        if stderrIsTerminal {
            ingest.progress = { s in FileHandle.standardError.write(Data("\r\(s.recordsRead) records…".utf8)) }
        }
        let start = Date()
        let result: DatasetIngest.Result
        if let output {
            guard let h = OutputFile.open(output) else {
                note("mnemo: cannot write \(output)")
                throw ExitCode(1)
            }
            defer { try? h.close() }
            let trig = URL(fileURLWithPath: output).pathExtension.lowercased() == "trig"
            result = try ingest.run(files: files.map { URL(fileURLWithPath: $0) }, into: trig ? .trig(h) : .nquads(h))
        } else if dryRun {
            result = try ingest.run(files: files.map { URL(fileURLWithPath: $0) }, into: .none)
        } else {
            let store = try storeOptions.open()
            defer { store.close() }
            result = try ingest.run(files: files.map { URL(fileURLWithPath: $0) }, into: .store(store))
        }
        if stderrIsTerminal { FileHandle.standardError.write(Data("\r".utf8)) }
        let secs = Date().timeIntervalSince(start)
        let s = result.summary
        print("dataset <\(result.graph)>")
        print(s.text)
        if let r = result.replace {
            print("graph now holds \(r.quads) quads: \(r.added) added, \(r.removed) removed")
        } else if let output {
            print("wrote \(s.triples) quads to \(output)")
        }
        print(String(format: "%.2f s, %.0f records/s; report: %@", secs, secs > 0 ? Double(s.recordsRead) / secs : 0, reportPath))
        if s.stored == 0 && s.recordsRead + s.fileErrors.count > 0 { throw ExitCode(1) }
        if !s.fileErrors.isEmpty { throw ExitCode(1) }
    }
}
