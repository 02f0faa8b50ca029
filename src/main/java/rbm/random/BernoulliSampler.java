package rbm.random;

import org.apache.commons.rng.UniformRandomProvider;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;
import rbm.kernels.WorkerPool;

/**
 * Draws binary states from probabilities, s ~ Bernoulli(p), on all worker threads. Thread t always handles the same
 * block of the matrix (rows, or columns when it samples the block of a product it computed) and draws from its own
 * stream, so the states depend on the seed and the thread count only.
 *
 * <p>Each 64-bit draw gives two uniforms, from its top 24 bits and from the 24 bits below the low word's top byte
 * ({@link #uniforms}), because drawing the uniforms is most of the sampling's time: two uniforms per draw cost less
 * than half as much as one per draw, as {@code nextFloat} makes them.
 */
public final class BernoulliSampler {
    private final Compute compute;
    private final Kernels kernels;
    private final UniformRandomProvider[] streams;
    private final float[][] uniforms;
    private float[] p;
    private float[] out;
    private int cols;
    private final Compute.BlockOfMatrix block = this::sampleBlock; // made once: a method reference allocates
    private final WorkerPool.BlockTask rows = (t, from, to) -> sampleBlock(t, from, to, 0, cols);

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
        prepare(p, out, cols);
        compute.pool().run(rows, 10L * rows * cols, this.rows); // a draw costs about 10 flops
        this.p = this.out = null;
    }

    /**
     * The task that samples {@code out = Bernoulli(p)} on a block of a matrix of width cols, for
     * {@link Compute#gemmSigmoid} to run on each block of p it computes, in the same hand-over.
     */
    public Compute.BlockOfMatrix prepare(float[] p, float[] out, int cols) {
        this.p = p;
        this.out = out;
        this.cols = cols;
        return block;
    }

    private void sampleBlock(int t, int r0, int r1, int c0, int c1) {
        UniformRandomProvider rng = streams[t];
        float[] u = uniforms[t];
        for (int r = r0; r < r1; r++) {
            uniforms(rng, u, c1 - c0);
            kernels.bernoulli(p, u, 0, out, r * cols + c0, c1 - c0);
        }
    }

    /**
     * {@code u[0 .. n)} uniform on the multiples of 2^−24 in [0, 1), as {@code nextFloat} gives them, two from each
     * {@code nextLong}: bits 63–40 and bits 31–8 (disjoint, and every bit of this generator's output is as good as
     * any other); for odd n the last draw gives one.
     */
    static void uniforms(UniformRandomProvider rng, float[] u, int n) {
        int j = 0;
        for (; j + 1 < n; j += 2) {
            long z = rng.nextLong();
            u[j] = (z >>> 40) * 0x1p-24f;
            u[j + 1] = ((int) z >>> 8) * 0x1p-24f;
        }
        if (j < n) {
            u[j] = (rng.nextLong() >>> 40) * 0x1p-24f;
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
