import BletherCore
import BletherForms
import Foundation
import Testing

/// A file that cannot be read or written is said in one sentence, in the user's language, with
/// the path and how to put it right — never Foundation's own words (`NSCocoaErrorDomain`).
@Suite struct FileProblemTests {
    let library = FormLibrary.load(from: FormFixture.shipped)
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blether-file-problems-\(UUID().uuidString)")

    func sentence(_ problem: FileProblem, language: String = "en-GB") throws -> String {
        try #require(library.catalog(language: language)).text(for: problem)
    }

    @Test func aMissingFileIsNamedWithHowToFindIt() throws {
        let missing = scratch.appendingPathComponent("rhona-key.json")
        let error = try #require(throws: (any Error).self) { try Data(contentsOf: missing) }
        let problem = FileProblem(path: missing.path, action: .reading, error: error)
        #expect(problem.kind == .missing)
        #expect(try sentence(problem) == "\(missing.path) does not exist. Check the name and the folder it is in, and try again.")
    }

    @Test func writingIntoAFolderThatDoesNotExistSaysToMakeIt() throws {
        let target = scratch.appendingPathComponent("no-such-folder/copy.txt")
        let error = try #require(throws: (any Error).self) { try Data("x".utf8).write(to: target, options: .atomic) }
        let problem = FileProblem(path: target.path, action: .writing, error: error)
        #expect(problem.kind == .folderMissing)
        let said = try sentence(problem)
        #expect(said.contains("mkdir -p \(scratch.path)/no-such-folder") && said.hasPrefix(target.path), "\(said)")
    }

    @Test func aFileWhereAFolderShouldBeIsSaid() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let blocker = scratch.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let error = try #require(throws: (any Error).self) { try Data("x".utf8).write(to: blocker.appendingPathComponent("copy.txt")) }
        #expect(FileProblem(path: blocker.path + "/copy.txt", action: .writing, error: error).kind == .notAFolder)
    }

    /// Foundation's codes as Linux throws them: 513 is a folder this user may not write
    /// (root may write anywhere, so it is given here as Foundation gives it).
    @Test(arguments: [
        (CocoaError.fileWriteNoPermission.rawValue, FileProblem.Action.writing, FileProblem.Kind.noPermission),
        (CocoaError.fileReadNoPermission.rawValue, .reading, .noPermission),
        (CocoaError.fileWriteOutOfSpace.rawValue, .writing, .diskFull),
        (CocoaError.fileWriteVolumeReadOnly.rawValue, .writing, .readOnlyDisk),
        (CocoaError.fileReadNoSuchFile.rawValue, .reading, .missing),
        (CocoaError.fileNoSuchFile.rawValue, .writing, .folderMissing),
    ])
    func foundationsCodesBecomeKinds(code: Int, action: FileProblem.Action, kind: FileProblem.Kind) {
        let error = NSError(domain: NSCocoaErrorDomain, code: code, userInfo: [NSFilePathErrorKey: "/srv/blether"])
        #expect(FileProblem(path: "/srv/blether", action: action, error: error).kind == kind)
    }

    @Test func code513IsSaidWithoutFoundationsWordsInEveryLanguage() throws {
        let error = NSError(domain: NSCocoaErrorDomain, code: 513, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        let problem = FileProblem(path: "/srv/blether/keys/signing-key.json", action: .writing, error: error)
        for language in ["en-GB", "gd", "pl", "zh-Hans", "ur"] {
            let said = try sentence(problem, language: language)
            #expect(said.contains("/srv/blether/keys/signing-key.json") && said.contains("ls -ld /srv/blether/keys"), "\(language): \(said)")
            #expect(!said.contains("NSCocoaErrorDomain") && !said.contains("Code=") && !said.contains("{"), "\(language): \(said)")
        }
        #expect(try sentence(problem) == "You are not allowed to write /srv/blether/keys/signing-key.json. Choose a folder of your own, or check who may write in /srv/blether/keys (ls -ld /srv/blether/keys).")
    }

    @Test func anyOtherSystemErrorKeepsOnlyItsShortReason() throws {
        let problem = FileProblem(path: "/mnt/usb/copy.txt", action: .writing, errno: EIO)
        #expect(try sentence(problem) == "/mnt/usb/copy.txt could not be written (Input/output error). Check the place, and try again.")
    }
}
