import BletherCore
import BletherForms
import BletherRecords
import BletherTestSupport
import Foundation
import Testing

/// The one-page summary that opens the person's copy, and its easy-read version: compared with
/// golden files (`BLETHER_UPDATE_SNAPSHOTS=1` writes them afresh after a deliberate change), and
/// checked for whose words each answer was, dates in words, parts left out, and isolation.
@Suite struct PersonSummaryTests {
    let copies = RecordCopyTests()

    /// Every date a reader could meet written as digits: 2027-03-01 or 01/03/2027.
    static var digitDate: Regex<Substring> { /\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/ }

    @Test(arguments: ["en-GB", "gd"])
    func theSummaryPageMatchesItsGoldenFile(language: String) throws {
        let copy = try copies.copy(language: language)
        let text = copy.text(of: copy.personSummary)
        try copies.expectGolden(text, named: "summary-\(language).txt", fingerprint: "(no fingerprint on the summary)")
        #expect(copy.text.hasPrefix(text), "the copy opens with the summary page")
    }

    @Test func theEasyReadSummaryMatchesItsGoldenFiles() throws {
        let copy = try copies.copy(language: "en-GB")
        try copies.expectGolden(copy.text(of: copy.easyRead), named: "easy-read-en-GB.txt", fingerprint: KeyIdentity.fingerprint(of: copy.content.revisionID))
        try copies.expectGolden(copy.html(of: copy.easyRead), named: "easy-read-en-GB.html", fingerprint: KeyIdentity.fingerprint(of: copy.content.revisionID))
    }

    /// The copy: the summary, then the full record under its own heading, and nowhere "(the person)".
    @Test func theCopyOpensWithTheSummaryThenTheFullRecord() throws {
        let copy = try copies.copy(language: "en-GB")
        let text = copy.text
        let summary = try #require(text.range(of: "Your assessment, on one page\n"))
        let full = try #require(text.range(of: "The full record\n===============\n"))
        #expect(summary.lowerBound == text.startIndex && summary.upperBound < full.lowerBound)
        #expect(!text.contains("(the person)") && !copy.html.contains("(the person)"))
        #expect(!text.contains("the worker (summary)"))
        #expect(copy.html.contains("<h1>Your assessment, on one page</h1>") && copy.html.contains("<h1>The full record</h1>"))
    }

    /// "You said", "your carer said", the worker and an advocate by the names their signatures give.
    @Test func eachAnswerSaysWhoseWordsItWasToThePerson() throws {
        var session = try copies.fullSession()
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try session.handle(.jump(section: "what-matters"), at: at)
        _ = try session.handle(.setSpeaker(.carer), at: at)
        _ = try session.handle(.answer(question: "good-life", value: .text("She is happiest with people around her.")), at: at)
        _ = try session.handle(.setSpeaker(.advocate), at: at)
        _ = try session.handle(.answer(question: "themes", value: .choices(["seeing-people"], other: nil)), at: at)
        let envelope = try copies.countersigned(try copies.signed(language: "en-GB", session: session))
        let revision = try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity, copies.advocate.identity])
        let copy = RecordCopy(revision: revision, earlier: [], words: copies.words("en-GB"))
        let text = copies.flat(copy.text(of: copy.personSummary))
        #expect(text.contains("In your own words, what matters most to you? Seeing my grandchildren, and singing in the choir on a Thursday. You said this."))
        #expect(text.contains("She is happiest with people around her. Your carer said this."))
        #expect(text.contains("Seeing people I care about Jo Advocate, your advocate, said this."), "\(text)")
        #expect(text.contains("call Example Council on 0300 123 4567 and ask for Ailsa Grant, your worker."))
        // In the full record, the worker's own answers are theirs, by the name their signature gives.
        #expect(copies.flat(copy.text).contains("Has independent advice or advocacy been offered? yes Ailsa Grant, your worker, wrote this."))
        // Easy read names who said it only when it was not the person.
        let easy = copy.text(of: copy.easyRead)
        #expect(easy.contains("[picture: said] She is happiest with people around her.\n[picture: said-by] Your carer said this."))
        #expect(!easy.contains("You said this."))
    }

    /// Without a signature naming them, the worker is "your worker"; an unsigned name is never used.
    @Test func aNameComesOnlyFromASignature() throws {
        let session = try copies.fullSession()
        let summary = PersonSummary(session: session, words: copies.words("en-GB"), person: "Morag Campbell")
        let text = copies.flat(DocumentWrappedText(summary.document, width: 72).text)
        #expect(text.contains("If you want to talk before then, call Example Council on 0300 123 4567 and ask for your worker."))
        #expect(!text.contains("Ailsa Grant"))
        // A reviewer the record names is the one to contact.
        var named = session
        _ = try named.handle(.answer(question: "reviewer", value: .text("Catriona MacLeod")), at: Date(timeIntervalSince1970: 1_800_000_000))
        let withReviewer = PersonSummary(session: named, words: copies.words("en-GB"), person: "Morag Campbell")
        #expect(copies.flat(DocumentWrappedText(withReviewer.document, width: 72).text).contains("ask for Catriona MacLeod."))
    }

    /// Every date on the summary and the easy read is in words, in the copy's language.
    @Test(arguments: ["en-GB", "gd", "pl", "zh-Hans", "ur"])
    func datesAreInWords(language: String) throws {
        let copy = try copies.copy(language: language)
        for document in [copy.personSummary, copy.easyRead] {
            let text = copies.flat(copy.text(of: document))
            #expect(text.firstMatch(of: PersonSummaryTests.digitDate) == nil, "\(text)")
            #expect(text.contains(copies.flat(DateInWords.text(try CalendarDate(parsing: "2027-03-01"), language: language))))
        }
        // In the full record too, but for the costing explanation, which is kept as it was signed.
        let record = copy.text(of: copy.fullRecord)
        let explanation = try #require(copy.content.costingExplanation)
        #expect(record.replacingOccurrences(of: "\n", with: " ").firstMatch(of: PersonSummaryTests.digitDate).map { explanation.contains(String($0.output)) } ?? true)
        #expect(!record.contains("2027-01-15") && !record.contains("2027-03-01"))
    }

    /// A question not answered (or not in the form) leaves its part out: no empty heading.
    @Test func partsWithNothingInThemAreLeftOut() throws {
        let library = RecordCopyTests.library
        let review = try #require(library.latestForm(id: "outcomes-review"))
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let session = Session(form: review, answers: [
            "present": Answer(value: .choices(["person"], other: nil), speaker: .person, at: at),
            "next-review": Answer(value: .date(try CalendarDate(parsing: "2027-09-30")), speaker: .worker, at: at),
        ], marks: [:], cursor: .finished)
        let words = ConversationWording(catalog: try #require(library.catalog(language: "en-GB")), form: review)
        let summary = PersonSummary(session: session, words: words, person: "Morag Campbell")
        for document in [summary.document, summary.easyRead] {
            let headings = document.sections.compactMap { $0.heading?.text.plain }
            #expect(!headings.contains("What matters to you") && !headings.contains("Your budget"))
            #expect(!headings.contains("What we agreed to work towards") && !headings.contains("What was decided, and how to challenge it"))
            #expect(headings.contains("When we will check how it is going"))
            #expect(document.sections.allSatisfy { !$0.blocks.isEmpty }, "no heading stands over nothing")
        }
        #expect(DocumentWrappedText(summary.document, width: 72).text.contains("We will meet to see how it is going on 30 September 2027."))
        // The adult form with its budget not yet chosen: no budget part, no decision part.
        var early = Session(form: copies.form)
        _ = try early.handle(.answer(question: "own-words", value: .text("My garden.")), at: at)
        let partial = PersonSummary(session: early, words: copies.words("en-GB"), person: "Morag Campbell").document
        #expect(partial.sections.compactMap { $0.heading?.text.plain } == ["Your assessment, on one page", "What matters to you", "When we will check how it is going"])
    }

    /// Easy read: one short sentence an idea, a place for a picture beside each, no arithmetic.
    @Test func easyReadIsShortSentencesEachWithItsPicture() throws {
        let copy = try copies.copy(language: "en-GB")
        let text = copy.text(of: copy.easyRead)
        let ideas = text.split(separator: "\n").filter { $0.hasPrefix("[picture: ") }
        #expect(ideas.count >= 15)
        for symbol in ["document", "heart", "star", "people", "goal", "money", "calendar", "choose", "spend", "agreed", "disagree", "meeting", "contact"] {
            #expect(text.contains("[picture: \(symbol)]"), "\(symbol)")
        }
        #expect(text.contains("[picture: money] Your budget is £3,092.14."))
        #expect(copies.flat(text).contains("[picture: choose] You choose your support, and someone else looks after the money."))
        for sign in ["×", "÷", "%", "£2,972.14", "365"] { #expect(!text.contains(sign), "no arithmetic: \(sign)") }
        // Every easy-read sentence in every catalog: 15 words or fewer, its key words marked.
        for language in ["en-GB", "gd", "pl", "ur"] {
            let catalog = try #require(RecordCopyTests.library.catalog(language: language))
            for key in UIText.allCases where key.rawValue.hasPrefix("easy.") && key != .easyTitle {
                let sentence = catalog.text(key, ["person": "Morag", "name": "Ann", "amount": "£1", "from": "1 April", "to": "2 May", "date": "3 June"])
                #expect(sentence.split(separator: " ").count <= 15, "\(language) \(key.rawValue): \(sentence)")
                guard key != .easyPeriod else { continue }
                let marked = catalog.emphasised(key, ["person": "Morag", "name": "Ann"]).runs.contains { if case .emphasised = $0 { true } else { false } }
                #expect(marked, "\(language) \(key.rawValue) marks its key words in bold")
            }
        }
        // In html the key words are bold and each picture is an empty, labelled box a council fills.
        let html = copy.html(of: copy.easyRead)
        #expect(html.contains("<div class=\"idea\"><span class=\"picture\" data-symbol=\"symbol:money\" aria-hidden=\"true\">money</span><p>Your <strong>budget</strong> is £3,092.14.</p></div>"))
    }

    /// An English answer in an Urdu copy keeps its full stop at its own end: in html every answer
    /// and name sits in an element that takes its own direction, in text between U+2068 and U+2069.
    @Test func anEnglishAnswerInAnUrduCopyIsIsolated() throws {
        let copy = try copies.copy(language: "ur")
        let answer = "Seeing my grandchildren, and singing in the choir on a Thursday."
        let html = copy.html
        #expect(html.contains("<html lang=\"ur\" dir=\"rtl\">"))
        let occurrences = html.ranges(of: answer)
        #expect(occurrences.count >= 2, "on the summary page and in the full record")
        for range in occurrences {
            let before = html[..<range.lowerBound].suffix(20)
            let after = html[range.upperBound...].prefix(6)
            #expect((before.hasSuffix("<bdi>") && after.hasPrefix("</bdi>")) || (before.hasSuffix("<dd dir=\"auto\">") && after.hasPrefix("</dd>")),
                    "isolated: …\(before)|answer|\(after)…")
        }
        for name in ["Morag Campbell", "Ailsa Grant", "Jo Advocate"] {
            for range in html.ranges(of: name) where !html[..<range.lowerBound].hasSuffix("<title>") {
                let isolated = html[..<range.lowerBound].hasSuffix("<bdi>") || html[..<range.lowerBound].hasSuffix("\u{2068}")
                #expect(isolated, "\(name) isolated at …\(html[..<range.lowerBound].suffix(30))")
            }
        }
        // The text copy: the answer, its full stop and all, between the isolates — on every line it is wrapped over.
        let text = copy.text
        #expect(text.contains("\u{2068}" + answer + "\u{2069}"))
        #expect(text.contains("\u{2068}Morag Campbell\u{2069}"))
        for line in text.split(separator: "\n") {
            let opens = line.unicodeScalars.filter { $0 == "\u{2068}" }.count
            #expect(opens == line.unicodeScalars.filter { $0 == "\u{2069}" }.count, "every isolate closes on its own line: \(line)")
            #expect(line.unicodeScalars.filter { $0 != "\u{2068}" && $0 != "\u{2069}" }.count <= 72 || line.count <= 72)
        }
        // Made safe where it leaves the program, the isolates stay (they are balanced on each line).
        #expect(BidiIsolation.safeText(text) == text)
    }

    /// An Urdu name or answer in an English copy is isolated in text too; plain English is left as it was.
    @Test func anUrduNameInAnEnglishCopyIsIsolated() throws {
        let envelope = try copies.signed(language: "en-GB", session: try copies.fullSession(),
                                         comments: [PersonComment(text: "مجھے صبح کا وقت پسند ہے۔ " + String(repeating: "اور ", count: 30),
                                                                  speaker: .person, at: Date(timeIntervalSince1970: 1_800_000_000))])
        let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity]), earlier: [],
                              words: copies.words("en-GB"))
        let text = copy.text
        #expect(text.contains("\u{2068}مجھے صبح کا وقت پسند ہے۔"))
        #expect(text.contains("Seeing my grandchildren") && !text.contains("\u{2068}Seeing my grandchildren"))
        let wrapped = text.split(separator: "\n").filter { $0.contains("اور") }
        #expect(wrapped.count >= 2 && wrapped.allSatisfy { $0.contains("\u{2068}") && $0.hasSuffix("\u{2069}") }, "each wrapped line its own isolate")
        #expect(BidiIsolation.safeText(text) == text)
    }

    /// What the person is read and agrees to is not the copy: the read-back keeps its own words,
    /// "(the person)" and the date as it was read, so the hash in every signed record still matches.
    @Test func theReadBackIsUnchangedByTheCopysWording() throws {
        let session = try copies.fullSession()
        let text = ReadBackSummary(session: session, words: copies.words("en-GB"), person: "Morag Campbell").text
        #expect(text.contains("  In your own words, what matters most to you?\n    Seeing my grandchildren, and singing in the choir on a Thursday.\n    (the person)"))
        #expect(text.contains("  When will we review this together?\n    2027-03-01\n    (the person)"))
        #expect(text.contains("    Personal assistant: 3 hours a week — for: Get to the choir every week\n"))
        #expect(!text.contains("You said this."))
    }
}
