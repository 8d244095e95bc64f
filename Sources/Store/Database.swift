internal import CSQLite
import Foundation

/// One SQLite connection. Not Sendable: it belongs to the thread that opened it, the way GRDB's
/// `Database` does. The gateway is a single serial loop, so one connection is all it needs.
public final class Database {
    private var handle: OpaquePointer?
    private var cache: [String: OpaquePointer] = [:]
    public let path: String

    /// Opens (creating if needed) the database at `path` in WAL mode with foreign keys on.
    /// - Throws: `StoreError` when the file cannot be opened.
    public init(path: String) throws(StoreError) {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            // sqlite.org/c3ref/open.html: "a database connection handle is usually returned in *ppDb,
            // even if an error occurs ... sqlite3_close() should be called to release resources".
            sqlite3_close(db)
            throw StoreError(code: rc, message: "\(message): \(path)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 10_000)
        try execute("PRAGMA journal_mode = WAL")
        // WAL + NORMAL: a commit is durable against a process crash (SIGKILL); only a power loss can
        // roll back the last transactions (sqlite.org/pragma.html#pragma_synchronous).
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        for statement in cache.values { sqlite3_finalize(statement) }
        // sqlite.org/c3ref/close.html: "If sqlite3_close_v2() is called with unfinalized prepared
        // statements ... the database connection becomes an unusable zombie" — all are finalized above.
        sqlite3_close_v2(handle)
    }

    private func error(_ rc: Int32, sql: String?) -> StoreError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection"
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? rc
        return StoreError(code: rc & 0xff, extendedCode: extended, message: message, sql: sql)
    }

    /// Runs one or more statements without arguments.
    public func execute(_ sql: String) throws(StoreError) {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? "error"
            sqlite3_free(errmsg)
            throw StoreError(code: rc & 0xff, extendedCode: rc, message: message, sql: sql)
        }
    }

    private func statement(_ sql: String) throws(StoreError) -> OpaquePointer {
        if let cached = cache[sql] {
            sqlite3_reset(cached)
            sqlite3_clear_bindings(cached)
            return cached
        }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, sql: sql) }
        cache[sql] = stmt
        return stmt
    }

    private func bind(_ stmt: OpaquePointer, _ args: [SQLValue], sql: String) throws(StoreError) {
        for (offset, value) in args.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(stmt, index)
            case .integer(let v): rc = sqlite3_bind_int64(stmt, index, v)
            case .real(let v): rc = sqlite3_bind_double(stmt, index, v)
            case .text(let s): rc = sqlite3_bind_text(stmt, index, s, -1, dapgate_sqlite_transient())
            case .blob(let b):
                rc = b.withUnsafeBytes { buffer in
                    // A zero-length blob still needs a non-NULL pointer, or SQLite stores NULL.
                    sqlite3_bind_blob(stmt, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                      Int32(b.count), dapgate_sqlite_transient())
                }
            }
            if rc != SQLITE_OK { throw error(rc, sql: sql) }
        }
    }

    private func column(_ stmt: OpaquePointer, _ i: Int32) -> SQLValue {
        switch sqlite3_column_type(stmt, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(stmt, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(stmt, i))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(stmt, i) else { return .text("") }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(stmt, i))
            guard count > 0, let bytes = sqlite3_column_blob(stmt, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// Runs one statement with arguments; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ args: [SQLValue] = []) throws(StoreError) -> Int {
        let stmt = try statement(sql)
        defer { sqlite3_reset(stmt) }
        try bind(stmt, args, sql: sql)
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            if rc != SQLITE_ROW { throw error(rc, sql: sql) }
        }
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and returns all rows.
    public func query(_ sql: String, _ args: [SQLValue] = []) throws(StoreError) -> [Row] {
        let stmt = try statement(sql)
        defer { sqlite3_reset(stmt) }
        try bind(stmt, args, sql: sql)
        var rows: [Row] = []
        let count = sqlite3_column_count(stmt)
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            if rc != SQLITE_ROW { throw error(rc, sql: sql) }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for i in 0..<count { values.append(column(stmt, i)) }
            rows.append(Row(values: values))
        }
        return rows
    }

    /// The first row of a query, or nil.
    public func first(_ sql: String, _ args: [SQLValue] = []) throws(StoreError) -> Row? {
        try query(sql, args).first
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back when it throws.
    /// IMMEDIATE takes the write lock up front, so two gateways on one database queue up on the busy
    /// timeout instead of failing with SQLITE_BUSY at commit.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

@available(*, unavailable)
extension Database: Sendable {}
