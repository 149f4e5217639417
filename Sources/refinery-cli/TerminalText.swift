/// Text for a terminal: control characters from a scenario or a command line (a description
/// holding an escape sequence, say) are shown escaped, as Swift writes them (`\u{1B}`), so
/// that they cannot move the cursor, change colours or retitle the window.
enum TerminalText {
    /// `text` with every control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F)
    /// written as `\u{…}`, except newlines when `keepingNewlines` (the lines of a report).
    static func escapingControlCharacters(_ text: String, keepingNewlines: Bool) -> String {
        func escaped(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.generalCategory == .control && !(keepingNewlines && scalar == "\n")
        }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
