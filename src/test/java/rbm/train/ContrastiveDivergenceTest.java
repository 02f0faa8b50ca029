package rbm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.ReferenceKernels;
import rbm.model.BruteForceAccess;
import rbm.model.Rbm;

/**
 * One CD step with learning rate 1 and no momentum or decay moves W by the CD estimate of the gradient. With many
 * chains and a long negative phase that estimate approaches the exact gradient from enumeration; CD-1 on the same
 * model is visibly biased.
 */
class ContrastiveDivergenceTest {
    static final int[] DATA = {0b110000, 0b001100, 0b000011, 0b111111, 0b110011};
    static final int COPIES = 2000;

    private static double[] cdGradient(Rbm start, int k) {
        return cdGradient(start, k, false);
    }

    private static double[] cdGradient(Rbm start, int k, boolean persistent) {
        Rbm rbm = start.copy();
        int rows = DATA.length * COPIES;
        float[] v = new float[rows * 6];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < 6; i++) {
                v[r * 6 + i] = DATA[r % DATA.length] >> i & 1;
            }
        }
        TrainingConfig config = new TrainingConfig(k, persistent, true, 1.0, 0, 0, 0, 0, rows, 0.01, false,
                BatchSchedule.SHUFFLED);
        try (Compute compute = new Compute(new ReferenceKernels(), 2)) {
            new ContrastiveDivergence(rbm, config, compute, 99L, "test").trainEpoch(v, rows, 0, null);
        }
        double[] delta = new double[24];
        for (int i = 0; i < 24; i++) {
            delta[i] = rbm.weights()[i] - start.weights()[i];
        }
        return delta;
    }

    @Test
    void longChainsApproachTheExactGradient() {
        Rbm rbm = BruteForceAccess.randomRbm(6, 4, 0.8, 5);
        double[] exact = BruteForceAccess.exactGradient(rbm, DATA);
        double[] cd100 = cdGradient(rbm, 100);
        double[] cd1 = cdGradient(rbm, 1);
        double worst100 = 0;
        double worst1 = 0;
        for (int i = 0; i < 24; i++) {
            worst100 = Math.max(worst100, Math.abs(cd100[i] - exact[i]));
            worst1 = Math.max(worst1, Math.abs(cd1[i] - exact[i]));
        }
        // 10,000 chains: the sampling error of one entry is about 0.5/√10⁴ = 0.005
        assertTrue(worst100 < 0.03, "CD-100 is " + worst100 + " from the exact gradient");
        assertTrue(worst1 > 2 * worst100, "CD-1 (" + worst1 + ") should be biased next to CD-100 (" + worst100 + ")");
    }

    @Test
    void persistentChainsFromAColdStartAlsoApproachTheExactGradient() {
        Rbm rbm = BruteForceAccess.randomRbm(6, 4, 0.8, 5);
        double[] exact = BruteForceAccess.exactGradient(rbm, DATA);
        double[] pcd = cdGradient(rbm, 100, true);
        double worst = 0;
        for (int i = 0; i < 24; i++) {
            worst = Math.max(worst, Math.abs(pcd[i] - exact[i]));
        }
        assertTrue(worst < 0.03, "PCD-100 is " + worst + " from the exact gradient");
    }

    @Test
    void momentumSwitchesAfterTheConfiguredEpoch() {
        TrainingConfig c = TrainingConfig.hinton();
        assertEquals(0.5, c.momentum(0));
        assertEquals(0.5, c.momentum(4));
        assertEquals(0.9, c.momentum(5));
    }
}
