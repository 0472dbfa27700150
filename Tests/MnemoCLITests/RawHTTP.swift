import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a plain socket, for requests no well-behaved
/// client would send (bad request lines, header bytes, over-long targets).
/// Every read and write has a timeout, so a hung server fails the test
/// instead of hanging it.
enum RawHTTP {
    struct Response: CustomStringConvertible {
        var status: Int
        var reason: String
        var headers: [(String, String)]
        var body: Data
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
        var description: String { "\(status) \(reason) \(bodyText.prefix(200).debugDescription)" }
    }

    enum Outcome: CustomStringConvertible {
        /// A whole response was read.
        case response(Response)
        /// The server closed (or reset) the connection without a (whole) response.
        case closed(String)
        /// Nothing within the timeout.
        case timeout
        /// No connection could be made.
        case refused(String)

        var response: Response? { if case .response(let r) = self { return r } else { return nil } }
        var description: String {
            switch self {
            case .response(let r): return "response \(r)"
            case .closed(let why): return "closed (\(why))"
            case .timeout: return "timeout"
            case .refused(let why): return "refused (\(why))"
            }
        }
    }

    /// Builds a request: `head` is the request line and headers (CRLF added),
    /// `Content-Length` is added for a body unless `contentLength` is false.
    static func request(_ requestLine: String, headers: [String] = [], body: [UInt8] = [],
                        contentLength: Bool = true, close: Bool = true) -> [UInt8] {
        var head = requestLine + "\r\nHost: 127.0.0.1\r\n"
        for h in headers { head += h + "\r\n" }
        if contentLength && (!body.isEmpty || requestLine.hasPrefix("POST") || requestLine.hasPrefix("PUT")) {
            head += "Content-Length: \(body.count)\r\n"
        }
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    /// Sends `bytes` to 127.0.0.1:`port` and reads one response.
    /// `halfClose` shuts the sending side afterwards (for requests that are deliberately incomplete).
    static func send(_ bytes: [UInt8], port: Int, timeout: TimeInterval = 15, halfClose: Bool = false) -> Outcome {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .refused("socket: \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { return .refused("connect: \(String(cString: strerror(errno)))") }

        // Send everything; a server that answers early (413) and closes may cut the send short.
        var sent = 0
        var sendError: String?
        bytes.withUnsafeBytes { raw in
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, min(raw.count - sent, 64 * 1024), Int32(MSG_NOSIGNAL))
                if n <= 0 {
                    sendError = errno == EAGAIN || errno == EWOULDBLOCK ? "send timeout" : "send: \(String(cString: strerror(errno)))"
                    return
                }
                sent += n
            }
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }

        let isHead = bytes.starts(with: Array("HEAD ".utf8))
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                data.append(contentsOf: buffer[0..<n])
                if let r = parse(data, complete: false, head: isHead) { return .response(r) }
                continue
            }
            if n == 0 { break }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                if data.isEmpty { return sendError.map { .closed($0) } ?? .timeout }
                break
            }
            // ECONNRESET and the like: use what came, if it is whole.
            if let r = parse(data, complete: true, head: isHead) { return .response(r) }
            return .closed("recv: \(String(cString: strerror(errno)))\(sendError.map { "; \($0)" } ?? "")")
        }
        if let r = parse(data, complete: true, head: isHead) { return .response(r) }
        if Date() >= deadline && data.isEmpty { return .timeout }
        return .closed(data.isEmpty ? (sendError ?? "EOF before a response") : "partial response of \(data.count) bytes")
    }

    /// Parses a response; nil while incomplete. With `complete` (the stream ended), a body
    /// without a length runs to the end.
    static func parse(_ data: Data, complete: Bool, head isHead: Bool = false) -> Response? {
        let bytes = [UInt8](data)
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { return nil }
        let head = String(decoding: bytes[0..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var r = Response(status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: Data())
        if isHead { return r }  // a HEAD response has no body, whatever its Content-Length says
        let bodyStart = headEnd + 4
        let rest = Array(bytes[bodyStart...])
        if let cl = r.header("Content-Length").flatMap({ Int($0) }) {
            guard rest.count >= cl else { return complete ? nil : nil }
            r.body = Data(rest[0..<cl])
            return r
        }
        if r.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            var out: [UInt8] = []
            var i = 0
            while true {
                guard let lineEnd = find([13, 10], in: rest, from: i) else { return nil }
                let sizeText = String(decoding: rest[i..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
                i = lineEnd + 2
                if size == 0 { r.body = Data(out); return r }
                guard rest.count >= i + size + 2 else { return nil }
                out += rest[i..<(i + size)]
                i += size + 2
            }
        }
        if status == 204 || status == 304 || (100..<200).contains(status) { return r }
        guard complete else { return nil }
        r.body = Data(rest)
        return r
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Percent-encodes every byte outside the unreserved set.
    static func percentEncode(_ bytes: [UInt8]) -> String {
        var s = ""
        for b in bytes {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                s.unicodeScalars.append(UnicodeScalar(b))
            default:
                s += String(format: "%%%02X", b)
            }
        }
        return s
    }
    static func percentEncode(_ s: String) -> String { percentEncode(Array(s.utf8)) }
}
