import Foundation

/// Mail templates: plain files `templates/<language>/<kind>.txt`, the subject on the first line, a blank
/// line, then the body. Placeholders are `{{name}}`. Operators edit these files; the gateway reads them
/// at start-up. A value can never add a header line: the subject is one line by construction and the
/// composer replaces CR/LF in every header value.
public struct Templates: Sendable {
    public struct Template: Sendable {
        public var subject: String
        public var body: String
    }

    public let folder: String
    private var cache: [String: Template] = [:]

    public init(folder: String) {
        self.folder = folder
    }

    /// Loads and caches every template of a kind; `nl` is the default language.
    public mutating func template(_ kind: String, language: String = "nl") throws -> Template {
        let key = "\(language)/\(kind)"
        if let cached = cache[key] { return cached }
        var path = "\(folder)/\(language)/\(kind).txt"
        if !FileManager.default.fileExists(atPath: path) { path = "\(folder)/nl/\(kind).txt" }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("template not found: \(folder)/\(language)/\(kind).txt (DAPGATE_TEMPLATES=\(folder))")
        }
        let template = try Self.parse(String(decoding: data, as: UTF8.self), path: path)
        cache[key] = template
        return template
    }

    /// A paragraph template `templates/<language>/parts/<name>.txt` (no subject line).
    public mutating func part(_ name: String, language: String = "nl") throws -> String {
        let key = "\(language)/parts/\(name)"
        if let cached = cache[key] { return cached.body }
        var path = "\(folder)/\(language)/parts/\(name).txt"
        if !FileManager.default.fileExists(atPath: path) { path = "\(folder)/nl/parts/\(name).txt" }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("template part not found: \(folder)/\(language)/parts/\(name).txt")
        }
        let body = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        cache[key] = Template(subject: "", body: body)
        return body
    }

    static func parse(_ text: String, path: String) throws -> Template {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard let newline = normalized.firstIndex(of: "\n") else {
            throw ConfigError("template \(path) needs a subject line, a blank line and a body")
        }
        let subject = String(normalized[..<newline]).trimmingCharacters(in: .whitespaces)
        var body = String(normalized[normalized.index(after: newline)...])
        while body.hasPrefix("\n") { body.removeFirst() }
        guard !subject.isEmpty else { throw ConfigError("template \(path) has an empty subject line") }
        return Template(subject: subject, body: body)
    }

    /// Fills `{{name}}` placeholders; unknown placeholders are left visible so an operator sees the typo.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] { result += value } else { result += rest[open.lowerBound..<close.upperBound] }
            rest = rest[close.upperBound...]
        }
        result += rest
        return result
    }

    /// An empty placeholder leaves no hole: three or more line breaks become one blank line.
    public static func tidy(_ text: String) -> String {
        var result = text
        while result.contains("\n\n\n") { result = result.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return result
    }

    /// A value for a one-line context (a subject): control characters become spaces.
    public static func oneLine(_ value: String) -> String {
        String(value.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
    }
}
