import Hummingbird
import Synchronization

/// The request context of Mnemo's routes: Hummingbird's core storage plus
/// who the request's bearer token says it comes from.
public struct MnemoContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Shared by every copy of this request's context, so the access log
    /// (a middleware outside the one that checks the token) sees who it was.
    private let identity = Identity()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The token entry the request authenticated as; nil without a token.
    public var principal: TokenStore.Entry? {
        get { identity.entry.withLock { $0 } }
        nonmutating set { identity.entry.withLock { $0 = newValue } }
    }

    private final class Identity: Sendable {
        let entry = Mutex<TokenStore.Entry?>(nil)
    }
}
