package rbm.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/** On 2,000 MNIST digits, a few epochs lower the reconstruction error and raise the pseudo-log-likelihood. */
class MnistSubsetTest {

    @Test
    void reconstructionFallsAndPseudoLikelihoodBeatsTheUntrainedModel() {
        Dataset d = Binarization.parse("threshold").apply(DataLoader.mnistTrain().subset(0, 2000), null);
        Dataset held = Binarization.parse("threshold").apply(DataLoader.mnistTest().subset(0, 500), null);
        float[] v = d.values();
        TrainingConfig config = TrainingConfig.hinton();
        try (Compute compute = Compute.create(2)) {
            Rbm rbm = ContrastiveDivergence.initialise(784, 64, v, d.rows(), config, RandomStreams.create(3, "init"));
            Monitor monitor = new Monitor(compute, java.util.Arrays.copyOf(v, 500 * 784), 500, held.values(), 500,
                    784, RandomStreams.create(3, "monitor"), true);
            Monitor.Measurement untrained = monitor.measure(rbm);
            ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config, compute, 3, "mnist");
            double[] recon = new double[4];
            double pll = 0;
            for (int epoch = 0; epoch < 4; epoch++) {
                cd.trainEpoch(v, d.rows(), epoch, null);
                Monitor.Measurement m = monitor.measure(rbm);
                recon[epoch] = m.reconstructionError();
                pll = m.pseudoLogLikelihood();
                assertTrue(Double.isFinite(m.freeEnergyGap()), "free-energy gap " + m.freeEnergyGap());
            }
            assertTrue(recon[0] < untrained.reconstructionError(), "first epoch " + recon[0] + " vs untrained "
                    + untrained.reconstructionError());
            for (int e = 1; e < 4; e++) {
                assertTrue(recon[e] < recon[e - 1], "epoch " + (e + 1) + ": " + recon[e] + " after " + recon[e - 1]);
            }
            assertTrue(pll > untrained.pseudoLogLikelihood() + 0.05, "pll " + pll + " vs untrained "
                    + untrained.pseudoLogLikelihood());
        }
    }
}
