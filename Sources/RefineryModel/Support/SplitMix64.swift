/// A small, fast, seedable random number generator (Steele, Lea & Flood 2014, "Fast splittable
/// pseudorandom number generators"): the same seed gives the same sequence on every machine,
/// which makes generated instances, Monte Carlo draws and random tests reproducible.
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// let draw = Double.random(in: 0..<1, using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed` (every seed is valid, 0 included).
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
