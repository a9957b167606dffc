/// One thing wrong in a form or catalog file, with where it is and how to fix it.
///
/// Printed by `blether forms check` as `file:line: what is wrong — how to fix it`.
public struct FormProblem: Error, Sendable, Equatable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let message: String
    public let fix: String

    public init(file: String, line: Int, _ message: String, fix: String) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "\(file):\(line): \(message) — \(fix)"
    }

    public static func < (lhs: FormProblem, rhs: FormProblem) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}
