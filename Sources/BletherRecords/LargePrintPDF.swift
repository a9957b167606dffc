import Foundation

/// The large-print page printed to PDF by headless Chromium (Debian's `chromium`), as a
/// browser prints it: A4, the page's own print style sheet, no header or footer with a file
/// path or date, fonts from the machine's packages embedded. Chromium runs with a profile in
/// a private work folder, which is removed after, and its sandbox off (as root in a container
/// it will not start with it); it is given only a local file with no scripts.
///
/// ```swift
/// let pdf = try LargePrintPDF.make(html: LargePrintHTML(document, language: "en-GB", rightToLeft: false, title: "…").html)
/// ```
package enum LargePrintPDF {
    package static func make(html: String, tool: ExternalTool = .chromium) throws(ExternalTool.Problem) -> Data {
        let folder = try WorkFolder()
        defer { folder.remove() }
        try folder.write(Data(html.utf8), named: "large-print.html")
        let page = folder.url.appendingPathComponent("large-print.html")
        let pdf = folder.url.appendingPathComponent("large-print.pdf")
        _ = try tool.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                          "--disable-background-networking", "--user-data-dir=" + folder.url.appendingPathComponent("profile").path,
                          "--no-pdf-header-footer", "--print-to-pdf=" + pdf.path, page.absoluteString], in: folder)
        guard let data = try? Data(contentsOf: pdf), data.starts(with: Data("%PDF".utf8)) else {
            throw .failed(tool: tool.name, status: 0, said: "no PDF was written")
        }
        return data
    }
}
