import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers bytes that are not HTTP/1.1 (an invalid request line or method,
/// a bad header byte, broken chunked framing) with a 400 that says so in
/// text, then closes the connection.
///
/// Without it NIO's decoder error reaches Hummingbird's channel loop, which
/// writes a bare `400` with an empty body. Only errors between requests are
/// taken: while a request is being answered (a decoding error in its body)
/// the error goes on to Hummingbird, which owns that response.
final class DecoderErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// A request's head has been read and its response has not ended.
    private var answering = false
    private var failed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { answering = true }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { answering = false }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, !answering else {
            context.fireErrorCaught(error)
            return
        }
        if failed { return }
        failed = true
        let text = "the request is not valid HTTP/1.1 (\(error)); nothing was done\n"
        let head = HTTPResponse(status: .badRequest, headerFields: [
            .contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count), .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(string: text))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
