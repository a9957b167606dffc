// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Blether",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "blether", targets: ["blether"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Pure model: forms, conditions, answers, the conversation engine. No I/O. (wcwidth for
        // text's width in columns, which the copies and the screen share.)
        .target(name: "BletherCore", dependencies: ["CTextWidth"]),
        // Reads forms/ and locales/ from disk and reports problems with file and line.
        .target(name: "BletherForms", dependencies: [
            "BletherCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The signed record: canonical payload, DSSE envelopes, Ed25519, revision chains, keys.
        .target(name: "BletherRecords", dependencies: [
            "BletherCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
        // SQLite through GRDB: drafts saved answer by answer.
        .target(name: "BletherStore", dependencies: [
            "BletherCore", "BletherRecords",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The plain, line-by-line face of the engine.
        .target(name: "BletherPlain", dependencies: ["BletherCore", "BletherForms", "BletherRecords", "BletherStore"]),
        // ncursesw, wide-character API (see shim.h). The module map links ncursesw and tinfo itself:
        // ncursesw.pc's -D flags are ones SwiftPM refuses (a warning on every build), and the shim
        // defines what they would.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The full-screen program as pure values: cell grid, widgets, screens, and the model whose
        // update(key) returns the work to do. No terminal, no disk.
        .target(name: "BletherTUI", dependencies: ["BletherCore", "CBidi"]),
        // The full-screen program's runner: does the model's commands against the store and the keys.
        .target(name: "BletherApp", dependencies: ["BletherCore", "BletherForms", "BletherRecords", "BletherStore", "BletherTUI"]),
        // wcwidth, shared with ncurses so grid and terminal agree on widths.
        .target(name: "CTextWidth"),
        // ICU's bidi algorithm, for drawing right-to-left languages (libicu-dev).
        .target(name: "CBidi", linkerSettings: [.linkedLibrary("icuuc")]),
        // The thin edge: draws a BletherTUI grid with ncursesw and reads keys.
        .target(name: "BletherTerminal", dependencies: ["BletherCore", "BletherTUI", "CNcursesw"]),
        .executableTarget(name: "blether", dependencies: [
            "BletherCore", "BletherForms", "BletherRecords", "BletherStore", "BletherPlain", "BletherTUI", "BletherApp", "BletherTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Whole-process figures for the speed targets, beside their peers (README, "Speed").
        .executableTarget(name: "blether-bench", dependencies: ["BletherCore", "BletherForms", "BletherRecords", "BletherStore"]),
        // What the test targets share: reference files that fail when missing.
        .target(name: "BletherTestSupport", path: "Tests/BletherTestSupport"),
        .testTarget(name: "BletherCoreTests", dependencies: ["BletherCore"]),
        .testTarget(name: "BletherRecordsTests", dependencies: ["BletherRecords", "BletherForms", "BletherTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "BletherFormsTests", dependencies: ["BletherForms"]),
        .testTarget(name: "BletherStoreTests", dependencies: ["BletherStore", "BletherForms", "BletherRecords"]),
        .testTarget(name: "BletherPlainTests", dependencies: ["BletherPlain"]),
        .testTarget(name: "BletherTerminalTests", dependencies: ["BletherTerminal", "BletherTUI", "CNcursesw"]),
        .testTarget(name: "BletherTUITests", dependencies: ["BletherTUI", "BletherApp", "BletherRecords", "BletherStore", "BletherForms", "BletherTestSupport",
                                                        .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Snapshots", "Fixtures"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["blether", "BletherForms", "BletherStore", "BletherRecords", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Scripts")]
        ),
    ]
)

// Warning-free: a warning in Blether's own code stops the build, here as in CI.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
}

// The fuzz targets (Fuzz/README.md), built only by scripts/fuzz: BLETHER_FUZZ=1 adds them, so
// the ordinary build and tests never compile them.
if Context.environment["BLETHER_FUZZ"] == "1" {
    package.products.append(.executable(name: "blether-fuzz", targets: ["blether-fuzz"]))
    package.targets.append(.executableTarget(
        name: "blether-fuzz",
        dependencies: ["BletherCore", "BletherForms", "BletherRecords", .product(name: "Crypto", package: "swift-crypto")],
        path: "Fuzz/Sources/blether-fuzz",
        // libFuzzer brings its own main.
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}
