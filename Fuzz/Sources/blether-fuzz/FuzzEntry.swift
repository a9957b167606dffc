import Foundation

/// The two functions libFuzzer calls. The target is chosen once, from
/// `BLETHER_FUZZ_TARGET` (see ``FuzzTarget``); every input goes to it.
///
/// ```sh
/// BLETHER_FUZZ_TARGET=condition .build-fuzz/release/blether-fuzz Fuzz/corpus/condition -runs=1000000
/// ```
/// (These three stay `public`: libFuzzer finds them by their C names, so they must be exported.)
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = FuzzRun.shared
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzRun.shared.target.run(data, scratch: FuzzRun.shared.scratch)
    return 0
}

/// The target of this run and its scratch directory, made once.
struct FuzzRun: Sendable {
    let target: FuzzTarget
    let scratch: FuzzScratch

    static let shared: FuzzRun = {
        let name = ProcessInfo.processInfo.environment["BLETHER_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("BLETHER_FUZZ_TARGET must be one of: \(known)\n".utf8))
            exit(2)
        }
        return FuzzRun(target: target, scratch: FuzzScratch())
    }()
}

/// The entry point SwiftPM's debug build links to (it renames an executable's `main` so tests
/// can link it); it hands over to libFuzzer's driver as libFuzzer's own `main` does.
@_cdecl("blether_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzerTestOneInput(start, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
