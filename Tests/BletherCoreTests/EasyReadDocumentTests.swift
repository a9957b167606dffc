import BletherCore
import Testing

/// The pieces an easy-read page and the person's copy add to a document: key words in bold,
/// the place for a picture, whose words said to the person, and isolation in text copies.
@Suite struct EasyReadDocumentTests {
    let catalog = Catalog(language: "en-GB", name: "English", reviewed: true, entries: [
        "ui.easy.budget": .text("Your **budget** is {amount}."),
        "ui.easy.helper": .text("{name} **helps** you."),
        "ui.copy.by.person": .text("You said this."),
        "ui.copy.by.carer": .text("Your carer said this."),
        "ui.copy.by.advocate": .text("Your advocate said this."),
        "ui.copy.by.advocate-named": .text("{name}, your advocate, said this."),
        "ui.copy.by.worker": .text("Your worker wrote this."),
        "ui.copy.by.worker-named": .text("{name}, your worker, wrote this."),
        "ui.picture.frame": .text("[picture: {name}]"),
        "ui.picture.money": .text("money"),
    ])
    let polish = Catalog(language: "pl", name: "Polski", reviewed: false, entries: [
        "ui.easy.budget": .text("Twój **budżet** to {amount}."),
        "ui.picture.frame": .text("[obrazek: {name}]"),
        "ui.picture.money": .text("pieniądze"),
        "ui.money.pattern": .text("{amount}\u{00A0}£"),
        "ui.money.number": .text("1\u{00A0}234\u{00A0}567,89"),
    ])

    @Test func keyWordsBetweenMarkersAreEmphasisedAndTheMarkersNeverShown() {
        let budget = catalog.emphasised(.easyBudget, ["amount": "£3,092.14"])
        #expect(budget.runs == [.words("Your "), .emphasised("budget"), .words(" is £3,092.14.")])
        #expect(budget.plain == "Your budget is £3,092.14.")
        // What a person gave is never read for markers.
        let helper = catalog.emphasised(.easyHelper, ["name": "**Ann**"], inserted: ["name"])
        #expect(helper.runs == [.inserted("**Ann**"), .words(" "), .emphasised("helps"), .words(" you.")])
        #expect(DocumentHTML.inline(helper) == "<bdi>**Ann**</bdi> <strong>helps</strong> you.")
    }

    @Test func aPicturesPlaceIsAnEmptyLabelledBoxInHtmlAndNamedInText() {
        let idea = DocumentBlock.pictured(PicturePlace(.money, catalog: catalog), catalog.emphasised(.easyBudget, ["amount": "£12.00"]))
        let document = Document(sections: [DocumentSection(blocks: [idea])])
        #expect(DocumentHTML(document).body == "<section>\n<div class=\"idea\"><span class=\"picture\" data-symbol=\"symbol:money\" aria-hidden=\"true\">money</span>"
            + "<p>Your <strong>budget</strong> is £12.00.</p></div>\n</section>")
        #expect(document.text == "[picture: money] Your budget is £12.00.")
        // Wrapped, the words hang beside the picture's place.
        #expect(DocumentWrappedText(document, width: 30).text == "[picture: money] Your budget\n                 is £12.00.\n")
        #expect(Set(PictureSymbol.allCases.map(\.key)).count == PictureSymbol.allCases.count)
        #expect(PictureSymbol.notSpend.key == "symbol:not-spend")
    }

    /// A council keys its pictures on the symbol; a reader sees, and a screen reader hears, the
    /// place in the copy's own language — and the amount as that language writes it.
    @Test func aPicturesPlaceAndItsAmountAreInTheCopysLanguage() {
        let amount = polish.money(Money(pence: 1_454_786))
        #expect(amount == "14\u{00A0}547,86\u{00A0}£")
        let idea = DocumentBlock.pictured(PicturePlace(.money, catalog: polish), polish.emphasised(.easyBudget, ["amount": amount]))
        let document = Document(sections: [DocumentSection(blocks: [idea])])
        #expect(DocumentHTML(document).body == "<section>\n<div class=\"idea\"><span class=\"picture\" data-symbol=\"symbol:money\" aria-hidden=\"true\">pieniądze</span>"
            + "<p>Twój <strong>budżet</strong> to 14\u{00A0}547,86\u{00A0}£.</p></div>\n</section>")
        #expect(document.text == "[obrazek: pieniądze] Twój budżet to 14\u{00A0}547,86\u{00A0}£.")
        // Wrapped, the amount and its sign stay on one line.
        let wrapped = DocumentWrappedText(document, width: 34).text
        #expect(wrapped == "[obrazek: pieniądze] Twój budżet\n                     to\n                     14\u{00A0}547,86\u{00A0}£.\n")
        #expect(!wrapped.contains("picture") && !wrapped.contains("money"))
    }

    @Test func whoseWordsAreSaidToThePersonNamedOnlyWhereANameIsGiven() {
        let plain = AddressedAttribution(catalog: catalog)
        #expect(plain.line(for: .person).plain == "You said this.")
        #expect(plain.line(for: .carer).plain == "Your carer said this.")
        #expect(plain.line(for: .worker).plain == "Your worker wrote this.")
        let named = AddressedAttribution(catalog: catalog, names: [.worker: "Ailsa Grant", .advocate: "Jo", .carer: "Not From A Signature"])
        #expect(named.line(for: .worker).runs == [.inserted("Ailsa Grant"), .words(", your worker, wrote this.")])
        #expect(named.line(for: .advocate).plain == "Jo, your advocate, said this.")
        #expect(named.line(for: .carer).plain == "Your carer said this.", "a carer is never named")
        #expect(AddressedAttribution(catalog: catalog, names: [.worker: ""]).line(for: .worker).plain == "Your worker wrote this.")
    }

    @Test func aFieldIsIsolatedAmidRightToLeftWordsAndWhereItHoldsRightToLeftLetters() {
        #expect(BidiIsolation.isolate("I like tea.", amidRightToLeft: true) == "\u{2068}I like tea.\u{2069}")
        #expect(BidiIsolation.isolate("I like tea.", amidRightToLeft: false) == "I like tea.")
        #expect(BidiIsolation.isolate("مورگ", amidRightToLeft: false) == "\u{2068}مورگ\u{2069}")
        #expect(BidiIsolation.isolate("a\u{202E}b", amidRightToLeft: false) == "\u{2068}a<U+202E>b\u{2069}")
        #expect(BidiIsolation.isolate("", amidRightToLeft: true) == "")
    }

    /// Each field in a right-to-left text copy is isolated, one isolate a line where it wraps,
    /// and the program's own words are left as they are; a field holding a control shows it.
    @Test func aWrappedTextCopyIsolatesEachFieldOnEveryLine() {
        let document = Document(sections: [DocumentSection(blocks: [
            .paragraph("آپ نے کہا: " + .inserted("I like tea, and I like it strong.")),
            .paragraph("نام: " + .inserted("Mo\u{202E}rag")),
        ])])
        #expect(DocumentWrappedText(document, width: 30, rightToLeft: true).text
            == "آپ نے کہا: \u{2068}I like tea, and I\u{2069}\n\u{2068}like it strong.\u{2069}\nنام: \u{2068}Mo<U+202E>rag\u{2069}\n")
        // Left to right, an English field needs no isolate; the control is still shown and isolated.
        #expect(DocumentWrappedText(document, width: 80).text == "آپ نے کہا: I like tea, and I like it strong.\nنام: \u{2068}Mo<U+202E>rag\u{2069}\n")
        // A word longer than a line is broken, its isolate closed and opened again.
        let long = Document(sections: [DocumentSection(blocks: [.paragraph(.inserted(String(repeating: "ب", count: 12)))])])
        #expect(DocumentWrappedText(long, width: 5).text == "\u{2068}ببببب\u{2069}\n\u{2068}ببببب\u{2069}\n\u{2068}بب\u{2069}\n")
    }

    /// What is read back and hashed is unchanged by any of this: the plain text of runs is their words.
    @Test func thePlainTextOfAnEmphasisedOrIsolatedRunIsItsWords() {
        let text: DocumentText = "a " + .inserted("b") + DocumentText(runs: [.emphasised("c")])
        #expect(text.plain == "a bc")
        #expect(Document(sections: [DocumentSection(blocks: [.paragraph(text)])]).text == "a bc")
    }
}
