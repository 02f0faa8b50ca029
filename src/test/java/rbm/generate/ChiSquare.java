package rbm.generate;

import java.util.Arrays;

/**
 * Pearson's χ² goodness-of-fit test of counts against exact probabilities, for the sampler tests. Cells whose
 * expected count is below {@link #MIN_EXPECTED} are pooled into one (and that one into the smallest kept cell if it
 * is still below), so the χ² approximation holds; the p-value is the upper tail Q(df/2, χ²/2) of the regularized
 * incomplete gamma function, computed here by its series or its continued fraction (Numerical Recipes §6.2).
 */
final class ChiSquare {
    static final double MIN_EXPECTED = 5;
    private static final double EPS = 1e-15;
    private static final int MAX_TERMS = 10_000;

    private ChiSquare() {}

    /** The statistic and degrees of freedom of a test; {@link #pValue} its upper tail. */
    record Result(double statistic, int degreesOfFreedom, int cells) {
        double pValue() {
            return upperRegularizedGamma(degreesOfFreedom / 2.0, statistic / 2);
        }

        @Override
        public String toString() {
            return "χ² = " + statistic + " on " + degreesOfFreedom + " df (p = " + pValue() + ")";
        }
    }

    /** Tests {@code counts} (one per cell, summing to n) against the cell probabilities {@code p} (summing to 1). */
    static Result test(long[] counts, double[] p) {
        long n = Arrays.stream(counts).sum();
        double stat = 0;
        int cells = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int i = 0; i < counts.length; i++) {
            double e = n * p[i];
            if (e < MIN_EXPECTED) {
                pooledExpected += e;
                pooledObserved += counts[i];
            } else {
                stat += (counts[i] - e) * (counts[i] - e) / e;
                cells++;
            }
        }
        if (pooledExpected > 0) {
            // a pooled cell below the minimum is still tested: its term only grows when its counts are wrong
            stat += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        return new Result(stat, cells - 1, cells);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a), the upper tail of the regularized incomplete gamma function, for a > 0, x ≥ 0. */
    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < a + 1) {
            return 1 - lowerSeries(a, x);
        }
        return upperContinuedFraction(a, x);
    }

    /** P(a, x) = e^−x x^a / Γ(a+1) · Σ_n x^n / ((a+1)…(a+n)). */
    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) = e^−x x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)), by the modified Lentz method. */
    private static double upperContinuedFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double f = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * f;
    }

    /** log Γ(a) for a > 0 by Lanczos' approximation (g = 7, 9 terms), accurate to about 1e-15 relative. */
    static double logGamma(double a) {
        if (a < 0.5) {
            // reflection: Γ(a)Γ(1−a) = π / sin(πa)
            return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = a - 1;
        double s = g[0];
        for (int i = 1; i < g.length; i++) {
            s += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
