import Foundation
import MnemoXML

/// Reading the model types out of response elements.
enum OAIDecoding {
    static func identify(_ e: XMLElementNode, url: URL) throws -> OAIIdentify {
        func required(_ name: String) throws -> String {
            guard let v = e.first(name)?.text, !v.isEmpty else {
                throw OAIError.invalidResponse(url: url, reason: "Identify lacks <\(name)>")
            }
            return v
        }
        let deleted = try required("deletedRecord")
        guard let deletedRecord = OAIDeletedRecordSupport(rawValue: deleted) else {
            throw OAIError.invalidResponse(url: url, reason: "deletedRecord \"\(deleted)\" is not no, persistent or transient")
        }
        let g = try required("granularity")
        guard let granularity = OAIGranularity(rawValue: g) else {
            throw OAIError.invalidResponse(url: url, reason: "granularity \"\(g)\" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")
        }
        return OAIIdentify(
            repositoryName: try required("repositoryName"), baseURL: try required("baseURL"),
            protocolVersion: try required("protocolVersion"), earliestDatestamp: try required("earliestDatestamp"),
            deletedRecord: deletedRecord, granularity: granularity,
            adminEmails: e.texts("adminEmail"), compression: e.texts("compression"))
    }

    static func metadataFormat(_ e: XMLElementNode) -> OAIMetadataFormat {
        OAIMetadataFormat(metadataPrefix: e.first("metadataPrefix")?.text ?? "",
                          schema: e.first("schema")?.text ?? "",
                          metadataNamespace: e.first("metadataNamespace")?.text ?? "")
    }

    static func set(_ e: XMLElementNode) -> OAISet {
        OAISet(setSpec: e.first("setSpec")?.text ?? "", setName: e.first("setName")?.text ?? "",
               descriptions: e.children("setDescription").compactMap { $0.elements.first })
    }

    static func record(_ e: XMLElementNode, url: URL) throws -> OAIRecord {
        guard let header = e.first("header"), let identifier = header.first("identifier")?.text,
              !identifier.isEmpty else {
            throw OAIError.invalidResponse(url: url, reason: "a <record> without a header identifier (line \(e.line))")
        }
        let deleted = header.attribute("status") == "deleted"
        return OAIRecord(identifier: identifier,
                         datestamp: header.first("datestamp")?.text ?? "",
                         setSpecs: header.texts("setSpec"),
                         isDeleted: deleted,
                         metadata: deleted ? nil : e.first("metadata")?.elements.first,
                         about: e.children("about").compactMap { $0.elements.first })
    }
}
