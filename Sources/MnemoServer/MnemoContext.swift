import Hummingbird

/// The request context of Mnemo's routes: Hummingbird's core storage plus
/// who the request's bearer token says it comes from.
public struct MnemoContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token entry the request authenticated as; nil without a token.
    public var principal: TokenStore.Entry?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
