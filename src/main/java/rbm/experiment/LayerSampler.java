package rbm.experiment;

import rbm.generate.GibbsSampler;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.random.BernoulliSampler;

/** Draws the images generated from one layer for the experiment, with the diagnostic of how well its chains mixed. */
final class LayerSampler {
    private final GibbsSampler gibbs;
    private final ExperimentConfig config;

    LayerSampler(Compute compute, DeepBeliefNet dbn, long seed, ExperimentConfig config) {
        this.gibbs = new GibbsSampler(compute, dbn, seed);
        this.config = config;
    }

    /** Images at the data layer, one row each, and the mixing diagnostic of the chains they came from. */
    record Draw(float[] images, Mixing mixing) {
    }

    /** How the chains of one layer mixed: swap acceptance per pair of neighbouring temperatures, energy over time. */
    record Mixing(double[] swapRates, double[] energyTrace) {
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

    Draw draw(int layer, int n) {
        return new Draw(gibbs.sample(layer, n, config.gibbsSteps()), new Mixing(new double[0], new double[0]));
    }

    float[] down(int layer, float[] states, int rows, BernoulliSampler sampler) {
        return gibbs.down(layer, states, rows, sampler);
    }
}
