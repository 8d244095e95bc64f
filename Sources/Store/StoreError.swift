internal import CSQLite

/// An SQLite failure: the primary and extended result codes, SQLite's message and the SQL that failed.
/// Bound values are never part of the description (they may be mail bodies or addresses).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var extendedCode: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.prefix(120)))" }
        return text
    }

    /// SQLITE_BUSY and SQLITE_LOCKED, including their extended codes (sqlite.org/rescode.html).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    public var isConstraint: Bool { code == SQLITE_CONSTRAINT }

    public static let busy = StoreError(code: SQLITE_BUSY, message: "database is busy")
    public static let constraint = StoreError(code: SQLITE_CONSTRAINT, message: "constraint failed")

    /// `catch StoreError.busy` matches every extended code of the same primary code.
    public static func ~= (pattern: StoreError, value: any Error) -> Bool {
        guard let error = value as? StoreError else { return false }
        return error.code == pattern.code
    }
}
