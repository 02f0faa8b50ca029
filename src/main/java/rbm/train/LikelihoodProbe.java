package rbm.train;

import rbm.kernels.Compute;
import rbm.model.Rbm;

/**
 * An estimate of log Z for the RBM being trained, from which {@link Monitor} makes log-likelihoods. The estimators
 * (annealed importance sampling) come later in the pipeline than training, so whoever starts the training supplies
 * one.
 */
@FunctionalInterface
public interface LikelihoodProbe {

    /**
     * log Z of {@code rbm}.
     *
     * @param rows  {@code count} rows of the RBM's inputs, whose base rates the annealing may start from
     * @param seed  the seed of the estimate's own random streams, apart from those of training
     */
    Estimate logPartition(Rbm rbm, float[] rows, int count, Compute compute, long seed);

    /**
     * @param logZ   the estimate, nats
     * @param stderr its standard error, nats
     */
    record Estimate(double logZ, double stderr) {
    }
}
