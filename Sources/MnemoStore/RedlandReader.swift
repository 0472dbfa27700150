import CRedland
import MnemoRDF

/// Reads a store's quads through librdf's own API, independently of Mnemo's
/// index, to check that what Mnemo wrote is what Redland sees.
public enum RedlandReader {
    /// Every quad of the Redland sqlite store at `path`, read by librdf.
    /// Read-only; safe while no write is in progress.
    public static func readSQLite(path: String) throws -> [Quad] {
        try RedlandOwner.shared.sync {
            let world = RedlandOwner.shared.world!
            guard let storage = librdf_new_storage(world, "sqlite", path, "new='no',contexts='yes'") else {
                throw StoreError.open("sqlite:\(path)", "librdf could not open the sqlite storage")
            }
            defer { librdf_free_storage(storage) }
            guard let model = librdf_new_model(world, storage, nil) else {
                throw StoreError.open("sqlite:\(path)", "librdf could not attach a model")
            }
            defer { librdf_free_model(model) }
            var out: [Quad] = []
            var bytes: [UInt8] = []
            func term(_ n: NodePointer?) throws -> Term {
                bytes.removeAll(keepingCapacity: true)
                try RedlandNodes.encode(n, into: &bytes)
                return Term(encoded: bytes)!
            }
            guard let stream = librdf_model_as_stream(model) else { return [] }
            defer { librdf_free_stream(stream) }
            while librdf_stream_end(stream) == 0 {
                let st = librdf_stream_get_object(stream)
                let ctx = librdf_stream_get_context2(stream)
                out.append(Quad(try term(librdf_statement_get_subject(st)), try term(librdf_statement_get_predicate(st)),
                                try term(librdf_statement_get_object(st)), ctx == nil ? nil : try term(ctx)))
                librdf_stream_next(stream)
            }
            return out
        }
    }
}
