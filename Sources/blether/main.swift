import ArgumentParser
import BletherCore
import BletherRecords
import Foundation

// Exit codes: 0 done, 1 a failure the message explains, 2 wrong usage.
CrashSignals.keepDebuggerAway(environment: AppContext.processEnvironment)
let arguments = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((BidiIsolation.safeText(message) + "\n").utf8))
    exit(code)
}
if let unknown = Blether.unknownCommand(in: arguments) {
    let catalog = AppContext.catalogOnly(environment: AppContext.processEnvironment, lang: Blether.language(in: arguments))
    fail(catalog.text(.usageUnknownCommand, ["command": unknown, "commands": Blether.commandNames.joined(separator: ", "),
                                             "blether": Invocation.current.command]), code: 2)
}
do {
    if arguments.isEmpty {
        // `blether` alone, as a worker starts it: the home, its first screen (the passphrase
        // prompt) drawn without first reading every command's options.
        try OpenCommand.open(try AppContext.load(plainFlag: false, lang: nil, display: AppContext.display()))
    } else {
        var command = try Blether.parseAsRoot(arguments)
        try command.run()
    }
} catch let failure as Failure {
    fail(failure.description, code: 1)
} catch let usage as UsageFailure {
    fail(usage.description, code: 2)
} catch {
    // A file that cannot be read or written is said in words, in the user's language.
    if let problem = (error as? FileProblem) ?? (error as? KeyStore.Problem)?.fileProblem {
        let catalog = AppContext.catalogOnly(environment: AppContext.processEnvironment, lang: Blether.language(in: arguments))
        fail(catalog.text(for: problem), code: 1)
    }
    let code = Blether.exitCode(for: error)
    if code == .validationFailure {
        fail(Blether.fullMessage(for: error), code: 2)
    }
    Blether.exit(withError: error)
}
