import BletherCore
import BletherRecords
import Foundation
import Testing

/// The copy in the formats a person may ask for, made with the machine's packages: the PDF
/// (headless Chromium) has pages with print on them, the braille (liblouis) reads back to the
/// words it was made from, the audio (espeak-ng) is sound that grows with the text. Each test
/// runs its tool once or twice, on small documents where it can.
@Suite struct CopyFormatsTests {
    /// A small document with a heading, a paragraph, an answer and a list.
    static func small(_ paragraph: String = "We talked about what matters to you.") -> Document {
        Document(sections: [
            DocumentSection(heading: DocumentHeading(level: 1, text: "Your assessment record"), blocks: [.paragraph(.inserted("Morag Campbell"))]),
            DocumentSection(heading: DocumentHeading(level: 2, text: "What matters to you"), blocks: [
                .paragraph(DocumentText(paragraph)),
                .answer(AttributedAnswer(question: "What matters to you?", body: .text([.inserted("Singing in the choir on a Thursday.")]), by: "you said")),
                .list(DocumentList(items: [DocumentItem("Ann, your daughter, does the shopping on Saturdays")])),
            ]),
        ])
    }

    static func run(_ tool: String, _ arguments: [String], input: String = "") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blether-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("in")
        try Data(input.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardInput = try FileHandle(forReadingFrom: file)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The words of a text, lower case, letters only: what a braille reader reads.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    // MARK: large print and PDF

    @Test func theLargePrintPDFOfAWholeRecordHasPagesWithPrintOnThem() throws {
        let copy = try RecordCopyTests().copy(language: "en-GB")
        let pdf = try copy.made(.pdf).data
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blether-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try pdf.write(to: folder.appendingPathComponent("copy.pdf"))
        // Rendered as pdftoppm renders it, in grey (PGM, which a test reads without a PNG decoder).
        _ = try Self.run("pdftoppm", ["-r", "20", "-gray", folder.appendingPathComponent("copy.pdf").path, folder.appendingPathComponent("page").path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }.sorted()
        #expect(pages.count >= 5, "a whole record in 18 pt runs to many pages: \(pages)")
        for page in pages {
            let image = try Data(contentsOf: folder.appendingPathComponent(page))
            // P5 header: magic, width, height, maximum, each followed by white space; then one byte a pixel.
            let header = try #require(String(decoding: image.prefix(40), as: UTF8.self).firstMatch(of: /^P5\s+(\d+)\s+(\d+)\s+255\s/))
            let pixels = image.suffix(Int(header.1)! * Int(header.2)!)
            let dark = pixels.filter { $0 < 128 }.count
            // A page's last lines may be few (the summary ends part-way down a page); none is blank.
            #expect(Double(dark) / Double(pixels.count) > 0.001, "\(page) is blank: \(dark) dark pixels")
        }
    }

    @Test func largePrintHTMLIsMadeFromTheCopysDocumentInItsLanguage() throws {
        let copy = try RecordCopyTests().copy(language: "gd")
        let page = String(decoding: try copy.made(.largePrint).data, as: UTF8.self)
        #expect(page.contains("<html lang=\"gd\" dir=\"ltr\">") && page.contains("font-size: 18pt"))
        #expect(page.contains(DocumentHTML(copy.document(for: .largePrint)).body))
    }

    // MARK: braille

    @Test func braillePagesAreFortyCellsByTwentyFiveLinesAndReadBackToTheirWords() throws {
        // A paragraph long enough to run over a line many times, and over a page.
        let long = Array(repeating: "We talked about what matters to you, and about the people who help you every week.", count: 14).joined(separator: " ")
        let document = Self.small(long)
        let brf = try BrailleCopy(document, language: "en-GB").make()
        let text = String(decoding: brf, as: UTF8.self)
        #expect(brf.allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x0C || (0x20...0x7E).contains($0) }, "BRF is ASCII braille")
        let pages = text.components(separatedBy: "\u{0C}")
        #expect(pages.count >= 2)
        for page in pages {
            let lines = page.components(separatedBy: "\r\n").dropLast()
            #expect(lines.count <= 25 && page.hasSuffix("\r\n"))
            for line in lines { #expect(line.count <= 40 && !line.contains("\r") && !line.contains("\n"), "\(line)") }
        }
        // Back through liblouis, the same table, line by line: the words the document holds.
        let lines = pages.flatMap { $0.components(separatedBy: "\r\n") }.map { $0.replacingOccurrences(of: "\\", with: "\\\\") }
        let back = try Self.run("lou_translate", ["--backward", BrailleTable.best(for: "en-GB").tables], input: lines.joined(separator: "\n") + "\n")
        #expect(Self.words(back) == Self.words(document.text), "\(back)")
    }

    @Test func theWholeRecordInGradeTwoBrailleReadsBackToItsWords() throws {
        let copy = try RecordCopyTests().copy(language: "en-GB")
        let brf = String(decoding: try copy.made(.braille).data, as: UTF8.self)
        let lines = brf.replacingOccurrences(of: "\u{0C}", with: "").components(separatedBy: "\r\n").map { $0.replacingOccurrences(of: "\\", with: "\\\\") }
        // Grade 2 is contracted: ",:AT" is "what", "3V]SA;N" is "conversation".
        #expect(brf.contains(",:AT") && brf.contains("3V]SA;N"))
        let back = Self.words(try Self.run("lou_translate", ["--backward", BrailleTable.best(for: "en-GB").tables], input: lines.joined(separator: "\n")))
        let source = Self.words(copy.document.text)
        // A few contractions read back as another word ("ab" for "about"); everything else is the same words.
        let same = zip(back, source).filter { $0 == $1 }.count
        #expect(back.count == source.count && Double(same) / Double(source.count) > 0.99, "\(same) of \(source.count)")
    }

    @Test func eachLanguageHasItsBestTableAndGaelicSaysItFallsBack() throws {
        #expect(BrailleTable.best(for: "en-GB").name == "en-ueb-g2.ctb" && !BrailleTable.best(for: "en-GB").isFallback)
        #expect(BrailleTable.best(for: "pl").name == "Pl-Pl-g1.utb" && BrailleTable.best(for: "zh-Hans").name == "zhcn-g1.ctb")
        #expect(BrailleTable.best(for: "ur").name == "ur-pk-g2.ctb" && BrailleTable.best(for: "gd").isFallback)
        for language in ["en-GB", "gd", "pl", "zh-Hans", "ur"] {
            let table = BrailleTable.best(for: language)
            for file in table.tables.split(separator: ",") {
                #expect(FileManager.default.fileExists(atPath: "/usr/share/liblouis/tables/\(file)"), "\(file) for \(language)")
            }
        }
        // Gaelic's accented letters and Polish letters survive the trip.
        let gaelic = Document(sections: [DocumentSection(blocks: [.paragraph("Dè a tha cudromach dhut? Seinn aig a' chòisir.")])])
        let back = try Self.run("lou_translate", ["--backward", BrailleTable.best(for: "gd").tables],
                                input: String(decoding: try BrailleCopy(gaelic, language: "gd").make(), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(back.split(whereSeparator: \.isWhitespace).joined(separator: " ") == "Dè a tha cudromach dhut? Seinn aig a' chòisir.")
        let polish = Document(sections: [DocumentSection(blocks: [.paragraph("Co jest dla ciebie ważne? Śpiew w chórze.")])])
        let backPolish = try Self.run("lou_translate", ["--backward", BrailleTable.best(for: "pl").tables],
                                      input: String(decoding: try BrailleCopy(polish, language: "pl").make(), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(Self.words(backPolish) == Self.words("Co jest dla ciebie ważne? Śpiew w chórze."), "\(backPolish)")
    }

    /// A copy in Urdu holds Latin punctuation too (times, ids, the dash of an empty answer, a
    /// web address): each is a braille sign, never liblouis's escape for an undefined character.
    @Test func latinPunctuationInAnUrduCopyIsBrailleNotEscapes() throws {
        let document = Document(sections: [DocumentSection(blocks: [
            .paragraph("آپ کے لیے کیا اہم ہے؟ Morag (14:05) — a/b <c> d. e, f; g! h? \"i\" 'j' [k] {l} 50% m&n x+y=z ~_`|^ @ #1 *"),
        ])])
        let brf = String(decoding: try BrailleCopy(document, language: "ur").make(), as: UTF8.self)
        #expect(!brf.contains("'?X") && !brf.contains("?X") && !brf.uppercased().contains("XJJ"), "\(brf)")
    }

    @Test func aLineLongerThanLouTranslateTakesAndABackslashAreKeptWhole() throws {
        let long = Array(repeating: "choir", count: 900).joined(separator: " ") + " a\\b"
        let brf = String(decoding: try BrailleCopy(Self.small(long), language: "en-GB").make(), as: UTF8.self)
        let lines = brf.replacingOccurrences(of: "\u{0C}", with: "").components(separatedBy: "\r\n").map { $0.replacingOccurrences(of: "\\", with: "\\\\") }
        let back = try Self.run("lou_translate", ["--backward", BrailleTable.best(for: "en-GB").tables], input: lines.joined(separator: "\n"))
        // 900 in the paragraph, and the answer's "Singing in the choir".
        #expect(Self.words(back).filter { $0 == "choir" }.count == 901 && back.contains("a\\b"), "\(back.suffix(200))")
    }

    /// Isolates and other bidi controls around a name are for screens: braille is made without
    /// them, and reads back to the name and nothing else.
    @Test func bidiControlsAroundANameAreNotSpelledInBraille() throws {
        let document = Document(sections: [DocumentSection(blocks: [
            .paragraph("Name: " + .inserted("\u{2068}Morag Campbell\u{2069}")),
            .paragraph(DocumentText("Said by ") + .inserted("\u{202B}Ann\u{202C} \u{200F}and\u{200E} \u{2066}Jo\u{2069}\u{061C}")),
        ])])
        let brf = String(decoding: try BrailleCopy(document, language: "en-GB").make(), as: UTF8.self)
        #expect(!brf.contains("?") && !brf.lowercased().contains("x20") && !brf.contains("\\"), "\(brf)")
        let back = try Self.run("lou_translate", ["--backward", BrailleTable.best(for: "en-GB").tables],
                                input: brf.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(Self.words(back) == ["name", "morag", "campbell", "said", "by", "ann", "and", "jo"], "\(back)")
        #expect(BrailleCopy.brailleInput("Name: \u{2068}Morag\u{2069}\tx") == "Name: Morag x")
    }

    // MARK: audio

    /// The samples of a 16-bit mono WAV file's data chunk.
    static func samples(_ wav: Data) throws -> [Int16] {
        let bytes = [UInt8](wav)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<12]) == Array("WAVE".utf8))
        var at = 12
        while at + 8 <= bytes.count {
            let size = Int(bytes[at + 4]) | Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]) << 16 | Int(bytes[at + 7]) << 24
            if Array(bytes[at..<at + 4]) == Array("data".utf8) {
                let end = min(bytes.count, at + 8 + size)
                return stride(from: at + 8, to: end - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
            }
            at += 8 + size + size % 2
        }
        Issue.record("no data chunk")
        return []
    }

    @Test func theSpokenCopyIsSoundThatGrowsWithTheText() throws {
        let short = try SpokenCopy(Self.small(), language: "en-GB").make()
        let long = try SpokenCopy(Self.small(Array(repeating: "We talked about the people who help you.", count: 6).joined(separator: " ")), language: "en-GB").make()
        #expect(short.voice == "en-gb" && !short.isFallback)
        let shortSamples = try Self.samples(short.wav)
        let longSamples = try Self.samples(long.wav)
        // Not silence: most of it is sound, and loud enough to hear.
        #expect(Double(shortSamples.filter { abs(Int($0)) > 500 }.count) / Double(shortSamples.count) > 0.2)
        #expect(shortSamples.map { abs(Int($0)) }.max()! > 5_000)
        // 22,050 samples a second: a few seconds for the short text, much more for the long.
        #expect(shortSamples.count > 22_050 * 3 && longSamples.count > shortSamples.count + 22_050 * 10,
                "\(shortSamples.count) then \(longSamples.count)")
    }

    @Test func eachLanguageIsSpokenInItsOwnVoiceAndAnotherFallsBackToEnglish() throws {
        #expect(SpokenCopy.voice(for: "zh-Hans") == "cmn" && SpokenCopy.voice(for: "en-GB") == "en-gb" && SpokenCopy.voice(for: "gd") == "gd")
        let polish = try SpokenCopy(Document(sections: [DocumentSection(blocks: [.paragraph("Co jest dla ciebie ważne?")])]), language: "pl").make()
        let polishSamples = try Self.samples(polish.wav)
        #expect(polish.voice == "pl" && !polish.isFallback && polishSamples.count > 22_050 / 2)
        // No catalog has this language yet, and espeak-ng has no voice by that name: English, said.
        let other = try SpokenCopy(Document(sections: [DocumentSection(blocks: [.paragraph("Hello")])]), language: "xx-Test").make()
        #expect(other.voice == "en-gb" && other.isFallback)
    }

    // MARK: what the record asks for

    @Test func theRecordedWishGivesItsFormatsAndLanguage() throws {
        var session = try RecordCopyTests().fullSession()
        let wish = try #require(RecordedCopyWish(session))
        #expect(wish.choices == ["large-print"] && wish.formats == [.largePrint, .pdf] && wish.languageAnswer == nil)
        _ = try session.handle(.answer(question: "copy-format", value: .choice("printed", other: nil)), at: Date())
        for (said, language) in [("Gaelic", "gd"), ("Scottish Gaelic please", "gd"), ("gàidhlig", "gd"), ("POLISH", "pl"), ("polski", "pl"),
                                 ("中文", "zh-Hans"), ("Chinese", "zh-Hans"), ("Urdu", "ur"), ("اردو", "ur"), ("English", "en-GB"), ("en-GB", "en-GB")] {
            _ = try session.handle(.answer(question: "copy-language", value: .text(said)), at: Date())
            let wish = try #require(RecordedCopyWish(session))
            #expect(wish.formats == [.text, .html])
            #expect(wish.language(among: ["en-GB", "gd", "pl", "ur", "zh-Hans"]) == language, "\(said)")
        }
        for unknown in ["Klingon", "the usual"] {
            _ = try session.handle(.answer(question: "copy-language", value: .text(unknown)), at: Date())
            #expect(RecordedCopyWish(session)?.language(among: ["en-GB", "gd", "pl", "ur", "zh-Hans"]) == nil, "\(unknown)")
        }
        _ = try session.handle(.answer(question: "copy-wanted", value: .yesNo(false)), at: Date())
        #expect(RecordedCopyWish(session) == nil)
    }

    /// "No copy" is an answer, apart from a record that does not say.
    @Test func aRecordSaysACopyIsWantedDeclinedOrNothing() throws {
        var session = try RecordCopyTests().fullSession()
        #expect(RecordedCopyAnswer(session).wish?.formats == [.largePrint, .pdf])
        _ = try session.handle(.answer(question: "copy-wanted", value: .yesNo(false)), at: Date())
        #expect(RecordedCopyAnswer(session) == .declined)
        _ = try session.handle(.clear(question: "copy-wanted"), at: Date())
        #expect(RecordedCopyAnswer(session) == .notRecorded)
    }

    @Test func everyRecordedChoiceGivesTheFormatsThatAnswerIt() {
        #expect(CopyFormat.wanted(byRecordedChoice: "printed") == [.text, .html])
        #expect(CopyFormat.wanted(byRecordedChoice: "large-print") == [.largePrint, .pdf])
        #expect(CopyFormat.wanted(byRecordedChoice: "easy-read") == [.easyRead])
        #expect(CopyFormat.wanted(byRecordedChoice: "email") == [.html])
        #expect(CopyFormat.wanted(byRecordedChoice: "audio") == [.audio] && CopyFormat.wanted(byRecordedChoice: "braille") == [.braille])
        #expect(CopyFormat.wanted(byRecordedChoice: "carrier-pigeon").isEmpty)
        #expect(Set(CopyFormat.allCases.map(\.fileName)).count == CopyFormat.allCases.count, "each format has a file of its own")
    }
}
