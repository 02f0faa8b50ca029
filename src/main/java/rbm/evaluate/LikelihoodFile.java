package rbm.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code likelihood.json}: how good each RBM of a stack, and each depth of the stack, is as a generative model, in
 * nats. A value that cannot be computed is null: the exact ones where enumeration is too costly, the held-out ones
 * where there is no held-out data, RAISE where the inputs are not binary.
 *
 * @param model   the run directory
 * @param chains  AIS chains per RBM
 * @param betas   inverse temperatures of the annealing, after β = 0
 * @param seed    the seed of every random stream of the estimate
 * @param threads the worker threads (with the seed, they fix every number)
 * @param layers  one per RBM, bottom first
 * @param depths  one per depth ℓ of the stack cut with RBM ℓ as its prior
 */
public record LikelihoodFile(String model, int trainRows, int heldoutRows, int raiseRows, int boundSamples,
                             int chains, int betas, long seed, int threads, List<Layer> layers, List<Depth> depths) {

    /**
     * One RBM, its inputs being the states of the layer below (the images for RBM 1), drawn by one upward pass.
     *
     * @param logZAis                    log Z by AIS from the base-rate model
     * @param logZAisStderr              its standard error (delta method)
     * @param logZAisLower               log Z_A + log(mean(w) − 3 se)
     * @param logZAisUpper               log Z_A + log(mean(w) + 3 se)
     * @param effectiveSampleSize        (Σw)²/Σw² of the chains' weights
     * @param logZExact                  log Z by enumerating the smaller layer, or null
     * @param trainLogLikelihoodAis      mean of −F(v) − log Ẑ over the training inputs
     * @param heldoutLogLikelihoodAis    the same over the held-out inputs: a stochastic upper bound
     * @param heldoutLogLikelihoodRaise  RAISE over the first {@code raiseRows} held-out inputs: a stochastic lower
     *                                   bound on their mean log-likelihood
     * @param heldoutLogLikelihoodRaiseStderr its standard error over those inputs
     * @param heldoutLogLikelihoodAisRaiseRows AIS's mean over the same inputs: with RAISE, it brackets the truth
     * @param heldoutLogLikelihoodExact  the exact mean over the held-out inputs, or null
     */
    public record Layer(int layer, int visible, int hidden, @JsonProperty("log_z_ais") double logZAis,
                        @JsonProperty("log_z_ais_stderr") double logZAisStderr,
                        @JsonProperty("log_z_ais_lower") double logZAisLower,
                        @JsonProperty("log_z_ais_upper") double logZAisUpper, double effectiveSampleSize,
                        @JsonProperty("log_z_exact") Double logZExact, double trainLogLikelihoodAis,
                        Double heldoutLogLikelihoodAis, Double heldoutLogLikelihoodRaise,
                        Double heldoutLogLikelihoodRaiseStderr, Double heldoutLogLikelihoodAisRaiseRows,
                        Double heldoutLogLikelihoodExact) {
    }

    /**
     * The variational lower bound on the mean log p(v) of the images under the stack cut at {@code depth}, with the
     * exact log Z of its prior where known and the AIS estimate elsewhere.
     */
    public record Depth(int depth, double dbnBoundTrain, double dbnBoundTrainStderr, Double dbnBoundHeldout,
                        Double dbnBoundHeldoutStderr) {
    }
}
