package rbm.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rbm.io.BadInputException;
import rbm.train.TrainingConfig;

/**
 * Everything that determines a training run: the data, the stack, the hyperparameters, the seed and the thread
 * count. Written to {@code config.json} when a run starts and read back by {@code --resume}, so a resumed run is the
 * same run.
 *
 * @param data          the training file, or null for the bundled MNIST training set
 * @param heldout       the held-out file, or null (the bundled MNIST test set goes with the bundled training set)
 * @param binarization  how grey levels become visible inputs, as {@link rbm.data.Binarization#parse} reads it
 * @param limit         train on the first {@code limit} rows only (0: all)
 * @param widths        layer widths, data first: 784-500-250 means two RBMs
 * @param epochs        epochs for each RBM
 * @param training      CD hyperparameters, the same for every RBM
 * @param sampleUp      train each RBM on sampled states of the one below (else on probabilities)
 * @param seed          the seed of every random stream
 * @param threads       worker threads; the same seed and thread count give the same weights
 * @param monitorRows   rows of training and held-out data used for the per-epoch metrics
 * @param likelihood    when to estimate the log-likelihood of the RBM being trained
 */
public record RunConfig(String data, String heldout, String binarization, int limit, int[] widths, int[] epochs,
                        TrainingConfig training, boolean sampleUp, long seed, int threads, int monitorRows,
                        LikelihoodMonitoring likelihood) {

    public RunConfig {
        if (widths.length < 2) {
            throw new BadInputException("--layers: need at least two widths, such as 784-500");
        }
        if (epochs.length != widths.length - 1) {
            throw new BadInputException("--epochs: " + epochs.length + " values for " + (widths.length - 1)
                    + " RBMs; give one value for all, or one per RBM");
        }
    }

    public int depth() {
        return widths.length - 1;
    }

    /** The form written to {@code config.json}. */
    public ConfigFile toFile() {
        String heldoutFile = heldout != null ? heldout : data == null ? ConfigFile.BUNDLED_TEST : null;
        return new ConfigFile(data == null ? ConfigFile.BUNDLED : data, heldoutFile, binarization, limit,
                Arrays.stream(widths).boxed().toList(), Arrays.stream(epochs).boxed().toList(), training.cdSteps(),
                training.persistent(), training.sampleVisible(), training.learningRate(), training.initialMomentum(),
                training.finalMomentum(), training.momentumSwitchEpoch(), training.weightDecay(),
                training.batchSize(), training.initStd(), training.visibleBiasFromData(),
                sampleUp ? ConfigFile.SAMPLE : "probabilities", seed, threads, monitorRows,
                likelihood.on() ? likelihood : null, ConfigFile.batches(training.batches()));
    }

    /** {@code 784-500-250}: the form {@code --layers} takes. */
    public static String widthsLabel(int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "-").append(widths[i]);
        }
        return sb.toString();
    }

    /** Parses {@code 784-500-250}. */
    public static int[] parseWidths(String spec) {
        String[] parts = spec.trim().split("[-,x]");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("--layers: '" + parts[i] + "' is not a whole number in '" + spec + "'");
            }
            if (w[i] < 1) {
                throw new BadInputException("--layers: widths must be positive, got " + w[i] + " in '" + spec + "'");
            }
        }
        if (w.length < 2) {
            throw new BadInputException("--layers: need at least two widths, such as 784-500, got '" + spec + "'");
        }
        return w;
    }

    /** Parses {@code 10} (every RBM) or {@code 10,10,5} (one per RBM). */
    public static int[] parseEpochs(String spec, int rbms) {
        List<Integer> values = new ArrayList<>();
        for (String part : spec.split(",")) {
            int e;
            try {
                e = Integer.parseInt(part.trim());
            } catch (NumberFormatException ex) {
                throw new BadInputException("--epochs: '" + part + "' is not a whole number");
            }
            if (e < 1) {
                throw new BadInputException("--epochs: must be at least 1, got " + e);
            }
            values.add(e);
        }
        if (values.size() == 1) {
            int[] all = new int[rbms];
            Arrays.fill(all, values.getFirst());
            return all;
        }
        if (values.size() != rbms) {
            throw new BadInputException("--epochs: " + values.size() + " values for " + rbms
                    + " RBMs; give one value for all, or one per RBM");
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
