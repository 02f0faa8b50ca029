package rbm.relevance;

/**
 * The Lagrangian construction of a good sample profile for H[K] + μ·H[s] under Σ k·m_k = M, and the Lagrangian dual's
 * upper bound on that objective. Cost: O(√M) per evaluation of a multiplier, 64 bisection steps.
 *
 * <p>With λ = −(1 + t)/M, each k independently maximises the concave g_k(m) = (k·m/M)(1 + L_k − ln m), where
 * L_k = t + (1+μ) ln(M/k) is the log of the real optimum m*. The integer optimum is 0 when L_k ≤ −1, otherwise
 * ⌊m*⌋ or ⌊m*⌋ + 1, whichever is larger (1 when ⌊m*⌋ = 0). As m* falls with k, the counts with m* ≥ 1 (at most √(2M)
 * of them) are taken one by one and the rest, a run of k with m_k = 1, in closed form. t is bisected until Σ k·m_k
 * is the largest total not above M, and the remainder becomes one extra state: a feasible profile, not always the
 * optimal one.
 *
 * <p>Weak duality: for every profile with Σ k·m_k = M, H[K] + μ·H[s] = Σ_k g_k(m_k) + λM ≤ Σ_k max_m g_k(m) + λM, so
 * that sum at the bisected t bounds every profile from above.
 */
final class LagrangianProfile {
    /** ln f for the small f that {@link #best} meets most: a table instead of two logarithms per count. */
    private static final double[] LN_SMALL = lnTable(1 << 16);
    private static final double LN2 = Math.log(2);

    private final long samples;
    private final double lnM;
    /** ln k for every k that a run of counts with m*_k ≥ 1 can reach before its total passes M: k ≤ √(2M) + 2. */
    private final double[] lnK;

    /**
     * The constructed profile's entropies and number of distinct states, its multiplier t, and the dual bound
     * (bits) on H[K] + μ·H[s].
     */
    record Result(ResolutionRelevance entropies, long distinct, double t, double upper) {}

    LagrangianProfile(long samples) {
        this.samples = samples;
        this.lnM = Math.log(samples);
        this.lnK = lnTable((int) Math.min(samples + 3, (long) Math.sqrt(2.0 * samples) + 4));
    }

    /** ln i for i in [1, n) (entry 0 unused). */
    static double[] lnTable(int n) {
        double[] t = new double[n];
        for (int i = 1; i < n; i++) {
            t[i] = Math.log(i);
        }
        return t;
    }

    private double lnK(long k) {
        return k < lnK.length ? lnK[(int) k] : Math.log(k);
    }

    private static double lnSmall(long f) {
        return f < LN_SMALL.length ? LN_SMALL[(int) f] : Math.log(f);
    }

    /** The construction and the dual bound for this μ in (−1, ∞). */
    Result at(double mu) {
        double a = 1 + mu;
        double lo = -a * lnM - 2; // every L_k ≤ −1: an empty sample
        double hi = 0;
        while (total(lo, a) > samples) {
            lo = 2 * lo - 1;
        }
        while (total(hi, a) <= samples) {
            hi = 2 * hi + 1;
        }
        while (true) {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (total(mid, a) <= samples) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return profile(lo, a);
    }

    /** ln m*_k = t + a·ln(M/k), with a = 1 + μ. */
    private double logOptimum(double t, double a, long k) {
        return t + a * (lnM - lnK(k));
    }

    /** The integer m ≥ 0 maximising g_k(m), given L = ln m*; capped at M + 1 (already too many). */
    private long best(double l) {
        if (l <= -1) {
            return 0;
        }
        double x = Math.exp(l);
        if (x > samples) {
            return samples + 1;
        }
        long f = (long) x;
        if (f == 0) {
            return 1;
        }
        double gain = (f + 1) * lnSmall(f + 1) - f * lnSmall(f) - 1; // g(f+1) > g(f) ⇔ L > gain
        return l > gain ? f + 1 : f;
    }

    /** The first k with m*_k < 1 (all smaller k have m_k ≥ 1), or M + 2 when every k up to M + 1 has m*_k ≥ 1. */
    private long firstBelowOne(double t, double a) {
        long k = 1;
        while (k <= samples + 1 && logOptimum(t, a, k) >= 0) {
            k++;
        }
        return k;
    }

    /** The last k ≥ from with L_k > −1 (so m_k = 1 for k in [from, last]), capped at M + 1; from − 1 if none. */
    private long lastOfRun(double t, double a, long from) {
        double kc = samples * Math.exp((1 + t) / a); // L_k > −1 ⇔ k < kc
        long last = kc > samples + 1 ? samples + 1 : Math.max(from - 1, (long) Math.ceil(kc) - 1);
        while (last < samples + 1 && logOptimum(t, a, last + 1) > -1) {
            last++;
        }
        while (last >= from && logOptimum(t, a, last) <= -1) {
            last--;
        }
        return last;
    }

    /** Σ k·m_k at this t, or any value above M as soon as it exceeds M. */
    private long total(double t, double a) {
        long sum = 0;
        long k = 1;
        for (double l = logOptimum(t, a, k); l >= 0; l = logOptimum(t, a, ++k)) {
            sum += k * best(l);
            if (sum > samples) {
                return sum;
            }
        }
        long last = lastOfRun(t, a, k);
        if (last > samples) {
            return samples + 1;
        }
        return sum + (last - k + 1) * (k + last) / 2;
    }

    private Result profile(double t, double a) {
        long runStart = firstBelowOne(t, a);
        long runEnd = lastOfRun(t, a, runStart);
        long[] m = new long[(int) runStart];
        long sum = 0;
        long distinct = 0;
        // M·(dual bound) in nats: Σ_k k·m_k (1 + L_k − ln m_k) − (1 + t)·M, the run's terms in closed form
        double dual = -(1 + t) * samples;
        for (int k = 1; k < runStart; k++) {
            m[k] = best(logOptimum(t, a, k));
            sum += k * m[k];
            distinct += m[k];
            dual += (double) k * m[k] * (1 + logOptimum(t, a, k) - Math.log(m[k]));
        }
        long runSum = (runEnd - runStart + 1) * (runStart + runEnd) / 2;
        if (runEnd >= runStart) {
            dual += (1 + t + a * lnM) * runSum - a * ResolutionRelevance.Sums.sumKLnK(runStart, runEnd);
        }
        sum += runSum;
        distinct += Math.max(0, runEnd - runStart + 1);
        long rest = samples - sum;
        ResolutionRelevance.Sums sums = new ResolutionRelevance.Sums();
        if (rest > 0) {
            distinct++;
            if (rest < runStart) {
                m[(int) rest]++;
            } else if (rest <= runEnd) {
                sums.add(rest, 2);
            } else {
                sums.add(rest, 1);
            }
        }
        for (int k = 1; k < runStart; k++) {
            sums.add(k, m[k]);
        }
        if (rest >= runStart && rest <= runEnd) {
            sums.addRange(runStart, rest - 1);
            sums.addRange(rest + 1, runEnd);
        } else {
            sums.addRange(runStart, runEnd);
        }
        return new Result(sums.result(), distinct, t, dual / (samples * LN2));
    }
}
