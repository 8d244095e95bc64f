import Foundation
import Gateway
import Synchronization
import Transport

// SIGTERM / SIGINT: finish the mail at hand, then exit 0 (DESIGN.md `dapgate run`).
// The handler only stores to an atomic, which is async-signal-safe.
let stopRequested = Atomic<Bool>(false)

Curl.globalInit()
signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
signal(SIGPIPE, SIG_IGN)

var commands = Commands(arguments: Array(CommandLine.arguments.dropFirst()),
                        environment: ProcessInfo.processInfo.environment)
commands.stop = { stopRequested.load(ordering: .relaxed) }
exit(commands.run())
