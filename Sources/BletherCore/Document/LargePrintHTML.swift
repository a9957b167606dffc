/// A ``Document`` as one large-print page: every text at 18 pt or larger, lines spaced at
/// 1.6, text set ragged (never justified) in a column a reader can follow, real headings, the
/// page in the copy's language and direction, and a print style sheet that keeps a heading
/// with what follows it on A4. The same page is what the PDF copy is printed from.
///
/// Sizes are in points, not pixels or `em`s, so "18 pt" is what the page says and what a
/// test can read; nothing on the page is ever set smaller than ``minimumPoints``.
///
/// ```swift
/// let page = LargePrintHTML(document, language: "gd", rightToLeft: false, title: "Do chlàr-measaidh").html
/// ```
package struct LargePrintHTML: Sendable {
    /// The smallest text on the page, in points (RNIB's clear print guidance: large print is 16–18 pt or more).
    package static let minimumPoints = 18

    package let document: Document
    package let language: String
    package let rightToLeft: Bool
    /// The page's title, as a browser's tab and a screen reader name it.
    package let title: String

    package init(_ document: Document, language: String, rightToLeft: Bool, title: String) {
        self.document = document
        self.language = language
        self.rightToLeft = rightToLeft
        self.title = title
    }

    /// The page's style sheet: sizes in points, none below 18 pt, and a print style.
    package static let style = """
        html { font-size: 18pt; }
        body { font-family: "Atkinson Hyperlegible", Verdana, "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", "Noto Sans CJK SC", sans-serif;
          font-size: 18pt; line-height: 1.6; max-width: 34em; margin: 0 auto; padding: 12pt; color: #000; background: #fff;
          text-align: start; overflow-wrap: anywhere; }
        h1 { font-size: 28pt; line-height: 1.3; margin: 12pt 0 18pt; }
        h2 { font-size: 24pt; line-height: 1.3; margin: 36pt 0 12pt; border-top: 3pt solid #000; padding-top: 12pt; }
        h3 { font-size: 21pt; line-height: 1.3; margin: 24pt 0 12pt; }
        h4, h5, h6 { font-size: 18pt; line-height: 1.5; }
        p, li, dt, dd { font-size: 18pt; line-height: 1.6; }
        dt { font-weight: bold; margin-top: 18pt; }
        dd { margin-inline-start: 18pt; margin-top: 6pt; }
        dd.by { font-style: normal; font-weight: bold; }
        li { margin: 6pt 0; }
        section { margin-bottom: 18pt; }
        .idea { display: flex; align-items: center; gap: 18pt; margin: 12pt 0; }
        .idea p { margin: 0; }
        .picture { flex: none; width: 100pt; height: 80pt; border: 3pt dashed #333; border-radius: 8pt; display: flex;
          align-items: flex-end; justify-content: center; font-size: 18pt; color: #333; overflow: hidden;
          overflow-wrap: normal; text-align: center; }
        @media print {
          @page { size: A4; margin: 20mm 18mm; }
          body { font-size: 18pt; max-width: none; margin: 0; padding: 0; }
          h1, h2, h3, h4, h5, h6, dt { break-after: avoid; page-break-after: avoid; }
          p, li, dd { orphans: 3; widows: 3; }
          .idea { break-inside: avoid; page-break-inside: avoid; }
          h2 { border-top: none; }
        }
        """

    /// The whole page: no scripts, nothing fetched from elsewhere.
    package var html: String {
        """
        <!DOCTYPE html>
        <html lang="\(DocumentHTML.escape(language))" dir="\(rightToLeft ? "rtl" : "ltr")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(DocumentHTML.escape(title))</title>
        <style>
        \(LargePrintHTML.style)
        </style>
        </head>
        <body>
        <main>
        \(DocumentHTML(document).body)
        </main>
        </body>
        </html>

        """
    }
}
