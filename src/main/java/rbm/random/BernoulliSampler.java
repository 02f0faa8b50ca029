package rbm.random;

import org.apache.commons.rng.UniformRandomProvider;
import rbm.BadInputException;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;
import rbm.kernels.WorkerPool;

/**
 * Draws binary states from probabilities, s ~ Bernoulli(p), on all worker threads. Thread t always handles the same
 * block of rows and draws from its own stream, so the states depend on the seed and the thread count only.
 */
public final class BernoulliSampler {
    private final Compute compute;
    private final Kernels kernels;
    private final UniformRandomProvider[] streams;
    private final float[][] uniforms;
    private float[] p;
    private float[] out;
    private int cols;
    private final WorkerPool.BlockTask task = this::sampleRows; // made once: a method reference allocates

    /** @param maxCols the widest row this sampler will be asked for */
    public BernoulliSampler(Compute compute, UniformRandomProvider[] streams, int maxCols) {
        if (streams.length != compute.threads()) {
            throw new IllegalArgumentException("one stream per thread: " + streams.length + " != " + compute.threads());
        }
        this.compute = compute;
        this.kernels = compute.kernels();
        this.streams = streams;
        this.uniforms = new float[streams.length][maxCols];
    }

    /** A sampler whose streams are determined by (seed, purpose) and the thread count. */
    public static BernoulliSampler create(Compute compute, long seed, String purpose, int maxCols) {
        return new BernoulliSampler(compute, RandomStreams.perThread(seed, purpose, compute.threads()), maxCols);
    }

    /** {@code out = Bernoulli(p)} for a rows × cols matrix; {@code out} may be {@code p}. Allocates nothing. */
    public void sample(float[] p, float[] out, int rows, int cols) {
        compute.pool().run(rows, work(rows, cols), prepare(p, out, cols));
        this.p = this.out = null;
    }

    /** The work {@link #sample} declares to the pool: a draw costs about 10 flops. */
    public static long work(int rows, int cols) {
        return 10L * rows * cols;
    }

    /**
     * The task that {@link #sample} runs, set up for {@code out = Bernoulli(p)} on rows of width cols: to be run on the
     * blocks {@code compute.pool().run(rows, work(rows, cols), task)} would give it, within another hand-over.
     */
    public WorkerPool.BlockTask prepare(float[] p, float[] out, int cols) {
        this.p = p;
        this.out = out;
        this.cols = cols;
        return task;
    }

    private void sampleRows(int block, int from, int to) {
        UniformRandomProvider rng = streams[block];
        float[] u = uniforms[block];
        for (int r = from; r < to; r++) {
            for (int j = 0; j < cols; j++) {
                u[j] = rng.nextFloat();
            }
            kernels.bernoulli(p, u, 0, out, r * cols, cols);
        }
    }

    public byte[][] saveState() {
        byte[][] states = new byte[streams.length][];
        for (int t = 0; t < streams.length; t++) {
            states[t] = RandomStreams.saveState(streams[t]);
        }
        return states;
    }

    public void restoreState(byte[][] states) {
        if (states.length != streams.length) {
            throw new BadInputException("the checkpoint was written with --threads " + states.length
                    + "; resume with --threads " + states.length + " to continue bit for bit");
        }
        for (int t = 0; t < streams.length; t++) {
            RandomStreams.restoreState(streams[t], states[t]);
        }
    }
}
