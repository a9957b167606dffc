import Foundation
import Testing

/// A form nested thousands deep once crashed `forms check` and `new` with a stack
/// overflow (exit 139); now both refuse it and say where, with exit 1.
@Suite(.serialized) final class DeepFormsEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-deep-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: home) }

    /// A copy of the shipped forms whose outcomes review has `relevant` set to `condition`;
    /// returns the file and the line of that `relevant`.
    func formWith(relevant condition: String) throws -> (file: URL, line: Int) {
        let forms = home.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        let original = FormFixtureFiles.shipped.formsDirectory.appendingPathComponent("outcomes-review.yaml")
        let text = try String(contentsOf: original, encoding: .utf8)
            .replacingOccurrences(of: "relevant: people-changed = yes", with: "relevant: \(condition)")
        let file = forms.appendingPathComponent("outcomes-review.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("relevant: ") && $0.count > 1_000 }! + 1
        return (file, line)
    }

    @Test(arguments: [
        String(repeating: "(", count: 5_000) + "people-changed = yes" + String(repeating: ")", count: 5_000),
        String(repeating: "not ", count: 5_000) + "people-changed = yes",
    ])
    func formsCheckRefusesAConditionFiveThousandDeep(condition: String) throws {
        let (file, line) = try formWith(relevant: condition)
        let result = try BletherProcess(home: home, withKey: false).run(["forms", "check", file.path])
        #expect(result.status == 1, "\(result.errors)")
        #expect(result.output.contains("\(file.path):\(line): too deeply nested — relevant goes more than 100 deep"), "\(result.output.suffix(600))")
    }

    @Test func newRefusesToStartOnSuchAFormAndSaysToRunFormsCheck() throws {
        let (file, _) = try formWith(relevant: String(repeating: "not ", count: 5_000) + "people-changed = yes")
        // The forms are read, and refused, before any key or passphrase is asked for.
        var blether = BletherProcess(home: home, withKey: false)
        blether.extraEnvironment["BLETHER_FORMS"] = file.deletingLastPathComponent().path
        blether.extraEnvironment["BLETHER_LOCALES"] = FormFixtureFiles.shipped.localesDirectory.path
        let result = try blether.run(["--plain", "new", "--form", "outcomes-review", "--person", "Morag Campbell"])
        #expect(result.status == 1)
        #expect(result.errors.contains("blether forms check"))
    }

    @Test func formsCheckSpeaksTheChosenLanguage() throws {
        let (file, line) = try formWith(relevant: String(repeating: "not ", count: 5_000) + "people-changed = yes")
        let result = try BletherProcess(home: home, withKey: false).run(["--lang", "gd", "forms", "check", file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("\(file.path):\(line): neadaichte ro dhomhainn — "), "\(result.output.suffix(600))")
    }
}
