import ArgumentParser
import Foundation
import MnemoStore

/// The `mnemo` command: import, export and inspect a Mnemo store.
@main
struct Mnemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnemo",
        abstract: "Mnemo: a linked-data hub for libraries, archives and museums.",
        discussion: """
            A store is named by --store: sqlite:PATH (the embedded default), bdb:DIR \
            (Redland's Berkeley DB hashes) or memory:. Without --store, $MNEMO_STORE \
            or sqlite:mnemo.sqlite is used.
            """,
        subcommands: [ImportCommand.self, QueryCommand.self, UpdateCommand.self, ExportCommand.self, StatsCommand.self, GraphsCommand.self,
                      DropCommand.self, GenerateCommand.self, GenerateGoldCommand.self, ShellCommand.self,
                      IngestCommand.self, HarvestCommand.self, ServeCommand.self, TokenCommand.self, SearchCommand.self,
                      LinkCommand.self, LinksCommand.self]
    )
}

/// The `--store` option shared by the commands that open a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store: sqlite:PATH, bdb:DIR or memory:.")
    var store: String?

    var location: String {
        store ?? ProcessInfo.processInfo.environment["MNEMO_STORE"] ?? "sqlite:mnemo.sqlite"
    }

    func open() throws -> Store {
        do { return try Store.open(location) } catch let e as StoreError { throw CLIError(e.description) }
    }
}

/// An error reported as `mnemo: message` with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Runs `body`, turning store errors into CLI errors with their message.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError {
        throw CLIError(e.description)
    }
}

/// Writes a line to standard error.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// True when standard error is a terminal.
var stderrIsTerminal: Bool { isatty(2) != 0 }

/// The C standard output stream, for serializers that write to a `FILE`.
nonisolated(unsafe) let standardOutput: UnsafeMutablePointer<FILE> = fdopen(STDOUT_FILENO, "w")!
