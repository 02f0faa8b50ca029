package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.DeepBeliefNet;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;
import rbm.random.RandomStreams;
import rbm.train.BatchSchedule;
import rbm.train.ContrastiveDivergence;
import rbm.train.TrainingConfig;

/**
 * The DBN bound against exact enumeration: at depth 1 it is the RBM's log-likelihood; above, the estimate agrees with
 * the exact expectation over q within its Monte Carlo error, and neither exceeds the exact log p(v) of the net.
 */
class DbnBoundEstimatorTest {
    private static final int[] WIDTHS = {12, 8, 6, 4};

    @Test
    void depthOneIsTheRbmLogLikelihood() {
        Rbm rbm = BruteForceAccess.randomRbm(7, 5, 1.0, 21);
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(rbm, BruteForceAccess.randomRbm(5, 3, 1.0, 22)));
        int[] patterns = randomPatterns(9, 7, 23);
        double[] exact = new double[patterns.length];
        for (int n = 0; n < patterns.length; n++) {
            exact[n] = BruteForceAccess.logProbability(rbm, patterns[n]);
        }
        DbnBound want = DbnBound.of(1, exact, 0, 5);
        try (Compute compute = Compute.create(2)) {
            double logZ = ExactLikelihood.logPartition(rbm, compute);
            DbnBound got = DbnBoundEstimator.estimate(dbn, new double[] {logZ}, images(patterns, 7), patterns.length,
                    5, 1, compute).getFirst();
            assertEquals(want.bound(), got.bound(), 1e-5);
            assertEquals(0.0, got.standardError());
            assertEquals(want.imagesStandardError(), got.imagesStandardError(), 1e-5);
            assertEquals(patterns.length, got.images());
        }
    }

    @Test
    void randomStackBoundIsExactInExpectationAndBelowTheLogLikelihood() {
        checkAgainstEnumeration(randomStack(1.0, 31), randomPatterns(6, WIDTHS[0], 32));
    }

    @Test
    void largeWeightsBoundIsExactInExpectationAndBelowTheLogLikelihood() {
        checkAgainstEnumeration(randomStack(2.5, 41), randomPatterns(6, WIDTHS[0], 42));
    }

    @Test
    void trainedStackBoundIsExactInExpectationAndBelowTheLogLikelihood() {
        int[] data = prototypeData(2000, 51);
        DeepBeliefNet dbn = trainedStack(data, 52);
        int[] images = new int[6];
        System.arraycopy(data, 0, images, 0, images.length);
        checkAgainstEnumeration(dbn, images);
    }

    @Test
    void sameSeedAndThreadsGiveTheSameNumbers() {
        DeepBeliefNet dbn = randomStack(1.0, 61);
        float[] v = images(randomPatterns(5, WIDTHS[0], 62), WIDTHS[0]);
        double[] logZ = {1, 2, 3};
        try (Compute compute = Compute.create(2)) {
            List<DbnBound> first = DbnBoundEstimator.estimate(dbn, logZ, v, 5, 50, 7, compute);
            assertEquals(first, DbnBoundEstimator.estimate(dbn, logZ, v, 5, 50, 7, compute));
            assertEquals(first.subList(0, 2),
                    DbnBoundEstimator.estimate(dbn, new double[] {1, 2}, v, 5, 50, 7, compute),
                    "each layer draws from its own stream, so fewer depths leave the others unchanged");
            assertNotEquals(first.get(2).bound(), DbnBoundEstimator.estimate(dbn, logZ, v, 5, 50, 8, compute)
                    .get(2).bound());
            List<DbnBound> topOnly = DbnBoundEstimator.estimate(dbn, new double[] {Double.NaN, Double.NaN, 3}, v, 5,
                    50, 7, compute);
            assertTrue(Double.isNaN(topOnly.getFirst().bound()), "no log Z, no bound");
            assertEquals(first.get(2), topOnly.get(2));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        DeepBeliefNet dbn = randomStack(1.0, 71);
        float[] v = new float[2 * WIDTHS[0]];
        try (Compute compute = Compute.create(1)) {
            assertThrows(IllegalArgumentException.class,
                    () -> DbnBoundEstimator.estimate(dbn, new double[] {0, 0, 0, 0}, v, 2, 10, 1, compute));
            assertThrows(IllegalArgumentException.class,
                    () -> DbnBoundEstimator.estimate(dbn, new double[0], v, 2, 10, 1, compute));
            assertThrows(IllegalArgumentException.class,
                    () -> DbnBoundEstimator.estimate(dbn, new double[] {0}, v, 2, 1, 1, compute));
            assertThrows(IllegalArgumentException.class,
                    () -> DbnBoundEstimator.estimate(dbn, new double[] {0}, v, 3, 10, 1, compute));
        }
    }

    /**
     * At every depth, with exact log Z: the exact bound is at most the exact log p(v) (Jensen), the estimate lies
     * within 3 Monte Carlo standard errors of the exact bound, and so not above log p(v) by more than that.
     */
    private static void checkAgainstEnumeration(DeepBeliefNet dbn, int[] patterns) {
        DbnEnumeration exact = new DbnEnumeration(dbn.rbms());
        int depths = dbn.depth();
        double[] logZ = new double[depths];
        for (int d = 1; d <= depths; d++) {
            logZ[d - 1] = exact.logPartition(d);
        }
        List<DbnBound> bounds;
        try (Compute compute = Compute.create(2)) {
            bounds = DbnBoundEstimator.estimate(dbn, logZ, images(patterns, WIDTHS[0]), patterns.length, 4000, 3,
                    compute);
        }
        for (int d = 1; d <= depths; d++) {
            double logP = 0;
            double bound = 0;
            for (int v : patterns) {
                logP += exact.logProbability(d, v) / patterns.length;
                bound += exact.bound(d, v) / patterns.length;
            }
            DbnBound got = bounds.get(d - 1);
            String where = "depth " + d + ": estimate " + got.bound() + " ± " + got.standardError() + ", exact bound "
                    + bound + ", exact log p(v) " + logP;
            assertEquals(d, got.depth());
            assertTrue(bound <= logP + 1e-9, where);
            if (d == 1) {
                assertEquals(logP, bound, 1e-9, where);
                assertEquals(logP, got.bound(), 1e-5, where);
                assertEquals(0.0, got.standardError(), where);
            } else {
                assertTrue(got.standardError() > 0 && got.standardError() < 0.05, where);
                assertEquals(bound, got.bound(), 3 * got.standardError(), where);
                assertTrue(got.bound() <= logP + 3 * got.standardError(), where);
            }
        }
    }

    private static DeepBeliefNet randomStack(double scale, long seed) {
        List<Rbm> rbms = new ArrayList<>();
        for (int j = 1; j < WIDTHS.length; j++) {
            rbms.add(BruteForceAccess.randomRbm(WIDTHS[j - 1], WIDTHS[j], scale, seed + j));
        }
        return new DeepBeliefNet(rbms);
    }

    /** A stack trained greedily by CD-1, each RBM on the hidden probabilities of the one below. */
    private static DeepBeliefNet trainedStack(int[] data, long seed) {
        TrainingConfig config = new TrainingConfig(1, false, false, 0.1, 0.5, 0.9, 5, 2e-4, 20, 0.01, true,
                BatchSchedule.SHUFFLED);
        List<Rbm> rbms = new ArrayList<>();
        float[] x = images(data, WIDTHS[0]);
        try (Compute compute = Compute.create(2)) {
            for (int j = 1; j < WIDTHS.length; j++) {
                Rbm init = ContrastiveDivergence.initialise(WIDTHS[j - 1], WIDTHS[j], x, data.length, config,
                        RandomStreams.create(seed, "init " + j));
                ContrastiveDivergence cd = new ContrastiveDivergence(init, config, compute, seed, "layer " + j);
                for (int epoch = 0; epoch < 20; epoch++) {
                    cd.trainEpoch(x, data.length, epoch, null);
                }
                rbms.add(cd.rbm());
                x = DeepBeliefNet.up(compute, cd.rbm(), x, data.length, null);
            }
        }
        return new DeepBeliefNet(rbms);
    }

    /** Four 12-bit prototypes, each bit flipped with probability 0.1. */
    private static int[] prototypeData(int rows, long seed) {
        int[] prototypes = {0b111111000000, 0b000000111111, 0b110011001100, 0b001100110011};
        UniformRandomProvider rng = RandomStreams.create(seed, "prototypes");
        int[] data = new int[rows];
        for (int r = 0; r < rows; r++) {
            int v = prototypes[rng.nextInt(prototypes.length)];
            for (int i = 0; i < WIDTHS[0]; i++) {
                if (rng.nextDouble() < 0.1) {
                    v ^= 1 << i;
                }
            }
            data[r] = v;
        }
        return data;
    }

    private static int[] randomPatterns(int count, int width, long seed) {
        UniformRandomProvider rng = RandomStreams.create(seed, "patterns");
        int[] patterns = new int[count];
        for (int n = 0; n < count; n++) {
            patterns[n] = rng.nextInt(1 << width);
        }
        return patterns;
    }

    private static float[] images(int[] patterns, int width) {
        float[] v = new float[patterns.length * width];
        for (int n = 0; n < patterns.length; n++) {
            for (int i = 0; i < width; i++) {
                v[n * width + i] = patterns[n] >> i & 1;
            }
        }
        return v;
    }
}
