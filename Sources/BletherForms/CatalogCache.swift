import BletherCore
import Crypto
import Foundation

/// A language's catalog as last read (its words, and the line of every key for messages), kept
/// in the data directory so the first screen (the passphrase prompt) is drawn, and the forms
/// are checked, without reading YAML: reading a catalog into a YAML tree and checking it costs
/// about ten times as long as everything else before the prompt.
///
/// A kept catalog is used only while its catalog file is byte for byte the one it was read
/// from (the file's SHA-256 is in the kept file), only when that reading found no problem,
/// and only when the kept file itself is whole (its own SHA-256 is in it too). Anything else —
/// a changed catalog, a damaged or foreign kept file, a newer format — is passed over and the
/// catalog is read from its YAML, as without a cache. Catalogs hold no personal data; the
/// folder may be deleted at any time.
///
/// ```swift
/// let cache = CatalogCache(directory: dataDirectory.appendingPathComponent("cache"))
/// let (loaded, problems) = FormLibrary.readCatalog(at: url, cache: cache)   // kept, or read and kept
/// ```
package struct CatalogCache: Sendable {
    /// Where the kept catalogs are: `<data directory>/cache`.
    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    /// The kept file for `language`.
    package func file(language: String) -> URL {
        directory.appendingPathComponent(language + ".catalog")
    }

    /// The catalog kept for `language`, when `source` holds exactly the bytes it was read from;
    /// `file` is how messages name the catalog file.
    package func loaded(language: String, file: String, source: Data) -> LoadedCatalog? {
        // Only an ordinary file of a catalog's size is read: a pipe or a device left there
        // would hold up every start, and a link is not followed out of the folder.
        let path = self.file(language: language).path
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= CatalogCache.largest,
              let kept = FileManager.default.contents(atPath: path) else { return nil }
        return CatalogCache.decode(kept, source: source, file: file)
    }

    /// The largest kept file read (a kept catalog is about the size of its YAML).
    static let largest = 16 << 20

    /// Keeps `loaded`, read without a problem from `source`, for the next start. A cache that
    /// cannot be written is no failure: the next start reads the YAML again.
    package func keep(_ loaded: LoadedCatalog, language: String, source: Data) {
        let manager = FileManager.default
        var status = stat()
        if lstat(directory.path, &status) != 0 {
            // Only inside a data directory that is already there: the first start makes it.
            guard manager.fileExists(atPath: directory.deletingLastPathComponent().path),
                  (try? manager.createDirectory(at: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])) != nil else { return }
        } else if status.st_mode & S_IFMT != S_IFDIR {
            // A file, or a link that would lead the kept catalogs out of the data directory.
            return
        }
        try? CatalogCache.encode(loaded, source: source).write(to: file(language: language), options: .atomic)
    }

    // MARK: - The kept file

    /// What the kept file begins with; the number after it is the format, raised whenever what
    /// ``CatalogFileReader`` makes of a catalog changes, so no older reading is ever used.
    static let magic = Array("BLETHER-CATALOG 2\n".utf8)

    /// The magic, the source's SHA-256, the body's SHA-256, then the body: the language, its
    /// name, reviewed and direction, every entry by key, then the line of each key, mapping and
    /// plural entry (for messages that name them).
    static func encode(_ loaded: LoadedCatalog, source: Data) -> Data {
        let catalog = loaded.catalog
        var body = Data()
        func put(_ text: String) {
            let bytes = Array(text.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { body.append(contentsOf: $0) }
            body.append(contentsOf: bytes)
        }
        put(catalog.language)
        put(catalog.name)
        body.append(catalog.reviewed ? 1 : 0)
        body.append(catalog.rightToLeft ? 1 : 0)
        withUnsafeBytes(of: UInt32(catalog.entries.count).littleEndian) { body.append(contentsOf: $0) }
        for key in catalog.entries.keys.sorted() {
            put(key)
            switch catalog.entries[key]! {
            case .text(let text):
                body.append(0)
                put(text)
            case .plural(let forms):
                body.append(1)
                body.append(UInt8(forms.count))
                for category in PluralCategory.allCases {
                    guard let text = forms[category] else { continue }
                    put(category.rawValue)
                    put(text)
                }
            }
        }
        for lines in [loaded.keyLines, loaded.mappingLines, loaded.pluralLines] {
            withUnsafeBytes(of: UInt32(lines.count).littleEndian) { body.append(contentsOf: $0) }
            for key in lines.keys.sorted() {
                put(key)
                withUnsafeBytes(of: UInt32(clamping: lines[key]!).littleEndian) { body.append(contentsOf: $0) }
            }
        }
        var kept = Data(magic)
        kept.append(contentsOf: SHA256.hash(data: source))
        kept.append(contentsOf: SHA256.hash(data: body))
        kept.append(body)
        return kept
    }

    /// The catalog in `kept`, or nil when it was not read from `source`, is not whole, or is not
    /// in this format. Every length is checked against what is left, so no byte sequence can
    /// make it read outside the file.
    static func decode(_ kept: Data, source: Data, file: String) -> LoadedCatalog? {
        let digest = SHA256.byteCount
        let headerSize = magic.count + 2 * digest
        guard kept.count >= headerSize, kept.prefix(magic.count).elementsEqual(magic) else { return nil }
        let base = kept.startIndex
        let sourceDigest = kept[(base + magic.count)..<(base + magic.count + digest)]
        guard sourceDigest.elementsEqual(SHA256.hash(data: source)) else { return nil }
        let body = kept[(base + headerSize)...]
        guard kept[(base + magic.count + digest)..<(base + headerSize)].elementsEqual(SHA256.hash(data: body)) else { return nil }
        return body.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw)
            guard let language = reader.text(), let name = reader.text(),
                  let reviewed = reader.byte(), let rightToLeft = reader.byte(), let count = reader.count() else { return nil }
            var entries: [String: CatalogEntry] = [:]
            entries.reserveCapacity(min(count, raw.count / 6))
            for _ in 0..<count {
                guard let key = reader.text(), let kind = reader.byte() else { return nil }
                switch kind {
                case 0:
                    guard let text = reader.text() else { return nil }
                    entries[key] = .text(text)
                case 1:
                    guard let formCount = reader.byte() else { return nil }
                    var forms: [PluralCategory: String] = [:]
                    for _ in 0..<formCount {
                        guard let name = reader.text(), let category = PluralCategory(rawValue: name), let text = reader.text() else { return nil }
                        forms[category] = text
                    }
                    entries[key] = .plural(forms)
                default:
                    return nil
                }
            }
            var lines: [[String: Int]] = []
            for _ in 0..<3 {
                guard let count = reader.count() else { return nil }
                var map: [String: Int] = [:]
                for _ in 0..<count {
                    guard let key = reader.text(), let line = reader.count() else { return nil }
                    map[key] = line
                }
                lines.append(map)
            }
            guard reader.isAtEnd else { return nil }
            let catalog = Catalog(language: language, name: name, reviewed: reviewed == 1, rightToLeft: rightToLeft == 1, entries: entries)
            return LoadedCatalog(catalog: catalog, file: file, keyLines: lines[0], mappingLines: lines[1], pluralLines: lines[2])
        }
    }

    /// Reads the body front to back; every read checks the bytes left first. The bytes are
    /// whole (their SHA-256 was checked), and text that is not UTF-8 is repaired, never trusted.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func count() -> Int? {
            guard bytes.count - offset >= 4 else { return nil }
            var value: UInt32 = 0
            for shift in 0..<4 { value |= UInt32(bytes[offset + shift]) << (8 * UInt32(shift)) }
            offset += 4
            return Int(value)
        }

        mutating func text() -> String? {
            guard let length = count(), bytes.count - offset >= length else { return nil }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        }
    }
}
