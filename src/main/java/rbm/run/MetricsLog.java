package rbm.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rbm.io.AtomicFiles;
import rbm.io.Json;
import rbm.io.JsonObject;

/**
 * The per-epoch metrics of a run, kept as {@code metrics.csv} and {@code metrics.jsonl}. Both files are rewritten
 * atomically after each epoch (they are small), so they always agree with the checkpoints on disk.
 */
public final class MetricsLog {
    public static final List<String> COLUMNS = List.of("layer", "epoch", "seconds", "reconstruction_error",
            "pseudo_log_likelihood", "free_energy_train", "free_energy_heldout", "free_energy_gap",
            "exact_log_likelihood_train", "exact_log_likelihood_heldout");

    private final Path csv;
    private final Path jsonl;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    public MetricsLog(Path runDir) {
        this.csv = runDir.resolve("metrics.csv");
        this.jsonl = runDir.resolve("metrics.jsonl");
    }

    /** Reads the rows already logged, keeping only those at or before ({@code layer}, {@code epoch}). */
    public void loadUpTo(int layer, int epoch) {
        rows.clear();
        if (!Files.exists(jsonl)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new rbm.io.BadInputException(jsonl + ": cannot read (" + RunDirectory.reason(e) + ")");
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o = JsonObject.parse(line, jsonl.toString());
            int l = o.getInt("layer");
            int e = o.getInt("epoch");
            if (l < layer || (l == layer && e <= epoch)) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String c : COLUMNS) {
                    row.put(c, o.map().get(c));
                }
                rows.add(row);
            }
        }
    }

    /** All rows logged so far in this run directory. */
    public List<Map<String, Object>> rowsOnDisk() {
        loadUpTo(Integer.MAX_VALUE, Integer.MAX_VALUE);
        return rows();
    }

    public void add(Map<String, Object> row) {
        rows.add(row);
        write();
    }

    public List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    private void write() {
        StringBuilder c = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        StringWriter j = new StringWriter();
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String col : COLUMNS) {
                cells.add(format(row.get(col)));
            }
            c.append(String.join(",", cells)).append('\n');
            try {
                Json.writeLine(j, row);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a StringWriter does not fail
            }
        }
        AtomicFiles.writeString(csv, c.toString());
        AtomicFiles.writeString(jsonl, j.toString());
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6g", d);
        }
        return v.toString();
    }
}
