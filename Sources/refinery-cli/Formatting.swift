import Foundation

/// Numbers for people: thousands separators, a sensible number of decimals.
enum Formatting {
    static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "-" : (value > 0 ? "∞" : "-∞") }
        let rounded = String(format: "%.\(decimals)f", abs(value))
        let parts = rounded.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        let sign = value < 0 && rounded.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func tonnes(_ kg: Double, decimals: Int = 1) -> String { number(kg / 1000, decimals: decimals) }

    static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? number(fraction * 100) + "%" : "-"
    }
}
