import BletherCore
import BletherForms
import Foundation

/// A form file read as `blether forms check` reads it: every problem must name this file
/// and a line that is in it, and every form that loads must be walkable.
enum FormReaderFuzzing {
    static func run(_ data: Data, scratch: FuzzScratch) {
        let url = scratch.write(data, as: "forms/fuzz.yaml")
        let library = FormLibrary.load(formFiles: [url], catalogFiles: [], isPartial: true)
        checkProblems(library.problems, data: data)
        for loaded in library.forms {
            let form = loaded.form
            let evaluator = ConditionEvaluator(form: form, answers: [:])
            for question in form.allQuestions {
                for condition in [question.relevant, question.constraint].compactMap({ $0 }) {
                    _ = condition.questionReferences
                    _ = evaluator.holds(condition)
                }
            }
        }
    }

    /// Lines as YAML counts them: a line ends at LF, CR, CR LF, NEL, LS or PS.
    static func yamlLineCount(_ data: Data) -> Int {
        var lines = 1
        var afterCR = false
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": if !afterCR { lines += 1 }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": lines += 1
            default: break
            }
            afterCR = scalar == "\r"
        }
        return lines
    }

    /// Problems name the file read and a line within it (or the line after its last).
    static func checkProblems(_ problems: [FormProblem], data: Data) {
        let lines = yamlLineCount(data)
        for problem in problems {
            fuzzPromise(problem.line >= 1 && problem.line <= lines + 1, "\(problem) names line \(problem.line) of a file of \(lines) lines")
            fuzzPromise(!problem.message.isEmpty && !problem.fix.isEmpty, "a problem without words: \(problem)")
        }
    }
}
