package rbm.evaluate;

import java.util.Locale;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.kernels.Compute;
import rbm.model.Rbm;
import rbm.random.RandomStreams;
import rbm.train.ContrastiveDivergence;
import rbm.train.TrainingConfig;

/**
 * The speed figure, by hand (not a test: a timed assertion would fail on a busy machine): the classic AIS
 * run, 100 chains × 14,500 steps, on a 784-500 RBM trained (on 2 threads, so that it is the same model whatever the
 * argument) for one epoch on 10,000 MNIST digits, then RAISE on 100 test digits. Arguments: threads (default 2).
 */
public final class AisSpeed {
    private AisSpeed() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Dataset d = Binarization.threshold(0.5).apply(DataLoader.mnistTrain().subset(0, 10_000), null);
        Dataset held = Binarization.threshold(0.5).apply(DataLoader.mnistTest().subset(0, 100), null);
        TrainingConfig config = TrainingConfig.hinton();
        Rbm rbm = ContrastiveDivergence.initialise(784, 500, d.values(), d.rows(), config,
                RandomStreams.create(1, "init"));
        try (Compute training = Compute.create(2)) {
            new ContrastiveDivergence(rbm, config, training, 1, "speed").trainEpoch(d.values(), d.rows(), 0, null);
        }
        try (Compute compute = Compute.create(threads)) {
            BaseRateModel base = BaseRateModel.fromData(d.values(), d.rows(), 784);
            System.out.printf(Locale.ROOT, "kernels %s, %d threads%n", compute.kernels().name(), threads);
            long start = System.nanoTime();
            LogPartitionEstimate e = AnnealedImportanceSampling.classic(1).logPartition(rbm, base, compute);
            System.out.printf(Locale.ROOT, "AIS 100 × 14,500 on 784-500: %.1f s; log Z %.3f ± %.3f, ESS %.1f,"
                    + " held-out mean log p(v) %.2f%n", (System.nanoTime() - start) / 1e9, e.logZ(), e.stderr(),
                    e.effectiveSampleSize(), e.meanLogLikelihood(rbm, compute, held.values(), held.rows()));
            long t0 = System.nanoTime();
            ReverseEstimate r = new ReverseAnnealing(AnnealingSchedule.classic(), 1, 1)
                    .estimate(rbm, base, held.values(), held.rows(), compute);
            System.out.printf(Locale.ROOT, "RAISE 100 rows × 14,500: %.1f s; mean log p(v) %.2f ± %.2f%n",
                    (System.nanoTime() - t0) / 1e9, r.meanLogLikelihood(), r.stderr());
        }
    }
}
