package rbm.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import rbm.io.BadInputException;

/**
 * {@code model.json}: which layers a run directory holds, how far each has trained, and where its files are. It is
 * rewritten atomically after every checkpoint, and it is written last, so it only ever points at complete files.
 */
public record Manifest(String format, int version, List<LayerEntry> layers) {
    public static final String FORMAT = "rbm-dbn";
    public static final int VERSION = 1;

    /**
     * One RBM: its shape, its progress, and the directory of its latest checkpoint (relative to the run). The
     * paths of its three arrays are written too, for readers other than this program. The order of the keys is
     * fixed: Jackson puts the getters that are not components in the order reflection lists them, which varies from
     * one JVM to the next, and two runs of one seed are to write the same bytes.
     */
    @JsonPropertyOrder({"layer", "visible", "hidden", "epochs_planned", "epochs_done", "complete", "dir", "weights",
        "visible_bias", "hidden_bias"})
    public record LayerEntry(int layer, int visible, int hidden, int epochsPlanned, int epochsDone,
                             boolean complete, String dir) {
        @JsonProperty
        String weights() {
            return dir + "/weights.npy";
        }

        @JsonProperty
        String visibleBias() {
            return dir + "/visible_bias.npy";
        }

        @JsonProperty
        String hiddenBias() {
            return dir + "/hidden_bias.npy";
        }
    }

    public Manifest {
        layers = List.copyOf(layers);
    }

    public Manifest(List<LayerEntry> layers) {
        this(FORMAT, VERSION, layers);
    }

    public LayerEntry layer(int layer) {
        for (LayerEntry e : layers) {
            if (e.layer() == layer) {
                return e;
            }
        }
        return null;
    }

    /** A copy with {@code entry} replacing the entry of the same layer, or added. */
    public Manifest with(LayerEntry entry) {
        List<LayerEntry> out = new ArrayList<>();
        boolean replaced = false;
        for (LayerEntry e : layers) {
            if (e.layer() == entry.layer()) {
                out.add(entry);
                replaced = true;
            } else {
                out.add(e);
            }
        }
        if (!replaced) {
            out.add(entry);
        }
        out.sort((a, b) -> Integer.compare(a.layer(), b.layer()));
        return new Manifest(out);
    }

    /** A copy with the entries of layers 1 to {@code layer} only. */
    public Manifest upTo(int layer) {
        return new Manifest(format, version, layers.stream().filter(e -> e.layer() <= layer).toList());
    }

    /** The leading layers that finished training, in order. */
    public int completeLayers() {
        int n = 0;
        for (LayerEntry e : layers) {
            if (e.layer() == n + 1 && e.complete()) {
                n++;
            }
        }
        return n;
    }

    /** Checks the format, the version and every entry of a manifest read from {@code source}. */
    Manifest check(String source) {
        if (!FORMAT.equals(format)) {
            throw new BadInputException(source + ": not an rbm model (format '" + format + "', expected '"
                    + FORMAT + "')");
        }
        if (version != VERSION) {
            throw new BadInputException(source + ": model format version " + version
                    + " is not supported; this rbm reads version " + VERSION);
        }
        for (LayerEntry e : layers) {
            if (e.visible() < 1 || e.hidden() < 1 || e.epochsDone() < 0 || e.dir() == null || e.dir().contains("..")) {
                throw new BadInputException(source + ": layer " + e.layer() + " has an invalid entry");
            }
        }
        return this;
    }
}
