import Foundation
import Gateway
import Synchronization
import Transport

// SIGTERM / SIGINT: finish the mail at hand, then exit 0 (DESIGN.md `dapgate run`).
// The handler only stores to an atomic, which is async-signal-safe.
let stopRequested = Atomic<Bool>(false)

Curl.globalInit()
// A parent may hand us a blocked SIGTERM (the signal mask is inherited across exec; Foundation's Process
// and some supervisors do this): unblock what we handle, or `docker stop` would wait for SIGKILL.
var handled = sigset_t()
sigemptyset(&handled)
sigaddset(&handled, SIGTERM)
sigaddset(&handled, SIGINT)
sigprocmask(SIG_UNBLOCK, &handled, nil)
signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
signal(SIGPIPE, SIG_IGN)

var commands = Commands(arguments: Array(CommandLine.arguments.dropFirst()),
                        environment: ProcessInfo.processInfo.environment)
commands.stop = { stopRequested.load(ordering: .relaxed) }
exit(commands.run())
