/// The zero of a function of one variable inside a bracket, for the break-even and METR
/// searches.
///
/// Each evaluation there re-prices the whole timeline, so the number of evaluations is the
/// cost. Brent's method (inverse quadratic interpolation and secant steps, falling back on
/// bisection whenever they would not shrink the bracket fast enough) needs about ten on the
/// valuation's functions, which are piecewise linear in the charge or the intake factor (taxes
/// and the minimum tax put kinks in them), where plain bisection needed about thirty-five for
/// the same tolerance. Brent's guarantee is bisection's: the bracket always holds a sign change.
enum RootFinding {
    /// A zero of `f` in the bracket [`low`, `high`], where `f(low)` and `f(high)` (given, so
    /// the caller's bracketing evaluations are not repeated) have opposite signs or one is 0.
    /// Returned to within `relativeTolerance × max(1, |zero|)`.
    ///
    /// R. P. Brent, *Algorithms for Minimization without Derivatives* (1973), ch. 4, as in
    /// Numerical Recipes' `zbrent`.
    static func zero(low: Double, high: Double, valueAtLow: Double, valueAtHigh: Double,
                     relativeTolerance: Double = 1e-9, maximumEvaluations: Int = 200,
                     _ f: (Double) -> Double) -> Double {
        var a = low, b = high, fa = valueAtLow, fb = valueAtHigh
        if fa == 0 { return a }
        if fb == 0 { return b }
        var c = b, fc = fb
        var d = b - a, e = d
        for _ in 0..<maximumEvaluations {
            if (fb > 0) == (fc > 0) {
                // Keep the sign change between b (the best estimate) and c.
                c = a; fc = fa
                d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * abs(b) + 0.5 * relativeTolerance * max(1, abs(b))
            let half = 0.5 * (c - b)
            if abs(half) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                // Interpolate: secant when two points are known, inverse quadratic with three.
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * half * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * half * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = half
                    e = d
                }
            } else {
                d = half
                e = d
            }
            a = b
            fa = fb
            b += abs(d) > tolerance ? d : (half > 0 ? tolerance : -tolerance)
            fb = f(b)
        }
        return b
    }
}
