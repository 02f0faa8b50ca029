package rbm.api;

/** Where the visible biases b of an RBM start. */
public enum VisibleBias {
    /** At log(p/(1−p)) of the mean input p. */
    DATA,
    /** At 0. */
    ZERO
}
