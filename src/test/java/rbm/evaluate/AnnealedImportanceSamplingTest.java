package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.KernelsProvider;
import rbm.model.BruteForceAccess;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;

/** AIS against the exact log Z of models small enough to enumerate: within 3 standard errors and 0.1 nats. */
class AnnealedImportanceSamplingTest {
    private static Compute compute;
    private static TinyStack stack;

    @BeforeAll
    static void train() {
        compute = Compute.create(2);
        stack = new TinyStack(compute);
    }

    @AfterAll
    static void stop() {
        compute.close();
    }

    /** The estimate's ±3 standard-error bounds hold the truth, and it is within 0.1 nats of it. */
    private static LogPartitionEstimate assertAgrees(String what, Rbm rbm, BaseRateModel base, int steps, long seed) {
        double exact = ExactLikelihood.logPartition(rbm, compute);
        LogPartitionEstimate e = new AnnealedImportanceSampling(AnnealingSchedule.of(steps), 100, seed)
                .logPartition(rbm, base, compute);
        String report = String.format(Locale.ROOT, "%s: exact %.4f, AIS %.4f ± %.4f [%.4f, %.4f], ESS %.1f", what,
                exact, e.logZ(), e.stderr(), e.lower(), e.upper(), e.effectiveSampleSize());
        System.out.println(report);
        assertTrue(e.lower() <= exact && exact <= e.upper(), report);
        assertEquals(exact, e.logZ(), 0.1, report);
        return e;
    }

    @Test
    void mnist784x16() {
        // the plain-Java products are ~25× slower: fewer β there, still enough for 0.1 nats
        int steps = KernelsProvider.best().name().equals("vector") ? 5_000 : 1_000;
        Rbm rbm = stack.rbms[0];
        assertAgrees("784-16", rbm, BaseRateModel.fromData(stack.images, TinyStack.ROWS, 784), steps, 1);
    }

    @Test
    void upperLayersOfATrainedStack() {
        for (int l = 1; l < stack.rbms.length; l++) {
            Rbm rbm = stack.rbms[l];
            BaseRateModel base = BaseRateModel.fromData(stack.inputs[l], TinyStack.ROWS, rbm.visible());
            assertAgrees(rbm.visible() + "-" + rbm.hidden(), rbm, base, 4_000, 2);
        }
    }

    /** Random models, the state on either layer: 15-10 and 10-5 anneal over v, 6-12 over h. */
    @Test
    void randomModelsOnEitherLayer() {
        for (int[] shape : new int[][] {{15, 10}, {10, 5}, {6, 12}}) {
            Rbm rbm = BruteForceAccess.randomRbm(shape[0], shape[1], 1, 3);
            float[] rates = new float[shape[0]];
            for (int i = 0; i < shape[0]; i++) {
                rates[i] = i % 3 == 0 ? 1 : 0;
            }
            assertAgrees(shape[0] + "-" + shape[1], rbm, BaseRateModel.fromData(rates, 1, shape[0]), 4_000, 3);
        }
    }

    /**
     * Weights up to ±3 make p(v) sharply multimodal, far from the base rates: the chains must cross from one to
     * the other. With 100 steps the weights degenerate; with 20,000 the estimate holds.
     */
    @Test
    void largeWeightsNeedMoreSteps() {
        Rbm rbm = BruteForceAccess.randomRbm(14, 10, 3, 4);
        BaseRateModel base = new BaseRateModel(new float[14]);
        LogPartitionEstimate coarse = new AnnealedImportanceSampling(AnnealingSchedule.of(100), 100, 5)
                .logPartition(rbm, base, compute);
        LogPartitionEstimate fine = assertAgrees("14-10, weights ±3", rbm, base, 20_000, 5);
        assertTrue(coarse.effectiveSampleSize() < fine.effectiveSampleSize() / 2,
                coarse.effectiveSampleSize() + " vs " + fine.effectiveSampleSize());
    }

    @Test
    void sameSeedAndThreadsGiveTheSameNumbersAnotherSeedOthers() {
        Rbm rbm = BruteForceAccess.randomRbm(40, 30, 0.5, 6);
        BaseRateModel base = new BaseRateModel(new float[40]);
        AnnealingSchedule schedule = AnnealingSchedule.of(300);
        LogPartitionEstimate a = new AnnealedImportanceSampling(schedule, 50, 7).logPartition(rbm, base, compute);
        LogPartitionEstimate b = new AnnealedImportanceSampling(schedule, 50, 7).logPartition(rbm, base, compute);
        LogPartitionEstimate c = new AnnealedImportanceSampling(schedule, 50, 8).logPartition(rbm, base, compute);
        assertEquals(a, b);
        assertNotEquals(a.logZ(), c.logZ());
    }
}
