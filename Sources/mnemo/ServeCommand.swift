import ArgumentParser
import Foundation
import MnemoServer
import MnemoStore

/// `mnemo serve`: the HTTP service over a store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a store over HTTP: SPARQL 1.1 Protocol and Update, Graph Store, Linked Data, dumps.",
        discussion: """
            Prints the service's URL once it accepts connections, then one JSON line per request \
            on standard error. SIGTERM or SIGINT stops it after the requests in flight. Writes need \
            a bearer token: make one with 'mnemo token', pass the file with --tokens (or the lines \
            in $MNEMO_TOKENS).
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port).")
    var port = 8080

    @Option(name: .customLong("base-uri"), help: "The IRI prefix of the resources to dereference.")
    var baseURI = "https://data.mnemo.example/"

    @Flag(name: .customLong("read-only"), help: "Refuse every write.")
    var readOnly = false

    @Option(help: "A token file (lines of LABEL ROLE SALT HASH, from 'mnemo token').")
    var tokens: String?

    @Flag(name: .customLong("protect-reads"), help: "Reads need a token too.")
    var protectReads = false

    @Option(name: .customLong("query-timeout"), help: "Seconds a query or update may run.")
    var queryTimeout: Double = 30

    @Option(name: .customLong("max-concurrent"), help: "Queries and updates evaluated at once; more wait in line.")
    var maxConcurrent = 8

    @Option(name: .customLong("queue-timeout"), help: "Seconds a request may wait for a place before a 503 (0: refuse at once).")
    var queueTimeout: Double = 2

    @Option(name: .customLong("index-save-delay"),
            help: "Seconds without a write after which a sqlite: store's index sidecar is saved, so a restart after a crash opens fast (0: only on shutdown).")
    var indexSaveDelay: Double = 30

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes; more gets 413.")
    var maxBody = 16 * 1024 * 1024

    @Option(name: .customLong("load-dir"), help: "The directory SPARQL LOAD may read files from (default: none).")
    var loadDir: String?

    @Flag(name: .customLong("quiet"), help: "No access log.")
    var quiet = false

    func run() async throws {
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.baseURI = baseURI
        config.readOnly = readOnly
        config.protectReads = protectReads
        config.queryTimeout = queryTimeout
        config.maxConcurrent = maxConcurrent
        config.queueTimeout = queueTimeout
        config.maxBodyBytes = maxBody
        config.accessLog = !quiet
        config.indexSaveDelay = indexSaveDelay
        config.loadDirectory = loadDir.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        do {
            if let tokens {
                guard let text = try? String(contentsOfFile: tokens, encoding: .utf8) else {
                    throw CLIError("cannot read the token file \(tokens)")
                }
                config.tokens = try TokenStore(text: text, source: tokens)
            } else if let env = ProcessInfo.processInfo.environment["MNEMO_TOKENS"] {
                config.tokens = try TokenStore(text: env, source: "$MNEMO_TOKENS")
            }
        } catch let e as TokenFileError { throw CLIError(e.description) }
        let store = try storeOptions.open()
        defer { store.close() }
        let service = MnemoService(store: store, configuration: config)
        let location = storeOptions.location
        let writes = readOnly ? "read-only" : (config.tokens.isEmpty ? "no write tokens: read-only in effect" : "writes need a token")
        try await service.run { url in
            let line = "Mnemo is serving \(location) at \(url) (SPARQL endpoint \(url)sparql; \(writes))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}

/// `mnemo token`: makes an access token and its token-file line.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make a bearer token for 'mnemo serve' and add its salted hash to a token file.",
        discussion: "The token is printed once; the file keeps only its salted SHA-256 hash.")

    @Option(help: "A name for who holds the token (shown in the access log).")
    var label: String

    @Option(help: "read or write.")
    var role: String = "write"

    @Option(help: "The token file to append to.")
    var tokens: String

    func run() throws {
        guard let r = TokenRole(rawValue: role) else { throw CLIError("role must be read or write, not '\(role)'") }
        guard !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "#" }) else {
            throw CLIError("the label must be one word without '#'")
        }
        let made = TokenStore.makeToken(label: label, role: r)
        let existing = (try? String(contentsOfFile: tokens, encoding: .utf8)) ?? ""
        let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + made.line + "\n"
        do {
            try text.write(toFile: tokens, atomically: true, encoding: .utf8)
            chmod(tokens, 0o600)
        } catch { throw CLIError("cannot write \(tokens): \(error.localizedDescription)") }
        print(made.token)
    }
}
