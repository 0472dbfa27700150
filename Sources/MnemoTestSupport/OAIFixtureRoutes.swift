/// The routing table of the fixture repository in `Fixtures/oai` (described in
/// its README): which page answers which request. Tokens and special sets
/// (`test:…`) exist to exercise the client's error paths.
extension OAITestServer {
    /// The resumptionToken of the second ListRecords page, built to need percent-encoding.
    public static let page2Token = "oai_dc/2024+page=2 of 3"
    /// The resumptionToken of the third (last) ListRecords page.
    public static let page3Token = "oai_dc/2024+page=3 of 3"

    public static let standardRoutes: [OAITestRoute] = {
        func records(_ args: [String: String]) -> [String: String] {
            args.merging(["verb": "ListRecords"]) { a, _ in a }
        }
        let dc = ["metadataPrefix": "oai_dc"]
        func dcWith(_ k: String, _ v: String) -> [String: String] { records(dc.merging([k: v]) { a, _ in a }) }
        return [
            OAITestRoute(["verb": "Identify"], .file("identify.xml")),
            OAITestRoute(["verb": "ListMetadataFormats"], .file("list-metadata-formats.xml")),
            OAITestRoute(["verb": "ListSets"], .file("list-sets-1.xml")),
            OAITestRoute(["verb": "ListSets", "resumptionToken": "sets/2"], .file("list-sets-2.xml")),
            OAITestRoute(["verb": "GetRecord", "metadataPrefix": "oai_dc",
                          "identifier": "oai:mnemo.example.org:museum-tashkent/navoiy-xamsa"], .file("get-record.xml")),
            OAITestRoute(["verb": "GetRecord", "metadataPrefix": "oai_dc",
                          "identifier": "oai:mnemo.example.org:nowhere/0"], .file("error-idDoesNotExist.xml")),

            // The full harvest: three pages.
            OAITestRoute(records(dc), .file("list-records-1.xml")),
            OAITestRoute(records(["resumptionToken": page2Token]), .file("list-records-2.xml")),
            OAITestRoute(records(["resumptionToken": page3Token]), .file("list-records-3.xml")),

            // Selective harvesting.
            OAITestRoute(dcWith("from", "2024-03-01"), .file("list-records-from.xml")),
            OAITestRoute(dcWith("from", "2030-01-01"), .file("error-noRecordsMatch.xml")),
            OAITestRoute(dcWith("set", "museum"), .file("list-records-set-museum.xml")),
            // Busy once, then the page.
            OAITestRoute(dcWith("set", "archive"),
                         .status(503, headers: ["Retry-After": "1"], body: "busy, come back in a second"),
                         .file("list-records-set-archive.xml")),

            // Protocol errors.
            OAITestRoute(records(["metadataPrefix": "mods"]), .file("error-cannotDisseminateFormat.xml")),
            OAITestRoute(dcWith("set", "test:expired"), .file("list-records-expiring.xml")),
            OAITestRoute(records(["resumptionToken": "expired-token"]), .file("error-badResumptionToken.xml")),

            // Broken servers.
            OAITestRoute(dcWith("set", "test:malformed"), .file("malformed.xml")),
            OAITestRoute(dcWith("set", "test:loop"), .file("list-records-loop.xml")),
            OAITestRoute(records(["resumptionToken": "loop-token"]), .file("list-records-loop.xml")),
            OAITestRoute(dcWith("set", "test:down"), .status(500, body: "database unavailable")),
            OAITestRoute(dcWith("set", "test:forbidden"),
                         .status(403, headers: ["Content-Type": "text/html"],
                                 body: "<html><body><h1>403 Forbidden</h1><p>Harvesting from your address is not allowed.</p></body></html>")),
            OAITestRoute(dcWith("set", "test:html"),
                         .status(200, headers: ["Content-Type": "text/html"],
                                 body: "<html><body>Scheduled maintenance<br></body></html>")),
        ]
    }()
}
