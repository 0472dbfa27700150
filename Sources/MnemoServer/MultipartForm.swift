/// A `multipart/form-data` body (RFC 7578), as the Graph Store Protocol
/// allows for POST (§5.5): each part is an RDF document, its syntax given by
/// the part's `Content-Type` or its file name.
struct MultipartForm {
    struct Part {
        var contentType: String?
        var fileName: String?
        var content: String
    }

    var parts: [Part] = []

    /// Splits `body` on the boundary named in `contentType`; 400 when the body is not such a form.
    init(body: String, contentType: String) throws {
        guard let boundary = Self.parameter("boundary", of: contentType), !boundary.isEmpty else {
            throw ServiceError.badRequest("multipart/form-data needs a boundary parameter")
        }
        let delimiter = "--" + boundary
        var chunks = body.components(separatedBy: delimiter)
        guard chunks.count >= 3, chunks.last!.hasPrefix("--") else {
            throw ServiceError.badRequest("the multipart body does not end with its closing boundary '\(delimiter)--'")
        }
        chunks.removeFirst()   // the preamble
        chunks.removeLast()    // the epilogue after the closing delimiter
        for (i, raw) in chunks.enumerated() {
            var chunk = Substring(raw)
            if chunk.hasPrefix("\r\n") { chunk = chunk.dropFirst(2) } else if chunk.hasPrefix("\n") { chunk = chunk.dropFirst() }
            guard let end = chunk.range(of: "\r\n\r\n") ?? chunk.range(of: "\n\n") else {
                throw ServiceError.badRequest("part \(i + 1) of the multipart body has no blank line after its headers")
            }
            var part = Part(content: String(chunk[end.upperBound...]))
            if part.content.hasSuffix("\r\n") { part.content.removeLast(2) } else if part.content.hasSuffix("\n") { part.content.removeLast() }
            for line in chunk[..<end.lowerBound].split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
                let kv = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                switch kv[0].lowercased() {
                case "content-type": part.contentType = kv[1]
                case "content-disposition": part.fileName = Self.parameter("filename", of: kv[1])
                default: break
                }
            }
            parts.append(part)
        }
    }

    /// The value of `name=value` or `name="value"` among a header's `;` parameters.
    static func parameter(_ name: String, of header: String) -> String? {
        for field in header.split(separator: ";").dropFirst() {
            let kv = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, kv[0].lowercased() == name else { continue }
            var v = kv[1]
            if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}

import Foundation
