internal import CCurl
import Foundation

/// Calls `curl_global_init` once. libcurl's rule: before any other thread starts (STYLE.md, gotcha 8).
public enum Curl {
    public static func globalInit() {
        _ = initialized
    }

    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    public static var version: String { String(cString: curl_version()) }
}

/// Collects what the write callback receives.
final class ByteSink {
    var bytes: [UInt8] = []
    var limit: Int = .max
    var overflowed = false
}

/// Feeds an upload (SMTP DATA) to the read callback.
final class ByteSource {
    var bytes: [UInt8] = []
    var offset = 0
    /// Called once, from the read callback, when libcurl takes the upload's last byte: after it, only the
    /// end of data (`CRLF . CRLF`) is left to send. Cleared when called.
    var onLastByte: (() -> Void)?
}

/// The server's lines as seen by the debug callback (CURLINFO_HEADER_IN), which is the only place that sees
/// every line (MAILSTACK gotcha 2), and the commands sent (CURLINFO_HEADER_OUT).
final class Transcript {
    var lastServerLine: String?
    var lastCommand: String?
    var serverLines: [String] = []
    var keepLines = false

    func reset() {
        lastServerLine = nil
        lastCommand = nil
        serverLines.removeAll(keepingCapacity: true)
    }
}

/// The only libcurl user in dapgate: one easy handle, its buffers and callbacks.
/// Not Sendable: it belongs to the thread that performs its transfers.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    let sink = ByteSink()
    let source = ByteSource()
    let transcript = Transcript()
    /// CURLOPT_ERRORBUFFER: "The buffer must be at least CURL_ERROR_SIZE bytes big" and must stay
    /// valid while the handle is in use: owned here until deinit.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// CURLOPT_MAIL_RCPT: "libcurl does not copy the list": owned here until the next set or deinit.
    private var recipientList: UnsafeMutablePointer<curl_slist>?

    init() throws(TransportError) {
        Curl.globalInit()
        guard let handle = curl_easy_init() else {
            throw TransportError(kind: .config, message: "curl_easy_init failed")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        set(.init(CURLOPT_NOSIGNAL.rawValue), 1)
        dapgate_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)

        let context = Unmanaged.passUnretained(self).toOpaque()
        dapgate_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        dapgate_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { pointer, size, count, context in
            guard let context, let pointer else { return 0 }
            let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            let sink = easy.sink
            if sink.bytes.count + length > sink.limit {
                sink.overflowed = true
                return 0  // "Returning a value that is not equal to the size ... signals an error".
            }
            pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        }
        dapgate_curl_setopt_pointer(handle, CURLOPT_READDATA, context)
        dapgate_curl_setopt_data_callback(handle, CURLOPT_READFUNCTION) { pointer, size, count, context in
            guard let context, let pointer else { return 0 }
            let source = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue().source
            let length = min(size * count, source.bytes.count - source.offset)
            guard length > 0 else { return 0 }
            source.bytes.withUnsafeBufferPointer { buffer in
                UnsafeMutableRawPointer(pointer).copyMemory(from: buffer.baseAddress! + source.offset,
                                                            byteCount: length)
            }
            source.offset += length
            if source.offset == source.bytes.count, let hook = source.onLastByte {
                source.onLastByte = nil
                hook()
            }
            return length
        }
        dapgate_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, context)
        dapgate_curl_setopt_debug_callback(handle) { _, type, data, size, context in
            guard let context, let data, type == CURLINFO_HEADER_IN || type == CURLINFO_HEADER_OUT else { return 0 }
            let transcript = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue().transcript
            let bytes = UnsafeRawBufferPointer(start: data, count: size)
            var line = String(decoding: bytes.prefix(400), as: UTF8.self)
            while line.last == "\n" || line.last == "\r" { line.removeLast() }
            if type == CURLINFO_HEADER_IN {
                transcript.lastServerLine = line
                if transcript.keepLines { transcript.serverLines.append(line) }
            } else {
                transcript.lastCommand = CurlEasy.redacted(line)
            }
            return 0
        }
        set(.init(CURLOPT_VERBOSE.rawValue), 1)  // feeds the debug callback; nothing is printed.
    }

    deinit {
        curl_easy_cleanup(handle)
        if let recipientList { curl_slist_free_all(recipientList) }
        errorBuffer.deallocate()
    }

    /// Credentials never reach a log: AUTH, LOGIN and SASL continuation lines are cut to their verb.
    static func redacted(_ command: String) -> String {
        let words = command.split(separator: " ", maxSplits: 2)
        guard !words.isEmpty else { return command }
        let upper = words.map { $0.uppercased() }
        if upper[0] == "AUTH" { return "AUTH \(words.count > 1 ? words[1] : "")" }
        if upper.count > 1, upper[1] == "AUTHENTICATE" || upper[1] == "LOGIN" { return "\(words[0]) \(words[1])" }
        if words.count == 1, command.count > 16 { return "(credentials)" }
        return command
    }

    // MARK: - Options

    struct Option { let raw: UInt32; init(_ raw: UInt32) { self.raw = raw } }

    @discardableResult
    func set(_ option: Option, _ value: Int) -> Int32 {
        Int32(dapgate_curl_setopt_long(handle, CURLoption(option.raw), value).rawValue)
    }

    @discardableResult
    func set(_ option: Option, _ value: String?) -> Int32 {
        Int32(dapgate_curl_setopt_string(handle, CURLoption(option.raw), value).rawValue)
    }

    func set(url: String) { set(.init(CURLOPT_URL.rawValue), url) }
    func set(customRequest: String?) { set(.init(CURLOPT_CUSTOMREQUEST.rawValue), customRequest) }
    func set(username: String?, password: String?) {
        set(.init(CURLOPT_USERNAME.rawValue), username)
        set(.init(CURLOPT_PASSWORD.rawValue), password)
    }
    func set(caFile: String?) { if let caFile { set(.init(CURLOPT_CAINFO.rawValue), caFile) } }
    func set(mailFrom: String) { set(.init(CURLOPT_MAIL_FROM.rawValue), mailFrom) }
    func set(upload: Bool) { set(.init(CURLOPT_UPLOAD.rawValue), upload ? 1 : 0) }
    func set(uploadSize: Int) { set(.init(CURLOPT_INFILESIZE.rawValue), uploadSize) }

    /// CURLOPT_USE_SSL: `required` = CURLUSESSL_ALL, `tryTLS` = CURLUSESSL_TRY, `none` = CURLUSESSL_NONE.
    func set(startTLS: StartTLS) {
        let value: curl_usessl
        switch startTLS {
        case .required: value = CURLUSESSL_ALL
        case .opportunistic: value = CURLUSESSL_TRY
        case .never: value = CURLUSESSL_NONE
        }
        set(.init(CURLOPT_USE_SSL.rawValue), Int(value.rawValue))
    }

    func set(timeouts: Timeouts) {
        set(.init(CURLOPT_CONNECTTIMEOUT_MS.rawValue), Int(timeouts.connect * 1000))
        set(.init(CURLOPT_TIMEOUT_MS.rawValue), Int(timeouts.transfer * 1000))
        // A stalled server (no byte for `stall` seconds) ends the transfer instead of hanging it.
        set(.init(CURLOPT_LOW_SPEED_LIMIT.rawValue), 1)
        set(.init(CURLOPT_LOW_SPEED_TIME.rawValue), max(1, Int(timeouts.stall)))
    }

    func set(recipients: [String]) {
        if let recipientList { curl_slist_free_all(recipientList) }
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, recipient) }
        recipientList = list
        dapgate_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list)
    }

    // MARK: - Info

    func info(_ info: CURLINFO) -> Int {
        var value: Int = 0
        _ = dapgate_curl_getinfo_long(handle, info, &value)
        return value
    }

    var responseCode: Int { info(CURLINFO_RESPONSE_CODE) }
    /// CURLINFO_NUM_CONNECTS: 0 when the transfer reused a connection.
    var newConnections: Int { info(CURLINFO_NUM_CONNECTS) }

    // MARK: - Perform

    /// Runs one transfer; returns the bytes the write callback received.
    /// - Throws: `TransportError` mapped from the CURLcode, the error buffer and the server's last line.
    func perform(command: String, limit: Int = .max) throws(TransportError) -> [UInt8] {
        sink.bytes.removeAll(keepingCapacity: true)
        sink.limit = limit
        sink.overflowed = false
        transcript.reset()
        errorBuffer[0] = 0
        let rc = curl_easy_perform(handle)
        if rc == CURLE_OK { return sink.bytes }
        if sink.overflowed {
            throw TransportError(kind: .protocol, message: "response larger than \(limit) bytes", command: command)
        }
        let text = String(cString: errorBuffer)
        let fallback = String(cString: curl_easy_strerror(rc))
        throw TransportError(
            curlCode: Int(rc.rawValue), errorText: text.isEmpty ? fallback : text,
            replyCode: responseCode, command: transcript.lastCommand ?? command,
            serverLine: transcript.lastServerLine)
    }
}

@available(*, unavailable)
extension CurlEasy: Sendable {}

/// How a `imap://` or `smtp://` URL upgrades to TLS (STARTTLS); `imaps://` and `smtps://` are TLS from the start.
public enum StartTLS: String, Sendable {
    /// CURLUSESSL_ALL: fail unless the server takes STARTTLS.
    case required
    /// CURLUSESSL_TRY: use STARTTLS when offered; when offered it must verify like any TLS.
    case opportunistic
    /// CURLUSESSL_NONE: plain text (loopback test servers only).
    case never
}

public struct Timeouts: Sendable {
    public var connect: Double = 10
    public var transfer: Double = 120
    public var stall: Double = 30
    public init(connect: Double = 10, transfer: Double = 120, stall: Double = 30) {
        self.connect = connect
        self.transfer = transfer
        self.stall = stall
    }
}
