package rbm.api;

import rbm.readout.Readout;

/** How a layer's binary state is read out of its probabilities σ(h_{ℓ−1}W + c). */
public enum ReadoutMode {
    /** Each layer sampled from the one below, h_ℓ ~ Bernoulli(σ(h_{ℓ−1}W + c)), as the paper does. */
    STOCHASTIC(Readout.Mode.STOCHASTIC),
    /** A unit is on when its probability is above 0.5; the next layer reads those states. */
    DETERMINISTIC(Readout.Mode.DETERMINISTIC);

    final Readout.Mode mode;

    ReadoutMode(Readout.Mode mode) {
        this.mode = mode;
    }
}
