import CRedland
import Synchronization

/// Raptor worlds lent out one user at a time and never freed.
///
/// Freeing a Raptor world calls libxml2's `xmlCleanupParser()`, which tears
/// down libxml2's global state under any other thread parsing XML at that
/// moment (Foundation's `XMLParser` in the crosswalks, another Raptor
/// parser): measured here as intermittent crashes of the test suite. So a
/// world, once opened, is kept for the life of the process and handed to the
/// next parser or serializer that needs one. Each world is used by one object
/// at a time, as Raptor requires.
enum RaptorWorldPool {
    private static let free = Mutex<[UInt]>([])  // world addresses

    /// A world for the caller's sole use until ``release(_:)``.
    /// Its blank-node counter starts again from 1, as in a new world, so the
    /// same file parses to the same blank-node labels every time.
    static func acquire() -> OpaquePointer {
        let world: OpaquePointer
        if let w = free.withLock({ $0.popLast() }) {
            world = OpaquePointer(bitPattern: w)!
        } else {
            world = raptor_new_world_internal(UInt32(RAPTOR_VERSION))!
            raptor_world_open(world)
        }
        raptor_world_set_generate_bnodeid_parameters(world, nil, 1)
        return world
    }

    /// Returns a world to the pool.
    static func release(_ world: OpaquePointer) {
        free.withLock { $0.append(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(world)))) }
    }
}
