import ArgumentParser
import Foundation
import MnemoCrosswalk
import MnemoHarvest
import MnemoIngest
import MnemoStore

struct HarvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Harvest an OAI-PMH 2.0 repository into a dataset's graph.",
        discussion: """
            Without --from the dataset's graph is replaced by what the repository holds now. \
            With --from only records changed since then are fetched: updated records are \
            replaced, deleted ones removed. The graph changes atomically after the last page. \
            The run prints the repository's responseDate: pass it as --from next time.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var datasetOptions: DatasetOptions

    @Argument(help: "The repository's base URL.")
    var url: String

    @Option(help: "The metadata format: oai_dc, lido, marc21 (MARCXML; also accepted as marcxml).")
    var metadataPrefix: String

    @Option(help: "Harvest only this set.")
    var set: String?

    @Option(help: "Harvest only records changed since this date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")
    var from: String?

    @Option(help: "Harvest only records changed up to this date.")
    var until: String?

    @Option(help: "Retries per request on 503, other 5xx and network errors.")
    var retries = 5

    func run() throws {
        guard let base = URL(string: url), base.scheme == "http" || base.scheme == "https" else {
            throw ValidationError("'\(url)' is not an http(s) URL")
        }
        let format: SourceFormat
        switch metadataPrefix {
        case "oai_dc": format = .oai_dc
        case "lido": format = .lido
        case "marc21", "marcxml", "MARC21", "marc": format = .marcxml
        default: throw ValidationError("unsupported metadata prefix '\(metadataPrefix)'; use oai_dc, lido or marc21")
        }
        let ds = datasetOptions.dataset ?? (["oai", metadataPrefix] + (set.map { [$0] } ?? [])).joined(separator: "-")
        let crosswalk = try Crosswalk(datasetOptions.ingestOptions(format, dataset: ds))
        let reportPath = datasetOptions.reportPath("harvest", dataset: ds)
        let writer = try RecordReportWriter(path: reportPath)
        let client = OAIClient(options: OAIHarvestOptions(baseURL: base, metadataPrefix: metadataPrefix, set: set,
                                                          from: from, until: until, maxRetries: retries),
                               onWarning: { note("mnemo: \($0)") })
        let store = try storeOptions.open()
        defer { store.close() }
        let harvest = DatasetHarvest(crosswalk: crosswalk, report: writer)
        let outcome = runBlocking {
            let id = try await client.identify()
            let result = try await harvest.run(client: client, into: store)
            return (id, result)
        }
        switch outcome {
        case .failure(let e):
            note("mnemo: harvest failed: \(e)")
            note("mnemo: the store is unchanged")
            throw ExitCode(1)
        case .success(let (id, r)):
            print("repository: \(id.repositoryName) (\(id.baseURL)), granularity \(id.granularity.rawValue)")
            print("dataset <\(r.graph)>: \(r.oai.pages) pages, \(r.oai.records) records (\(r.oai.deleted) deleted)")
            print(r.summary.text)
            print("graph now holds \(r.replace.quads) quads: \(r.replace.added) added, \(r.replace.removed) removed")
            if let d = r.oai.responseDate { print("next incremental harvest: --from \(d)") }
            print("report: \(reportPath)")
        }
    }
}

/// Runs async work from a synchronous command and waits for it.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, Error> {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return box.get()!
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var value: Result<T, Error>?
    private let lock = NSLock()
    func set(_ v: Result<T, Error>) { lock.withLock { value = v } }
    func get() -> Result<T, Error>? { lock.withLock { value } }
}
