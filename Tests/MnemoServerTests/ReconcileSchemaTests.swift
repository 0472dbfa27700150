import Foundation
import MnemoTestSupport
import Testing

/// The JSON Schema validator itself: documents that break each keyword the schemas use are refused.
/// (Inside `ReconcileTests`, so that `--filter ReconcileTests` runs it too.)
extension ReconcileTests {
    @Suite struct SchemaValidatorTests {
        @Test func refusesBadDocuments() throws {
            let v02 = try Schemas.validator("0.2")
            let good = #"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","view":{"url":"x{{id}}"},"defaultTypes":[{"id":"t","name":"T"}],"preview":{"url":"p{{id}}","width":1,"height":2}}"#
            #expect(try v02.errors(good, schema: "manifest.json").isEmpty)
            let bad: [(String, String)] = [
                (#"{"versions":["0.2"],"name":"n","identifierSpace":"i"}"#, "manifest.json"),                          // required
                (#"{"versions":["0.2"],"name":5,"identifierSpace":"i","schemaSpace":"s"}"#, "manifest.json"),          // type
                (#"{"versions":["0.1"],"name":"n","identifierSpace":"i","schemaSpace":"s"}"#, "manifest.json"),        // contains + enum
                (#"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","view":{"url":"x"}}"#, "manifest.json"),   // pattern
                (#"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","preview":{"url":"{{id}}","width":1.5,"height":2}}"#,
                 "manifest.json"),                                                                                        // integer
                (#"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","defaultTypes":[{"id":"t"}]}"#, "manifest.json"),  // $ref type.json
                (#"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","defaultTypes":[{"id":"t","name":"T"},{"id":"t","name":"T"}]}"#,
                 "manifest.json"),                                                                                        // uniqueItems
                (#"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","suggest":{"entity":{"flyout_service_path":"x"}}}"#,
                 "manifest.json"),                                                                                        // $ref #/properties/...
                (#"{"q0":{"query":"x","colour":"red"}}"#, "reconciliation-query-batch.json"),                             // additionalProperties
                (#"{"q0":{"query":"x","type_strict":"some"}}"#, "reconciliation-query-batch.json"),                      // enum
                (#"{"q0":{"type":"x"}}"#, "reconciliation-query-batch.json"),                                            // anyOf
                (#"{"q0":{"properties":[]}}"#, "reconciliation-query-batch.json"),                                        // minItems in anyOf
                (#"{"q0":{"query":"x","properties":[{"pid":"p","v":null}]}}"#, "reconciliation-query-batch.json"),       // oneOf
                (#"{"q0":{"result":[{"id":"a","name":"b","score":"high"}]}}"#, "reconciliation-result-batch.json"),      // patternProperties
                (#"{"meta":[],"rows":{"a":{"p":[{"str":"x","int":1}]}}}"#, "data-extension-response.json"),             // oneOf, none
                (#"{"meta":[],"rows":{"a":{"p":[{"date":"1835"}]}}}"#, "data-extension-response.json"),                 // date pattern
            ]
            for (doc, schema) in bad {
                #expect(try !v02.errors(doc, schema: schema).isEmpty, "accepted \(doc) under \(schema)")
            }
            #expect(throws: (any Error).self) { try v02.errors("[1, 2", schema: "manifest.json") }
            #expect(throws: (any Error).self) { try v02.errors("{}", schema: "no-such-schema.json") }
            // `authentication` refers to the Swagger 2.0 schema by its $id (the file openapi.json).
            let auth = #"{"versions":["0.2"],"name":"n","identifierSpace":"i","schemaSpace":"s","authentication":"#
            #expect(try v02.errors(auth + #"{"type":"apiKey","name":"key","in":"query"}}"#, schema: "manifest.json").isEmpty)
            #expect(try !v02.errors(auth + #"{"type":"magic"}}"#, schema: "manifest.json").isEmpty)
            let v1 = try Schemas.validator("1.0-draft")
            #expect(try v1.errors(#"{"results":[{"candidates":[{"id":"a","name":"b","lang":"en"}]}]}"#, schema: "reconciliation-result-batch.json").isEmpty)
            #expect(try !v1.errors(#"{"results":[{"candidates":[{"id":"a","name":"b","dir":"up"}]}]}"#, schema: "reconciliation-result-batch.json").isEmpty)
            #expect(try !v1.errors(#"{"results":[{"candidates":[{"id":"a","name":"b","features":[{"id":"f","value":1}]}]}]}"#,
                                   schema: "reconciliation-result-batch.json").isEmpty)
            #expect(try !v1.errors(#"{"versions":["1.0-draft"],"name":"n","view":{"url":"u"},"suggest":{"entity":true}}"#, schema: "manifest.json").isEmpty)
            // The draft-4 and draft-6 forms of exclusive bounds, and const, which the schemas do not use.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mnemo-schema-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try #"{"type":"object","properties":{"a":{"type":"number","exclusiveMinimum":0,"maximum":10},"b":{"const":"k"},"c":{"type":["string","null"],"maxLength":2}}}"#
                .write(to: dir.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
            let own = try JSONSchemaValidator(directory: dir)
            #expect(try own.errors(#"{"a":10,"b":"k","c":null}"#, schema: "s.json").isEmpty)
            for doc in [#"{"a":0}"#, #"{"a":11}"#, #"{"b":"j"}"#, #"{"c":"abc"}"#, #"{"c":1}"#] {
                #expect(try !own.errors(doc, schema: "s.json").isEmpty, "accepted \(doc)")
            }
        }
    }
}
