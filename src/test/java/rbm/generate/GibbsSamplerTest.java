package rbm.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/** Gibbs chains against exact enumeration of a tiny RBM, and the downward pass against a hand computation. */
class GibbsSamplerTest {
    private static final int VISIBLE = 4;
    private static final int HIDDEN = 3;

    /** p(v_i = 1) for every unit, summing p(v) over all 2^VISIBLE visible states. */
    private static double[] exactMarginals(Rbm rbm) {
        double[] m = new double[rbm.visible()];
        for (int v = 0; v < 1 << rbm.visible(); v++) {
            double p = Math.exp(BruteForceAccess.logProbability(rbm, v));
            for (int i = 0; i < rbm.visible(); i++) {
                m[i] += (v >> i & 1) * p;
            }
        }
        return m;
    }

    @Test
    void chainsReachTheModelsMarginals() {
        Rbm rbm = BruteForceAccess.randomRbm(VISIBLE, HIDDEN, 2.0, 11);
        double[] exact = exactMarginals(rbm);
        int chains = 20_000;
        try (Compute compute = Compute.create(2)) {
            float[] v = new GibbsSampler(compute, new DeepBeliefNet(List.of(rbm)), 5).sample(1, chains, 40);
            assertEquals(chains * VISIBLE, v.length);
            for (int i = 0; i < VISIBLE; i++) {
                double mean = 0;
                for (int c = 0; c < chains; c++) {
                    mean += v[c * VISIBLE + i];
                }
                mean /= chains;
                // the mean of p(v_i | h) over chains estimates p(v_i = 1); its standard error is below 0.004
                assertEquals(exact[i], mean, 0.02, "unit " + i + ": exact marginals " + Arrays.toString(exact));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameChains() {
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(BruteForceAccess.randomRbm(VISIBLE, HIDDEN, 1.0, 3)));
        try (Compute compute = Compute.create(2)) {
            float[] a = new GibbsSampler(compute, dbn, 9).sample(1, 64, 10);
            float[] b = new GibbsSampler(compute, dbn, 9).sample(1, 64, 10);
            float[] c = new GibbsSampler(compute, dbn, 10).sample(1, 64, 10);
            assertArrayEquals(a, b);
            assertFalse(Arrays.equals(a, c), "another seed gives other chains");
        }
    }

    @Test
    void downSamplesEachLayerAndEndsOnPixelProbabilities() {
        Rbm bottom = BruteForceAccess.randomRbm(VISIBLE, HIDDEN, 1.0, 21);
        Rbm top = BruteForceAccess.randomRbm(HIDDEN, 2, 1.0, 22);
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(bottom, top));
        // binary layer-1 states: sampling a 0 or a 1 returns it, so the pixels are σ(b + W h) exactly
        float[] h = {1, 0, 1, 0, 1, 1};
        try (Compute compute = Compute.create(1)) {
            BernoulliSampler sampler = BernoulliSampler.create(compute, 1, "test", VISIBLE);
            GibbsSampler gibbs = new GibbsSampler(compute, dbn, 1);
            float[] pixels = gibbs.down(1, h.clone(), 2, sampler);
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < VISIBLE; i++) {
                    double x = bottom.visibleBias()[i];
                    for (int j = 0; j < HIDDEN; j++) {
                        x += bottom.weights()[i * HIDDEN + j] * h[r * HIDDEN + j];
                    }
                    assertEquals(1 / (1 + Math.exp(-x)), pixels[r * VISIBLE + i], 1e-6, "row " + r + " pixel " + i);
                }
            }
            float[] layer0 = {0.25f, 0.5f, 0.75f, 1f};
            assertArrayEquals(layer0, gibbs.down(0, layer0.clone(), 1, sampler), "layer 0 is returned as is");
        }
    }
}
