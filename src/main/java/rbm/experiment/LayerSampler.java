package rbm.experiment;

import rbm.generate.GibbsSampler;
import rbm.generate.MixingDiagnostics;
import rbm.generate.ParallelTempering;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/**
 * Draws the images generated from one layer for the experiment: parallel tempering in RBM ℓ (plain Gibbs chains with
 * one temperature), {@code generated / samplesPerChain} chains, a burn-in of {@code gibbsSteps} sweeps, then a
 * sample every {@code every} sweeps. Each kept visible state of RBM ℓ (a layer-(ℓ−1) state) draws h ~ p(h | v) and
 * gives p(v | h), which is passed down to the pixels as {@link GibbsSampler#down} does, so the pixels are
 * probabilities as with the plain chains.
 */
final class LayerSampler {
    private final Compute compute;
    private final DeepBeliefNet dbn;
    private final long seed;
    private final GibbsSampler gibbs;
    private final ExperimentConfig config;

    LayerSampler(Compute compute, DeepBeliefNet dbn, long seed, ExperimentConfig config) {
        this.compute = compute;
        this.dbn = dbn;
        this.seed = seed;
        this.gibbs = new GibbsSampler(compute, dbn, seed);
        this.config = config;
    }

    /** Images at the data layer, one row each, and the mixing diagnostic of the chains they came from. */
    record Draw(float[] images, Mixing mixing) {
    }

    /**
     * How the chains of one layer mixed: the swap acceptance rate of each pair of neighbouring temperatures, and the
     * mean free energy of the β = 1 chains every {@code traceEvery} sweeps.
     */
    record Mixing(double[] swapRates, int traceEvery, double[] energyTrace) {
        static Mixing of(MixingDiagnostics d) {
            return new Mixing(d.swapRates(), d.traceEvery(), d.meanFreeEnergy());
        }

        String summary() {
            if (swapRates.length == 0) {
                return "plain Gibbs chains";
            }
            double min = 1;
            for (double r : swapRates) {
                min = Math.min(min, r);
            }
            return String.format(java.util.Locale.ROOT, "lowest swap acceptance %.2f", min);
        }
    }

    /** {@code n} images from layer {@code layer}: whole chains' worth, the last chain's extra samples dropped. */
    Draw draw(int layer, int n) {
        ExperimentConfig.Evaluation e = config.evaluation();
        int perChain = Math.max(1, Math.min(e.samplesPerChain(), n));
        int chains = (n + perChain - 1) / perChain;
        int steps = config.gibbsSteps() + perChain * e.every();
        ParallelTempering pt = new ParallelTempering(compute, dbn, seed, Math.max(2, e.temperatures()));
        float[] v = pt.visibleStates(layer, chains, steps, config.gibbsSteps(), e.every());
        Rbm rbm = dbn.rbm(layer);
        BernoulliSampler sampler = BernoulliSampler.create(compute, seed, "generation: tempering layer " + layer,
                GibbsSampler.widest(dbn));
        float[] h = new float[n * rbm.hidden()];
        rbm.hiddenProbabilities(compute, v, n, h);
        sampler.sample(h, h, n, rbm.hidden());
        float[] probabilities = new float[n * rbm.visible()];
        rbm.visibleProbabilities(compute, h, n, probabilities);
        return new Draw(gibbs.down(layer - 1, probabilities, n, sampler), Mixing.of(pt.diagnostics()));
    }

    float[] down(int layer, float[] states, int rows, BernoulliSampler sampler) {
        return gibbs.down(layer, states, rows, sampler);
    }
}
