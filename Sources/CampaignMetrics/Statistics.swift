import Foundation

/// The few distributions the diagnosis needs, in plain Swift: the regularized incomplete gamma
/// function (after Numerical Recipes, 3rd ed., §6.2: a series below `a + 1`, Lentz's continued
/// fraction above), and from it the chi-square and standard normal upper tails.
public enum Statistics {
    // MARK: - Public API

    /// The two-sided 95% quantile of the standard normal distribution.
    public static let z95 = 1.959_963_984_540_054

    /// The natural logarithm of Γ(x) for x > 0 (Lanczos, g = 7, nine terms; relative error ~1e-15).
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma needs x > 0")
        if x < 0.5 {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return log((Double.pi / sin(Double.pi * x)).magnitude) - logGamma(1 - x)
        }
        let z = x - 1
        var sum = lanczos[0]
        for index in 1..<lanczos.count { sum += lanczos[index] / (z + Double(index)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function, for a > 0, x ≥ 0.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "regularizedGammaQ needs a > 0 and x ≥ 0")
        if x == 0 { return 1 }
        if x < a + 1 { return max(0, 1 - lowerSeries(a, x)) }
        return upperContinuedFraction(a, x)
    }

    /// P(a, x) = 1 − Q(a, x), the regularized lower incomplete gamma function.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "regularizedGammaP needs a > 0 and x ≥ 0")
        if x == 0 { return 0 }
        if x < a + 1 { return lowerSeries(a, x) }
        return max(0, 1 - upperContinuedFraction(a, x))
    }

    /// P(X ≥ x) for X chi-square distributed with `degreesOfFreedom` degrees of freedom.
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom > 0, "chi-square needs at least one degree of freedom")
        return x <= 0 ? 1 : regularizedGammaQ(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// P(Z ≥ z) for Z standard normal: erfc(z/√2)/2, with erfc(t) = Q(1/2, t²) for t ≥ 0.
    public static func normalSurvival(_ z: Double) -> Double {
        let tail = 0.5 * regularizedGammaQ(0.5, z * z / 2)
        return z >= 0 ? tail : 1 - tail
    }

    // MARK: - Private

    private static let lanczos: [Double] = [
        0.999_999_999_999_809_93, 676.520_368_121_885_1, -1_259.139_216_722_402_8,
        771.323_428_777_653_13, -176.615_029_162_140_59, 12.507_343_278_686_905,
        -0.138_571_095_265_720_12, 9.984_369_578_019_571_6e-6, 1.505_632_735_149_311_6e-7,
    ]
    private static let epsilon = 1e-15
    private static let tiny = Double.leastNormalMagnitude / Double.ulpOfOne

    /// e^(−x) xᵃ / Γ(a), the factor both expansions share.
    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        exp(-x + a * log(x) - logGamma(a))
    }

    /// P(a, x) by its series, for x < a + 1.
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var denominator = a
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if term.magnitude < sum.magnitude * epsilon { break }
        }
        return min(1, sum * prefactor(a, x))
    }

    /// Q(a, x) by its continued fraction (modified Lentz), for x ≥ a + 1.
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for step in 1..<10_000 {
            let an = -Double(step) * (Double(step) - a)
            b += 2
            d = an * d + b
            if d.magnitude < tiny { d = tiny }
            c = b + an / c
            if c.magnitude < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if (delta - 1).magnitude < epsilon { break }
        }
        return min(1, prefactor(a, x) * h)
    }
}
