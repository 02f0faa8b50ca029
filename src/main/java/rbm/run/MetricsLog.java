package rbm.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.JsonFiles;
import rbm.io.OptionalKey;

/**
 * The per-epoch metrics of a run, kept as {@code metrics.csv} and {@code metrics.jsonl} (one {@link Row} a line).
 * Both files are rewritten atomically after each epoch (they are small), before the manifest points at the epoch's
 * checkpoint, so every checkpoint the manifest names has its row; {@link #resumeAt} drops the rows of a later one.
 */
public final class MetricsLog {
    /** The CSV header: the keys of {@link Row}, in order. */
    private static final List<String> COLUMNS = List.of("layer", "epoch", "seconds", "reconstruction_error",
            "pseudo_log_likelihood", "free_energy_train", "free_energy_heldout", "free_energy_gap",
            "exact_log_likelihood_train", "exact_log_likelihood_heldout", "ais_log_z", "ais_log_z_stderr",
            "ais_log_likelihood_train", "ais_log_likelihood_heldout");

    /**
     * One epoch of one layer. A measurement that was not made (no held-out data; a layer too wide for the exact
     * likelihood) is NaN, and null in the files, except that {@code metrics.jsonl} leaves out the {@code ais_} keys
     * of the epochs without an AIS estimate: runs without one have lines as they were before those keys existed.
     *
     * @param seconds wall time of the epoch's training, without the measurements
     * @param aisLogZ log Z by AIS ({@link LikelihoodMonitoring}), with its standard error and the log-likelihoods
     *                that go with it
     */
    public record Row(int layer, int epoch, double seconds, double reconstructionError, double pseudoLogLikelihood,
                      double freeEnergyTrain, double freeEnergyHeldout, double freeEnergyGap,
                      double exactLogLikelihoodTrain, double exactLogLikelihoodHeldout, @OptionalKey double aisLogZ,
                      @OptionalKey @JsonProperty("ais_log_z_stderr") double aisLogZStderr,
                      @OptionalKey double aisLogLikelihoodTrain, @OptionalKey double aisLogLikelihoodHeldout) {

        /** The cells of the CSV line, in the order of {@link #COLUMNS}; an unmeasured value is empty. */
        List<String> cells() {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(layer), Integer.toString(epoch)));
            for (double v : new double[] {seconds, reconstructionError, pseudoLogLikelihood, freeEnergyTrain,
                    freeEnergyHeldout, freeEnergyGap, exactLogLikelihoodTrain, exactLogLikelihoodHeldout, aisLogZ,
                    aisLogZStderr, aisLogLikelihoodTrain, aisLogLikelihoodHeldout}) {
                cells.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            return cells;
        }
    }

    private final Path csv;
    private final Path jsonl;
    private final List<Row> rows = new ArrayList<>();

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
            throw new BadInputException(jsonl + ": cannot read (" + RunDirectory.reason(e) + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Row row = JsonFiles.parse(lines.get(i), jsonl + " line " + (i + 1), Row.class);
            if (row.layer() < layer || (row.layer() == layer && row.epoch() <= epoch)) {
                rows.add(row);
            }
        }
    }

    /**
     * Reads the rows up to ({@code layer}, {@code epoch}), the run's checkpoint, and rewrites the files without the
     * rows after it: a kill between logging an epoch and switching the manifest leaves one, and the resumed run logs
     * that epoch again.
     */
    public void resumeAt(int layer, int epoch) {
        loadUpTo(layer, epoch);
        if (Files.exists(jsonl) || Files.exists(csv)) {
            write();
        }
    }

    /** All rows logged so far in this run directory. */
    public List<Row> rowsOnDisk() {
        loadUpTo(Integer.MAX_VALUE, Integer.MAX_VALUE);
        return rows();
    }

    public void add(Row row) {
        rows.add(row);
        write();
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    private void write() {
        StringBuilder c = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        StringBuilder j = new StringBuilder();
        for (Row row : rows) {
            c.append(String.join(",", row.cells())).append('\n');
            j.append(JsonFiles.line(row)).append('\n');
        }
        AtomicFiles.writeString(csv, c.toString());
        AtomicFiles.writeString(jsonl, j.toString());
    }
}
