/// Escaping of text for HTML and SVG markup, so that a label such as `A<B & "C"` shows as
/// written and can never open a tag or end an attribute.
public enum MarkupEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references; safe both as
    /// element content and inside a double- or single-quoted attribute.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if character.value < 0x20, character != "\t", character != "\n" { result += " " }
                else { result.unicodeScalars.append(character) }
            }
        }
        return result
    }

    /// `text` reduced to the characters allowed in an `id` (letters, digits, `-`, `_`),
    /// starting with a letter, so that fragment references like `url(#id)` stay local.
    public static func identifier(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isDigit = ("0"..."9").contains(scalar)
            if isLetter || isDigit || scalar == "-" || scalar == "_" { result.unicodeScalars.append(scalar) }
            else { result += "-" }
        }
        if let first = result.unicodeScalars.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
            result = "c" + result
        }
        return result.isEmpty ? "chart" : result
    }
}
