package rbm.experiment;

/**
 * Quantiles of the standard normal distribution, for the seed count of a power estimate. The distribution
 * function is Φ(z) = 1/2 + ∫₀^z φ(t) dt with φ(t) = exp(−t²/2)/√(2π), integrated by Simpson's rule, and the
 * quantile is found by bisection: slow next to a closed form, but a few quantiles per experiment cost nothing and
 * the method carries no table of coefficients to get wrong.
 */
final class StandardNormal {
    /** Simpson intervals per unit of z: the error, h⁴/180 · 3φ(0) · z (3φ(0) bounds |φ⁗|), is below 1e-13 to z = 8. */
    private static final int INTERVALS_PER_UNIT = 1000;
    /** Φ(8) differs from 1 by 6e-16, below what a double near 1 resolves. */
    private static final double MAX_Z = 8;

    private StandardNormal() {
    }

    /** Φ(z) for 0 ≤ z ≤ 8. */
    static double cdf(double z) {
        int intervals = 2 * Math.max(1, (int) Math.ceil(z * INTERVALS_PER_UNIT / 2));
        double h = z / intervals;
        double sum = density(0) + density(z);
        for (int i = 1; i < intervals; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * density(i * h);
        }
        return 0.5 + sum * h / 3;
    }

    /** The z with Φ(z) = p, for 1/2 ≤ p < 1; 8 when p is beyond Φ(8). */
    static double quantile(double p) {
        if (!(p >= 0.5 && p < 1)) {
            throw new IllegalArgumentException("p must be in [0.5, 1), not " + p);
        }
        double lo = 0;
        double hi = MAX_Z;
        for (int i = 0; i < 60; i++) { // 8 / 2^60 is far below a double's resolution at z ≤ 8
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double density(double t) {
        return Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
    }
}
