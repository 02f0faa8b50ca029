package rbm.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rbm.count.FrequencyProfile;

/** The bound against the reference points of PAPER.md, its slope, and the shape of the curve. */
class RelevanceBoundTest {

    @ParameterizedTest
    @CsvSource({
        "60000, 0, 8.580, 8.239",
        "60000, 1, 12.354, 5.992",
        "60000, 2, 15.116, 2.211",
        "10000, 1, 10.359, 5.170"})
    void referencePoints(long m, double mu, double hs, double hk) {
        RelevanceBound.Point p = new RelevanceBound(m).at(mu);
        assertEquals(hs, p.resolution(), 0.01, "H[s]");
        assertEquals(hk, p.relevance(), 0.01, "H[K]");
    }

    @Test
    void zipfPointAtSixtyThousandNeedsAboutSixteenThousandStates() {
        long distinct = new RelevanceBound(60000).at(1).distinct();
        assertTrue(distinct > 15_000 && distinct < 17_500, "distinct states " + distinct);
    }

    /** dH[K]/dH[s] = −μ: at the Zipf point the slope is −1. */
    @ParameterizedTest
    @CsvSource({"60000, 1", "10000, 1", "60000, 2", "60000, 0.5"})
    void slopeIsMinusMu(long m, double mu) {
        RelevanceBound bound = new RelevanceBound(m);
        RelevanceBound.Point p = bound.at(mu - 0.05);
        RelevanceBound.Point q = bound.at(mu + 0.05);
        double slope = (q.relevance() - p.relevance()) / (q.resolution() - p.resolution());
        assertEquals(-mu, slope, 0.02);
    }

    /**
     * The optimum at μ is a vertex of the hull: the edges on either side have slopes −μ_left and −μ_right with
     * μ_left ≤ μ ≤ μ_right (up to the optimiser's tie tolerance: at μ = 2 the left neighbour scores 10^−13 bits
     * more, a tie the larger H[s] wins), and at the μ muAt gives for the vertex itself the same vertex is optimal.
     */
    @Test
    void muAtInvertsTheResolution() {
        RelevanceBound bound = new RelevanceBound(60000);
        for (double mu : new double[] {0, 0.5, 1, 2, 5}) {
            double r = bound.at(mu).resolution();
            assertTrue(bound.muAt(r - 1e-9) <= mu + 1e-6 && mu <= bound.muAt(r + 1e-9) + 1e-6, "mu " + mu);
            assertEquals(r, bound.at(bound.muAt(r)).resolution(), "mu " + mu);
        }
        assertEquals(-1, bound.muAt(3.0), "on the diagonal the slope is +1");
        assertEquals(Double.POSITIVE_INFINITY, bound.muAt(Math.log(60000) / Math.log(2)), "all states distinct");
    }

    @Test
    void curveRunsFromTheOriginToFullResolution() {
        RelevanceBound bound = new RelevanceBound(60000);
        List<RelevanceBound.Point> curve = bound.curve(21);
        assertEquals(21 + 3, curve.size(), "origin, 21 points, μ = 0 and μ = 1");
        assertEquals(0, curve.getFirst().resolution());
        assertTrue(curve.stream().anyMatch(p -> p.mu() == 1));
        double log2m = Math.log(60000) / Math.log(2);
        for (int i = 1; i < curve.size(); i++) {
            RelevanceBound.Point p = curve.get(i);
            assertTrue(p.mu() > curve.get(i - 1).mu());
            assertTrue(p.resolution() > curve.get(i - 1).resolution());
            assertTrue(p.relevance() <= p.resolution() && p.resolution() <= log2m, p.toString());
        }
        assertTrue(curve.getLast().resolution() > log2m - 0.01);
    }

    /** Every small sample size gives a curve, and every sample of that size lies on or below it where it is known. */
    @Test
    void smallSampleSizes() {
        for (long m = 1; m <= 40; m++) {
            RelevanceBound bound = new RelevanceBound(m);
            List<RelevanceBound.Point> curve = bound.curve(11);
            assertTrue(curve.size() >= 2, "M = " + m);
            RelevanceBound.Point top = bound.at(0);
            for (long[] counts : new long[][] {{m}, ones(m)}) {
                ResolutionRelevance h = ResolutionRelevance.of(FrequencyProfile.ofCounts(counts));
                assertTrue(h.relevance() <= top.relevance() + 1e-9, "M = " + m);
                assertTrue(bound.muAt(h.resolution()) >= -1, "M = " + m);
            }
        }
    }

    private static long[] ones(long m) {
        long[] x = new long[(int) m];
        java.util.Arrays.fill(x, 1);
        return x;
    }

    @Test
    void smallAndLargeSamples() {
        assertEquals(0, new RelevanceBound(1).at(1).resolution());
        RelevanceBound.Point two = new RelevanceBound(2).at(5);
        assertEquals(1, two.resolution(), 1e-12, "two distinct states");
        long started = System.nanoTime();
        RelevanceBound.Point big = new RelevanceBound(100_000_000).at(1);
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "the run of single states is summed in closed form");
        assertTrue(big.resolution() > 20 && big.resolution() < Math.log(1e8) / Math.log(2), big.toString());
        assertTrue(big.relevance() > 0 && big.relevance() < big.resolution(), big.toString());
    }

    /**
     * The README's figure: {@code bound --samples 100000000} takes about a second. The curve it prints, 21 points at
     * M = 10^8, costs under 3 s of this thread's CPU time (CPU time, so that a loaded machine does not fail it).
     */
    @Test
    void theCurveAtAHundredMillionTakesAboutASecond() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "needs the thread's CPU time");
        long started = threads.getCurrentThreadCpuTime();
        List<RelevanceBound.Point> curve = new RelevanceBound(100_000_000).curve(21);
        double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
        assertTrue(seconds < 3, "the curve at M = 10^8 took " + seconds + " s of CPU");
        assertTrue(curve.size() >= 21, curve.toString());
    }
}
