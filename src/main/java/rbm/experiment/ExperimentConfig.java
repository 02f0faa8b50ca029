package rbm.experiment;

import rbm.data.ImageSet;

/**
 * The settings of the paper's experiment. {@link #full()} is the default run; {@link #quick()} runs the same
 * pipeline on fewer images, epochs and seeds, to check that everything works in under a minute.
 *
 * @param data             the image set
 * @param images           training images (M, the sample size of every layer's states)
 * @param widths           the stack, data first
 * @param epochs           epochs per RBM
 * @param seeds            independent training runs: one stack each, every layer of it scored (paired by seed)
 * @param firstSeed        seeds are firstSeed, firstSeed + 1, ...
 * @param sweepWidths      hidden widths of the single-layer RBMs of the sweep
 * @param generated        images generated per layer and per method
 * @param gibbsSteps       sweeps of the sampler before the first sample is kept (burn-in)
 * @param controls         run the controls (untrained stack, shuffled pixels)
 * @param classifierEpochs epochs of the softmax classifier that scores generated digits
 * @param threads          worker threads
 * @param evaluation       how the layers are scored as generative models
 */
public record ExperimentConfig(ImageSet data, int images, int[] widths, int epochs, int seeds, long firstSeed,
                               int[] sweepWidths, int generated, int gibbsSteps, boolean controls,
                               int classifierEpochs, int threads, Evaluation evaluation) {
    public static final int[] PAPER_STACK = {784, 500, 250, 120, 60, 30, 25, 20, 15, 10, 5};

    /**
     * How each layer is scored as a generative model.
     *
     * @param likelihoodImages training images, and held-out images, whose DBN bound is estimated
     * @param aisBetas         inverse temperatures of AIS for the RBMs too large to enumerate
     * @param aisChains        AIS chains
     * @param boundSamples     upward samples per image for the DBN bound
     * @param temperatures     replicas of parallel tempering (1: plain Gibbs chains)
     * @param samplesPerChain  samples kept from each chain after the burn-in
     * @param every            sweeps between kept samples
     * @param reliabilityPoints thresholds of the reliability curve
     */
    public record Evaluation(int likelihoodImages, int aisBetas, int aisChains, int boundSamples, int temperatures,
                             int samplesPerChain, int every, int reliabilityPoints) {
        /**
         * The default: AIS with the classic 14,500 inverse temperatures, because 1,000 put log Z of the 784-500 RBM
         * 7 nats low (1286.9 against 1293.9 on seed 1), which lifts the depth-1 likelihood by as much.
         */
        static final Evaluation FULL = new Evaluation(5000, 14_500, 50, 10, 8, 20, 5, 41);
        static final Evaluation QUICK = new Evaluation(500, 200, 32, 4, 4, 10, 5, 21);
    }

    /** The settings without the data set and the evaluation: MNIST, and the quick evaluation. */
    public ExperimentConfig(int images, int[] widths, int epochs, int seeds, long firstSeed, int[] sweepWidths,
                            int generated, int gibbsSteps, boolean controls, int classifierEpochs, int threads) {
        this(ImageSet.MNIST, images, widths, epochs, seeds, firstSeed, sweepWidths, generated, gibbsSteps, controls,
                classifierEpochs, threads, Evaluation.QUICK);
    }

    public static ExperimentConfig full() {
        return new ExperimentConfig(ImageSet.MNIST, 60000, PAPER_STACK, 10, 10, 1,
                new int[] {5, 10, 15, 20, 30, 60, 120, 250, 500}, 1000, 300, true, 10,
                Runtime.getRuntime().availableProcessors(), Evaluation.FULL);
    }

    public static ExperimentConfig quick() {
        return new ExperimentConfig(ImageSet.MNIST, 5000, PAPER_STACK, 2, 3, 1, new int[] {10, 20, 60, 250}, 200, 100,
                true, 3, Runtime.getRuntime().availableProcessors(), Evaluation.QUICK);
    }

    /** The same settings on another image set. */
    public ExperimentConfig withData(ImageSet set) {
        return new ExperimentConfig(set, images, widths, epochs, seeds, firstSeed, sweepWidths, generated,
                gibbsSteps, controls, classifierEpochs, threads, evaluation);
    }

    public int depth() {
        return widths.length - 1;
    }
}
