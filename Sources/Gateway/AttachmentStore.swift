import Foundation
import Mail

/// Attachments on disk, named by their SHA-256: `<folder>/ab/abcdef…`. The same file sent twice is
/// stored once; a file is written to a temporary name and renamed, so a crash never leaves half a file
/// under a final name. A file written for a transaction that then rolls back stays as an orphan, which
/// is harmless (it is found again by its hash).
public struct AttachmentStore: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public func path(sha256: String) -> String {
        "\(folder)/\(sha256.prefix(2))/\(sha256)"
    }

    /// Writes `data` unless a file with its hash is there; returns the hash.
    @discardableResult
    public func put(_ data: [UInt8]) throws -> String {
        let hash = SHA256.hex(data)
        let final = path(sha256: hash)
        let manager = FileManager.default
        if manager.fileExists(atPath: final) { return hash }
        let directory = (final as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = "\(directory)/.\(hash).\(getpid()).tmp"
        guard manager.createFile(atPath: temporary, contents: Data(data)) else {
            throw CommandError("cannot write attachment file \(temporary)")
        }
        if rename(temporary, final) != 0 {
            try? manager.removeItem(atPath: temporary)
            if !manager.fileExists(atPath: final) { throw CommandError("cannot store attachment \(final)") }
        }
        return hash
    }

    public func get(sha256: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(sha256: sha256)).map { Array($0) }
    }
}
