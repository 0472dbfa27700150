// swift-tools-version: 6.1
import PackageDescription

// Mnemo: a linked-data hub for libraries, archives and museums.
// The pipeline, one target per stage, dependencies pointing one way:
//   MnemoRDF (terms) -> MnemoSyntax (Raptor) -> MnemoStore (Redland + index) -> mnemo (CLI)
let package = Package(
    name: "Mnemo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mnemo", targets: ["mnemo"]),
        .library(name: "MnemoStore", targets: ["MnemoStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "CRedland", pkgConfig: "redland",
                       providers: [.apt(["librdf0-dev", "libraptor2-dev", "librasqal3-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),

        // RDF terms, quads, the term dictionary, N-Triples escaping, isomorphism.
        .target(name: "MnemoRDF"),
        // RDF syntaxes: Raptor parsers and serializers, plus a TriG writer.
        .target(name: "MnemoSyntax", dependencies: ["MnemoRDF", "CRedland"]),
        // The quad store: Redland as store of record, with Mnemo's own index.
        .target(name: "MnemoStore", dependencies: [
            "MnemoRDF", "MnemoSyntax", "CRedland", "CSQLite",
        ]),
        // SPARQL 1.1: the grammar, parsed into the algebra of section 18.
        .target(name: "MnemoSPARQLSyntax", dependencies: ["MnemoRDF"]),
        // Synthetic cross-institution CIDOC-CRM data for benchmarks.
        .target(name: "MnemoDataGen"),
        // The command-line tool.
        .executableTarget(name: "mnemo", dependencies: [
            "MnemoRDF", "MnemoSyntax", "MnemoStore", "MnemoDataGen",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "MnemoRDFTests", dependencies: ["MnemoRDF"]),
        .testTarget(name: "MnemoSyntaxTests", dependencies: ["MnemoSyntax"]),
        .testTarget(name: "MnemoStoreTests", dependencies: ["MnemoStore", "MnemoSyntax", "CRedland"]),
        .testTarget(name: "MnemoDataGenTests", dependencies: ["MnemoDataGen"]),
        // End-to-end tests that run the built `mnemo` binary as a child process.
        .testTarget(name: "MnemoCLITests", dependencies: ["mnemo", "MnemoRDF"]),
    ]
)
