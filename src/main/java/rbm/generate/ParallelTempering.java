package rbm.generate;

import rbm.io.MemoryNeed;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;

/**
 * Generates patterns from a trained stack with parallel tempering ({@link TemperedChains}) in RBM ℓ instead of
 * plain Gibbs chains: the β = 1 replicas' visible states, or those passed down to the pixels as
 * {@link GibbsSampler#down} does.
 *
 * <p>The β = 0 model has the RBM's own visible biases, a = b: p_β(v, h) ∝ exp(bᵀv + β(cᵀh + vᵀWh)), so tempering
 * anneals the couplings and the hidden biases and keeps each unit's own preference. It needs nothing but the model
 * (AIS's base rates need the data propagated up to layer ℓ − 1) and is exact to sample at β = 0. Measured on RBM 1 of
 * the bundled MNIST stack, 100 chains, 200 sweeps, ten rungs from 1 to 0.5: swap rates 0.21–0.50 with a = b,
 * 0.17–0.55 with a uniform base (a = 0), 0.28–0.58 with the pixels' base rates; with ten rungs down to β = 0 the
 * hottest pairs of all three swap at rates near 0, which is why the standard ladder stops at 0.5. A caller with base
 * rates passes them to {@link #visibleStates(int, int, int, int, int, float[])}.
 */
public final class ParallelTempering {
    private final Compute compute;
    private final DeepBeliefNet dbn;
    private final long seed;
    private final TemperatureLadder ladder;
    private MixingDiagnostics diagnostics;

    /** Samples with the {@link TemperatureLadder#standard standard} ladder of {@code replicas} temperatures. */
    public ParallelTempering(Compute compute, DeepBeliefNet dbn, long seed, int replicas) {
        this(compute, dbn, seed, TemperatureLadder.standard(replicas));
    }

    public ParallelTempering(Compute compute, DeepBeliefNet dbn, long seed, TemperatureLadder ladder) {
        this.compute = compute;
        this.dbn = dbn;
        this.seed = seed;
        this.ladder = ladder;
    }

    public TemperatureLadder ladder() {
        return ladder;
    }

    /**
     * The visible states (0/1) of the β = 1 replicas of {@code chains} chains in RBM {@code layer}: after each of
     * sweeps burnIn + every, burnIn + 2·every, … ≤ steps, one row per chain, so (steps − burnIn) / every × chains
     * rows of the RBM's visible width, ordered by sweep, then chain. The β = 0 model has the RBM's visible biases.
     */
    public float[] visibleStates(int layer, int chains, int steps, int burnIn, int every) {
        return visibleStates(layer, chains, steps, burnIn, every, dbn.rbm(layer).visibleBias());
    }

    /** The same, with {@code base} the visible biases of the β = 0 model (zeros: uniform). */
    public float[] visibleStates(int layer, int chains, int steps, int burnIn, int every, float[] base) {
        if (chains < 1 || steps < 0 || burnIn < 0 || every < 1) {
            throw new IllegalArgumentException("chains ≥ 1, steps ≥ 0, burnIn ≥ 0, every ≥ 1: got " + chains + ", "
                    + steps + ", " + burnIn + ", " + every);
        }
        Rbm rbm = dbn.rbm(layer);
        int kept = steps > burnIn ? (steps - burnIn) / every : 0;
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(kept, chains), rbm.visible())];
        run(layer, chains, steps, base, (sweep, v) -> {
            if (sweep > burnIn && (sweep - burnIn) % every == 0) {
                int n = chains * rbm.visible();
                System.arraycopy(v, 0, out, ((sweep - burnIn) / every - 1) * n, n);
            }
        });
        return out;
    }

    /**
     * {@code chains} patterns at the data layer, chains × widths[0], after {@code steps} sweeps in RBM
     * {@code layer}: the pixel probabilities of the β = 1 replicas' last hidden states passed down as
     * {@link GibbsSampler#sample} passes its chains'.
     */
    public float[] sample(int layer, int chains, int steps) {
        Rbm top = dbn.rbm(layer);
        TemperedChains pt = run(layer, chains, steps, top.visibleBias(), (sweep, v) -> { });
        float[] v = new float[chains * top.visible()];
        top.visibleProbabilities(compute, pt.hidden(), chains, v); // the β = 1 rows come first
        BernoulliSampler sampler = BernoulliSampler.create(compute, seed, "tempering down from layer " + layer,
                GibbsSampler.widest(dbn));
        return new GibbsSampler(compute, dbn, seed).down(layer - 1, v, chains, sampler);
    }

    /** The mixing diagnostics of the last run, with the free energy traced every sweep. */
    public MixingDiagnostics diagnostics() {
        if (diagnostics == null) {
            throw new IllegalStateException("no chains have run yet");
        }
        return diagnostics;
    }

    /**
     * The heap {@link #sample} takes: states, probabilities and products of chains × R rows in RBM {@code layer},
     * then what {@link GibbsSampler#memory} counts for the pass down and the picture.
     */
    public static MemoryNeed memory(DeepBeliefNet dbn, int layer, int chains, int replicas, int columns) {
        MemoryNeed need = GibbsSampler.memory(dbn, layer, chains, columns);
        long rows = (long) chains * replicas;
        Rbm rbm = dbn.rbm(layer);
        need.array("--chains", "the visible states of the tempered replicas", rows, rbm.visible(), Float.BYTES);
        need.array("--chains", "the hidden states of the tempered replicas", rows, rbm.hidden(), Float.BYTES);
        return need.array("--chains", "the products of the tempered replicas", rows, rbm.hidden(), Float.BYTES);
    }

    private interface SweepListener {
        void after(int sweep, float[] visible);
    }

    private TemperedChains run(int layer, int chains, int steps, float[] base, SweepListener listener) {
        Rbm rbm = dbn.rbm(layer);
        BernoulliSampler sampler = BernoulliSampler.create(compute, seed, "tempering layer " + layer,
                Math.max(rbm.visible(), rbm.hidden()));
        TemperedChains pt = new TemperedChains(compute, rbm, base, ladder, chains, sampler,
                RandomStreams.create(seed, "tempering swaps layer " + layer));
        FreeEnergyTrace trace = new FreeEnergyTrace(1);
        trace.record(compute, rbm, 0, pt.visible(), chains);
        for (int s = 1; s <= steps; s++) {
            pt.sweep();
            trace.record(compute, rbm, s, pt.visible(), chains);
            listener.after(s, pt.visible());
        }
        diagnostics = new MixingDiagnostics(ladder.betas(), pt.swapRates(), trace.every(), trace.values());
        return pt;
    }
}
