/// Schema migrations, applied in order and recorded in `PRAGMA user_version`.
/// Never edit a migration once it has shipped: add a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
}

public enum Migrator {
    /// Applies every migration newer than the database's `user_version`, each in its own transaction.
    /// - Returns: the versions applied.
    @discardableResult
    public static func migrate(_ db: Database, _ migrations: [Migration] = Schema.migrations) throws -> [Int] {
        let current = try db.first("PRAGMA user_version")?.int(0) ?? 0
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > current {
            try db.transaction {
                try db.execute(migration.sql)
                try db.execute("PRAGMA user_version = \(migration.version)")
            }
            applied.append(migration.version)
        }
        return applied
    }

    public static func version(_ db: Database) throws -> Int {
        try db.first("PRAGMA user_version")?.int(0) ?? 0
    }
}
