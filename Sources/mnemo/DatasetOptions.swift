import ArgumentParser
import Foundation
import MnemoCrosswalk

/// The options `ingest` and `harvest` share: which institution and dataset
/// the records belong to, how they are mapped, and where the report goes.
struct DatasetOptions: ParsableArguments {
    @Option(help: "The institution's short identifier, used in graph and entity URIs.")
    var institution: String

    @Option(help: "The dataset's name within the institution (default: for ingest, the first file's name without extension; for harvest, oai-PREFIX, plus -SET with --set).")
    var dataset: String?

    @Option(help: "A profile variant (JSON) for this institution's records; default: the format's built-in profile.")
    var profile: String?

    @Option(help: "The base of minted URIs.")
    var base = "https://data.mnemo.example/"

    @Option(help: "edm:rights URI for records that give none.")
    var rights: String?

    @Option(help: "Where to write the per-record report (JSON Lines); default: COMMAND-report-INSTITUTION-DATASET.jsonl.")
    var report: String?

    func validate() throws {
        if institution.isEmpty { throw ValidationError("--institution must not be empty") }
    }

    /// The crosswalk settings for `format` and the dataset named `dataset`.
    func ingestOptions(_ format: SourceFormat, dataset: String, encoding: String? = nil, dataProvider: String? = nil,
                       language: String? = nil) -> IngestOptions {
        IngestOptions(format: format, institution: institution, dataset: dataset, base: base,
                      profile: profile.map { URL(fileURLWithPath: $0) }, encoding: encoding, rights: rights,
                      dataProvider: dataProvider, language: language)
    }

    /// `--report`, or the command's default file name for this dataset.
    func reportPath(_ command: String, dataset: String) -> String {
        report ?? "\(command)-report-\(URIMinter.segment(institution))-\(URIMinter.segment(dataset)).jsonl"
    }
}
