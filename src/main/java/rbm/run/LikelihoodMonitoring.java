package rbm.run;

import rbm.io.BadInputException;

/**
 * When training estimates the log-likelihood of the RBM it trains, and how hard: AIS with {@code chains} chains along
 * {@code betas} inverse temperatures, after every {@code every}-th epoch of each RBM and after its last one, so that
 * every trained RBM ends with an estimate. The default anneals through 1,000 temperatures rather than the classic
 * 14,500, so that an estimate of a 784-500 RBM costs less than an epoch of training on MNIST.
 *
 * @param every  epochs between estimates; 0 for none
 * @param betas  K, the inverse temperatures after β = 0
 * @param chains R, the annealing chains
 */
public record LikelihoodMonitoring(int every, int betas, int chains) {
    public static final int DEFAULT_BETAS = 1_000;
    public static final int DEFAULT_CHAINS = 100;
    /** No estimates, as a run without {@code --likelihood-every} has. */
    public static final LikelihoodMonitoring OFF = new LikelihoodMonitoring(0, DEFAULT_BETAS, DEFAULT_CHAINS);

    public LikelihoodMonitoring {
        if (every < 0) {
            throw new BadInputException("--likelihood-every: must be zero or positive, got " + every);
        }
        if (betas < 2) {
            throw new BadInputException("--likelihood-betas: must be at least 2, got " + betas);
        }
        if (chains < 2) {
            throw new BadInputException("--likelihood-chains: must be at least 2, got " + chains);
        }
    }

    public boolean on() {
        return every > 0;
    }

    /** Whether to estimate after epoch {@code epoch} (from 1) of an RBM trained for {@code epochs}. */
    public boolean due(int epoch, int epochs) {
        return on() && (epoch % every == 0 || epoch == epochs);
    }
}
