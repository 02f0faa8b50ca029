package rbm.api;

/** What each RBM of a stack passes up to the next one to train on. */
public enum Propagation {
    /** Binary states sampled from p(h | v), drawn once per layer. */
    SAMPLE,
    /** The probabilities p(h = 1 | v) themselves. */
    PROBABILITIES
}
