package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.kernels.ReferenceKernels;
import rbm.model.BruteForceAccess;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;

class LogPartitionEstimateTest {

    @Test
    void equalWeightsGiveNoSpreadAndEveryChainCounts() {
        LogPartitionEstimate e = LogPartitionEstimate.of(2, new double[] {800, 800, 800, 800}, 10);
        assertEquals(802, e.logZ(), 1e-12);
        assertEquals(0, e.stderr(), 1e-12);
        assertEquals(802, e.lower(), 1e-12);
        assertEquals(802, e.upper(), 1e-12);
        assertEquals(4, e.effectiveSampleSize(), 1e-12);
        assertEquals(4, e.chains());
        assertEquals(10, e.steps());
    }

    /** Weights 1 and 3 (times e^900): mean 2, sd √2, se 1, so log Z_A + log 2, bounds log(2 ± 3), ESS 16/10. */
    @Test
    void spreadAndEffectiveSampleSizeByHand() {
        LogPartitionEstimate e = LogPartitionEstimate.of(1, new double[] {900, 900 + Math.log(3)}, 5);
        assertEquals(901 + Math.log(2), e.logZ(), 1e-12);
        assertEquals(0.5, e.stderr(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, e.lower());
        assertEquals(901 + Math.log(5), e.upper(), 1e-12);
        assertEquals(1.6, e.effectiveSampleSize(), 1e-12);
    }

    @Test
    void baseRatesGiveTheExactPartitionFunctionOfTheBaseModel() {
        float[] data = {1, 0, 0, 1, 1, 0, 0, 1, 0};
        BaseRateModel base = BaseRateModel.fromData(data, 3, 3);
        assertEquals(Math.log(3.0 / 2), base.visibleBias()[0], 1e-6); // (2 + 1) / (3 + 2) = 0.6
        assertEquals(Math.log(1.0 / 4), base.visibleBias()[2], 1e-6); // (0 + 1) / 5 = 0.2
        Rbm rbm = new Rbm(3, 4, new float[12], base.visibleBias().clone(), new float[4]);
        try (Compute compute = new Compute(new ReferenceKernels(), 1)) {
            assertEquals(ExactLikelihood.logPartition(rbm, compute), base.logPartition(4), 1e-6);
        }
    }

    @Test
    void meanLogLikelihoodIsMinusTheMeanFreeEnergyMinusLogZ() {
        Rbm rbm = BruteForceAccess.randomRbm(6, 4, 1, 5);
        float[] v = {1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 1};
        try (Compute compute = new Compute(new ReferenceKernels(), 1)) {
            double logZ = ExactLikelihood.logPartition(rbm, compute);
            LogPartitionEstimate exact = new LogPartitionEstimate(logZ, logZ, logZ, 0, 2, 2, 2);
            assertEquals(ExactLikelihood.meanLogLikelihood(rbm, compute, v, 2),
                    exact.meanLogLikelihood(rbm, compute, v, 2), 1e-9);
        }
    }
}
