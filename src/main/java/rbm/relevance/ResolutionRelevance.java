package rbm.relevance;

import rbm.count.FrequencyProfile;

/**
 * Resolution and relevance of a sample of M states, in bits:
 * <pre>
 *   H[s] = −Σ_k (k·m_k/M) log2(k/M)          = log2 M − (1/M) Σ_k k·m_k log2 k
 *   H[K] = −Σ_k (k·m_k/M) log2(k·m_k/M)      = H[s] − noise
 *   H[s|K] = H[s] − H[K] = Σ_k (k·m_k/M) log2 m_k    (the noise)
 * </pre>
 * Both sums on the right are of non-negative terms, so 0 ≤ H[K] ≤ H[s] ≤ log2 M hold exactly in floating point, not
 * only up to rounding.
 *
 * @param samples    M
 * @param resolution H[s]
 * @param relevance  H[K]
 */
public record ResolutionRelevance(long samples, double resolution, double relevance) {
    private static final double LN2 = Math.log(2);

    /** The entropies of a sample with this frequency profile. */
    public static ResolutionRelevance of(FrequencyProfile p) {
        Sums sums = new Sums();
        for (int i = 0; i < p.size(); i++) {
            sums.add(p.k()[i], p.m()[i]);
        }
        return sums.result();
    }

    /** H[s|K] = H[s] − H[K]. */
    public double noise() {
        return resolution - relevance;
    }

    /** log2 M, the largest resolution a sample of this size can have. */
    public double maxResolution() {
        return log2(samples);
    }

    /** H[s] / log2 M; NaN for M = 1. */
    public double normalisedResolution() {
        return resolution / maxResolution();
    }

    /** H[K] / log2 M; NaN for M = 1. */
    public double normalisedRelevance() {
        return relevance / maxResolution();
    }

    /** (H[s] − H[K]) / log2 M; NaN for M = 1. */
    public double normalisedNoise() {
        return noise() / maxResolution();
    }

    public static double log2(double x) {
        return Math.log(x) / LN2;
    }

    /**
     * Accumulates Σ k·m_k, Σ k·m_k ln k and Σ k·m_k ln m_k over the counts of a sample, one count at a time or
     * (for the bound) over whole ranges of counts with m_k = 1.
     */
    static final class Sums {
        /** Below this length a range is summed term by term; above it, by Euler–Maclaurin. */
        private static final long DIRECT = 1 << 16;

        private long samples;
        private double kLnK;
        private double kLnM;

        /** m states, each seen k times. */
        void add(long k, long m) {
            if (m > 0) {
                samples = Math.addExact(samples, Math.multiplyExact(k, m));
                kLnK += (double) k * m * Math.log(k);
                kLnM += (double) k * m * Math.log(m);
            }
        }

        /** One state seen k times for every k in [a, b]. */
        void addRange(long a, long b) {
            if (a > b) {
                return;
            }
            long n = b - a + 1; // n or a + b is even
            samples = Math.addExact(samples, n % 2 == 0 ? Math.multiplyExact(n / 2, a + b)
                    : Math.multiplyExact(n, (a + b) / 2));
            kLnK += sumKLnK(a, b);
        }

        ResolutionRelevance result() {
            if (samples == 0) {
                throw new IllegalArgumentException("an empty sample has no entropy");
            }
            double scale = samples * LN2;
            double hs = Math.max(0, log2(samples) - kLnK / scale);
            double hk = Math.max(0, hs - kLnM / scale);
            return new ResolutionRelevance(samples, hs, hk);
        }

        /** Σ_{k=a..b} k ln k. */
        static double sumKLnK(long a, long b) {
            if (b - a < DIRECT) {
                double s = 0;
                for (long k = a; k <= b; k++) {
                    s += k * Math.log(k);
                }
                return s;
            }
            long split = Math.max(a, DIRECT);
            return sumKLnK(a, split - 1) + eulerMaclaurin(split, b);
        }

        /**
         * Σ_{k=a..b} f(k) for f(x) = x ln x: ∫_a^b f + (f(a) + f(b))/2 + Σ_j B_2j/(2j)! (f^(2j−1)(b) − f^(2j−1)(a)),
         * with f' = ln x + 1, f''' = −1/x², f^(5) = −6/x⁴. For a ≥ 2^16 the next term is below 10^−25.
         */
        private static double eulerMaclaurin(double a, double b) {
            double integral = b * b / 2 * Math.log(b) - b * b / 4 - (a * a / 2 * Math.log(a) - a * a / 4);
            double ends = (a * Math.log(a) + b * Math.log(b)) / 2;
            double c1 = (Math.log(b) - Math.log(a)) / 12;
            double c3 = -(1 / (a * a) - 1 / (b * b)) / 720;
            double c5 = (6 / (a * a * a * a) - 6 / (b * b * b * b)) / 30240;
            return integral + ends + c1 + c3 + c5;
        }
    }
}
