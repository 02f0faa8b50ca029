package rbm.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import rbm.data.DataSource;
import rbm.io.BadInputException;
import rbm.io.JsonFiles;

/**
 * What {@code --resume} checks and changes before it trains: the data files against the run's record of them, and
 * new epoch counts ({@code --epochs}) against the epochs already trained.
 */
public final class RunExtension {
    private RunExtension() {
    }

    /**
     * The run's configuration with {@code spec} (one value for all RBMs, or one per RBM) as its epochs. Fewer epochs
     * than an RBM has trained are refused: a checkpoint cannot be untrained.
     */
    public static RunConfig extend(RunDirectory run, RunConfig config, String spec) {
        int[] epochs = RunConfig.parseEpochs(spec, config.depth());
        Manifest m = run.readManifest();
        for (int layer = 1; layer <= config.depth(); layer++) {
            Manifest.LayerEntry e = m.layer(layer);
            if (e != null && epochs[layer - 1] < e.epochsDone()) {
                throw new BadInputException("--epochs " + spec + ": RBM " + layer + " of the run in " + run.root()
                        + " has trained " + e.epochsDone() + " epochs already; a run can be extended, not shortened");
            }
        }
        return new RunConfig(config.data(), config.heldout(), config.binarization(), config.limit(),
                config.widths(), epochs, config.training(), config.sampleUp(), config.seed(), config.threads(),
                config.monitorRows(), config.likelihood());
    }

    /** Says which RBMs get more epochs, and which are trained again above them. */
    public static void announce(RunDirectory run, RunConfig before, RunConfig after, PrintWriter out) {
        int first = 0;
        for (int l = before.depth(); l >= 1; l--) {
            if (after.epochs()[l - 1] != before.epochs()[l - 1]) {
                out.printf("extending RBM %d from %d to %d epochs%n", l, before.epochs()[l - 1],
                        after.epochs()[l - 1]);
                first = l;
            }
        }
        Manifest m = run.readManifest();
        if (first > 0 && first < after.depth() && m.layer(first + 1) != null) {
            out.printf("RBMs %d to %d are trained again on the new output of RBM %d%n", first + 1, after.depth(),
                    first);
        }
        out.flush();
    }

    /**
     * Refuses training data (and held-out data) whose sha256 or row count differs from what {@code provenance.json}
     * recorded when the run started: a resumed run on other data would be neither run. A run without a record is
     * not checked.
     */
    public static void checkData(RunDirectory run, DataSource train, DataSource heldout) {
        Path file = run.file("provenance.json");
        if (!Files.exists(file)) {
            return;
        }
        List<DataSource> recorded = JsonFiles.readLenient(file, Provenance.class).data();
        if (recorded == null || recorded.isEmpty()) {
            throw new BadInputException(file + ": records no data files, so the data cannot be checked");
        }
        check(file, "--data", recorded.get(0), train);
        if (heldout != null) {
            if (recorded.size() < 2) {
                throw new BadInputException(file + ": records no held-out file, but the run's configuration names "
                        + heldout.path());
            }
            check(file, "--heldout", recorded.get(1), heldout);
        }
    }

    private static void check(Path file, String flag, DataSource was, DataSource now) {
        if (was == null || was.sha256() == null) {
            throw new BadInputException(file + ": the " + flag + " entry has no sha256");
        }
        if (!was.sha256().equals(now.sha256()) || was.rows() != now.rows()) {
            throw new BadInputException(flag + " " + now.path() + ": the file changed since the run started (sha256 "
                    + shortHash(now.sha256()) + ", " + now.rows() + " rows; " + file.getFileName() + " records "
                    + shortHash(was.sha256()) + ", " + was.rows() + " rows); resuming on other data would mix "
                    + "two runs, so restore the file or start a new run");
        }
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }
}
