import Foundation
import Store

/// One log line per event on stderr: `2026-11-29T10:00:00Z info mail.case uid=12 case=CS0000001`.
/// Values are quoted when they contain spaces; passwords and bodies are never passed in.
public struct Log: Sendable {
    public enum Level: String, Sendable { case debug, info, warning, error }

    public var minimum: Level

    public init(minimum: Level = .info) {
        self.minimum = minimum
    }

    public static func fromEnvironment(_ environment: [String: String]) -> Log {
        Log(minimum: Level(rawValue: environment["DAPGATE_LOG_LEVEL"] ?? "") ?? .info)
    }

    private func rank(_ level: Level) -> Int {
        switch level {
        case .debug: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public func callAsFunction(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard rank(level) >= rank(minimum) else { return }
        var line = "\(Timestamp.string(Date())) \(level.rawValue) \(event)"
        for (key, value) in fields where !value.isEmpty {
            let clean = value.map { $0.isNewline ? " " : $0 }
            let text = String(clean)
            line += " \(key)=" + (text.contains(" ") || text.isEmpty || text.contains("\"") ? "\"\(text.replacingOccurrences(of: "\"", with: "'"))\"" : text)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
