package rbm.evaluate;

import rbm.count.StateCounter;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;

/**
 * How good and how varied a set of generated digits is.
 * <ul>
 *   <li>quality: the mean Euclidean distance from each generated image (pixel probabilities) to its nearest
 *       training image, ‖g − t‖ = √(‖g‖² + ‖t‖² − 2 g·t), and the classifier's mean confidence max_y p(y | g);</li>
 *   <li>diversity: the entropy of the predicted labels in bits (log2 10 = 3.32 when all ten digits appear equally),
 *       and the fraction of distinct binary patterns (the images thresholded at 0.5);</li>
 *   <li>the combined score: confidence × (label entropy / log2 10) × fraction distinct, in [0, 1]. It is high only
 *       when the digits are recognisable, cover the classes, and are not copies of one another.</li>
 * </ul>
 *
 * @param samples            number of generated images
 * @param nearestDistance    mean distance to the nearest training image
 * @param confidence         mean classifier confidence
 * @param labelEntropy       entropy of the predicted labels, bits
 * @param distinctFraction   distinct thresholded patterns / samples
 * @param labelCounts        how many samples were given each label
 * @param score              the combined score
 */
public record GenerationScore(int samples, double nearestDistance, double confidence, double labelEntropy,
                              double distinctFraction, int[] labelCounts, double score) {

    /** Training rows compared at once in the nearest-neighbour search. */
    private static final int CHUNK = 4096;

    public static GenerationScore of(float[] generated, int rows, float[] training, int trainingRows, int width,
                                     SoftmaxRegression classifier, Compute compute) {
        double nearest = meanNearestDistance(generated, rows, training, trainingRows, width, compute);
        int classes = classifier.classes();
        float[] p = classifier.predictProbabilities(generated, rows, compute);
        int[] labels = SoftmaxRegression.argmax(p, rows, classes);
        double confidence = 0;
        int[] counts = new int[classes];
        for (int r = 0; r < rows; r++) {
            confidence += p[r * classes + labels[r]];
            counts[labels[r]]++;
        }
        confidence /= rows;
        double entropy = 0;
        for (int c : counts) {
            if (c > 0) {
                double q = (double) c / rows;
                entropy -= q * Math.log(q) / Math.log(2);
            }
        }
        double distinct = (double) distinctPatterns(generated, rows, width, compute) / rows;
        double score = confidence * (entropy / (Math.log(classes) / Math.log(2))) * distinct;
        return new GenerationScore(rows, nearest, confidence, entropy, distinct, counts, score);
    }

    /** Distinct binary patterns (units above 0.5), packed and counted as the relevance engine counts states. */
    private static long distinctPatterns(float[] x, int rows, int width, Compute compute) {
        Kernels kernels = compute.kernels();
        int words = (width + 63) >>> 6;
        long[] key = new long[words];
        try (StateCounter counter = new StateCounter(width, kernels)) {
            for (int r = 0; r < rows; r++) {
                kernels.packBits(x, r * width, width, 0.5f, key, 0);
                counter.add(key, 0);
            }
            return counter.distinct();
        }
    }

    static double meanNearestDistance(float[] g, int rows, float[] t, int tRows, int width, Compute compute) {
        double[] best = new double[rows];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[] gNorm = squaredNorms(g, rows, width);
        float[] dots = new float[rows * CHUNK];
        for (int from = 0; from < tRows; from += CHUNK) {
            int n = Math.min(CHUNK, tRows - from);
            float[] block = java.util.Arrays.copyOfRange(t, from * width, (from + n) * width);
            double[] tNorm = squaredNorms(block, n, width);
            compute.gemm(false, true, rows, n, width, 1f, g, block, 0f, dots); // g · tᵀ
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    double d2 = gNorm[r] + tNorm[j] - 2.0 * dots[r * n + j];
                    if (d2 < best[r]) {
                        best[r] = d2;
                    }
                }
            }
        }
        double sum = 0;
        for (double d2 : best) {
            sum += Math.sqrt(Math.max(0, d2));
        }
        return sum / rows;
    }

    private static double[] squaredNorms(float[] x, int rows, int width) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int i = 0; i < width; i++) {
                double v = x[r * width + i];
                s += v * v;
            }
            out[r] = s;
        }
        return out;
    }
}
