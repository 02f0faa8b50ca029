package rbm.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import rbm.data.Dataset;
import rbm.io.BadInputException;
import rbm.io.Npy;
import rbm.io.NpyArray;
import rbm.kernels.Compute;
import rbm.random.RandomStreams;

/**
 * Multinomial logistic regression on the inputs (pixels), to score generated digits: which digit a picture looks
 * like, and how sure the classifier is. The model is p(y = c | x) = softmax(xW + b)_c with W inputs × classes; it is
 * trained by mini-batch gradient descent with momentum on the mean cross-entropy plus (λ/2)‖W‖²:
 *
 * <pre>
 *   P = softmax(XW + b),  G = (P − Y) / B,   ∇W = XᵀG + λW,   ∇b = Σ_rows G
 *   V ← μV − ε∇,   W ← W + V                (likewise for b, without decay)
 * </pre>
 *
 * W starts at zero (the loss is convex), so the seed only orders the mini-batches; the same seed and thread count
 * give the same weights. {@link Settings#defaults()} reach about 92% on the MNIST test set after a few seconds
 * (91% when trained on the first 10,000 training images only, 91% on inputs binarised at 0.5).
 */
public final class SoftmaxRegression {
    static final String WEIGHTS_FILE = "weights.npy";
    static final String BIAS_FILE = "bias.npy";

    /** How to train: passes over the data, step size, momentum, rows per step, L2 penalty on W, and the seed. */
    public record Settings(int epochs, double learningRate, double momentum, int batchSize, double l2, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batch size must be at least 1, got " + epochs + " and "
                        + batchSize);
            }
            if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(l2 >= 0) || Double.isInfinite(l2)
                    || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("need learning rate > 0, momentum in [0, 1) and L2 >= 0, got "
                        + learningRate + ", " + momentum + " and " + l2);
            }
        }

        /**
         * 10 epochs of batches of 100, learning rate 0.05, momentum 0.9, L2 1e-4, seed 1. On the 60,000 MNIST
         * training images (grey levels) these give 92.3% test accuracy in about 4 s of one core; 0.1 gives 92.1%,
         * 0.2 gives 91.0%.
         */
        public static Settings defaults() {
            return new Settings(10, 0.05, 0.9, 100, 1e-4, 1);
        }

        public Settings withEpochs(int n) {
            return new Settings(n, learningRate, momentum, batchSize, l2, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(epochs, learningRate, momentum, batchSize, l2, s);
        }
    }

    private final int inputs;
    private final int classes;
    /** inputs × classes, row-major. */
    private final float[] weights;
    private final float[] bias;

    /** Takes over the arrays without copying them. */
    SoftmaxRegression(int inputs, int classes, float[] weights, float[] bias) {
        this.inputs = inputs;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /** An untrained model: W = 0 and b = 0, so every class has probability 1/classes. */
    static SoftmaxRegression zero(int inputs, int classes) {
        if (inputs < 1 || classes < 2) {
            throw new IllegalArgumentException("need at least 1 input and 2 classes, got " + inputs + " and "
                    + classes);
        }
        return new SoftmaxRegression(inputs, classes, new float[inputs * classes], new float[classes]);
    }

    /** Trains a classifier on labelled data, labels in [0, classes). */
    public static SoftmaxRegression fit(Dataset data, int classes, Settings settings, Compute compute) {
        Objects.requireNonNull(settings, "settings");
        int[] labels = checkLabels(data, classes);
        if (data.rows() == 0) {
            throw new BadInputException(data.source().path() + ": no rows to train the classifier on");
        }
        SoftmaxRegression model = zero(data.cols(), classes);
        model.train(data.values(), labels, data.rows(), settings, compute);
        return model;
    }

    private static int[] checkLabels(Dataset data, int classes) {
        if (!data.hasLabels()) {
            throw new BadInputException(data.source().path() + ": the classifier needs labelled data");
        }
        int[] labels = data.labels();
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new BadInputException(data.source().path() + ": label " + labels[r] + " at row " + r
                        + " is outside [0, " + classes + ")");
            }
        }
        return labels;
    }

    private void train(float[] x, int[] labels, int rows, Settings s, Compute compute) {
        int batch = Math.min(s.batchSize(), rows);
        float[] xb = new float[batch * inputs];
        int[] yb = new int[batch];
        Buffers buffers = new Buffers(batch, inputs, classes);
        float[] velocityW = new float[weights.length];
        float[] velocityB = new float[classes];
        float rate = (float) s.learningRate();
        float momentum = (float) s.momentum();
        UniformRandomProvider rng = RandomStreams.create(s.seed(), "softmax regression batches");
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            int[] order = PermutationSampler.natural(rows);
            PermutationSampler.shuffle(rng, order);
            // rows left over after the last full batch sit this epoch out; the next shuffle gives them their turn
            for (int start = 0; start + batch <= rows; start += batch) {
                for (int i = 0; i < batch; i++) {
                    int row = order[start + i];
                    System.arraycopy(x, row * inputs, xb, i * inputs, inputs);
                    yb[i] = labels[row];
                }
                lossAndGradient(xb, yb, batch, s.l2(), buffers, compute);
                step(weights, velocityW, buffers.gradW, momentum, rate);
                step(bias, velocityB, buffers.gradB, momentum, rate);
            }
        }
    }

    private static void step(float[] params, float[] velocity, float[] gradient, float momentum, float rate) {
        for (int i = 0; i < params.length; i++) {
            velocity[i] = momentum * velocity[i] - rate * gradient[i];
            params[i] += velocity[i];
        }
    }

    /** Scratch arrays for one batch: the logits become probabilities and then G, in place. */
    static final class Buffers {
        final float[] logits;
        final float[] gradW;
        final float[] gradB;

        Buffers(int rows, int inputs, int classes) {
            logits = new float[rows * classes];
            gradW = new float[inputs * classes];
            gradB = new float[classes];
        }
    }

    /**
     * The mean cross-entropy of {@code rows} rows plus (λ/2)‖W‖², in nats, and its gradient in {@code buffers.gradW}
     * and {@code buffers.gradB}.
     */
    double lossAndGradient(float[] x, int[] labels, int rows, double l2, Buffers buffers, Compute compute) {
        float[] g = buffers.logits;
        probabilities(x, rows, g, compute);
        double loss = 0;
        float scale = 1f / rows;
        Arrays.fill(buffers.gradB, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            loss -= Math.log(Math.max(g[base + labels[r]], Float.MIN_NORMAL));
            g[base + labels[r]] -= 1f;
            for (int c = 0; c < classes; c++) {
                g[base + c] *= scale;
                buffers.gradB[c] += g[base + c];
            }
        }
        compute.gemm(true, false, inputs, classes, rows, 1f, x, g, 0f, buffers.gradW);
        double squares = 0;
        for (int i = 0; i < weights.length; i++) {
            squares += (double) weights[i] * weights[i];
            buffers.gradW[i] += (float) l2 * weights[i];
        }
        return loss / rows + 0.5 * l2 * squares;
    }

    /** p(c | x) for {@code rows} rows of x into {@code out} (rows × classes), through a numerically stable softmax. */
    private void probabilities(float[] x, int rows, float[] out, Compute compute) {
        compute.gemm(false, false, rows, classes, inputs, 1f, x, weights, 0f, out);
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                out[base + c] += bias[c];
                max = Math.max(max, out[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(out[base + c] - max);
            }
            for (int c = 0; c < classes; c++) {
                out[base + c] = (float) (Math.exp(out[base + c] - max) / sum);
            }
        }
    }

    /** p(c | x) for each of {@code rows} rows of x (rows × inputs, row-major), as a rows × classes array. */
    public float[] predictProbabilities(float[] x, int rows, Compute compute) {
        if ((long) rows * inputs != x.length) {
            throw new IllegalArgumentException(rows + " rows of " + inputs + " inputs do not match " + x.length
                    + " values");
        }
        float[] out = new float[rows * classes];
        probabilities(x, rows, out, compute);
        return out;
    }

    /** The most probable class of each row (the lowest class on a tie). */
    public int[] predict(float[] x, int rows, Compute compute) {
        return argmax(predictProbabilities(x, rows, compute), rows, classes);
    }

    /** The most probable class of each row of a rows × classes probability table. */
    public static int[] argmax(float[] probabilities, int rows, int classes) {
        int[] best = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < classes; c++) {
                if (probabilities[r * classes + c] > probabilities[r * classes + best[r]]) {
                    best[r] = c;
                }
            }
        }
        return best;
    }

    /** The fraction of rows whose predicted class is their label. */
    public double accuracy(Dataset data, Compute compute) {
        int[] labels = checkLabels(data, classes);
        int[] predicted = predict(data.values(), data.rows(), compute);
        int correct = 0;
        for (int r = 0; r < predicted.length; r++) {
            correct += predicted[r] == labels[r] ? 1 : 0;
        }
        return data.rows() == 0 ? Double.NaN : (double) correct / data.rows();
    }

    public int inputs() {
        return inputs;
    }

    public int classes() {
        return classes;
    }

    /** A copy of W, inputs × classes, row-major. */
    public float[] weights() {
        return weights.clone();
    }

    /** A copy of b. */
    public float[] bias() {
        return bias.clone();
    }

    /** Writes W and b to {@code directory} (created if needed) as weights.npy and bias.npy. */
    public void save(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        Npy.write(directory.resolve(WEIGHTS_FILE), weights, inputs, classes);
        Npy.write(directory.resolve(BIAS_FILE), bias, classes);
    }

    /** Reads a classifier written by {@link #save}, checking that the two shapes agree. */
    public static SoftmaxRegression load(Path directory) {
        NpyArray w = Npy.read(directory.resolve(WEIGHTS_FILE), -1, -1);
        int classes = w.shape()[1];
        NpyArray b = Npy.read(directory.resolve(BIAS_FILE), classes);
        if (w.shape()[0] < 1 || classes < 2) {
            throw new BadInputException(directory.resolve(WEIGHTS_FILE) + ": shape (" + w.shape()[0] + ", " + classes
                    + ") needs at least 1 input and 2 classes");
        }
        return new SoftmaxRegression(w.shape()[0], classes, w.data(), b.data());
    }
}
