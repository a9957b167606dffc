import BletherCore
import Foundation

/// The copy in each of its formats but the bundle (which is the signed revisions themselves):
/// which document each format is made from, and the bytes of the file.
///
/// ```swift
/// let made = try copy.made(.braille)
/// try PrivateFile.write(made.data, to: folder + "/" + CopyFormat.braille.fileName)
/// ```
extension RecordCopy {
    /// A format of the copy as made: its bytes, and a note to the worker when the language
    /// fell back (a braille table or a voice that is not the language's own).
    package struct Made: Sendable {
        package let data: Data
        package let fallback: Fallback?
    }

    /// What a format fell back to, for the worker to be told.
    package enum Fallback: Sendable, Equatable {
        /// liblouis has no braille of the language's own: written with this table.
        case brailleTable(String)
        /// espeak-ng has no voice for the language here: spoken with this one.
        case voice(String)
    }

    /// The document each format is made from: the one place where that is chosen. Every
    /// copy opens with the one page written to the person and then gives the full record;
    /// the easy-read copy is the easy-read summary; the spoken copy is the summary (a whole
    /// record read aloud runs for an hour: `--format` with text or braille gives it all).
    package func document(for format: CopyFormat) -> Document {
        switch format {
        case .text, .html, .largePrint, .pdf, .braille, .bundle: document
        case .easyRead: easyRead
        case .audio: personSummary
        }
    }

    /// The copy's title, as a page's tab and a screen reader name it.
    var pageTitle: String { catalog.text(.copyTitle) + " — " + content.person }

    /// The copy in `format` (not `.bundle`, which is made from the signed envelopes).
    package func made(_ format: CopyFormat) throws(ExternalTool.Problem) -> Made {
        let document = document(for: format)
        switch format {
        case .text:
            // The text copy is read in any editor or terminal: a bidi control in it is shown, never obeyed.
            return Made(data: Data(BidiIsolation.safeText(text).utf8), fallback: nil)
        case .html:
            return Made(data: Data(html.utf8), fallback: nil)
        case .largePrint, .easyRead:
            return Made(data: Data(largePrintHTML(document).utf8), fallback: nil)
        case .pdf:
            return Made(data: try LargePrintPDF.make(html: largePrintHTML(document)), fallback: nil)
        case .braille:
            let braille = BrailleCopy(document, language: catalog.language)
            return Made(data: try braille.make(), fallback: braille.table.isFallback ? .brailleTable(braille.table.name) : nil)
        case .audio:
            let spoken = try SpokenCopy(document, language: catalog.language).make()
            return Made(data: spoken.wav, fallback: spoken.isFallback ? .voice(spoken.voice) : nil)
        case .bundle:
            preconditionFailure("a bundle is made from the signed envelopes, not from the copy's document")
        }
    }

    func largePrintHTML(_ document: Document) -> String {
        LargePrintHTML(document, language: catalog.language, rightToLeft: catalog.rightToLeft, title: pageTitle).html
    }
}
