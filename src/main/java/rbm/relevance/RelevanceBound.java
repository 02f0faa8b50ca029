package rbm.relevance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The curve of maximal relevance: for a sample size M, the largest H[K] any sample of M states can have at each
 * resolution H[s]. Maximising H[K] + μ·H[s] under Σ k·m_k = M gives m_k ∝ k^−(1+μ), and along the curve
 * dH[K]/dH[s] = −μ. At μ = 1 (Zipf's law) resolution and relevance trade one for one; μ = 0 is the maximum of H[K].
 *
 * <p>For M ≤ {@link #EXACT_LIMIT}, {@link #at} is the exact optimum over integer profiles ({@link ProfileOptimizer}),
 * and the curve is the upper concave hull of the achievable (H[s], H[K]) points ({@link BoundHull}). The optimum is
 * piecewise constant in μ: it jumps from hull vertex to hull vertex, and between two vertices the curve is the
 * straight edge joining them. Above the limit, {@link #at} is the Lagrangian construction ({@link LagrangianProfile}),
 * a feasible profile within a known band below the optimum: {@link Point#upper} is the Lagrangian dual's bound on
 * H[K] + μ·H[s], and {@link Point#band} the width between them.
 *
 * <p>As μ → −1 the optimum becomes a sample whose states all have different counts, where H[K] = H[s]; below that
 * resolution the bound is the diagonal H[K] = H[s]. The branch −1 < μ < 0 rises from the diagonal to the maximum of
 * H[K]; μ > 0 falls from there to (log2 M, 0) as μ → ∞.
 */
public final class RelevanceBound {
    /** The branch is traced from here; closer to −1 the curve is indistinguishable from the diagonal. */
    public static final double MU_MIN = -0.99;
    /** The largest M for which the bound is exact (a single μ at this M takes about a second at most). */
    public static final int EXACT_LIMIT = 100_000;
    /** Beyond this μ the bound is within a few states of all-distinct; resolutions above it report μ = ∞. */
    public static final double MU_MAX = 100;

    private final long samples;
    /** The hull of exact optima for M ≤ {@link #EXACT_LIMIT}, otherwise null. */
    private final BoundHull hull;
    /** The Lagrangian construction for M above {@link #EXACT_LIMIT}, otherwise null. */
    private final LagrangianProfile construction;
    private final Map<Double, Point> points = new HashMap<>();
    /** {@link #curve} of the last number of points asked for, as the table and the chart both ask for the same. */
    private List<Point> lastCurve;
    private int lastCurvePoints;

    /**
     * A point of the bound, with the number of distinct states of the optimal sample (−1 on the diagonal).
     *
     * @param upper the Lagrangian dual's upper bound on H[K] + μ·H[s] (bits); the objective itself when exact
     * @param exact whether the point is the exact optimum for its μ
     */
    public record Point(double mu, double resolution, double relevance, long distinct, double upper, boolean exact) {
        /** An exact point. */
        public Point(double mu, double resolution, double relevance, long distinct) {
            this(mu, resolution, relevance, distinct, relevance + mu * resolution, true);
        }

        /** H[K] + μ·H[s] (bits). */
        public double objective() {
            return relevance + mu * resolution;
        }

        /** How far the optimum can lie above this point's objective (bits): 0 when exact. */
        public double band() {
            return exact ? 0 : Math.max(0, upper - objective());
        }
    }

    public RelevanceBound(long samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("the bound needs a sample of at least one state, got " + samples);
        }
        this.samples = samples;
        boolean exact = samples <= EXACT_LIMIT;
        this.hull = exact ? new BoundHull(new ProfileOptimizer((int) samples)) : null;
        this.construction = exact ? null : new LagrangianProfile(samples);
    }

    public long samples() {
        return samples;
    }

    /** Whether {@link #at} and the curve are exact for this M (M ≤ {@link #EXACT_LIMIT}). */
    public boolean exact() {
        return hull != null;
    }

    /**
     * The optimal sample for this μ (in (−1, ∞)) and its resolution and relevance: exact for M ≤
     * {@link #EXACT_LIMIT}, with ties broken as {@link ProfileOptimizer} states (the larger H[s]); above it, the
     * Lagrangian construction and the dual's bound.
     */
    public synchronized Point at(double mu) {
        if (!(mu > -1) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("μ must be finite and above −1, got " + mu);
        }
        Point p = points.get(mu);
        if (p == null) {
            p = hull != null ? hull.at(mu) : constructed(mu);
            points.put(mu, p);
        }
        return p;
    }

    private Point constructed(double mu) {
        LagrangianProfile.Result r = construction.at(mu);
        ResolutionRelevance h = r.entropies();
        return new Point(mu, h.resolution(), h.relevance(), r.distinct(),
                Math.max(r.upper(), h.relevance() + mu * h.resolution()), false);
    }

    /**
     * The μ of the point of the bound whose resolution is {@code resolution}: the bound's slope there is −μ, the
     * first of the two estimates of a layer's μ. −1 on the diagonal (resolution at or below the start of the branch),
     * +∞ when the resolution reaches the point at {@link #MU_MAX} (where the optimal states are all, or all but a
     * few, distinct: the curve ends there with no defined slope). For exact M, the slope of the hull edge through
     * that resolution, or on a hull vertex the midpoint of the interval of μ over which the vertex is optimal; above
     * the limit, the μ whose constructed point has that resolution.
     */
    public synchronized double muAt(double resolution) {
        if (resolution <= at(MU_MIN).resolution()) {
            return -1;
        }
        if (resolution >= at(MU_MAX).resolution()) {
            return Double.POSITIVE_INFINITY;
        }
        if (hull != null) {
            return hull.muAt(resolution);
        }
        double lo = MU_MIN;
        double hi = MU_MAX;
        while (hi - lo > 1e-7 * Math.max(1, Math.abs(lo))) {
            double mid = (lo + hi) / 2;
            if (constructed(mid).resolution() < resolution) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * The bound's relevance at this resolution: the diagonal H[K] = H[s] up to the start of the branch, 0 from the
     * point at {@link #MU_MAX} on (where the optimal states are all, or all but a few, distinct), and in between the
     * curve itself: for exact M the hull, a vertex or the straight edge between two; above the limit, the constructed
     * point whose resolution this is.
     */
    public synchronized double relevanceAt(double resolution) {
        if (resolution <= at(MU_MIN).resolution()) {
            return Math.max(0, resolution);
        }
        if (resolution >= at(MU_MAX).resolution()) {
            return 0;
        }
        return hull != null ? hull.relevanceAt(resolution) : at(muAt(resolution)).relevance();
    }

    /**
     * The curve as {@code points} points spaced evenly in resolution from the start of the branch to the point at
     * μ = 10, preceded by the origin (the diagonal's start) and with the points μ = 0 (maximum relevance) and μ = 1
     * (Zipf) added, in order of increasing μ. For exact M each target resolution gives the hull vertex that ends its
     * edge, and a vertex met twice is listed once.
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
        for (double mu : mus.stream().sorted().distinct().toList()) {
            Point p = at(mu);
            if (out.size() == 1 || p.resolution() > out.getLast().resolution()) {
                out.add(p);
            } else if (mu == 0 || mu == 1) { // the same vertex: keep it under the μ the table marks
                out.set(out.size() - 1, p);
            }
        }
        lastCurve = List.copyOf(out);
        lastCurvePoints = points;
        return lastCurve;
    }
}
