package rbm.readout;

import java.util.Locale;
import rbm.count.StateCounter;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/**
 * Reads out the binary state of every layer of a trained stack for every input, and counts the states layer by
 * layer. The inputs go up in batches; at each layer the states are packed into bit vectors ({@link Kernels#packBits},
 * on all worker threads) and added to that layer's {@link StateCounter}.
 * <ul>
 *   <li>{@link Mode#STOCHASTIC}: one upward pass that samples each layer from the one below,
 *       h_ℓ ~ Bernoulli(σ(h_{ℓ−1}W + c)). Each repeat draws from its own streams, derived from the seed (and, as
 *       everywhere in the project, the thread count).</li>
 *   <li>{@link Mode#DETERMINISTIC}: a unit is on when its probability is above 0.5, and the next layer reads these
 *       binary states. Each layer's state is then a function of the one below, so resolution can only fall with
 *       depth.</li>
 * </ul>
 */
public final class Readout {
    /** Rows sent up the stack at a time: large enough for the matrix kernels, small enough to keep memory flat. */
    private static final int BATCH = 1000;

    public enum Mode {
        STOCHASTIC, DETERMINISTIC;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Compute compute;
    private final DeepBeliefNet dbn;
    private final Mode mode;
    private final long seed;

    public Readout(Compute compute, DeepBeliefNet dbn, Mode mode, long seed) {
        this.compute = compute;
        this.dbn = dbn;
        this.mode = mode;
        this.seed = seed;
    }

    /**
     * Counts the states of layers 1 to depth over {@code rows} inputs (row-major, as wide as the stack's data
     * layer). Counter ℓ − 1 holds layer ℓ; the caller closes them.
     */
    public StateCounter[] count(float[] data, int rows, int repeat) {
        int[] widths = dbn.widths();
        if ((long) rows * widths[0] != data.length) {
            throw new IllegalArgumentException(data.length + " values are not " + rows + " rows of " + widths[0]);
        }
        int depth = dbn.depth();
        int widest = 0;
        for (int l = 1; l <= depth; l++) {
            widest = Math.max(widest, widths[l]);
        }
        Kernels kernels = compute.kernels();
        BernoulliSampler sampler = mode == Mode.STOCHASTIC
                ? BernoulliSampler.create(compute, seed, "relevance read-out, repeat " + repeat, widest) : null;
        StateCounter[] counters = new StateCounter[depth];
        try {
            for (int l = 1; l <= depth; l++) {
                counters[l - 1] = new StateCounter(widths[l], kernels);
            }
            float[] input = new float[BATCH * widths[0]];
            float[][] states = new float[depth][];
            for (int l = 1; l <= depth; l++) {
                states[l - 1] = new float[BATCH * widths[l]];
            }
            long[] words = new long[BATCH * ((widest + 63) >>> 6)];
            for (int start = 0; start < rows; start += BATCH) {
                int n = Math.min(BATCH, rows - start);
                System.arraycopy(data, start * widths[0], input, 0, n * widths[0]);
                float[] below = input;
                for (int l = 1; l <= depth; l++) {
                    Rbm rbm = dbn.rbm(l);
                    float[] h = states[l - 1];
                    rbm.hiddenProbabilities(compute, below, n, h);
                    if (sampler != null) {
                        sampler.sample(h, h, n, widths[l]);
                    }
                    countLayer(h, n, widths[l], words, counters[l - 1]);
                    if (sampler == null) {
                        binarise(h, n * widths[l]);
                    }
                    below = h;
                }
            }
            return counters;
        } catch (RuntimeException | Error e) {
            for (StateCounter c : counters) {
                if (c != null) {
                    c.close();
                }
            }
            throw e;
        }
    }

    /** Packs each row's units (on when above 0.5) on all threads, then counts the rows in order. */
    private void countLayer(float[] h, int rows, int cols, long[] words, StateCounter counter) {
        int nWords = (cols + 63) >>> 6;
        Kernels kernels = compute.kernels();
        compute.pool().run(rows, (block, from, to) -> {
            for (int r = from; r < to; r++) {
                kernels.packBits(h, r * cols, cols, 0.5f, words, r * nWords);
            }
        });
        counter.addAll(words, 0, rows);
    }

    private static void binarise(float[] h, int n) {
        for (int i = 0; i < n; i++) {
            h[i] = h[i] > 0.5f ? 1f : 0f;
        }
    }
}
