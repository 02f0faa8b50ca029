package rbm.experiment;

/**
 * The settings of the paper's experiment. {@link #full()} is the default run; {@link #quick()} runs the same
 * pipeline on fewer images, epochs and seeds, to check that everything works in under a minute.
 *
 * @param images         training images (M, the sample size of every layer's states)
 * @param widths         the stack, data first
 * @param epochs         epochs per RBM
 * @param seeds          independent training runs, for error bars
 * @param firstSeed      seeds are firstSeed, firstSeed + 1, ...
 * @param sweepWidths    hidden widths of the single-layer RBMs of the sweep
 * @param generated      images generated per layer and per method
 * @param gibbsSteps     Gibbs steps per chain in the generation experiment
 * @param controls       run the controls (untrained stack, shuffled pixels)
 * @param classifierEpochs epochs of the softmax classifier that scores generated digits
 * @param threads        worker threads
 */
public record ExperimentConfig(int images, int[] widths, int epochs, int seeds, long firstSeed, int[] sweepWidths,
                               int generated, int gibbsSteps, boolean controls, int classifierEpochs, int threads) {
    public static final int[] PAPER_STACK = {784, 500, 250, 120, 60, 30, 25, 20, 15, 10, 5};

    public static ExperimentConfig full() {
        return new ExperimentConfig(60000, PAPER_STACK, 10, 3, 1, new int[] {5, 10, 15, 20, 30, 60, 120, 250, 500},
                400, 1000, true, 10, Runtime.getRuntime().availableProcessors());
    }

    public static ExperimentConfig quick() {
        return new ExperimentConfig(5000, PAPER_STACK, 2, 2, 1, new int[] {10, 20, 60, 250}, 100, 200, true, 3,
                Runtime.getRuntime().availableProcessors());
    }

    public int depth() {
        return widths.length - 1;
    }
}
