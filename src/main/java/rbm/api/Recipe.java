package rbm.api;

import rbm.io.BadInputException;
import rbm.train.BatchSchedule;
import rbm.train.TrainingConfig;

/**
 * The hyperparameters of contrastive-divergence training, the same for every RBM of a stack. {@link #hinton()} is the
 * paper's recipe (the default), {@link #sklearnExact()} scikit-learn's {@code BernoulliRBM} step for step, and
 * {@link #sklearn()} its hyperparameters on shuffled batches.
 *
 * @param cdSteps             k of CD-k, the Gibbs steps of the negative phase, at least 1
 * @param persistent          persistent CD: the negative chains carry over between mini-batches
 * @param sampleVisible       sample the negative-phase visible units; otherwise use their probabilities
 * @param learningRate        step size ε, positive
 * @param initialMomentum     momentum of the first {@code momentumSwitchEpoch} epochs
 * @param finalMomentum       momentum afterwards
 * @param momentumSwitchEpoch epochs run with the initial momentum
 * @param weightDecay         L2 coefficient λ on W
 * @param batchSize           rows per mini-batch, at least 1
 * @param initStd             standard deviation of the initial weights
 * @param visibleBiasFromData start b at log(p/(1−p)) of the mean input p; otherwise at 0
 * @param batches             the rows of each mini-batch and the divisors of its sums
 */
public record Recipe(int cdSteps, boolean persistent, boolean sampleVisible, double learningRate,
                     double initialMomentum, double finalMomentum, int momentumSwitchEpoch, double weightDecay,
                     int batchSize, double initStd, boolean visibleBiasFromData, BatchSchedule batches) {

    /** CD-1, learning rate 0.1, momentum 0.5 then 0.9 after 5 epochs, decay 2e-4, batch 100, W ~ N(0, 0.01²). */
    public static Recipe hinton() {
        return of(TrainingConfig.hinton());
    }

    /**
     * scikit-learn's hyperparameters (PCD-1, batch 10, learning rate 0.1, no momentum, no decay, zero initial biases,
     * sampled visible units) on batches shuffled every epoch, each phase divided by its own rows.
     */
    public static Recipe sklearn() {
        return of(TrainingConfig.sklearn());
    }

    /** scikit-learn's {@code BernoulliRBM.fit}: {@link #sklearn()} on its batches ({@link BatchSchedule#SKLEARN}). */
    public static Recipe sklearnExact() {
        return of(TrainingConfig.sklearnExact());
    }

    static Recipe of(TrainingConfig c) {
        return new Recipe(c.cdSteps(), c.persistent(), c.sampleVisible(), c.learningRate(), c.initialMomentum(),
                c.finalMomentum(), c.momentumSwitchEpoch(), c.weightDecay(), c.batchSize(), c.initStd(),
                c.visibleBiasFromData(), c.batches());
    }

    TrainingConfig config() {
        try {
            return new TrainingConfig(cdSteps, persistent, sampleVisible, learningRate, initialMomentum,
                    finalMomentum, momentumSwitchEpoch, weightDecay, batchSize, initStd, visibleBiasFromData, batches);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
