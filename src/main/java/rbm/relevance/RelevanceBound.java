package rbm.relevance;

import java.util.ArrayList;
import java.util.List;

/**
 * The curve of maximal relevance: for a sample size M, the largest H[K] any sample of M states can have at each
 * resolution H[s]. Maximising H[K] + μ·H[s] under Σ k·m_k = M gives m_k ∝ k^−(1+μ), and along the curve
 * dH[K]/dH[s] = −μ. At μ = 1 (Zipf's law) resolution and relevance trade one for one; μ = 0 is the maximum of H[K].
 *
 * <p>For fixed μ > −1 and a Lagrange multiplier λ, each k independently gets the integer m_k ≥ 0 that maximises the
 * concave g_k(m) = −(k·m/M) ln(k·m/M) − μ (k·m/M) ln(k/M) − λ·k·m. Writing λ = −(1 + t)/M, the real optimum is
 * m* = e^L with L_k = t + (1+μ) ln(M/k), and g_k(m) = (k·m/M)(1 + L_k − ln m), so the integer optimum is 0 when
 * L_k ≤ −1, otherwise ⌊m*⌋ or ⌊m*⌋ + 1, whichever is larger (1 when ⌊m*⌋ = 0). As m* falls with k, the counts with
 * m* ≥ 1 (at most √(2M) of them) are taken one by one and the rest, a run of k with m_k = 1, in closed form. t is
 * bisected until Σ k·m_k is the largest total not above M, and the remainder becomes one extra state.
 *
 * <p>As μ → −1 the optimum becomes a sample whose states all have different counts, where H[K] = H[s]; below that
 * resolution the bound is the diagonal H[K] = H[s]. The branch −1 < μ < 0 rises from the diagonal to the maximum of
 * H[K]; μ > 0 falls from there to (log2 M, 0) as μ → ∞.
 */
public final class RelevanceBound {
    /** The branch is traced from here; closer to −1 the curve is indistinguishable from the diagonal. */
    public static final double MU_MIN = -0.99;
    /** Beyond this μ the bound is within a few states of all-distinct; resolutions above it report μ = ∞. */
    public static final double MU_MAX = 100;

    /** ln f for the small f that {@link #best} meets most: a table instead of two logarithms per count. */
    private static final double[] LN_SMALL = lnTable(1 << 16);

    private final long samples;
    private final double lnM;
    /** ln k for every k that a run of counts with m*_k ≥ 1 can reach before its total passes M: k ≤ √(2M) + 2. */
    private final double[] lnK;
    /** {@link #curve} of the last number of points asked for, as the table and the chart both ask for the same. */
    private List<Point> lastCurve;
    private int lastCurvePoints;

    /** A point of the bound, with the number of distinct states of the optimal sample (−1 on the diagonal). */
    public record Point(double mu, double resolution, double relevance, long distinct) {}

    public RelevanceBound(long samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("the bound needs a sample of at least one state, got " + samples);
        }
        this.samples = samples;
        this.lnM = Math.log(samples);
        this.lnK = lnTable((int) Math.min(samples + 3, (long) Math.sqrt(2.0 * samples) + 4));
    }

    /** ln i for i in [1, n) (entry 0 unused): the same values as Math.log, so results do not change. */
    private static double[] lnTable(int n) {
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

    public long samples() {
        return samples;
    }

    /** The optimal sample for this μ (in (−1, ∞)) and its resolution and relevance. */
    public Point at(double mu) {
        if (!(mu > -1) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("μ must be finite and above −1, got " + mu);
        }
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
        return point(mu, lo, a);
    }

    /**
     * The μ of the point of the bound whose resolution is {@code resolution}: the bound's slope there is −μ, the
     * first of the two estimates of a layer's μ. −1 on the diagonal (resolution at or below the start of the branch),
     * +∞ when the resolution reaches the point at {@link #MU_MAX} (where the optimal states are all, or all but a
     * few, distinct: the curve ends there with no defined slope).
     */
    public double muAt(double resolution) {
        if (resolution <= at(MU_MIN).resolution()) {
            return -1;
        }
        if (resolution >= at(MU_MAX).resolution()) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = MU_MIN;
        double hi = MU_MAX;
        while (hi - lo > 1e-7 * Math.max(1, Math.abs(lo))) {
            double mid = (lo + hi) / 2;
            if (at(mid).resolution() < resolution) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * The curve as {@code points} points spaced evenly in resolution from the start of the branch to the point at
     * μ = 10, preceded by the origin (the diagonal's start) and with the points μ = 0 (maximum relevance) and μ = 1
     * (Zipf) added, in order of increasing μ.
     */
    public synchronized List<Point> curve(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a curve needs at least two points, got " + points);
        }
        if (lastCurve != null && lastCurvePoints == points) {
            return lastCurve;
        }
        double first = at(MU_MIN).resolution();
        double last = at(10).resolution();
        List<Point> out = new ArrayList<>();
        out.add(new Point(-1, 0, 0, -1));
        List<Double> mus = new ArrayList<>(List.of(MU_MIN, 0.0, 1.0, 10.0));
        for (int i = 1; i < points - 1; i++) {
            double mu = muAt(first + (last - first) * i / (points - 1));
            if (mu > -1 && mu < MU_MAX) { // small samples have few distinct points, and steps between them
                mus.add(mu);
            }
        }
        mus.stream().sorted().distinct().forEach(mu -> out.add(at(mu)));
        lastCurve = List.copyOf(out);
        lastCurvePoints = points;
        return lastCurve;
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

    private Point point(double mu, double t, double a) {
        long runStart = firstBelowOne(t, a);
        long runEnd = lastOfRun(t, a, runStart);
        long[] m = new long[(int) runStart];
        long sum = 0;
        long distinct = 0;
        for (int k = 1; k < runStart; k++) {
            m[k] = best(logOptimum(t, a, k));
            sum += k * m[k];
            distinct += m[k];
        }
        sum += (runEnd - runStart + 1) * (runStart + runEnd) / 2;
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
        ResolutionRelevance h = sums.result();
        return new Point(mu, h.resolution(), h.relevance(), distinct);
    }
}
