package rbm.train;

/** Which rows make up each mini-batch of an epoch, and what each phase's sums are divided by. */
public enum BatchSchedule {
    /**
     * A fresh random order every epoch, cut into runs of B rows (the last one shorter); each phase's sums are
     * divided by its own row count, so the statistics of the B persistent chains by B in a short batch too.
     */
    SHUFFLED,
    /**
     * As scikit-learn's {@code BernoulliRBM.fit}: the rows in their file order every epoch, in the slices of
     * {@code gen_even_slices(n_batches·B, n_batches, n_samples)}, which are the consecutive runs of B rows with the
     * last one short; both phases' sums are divided by the batch's data rows s, {@code lr = learning_rate / s}, so
     * in the short batch the B chains' statistics are divided by s &lt; B.
     */
    SKLEARN
}
