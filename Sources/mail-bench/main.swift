// mail-bench: how fast the Mail module reads mail, and whether its memory stays flat.
//
//     mail-bench DIR [COUNT]
//
// Loads every DIR/*.eml, then parses COUNT mails (default 10,000; the corpus repeated) and reads what a
// gateway reads of each: subject, From, date, the body text and every attachment's name, type and decoded
// bytes. Prints key=value lines for scripts/bench-parse, which runs Python's email package over the same
// corpus in the same run. Peak RSS (getrusage) after 1,000 and after COUNT mails shows whether memory grows
// with the number of mails.
import Foundation
import Mail

#if canImport(Glibc)
    import Glibc
#endif

func peakRSSKilobytes() -> Int {
    var usage = rusage()
    // getrusage(2): "ru_maxrss (since Linux 2.6.32) This is the maximum resident set size used (in kilobytes)."
    #if os(Linux)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return -1 }
    return usage.ru_maxrss
}

/// Reads a mail as the gateway would; returns a number derived from what it read, so nothing is optimised away.
func read(_ bytes: [UInt8]) -> Int? {
    guard let m = try? Message.parse(bytes) else { return nil }
    var sum = m.subject.utf8.count &+ (m.from.first?.address.utf8.count ?? 0) &+ m.text.utf8.count
    sum &+= Int(m.date?.timeIntervalSince1970 ?? 0)
    for a in m.attachments {
        sum &+= a.data.count &+ (a.filename?.utf8.count ?? 0) &+ a.contentType.utf8.count
    }
    return sum
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, arguments.count <= 3, arguments.count == 2 || Int(arguments[2]) != nil else {
    FileHandle.standardError.write(Data("usage: mail-bench DIR [COUNT]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let count = arguments.count == 3 ? max(1, Int(arguments[2]) ?? 10_000) : 10_000
let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    .filter { $0.hasSuffix(".eml") }.sorted()
let corpus: [[UInt8]] = names.compactMap { name in
    (try? Data(contentsOf: directory.appendingPathComponent(name))).map { [UInt8]($0) }
}
guard !corpus.isEmpty else {
    FileHandle.standardError.write(Data("mail-bench: no .eml files in \(directory.path)\n".utf8))
    exit(1)
}

// Warm up: every mail once (charset converters, lazily built tables).
var sink = 0
for bytes in corpus { sink &+= read(bytes) ?? 0 }

var failures = 0
var totalBytes = 0
var rssAfter1000 = 0
let clock = ContinuousClock()
let start = clock.now
for i in 0..<count {
    let bytes = corpus[i % corpus.count]
    totalBytes += bytes.count
    if let s = read(bytes) { sink &+= s } else { failures += 1 }
    if i == 999 { rssAfter1000 = peakRSSKilobytes() }
}
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let rssAfterAll = peakRSSKilobytes()

print("MAILS=\(count)")
print("CORPUS_FILES=\(corpus.count)")
print("BYTES=\(totalBytes)")
print("SECONDS=\(seconds)")
print("FAILURES=\(failures)")
print("RSS_KB_AFTER_1000=\(rssAfter1000 == 0 ? peakRSSKilobytes() : rssAfter1000)")
print("RSS_KB_AFTER_ALL=\(rssAfterAll)")
print("CHECKSUM=\(sink)")
