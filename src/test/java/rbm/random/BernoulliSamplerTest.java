package rbm.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.KernelsProvider;

class BernoulliSamplerTest {

    /** Two uniforms per draw: the draw's top 24 bits and bits 31–8, each a multiple of 2^−24 in [0, 1). */
    @Test
    void uniformsComeTwoFromEachDrawOnTheGridOfNextFloat() {
        UniformRandomProvider a = RandomStreams.create(3, "u");
        UniformRandomProvider b = RandomStreams.create(3, "u");
        float[] u = new float[7];
        BernoulliSampler.uniforms(a, u, 7);
        for (int j = 0; j < 6; j += 2) {
            long z = b.nextLong();
            assertEquals((double) (z >>> 40) / (1 << 24), u[j], 0.0, "uniform " + j);
            assertEquals((double) ((z & 0xFFFF_FFFFL) >>> 8) / (1 << 24), u[j + 1], 0.0, "uniform " + (j + 1));
        }
        assertEquals((double) (b.nextLong() >>> 40) / (1 << 24), u[6], 0.0, "the odd last one");
        assertEquals(a.nextLong(), b.nextLong(), "both generators drew four times");
    }

    /** Mean, the fraction in each quarter, and no correlation between the two uniforms of one draw. */
    @Test
    void uniformsAreUniformAndThePairsIndependent() {
        UniformRandomProvider rng = RandomStreams.create(4, "u");
        int n = 1_000_000;
        float[] u = new float[n];
        BernoulliSampler.uniforms(rng, u, n);
        double sum = 0;
        double pair = 0;
        int[] quarter = new int[4];
        for (int j = 0; j < n; j++) {
            assertTrue(u[j] >= 0f && u[j] < 1f, "in [0, 1)");
            sum += u[j];
            quarter[(int) (u[j] * 4)]++;
            if (j % 2 == 0) {
                pair += (u[j] - 0.5) * (u[j + 1] - 0.5);
            }
        }
        // sd of the mean: sqrt(1/12 / n) = 2.9e-4; of a quarter's count: sqrt(n · 3/16) = 433; of the pair
        // correlation: 1/sqrt(n/2) = 1.4e-3 (in units of the variance 1/12); 5 sd each
        assertEquals(0.5, sum / n, 1.5e-3);
        for (int q = 0; q < 4; q++) {
            assertEquals(n / 4.0, quarter[q], 2200, "quarter " + q);
        }
        assertEquals(0, pair / (n / 2.0) * 12, 7e-3, "correlation within a draw");
    }

    /**
     * Sampling inside the product's hand-over, on each thread's block of columns, against the probabilities: the
     * frequency of ones at p = 0.2, 0 at p = 0 and 1 at p = 1, and the same states for the same seed.
     */
    @Test
    void samplingAFusedBlockFollowsTheProbabilitiesAndIsReproducible() {
        for (int threads : new int[] {1, 2}) {
            float[][] runs = new float[2][];
            for (int run = 0; run < 2; run++) {
                try (Compute compute = new Compute(KernelsProvider.best(), threads)) {
                    int rows = 200;
                    int visible = 30;
                    int hidden = 301; // wider than tall: split by columns on two threads
                    float[] v = new float[rows * visible];
                    float[] w = new float[visible * hidden];
                    float[] bias = new float[hidden];
                    // σ(bias) is 0.2 in the first column, 0 (σ(−100)) in the second, 1 in the third, 0.5 elsewhere
                    bias[0] = (float) Math.log(0.2 / 0.8);
                    bias[1] = -100f;
                    bias[2] = 100f;
                    float[] p = new float[rows * hidden];
                    float[] s = new float[rows * hidden];
                    BernoulliSampler sampler = BernoulliSampler.create(compute, 9, "test", hidden);
                    for (int rep = 0; rep < 50; rep++) {
                        compute.gemmSigmoid(false, rows, hidden, visible, v, w, bias, p, sampler.prepare(p, s, hidden));
                        for (int r = 0; r < rows; r++) {
                            for (int j = 0; j < hidden; j++) {
                                float x = s[r * hidden + j];
                                assertTrue(x == 0f || x == 1f);
                                if (j == 1) {
                                    assertEquals(0f, x);
                                } else if (j == 2) {
                                    assertEquals(1f, x);
                                }
                            }
                        }
                    }
                    double ones = 0;
                    double half = 0;
                    for (int r = 0; r < rows; r++) {
                        ones += s[r * hidden];
                        for (int j = 3; j < hidden; j++) {
                            half += s[r * hidden + j];
                        }
                    }
                    assertEquals(0.2, ones / rows, 5 * Math.sqrt(0.16 / rows), threads + " threads, p = 0.2");
                    double cells = rows * (hidden - 3.0);
                    assertEquals(0.5, half / cells, 5 * Math.sqrt(0.25 / cells), threads + " threads, p = 0.5");
                    runs[run] = s;
                }
            }
            assertArrayEquals(runs[0], runs[1], threads + " threads: same seed, same states");
        }
    }
}
