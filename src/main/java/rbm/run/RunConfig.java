package rbm.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rbm.io.BadInputException;
import rbm.io.JsonObject;
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
 */
public record RunConfig(String data, String heldout, String binarization, int limit, int[] widths, int[] epochs,
                        TrainingConfig training, boolean sampleUp, long seed, int threads, int monitorRows) {

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

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data == null ? "bundled:mnist-train" : data);
        m.put("heldout", heldout);
        m.put("binarization", binarization);
        m.put("limit", limit);
        m.put("layers", widths);
        m.put("epochs", epochs);
        m.put("cd_steps", training.cdSteps());
        m.put("persistent", training.persistent());
        m.put("sample_visible", training.sampleVisible());
        m.put("learning_rate", training.learningRate());
        m.put("initial_momentum", training.initialMomentum());
        m.put("final_momentum", training.finalMomentum());
        m.put("momentum_switch_epoch", training.momentumSwitchEpoch());
        m.put("weight_decay", training.weightDecay());
        m.put("batch_size", training.batchSize());
        m.put("init_std", training.initStd());
        m.put("visible_bias_from_data", training.visibleBiasFromData());
        m.put("propagate", sampleUp ? "sample" : "probabilities");
        m.put("seed", seed);
        m.put("threads", threads);
        m.put("monitor_rows", monitorRows);
        return m;
    }

    public static RunConfig fromJson(JsonObject o) {
        String data = o.getString("data");
        TrainingConfig t = new TrainingConfig(o.getInt("cd_steps"), o.getBoolean("persistent"),
                o.getBoolean("sample_visible"), o.getDouble("learning_rate"), o.getDouble("initial_momentum"),
                o.getDouble("final_momentum"), o.getInt("momentum_switch_epoch"), o.getDouble("weight_decay"),
                o.getInt("batch_size"), o.getDouble("init_std"), o.getBoolean("visible_bias_from_data"));
        return new RunConfig(data.equals("bundled:mnist-train") ? null : data,
                o.has("heldout") ? o.getString("heldout") : null, o.getString("binarization"),
                o.getInt("limit"), ints(o.getList("layers")), ints(o.getList("epochs")), t,
                o.getString("propagate").equals("sample"), o.getLong("seed"), o.getInt("threads"),
                o.getInt("monitor_rows"));
    }

    private static int[] ints(List<?> xs) {
        int[] out = new int[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) xs.get(i)).intValue();
        }
        return out;
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
