package rbm.api;

/** A named set of training hyperparameters, a {@link Recipe}. */
public enum Preset {
    /** Hinton's recipe, as the paper uses it: CD-1, lr 0.1, momentum 0.5 then 0.9, decay 2e-4, batch 100. */
    HINTON,
    /** Like scikit-learn's {@code BernoulliRBM}: PCD-1, batch 10, lr 0.1, no momentum, no decay, zero biases. */
    SKLEARN;

    public Recipe recipe() {
        return this == HINTON ? Recipe.hinton() : Recipe.sklearn();
    }
}
