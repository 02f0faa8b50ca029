package rbm.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rbm.io.BadInputException;
import rbm.io.JsonObject;

/**
 * {@code model.json}: which layers a run directory holds, how far each has trained, and where its files are. It is
 * rewritten atomically after every checkpoint, and it is written last, so it only ever points at complete files.
 */
public record Manifest(List<LayerEntry> layers) {
    public static final String FORMAT = "rbm-dbn";
    public static final int VERSION = 1;

    /** One RBM: its shape, its progress, and the directory of its latest checkpoint (relative to the run). */
    public record LayerEntry(int layer, int visible, int hidden, int epochsPlanned, int epochsDone,
                             boolean complete, String dir) {
    }

    public Manifest {
        layers = List.copyOf(layers);
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

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        List<Object> ls = new ArrayList<>();
        for (LayerEntry e : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("layer", e.layer());
            l.put("visible", e.visible());
            l.put("hidden", e.hidden());
            l.put("epochs_planned", e.epochsPlanned());
            l.put("epochs_done", e.epochsDone());
            l.put("complete", e.complete());
            l.put("dir", e.dir());
            l.put("weights", e.dir() + "/weights.npy");
            l.put("visible_bias", e.dir() + "/visible_bias.npy");
            l.put("hidden_bias", e.dir() + "/hidden_bias.npy");
            ls.add(l);
        }
        m.put("layers", ls);
        return m;
    }

    public static Manifest fromJson(JsonObject o, String source) {
        String format = o.getString("format");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(source + ": not an rbm model (format '" + format + "', expected '"
                    + FORMAT + "')");
        }
        long version = o.getLong("version");
        if (version != VERSION) {
            throw new BadInputException(source + ": model format version " + version
                    + " is not supported; this rbm reads version " + VERSION);
        }
        List<LayerEntry> layers = new ArrayList<>();
        for (JsonObject l : o.getObjects("layers")) {
            LayerEntry e = new LayerEntry(l.getInt("layer"), l.getInt("visible"), l.getInt("hidden"),
                    l.getInt("epochs_planned"), l.getInt("epochs_done"), l.getBoolean("complete"),
                    l.getString("dir"));
            if (e.visible() < 1 || e.hidden() < 1 || e.epochsDone() < 0 || e.dir().contains("..")) {
                throw new BadInputException(source + ": layer " + e.layer() + " has an invalid entry");
            }
            layers.add(e);
        }
        return new Manifest(layers);
    }
}
