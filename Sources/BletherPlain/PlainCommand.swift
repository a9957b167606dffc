/// A `:command` typed at any plain-mode prompt.
enum PlainCommand: Equatable {
    case help, status, readBack, back, skip, next, nothing, quit, sign
    case jump(String)
    case who(String)
    case unknown(String)

    /// Reads a line that starts with `:`; `nil` for anything else.
    init?(line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":") else { return nil }
        let words = trimmed.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = words.first?.lowercased() ?? ""
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "help", "h", "?": self = .help
        case "status": self = .status
        case "readback": self = .readBack
        case "back": self = .back
        case "skip": self = .skip
        case "next": self = .next
        case "nothing": self = .nothing
        case "quit", "q": self = .quit
        case "sign": self = .sign
        case "jump": self = .jump(argument)
        case "who": self = .who(argument.lowercased())
        default: self = .unknown(trimmed)
        }
    }
}

import Foundation
