/// Whether `a` and `b` agree within `absolute` or within `relative` of the larger magnitude
/// (the rule of swift-numerics' `isApproximatelyEqual`). Never make `==` tolerant; call this.
func approximately(_ a: Double, _ b: Double, absolute: Double = 1e-9, relative: Double = 1e-9) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    let difference = abs(a - b)
    return difference <= absolute || difference <= relative * max(abs(a), abs(b))
}
