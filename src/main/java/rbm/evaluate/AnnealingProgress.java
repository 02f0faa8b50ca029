package rbm.evaluate;

/** Told how far an annealing run has got, a few hundred times per run at most. */
@FunctionalInterface
public interface AnnealingProgress {
    AnnealingProgress NONE = (done, total) -> { };

    void stepsDone(long done, long total);
}
