package rbm.relevance;

import java.util.ArrayList;
import java.util.List;
import rbm.count.FrequencyProfile;
import rbm.count.StateCounter;
import rbm.data.Dataset;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.readout.Readout;

/**
 * Turns a trained stack and its inputs into one {@link LayerReport} per layer and read-out repeat: each repeat sends
 * every input up the stack ({@link Readout}), counts each layer's states, and measures each layer's frequency profile
 * (m_k) against the bound. Repeat r draws from the read-out streams of repeat r, so the same seed, thread count and
 * number of repeats give the same reports.
 */
public final class LayerReports {

    /** What the measurement reports as it goes. */
    public interface Listener {
        /** Listens to nothing. */
        Listener NONE = new Listener() {
        };

        /** Read-out {@code repeat} (from 1) has counted the states of every layer, in {@code seconds}. */
        default void readOut(int repeat, double seconds) {
        }

        /** Layer {@code layer} (from 1) of the current repeat is measured. */
        default void measured(int layer, LayerReport report) {
        }
    }

    private LayerReports() {
    }

    /**
     * The reports of layers 1 to depth for repeats 1 to {@code repeats}, repeat by repeat.
     *
     * @param bound the bound for {@code data.rows()} samples
     */
    public static List<LayerReport> measure(Compute compute, DeepBeliefNet dbn, Readout.Mode mode, long seed,
                                            Dataset data, int repeats, RelevanceBound bound, Listener listener) {
        Readout reader = new Readout(compute, dbn, mode, seed);
        List<LayerReport> layers = new ArrayList<>();
        for (int rep = 1; rep <= repeats; rep++) {
            long started = System.nanoTime();
            StateCounter[] counters = reader.count(data.values(), data.rows(), rep);
            try {
                listener.readOut(rep, (System.nanoTime() - started) / 1e9);
                for (int l = 1; l <= dbn.depth(); l++) {
                    LayerReport r = LayerReport.of(Integer.toString(l), dbn.widths()[l], rep,
                            FrequencyProfile.of(counters[l - 1]), bound);
                    layers.add(r);
                    listener.measured(l, r);
                }
            } finally {
                for (StateCounter c : counters) {
                    c.close();
                }
            }
        }
        return layers;
    }
}
