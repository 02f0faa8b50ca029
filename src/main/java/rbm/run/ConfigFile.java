package rbm.run;

import java.util.List;
import rbm.io.OptionalKey;
import rbm.train.BatchSchedule;
import rbm.train.TrainingConfig;

/**
 * {@code config.json}: a {@link RunConfig} as written when a run starts and read back by {@code --resume}. The
 * hyperparameters of {@link TrainingConfig} sit at the top level beside the data and the stack.
 *
 * @param data       the training file, or {@value #BUNDLED}
 * @param heldout    the held-out file, {@value #BUNDLED_TEST} (the default with the bundled training set), or null
 * @param layers     the widths, data first
 * @param propagate  {@value #SAMPLE} (each RBM trains on sampled states of the one below) or probabilities
 * @param likelihood the estimates of the log-likelihood during training; absent when there are none, as in files
 *                   written before they existed
 * @param batches    {@value #SKLEARN_BATCHES} for {@link BatchSchedule#SKLEARN}; absent for shuffled batches, as in
 *                   files written before there was a choice
 */
public record ConfigFile(String data, String heldout, String binarization, int limit, List<Integer> layers,
                         List<Integer> epochs, int cdSteps, boolean persistent, boolean sampleVisible,
                         double learningRate, double initialMomentum, double finalMomentum, int momentumSwitchEpoch,
                         double weightDecay, int batchSize, double initStd, boolean visibleBiasFromData,
                         String propagate, long seed, int threads, int monitorRows,
                         @OptionalKey LikelihoodMonitoring likelihood, @OptionalKey String batches) {
    public static final String BUNDLED = "bundled:mnist-train";
    public static final String BUNDLED_TEST = "bundled:mnist-test";
    public static final String SAMPLE = "sample";
    public static final String SKLEARN_BATCHES = "sklearn";

    public RunConfig toConfig() {
        TrainingConfig training = new TrainingConfig(cdSteps, persistent, sampleVisible, learningRate,
                initialMomentum, finalMomentum, momentumSwitchEpoch, weightDecay, batchSize, initStd,
                visibleBiasFromData, schedule(batches));
        return new RunConfig(BUNDLED.equals(data) ? null : data, BUNDLED_TEST.equals(heldout) ? null : heldout,
                binarization, limit, ints(layers),
                ints(epochs), training, SAMPLE.equals(propagate), seed, threads, monitorRows,
                likelihood == null ? LikelihoodMonitoring.OFF : likelihood);
    }

    static String batches(BatchSchedule schedule) {
        return schedule == BatchSchedule.SKLEARN ? SKLEARN_BATCHES : null;
    }

    private static BatchSchedule schedule(String batches) {
        if (batches == null) {
            return BatchSchedule.SHUFFLED;
        }
        if (!batches.equals(SKLEARN_BATCHES)) {
            throw new IllegalArgumentException("batches must be \"" + SKLEARN_BATCHES + "\" or absent: " + batches);
        }
        return BatchSchedule.SKLEARN;
    }

    private static int[] ints(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
