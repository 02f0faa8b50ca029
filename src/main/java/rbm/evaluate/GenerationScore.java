package rbm.evaluate;

import rbm.count.StateCounter;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;

/**
 * How good and how varied a set of generated digits is.
 * <ul>
 *   <li>quality: the classifier's mean confidence max_y p(y | g), and how far each generated image, thresholded at
 *       0.5, is from its nearest training image by the Jaccard distance 1 − |g ∩ t| / |g ∪ t| of their sets of ink
 *       pixels, which {@link Reliability} turns into a curve. The Jaccard distance rather than the count of differing
 *       pixels, because a nearly blank image differs from a thin training digit in few pixels while sharing almost
 *       none of its ink;</li>
 *   <li>diversity: the entropy of the predicted labels in bits (log2 10 = 3.32 when all ten digits appear equally),
 *       and the fraction of distinct binary patterns (the images thresholded at 0.5);</li>
 *   <li>the combined score: confidence × (label entropy / log2 10) × fraction distinct, in [0, 1]. It is high only
 *       when the digits are recognisable, cover the classes, and are not copies of one another.</li>
 * </ul>
 * The score's own sampling error comes from batch means: the score of each of {@link #PARTS} disjoint parts of the
 * samples, whose standard deviation over √PARTS estimates the error of the score of all of them.
 *
 * @param samples            number of generated images
 * @param nearestDistance    mean Jaccard distance to the nearest training image, in [0, 1]
 * @param confidence         mean classifier confidence
 * @param labelEntropy       entropy of the predicted labels, bits
 * @param distinctFraction   distinct thresholded patterns / samples
 * @param labelCounts        how many samples were given each label
 * @param score              the combined score
 * @param scoreError         its sampling error (batch means over {@link #PARTS} parts; NaN below 2 samples a part)
 * @param nearest            per sample, the Jaccard distance to its nearest training image
 */
public record GenerationScore(int samples, double nearestDistance, double confidence, double labelEntropy,
                              double distinctFraction, int[] labelCounts, double score, double scoreError,
                              double[] nearest) {

    /** Disjoint parts of the samples for the batch-means error of the score. */
    public static final int PARTS = 4;
    /** Training rows compared at once in the nearest-neighbour search. */
    private static final int CHUNK = 4096;

    public static GenerationScore of(float[] generated, int rows, float[] training, int trainingRows, int width,
                                     SoftmaxRegression classifier, Compute compute) {
        return of(generated, rows, nearestJaccard(generated, rows, training, trainingRows, width, compute), width,
                classifier, compute);
    }

    /** The score without the nearest-neighbour search: {@code nearestDistance} is NaN, {@code nearest} empty. */
    public static GenerationScore withoutDistances(float[] generated, int rows, int width,
                                                   SoftmaxRegression classifier, Compute compute) {
        return of(generated, rows, new double[0], width, classifier, compute);
    }

    private static GenerationScore of(float[] generated, int rows, double[] nearest, int width,
                                      SoftmaxRegression classifier, Compute compute) {
        double meanNearest = nearest.length == 0 ? Double.NaN : 0;
        for (double d : nearest) {
            meanNearest += d / rows;
        }
        int classes = classifier.classes();
        float[] p = classifier.predictProbabilities(generated, rows, compute);
        int[] labels = SoftmaxRegression.argmax(p, rows, classes);
        long[] keys = packed(generated, rows, width, compute.kernels());
        Part all = part(p, labels, keys, 0, rows, classes, width, compute.kernels());
        double error = Double.NaN;
        if (rows / PARTS >= 2) {
            double[] s = new double[PARTS];
            double mean = 0;
            for (int i = 0; i < PARTS; i++) {
                s[i] = part(p, labels, keys, i * rows / PARTS, (i + 1) * rows / PARTS, classes, width,
                        compute.kernels()).score;
                mean += s[i] / PARTS;
            }
            double var = 0;
            for (double x : s) {
                var += (x - mean) * (x - mean) / (PARTS - 1);
            }
            error = Math.sqrt(var / PARTS);
        }
        return new GenerationScore(rows, meanNearest, all.confidence, all.entropy, all.distinct, all.counts,
                all.score, error, nearest);
    }

    private record Part(double confidence, double entropy, double distinct, int[] counts, double score) {
    }

    /** The score of rows [from, to). */
    private static Part part(float[] p, int[] labels, long[] keys, int from, int to, int classes, int width,
                             Kernels kernels) {
        int n = to - from;
        double confidence = 0;
        int[] counts = new int[classes];
        for (int r = from; r < to; r++) {
            confidence += p[r * classes + labels[r]];
            counts[labels[r]]++;
        }
        confidence /= n;
        double entropy = 0;
        for (int c : counts) {
            if (c > 0) {
                double q = (double) c / n;
                entropy -= q * Math.log(q) / Math.log(2);
            }
        }
        int words = (width + 63) >>> 6;
        long distinctCount;
        try (StateCounter counter = new StateCounter(width, kernels)) {
            for (int r = from; r < to; r++) {
                counter.add(keys, r * words);
            }
            distinctCount = counter.distinct();
        }
        double distinct = (double) distinctCount / n;
        double score = confidence * (entropy / (Math.log(classes) / Math.log(2))) * distinct;
        return new Part(confidence, entropy, distinct, counts, score);
    }

    /** The patterns thresholded at 0.5 and packed, as the relevance engine packs states. */
    private static long[] packed(float[] x, int rows, int width, Kernels kernels) {
        int words = (width + 63) >>> 6;
        long[] keys = new long[rows * words];
        for (int r = 0; r < rows; r++) {
            kernels.packBits(x, r * width, width, 0.5f, keys, r * words);
        }
        return keys;
    }

    /**
     * Per generated row, the Jaccard distance from its pattern thresholded at 0.5 to the nearest row of the 0/1
     * {@code training}: 1 − g·t / (|g| + |t| − g·t), 0 for two blank images, with the dot products from one matrix
     * product per chunk of training rows (exact: sums of 0/1 products below 2^24).
     */
    public static double[] nearestJaccard(float[] generated, int rows, float[] training, int trainingRows, int width,
                                          Compute compute) {
        float[] g = new float[rows * width];
        int[] gOnes = new int[rows];
        for (int i = 0; i < rows * width; i++) {
            if (generated[i] > 0.5f) {
                g[i] = 1;
                gOnes[i / width]++;
            }
        }
        double[] best = new double[rows];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        float[] dots = new float[rows * Math.min(CHUNK, trainingRows)];
        for (int from = 0; from < trainingRows; from += CHUNK) {
            int n = Math.min(CHUNK, trainingRows - from);
            float[] block = java.util.Arrays.copyOfRange(training, from * width, (from + n) * width);
            int[] tOnes = new int[n];
            for (int i = 0; i < n * width; i++) {
                if (block[i] != 0 && block[i] != 1) {
                    throw new IllegalArgumentException("training rows must be 0/1, got " + block[i]);
                }
                tOnes[i / width] += (int) block[i];
            }
            compute.gemm(false, true, rows, n, width, 1f, g, block, 0f, dots); // g · tᵀ
            for (int r = 0; r < rows; r++) {
                double b = best[r];
                for (int j = 0; j < n; j++) {
                    int shared = (int) dots[r * n + j];
                    int union = gOnes[r] + tOnes[j] - shared;
                    double d = union == 0 ? 0 : 1 - (double) shared / union;
                    if (d < b) {
                        b = d;
                    }
                }
                best[r] = b;
            }
        }
        return best;
    }
}
