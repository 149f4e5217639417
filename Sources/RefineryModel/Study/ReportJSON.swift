import Foundation

/// How every JSON report is written and read: sorted keys, pretty, non-finite numbers as the
/// strings `inf`, `-inf` and `nan`, so the same input gives byte-identical output, whether a
/// library caller or `refinery-cli` writes it.
public enum ReportJSON {
    /// The report as text, ending with a newline.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// A report read back from the text ``encode(_:)`` wrote (e.g. by another tool).
    public static func decode<Report: Decodable>(_ type: Report.Type, from data: Data) throws -> Report {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(type, from: data)
    }
}
