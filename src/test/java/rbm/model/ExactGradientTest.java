package rbm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.ReferenceKernels;

/**
 * The log-likelihood gradient ∂⟨log p(v)⟩/∂W_ij = ⟨v_i h_j⟩_data − ⟨v_i h_j⟩_model, with both expectations
 * computed by enumeration, equals the finite-difference slope of the exact log-likelihood.
 */
class ExactGradientTest {
    static final int[] DATA = {0b110000, 0b001100, 0b000011, 0b111111, 0b110011};

    static float[] rows(int[] patterns, int nv) {
        float[] v = new float[patterns.length * nv];
        for (int r = 0; r < patterns.length; r++) {
            for (int i = 0; i < nv; i++) {
                v[r * nv + i] = patterns[r] >> i & 1;
            }
        }
        return v;
    }

    @Test
    void enumeratedGradientIsTheSlopeOfTheExactLikelihood() {
        Rbm rbm = ExactLikelihoodTest.randomRbm(6, 4, 0.8, 5);
        BruteForce bf = new BruteForce(rbm);
        double[] pos = bf.dataCorrelations(DATA);
        double[] neg = bf.modelCorrelations();
        float[] v = rows(DATA, 6);
        double h = 1e-2;
        try (Compute compute = new Compute(new ReferenceKernels(), 1)) {
            for (int idx = 0; idx < 24; idx++) {
                float w = rbm.weights()[idx];
                rbm.weights()[idx] = (float) (w + h);
                double up = ExactLikelihood.meanLogLikelihood(rbm, compute, v, DATA.length);
                rbm.weights()[idx] = (float) (w - h);
                double down = ExactLikelihood.meanLogLikelihood(rbm, compute, v, DATA.length);
                rbm.weights()[idx] = w;
                double slope = (up - down) / (2 * h);
                assertEquals(slope, pos[idx] - neg[idx], 2e-3, "weight " + idx);
            }
        }
    }
}
