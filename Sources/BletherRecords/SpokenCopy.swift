import BletherCore
import Foundation

/// A ``Document`` spoken by espeak-ng (Debian's `espeak-ng`) into a WAV file, in the copy's
/// language where espeak-ng has a voice for it: `en-gb`, `gd`, `pl`, `cmn` (Mandarin, for
/// zh-Hans) and `ur`. A language with no voice on this machine is spoken with `en-gb`, and the
/// copy says so (``voice``, ``isFallback``).
///
/// WAV because every phone, computer and CD player's software plays it, and espeak-ng writes
/// it itself: no encoder package is needed and nothing is lost. It is large (about 2.6 MB a
/// minute, 22,050 samples a second in one channel), which a summary's few minutes keep small.
/// Spoken a little slower than espeak-ng's default (150 words a minute, not 175), each line
/// of the text a clause of its own.
///
/// ```swift
/// let spoken = try SpokenCopy(document, language: "pl").make()
/// spoken.voice   // "pl"
/// ```
package struct SpokenCopy: Sendable {
    package let document: Document
    package let language: String

    package init(_ document: Document, language: String) {
        self.document = document
        self.language = language
    }

    /// The sound, the voice that spoke it, and whether that is a fallback.
    package struct Made: Sendable {
        package let wav: Data
        package let voice: String
        package let isFallback: Bool
    }

    /// The voice spoken in when it is the language's own or no other is there.
    package static let fallbackVoice = "en-gb"
    /// Words a minute.
    package static let speed = 150

    /// espeak-ng's voice for a catalog's language tag.
    package static func voice(for language: String) -> String {
        switch language.split(separator: "-").first.map(String.init)?.lowercased() ?? "" {
        case "en": "en-gb"
        case "zh": "cmn"
        case let base: base
        }
    }

    package func make(tool: ExternalTool = .espeakNG) throws(ExternalTool.Problem) -> Made {
        let folder = try WorkFolder()
        defer { folder.remove() }
        // The voices there are, by name: the second column of `espeak-ng --voices`.
        let listing = String(decoding: try tool.run(["--voices"], in: folder), as: UTF8.self)
        let voices = Set(listing.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
        })
        let own = SpokenCopy.voice(for: language)
        let voice = voices.contains(own) ? own : SpokenCopy.fallbackVoice
        // Each line ends a clause (espeak-ng's -l: a line shorter than that is one), so a heading
        // is never run into the words after it.
        let text = DocumentPlainText(document).lines.flatMap { $0.components(separatedBy: "\n") }
            .map { BidiIsolation.safeText($0).trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
        try folder.write(Data(text.utf8), named: "spoken.txt")
        let wav = folder.url.appendingPathComponent("spoken.wav")
        _ = try tool.run(["-v", voice, "-s", String(SpokenCopy.speed), "-l", "100000", "-w", wav.path, "-f",
                          folder.url.appendingPathComponent("spoken.txt").path], in: folder)
        guard let data = try? Data(contentsOf: wav), data.starts(with: Data("RIFF".utf8)) else {
            throw .failed(tool: tool.name, status: 0, said: "no sound was written")
        }
        return Made(wav: data, voice: voice, isFallback: voice != own)
    }
}
