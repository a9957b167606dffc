import BletherCore
import BletherForms
import BletherRecords
import BletherTestSupport
import Foundation
import Testing

/// What the summary and the easy read say to the person, in words of their own: what they pay,
/// how their support is arranged, how to call and by when, who agreed it, and where the council's
/// words are English only — never "the person", a rules id or a date in digits.
@Suite struct PersonSummaryWordsTests {
    let copies = RecordCopyTests()
    static let languages = ["en-GB", "gd", "pl", "zh-Hans", "ur"]
    let at = Date(timeIntervalSince1970: 1_800_000_000)

    /// The copy of a signed record of `session`, in `language`, read with `form` (the shipped one unless given).
    func copy(_ session: Session, language: String, signedIn signing: String? = nil, form: Form? = nil,
              words: ConversationWording? = nil) throws -> RecordCopy {
        let envelope = try copies.signed(language: signing ?? language, session: session)
        let revision = try SignedRevision(envelope: envelope, form: form ?? copies.form, trusted: [copies.key.identity])
        return RecordCopy(revision: revision, earlier: [], words: words ?? copies.words(language))
    }

    func summaryText(_ copy: RecordCopy) -> String { copies.flat(copy.text(of: copy.personSummary)) }
    func easyText(_ copy: RecordCopy) -> String { copy.text(of: copy.easyRead) }

    /// `envelope` with its costing's members changed by `change`, signed again by the worker.
    func resigned(_ envelope: Envelope, _ change: (inout [String: CanonicalValue]) -> Void) throws -> Envelope {
        let payload = try CanonicalValue(decoding: envelope.payload)
        guard case .object(var members) = payload, case .object(var costing)? = members[PayloadKey.costing.rawValue] else {
            Issue.record("the signed payload has no costing")
            return envelope
        }
        change(&costing)
        members[PayloadKey.costing.rawValue] = .object(costing)
        return try Envelope.sign(payload: CanonicalValue.object(members).encoded, type: Envelope.assessmentType, with: copies.key)
    }

    // MARK: - 1. What the person pays

    /// The community alarm is not personal care: 10% of its £120.00 is the person's £12.00,
    /// said in the money the signed costing gives.
    @Test func theContributionIsSaidFromTheSignedCosting() throws {
        let envelope = try copies.signed(language: "en-GB", session: try copies.fullSession())
        let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity]),
                              earlier: [], words: copies.words("en-GB"))
        let signed = try CanonicalValue(decoding: envelope.payload)
        #expect(signed[PayloadKey.costing]?[PayloadKey.Costing.contributionPence]?["option-2"]?.integer == 12_00)
        #expect(summaryText(copy).contains("Your budget is £3,092.14 for 1 April 2026 to 31 March 2027. You pay £12.00 towards it."))
        #expect(easyText(copy).contains("[picture: money] Your budget is £3,092.14.\n[picture: money] You pay £12.00 towards it.\n"))
        #expect(copy.html(of: copy.easyRead).contains("<p><strong>You pay</strong> £12.00 towards it.</p>"))
        for language in PersonSummaryWordsTests.languages where language != "en-GB" {
            let other = try self.copy(try copies.fullSession(), language: language)
            let catalog = copies.words(language).catalog
            let expected = catalog.text(.summaryContribution, ["amount": catalog.money(Money(pence: 12_00))])
            #expect(summaryText(other).contains(copies.flat(expected)), "\(language)")
        }
    }

    /// A contribution of nothing is said only where the signed costing says it is nothing; rules
    /// that ask for no contribution give no sentence at all.
    @Test func noContributionIsSaidOnlyWhenTheCostingSaysSo() throws {
        let envelope = try copies.signed(language: "en-GB", session: try copies.fullSession())
        func summary(of envelope: Envelope) throws -> (String, String) {
            let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity]),
                                  earlier: [], words: copies.words("en-GB"))
            return (summaryText(copy), easyText(copy))
        }
        let zero = try summary(of: try resigned(envelope) { $0[PayloadKey.Costing.contributionPence.rawValue] = .object(["option-2": .integer(0)]) })
        #expect(zero.0.contains("You do not pay anything towards it.") && !zero.0.contains("You pay"))
        #expect(zero.1.contains("[picture: money] You do not pay anything towards it."))
        let none = try summary(of: try resigned(envelope) { $0[PayloadKey.Costing.contributionPercent.rawValue] = .integer(0) })
        for text in [none.0, none.1] {
            #expect(!text.contains("You pay") && !text.contains("You do not pay"), "\(text)")
        }
    }

    // MARK: - 2, 3, 4. Words that stand alone, addressed to the person

    /// Option 4 says what the mix is where the record says, and a sentence of its own where it does not.
    @Test func optionFourStandsAlone() throws {
        let mixed = try copy(try copies.fullSession(option: "option-4"), language: "en-GB")
        let text = summaryText(mixed)
        #expect(text.contains("Your support is arranged in a mix of ways (Option 4). This is the mix: Which parts of the support are arranged in which way? The personal assistant as a direct payment; the rest arranged by the council. You said this."), "\(text)")
        #expect(!text.contains("above"))
        #expect(copies.flat(easyText(mixed)).contains("[picture: choose] Your support is arranged in a mix of ways. [picture: said] The personal assistant as a direct payment; the rest arranged by the council."))
        // The mix not written down (a conversation not yet signed): a sentence that needs nothing before it.
        var session = try copies.fullSession(option: "option-4")
        _ = try session.handle(.clear(question: "option-4-mix"), at: at)
        let unsigned = copies.flat(DocumentWrappedText(PersonSummary(session: session, words: copies.words("en-GB"), person: "Morag Campbell").document, width: 72).text)
        #expect(unsigned.contains("Your support is a mix (Option 4): you arrange some of your support, and the council arranges the rest."), "\(unsigned)")
        let option1 = summaryText(try copy(try copies.fullSession(option: "option-1"), language: "en-GB"))
        #expect(option1.contains("You get the money as a direct payment, and you arrange your support yourself (Option 1)."))
    }

    /// A record with every kind of words the form writes for the worker: outcomes of each group,
    /// people, each option, a carer's answers.
    func everyKindOfSession(option: String) throws -> Session {
        var session = try copies.fullSession(option: option)
        _ = try session.handle(.jump(section: "outcomes"), at: at)
        _ = try session.handle(.answer(question: "agreed-outcomes", value: .outcomes([
            OutcomeEntry(outcome: "Get to the choir every week", group: .qualityOfLife, timescale: "3 months", howWeWillKnow: "In the diary", mayNeedFundedSupport: true),
            OutcomeEntry(outcome: "Be asked before plans change", group: .process, timescale: "now", howWeWillKnow: "I am asked", mayNeedFundedSupport: false),
            OutcomeEntry(outcome: "Walk to the shop again", group: .change, timescale: "6 months", howWeWillKnow: "I walk there", mayNeedFundedSupport: false),
        ])), at: at)
        return session
    }

    /// How each catalog speaks of "the person", as its own texts do (`speaker.person`, and the
    /// forms and costing texts written for the worker): a whole word where the language has words
    /// ("an neach", not "an neach-obrach"), any declension in Polish, the characters in Chinese.
    static let thePerson = [
        "en-GB": "(?<![\\p{L}])the person(?![\\p{L}])",
        "gd": "(?<![\\p{L}])an neach(?![\\p{L}\\-])",
        "pl": "(?<![\\p{L}])osob\\p{L}* wspieran",
        "zh-Hans": "本人",
        "ur": "(?<![\\p{L}])فرد(?![\\p{L}])",
    ]

    /// Nothing on the summary or the easy read speaks of "the person", in any language.
    @Test(arguments: PersonSummaryWordsTests.languages)
    func nothingSpeaksOfThePerson(language: String) throws {
        let catalog = copies.words(language).catalog
        let word = catalog.text(.speakerPerson)
        let wholeWord = try NSRegularExpression(pattern: try #require(PersonSummaryWordsTests.thePerson[language]), options: .caseInsensitive)
        // The pattern is the catalog's own word: it finds it where the catalog speaks of them.
        for sample in [word, catalog.text(.costingOption1)] {
            #expect(wholeWord.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil, "\(language): \(sample)")
        }
        for option in ["option-1", "option-2", "option-3", "option-4"] {
            let copy = try copy(try everyKindOfSession(option: option), language: language)
            for (name, document) in [("summary", copy.personSummary), ("easy read", copy.easyRead)] {
                let text = copies.flat(copy.text(of: document))
                let found = wholeWord.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                let context = found.map { match -> String in
                    let start = max(0, match.range.location - 80)
                    return (text as NSString).substring(with: NSRange(location: start, length: match.range.location + match.range.length - start))
                }
                #expect(found == nil, "\(language) \(option) \(name) speaks of \(word): …\(context ?? "")")
                #expect(!text.contains("Option 4 — a mix of the options above"))
            }
        }
    }

    /// No rules id, no period in digits: the council by its name, dates in words.
    @Test(arguments: PersonSummaryWordsTests.languages)
    func noInternalIdOrDigitDate(language: String) throws {
        for option in ["option-1", "option-4"] {
            let copy = try copy(try everyKindOfSession(option: option), language: language)
            for document in [copy.personSummary, copy.easyRead] {
                let text = copies.flat(copy.text(of: document))
                #expect(!text.contains("example-rate-card") && !text.contains("example-points-and-bands"), "\(text)")
                #expect(text.firstMatch(of: PersonSummaryTests.digitDate) == nil, "\(text)")
                #expect(text.contains("Example Council"), "the council by its name")
            }
        }
        // The full record's explanation stays exactly as it was signed, period and all.
        let copy = try copy(try copies.fullSession(), language: "en-GB")
        let explanation = try #require(copy.content.costingExplanation)
        #expect(explanation.contains("example-rate-card"), "as signed: \(explanation)")
        #expect(copy.text(of: copy.fullRecord).contains("example-rate-card"))
    }

    // MARK: - 5, 6. How to challenge, and how to reach the worker

    /// The easy read gives the way to ask and the time to ask in, from the council's rules.
    @Test func theEasyReadSaysHowAndByWhenToChallenge() throws {
        let easy = easyText(try copy(try copies.fullSession(), language: "en-GB"))
        #expect(easy.contains("[picture: disagree] If you disagree, you can ask us to look again.\n[picture: contact] To ask, call Example Council on 0300 123 4567.\n[picture: calendar] You must ask within 28 days.\n"), "\(easy)")
        let gd = easyText(try copy(try copies.fullSession(), language: "gd"))
        #expect(copies.flat(gd).contains("taobh a-staigh 28 latha"))
        let catalog = copies.words("en-GB").catalog
        #expect(catalog.emphasised(.easyChallengeDays, count: 1).plain == "You must ask within 1 day.")
    }

    /// "Call Example Council on 0300 123 4567 and ask for Ailsa Grant": the council's phone from
    /// its rules, the name from the signature; the summary's last line the same.
    @Test func contactSaysHow() throws {
        let copy = try copy(try copies.fullSession(), language: "en-GB")
        #expect(copies.flat(easyText(copy)).contains("[picture: contact] Call Example Council on 0300 123 4567 and ask for Ailsa Grant."))
        #expect(summaryText(copy).hasSuffix("If you want to talk before then, call Example Council on 0300 123 4567 and ask for Ailsa Grant, your worker."))
        // Rules without a phone number: no number is made up.
        let library = try englishOnlyLibrary(phone: false)
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        let words = ConversationWording(catalog: try #require(library.catalog(language: "en-GB")), form: form)
        let without = try self.copy(try copies.fullSession(), language: "en-GB", form: form, words: words)
        #expect(summaryText(without).hasSuffix("If you want to talk before then, contact Ailsa Grant, your worker."))
        #expect(easyText(without).contains("[picture: contact] To ask, tell your worker.\n"))
        #expect(easyText(without).contains("[picture: contact] You can contact Ailsa Grant at any time."))
        #expect(!easyText(without).contains("0300") && !easyText(without).contains("within 28 days"))
    }

    /// In a right-to-left copy the council's name and phone keep their own direction: "0300 123
    /// 4567" is never shown as "4567 123 0300".
    @Test func thePhoneNumberIsIsolatedInAnUrduCopy() throws {
        let copy = try copy(try copies.fullSession(), language: "ur")
        for document in [copy.personSummary, copy.easyRead] {
            #expect(copy.text(of: document).contains("\u{2068}0300 123 4567\u{2069}"))
            #expect(copy.html(of: document).contains("<bdi>0300 123 4567</bdi>"))
            #expect(copy.html(of: document).contains("<bdi>Example Council</bdi>"))
        }
    }

    // MARK: - 7. Pictures

    /// The carer's attribution line has its own symbol, never the one for the person's own words.
    @Test func othersWordsHaveTheirOwnPicture() throws {
        var session = try copies.fullSession()
        _ = try session.handle(.jump(section: "what-matters"), at: at)
        _ = try session.handle(.setSpeaker(.carer), at: at)
        _ = try session.handle(.answer(question: "good-life", value: .text("She is happiest with people around her.")), at: at)
        let copy = try copy(session, language: "en-GB")
        let easy = easyText(copy)
        #expect(easy.contains("[picture: said] She is happiest with people around her.\n[picture: said-by] Your carer said this."))
        #expect(!easy.contains("[picture: said] Your carer said this."))
        #expect(copy.html(of: copy.easyRead).contains("data-symbol=\"symbol:said-by\""))
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md"), encoding: .utf8)
        for symbol in PictureSymbol.allCases { #expect(readme.contains("`\(symbol.key)`"), "README lists \(symbol.key)") }
    }

    // MARK: - 8. The council's words in another language

    /// The shipped forms and catalogs with the example rate card as it was before it had other
    /// languages: English words only (and, unless `phone`, no contact).
    func englishOnlyLibrary(phone: Bool = true) throws -> FormLibrary {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("forms/costing/example-rate-card.yaml"), encoding: .utf8)
        let head = try #require(shipped.components(separatedBy: "\ncontact:\n").first, "the shipped rules have a contact:")
        let rules = head + "\n" + (phone ? "contact:\n  phone: 0300 123 4567\n  challenge-days: 28\n" : "") + """
            challenge: >-
              If you disagree with a decision, tell your worker within 28 days and ask for it to be looked at again.
            spending:
              may: any support that meets the outcomes agreed in this plan.
              may-not: anything illegal.

            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("example-rate-card.yaml")
        try rules.write(to: file, atomically: true, encoding: .utf8)
        let locales = try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("locales"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
        let library = FormLibrary.load(formFiles: [root.appendingPathComponent("forms/adult-good-conversation.yaml")], catalogFiles: locales, costingFiles: [file])
        let loaded = try #require(library.costingRules.first?.rules)
        #expect(loaded.maySpendOn.texts.keys.sorted() == ["en-GB"] && loaded.challenge.texts.keys.sorted() == ["en-GB"], "\(rules)")
        #expect((loaded.contact.phone != nil) == phone)
        return library
    }

    /// Where the council wrote only English, a copy in another language says so, once; where it
    /// wrote the copy's language, its own words are shown and nothing is said.
    @Test(arguments: ["gd", "pl", "zh-Hans", "ur"])
    func englishOnlyCouncilWordsAreSaidOnce(language: String) throws {
        let note = copies.words(language).catalog.text(.summaryEnglishOnly)
        let library = try englishOnlyLibrary()
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        let words = ConversationWording(catalog: try #require(library.catalog(language: language)), form: form)
        // Costed and signed in English, read in the person's language: both the spending words and the challenge are English.
        let english = try copy(try copies.fullSession(), language: language, signedIn: "en-GB", form: form, words: words)
        let text = summaryText(english)
        #expect(text.ranges(of: copies.flat(note)).count == 1, "said once: \(text)")
        #expect(text.contains("any support that meets the outcomes agreed"))
        // The shipped rules have words in every catalog language: shown, and no note.
        let own = try copy(try copies.fullSession(), language: language)
        let ownText = summaryText(own)
        #expect(!ownText.contains(copies.flat(note)), "\(ownText)")
        #expect(!ownText.contains("any support that meets the outcomes agreed") && !ownText.contains("If you disagree with a decision"), "\(ownText)")
        #expect(!summaryText(try copy(try copies.fullSession(), language: "en-GB", form: form,
                                      words: ConversationWording(catalog: try #require(library.catalog(language: "en-GB")), form: form)))
            .contains(copies.words("en-GB").catalog.text(.summaryEnglishOnly)))
    }

    /// Version 2 of the examples added the council's contact and its words in five languages;
    /// version 1 stays installed byte for byte, so a record referred with it can still be decided.
    @Test func theExamplesVersionOneStaysInstalledAsRecordsSignedIt() throws {
        let library = RecordCopyTests.library
        let signedBefore = ["example-rate-card": "bc8ddbc5da0f8c642686ef72ffb8e7ef1d0f69081e96e339129ecce86de53f44",
                            "example-points-and-bands": "8101f17a47edd602810fe005bd0f14d56fdf1346c4c057524ffc3a6a2f3b929e"]
        for (id, sha256) in signedBefore {
            let first = try #require(library.costingRules.first { $0.rules.id == id && $0.rules.version == 1 }, "\(id) version 1 is installed")
            #expect(try ContentHash.sha256(fileAt: first.url) == sha256, "\(id) version 1 is the file records were costed with")
            #expect(library.latestForm(id: "adult-good-conversation")?.costingRules(id: id)?.version == 2, "conversations cost with version 2")
        }
    }

    /// Each shipped rules file that conversations cost with (the newest version of each id) has
    /// the council's texts in every catalog language; an older version stays, unchanged, until
    /// every record costed with it is decided.
    @Test func shippedRulesSpeakEveryCatalogLanguage() throws {
        let newest = Dictionary(grouping: RecordCopyTests.library.costingRules, by: \.rules.id).values.compactMap { $0.max { $0.rules.version < $1.rules.version } }
        #expect(newest.count == 2 && newest.allSatisfy { $0.rules.version == 2 })
        for loaded in newest {
            for language in PersonSummaryWordsTests.languages {
                for text in [loaded.rules.challenge, loaded.rules.maySpendOn, loaded.rules.mayNotSpendOn] {
                    #expect(text.speaks(language), "\(loaded.rules.id) \(language)")
                }
            }
            #expect(loaded.rules.contact == CouncilContact(phone: "0300 123 4567", challengeDays: 28))
        }
    }

    // MARK: - 9. The worker by their verified name

    /// The worker who signed, by the name this machine trusts their key with; "your worker" otherwise.
    @Test func theWorkerIsNamedWhereVerified() throws {
        let envelope = try copies.signed(language: "en-GB", session: try copies.fullSession())
        let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity]),
                              earlier: [], words: copies.words("en-GB"))
        #expect(summaryText(copy).contains("Ailsa Grant, your worker, agreed your budget."))
        #expect(!summaryText(copy).contains("Your worker agreed your budget."))
        // The review: named from the verification, not from the payload.
        let verifier = RevisionVerifier(trusted: [copies.key.identity])
        let verified = verifier.verify(record: "k7m2qx9a", read: [envelope])
        let names = PersonSummary.signatureNames(verified: verified)
        #expect(names[.worker] == "Ailsa Grant")
        let review = copies.flat(PersonReviewText.lines(session: copy.content.session, words: copies.words("en-GB"), person: "Morag Campbell",
                                                        content: copy.content, comments: [], names: names).joined(separator: "\n"))
        #expect(review.contains("Ailsa Grant, your worker, agreed your budget."))
        #expect(review.contains("call Example Council on 0300 123 4567 and ask for Ailsa Grant, your worker."))
        // A key not trusted here names nobody.
        let unknown = PersonSummary.signatureNames(verified: RevisionVerifier(trusted: []).verify(record: "k7m2qx9a", read: [envelope]))
        #expect(unknown.isEmpty)
        let unnamed = copies.flat(PersonReviewText.lines(session: copy.content.session, words: copies.words("en-GB"), person: "Morag Campbell",
                                                         content: copy.content, comments: [], names: unknown).joined(separator: "\n"))
        #expect(unnamed.contains("Your worker agreed your budget.") && !unnamed.contains("Ailsa Grant"))
    }
}
