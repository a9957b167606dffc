import BletherCore
import CBidi

/// One line of text in the order it is drawn. A right-to-left language's lines are
/// reordered with the Unicode bidi algorithm (ICU), so Urdu reads from the right while
/// numbers and Latin words inside it keep their own order. Stored answers and the
/// editing caret stay in logical order; only drawing uses this.
///
/// ```swift
/// BidiLine.visual("آپ کا نام: Morag", rightToLeft: true)
/// ```
package enum BidiLine {
    package static func visual(_ line: String, rightToLeft: Bool) -> String {
        guard rightToLeft || line.unicodeScalars.contains(where: isStrongRightToLeft) else { return line }
        let logical = Array(line.utf16)
        guard !logical.isEmpty else { return line }
        var visual = [UInt16](repeating: 0, count: logical.count)
        let status = logical.withUnsafeBufferPointer { input in
            visual.withUnsafeMutableBufferPointer { output in
                blether_bidi_visual(input.baseAddress, Int32(input.count), rightToLeft ? 1 : 0, output.baseAddress)
            }
        }
        guard status == 0 else { return line }
        return String(decoding: visual, as: UTF16.self)
    }

    /// Hebrew, Arabic and related scripts.
    static func isStrongRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        BidiIsolation.isRightToLeft(scalar)
    }
}
