package rbm.bench;

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
 * Where the time of a CD-1 step goes: a 784-500 RBM trained on the 60,000 MNIST images binarised at 0.5 (batch 100,
 * the default recipe), with the products by v⁰ as sums of rows and with every product dense, epoch by epoch in turn,
 * in one JVM. Prints, for each, the milliseconds per step of each phase (median over the epochs after the first):
 * gather (the batch and its index lists), hidden from data (h⁰ = σ(v⁰W + c) and hˢ), visible (v¹ = σ(hˢWᵀ + b)),
 * hidden from the model (h¹), the weight step (∇W, the updates of W and the biases).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar:rbm.jar rbm.bench.StepPhases [epochs] [threads]</pre>
 */
public final class StepPhases {
    private StepPhases() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Rounds.parse("StepPhases", args[0]) : 5;
        int threads = args.length > 1 ? Rounds.parse("StepPhases", args[1]) : 2;
        Dataset d = Binarization.threshold(0.5).apply(DataLoader.mnistTrain(), null);
        TrainingConfig config = TrainingConfig.hinton();
        ContrastiveDivergence.Phase[] phases = ContrastiveDivergence.Phase.values();
        String[] modes = {"sums", "dense"};
        double[][][] perStep = new double[2][phases.length][epochs];
        double[][] epochSeconds = new double[2][epochs];
        try (Compute compute = Compute.create(threads)) {
            ContrastiveDivergence[] trainers = new ContrastiveDivergence[2];
            for (int m = 0; m < 2; m++) {
                Rbm rbm = ContrastiveDivergence.initialise(784, 500, d.values(), d.rows(), config,
                        RandomStreams.create(1, "init"));
                trainers[m] = new ContrastiveDivergence(rbm, config, compute, 1, "phases");
                trainers[m].allowSums(m == 0);
            }
            int steps = (d.rows() + config.batchSize() - 1) / config.batchSize();
            for (int e = 0; e < epochs; e++) {
                for (int m = 0; m < 2; m++) {
                    long[] nanos = new long[phases.length];
                    trainers[m].timePhases(nanos);
                    long start = System.nanoTime();
                    trainers[m].trainEpoch(d.values(), d.rows(), e, null);
                    epochSeconds[m][e] = (System.nanoTime() - start) / 1e9;
                    for (int p = 0; p < phases.length; p++) {
                        perStep[m][p][e] = nanos[p] / 1e6 / steps;
                    }
                }
                System.err.printf(Locale.ROOT, "epoch %d: sums %.3f s, dense %.3f s%n", e + 1, epochSeconds[0][e],
                        epochSeconds[1][e]);
            }
        }
        System.out.printf(Locale.ROOT, "milliseconds per step, %d threads, median of epochs 2–%d%n", threads, epochs);
        System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s%n", "phase", modes[0], modes[1], "ratio");
        double[] total = new double[2];
        for (int p = 0; p < phases.length; p++) {
            double a = median(perStep[0][p]);
            double b = median(perStep[1][p]);
            total[0] += a;
            total[1] += b;
            System.out.printf(Locale.ROOT, "%-14s %8.3f %8.3f %8.2f%n", phases[p].name().toLowerCase(Locale.ROOT), a,
                    b, a / b);
        }
        System.out.printf(Locale.ROOT, "%-14s %8.3f %8.3f %8.2f%n", "step", total[0], total[1], total[0] / total[1]);
        System.out.printf(Locale.ROOT, "%-14s %8.3f %8.3f %8.2f   (seconds)%n", "epoch", median(epochSeconds[0]),
                median(epochSeconds[1]), median(epochSeconds[0]) / median(epochSeconds[1]));
    }

    /** The median of all but the first value (the first epoch compiles the code). */
    private static double median(double[] xs) {
        double[] rest = java.util.Arrays.copyOfRange(xs, 1, xs.length);
        java.util.Arrays.sort(rest);
        return rest.length % 2 == 1 ? rest[rest.length / 2] : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
    }
}
