import BletherCore

/// One thing wrong in a form or catalog file, with where it is and how to fix it.
///
/// Printed by `blether forms check` as `file:line: what is wrong — how to fix it`.
///
/// ```swift
/// FormProblem(file: "forms/a.yaml", line: 3, "the form has no version", fix: "add 'version: 1'").description
/// ```
package struct FormProblem: Error, Sendable, Equatable, CustomStringConvertible, Comparable {
    package let file: String
    package let line: Int
    package let message: String
    package let fix: String
    /// Set for a file refused whole (``FormRefusal``), whose words come from the catalogs.
    package let refusal: FormRefusal?

    package init(file: String, line: Int, _ message: String, fix: String) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
        refusal = nil
    }

    /// A refusal, said in English until ``description(in:)`` gives it a catalog.
    package init(file: String, line: Int, refusal: FormRefusal) {
        self.file = file
        self.line = line
        let words = refusal.words(in: nil)
        message = words.message
        fix = words.fix
        self.refusal = refusal
    }

    package var description: String {
        "\(file):\(line): \(message) — \(fix)"
    }

    /// The problem in `catalog`'s language where it has the words (refusals), else as written.
    package func description(in catalog: Catalog?) -> String {
        guard let refusal else { return description }
        let words = refusal.words(in: catalog)
        return "\(file):\(line): \(words.message) — \(words.fix)"
    }

    package static func < (lhs: FormProblem, rhs: FormProblem) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}
