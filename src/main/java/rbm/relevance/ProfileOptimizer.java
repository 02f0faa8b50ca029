package rbm.relevance;

import java.util.Arrays;

/**
 * The exact maximum of H[K] + μ·H[s] over integer profiles {m_k ≥ 0} with Σ_k k·m_k = M, for M up to
 * {@link RelevanceBound#EXACT_LIMIT}.
 *
 * <p>In nats and scaled by M, the objective is Σ_k G_k(m_k) with G_k(m) = k·m·(A_k − ln m), A_k = (1+μ) ln(M/k):
 * separable and concave in each m_k, so the problem is a knapsack over k whose gains are concave in the number of
 * items. It is solved in three steps.
 * <ol>
 *   <li>Dual. {@link LagrangianProfile} gives a multiplier Λ, a feasible profile (a lower bound L on the optimum) and
 *   U = ΛM + Σ_k max_m h_k(m), h_k(m) = G_k(m) − Λ·k·m, an upper bound on every feasible profile (U is summed here
 *   over k ≤ M explicitly).</li>
 *   <li>Pruning. Every feasible profile has objective U − Σ_k r_k(m_k), with reduced costs
 *   r_k(m) = max h_k − h_k(m) ≥ 0. A profile at or above L therefore has Σ_k r_k(m_k) ≤ U − L: each m_k lies in the
 *   interval where r_k ≤ U − L (r_k is convex in m), all k whose interval is one value are fixed, and the rest leave
 *   a residual total R = M − Σ_k k·lo_k.</li>
 *   <li>Dynamic programming over the residual total t ∈ [0, R], one free k at a time (largest k first):
 *   f_i(t) = max_d f_{i−1}(t − k·d) + G_k(lo_k + d). A cell whose reduced costs so far exceed U − L is dropped, and
 *   t is kept within the totals the earlier and later stages can still reach.</li>
 * </ol>
 * The gap U − L is first replaced by trial gaps from 10^−6·U, doubling: the first trial under which a profile
 * survives gives the optimum, as pruning keeps every profile above the trial floor. The duality gap U − optimum is
 * usually far smaller than U − L, so the trials keep the DP small.
 *
 * <p>Cost: O(M) for the dual and the pruning per trial, and Σ_i (cells of stage i)·(width of stage i) for the DP.
 * Both the widths and the number of free k grow with the gap; the free k are widest as μ → −1, where the reduced
 * cost of taking one state at k instead of none grows only as (1+μ)·|k − k_c| around the last count k_c.
 *
 * <p>Ties. Two profiles whose objectives differ by at most {@link #TIE} relative to U count as equal (at μ = 0, H[K]
 * depends only on the multiset of k·m_k, so exact ties are common). Among equal ones each DP cell keeps the larger
 * H[s] (again up to TIE), and then the first candidate met, which is the smaller m_k for the larger k. The result is a
 * function of the arithmetic of this class alone, the same on every call.
 */
final class ProfileOptimizer {
    /** Relative tolerance under which two objectives count as equal: far above the rounding of sums of ~10^5 terms. */
    static final double TIE = 1e-11;
    /** Headroom for rounding in the pruning test, relative to U: pruning never drops a profile at or above L. */
    private static final double SLACK = 1e-9;
    private static final double LN2 = Math.log(2);
    /**
     * The first trial gap below the dual bound, relative to it; each further trial is twice as wide. Relative, as the
     * objective and the duality gap both shrink as (1 + μ) when μ → −1.
     */
    private static final double FIRST_TRIAL = 1e-6;

    private final int samples;
    private final double lnM;
    /** ln i for i in [1, M + 1]. */
    private final double[] ln;
    private final LagrangianProfile construction;

    /**
     * An optimal profile: m[i] states seen k[i] times (k ascending, m > 0), its entropies and distinct states, and
     * the dual bound (bits) on the objective.
     */
    record Solution(int[] k, long[] m, ResolutionRelevance entropies, long distinct, double upper) {
        double objective(double mu) {
            return entropies.relevance() + mu * entropies.resolution();
        }
    }

    ProfileOptimizer(int samples) {
        if (samples < 1 || samples > RelevanceBound.EXACT_LIMIT) {
            throw new IllegalArgumentException("exact profiles need 1 ≤ M ≤ " + RelevanceBound.EXACT_LIMIT);
        }
        this.samples = samples;
        this.lnM = Math.log(samples);
        this.ln = LagrangianProfile.lnTable(samples + 2);
        this.construction = new LagrangianProfile(samples);
    }

    /** The optimal profile for this μ in (−1, ∞). */
    Solution solve(double mu) {
        return solve(mu, Double.NEGATIVE_INFINITY);
    }

    /**
     * The optimal profile for μ, searched among profiles whose objective is at least {@code floor} (bits), which
     * prunes harder; null when the optimum is below the floor.
     */
    Solution solve(double mu, double floor) {
        double a = 1 + mu;
        LagrangianProfile.Result built = construction.at(mu);
        double lambda = -(1 + built.t());
        double scale = samples * LN2;
        double upper = lambda * samples;
        for (int k = 1; k <= samples; k++) {
            double c = a * (lnM - ln[k]) - lambda;
            if (c <= 0) {
                break; // c falls with k: no later k takes a state
            }
            upper += k * phi(best(c, samples / k), c);
        }
        double lower = Math.max(built.entropies().relevance() + mu * built.entropies().resolution(), floor) * scale;
        double slack = SLACK * Math.max(1, Math.abs(upper));
        double tie = TIE * Math.max(1, Math.abs(upper));
        // The duality gap is usually far smaller than U − L: try floors closer to U first. A profile found above a
        // trial floor is optimal, as pruning keeps every profile above it.
        for (double trial = FIRST_TRIAL * Math.abs(upper); ; trial *= 2) {
            boolean last = upper - trial <= lower;
            long[] m = solve(a, lambda, upper, last ? lower : upper - trial, slack, tie);
            if (m != null) {
                return solution(m, upper / scale);
            }
            if (last) {
                return null;
            }
        }
    }

    /** The optimal m_k (index k) among profiles whose scaled objective is at least {@code lower}; null if none. */
    private long[] solve(double a, double lambda, double upper, double lower, double slack, double tie) {
        Stages stages = prune(a, lambda, upper - lower + slack);
        return stages == null ? null : stages.solve(a, lambda, tie);
    }

    /** φ(m) = m·(c − ln m), so that h_k(m) = k·φ(m) with c = A_k − Λ. */
    private double phi(long m, double c) {
        return m == 0 ? 0 : m * (c - ln[(int) m]);
    }

    /** φ(j + 1) − φ(j) = c − D(j) with D(j) = (j+1) ln(j+1) − j ln j increasing. */
    private double d(long j) {
        return j == 0 ? 0 : (j + 1) * ln[(int) j + 1] - j * ln[(int) j];
    }

    /** The m in [0, cap] maximising φ: the first j with D(j) ≥ c. D(j) > ln j + 1, so m* − 1 is never too far. */
    private long best(double c, long cap) {
        if (c <= 0) {
            return 0;
        }
        long j = Math.max(0, (long) Math.min(Math.exp(c - 1), cap) - 1);
        while (j < cap && d(j) < c) {
            j++;
        }
        return j;
    }

    /** The interval of each m_k with reduced cost within the gap; null when none can fit. */
    private Stages prune(double a, double lambda, double gap) {
        int last = 0; // every k beyond takes no state: −k·c grows with k once c < 0
        while (last < samples) {
            double c = a * (lnM - ln[last + 1]) - lambda;
            if (best(c, samples / (last + 1)) == 0 && -(last + 1) * c > gap) {
                break;
            }
            last++;
        }
        Stages s = new Stages(last);
        double budget = gap;
        long fixedTotal = 0;
        for (int k = 1; k <= last; k++) {
            double c = a * (lnM - ln[k]) - lambda;
            long cap = samples / k;
            long b = best(c, cap);
            double top = phi(b, c);
            long lo = b;
            while (lo > 0 && k * (top - phi(lo - 1, c)) <= gap) {
                lo--;
            }
            long hi = b;
            while (hi < cap && k * (top - phi(hi + 1, c)) <= gap) {
                hi++;
            }
            if (lo == hi) {
                budget -= k * (top - phi(lo, c)); // a fixed k's reduced cost is spent whatever the rest does
            }
            fixedTotal += (long) k * lo;
            s.add(k, lo, hi, k * top);
        }
        if (budget < 0 || fixedTotal > samples) {
            return null;
        }
        s.residual = samples - fixedTotal;
        s.budget = budget;
        return s;
    }

    private Solution solution(long[] m, double upper) {
        ResolutionRelevance.Sums sums = new ResolutionRelevance.Sums();
        int n = 0;
        long distinct = 0;
        for (int k = 1; k < m.length; k++) {
            if (m[k] > 0) {
                n++;
                distinct += m[k];
                sums.add(k, m[k]);
            }
        }
        int[] ks = new int[n];
        long[] ms = new long[n];
        for (int k = 1, i = 0; k < m.length; k++) {
            if (m[k] > 0) {
                ks[i] = k;
                ms[i++] = m[k];
            }
        }
        return new Solution(ks, ms, sums.result(), distinct, upper);
    }

    /** The pruned problem: every k's interval [lo, hi] of m, and the DP over the free ones. */
    private final class Stages {
        final long[] lo;
        final long[] hi;
        final double[] top;
        final int last;
        long residual;
        double budget;

        Stages(int last) {
            this.last = last;
            lo = new long[last + 1];
            hi = new long[last + 1];
            top = new double[last + 1];
        }

        void add(int k, long l, long h, double hTop) {
            lo[k] = l;
            hi[k] = h;
            top[k] = hTop;
        }

        /** The optimal m_k for every k (index k), or null when no profile fits the budget. */
        long[] solve(double a, double lambda, double tie) {
            int r = (int) residual;
            int n = 0;
            int[] order = new int[last]; // the free k, largest first
            for (int k = last; k >= 1; k--) {
                if (hi[k] > lo[k]) {
                    order[n++] = k;
                }
            }
            long[] suffix = new long[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                int k = order[i];
                suffix[i] = Math.min((long) r, suffix[i + 1] + k * (hi[k] - lo[k]));
            }
            double[] val = new double[r + 1];
            double[] sec = new double[r + 1];
            double[] nval = new double[r + 1];
            double[] nsec = new double[r + 1];
            Arrays.fill(val, Double.NEGATIVE_INFINITY);
            val[0] = 0;
            int prevLo = 0;
            int prevHi = 0;
            long reach = 0;
            double bestSoFar = 0; // Σ max h over the free k done
            long loSoFar = 0; // Σ k·lo over the free k done
            // the chosen d per stage and cell: a byte for the many stages of width < 128, an int for the few others
            byte[][] narrow = new byte[n][];
            int[][] wide = new int[n][];
            int[] windowLo = new int[n];
            for (int i = 0; i < n; i++) {
                int k = order[i];
                int w = (int) (hi[k] - lo[k]);
                double ak = a * (lnM - ln[k]);
                double[] g = new double[w + 1];
                double[] hs = new double[w + 1];
                for (int d = 0; d <= w; d++) {
                    long mm = lo[k] + d;
                    g[d] = mm == 0 ? 0 : k * mm * (ak - ln[(int) mm]);
                    hs[d] = k * mm * (lnM - ln[k]);
                }
                reach = Math.min(r, reach + (long) k * w);
                int newLo = (int) Math.max(0, r - suffix[i + 1]);
                int newHi = (int) reach;
                if (newLo > newHi) {
                    return null;
                }
                bestSoFar += top[k];
                loSoFar += k * lo[k];
                byte[] nc = w < Byte.MAX_VALUE ? new byte[newHi - newLo + 1] : null;
                int[] wc = nc == null ? new int[newHi - newLo + 1] : null;
                for (int t = newLo; t <= newHi; t++) {
                    int dMin = t > prevHi ? (t - prevHi + k - 1) / k : 0;
                    int dMax = Math.min(w, (t - prevLo) / k);
                    double bv = Double.NEGATIVE_INFINITY;
                    double bs = 0;
                    int bd = -1;
                    for (int d = dMin; d <= dMax; d++) {
                        int from = t - k * d;
                        double pv = val[from];
                        if (pv == Double.NEGATIVE_INFINITY) {
                            continue;
                        }
                        double cv = pv + g[d];
                        double cs = sec[from] + hs[d];
                        if (bd < 0 || cv > bv + tie || (cv >= bv - tie && cs > bs + tie)) {
                            bv = cv;
                            bs = cs;
                            bd = d;
                        }
                    }
                    if (bd >= 0 && bestSoFar - (bv - lambda * (loSoFar + t)) > budget) {
                        bd = -1;
                    }
                    nval[t] = bd < 0 ? Double.NEGATIVE_INFINITY : bv;
                    nsec[t] = bs;
                    if (nc != null) {
                        nc[t - newLo] = (byte) bd;
                    } else {
                        wc[t - newLo] = bd;
                    }
                }
                narrow[i] = nc;
                wide[i] = wc;
                windowLo[i] = newLo;
                double[] x = val;
                val = nval;
                nval = x;
                x = sec;
                sec = nsec;
                nsec = x;
                prevLo = newLo;
                prevHi = newHi;
            }
            if (prevLo > r || prevHi < r || val[r] == Double.NEGATIVE_INFINITY) {
                return null;
            }
            long[] m = lo.clone();
            int t = r;
            for (int i = n - 1; i >= 0; i--) {
                int k = order[i];
                int d = narrow[i] != null ? narrow[i][t - windowLo[i]] : wide[i][t - windowLo[i]];
                m[k] += d;
                t -= k * d;
            }
            return m;
        }
    }
}
