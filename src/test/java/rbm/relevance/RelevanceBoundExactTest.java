package rbm.relevance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rbm.random.RandomStreams;

/** The exact bound against brute force, PAPER.md's exact optima, random and nearby profiles, and its tie rule. */
class RelevanceBoundExactTest {
    private static final double[] MUS = {-0.5, 0, 0.5, 1, 2, 5};

    /** H[s] and H[K] (bits) of a profile m[k], straight from the definitions. */
    record Entropies(double resolution, double relevance) {
        double objective(double mu) {
            return relevance + mu * resolution;
        }
    }

    static Entropies entropies(long[] m) {
        long total = 0;
        for (int k = 1; k < m.length; k++) {
            total += k * m[k];
        }
        double hs = 0;
        double hk = 0;
        for (int k = 1; k < m.length; k++) {
            if (m[k] > 0) {
                double p = (double) k * m[k] / total;
                hs -= p * log2((double) k / total);
                hk -= p * log2(p);
            }
        }
        return new Entropies(hs, hk);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Every partition of M as a profile m[k]: the largest part first, each k given its multiplicity in turn. */
    private static void partitions(long[] m, int rest, int maxPart, List<long[]> out) {
        if (rest == 0) {
            out.add(m.clone());
            return;
        }
        for (int k = Math.min(rest, maxPart); k >= 1; k--) {
            for (int c = 1; c * k <= rest; c++) {
                m[k] = c;
                partitions(m, rest - c * k, k - 1, out);
            }
            m[k] = 0;
        }
    }

    @Test
    void equalsBruteForceOverAllPartitionsUpToSixty() {
        for (int total = 1; total <= 60; total++) {
            List<long[]> all = new ArrayList<>();
            partitions(new long[total + 1], total, total, all);
            List<Entropies> hs = all.stream().map(RelevanceBoundExactTest::entropies).toList();
            ProfileOptimizer optimizer = new ProfileOptimizer(total);
            for (double mu : MUS) {
                double best = Double.NEGATIVE_INFINITY;
                for (Entropies h : hs) {
                    best = Math.max(best, h.objective(mu));
                }
                double widest = Double.NEGATIVE_INFINITY; // the largest H[s] among the exact ties
                for (Entropies h : hs) {
                    if (h.objective(mu) >= best - 1e-13) {
                        widest = Math.max(widest, h.resolution());
                    }
                }
                ProfileOptimizer.Solution s = optimizer.solve(mu);
                String at = "M = " + total + ", μ = " + mu;
                assertEquals(best, s.objective(mu), 1e-12, at);
                assertEquals(widest, s.entropies().resolution(), 1e-12, at + ": the tie goes to the larger H[s]");
                assertEquals(best, entropies(profile(s, total)).objective(mu), 1e-12, at + ": the profile scores it");
                assertTrue(s.upper() >= best - 1e-12, at + ": the dual bound " + s.upper());
            }
        }
    }

    /** The optimal profile as m[k]. */
    private static long[] profile(ProfileOptimizer.Solution s, int total) {
        long[] m = new long[total + 1];
        long sum = 0;
        for (int i = 0; i < s.k().length; i++) {
            m[s.k()[i]] = s.m()[i];
            sum += s.k()[i] * s.m()[i];
        }
        assertEquals(total, sum, "Σ k·m_k = M");
        return m;
    }

    /** PAPER.md's exact optima of H[K] + μ·H[s] (bits). */
    @ParameterizedTest
    @CsvSource({
        "1000, 0, 5.280067", "1000, 0.5, 8.275811", "1000, 1, 11.852046",
        "8000, 0, 6.787908", "8000, 0.5, 10.590976", "8000, 1, 15.176585"})
    void paperExactOptima(long total, double mu, double optimum) {
        RelevanceBound.Point p = new RelevanceBound(total).at(mu);
        assertEquals(optimum, p.objective(), 1e-6);
        assertTrue(p.exact());
        assertEquals(p.objective(), p.upper(), "an exact point's upper bound is its objective");
        assertEquals(0, p.band());
    }

    /** Random profiles, and profiles a few moves away from each optimum, never beat it; the dual bound never does less. */
    @ParameterizedTest
    @CsvSource({"37", "200", "1000", "3001", "5000"})
    void nothingFoundLiesAboveTheCurve(int total) {
        UniformRandomProvider rng = RandomStreams.create(total, "RelevanceBoundExactTest");
        RelevanceBound bound = new RelevanceBound(total);
        ProfileOptimizer optimizer = new ProfileOptimizer(total);
        LagrangianProfile construction = new LagrangianProfile(total);
        for (double mu : new double[] {-0.9, -0.5, -0.1, 0, 0.25, 0.5, 1, 2, 5}) {
            RelevanceBound.Point best = bound.at(mu);
            ProfileOptimizer.Solution s = optimizer.solve(mu);
            assertTrue(s.upper() >= best.objective() - 1e-12, "dual bound at μ = " + mu);
            assertTrue(construction.at(mu).upper() >= best.objective() - 1e-12, "construction's bound, μ = " + mu);
            double tol = 1e-11 * Math.max(1, Math.abs(best.objective()));
            List<Long> counts = counts(profile(s, total));
            for (int trial = 0; trial < 400; trial++) {
                List<Long> moved = new ArrayList<>(counts);
                for (int step = 1 + rng.nextInt(3); step > 0; step--) {
                    move(moved, rng);
                }
                Entropies h = entropies(profileOf(moved, total));
                assertTrue(h.objective(mu) <= best.objective() + tol, "a neighbour beats the optimum at μ = " + mu);
            }
        }
        for (int trial = 0; trial < 300; trial++) {
            Entropies h = entropies(profileOf(randomCounts(total, rng), total));
            List<Double> mus = new ArrayList<>(List.of(-0.9, -0.5, 0.0, 0.5, 1.0, 2.0, 5.0));
            double slope = bound.muAt(h.resolution());
            if (slope > -1 && slope < RelevanceBound.MU_MAX) {
                mus.add(slope); // the tangent at the sample's own resolution
            }
            for (double mu : mus) {
                double top = bound.at(mu).objective();
                assertTrue(h.objective(mu) <= top + 1e-11 * Math.max(1, Math.abs(top)),
                        "a random sample " + h + " lies above the curve at μ = " + mu);
            }
        }
    }

    /** The sample's counts, one per state. */
    private static List<Long> counts(long[] m) {
        List<Long> out = new ArrayList<>();
        for (int k = 1; k < m.length; k++) {
            for (long i = 0; i < m[k]; i++) {
                out.add((long) k);
            }
        }
        return out;
    }

    private static long[] profileOf(List<Long> counts, int total) {
        long[] m = new long[total + 1];
        for (long k : counts) {
            m[(int) k]++;
        }
        return m;
    }

    /** One unit moved between two states, one state split in two, or two states merged. */
    private static void move(List<Long> counts, UniformRandomProvider rng) {
        int n = counts.size();
        int i = rng.nextInt(n);
        int kind = rng.nextInt(3);
        if (kind == 0 && n > 1) {
            int j = rng.nextInt(n - 1);
            j += j >= i ? 1 : 0;
            counts.set(j, counts.get(j) + 1);
            if (counts.get(i) == 1) {
                counts.remove(i);
            } else {
                counts.set(i, counts.get(i) - 1);
            }
        } else if (kind == 1 && counts.get(i) > 1) {
            long k = counts.get(i);
            long part = 1 + rng.nextLong(k - 1);
            counts.set(i, k - part);
            counts.add(part);
        } else if (n > 1) {
            int j = rng.nextInt(n - 1);
            j += j >= i ? 1 : 0;
            counts.set(i, counts.get(i) + counts.get(j));
            counts.remove(j);
        }
    }

    /** Counts drawn log-uniformly from what is left, so that both many small and a few large states occur. */
    private static List<Long> randomCounts(int total, UniformRandomProvider rng) {
        List<Long> out = new ArrayList<>();
        double spread = rng.nextDouble();
        long rest = total;
        while (rest > 0) {
            long k = Math.min(rest, (long) Math.exp(rng.nextDouble() * spread * Math.log(rest + 1.0)));
            out.add(Math.max(1, k));
            rest -= Math.max(1, k);
        }
        return out;
    }

    /**
     * Repeated calls and a fresh instance give the same point at μ = 0, M = 12345. At the μ of a hull edge its two
     * end vertices score the same: a tie, which goes to the larger H[s]. So at the μ of the edge leaving the μ = 0
     * vertex the optimum is the next vertex, and at the μ of the edge arriving at it, the μ = 0 vertex itself.
     */
    @Test
    void tiesAtMuZeroAreBrokenTheSameWayEveryTime() {
        int total = 12345;
        ProfileOptimizer.Solution s = new ProfileOptimizer(total).solve(0);
        ProfileOptimizer.Solution again = new ProfileOptimizer(total).solve(0);
        assertArrayEquals(s.k(), again.k());
        assertArrayEquals(s.m(), again.m());
        RelevanceBound bound = new RelevanceBound(total);
        RelevanceBound.Point top = bound.at(0);
        assertEquals(top, bound.at(0));
        assertEquals(top, new RelevanceBound(total).at(0));
        assertEquals(s.entropies().resolution(), top.resolution());

        double r = top.resolution();
        double leaving = bound.muAt(r + 1e-9);
        double arriving = bound.muAt(r - 1e-9);
        assertTrue(arriving <= 0 && 0 <= leaving && arriving < leaving, arriving + " " + leaving);
        RelevanceBound.Point next = new RelevanceBound(total).at(leaving);
        RelevanceBound.Point same = new RelevanceBound(total).at(arriving);
        assertEquals(top.relevance() + leaving * r, next.objective(), 1e-12, "the two ends of the edge tie");
        assertTrue(next.resolution() > r, "the tie at the leaving edge goes to the larger H[s]: " + next);
        assertEquals(r, same.resolution(), "the tie at the arriving edge goes to the μ = 0 vertex");
    }

    /** Above the limit the point is the construction, with a band up to the dual bound; at the limit it is exact. */
    @Test
    void largeSamplesReportTheirBand() {
        RelevanceBound big = new RelevanceBound(RelevanceBound.EXACT_LIMIT + 1L);
        assertFalse(big.exact());
        for (double mu : new double[] {0, 0.5, 1, 2}) {
            RelevanceBound.Point p = big.at(mu);
            assertFalse(p.exact());
            assertTrue(p.upper() >= p.objective() && p.band() >= 0 && p.band() < 0.01, p.toString());
        }
        RelevanceBound limit = new RelevanceBound(RelevanceBound.EXACT_LIMIT);
        assertTrue(limit.exact());
        RelevanceBound.Point exact = limit.at(0);
        RelevanceBound.Point built = big.at(0);
        // one more sample moves the optimum by far less than the band is wide; the exact point sits within it
        assertTrue(exact.objective() <= built.upper() + 1e-3, exact + " " + built);
        assertTrue(exact.exact() && exact.band() == 0);
    }

    /**
     * The bound's relevance at a resolution lies on the hull: at a vertex, the vertex's; on an edge, the line through
     * the edge's end with the edge's slope −μ; the diagonal below the branch, 0 past its end; never below any optimum
     * at that resolution, which a lookup of the nearest vertex would be.
     */
    @Test
    void relevanceAtReadsTheHull() {
        RelevanceBound bound = new RelevanceBound(1000);
        RelevanceBound.Point start = bound.at(RelevanceBound.MU_MIN);
        RelevanceBound.Point end = bound.at(RelevanceBound.MU_MAX);
        for (int i = 1; i < 200; i++) {
            double h = start.resolution() + (end.resolution() - start.resolution()) * i / 200.0;
            double mu = bound.muAt(h);
            RelevanceBound.Point v = bound.at(mu); // an end of the edge through h, or h's own vertex
            assertEquals(v.relevance() + mu * (v.resolution() - h), bound.relevanceAt(h), 1e-9, "H[s] = " + h);
        }
        RelevanceBound.Point zipf = bound.at(1);
        assertEquals(zipf.relevance(), bound.relevanceAt(zipf.resolution()), 1e-12);
        assertEquals(0.5, bound.relevanceAt(0.5), 0, "the diagonal");
        assertEquals(0, bound.relevanceAt(Math.log(1000) / Math.log(2)), 0);
        RelevanceBound.Point a = bound.at(0.5);
        RelevanceBound.Point b = bound.at(0.7);
        double mid = (a.resolution() + b.resolution()) / 2;
        assertTrue(bound.relevanceAt(mid) >= (a.relevance() + b.relevance()) / 2 - 1e-12, "the hull is concave");
        assertTrue(bound.relevanceAt(mid) > b.relevance(), "above the vertex that ends the edge");
    }
}
