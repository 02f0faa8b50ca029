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
 * hidden from the model (h¹), the weight step (∇W, the updates of W and the biases). Then the dense products of a
 * step alone, on the same threads (v·W twice, h·Wᵀ, and the gradient's Aᵀ·B of inner dimension 200), timed in the
 * same JVM: the rest of the dense step (sampling, sigmoids, biases, the update, the gather, the hand-overs) is
 * what is not the arithmetic of the products. Last, each part of that rest alone on the step's shapes: the sigmoids,
 * the sampling, the bias sums, the momentum update and the gather; what the rest holds beyond their sum is the
 * hand-overs between threads and what the parts lose to the products in the caches.
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
        double products = productsAlone(threads, epochs);
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
        System.out.printf(Locale.ROOT, "dense products alone %.3f ms a step: the rest is %.1f%% of the dense step%n",
                products, 100 * (total[1] - products) / total[1]);
        double[] parts = partsAlone(threads, epochs);
        double sum = 0;
        System.out.printf(Locale.ROOT, "the rest's parts alone, ms a step (elementwise parts on one thread, sampling "
                + "on %d):%n", threads);
        for (int i = 0; i < PARTS.length; i++) {
            System.out.printf(Locale.ROOT, "  %-34s %7.3f%n", PARTS[i], parts[i]);
            sum += parts[i];
        }
        double rest = total[1] - products;
        System.out.printf(Locale.ROOT, "  %-34s %7.3f  (the rest of the dense step: %.3f; not in the parts, the "
                + "hand-overs between threads and what the parts lose in the step's caches: %.3f)%n", "sum", sum,
                rest, rest - sum);
    }

    /** The parts of a step that are not the products' arithmetic, as {@link #partsAlone} times them. */
    private static final String[] PARTS = {
        "sigmoid + bias: h⁰, v¹, h¹",
        "sampling hˢ (100 × 500)",
        "bias sums: v⁰, v¹, h⁰, h¹",
        "momentum update of W, b, c",
        "gather (100 rows of 784)",
    };

    /**
     * The milliseconds a step spends in each of {@link #PARTS} when each runs alone on the step's shapes (100 rows,
     * 784 visible, 500 hidden units), the median of {@code rounds} rounds of 600 steps (the first compiles): the
     * elementwise kernels and the update on one thread, as one block of the trainer's split would run them, and the
     * sampling on {@code threads} threads through the trainer's own sampler.
     */
    private static double[] partsAlone(int threads, int rounds) {
        int b = 100;
        int nv = 784;
        int nh = 500;
        java.util.Random r = new java.util.Random(2);
        float[] inH = new float[b * nh];
        float[] inV = new float[b * nv];
        float[] biasH = new float[nh];
        float[] biasV = new float[nv];
        float[] w = new float[nv * nh];
        float[] velocity = new float[nv * nh];
        float[] grad = new float[nv * nh];
        float[] images = new float[60000 * nv];
        for (float[] x : new float[][] {inH, inV, biasH, biasV, w, grad}) {
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextFloat() - 0.5f;
            }
        }
        int[] order = new int[60000];
        for (int i = 0; i < order.length; i++) {
            order[i] = r.nextInt(order.length);
        }
        float[] outH = new float[b * nh];
        float[] outV = new float[b * nv];
        float[] sampled = new float[b * nh];
        float[] batch = new float[b * nv];
        float[] sumsH = new float[nh];
        float[] sumsV = new float[nv];
        double[][] perStep = new double[PARTS.length][rounds];
        int steps = 600;
        try (Compute compute = Compute.create(threads)) {
            rbm.kernels.Kernels k = compute.kernels();
            rbm.random.BernoulliSampler sampler = rbm.random.BernoulliSampler.create(compute, 1, "parts", nh);
            for (int round = 0; round < rounds; round++) {
                long t = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    k.sigmoidBias(inH, biasH, outH, 0, b, nh);
                    k.sigmoidBias(inV, biasV, outV, 0, b, nv);
                    k.sigmoidBias(inH, biasH, outH, 0, b, nh);
                }
                t = lap(perStep[0], round, t, steps);
                for (int s = 0; s < steps; s++) {
                    sampler.sample(outH, sampled, b, nh);
                }
                t = lap(perStep[1], round, t, steps);
                for (int s = 0; s < steps; s++) {
                    k.columnSums(inV, 0, nv, b, nv, sumsV, 0);
                    k.columnSums(outV, 0, nv, b, nv, sumsV, 0);
                    k.columnSums(inH, 0, nh, b, nh, sumsH, 0);
                    k.columnSums(outH, 0, nh, b, nh, sumsH, 0);
                }
                t = lap(perStep[2], round, t, steps);
                for (int s = 0; s < steps; s++) {
                    float momentum = 0.9f;
                    float lr = 0.1f;
                    float decay = 2e-4f;
                    for (int i = 0; i < w.length; i++) {
                        velocity[i] = momentum * velocity[i] + lr * (grad[i] - decay * w[i]);
                        w[i] += velocity[i];
                    }
                    for (int j = 0; j < nh; j++) {
                        biasH[j] += lr * sumsH[j] * 1e-6f;
                    }
                    for (int i = 0; i < nv; i++) {
                        biasV[i] += lr * sumsV[i] * 1e-6f;
                    }
                }
                t = lap(perStep[3], round, t, steps);
                for (int s = 0; s < steps; s++) {
                    int first = (s * b) % (order.length - b);
                    for (int row = 0; row < b; row++) {
                        System.arraycopy(images, order[first + row] * nv, batch, row * nv, nv);
                    }
                }
                lap(perStep[4], round, t, steps);
            }
        }
        double[] out = new double[PARTS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = median(perStep[i]);
        }
        return out;
    }

    private static long lap(double[] perStep, int round, long since, int steps) {
        long now = System.nanoTime();
        perStep[round] = (now - since) / 1e6 / steps;
        return now;
    }

    /**
     * The milliseconds of a step's four dense products on {@code threads} threads, the median of {@code rounds}
     * rounds of 600 steps (the first round compiles): v⁰·W and v¹·W (100 × 784 · 784 × 500), hˢ·Wᵀ, and the
     * gradient [v⁰ v¹]ᵀ·[h⁰ h¹] (784 × 500, inner dimension 200).
     */
    private static double productsAlone(int threads, int rounds) {
        int b = 100;
        int nv = 784;
        int nh = 500;
        java.util.Random r = new java.util.Random(1);
        float[] w = new float[nv * nh];
        float[] v = new float[2 * b * nv];
        float[] h = new float[2 * b * nh];
        for (float[] x : new float[][] {w, v, h}) {
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextFloat() - 0.5f;
            }
        }
        float[] outH = new float[b * nh];
        float[] outV = new float[b * nv];
        float[] grad = new float[nv * nh];
        double[] perStep = new double[rounds];
        int steps = 600;
        try (Compute compute = Compute.create(threads)) {
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    compute.gemm(false, false, b, nh, nv, 1f, v, w, 0f, outH);
                    compute.gemm(false, true, b, nv, nh, 1f, h, w, 0f, outV);
                    compute.gemm(false, false, b, nh, nv, 1f, v, w, 0f, outH);
                    compute.gemm(true, false, nv, nh, 2 * b, 1f, v, h, 0f, grad);
                }
                perStep[round] = (System.nanoTime() - start) / 1e6 / steps;
            }
        }
        return median(perStep);
    }

    /** The median of all but the first value (the first epoch compiles the code). */
    private static double median(double[] xs) {
        double[] rest = java.util.Arrays.copyOfRange(xs, 1, xs.length);
        java.util.Arrays.sort(rest);
        return rest.length % 2 == 1 ? rest[rest.length / 2] : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
    }
}
