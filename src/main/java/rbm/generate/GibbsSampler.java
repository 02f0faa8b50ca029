package rbm.generate;

import rbm.io.MemoryNeed;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/**
 * Generates patterns from a trained stack. Chains of block Gibbs sampling run in RBM ℓ, alternating
 * h ~ p(h | v) and v ~ p(v | h) from random hidden states; the last visible states of RBM ℓ (layer ℓ−1) are then
 * passed down through RBMs ℓ−1, …, 1, sampling each intermediate layer, and the pixels are the probabilities
 * p(v | h) of RBM 1, which show more than one binary draw.
 */
public final class GibbsSampler {
    private final Compute compute;
    private final DeepBeliefNet dbn;
    private final long seed;

    public GibbsSampler(Compute compute, DeepBeliefNet dbn, long seed) {
        this.compute = compute;
        this.dbn = dbn;
        this.seed = seed;
    }

    /**
     * {@code chains} patterns at the data layer, chains × widths[0], after {@code steps} Gibbs steps in RBM
     * {@code layer}.
     */
    public float[] sample(int layer, int chains, int steps) {
        return sample(layer, chains, steps, null);
    }

    /**
     * The same, adding the mean free energy of the chains' visible states to {@code trace} (if not null) at the
     * start and after the steps it asks for.
     */
    public float[] sample(int layer, int chains, int steps, FreeEnergyTrace trace) {
        Rbm top = dbn.rbm(layer);
        BernoulliSampler sampler = BernoulliSampler.create(compute, seed, "gibbs layer " + layer, widest(dbn));
        float[] h = new float[chains * top.hidden()];
        java.util.Arrays.fill(h, 0.5f);
        sampler.sample(h, h, chains, top.hidden());
        float[] v = new float[chains * top.visible()];
        for (int s = 0; s < steps; s++) {
            top.visibleProbabilities(compute, h, chains, v);
            sampler.sample(v, v, chains, top.visible());
            if (trace != null) {
                trace.record(compute, top, s, v, chains);
            }
            top.hiddenProbabilities(compute, v, chains, h);
            sampler.sample(h, h, chains, top.hidden());
        }
        top.visibleProbabilities(compute, h, chains, v);
        return down(layer - 1, v, chains, sampler);
    }

    /**
     * The heap {@link #sample} takes for {@code chains} chains in RBM {@code layer} of {@code dbn}, with the PNG grid of
     * {@code columns} tiles a row that shows them: chains × width floats at every layer from the top down (only two
     * are held at once, so this is an upper bound), and one byte a pixel.
     */
    public static MemoryNeed memory(DeepBeliefNet dbn, int layer, int chains, int columns) {
        MemoryNeed need = new MemoryNeed(chains + " chains in RBM " + layer);
        int[] widths = dbn.widths();
        for (int l = layer; l >= 0; l--) {
            need.array("--chains", "the states of layer " + l, chains, widths[l], Float.BYTES);
        }
        long[] image = Pictures.patternsSize(chains, widths[0], columns);
        return need.array("--chains", "the picture of the samples", image[0], image[1], 1);
    }

    /** The width of the stack's widest layer: what a sampler that passes states down draws at most per row. */
    public static int widest(DeepBeliefNet dbn) {
        int widest = 0;
        for (int w : dbn.widths()) {
            widest = Math.max(widest, w);
        }
        return widest;
    }

    /**
     * Passes layer-{@code layer} probabilities (or states) down to the pixels: each layer is sampled, then mapped
     * to the probabilities of the layer below; the pixel layer stays as probabilities. Layer 0 is returned as is.
     */
    public float[] down(int layer, float[] probabilities, int rows, BernoulliSampler sampler) {
        float[] x = probabilities;
        for (int l = layer; l >= 1; l--) {
            sampler.sample(x, x, rows, dbn.rbm(l).hidden());
            x = DeepBeliefNet.down(compute, dbn.rbm(l), x, rows, null);
        }
        return x;
    }
}
