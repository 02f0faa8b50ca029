package rbm.relevance;

import java.util.Map;
import java.util.TreeMap;

/**
 * The upper concave hull of the achievable (H[s], H[K]) points of samples of M states, found lazily by exact
 * optimisation: a vertex is the optimal profile of H[K] + μ·H[s] for some μ, and an edge AB is confirmed when the
 * optimum at μ_AB = −(H[K]_B − H[K]_A)/(H[s]_B − H[s]_A), the μ at which A and B score the same, is no higher than
 * they are (otherwise that optimum is a vertex between them, and the search goes on on both sides). Each query
 * refines only the edges it meets, and every optimisation there prunes against the edge's own line, which makes it
 * far cheaper than a free one.
 *
 * <p>Points above an edge by at most {@link #ABOVE} bits (relative to the objective) count as on it: the hull is
 * exact to that tolerance.
 */
final class BoundHull {
    /** How far above an edge (bits, relative to the objective) a new optimum must lie to count as a vertex. */
    static final double ABOVE = 1e-12;

    private final ProfileOptimizer optimizer;
    /** Known vertices by resolution, each with whether the edge to the next vertex is confirmed. */
    private final TreeMap<Double, Vertex> vertices = new TreeMap<>();

    private static final class Vertex {
        final RelevanceBound.Point point;
        boolean rightConfirmed;

        Vertex(RelevanceBound.Point point) {
            this.point = point;
        }
    }

    BoundHull(ProfileOptimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** The optimal point for μ, remembered as a vertex. */
    RelevanceBound.Point at(double mu) {
        ProfileOptimizer.Solution s = optimizer.solve(mu);
        RelevanceBound.Point p = point(mu, s);
        vertices.putIfAbsent(p.resolution(), new Vertex(p));
        return p;
    }

    private static RelevanceBound.Point point(double mu, ProfileOptimizer.Solution s) {
        ResolutionRelevance h = s.entropies();
        return new RelevanceBound.Point(mu, h.resolution(), h.relevance(), s.distinct());
    }

    /**
     * −(slope of the hull) at this resolution, which lies strictly between the resolutions at {@code first} and
     * {@code last} (both already vertices). On an edge, its μ; on a vertex, the midpoint of the interval of μ over
     * which that vertex is optimal.
     */
    double muAt(double resolution) {
        while (true) {
            Map.Entry<Double, Vertex> below = vertices.floorEntry(resolution);
            Map.Entry<Double, Vertex> above = vertices.ceilingEntry(resolution);
            if (below.getKey() == resolution) {
                Vertex v = below.getValue();
                return (leftMu(v) + rightMu(v)) / 2;
            }
            if (below.getValue().rightConfirmed || !refine(below.getValue(), above.getValue())) {
                return mu(below.getValue().point, above.getValue().point);
            }
        }
    }

    /**
     * The hull's relevance at this resolution, which lies strictly between the resolutions at {@code first} and
     * {@code last}: a vertex's own, or on an edge the straight line between its two vertices.
     */
    double relevanceAt(double resolution) {
        while (true) {
            Map.Entry<Double, Vertex> below = vertices.floorEntry(resolution);
            Map.Entry<Double, Vertex> above = vertices.ceilingEntry(resolution);
            if (below.getKey() == resolution) {
                return below.getValue().point.relevance();
            }
            if (below.getValue().rightConfirmed || !refine(below.getValue(), above.getValue())) {
                RelevanceBound.Point a = below.getValue().point;
                return a.relevance() - mu(a, above.getValue().point) * (resolution - a.resolution());
            }
        }
    }

    /** μ of the confirmed edge that ends at v: the least μ at which v is optimal. */
    private double leftMu(Vertex v) {
        while (true) {
            Vertex a = vertices.lowerEntry(v.point.resolution()).getValue();
            if (a.rightConfirmed || !refine(a, v)) {
                return mu(a.point, v.point);
            }
        }
    }

    /** μ of the confirmed edge that starts at v: the largest μ at which v is optimal. */
    private double rightMu(Vertex v) {
        while (true) {
            Vertex b = vertices.higherEntry(v.point.resolution()).getValue();
            if (v.rightConfirmed || !refine(v, b)) {
                return mu(v.point, b.point);
            }
        }
    }

    /** Optimises at μ_ab: true when that finds a new vertex between a and b, false when it confirms the edge. */
    private boolean refine(Vertex a, Vertex b) {
        double mu = mu(a.point, b.point);
        double line = a.point.relevance() + mu * a.point.resolution();
        double tol = ABOVE * Math.max(1, Math.abs(line));
        ProfileOptimizer.Solution s = optimizer.solve(mu, line - tol);
        if (s != null && s.objective(mu) > line + tol) {
            RelevanceBound.Point c = point(mu, s);
            if (c.resolution() > a.point.resolution() && c.resolution() < b.point.resolution()) {
                vertices.put(c.resolution(), new Vertex(c));
                return true;
            }
        }
        a.rightConfirmed = true;
        return false;
    }

    private static double mu(RelevanceBound.Point a, RelevanceBound.Point b) {
        return -(b.relevance() - a.relevance()) / (b.resolution() - a.resolution());
    }
}
