package rbm.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/**
 * The variational lower bound on log p(v) of a deep belief net cut at depth ℓ (Salakhutdinov &amp; Murray, ICML 2008,
 * section 4). RBM ℓ is the prior over layer ℓ−1, and each RBM j &lt; ℓ below it is a directed sigmoid layer,
 * p(h_{j−1} | h_j) = Π_i σ(b_j + W_j h_j)_i. With q the upward (recognition) pass,
 * q(h_j | h_{j−1}) = Π_k σ(c_j + h_{j−1} W_j)_k from h_0 = v, Jensen's inequality gives
 *
 * <pre>
 *   log p(v) ≥ E_q[ −F_ℓ(h_{ℓ−1}) − log Z_ℓ + Σ_{j&lt;ℓ} ( log p(h_{j−1} | h_j) − log q(h_j | h_{j−1}) ) ]
 * </pre>
 *
 * in nats, with F_ℓ the free energy of RBM ℓ and log Z_ℓ given by the caller (exact, or an AIS estimate). At ℓ = 1
 * nothing is sampled and the bound is the RBM's own log p(v) = −F_1(v) − log Z_1. The expectation is a mean over S
 * samples of q per image ({@link DbnBound} gives its errors).
 *
 * <p>One upward pass serves every depth, so the depths are compared on the same samples. Layer j's inputs
 * h_{j−1}W_j serve three terms: q(h_j | h_{j−1}), the probabilities h_j is drawn from, and F_j(h_{j−1}); a depth
 * therefore costs one product up and one down per sample. The product of layer 1 is made once per image, not per
 * sample, because every sample starts from the same v. Each layer draws from its own stream, so the numbers of a
 * depth do not change when the caller asks for more depths; the same seed and thread count give the same numbers.
 */
public final class DbnBoundEstimator {
    /** Rows (samples of all images of a batch) per pass: a few megabytes per buffer for 784-wide images. */
    private static final int BATCH_ROWS = 2048;

    private final DeepBeliefNet dbn;
    private final double[] logPartitions;
    private final int samples;
    private final Compute compute;
    private final int[] widths;
    private final BernoulliSampler[] samplers;
    /** Per batch: the layer below (h_{j−1}) and the layer above (h_j), sample by sample. */
    private float[] below;
    private float[] above;
    /** Inputs of the layer above, h_{j−1}W_j, and of the layer below, h_j W_jᵀ. */
    private final float[] up;
    private final float[] down;
    /** Per image: its own layer-1 inputs, before they are copied for each sample. */
    private final float[] imageUp;
    /** Σ_{j&lt;ℓ} (log p(h_{j−1} | h_j) − log q(h_j | h_{j−1})) so far, per sample. */
    private final double[] running;
    /** −F of the prior of the current depth, per sample (per image at depth 1). */
    private final double[] prior;
    /** The bound's terms per depth and sample (per image at depth 1). */
    private final double[][] terms;

    /** Rows of one pass: whole images of {@code samples} samples each, about {@link #BATCH_ROWS}, at least one image. */
    public static long rowsPerPass(int samples) {
        return (long) Math.max(1, BATCH_ROWS / samples) * samples;
    }

    private DbnBoundEstimator(DeepBeliefNet dbn, double[] logPartitions, int samples, long seed, Compute compute) {
        this.dbn = dbn;
        this.logPartitions = logPartitions;
        this.samples = samples;
        this.compute = compute;
        this.widths = dbn.widths();
        int depths = logPartitions.length;
        int images = Math.max(1, BATCH_ROWS / samples);
        int rows = (int) rowsPerPass(samples);
        int widest = 0;
        for (int j = 0; j <= depths; j++) {
            widest = Math.max(widest, widths[j]);
        }
        this.samplers = new BernoulliSampler[depths - 1];
        for (int j = 1; j < depths; j++) {
            samplers[j - 1] = BernoulliSampler.create(compute, seed, "dbn bound, layer " + j, widths[j]);
        }
        boolean sampled = depths > 1;
        this.below = new float[sampled ? rows * widest : 0];
        this.above = new float[sampled ? rows * widest : 0];
        this.up = new float[sampled ? rows * widest : 0];
        this.down = new float[sampled ? rows * widest : 0];
        this.imageUp = new float[images * widths[1]];
        this.running = new double[rows];
        this.prior = new double[rows];
        this.terms = new double[depths][rows];
    }

    /**
     * The bound at depths 1 … {@code logPartitions.length} for the first {@code rows} images of {@code images} (rows ×
     * the data width, binary or in [0, 1]), with {@code samples} draws of q per image.
     *
     * @param logPartitions log Z_ℓ of RBM ℓ at index ℓ−1, one per depth wanted; a NaN gives a NaN bound at that depth
     *                      and leaves the others as they are
     * @param samples       S ≥ 2, so that the Monte Carlo error can be estimated; all S samples of an image go through
     *                      the net together, in buffers of about 4·S·(widest layer) floats
     */
    public static List<DbnBound> estimate(DeepBeliefNet dbn, double[] logPartitions, float[] images, int rows,
                                          int samples, long seed, Compute compute) {
        int depths = logPartitions.length;
        if (depths < 1 || depths > dbn.depth()) {
            throw new IllegalArgumentException("one log Z per depth, 1 to " + dbn.depth() + ": got " + depths);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("at least 2 samples per image, to estimate the error: " + samples);
        }
        if (rows < 1 || images.length < (long) rows * dbn.widths()[0]) {
            throw new IllegalArgumentException(rows + " images of width " + dbn.widths()[0] + " need "
                    + (long) rows * dbn.widths()[0] + " values, got " + images.length);
        }
        DbnBoundEstimator estimator = new DbnBoundEstimator(dbn, logPartitions, samples, seed, compute);
        double[][] imageMeans = new double[depths][rows];
        double[] monteCarloVariance = new double[depths];
        int batch = Math.max(1, BATCH_ROWS / samples);
        for (int first = 0; first < rows; first += batch) {
            int count = Math.min(batch, rows - first);
            estimator.pass(images, first, count);
            System.arraycopy(estimator.terms[0], 0, imageMeans[0], first, count);
            for (int d = 1; d < depths; d++) {
                double[] t = estimator.terms[d];
                for (int i = 0; i < count; i++) {
                    double mean = 0;
                    for (int s = 0; s < samples; s++) {
                        mean += t[i * samples + s];
                    }
                    mean /= samples;
                    double squares = 0;
                    for (int s = 0; s < samples; s++) {
                        double e = t[i * samples + s] - mean;
                        squares += e * e;
                    }
                    imageMeans[d][first + i] = mean;
                    monteCarloVariance[d] += squares / (samples - 1) / samples;
                }
            }
        }
        List<DbnBound> bounds = new ArrayList<>();
        for (int d = 0; d < depths; d++) {
            bounds.add(DbnBound.of(d + 1, imageMeans[d], monteCarloVariance[d], samples));
        }
        return bounds;
    }

    /** Fills {@link #terms} for images [first, first + count): per image at depth 1, per sample above. */
    private void pass(float[] images, int first, int count) {
        int n0 = widths[0];
        int n1 = widths[1];
        Rbm bottom = dbn.rbm(1);
        float[] v = Arrays.copyOfRange(images, first * n0, (first + count) * n0);
        compute.gemm(false, false, count, n1, n0, 1f, v, bottom.weights(), 0f, imageUp);
        LayerLogProbabilities.negativeFreeEnergies(compute, bottom, v, imageUp, count, prior);
        for (int i = 0; i < count; i++) {
            terms[0][i] = prior[i] - logPartitions[0];
        }
        int depths = logPartitions.length;
        if (depths == 1) {
            return;
        }
        int rows = count * samples;
        for (int i = 0; i < count; i++) {
            for (int s = 0; s < samples; s++) {
                System.arraycopy(v, i * n0, below, (i * samples + s) * n0, n0);
                System.arraycopy(imageUp, i * n1, up, (i * samples + s) * n1, n1);
            }
        }
        Arrays.fill(running, 0);
        for (int j = 1; j < depths; j++) {
            Rbm rbm = dbn.rbm(j);
            int nIn = widths[j - 1];
            int nOut = widths[j];
            // h_j ~ q(h_j | h_{j−1}) = σ(h_{j−1}W_j + c_j)
            compute.sigmoidBias(up, rbm.hiddenBias(), above, rows, nOut);
            samplers[j - 1].sample(above, above, rows, nOut);
            LayerLogProbabilities.addLogBernoulli(compute, above, up, rbm.hiddenBias(), rows, nOut, -1, running);
            // log p(h_{j−1} | h_j) through the directed layer: inputs h_j W_jᵀ + b_j
            compute.gemm(false, true, rows, nIn, nOut, 1f, above, rbm.weights(), 0f, down);
            LayerLogProbabilities.addLogBernoulli(compute, below, down, rbm.visibleBias(), rows, nIn, 1, running);
            // the prior of depth j + 1 over h_j; its inputs are the next layer's inputs of q
            Rbm next = dbn.rbm(j + 1);
            compute.gemm(false, false, rows, widths[j + 1], nOut, 1f, above, next.weights(), 0f, up);
            LayerLogProbabilities.negativeFreeEnergies(compute, next, above, up, rows, prior);
            for (int r = 0; r < rows; r++) {
                terms[j][r] = running[r] + prior[r] - logPartitions[j];
            }
            float[] swap = below;
            below = above;
            above = swap;
        }
    }
}
