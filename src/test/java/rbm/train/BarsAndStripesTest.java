package rbm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.ReferenceKernels;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/**
 * 3×3 bars and stripes: the 14 distinct images whose rows are all on or all off, or whose columns are. A model of
 * the uniform distribution over them has mean log-likelihood −ln 14 = −2.639 nats, the optimum. Training must
 * climb from the untrained value (about −9 ln 2 = −6.24) to within a stated margin of it. CD-20 with 16 hidden units
 * settles about 0.1 nats below the optimum; CD-1 and PCD with few chains stay much further away on this problem.
 */
class BarsAndStripesTest {
    static final double OPTIMUM = -Math.log(14);
    /** How close to the optimum training must get, in nats per image. */
    static final double MARGIN = 0.25;

    static int[] patterns() {
        Set<Integer> set = new LinkedHashSet<>();
        for (int mask = 0; mask < 8; mask++) {
            int stripes = 0;
            int bars = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    if ((mask >> r & 1) == 1) {
                        stripes |= 1 << (r * 3 + c);
                    }
                    if ((mask >> c & 1) == 1) {
                        bars |= 1 << (r * 3 + c);
                    }
                }
            }
            set.add(stripes);
            set.add(bars);
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void thereAreFourteenPatterns() {
        assertEquals(14, patterns().length);
    }

    @Test
    void trainingReachesTheOptimumWithinTheMargin() {
        int[] p = patterns();
        int copies = 20;
        int rows = p.length * copies;
        float[] v = new float[rows * 9];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < 9; i++) {
                v[r * 9 + i] = p[r % p.length] >> i & 1;
            }
        }
        TrainingConfig config = new TrainingConfig(20, false, false, 0.05, 0.5, 0.5, 0, 0, 14, 0.1, true,
                BatchSchedule.SHUFFLED);
        try (Compute compute = new Compute(new ReferenceKernels(), 1)) {
            Rbm rbm = ContrastiveDivergence.initialise(9, 16, v, rows, config, RandomStreams.create(1, "bas init"));
            float[] distinct = java.util.Arrays.copyOf(v, p.length * 9);
            double before = ExactLikelihood.meanLogLikelihood(rbm, compute, distinct, p.length);
            ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config, compute, 1, "bas");
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                cd.trainEpoch(v, rows, epoch, null);
            }
            double after = ExactLikelihood.meanLogLikelihood(rbm, compute, distinct, p.length);
            assertTrue(before < OPTIMUM - 2, "untrained: " + before);
            assertTrue(after > OPTIMUM - MARGIN, "trained: " + after + ", optimum " + OPTIMUM);
        }
    }

    static final int EPOCHS = 1000;
}
