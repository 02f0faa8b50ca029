package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.Rbm;

/** One step's weight is log p*_β'(x) − log p*_β(x), computed here straight from the formula, on either layer. */
class AnnealedChainsTest {

    /** log p*_β(x) with the other layer summed out, x the visible layer or the hidden one. */
    private static double logUnnormalised(Rbm rbm, float[] baseRates, float[] x, int row, boolean visible,
                                          double beta) {
        int nv = rbm.visible();
        int nh = rbm.hidden();
        double sum = 0;
        if (visible) {
            for (int i = 0; i < nv; i++) {
                sum += ((1 - beta) * baseRates[i] + beta * rbm.visibleBias()[i]) * x[row * nv + i];
            }
            for (int j = 0; j < nh; j++) {
                double input = rbm.hiddenBias()[j];
                for (int i = 0; i < nv; i++) {
                    input += x[row * nv + i] * rbm.weights()[i * nh + j];
                }
                sum += Rbm.softplus(beta * input);
            }
        } else {
            for (int j = 0; j < nh; j++) {
                sum += beta * rbm.hiddenBias()[j] * x[row * nh + j];
            }
            for (int i = 0; i < nv; i++) {
                double input = rbm.visibleBias()[i];
                for (int j = 0; j < nh; j++) {
                    input += rbm.weights()[i * nh + j] * x[row * nh + j];
                }
                sum += Rbm.softplus((1 - beta) * baseRates[i] + beta * input);
            }
        }
        return sum;
    }

    @Test
    void aStepAddsTheChangeOfTheUnnormalisedLogProbability() {
        try (Compute compute = Compute.create(1)) {
            for (int[] shape : new int[][] {{9, 6}, {6, 9}}) {
                Rbm rbm = BruteForceAccess.randomRbm(shape[0], shape[1], 2, 8);
                float[] rates = {0.5f, -1, 2, 0, -3, 1, 0.25f, -0.5f, 1.5f};
                BaseRateModel base = new BaseRateModel(java.util.Arrays.copyOf(rates, shape[0]));
                boolean visible = shape[0] >= shape[1];
                // a step of 10⁻⁵ takes the series, one of 0.6 the difference of the softplus
                for (double[] betas : new double[][] {{0.93, 0.93001}, {0.2, 0.8}, {0, 1e-3}}) {
                    AnnealedChains chains = new AnnealedChains(rbm, base, 5, compute, 3, "test");
                    chains.startFromBase();
                    chains.step(0, 0.4, AnnealedChains.Move.AT_TO); // somewhere away from the base
                    double[] before = chains.logWeights().clone();
                    float[] x = chains.state().clone();
                    chains.step(betas[0], betas[1], AnnealedChains.Move.NONE);
                    for (int r = 0; r < 5; r++) {
                        double want = logUnnormalised(rbm, base.visibleBias(), x, r, visible, betas[1])
                                - logUnnormalised(rbm, base.visibleBias(), x, r, visible, betas[0]);
                        assertEquals(want, chains.logWeights()[r] - before[r], 1e-9 + 1e-6 * Math.abs(want),
                                shape[0] + "-" + shape[1] + " from " + betas[0] + " to " + betas[1]);
                    }
                }
            }
        }
    }
}
