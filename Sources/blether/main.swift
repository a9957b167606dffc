import ArgumentParser
import BletherCore
import Foundation

// Exit codes: 0 done, 1 a failure the message explains, 2 wrong usage.
CrashSignals.keepDebuggerAway(environment: ProcessInfo.processInfo.environment)
do {
    var command = try Blether.parseAsRoot()
    try command.run()
} catch let failure as Failure {
    FileHandle.standardError.write(Data((BidiIsolation.safeText(failure.description) + "\n").utf8))
    exit(1)
} catch {
    let code = Blether.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Blether.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Blether.exit(withError: error)
}
