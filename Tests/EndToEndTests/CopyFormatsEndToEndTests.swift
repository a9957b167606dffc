import BletherStore
import Foundation
import Testing

/// `blether export ID -o FOLDER` makes the copy the person asked for, in the language they
/// asked for it in, and the copy given is noted once, naming every format.
@Suite(.serialized) final class CopyFormatsEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-formats-\(UUID().uuidString)")
    let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("blether-formats-out-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: elsewhere)
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// A signed record whose person asked for a large-print copy in Gaelic ("Gaelic", as the worker wrote it).
    func signedRecordWantingLargePrint(_ worker: BletherProcess) throws -> String {
        var lines = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
            .components(separatedBy: "\n")
        // Line 93 answers "Would you like a copy of this record?"; then the form (2, large print) and the language.
        #expect(lines[91] == "Jo Advocate" && lines[92] == "no")
        lines.replaceSubrange(92...92, with: ["yes", "2", "Gaelic"])
        let signed = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: lines.joined(separator: "\n"))
        #expect(signed.output.contains("The record is signed: revision 1"), "\(signed.output.suffix(600))")
        return try #require(signed.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
    }

    @Test func exportWithNoFormatMakesEveryRecordedFormatInTheRecordedLanguage() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        let folder = elsewhere.appendingPathComponent("morag-copy").path
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let made = try worker.run(["export", id, "-o", folder, "--given"])
        #expect(made.status == 0, "\(made.errors)")
        #expect(try mode(folder) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["large-print.html", "large-print.pdf"])
        for name in ["large-print.html", "large-print.pdf"] { #expect(try mode(folder + "/" + name) == 0o600, "\(name)") }
        // In Gaelic, as the record asks, said in Gaelic.
        let page = try String(contentsOfFile: folder + "/large-print.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"gd\" dir=\"ltr\">") && page.contains("<h1>Am measadh agaibh, air aon duilleag</h1>") && page.contains("An clàr slàn</h") && page.contains("font-size: 18pt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/large-print.pdf")).starts(with: Data("%PDF-".utf8)))
        #expect(made.errors.contains("Tha an lethbhreac ann an Gàidhlig, mar a dh'iarr an clàr."), "\(made.errors)")
        // The copy given is one event, naming every format made, the language and the revision.
        let given = try worker.run(["audit", id]).output.split(separator: "\n").filter { $0.contains("copy-given") }
        #expect(given.count == 1 && given[0].contains("large-print,pdf gd revision 1 "), "\(given)")

        // A format by name still goes to standard output or one file.
        let braille = try worker.run(["export", id, "--format", "braille", "--lang", "en-GB"])
        // The summary page first, then the full record.
        #expect(braille.status == 0 && braille.output.contains(",YR ASSESS;T1 ON \"O PAGE") && braille.output.contains(",! FULL RECORD"), "\(braille.errors)")

        // With no tools on the PATH, the PDF is not made, the package is named, and the page still is.
        try FileManager.default.removeItem(atPath: folder)
        var bare = worker
        bare.extraEnvironment["PATH"] = "/nonexistent"
        let without = try bare.run(["export", id, "-o", folder, "--lang", "en-GB"])
        #expect(without.status == 1)
        #expect(without.errors.contains("chromium") && without.errors.contains("sudo apt-get install chromium"), "\(without.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["large-print.html"])
        let exported = try worker.run(["audit", id]).output.split(separator: "\n").filter { $0.contains(" exported ") }
        #expect(exported.last?.contains("large-print en-GB revision 1 ") == true, "only what was made is noted: \(exported)")
    }

    @Test func aFolderIsNeededAndNeverInsideTheDataDirectory() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        let none = try worker.run(["export", id, "--lang", "en-GB"])
        #expect(none.status == 2 && none.errors.contains("name it with -o FOLDER"), "\(none.errors)")
        let inside = home.appendingPathComponent("copies").path
        let refused = try worker.run(["export", id, "-o", inside, "--lang", "en-GB"])
        #expect(refused.status == 1 && refused.errors.contains("is inside the folder where Blether keeps the sealed records and keys"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: inside))
        // Nor through a link that leads there.
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = elsewhere.appendingPathComponent("link-to-home").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: home.path)
        #expect(try worker.run(["export", id, "-o", link]).status == 1)
        // A link left in an ordinary folder under a copy's name never leads the copy over the database.
        let folder = elsewhere.appendingPathComponent("trap").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/large-print.html", withDestinationPath: home.appendingPathComponent(ConversationStore.fileName).path)
        // (No tools on the PATH: the PDF is not the point here, and Chromium is slow to start.)
        var bare = worker
        bare.extraEnvironment["PATH"] = "/nonexistent"
        let trapped = try bare.run(["export", id, "-o", folder, "--lang", "en-GB"])
        #expect(trapped.status == 1 && trapped.errors.contains("is one of the files in which Blether keeps the sealed records and keys"), "\(trapped.errors)")
        #expect(try Data(contentsOf: home.appendingPathComponent(ConversationStore.fileName)).starts(with: Data("SQLite format 3".utf8)))
        #expect(try worker.run(["verify", id]).status == 0)
        // A shared folder is made the worker's alone, and a link to another of the worker's files left
        // under a copy's name is replaced by the copy, never followed.
        let shared = elsewhere.appendingPathComponent("shared").path
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        let victim = elsewhere.appendingPathComponent("victim.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: shared + "/large-print.html", withDestinationPath: victim)
        _ = try bare.run(["export", id, "-o", shared, "--lang", "en-GB"])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me", "the linked file is untouched")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: shared + "/large-print.html")) == nil, "the link itself is gone")
        #expect(try String(contentsOfFile: shared + "/large-print.html", encoding: .utf8).contains("<html"))
        #expect(try mode(shared) == 0o700)
        // A file is not a folder.
        let file = elsewhere.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notFolder = try worker.run(["export", id, "-o", file, "--lang", "en-GB"])
        #expect(notFolder.status == 1 && notFolder.errors.contains("is a file, not a folder"), "\(notFolder.errors)")
    }
}
