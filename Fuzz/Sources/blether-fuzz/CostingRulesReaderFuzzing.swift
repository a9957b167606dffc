import BletherCore
import BletherForms
import Foundation

/// A council's costing rules file, read beside a small form that has the questions the
/// shipped rules name, as `blether forms check` reads `forms/costing/`.
enum CostingRulesReaderFuzzing {
    static let form = """
        id: adult-good-conversation
        version: 1
        sections:
          - id: about
            questions:
              - id: decision-question
                kind: yesno
              - id: unpaid-carer
                kind: yesno
              - id: hours-per-week
                kind: number
                min: 0
                max: 168
              - id: needs
                kind: choices
                choices: [transport, meals]

        """

    static func run(_ data: Data, scratch: FuzzScratch) {
        let formURL = scratch.url("forms/adult-good-conversation.yaml")
        if !FileManager.default.fileExists(atPath: formURL.path) { _ = scratch.write(Data(form.utf8), as: "forms/adult-good-conversation.yaml") }
        let url = scratch.write(data, as: "forms/costing/fuzz.yaml")
        let library = FormLibrary.load(formFiles: [formURL], catalogFiles: [], costingFiles: [url], isPartial: true)
        FormReaderFuzzing.checkProblems(library.problems.filter { $0.file.hasSuffix("fuzz.yaml") }, data: data)
        for loaded in library.costingRules {
            for rule in loaded.rules.points {
                _ = rule.when?.questionReferences
            }
        }
    }
}
