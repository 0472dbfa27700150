import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for harvesting tests.
///
/// It listens on an ephemeral port, answers one GET at a time on a background
/// thread, maps each request to a response by its decoded query arguments
/// (``OAITestRoute``), and records every request it received so tests can
/// check exactly what a client sent. Responses are `text/xml; charset=utf-8`
/// (unless a route says otherwise) with a `Content-Length` and
/// `Connection: close`.
///
/// ```swift
/// let server = OAITestServer(root: fixtures, routes: OAITestServer.standardRoutes)
/// let port = try server.start()
/// defer { server.stop() }
/// // http://127.0.0.1:\(port)/oai?verb=Identify
/// ```
public final class OAITestServer: @unchecked Sendable {
    /// Where fixture files named by routes are read from.
    public let root: URL
    public let routes: [OAITestRoute]

    private let state = Mutex(State())
    private var listener: Int32 = -1
    private var thread: Thread?

    private struct State {
        var requests: [OAIReceivedRequest] = []
        var hits: [Int: Int] = [:]
        var stopped = false
    }

    public init(root: URL = oaiFixtures, routes: [OAITestRoute] = OAITestServer.standardRoutes) {
        self.root = root
        self.routes = routes
    }

    deinit { stop() }

    /// The requests received so far, in order.
    public var requests: [OAIReceivedRequest] { state.withLock { $0.requests } }

    /// Binds 127.0.0.1 on a port the kernel chooses, starts serving, returns the port.
    public func start() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw ServerError("bind/listen: \(message)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listener = fd
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "OAITestServer"
        self.thread = thread
        thread.start()
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Stops accepting; a request being answered is finished first.
    public func stop() {
        let first = state.withLock { s -> Bool in
            defer { s.stopped = true }
            return !s.stopped
        }
        guard first, listener >= 0 else { return }
        // Shutting the listening socket down wakes the thread blocked in accept().
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let conn = accept(fd, nil, nil)
            if conn < 0 {
                if errno == EINTR { continue }
                return
            }
            serve(conn)
            close(conn)
            if state.withLock({ $0.stopped }) { return }
        }
    }

    private func serve(_ conn: Int32) {
        guard let head = readHead(conn) else { return }
        let requestLine = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[0] == "GET" else {
            write(conn, OAITestResponse.status(405, body: "only GET"))
            return
        }
        let request = OAIReceivedRequest(target: String(parts[1]), headers: Self.headers(head))
        let response: OAITestResponse = state.withLock { s in
            s.requests.append(request)
            guard let i = routes.firstIndex(where: { $0.arguments == request.arguments }) else {
                return .status(404, body: "no route for \(request.target)")
            }
            let n = s.hits[i, default: 0]
            s.hits[i] = n + 1
            return routes[i].responses[min(n, routes[i].responses.count - 1)]
        }
        write(conn, response)
    }

    private func readHead(_ conn: Int32) -> String? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while data.count < 65536 {
            let n = recv(conn, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
            if Self.contains(data, end) { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func contains(_ data: [UInt8], _ needle: [UInt8]) -> Bool {
        guard data.count >= needle.count else { return false }
        for i in 0...(data.count - needle.count) where data[i] == needle[0] {
            if Array(data[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }

    private static func headers(_ head: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            out[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    private func write(_ conn: Int32, _ response: OAITestResponse) {
        let body: Data
        switch response.body {
        case .hangUp: return
        case .data(let d): body = d
        case .file(let name):
            body = (try? Data(contentsOf: root.appendingPathComponent(name))) ?? Data("missing fixture \(name)".utf8)
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        var headers = response.headers
        headers["Content-Type"] = headers["Content-Type"] ?? "text/xml; charset=utf-8"
        headers["Content-Length"] = String(body.count)
        headers["Connection"] = "close"
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + Array(body)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(conn, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
