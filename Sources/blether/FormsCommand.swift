import ArgumentParser
import BletherForms
import Foundation

/// `blether forms …`: work on forms and their translations.
struct FormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forms", abstract: "Check forms and their translations.",
                                                    subcommands: [FormsCheckCommand.self])
}

/// `blether forms check [PATH…]`: every problem as `file:line: what is wrong — how to fix it`.
struct FormsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check forms and catalogs; print file:line for every problem.",
        discussion: "With no paths, checks the forms and catalogs Blether uses. Exit 0 when clean, 1 when there are problems."
    )

    @ParentCommand var options: Blether

    @Argument(help: "Form files, catalog files, or directories of them.")
    var paths: [String] = []

    func run() throws {
        let environment = AppContext.processEnvironment
        let report = FormsCheck.run(paths: paths, shipped: ContentLocation.resolve(environment: environment),
                                    cache: AppContext.catalogCache(environment: environment))
        let language = options.lang ?? report.library.bestLanguage(for: environment["BLETHER_LANG"] ?? environment["LC_ALL"] ?? environment["LANG"])
        print(report.lines(language: language).joined(separator: "\n"))
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
