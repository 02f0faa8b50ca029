package rbm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rbm.data.TestFiles.assertBadInput;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class BinarizationTest {
    private static final float[] GREY = {0f, 0.2f, 0.3f, 0.31f, 0.5f, 0.51f, 0.9f, 1f};

    @Test
    void thresholdAtHalf() {
        Dataset out = Binarization.parse("threshold").apply(Dataset.of(GREY.clone(), 2, 4), null);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 1, 1}, out.values());
    }

    @Test
    void thresholdAtPointThree() {
        Dataset out = Binarization.parse("threshold:0.3").apply(Dataset.of(GREY.clone(), 2, 4), null);
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 1, 1}, out.values());
    }

    @Test
    void keepsLabelsAndShape() {
        Dataset in = Dataset.of(GREY.clone(), 2, 4).withLabels(new int[] {3, 4});
        Dataset out = Binarization.threshold(0.5).apply(in, null);
        assertEquals(2, out.rows());
        assertEquals(4, out.cols());
        assertArrayEquals(new int[] {3, 4}, out.labels());
    }

    @Test
    void probabilitiesAreUnchanged() {
        Dataset in = Dataset.of(GREY.clone(), 2, 4);
        Dataset out = Binarization.parse("probabilities").apply(in, null);
        assertArrayEquals(GREY, out.values());
        assertSame(in, out);
    }

    @Test
    void stochasticMeanIsCloseToTheGreyLevel() {
        int n = 100_000;
        float[] values = new float[2 * n];
        for (int i = 0; i < n; i++) {
            values[2 * i] = 0.3f;
            values[2 * i + 1] = 0.85f;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        Dataset out = Binarization.parse("stochastic").apply(Dataset.of(values, n, 2), rng);
        double[] sums = new double[2];
        for (int i = 0; i < out.values().length; i++) {
            float v = out.values()[i];
            assertTrue(v == 0f || v == 1f, "not binary: " + v);
            sums[i % 2] += v;
        }
        // the standard error of a mean of n Bernoulli(p) draws is sqrt(p(1-p)/n) <= 0.0016; allow about 6 of them
        assertEquals(0.3, sums[0] / n, 0.01);
        assertEquals(0.85, sums[1] / n, 0.01);
    }

    @Test
    void stochasticNeverTurnsOnZeroAndAlwaysTurnsOnOne() {
        float[] values = new float[2000];
        for (int i = 0; i < values.length; i += 2) {
            values[i + 1] = 1f;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        Dataset out = Binarization.stochastic().apply(Dataset.of(values.clone(), 1000, 2), rng);
        assertArrayEquals(values, out.values());
    }

    @Test
    void toStringRoundTripsThroughParse() {
        for (String spec : new String[] {"threshold", "threshold:0.3", "THRESHOLD:1", "stochastic", "probabilities"}) {
            Binarization b = Binarization.parse(spec);
            assertEquals(b, Binarization.parse(b.toString()), spec);
        }
        assertEquals("threshold:0.5", Binarization.parse("threshold").toString());
        assertEquals(Binarization.Mode.STOCHASTIC, Binarization.parse(" Stochastic ").mode());
        assertEquals(0.3, Binarization.parse("threshold:0.3").threshold());
    }

    @Test
    void badSpecsNameTheFlagAndListTheChoices() {
        assertBadInput(() -> Binarization.parse("median"), "--binarize", "'median'", "threshold", "stochastic",
                "probabilities");
        assertBadInput(() -> Binarization.parse(""), "--binarize", "unknown mode");
        assertBadInput(() -> Binarization.parse("threshold:1.5"), "--binarize", "'1.5'", "[0,1]");
        assertBadInput(() -> Binarization.parse("threshold:abc"), "--binarize", "'abc'", "[0,1]");
        assertBadInput(() -> Binarization.parse("threshold:"), "--binarize", "[0,1]");
        assertBadInput(() -> Binarization.parse("stochastic:0.2"), "--binarize", "no ':' value");
    }
}
