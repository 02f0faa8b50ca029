package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.kernels.Compute;

/** Real digits score high, copies of one digit score zero, and distances match a brute-force search. */
class GenerationScoreTest {
    static Dataset train;
    static Dataset test;
    static SoftmaxRegression classifier;

    @BeforeAll
    static void fit() {
        train = Binarization.parse("threshold").apply(DataLoader.mnistTrain().subset(0, 5000), null);
        test = Binarization.parse("threshold").apply(DataLoader.mnistTest().subset(0, 200), null);
        try (Compute compute = Compute.create(2)) {
            classifier = SoftmaxRegression.fit(train, 10, SoftmaxRegression.Settings.defaults().withEpochs(5), compute);
        }
    }

    @Test
    void realDigitsAreConfidentVariedAndDistinct() {
        try (Compute compute = Compute.create(2)) {
            GenerationScore s = GenerationScore.of(test.values(), 200, train.values(), 5000, 784, classifier, compute);
            assertTrue(s.confidence() > 0.7, "confidence " + s.confidence());
            assertTrue(s.labelEntropy() > 3.0, "label entropy " + s.labelEntropy());
            assertEquals(1.0, s.distinctFraction());
            assertTrue(s.score() > 0.6, "score " + s.score());
            assertEquals(200, Arrays.stream(s.labelCounts()).sum());
        }
    }

    @Test
    void copiesOfOneDigitScoreZero() {
        float[] copies = new float[20 * 784];
        for (int r = 0; r < 20; r++) {
            System.arraycopy(train.values(), 0, copies, r * 784, 784);
        }
        try (Compute compute = Compute.create(1)) {
            GenerationScore s = GenerationScore.of(copies, 20, train.values(), 5000, 784, classifier, compute);
            assertEquals(0.0, s.labelEntropy(), 1e-12);
            assertEquals(1.0 / 20, s.distinctFraction());
            assertEquals(0.0, s.score(), 1e-12);
            assertEquals(0.0, s.nearestDistance(), 1e-12, "each copy is a training image");
        }
    }

    @Test
    void nearestJaccardMatchesBruteForce() {
        float[] g = Arrays.copyOf(test.values(), 8 * 784);
        g[3] = 0.7f; // above 0.5: counts as ink
        g[784 + 200] = 0.2f; // below: blank
        Arrays.fill(g, 7 * 784, 8 * 784, 0f); // a blank image: far from every digit, however few pixels differ
        g[7 * 784 + 400] = 1f;
        double[] want = new double[8];
        for (int r = 0; r < 8; r++) {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < 5000; t++) {
                int shared = 0;
                int union = 0;
                for (int i = 0; i < 784; i++) {
                    boolean a = g[r * 784 + i] > 0.5f;
                    boolean b = train.values()[t * 784 + i] == 1f;
                    shared += a && b ? 1 : 0;
                    union += a || b ? 1 : 0;
                }
                best = Math.min(best, 1 - (double) shared / union);
            }
            want[r] = best;
        }
        try (Compute compute = Compute.create(2)) {
            double[] got = GenerationScore.nearestJaccard(g, 8, train.values(), 5000, 784, compute);
            assertArrayEquals(want, got, 1e-12);
            assertTrue(got[7] > 0.9, "one ink pixel shares almost nothing with any digit: " + got[7]);
        }
    }

    @Test
    void scoreErrorIsTheSpreadOfTheParts() {
        // the first half copies of one digit, the second half real digits: the parts disagree, so the error is large
        float[] x = new float[200 * 784];
        for (int r = 0; r < 100; r++) {
            System.arraycopy(train.values(), 0, x, r * 784, 784);
        }
        System.arraycopy(test.values(), 0, x, 100 * 784, 100 * 784);
        try (Compute compute = Compute.create(1)) {
            GenerationScore mixed = GenerationScore.of(x, 200, train.values(), 5000, 784, classifier, compute);
            GenerationScore real = GenerationScore.of(test.values(), 200, train.values(), 5000, 784, classifier,
                    compute);
            assertTrue(mixed.scoreError() > 0.1, "mixed parts: " + mixed.scoreError());
            assertTrue(real.scoreError() < mixed.scoreError() / 2, "real digits: " + real.scoreError());
            assertEquals(200, mixed.nearest().length);
        }
    }
}
