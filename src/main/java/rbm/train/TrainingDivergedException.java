package rbm.train;

/** Training produced NaN or Inf weights. The last good checkpoint stays on disk. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
