import BletherCore

/// One form a person's copy is made in, by the name `blether export --format` takes, with the
/// file it is written to in a copy's folder.
///
/// ```swift
/// CopyFormat.wanted(byRecordedChoice: "large-print")   // [.largePrint, .pdf]
/// CopyFormat.pdf.fileName                              // "large-print.pdf"
/// catalog.text(CopyFormat.pdf.nameText)                 // "PDF (large print)"
/// ```
package enum CopyFormat: String, Sendable, CaseIterable, Comparable {
    /// UTF-8 text wrapped at 72 columns.
    case text
    /// One accessible page.
    case html
    /// The large-print page: every text 18 pt or larger.
    case largePrint = "large-print"
    /// The large-print page printed to PDF.
    case pdf
    /// Easy read, as a large-print page.
    case easyRead = "easy-read"
    /// A BRF file of braille.
    case braille
    /// The spoken copy, a WAV file.
    case audio
    /// The signed revisions and public keys, for `blether verify FILE`.
    case bundle

    /// The file's name in a copy's folder.
    package var fileName: String {
        switch self {
        case .text: "copy.txt"
        case .html: "copy.html"
        case .largePrint: "large-print.html"
        case .pdf: "large-print.pdf"
        case .easyRead: "easy-read.html"
        case .braille: "braille.brf"
        case .audio: "audio.wav"
        case .bundle: "record.blether"
        }
    }

    /// Its name in a message to the worker, in the worker's language ("large print", "Braille").
    ///
    /// ```swift
    /// catalog.text(CopyFormat.braille.nameText)   // "braille"
    /// ```
    package var nameText: UIText {
        switch self {
        case .text: .copyFormatText
        case .html: .copyFormatHTML
        case .largePrint: .copyFormatLargePrint
        case .pdf: .copyFormatPDF
        case .easyRead: .copyFormatEasyRead
        case .braille: .copyFormatBraille
        case .audio: .copyFormatAudio
        case .bundle: .copyFormatBundle
        }
    }

    /// Whether the format is text a terminal can show (`-o -` may send it to standard output);
    /// the PDF, the braille file and the sound are not.
    package var isText: Bool {
        switch self {
        case .text, .html, .largePrint, .easyRead, .bundle: true
        case .pdf, .braille, .audio: false
        }
    }

    /// The formats that give a person what they asked for, by the id of the choice recorded in
    /// the form's `copy-format` question (`printed`, `large-print`, `easy-read`, `email`,
    /// `audio`, `braille`): printed is the text and the page to print, email the page to send.
    /// A choice this Blether does not know gives nothing.
    package static func wanted(byRecordedChoice choice: String) -> [CopyFormat] {
        switch choice {
        case "printed": [.text, .html]
        case "large-print": [.largePrint, .pdf]
        case "easy-read": [.easyRead]
        case "email": [.html]
        case "audio": [.audio]
        case "braille": [.braille]
        default: []
        }
    }

    package static func < (lhs: CopyFormat, rhs: CopyFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
