package rbm.run;

import rbm.io.MemoryNeed;
import rbm.train.TrainingConfig;

/**
 * The heap a training run needs, from its configuration and row counts, checked before any work. While RBM ℓ
 * (nv × nh) trains, the heap holds the data (rows × widths[0], and its representation rows × nv one layer down),
 * the weights of RBMs 1..ℓ, RBM ℓ's velocity and gradient scratch (nv × nh floats each), the mini-batch buffers
 * (batch × nv and batch × nh floats, and two batch × nv lists of the ones), the monitoring rows, the AIS chains, and,
 * when it is done, the representation it passes up (rows × nh). The check takes the largest of these layers.
 */
public final class TrainingMemory {
    private static final int FLOAT = Float.BYTES;

    private TrainingMemory() {
    }

    /**
     * Refuses {@code config} when one of its arrays is longer than Java allows or one of its layers needs more heap
     * than the JVM may use; {@code rows} and {@code heldoutRows} are the data's (0 where not known yet).
     */
    public static void check(RunConfig config, long rows, long heldoutRows) {
        check(config, rows, heldoutRows, Runtime.getRuntime().maxMemory());
    }

    static void check(RunConfig config, long rows, long heldoutRows, long available) {
        for (int layer = 1; layer <= config.depth(); layer++) {
            layer(config, layer, rows, heldoutRows).check(available);
        }
    }

    /** What training RBM {@code layer} holds at once. */
    static MemoryNeed layer(RunConfig config, int layer, long rows, long heldoutRows) {
        int[] w = config.widths();
        int nv = w[layer - 1];
        int nh = w[layer];
        TrainingConfig tc = config.training();
        long batch = tc.batchSize();
        String data = config.limit() > 0 ? "--limit" : "--data";
        MemoryNeed need = new MemoryNeed("training RBM " + layer + " (" + nv + "×" + nh + ")")
                .array(data, "the training data", rows, w[0], FLOAT)
                .array("--heldout", "the held-out data", heldoutRows, w[0], FLOAT);
        if (layer > 1) {
            need.array(data, "the training data at layer " + (layer - 1), rows, nv, FLOAT)
                    .array("--heldout", "the held-out data at layer " + (layer - 1), heldoutRows, nv, FLOAT);
        }
        if (layer < config.depth()) {
            need.array(data, "the training data at layer " + layer, rows, nh, FLOAT)
                    .array("--heldout", "the held-out data at layer " + layer, heldoutRows, nh, FLOAT);
        }
        for (int l = 1; l <= layer; l++) {
            need.array("--layers", "the weights of RBM " + l, w[l - 1], w[l], FLOAT);
        }
        String weights = "the weights of RBM " + layer;
        need.array("--layers", "the velocity of " + weights, nv, nh, FLOAT)
                .array("--layers", "the gradient of " + weights, nv, nh, FLOAT);
        int hiddenBuffers = tc.persistent() ? 4 : 3; // h⁰, hˢ, hᵏ, and the persistent chains
        for (int i = 0; i < hiddenBuffers; i++) {
            need.array("--batch", "a mini-batch of RBM " + layer + "'s hidden units", batch, nh, FLOAT);
        }
        for (int i = 0; i < 4; i++) { // v⁰, vᵏ, and the two lists of v⁰'s ones (ints)
            need.array("--batch", "a mini-batch of RBM " + layer + "'s visible units", batch, nv, FLOAT);
        }
        long monitored = Math.min(config.monitorRows(), Math.max(rows, 1));
        for (int i = 0; i < 3; i++) { // the rows, their reconstructions, and the held-out rows
            need.array("--monitor-rows", "the monitoring rows", monitored, nv, FLOAT);
        }
        need.array("--monitor-rows", "the monitoring rows' hidden units", monitored, nh, FLOAT);
        if (config.likelihood().on()) {
            long chains = config.likelihood().chains();
            need.array("--likelihood-chains", "the AIS chains", chains, nv, FLOAT)
                    .array("--likelihood-chains", "the AIS chains", chains, nh, FLOAT);
        }
        return need;
    }
}
