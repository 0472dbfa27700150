// swift-tools-version: 6.1
import PackageDescription

// Mnemo: a linked-data hub for libraries, archives and museums.
// The pipeline, one target per stage, dependencies pointing one way:
//   MnemoRDF (terms) -> MnemoSyntax (Raptor) -> MnemoStore (Redland + index)
//     -> MnemoSPARQL* (parser, functions, results, engine)
//     -> MnemoXML, MnemoDates, MnemoMARC -> MnemoCrosswalk (records to CIDOC-CRM + EDM)
//     -> MnemoHarvest (OAI-PMH) -> MnemoIngest (into the store) -> mnemo (CLI)
//   MnemoStore -> MnemoWeb (Linked Data pages, dumps, VoID; no HTTP framework)
let package = Package(
    name: "Mnemo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mnemo", targets: ["mnemo"]),
        .library(name: "MnemoStore", targets: ["MnemoStore"]),
        // The SPARQL 1.1 engine over a store: parser, evaluator, result formats.
        .library(name: "MnemoSPARQL", targets: ["MnemoSPARQL", "MnemoSPARQLSyntax", "MnemoSPARQLResults"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "CRedland", pkgConfig: "redland",
                       providers: [.apt(["librdf0-dev", "libraptor2-dev", "librasqal3-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

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
        // SPARQL result formats: JSON, XML, CSV, TSV, text tables; JSON-LD for graphs.
        .target(name: "MnemoSPARQLResults", dependencies: ["MnemoRDF"]),
        // SPARQL expression semantics: comparisons, arithmetic, casts, built-in functions.
        .target(name: "MnemoSPARQLFunctions", dependencies: ["MnemoRDF", "MnemoSPARQLSyntax"]),
        // The SPARQL engine: algebra compiled to a plan and evaluated over the store's index.
        .target(name: "MnemoSPARQL", dependencies: [
            "MnemoRDF", "MnemoStore", "MnemoSPARQLSyntax", "MnemoSPARQLFunctions", "MnemoSPARQLResults",
        ]),
        // Streaming XML: one element tree per record, located errors.
        .target(name: "MnemoXML"),
        // Dates as catalogues write them, parsed into time-span bounds.
        .target(name: "MnemoDates"),
        // MARC records: ISO 2709 (UTF-8, MARC-8, Windows-1251) and MARCXML.
        .target(name: "MnemoMARC", dependencies: ["MnemoXML"]),
        // Records of every source format to CIDOC-CRM and EDM, through declarative profiles.
        .target(name: "MnemoCrosswalk", dependencies: ["MnemoRDF", "MnemoXML", "MnemoDates", "MnemoMARC"],
                resources: [.copy("Profiles")]),
        // An OAI-PMH 2.0 harvesting client.
        .target(name: "MnemoHarvest", dependencies: ["MnemoXML"]),
        // Crosswalk output into the store: dataset ingests and harvests, one graph per dataset.
        .target(name: "MnemoIngest", dependencies: ["MnemoCrosswalk", "MnemoHarvest", "MnemoStore", "MnemoSyntax", "MnemoRDF", "MnemoXML"]),
        // For tests only: a loopback OAI-PMH server serving Fixtures/oai pages, and the
        // W3C test manifests (query and update) with the rdf-tests locator and the floors;
        // a JSON Schema validator with the reconciliation API schemas' locator.
        .target(name: "MnemoTestSupport", dependencies: ["MnemoRDF", "MnemoSyntax", "MnemoSPARQLResults"]),
        // Synthetic cross-institution CIDOC-CRM data for benchmarks.
        .target(name: "MnemoDataGen"),
        // Cross-script name search: names keyed by ICU transliteration and spelling skeletons.
        .target(name: "MnemoSearch", dependencies: ["MnemoRDF", "MnemoStore", "MnemoSPARQLFunctions"]),
        // Entity linking across institutions: profiles, blocking, explainable scores, coherent clusters, SSSOM.
        .target(name: "MnemoLinking", dependencies: ["MnemoRDF", "MnemoStore", "MnemoSearch"]),
        // Linked Data publishing, framework-free: resource pages, concise bounded
        // descriptions, gzip dumps, VoID/DCAT, the SPARQL query page.
        .target(name: "MnemoWeb", dependencies: ["MnemoRDF", "MnemoStore", "MnemoSyntax", "CZlib"]),
        // The HTTP service: SPARQL 1.1 Protocol, Update, Graph Store, Linked Data, dumps, operations,
        // the links' review loop and merged views (MnemoLinking; MnemoWeb gets cluster data as plain values).
        .target(name: "MnemoServer", dependencies: [
            "MnemoRDF", "MnemoSyntax", "MnemoStore", "MnemoSPARQL", "MnemoSPARQLSyntax", "MnemoSPARQLResults",
            "MnemoSPARQLFunctions", "MnemoWeb", "MnemoSearch", "MnemoLinking",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        // The command-line tool.
        .executableTarget(name: "mnemo", dependencies: [
            "MnemoServer",
            "MnemoRDF", "MnemoSyntax", "MnemoStore", "MnemoDataGen",
            "MnemoSPARQL", "MnemoSPARQLSyntax", "MnemoSPARQLResults",
            "MnemoCrosswalk", "MnemoHarvest", "MnemoIngest", "MnemoMARC", "MnemoXML", "MnemoSearch", "MnemoLinking",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "MnemoRDFTests", dependencies: ["MnemoRDF"]),
        .testTarget(name: "MnemoSyntaxTests", dependencies: ["MnemoSyntax"]),
        .testTarget(name: "MnemoStoreTests", dependencies: ["MnemoStore", "MnemoSyntax", "CRedland", "CSQLite"]),
        .testTarget(name: "MnemoDataGenTests", dependencies: ["MnemoDataGen"]),
        .testTarget(name: "MnemoSPARQLSyntaxTests", dependencies: ["MnemoSPARQLSyntax", "MnemoSyntax"]),
        .testTarget(name: "MnemoSPARQLResultsTests", dependencies: ["MnemoSPARQLResults"]),
        .testTarget(name: "MnemoSPARQLFunctionsTests", dependencies: ["MnemoSPARQLFunctions"]),
        // Unit tests of the engine and the W3C conformance harness (its floors in w3c-floor.txt).
        .testTarget(name: "MnemoSPARQLTests", dependencies: [
            "MnemoSPARQL", "MnemoSPARQLSyntax", "MnemoSPARQLResults", "MnemoSPARQLFunctions", "MnemoStore",
            "MnemoSyntax", "MnemoRDF", "MnemoTestSupport", "MnemoDataGen",
        ], exclude: ["w3c-floor.txt"]),
        .testTarget(name: "MnemoXMLTests", dependencies: ["MnemoXML"]),
        // Name keys and search over the fixtures.
        .testTarget(name: "MnemoSearchTests", dependencies: ["MnemoSearch", "MnemoDataGen", "MnemoStore", "MnemoRDF", "MnemoSPARQLFunctions", "MnemoTestSupport"]),
        // Linking: profiles, scores and clusters over the fixtures and generated gold data.
        .testTarget(name: "MnemoLinkingTests", dependencies: ["MnemoLinking", "MnemoSearch", "MnemoStore", "MnemoRDF", "MnemoDataGen", "MnemoTestSupport"]),
        .testTarget(name: "MnemoDatesTests", dependencies: ["MnemoDates"]),
        .testTarget(name: "MnemoMARCTests", dependencies: ["MnemoMARC", "MnemoXML"]),
        .testTarget(name: "MnemoHarvestTests", dependencies: ["MnemoHarvest", "MnemoXML", "MnemoTestSupport"]),
        // The source readers, tested at the level of the neutral record.
        .testTarget(name: "MnemoCrosswalkReadersTests", dependencies: ["MnemoCrosswalk", "MnemoXML"]),
        // Each format ingested into a store and questioned in SPARQL; ontology declarations.
        .testTarget(name: "MnemoCrosswalkTests", dependencies: [
            "MnemoCrosswalk", "MnemoIngest", "MnemoHarvest", "MnemoStore", "MnemoSPARQL", "MnemoSPARQLResults",
            "MnemoSyntax", "MnemoRDF", "MnemoMARC", "MnemoTestSupport",
        ]),
        .testTarget(name: "MnemoWebTests", dependencies: [
            "MnemoWeb", "MnemoStore", "MnemoRDF", "MnemoSyntax", "MnemoSPARQL", "MnemoSPARQLResults", "CZlib",
        ]),
        // The HTTP service end to end: a real server on an ephemeral port, spoken to over HTTP.
        .testTarget(name: "MnemoServerTests", dependencies: [
            "MnemoServer", "MnemoStore", "MnemoRDF", "MnemoSPARQLResults", "MnemoSyntax", "MnemoTestSupport",
            "MnemoWeb", "MnemoLinking", "MnemoDataGen",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        // End-to-end tests that run the built `mnemo` binary as a child process.
        .testTarget(name: "MnemoCLITests", dependencies: ["mnemo", "MnemoRDF", "MnemoStore", "MnemoTestSupport"]),
    ]
)
