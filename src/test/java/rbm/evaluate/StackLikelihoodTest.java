package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rbm.data.Dataset;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.DeepBeliefNet;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;

/**
 * The likelihood of the stack cut at every depth: exact log Z where the smaller layer can be enumerated, AIS where it
 * cannot (checked against enumeration all the same), and the bound at depth 1 equal to the RBM's own log-likelihood.
 */
class StackLikelihoodTest {

    @Test
    void smallLayersUseExactPartitionsAndDepthOneIsTheRbmLikelihood() {
        try (Compute compute = Compute.create(2)) {
            TinyStack tiny = new TinyStack(compute);
            DeepBeliefNet dbn = new DeepBeliefNet(List.of(tiny.rbms));
            Dataset held = TinyStack.heldOut(300);
            StackLikelihood s = StackLikelihood.measure(dbn, tiny.images, 300, held.values(), 300, 100, 16, 4, 5,
                    compute);
            for (int l = 0; l < 3; l++) {
                assertTrue(s.exact()[l], "RBM " + (l + 1) + " is small enough to enumerate");
                assertEquals(ExactLikelihood.logPartition(tiny.rbms[l], compute), s.logZ()[l], 1e-9);
                assertEquals(0, s.logZError()[l]);
            }
            assertEquals(ExactLikelihood.meanLogLikelihood(tiny.rbms[0], compute, tiny.images, 300),
                    s.train().getFirst().bound(), 1e-6, "at depth 1 nothing is sampled");
            assertEquals(ExactLikelihood.meanLogLikelihood(tiny.rbms[0], compute, held.values(), 300),
                    s.heldout().getFirst().bound(), 1e-6);
            assertEquals(3, s.train().size());
            assertEquals(3, s.heldout().size());
            for (int l = 0; l < 3; l++) {
                assertTrue(s.heldout().get(l).bound() < 0 && s.train().get(l).bound() < 0);
            }
            StackLikelihood again = StackLikelihood.measure(dbn, tiny.images, 300, held.values(), 300, 100, 16, 4,
                    5, compute);
            assertEquals(s.train().get(2), again.train().get(2), "the same seed gives the same numbers");
        }
    }

    @Test
    void largeLayersUseAisWithinItsErrorOfTheTruth() {
        // 25 units on each side: one more than the enumeration limit of a layer, so log Z comes from AIS
        Rbm big = BruteForceAccess.randomRbm(26, 25, 0.3, 3);
        Rbm top = BruteForceAccess.randomRbm(25, 4, 0.3, 4);
        assertFalse(ExactLikelihood.feasibleOnce(big));
        float[] v = new float[200 * 26];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919 % 13) < 5 ? 1 : 0;
        }
        try (Compute compute = Compute.create(2)) {
            StackLikelihood s = StackLikelihood.measure(new DeepBeliefNet(List.of(big, top)), v, 200, v, 200, 2000,
                    64, 4, 9, compute);
            assertFalse(s.exact()[0]);
            assertTrue(s.exact()[1]);
            double truth = ExactLikelihood.logPartition(big, compute);
            assertTrue(s.logZError()[0] > 0 && s.logZError()[0] < 0.1, "AIS error " + s.logZError()[0]);
            assertEquals(truth, s.logZ()[0], 5 * s.logZError()[0] + 0.02);
        }
    }
}
