package rbm.api;

import java.util.Locale;

/** A named set of training hyperparameters, a {@link Recipe}; {@link #toString()} is its name on the command line. */
public enum Preset {
    /** Hinton's recipe, as the paper uses it: CD-1, lr 0.1, momentum 0.5 then 0.9, decay 2e-4, batch 100. */
    HINTON,
    /**
     * scikit-learn's {@code BernoulliRBM} hyperparameters (PCD-1, batch 10, lr 0.1, no momentum, no decay, zero
     * biases) on this trainer's batches: shuffled every epoch, and the chains of the short last batch divided by
     * their own count. Not scikit-learn's algorithm: that is {@link #SKLEARN_EXACT}.
     */
    SKLEARN,
    /**
     * scikit-learn's {@code BernoulliRBM.fit} step for step: {@link #SKLEARN} with the rows in their order, in its
     * slices, both phases divided by the batch's data rows. Its own random streams and float32 arithmetic.
     */
    SKLEARN_EXACT;

    public Recipe recipe() {
        return switch (this) {
            case HINTON -> Recipe.hinton();
            case SKLEARN -> Recipe.sklearn();
            case SKLEARN_EXACT -> Recipe.sklearnExact();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
