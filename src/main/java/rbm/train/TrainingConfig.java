package rbm.train;

import java.util.Objects;

/**
 * Hyperparameters of contrastive-divergence training for one RBM. The defaults are Hinton's recipe as used by the
 * paper: CD-1, learning rate 0.1, momentum 0.5 then 0.9 from epoch 6 on, L2 weight decay 2e-4, batch 100,
 * W ~ N(0, 0.01²), visible biases log(p/(1−p)) of the data, hidden biases 0.
 *
 * @param cdSteps          k of CD-k (Gibbs steps in the negative phase), at least 1
 * @param persistent       persistent CD: the negative chains carry over between mini-batches
 * @param sampleVisible    sample the negative-phase visible units (scikit-learn does); otherwise use probabilities
 * @param learningRate     step size ε
 * @param initialMomentum  momentum for the first {@code momentumSwitchEpoch} epochs
 * @param finalMomentum    momentum afterwards
 * @param momentumSwitchEpoch number of epochs run with the initial momentum
 * @param weightDecay      L2 coefficient λ: the update of W uses ∇ − λW
 * @param batchSize        rows per mini-batch
 * @param initStd          standard deviation of the initial weights
 * @param visibleBiasFromData start b at log(p/(1−p)) of the mean input p; otherwise at 0
 * @param batches          the rows of each mini-batch and the divisors of its sums
 */
public record TrainingConfig(
        int cdSteps,
        boolean persistent,
        boolean sampleVisible,
        double learningRate,
        double initialMomentum,
        double finalMomentum,
        int momentumSwitchEpoch,
        double weightDecay,
        int batchSize,
        double initStd,
        boolean visibleBiasFromData,
        BatchSchedule batches) {

    public static TrainingConfig hinton() {
        return new TrainingConfig(1, false, false, 0.1, 0.5, 0.9, 5, 2e-4, 100, 0.01, true, BatchSchedule.SHUFFLED);
    }

    /**
     * scikit-learn's {@code BernoulliRBM} hyperparameters (PCD-1, batch 10, ε = 0.1, no momentum, no decay, zero
     * biases, sampled negative visible states) on this trainer's shuffled batches: see {@link #sklearnExact()}.
     */
    public static TrainingConfig sklearn() {
        return new TrainingConfig(1, true, true, 0.1, 0.0, 0.0, 0, 0.0, 10, 0.01, false, BatchSchedule.SHUFFLED);
    }

    /** {@link #sklearn()} with scikit-learn's batches: {@code BernoulliRBM.fit}'s algorithm step for step. */
    public static TrainingConfig sklearnExact() {
        return new TrainingConfig(1, true, true, 0.1, 0.0, 0.0, 0, 0.0, 10, 0.01, false, BatchSchedule.SKLEARN);
    }

    public TrainingConfig {
        Objects.requireNonNull(batches, "batches");
        if (cdSteps < 1) {
            throw new IllegalArgumentException("CD steps must be at least 1: " + cdSteps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        }
    }

    /** Momentum in the given (0-based) epoch. */
    public double momentum(int epoch) {
        return epoch < momentumSwitchEpoch ? initialMomentum : finalMomentum;
    }
}
