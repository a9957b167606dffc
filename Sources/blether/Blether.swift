import ArgumentParser

/// `blether`: guided good-conversation assessments.
struct Blether: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blether",
        abstract: "Guided good-conversation assessments for Self-directed Support.",
        discussion: """
            With no command, Blether opens its home: your conversations, and a new one. \
            Plain mode (--plain, TERM=dumb or BLETHER_PLAIN=1) asks one numbered question per line, \
            for screen readers, braille displays and scripts. Type :help at any prompt.

            Data directory: $BLETHER_HOME, else $XDG_DATA_HOME/blether, else ~/.local/share/blether.

            Forms: $BLETHER_FORMS (with locales/ beside it), else the forms shipped with Blether.

            Exit codes: 0 done, 1 something you can put right (the message says what), 2 wrong usage.
            """,
        subcommands: [OpenCommand.self, NewCommand.self, ResumeCommand.self, ListCommand.self, FormsCommand.self,
                      KeysCommand.self, SignCommand.self, CountersignCommand.self, DecideCommand.self, VerifyCommand.self, AuditCommand.self,
                      ExportCommand.self, ReviewCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    @Flag(name: .long, help: "Line-by-line prompts on standard input and output, without colour or cursor control.")
    var plain = false

    @Option(name: .long, help: "The language to use, such as en-GB or gd (default: from LANG).")
    var lang: String?

    @Flag(name: .long, help: "High-contrast theme: black and white with bold and reverse (also BLETHER_HIGH_CONTRAST=1; F5 or Ctrl-L in the program).")
    var highContrast = false

    @Flag(name: .long, help: "Plain ASCII drawing and punctuation, no box-drawing characters (also BLETHER_ASCII=1; F6 or Ctrl-Y in the program).")
    var ascii = false

    @Flag(name: .long, help: "Leave the mouse to the terminal, for selecting text: clicks and the wheel do nothing in Blether (also BLETHER_NO_MOUSE=1).")
    var noMouse = false

    /// Every command's name, as typed after `blether`.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName }
    }

    /// The first word of `arguments` that is neither an option nor an option's value, when it
    /// names no command: `blether frobnicate`. (Blether's own options take no value but `--lang`.)
    static func unknownCommand(in arguments: [String]) -> String? {
        var rest = arguments[...]
        while let word = rest.popFirst() {
            if word == "--" { return rest.first.flatMap { commandNames.contains($0) || $0 == "help" ? nil : $0 } }
            if word == "--lang" { _ = rest.popFirst(); continue }
            if word.hasPrefix("-") { continue }
            return commandNames.contains(word) || word == "help" ? nil : word
        }
        return nil
    }

    /// The `--lang` given before the command (the worker's language) and the one after it
    /// (for `export`, the copy's): `blether --lang pl export ID --lang gd` gives ("pl", "gd").
    /// ArgumentParser hands either to ``lang``, wherever it stands; export tells them apart here.
    static func languages(in arguments: [String]) -> (beforeCommand: String?, afterCommand: String?) {
        var before: String?
        var after: String?
        var command = false
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            var value: String?
            if word == "--lang", index + 1 < arguments.count {
                value = arguments[index + 1]
                index += 1
            } else if word.hasPrefix("--lang=") {
                value = String(word.dropFirst("--lang=".count))
            } else if !word.hasPrefix("-") {
                command = true
            }
            if let value {
                if command { after = value } else { before = value }
            }
            index += 1
        }
        return (before, after)
    }

    /// The language `--lang` asks for in `arguments`, if any: after `export`, `--lang` is the
    /// copy's language, not the worker's, so it is not read there.
    static func language(in arguments: [String]) -> String? {
        for (index, word) in arguments.enumerated() {
            if word == ExportCommand._commandName || word == "--" { return nil }
            if word == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
            if word.hasPrefix("--lang=") { return String(word.dropFirst("--lang=".count)) }
        }
        return nil
    }
}
