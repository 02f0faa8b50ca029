package rbm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.ReferenceKernels;

/** log Z and log p(v) by enumerating one layer agree with a sum over every joint state. */
class ExactLikelihoodTest {

    static Rbm randomRbm(int nv, int nh, double scale, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Rbm rbm = new Rbm(nv, nh);
        for (int i = 0; i < nv * nh; i++) {
            rbm.weights()[i] = (float) (scale * (2 * rng.nextDouble() - 1));
        }
        for (int i = 0; i < nv; i++) {
            rbm.visibleBias()[i] = (float) (scale * (2 * rng.nextDouble() - 1));
        }
        for (int j = 0; j < nh; j++) {
            rbm.hiddenBias()[j] = (float) (scale * (2 * rng.nextDouble() - 1));
        }
        return rbm;
    }

    @Test
    void logPartitionOverEitherLayerMatchesTheJointSum() {
        try (Compute compute = new Compute(new ReferenceKernels(), 2)) {
            for (int[] shape : new int[][] {{5, 7}, {7, 5}, {6, 6}, {1, 9}, {9, 1}}) {
                Rbm rbm = randomRbm(shape[0], shape[1], 1.5, 3);
                double truth = new BruteForce(rbm).logZ();
                assertEquals(truth, ExactLikelihood.logPartition(rbm, compute), 1e-4 * Math.abs(truth),
                        shape[0] + "x" + shape[1]);
            }
        }
    }

    @Test
    void meanLogLikelihoodMatchesTheJointSum() {
        Rbm rbm = randomRbm(6, 4, 1.0, 11);
        BruteForce truth = new BruteForce(rbm);
        int[] patterns = {0b000000, 0b101010, 0b111111, 0b000111};
        float[] v = new float[patterns.length * 6];
        double want = 0;
        for (int r = 0; r < patterns.length; r++) {
            for (int i = 0; i < 6; i++) {
                v[r * 6 + i] = patterns[r] >> i & 1;
            }
            want += truth.logProbability(patterns[r]) / patterns.length;
        }
        try (Compute compute = new Compute(new ReferenceKernels(), 1)) {
            assertEquals(want, ExactLikelihood.meanLogLikelihood(rbm, compute, v, patterns.length), 1e-4);
        }
    }
}
