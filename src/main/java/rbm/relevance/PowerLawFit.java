package rbm.relevance;

import rbm.count.FrequencyProfile;

/**
 * A maximum-likelihood fit of a discrete power law to the frequencies of a sample, the second estimate of μ. The
 * data are the counts k_s, one per distinct state; above a cut-off they are modelled as
 * P(k) = k^−α / ζ(α, k_min) for k ≥ k_min, with α = 1 + μ and ζ the Hurwitz zeta function, so that m_k ∝ k^−(1+μ)
 * as on the bound. Following Clauset, Shalizi &amp; Newman (SIAM Review 51, 2009):
 * <ul>
 *   <li>for a given k_min, α maximises ℓ(α) = −n ln ζ(α, k_min) − α Σ ln k_s over the n states with k_s ≥ k_min
 *       (ℓ is concave in α, so a golden-section search finds it);</li>
 *   <li>k_min is the observed count that minimises the Kolmogorov–Smirnov distance between the empirical and the
 *       fitted distribution of the tail, among those leaving at least {@value #MIN_TAIL} states and two different
 *       counts;</li>
 *   <li>the standard error is 1/√(−ℓ''(α)) = 1/√(n·Var(ln k)), the variance taken under the fitted law (the
 *       continuous approximation (α−1)/√n of Clauset et al. is close for large k_min).</li>
 * </ul>
 *
 * @param mu       α − 1; NaN when there is nothing to fit
 * @param error    the standard error of μ (that of α)
 * @param kMin     the chosen cut-off; 0 when there is nothing to fit
 * @param tail     the number of states with k_s ≥ k_min
 * @param distance the Kolmogorov–Smirnov distance of the fit
 */
public record PowerLawFit(double mu, double error, long kMin, long tail, double distance) {
    /** The fewest states a tail may have. Clauset et al. find estimates reliable from about 50. */
    public static final int MIN_TAIL = 10;
    private static final double ALPHA_MIN = 1 + 1e-9;
    private static final double ALPHA_MAX = 50;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** The fit with the best k_min, or a NaN fit when no cut-off leaves enough states. */
    public static PowerLawFit fit(FrequencyProfile p) {
        PowerLawFit best = new PowerLawFit(Double.NaN, Double.NaN, 0, 0, Double.NaN);
        long tail = p.distinct();
        for (int i = 0; i < p.size() - 1 && tail >= MIN_TAIL; i++) {
            PowerLawFit f = fitAbove(p, i, tail);
            if (!(f.distance >= best.distance)) { // also replaces the initial NaN
                best = f;
            }
            tail -= p.m()[i];
        }
        return best;
    }

    /** The fit of the counts p.k()[from..], which hold {@code n} states. */
    static PowerLawFit fitAbove(FrequencyProfile p, int from, long n) {
        long kMin = p.k()[from];
        double sumLn = 0;
        for (int i = from; i < p.size(); i++) {
            sumLn += p.m()[i] * Math.log(p.k()[i]);
        }
        double alpha = maximise(n, sumLn, kMin);
        double h = 1e-4 * alpha;
        double curvature = (logHurwitz(alpha + h, kMin) - 2 * logHurwitz(alpha, kMin)
                + logHurwitz(alpha - h, kMin)) / (h * h);
        double error = 1 / Math.sqrt(n * curvature);
        return new PowerLawFit(alpha - 1, error, kMin, n, distance(p, from, n, alpha));
    }

    /** The α maximising −n ln ζ(α, k_min) − α·sumLn, by golden-section search. */
    private static double maximise(long n, double sumLn, long kMin) {
        double a = ALPHA_MIN;
        double b = ALPHA_MAX;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = -n * logHurwitz(c, kMin) - c * sumLn;
        double fd = -n * logHurwitz(d, kMin) - d * sumLn;
        while (b - a > 1e-10 * b) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = -n * logHurwitz(c, kMin) - c * sumLn;
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = -n * logHurwitz(d, kMin) - d * sumLn;
            }
        }
        return (a + b) / 2;
    }

    /**
     * max over integers k ≥ k_min of |S_data(k) − S_fit(k)|, with the survival functions S(k) = P(K ≥ k) and
     * S_fit(k) = ζ(α, k) / ζ(α, k_min). Between two observed counts S_data is flat and S_fit falls, so only the ends
     * of each gap need checking.
     */
    private static double distance(FrequencyProfile p, int from, long n, double alpha) {
        double logNorm = logHurwitz(alpha, p.k()[from]);
        double d = 0;
        long above = n; // states with k_s ≥ the current observed count
        for (int i = from; i < p.size(); i++) {
            double data = (double) above / n;
            long gapStart = i == from ? p.k()[i] : p.k()[i - 1] + 1;
            d = Math.max(d, Math.abs(data - Math.exp(logHurwitz(alpha, gapStart) - logNorm)));
            d = Math.max(d, Math.abs(data - Math.exp(logHurwitz(alpha, p.k()[i]) - logNorm)));
            above -= p.m()[i];
        }
        return Math.max(d, Math.exp(logHurwitz(alpha, p.k()[p.size() - 1] + 1) - logNorm));
    }

    /** Bernoulli numbers B_2, B_4, ..., B_16 over (2j)!, for the Euler–Maclaurin corrections. */
    private static final double[] BERNOULLI_OVER_FACTORIAL = {
        1.0 / 6 / 2, -1.0 / 30 / 24, 1.0 / 42 / 720, -1.0 / 30 / 40320, 5.0 / 66 / 3628800,
        -691.0 / 2730 / 479001600, 7.0 / 6 / 87178291200.0, -3617.0 / 510 / 20922789888000.0};

    /**
     * ln ζ(s, q) = ln Σ_{n≥0} (q + n)^−s for s > 1, q ≥ 1, by Euler–Maclaurin: N terms summed directly, then
     * x^(1−s)/(s−1) + x^−s/2 + Σ_j B_2j/(2j)! · s(s+1)…(s+2j−2) · x^(−s−2j+1) with x = q + N. N is chosen so that
     * x ≥ s + 16, where the correction terms shrink by about ((s + 2j)/(2πx))² each and eight of them reach double
     * precision. Everything is scaled by q^s so that large q and s do not underflow.
     */
    static double logHurwitz(double s, double q) {
        int terms = (int) Math.max(0, Math.ceil(s + 2 * BERNOULLI_OVER_FACTORIAL.length - q));
        double sum = 0;
        for (int n = 0; n < terms; n++) {
            sum += Math.exp(-s * Math.log1p(n / q));
        }
        double x = q + terms;
        double scaled = Math.exp(-s * Math.log(x / q)); // (q/x)^s
        sum += scaled * x / (s - 1) + scaled / 2;
        double factor = scaled * s / x; // s · x^(−s−1), scaled
        for (int j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
            sum += BERNOULLI_OVER_FACTORIAL[j] * factor;
            factor *= (s + 2 * j + 1) * (s + 2 * j + 2) / (x * x);
        }
        return -s * Math.log(q) + Math.log(sum);
    }
}
