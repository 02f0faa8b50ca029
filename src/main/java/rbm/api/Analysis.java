package rbm.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rbm.count.FrequencyProfile;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.kernels.KernelsProvider;
import rbm.readout.InputOptions;
import rbm.readout.SampleFile;
import rbm.readout.StateInputs;
import rbm.relevance.LayerReport;
import rbm.relevance.LayerReports;
import rbm.relevance.RelevanceBound;
import rbm.relevance.RelevanceFile;
import rbm.relevance.RelevanceReport;
import rbm.report.RelevanceFiles;
import rbm.run.RunData;

/**
 * The relevance analysis of {@code rbm relevance}: the layer reports of a trained stack over its data, or of a sample
 * of states read from a file, as a printed table and the files {@link #write} puts in a directory (the table as CSV,
 * everything as JSON, two charts and a page with all of them). Progress goes to a log as it runs.
 */
public final class Analysis {
    /** The files {@link #write} makes, for messages. */
    public static final String FILES = String.join(", ", RelevanceReport.CSV, RelevanceReport.JSON,
            RelevanceReport.TRADE_OFF_SVG, RelevanceReport.RANK_FREQUENCY_SVG) + " and " + RelevanceReport.PAGE;

    private final RelevanceReport report;

    private Analysis(RelevanceReport report) {
        this.report = report;
    }

    /**
     * Reads out every layer of the run in {@code model} {@code repeats} times and measures each layer.
     *
     * @param data  the inputs, binarised as the run's training data was; null for the run's own training data
     * @param limit the first {@code limit} inputs only, or null for all
     */
    public static Analysis ofModel(Path model, Path data, Integer limit, ReadoutMode mode, int repeats, long seed,
                                   int threads, PrintWriter log) {
        if (repeats < 1) {
            throw new BadInputException("--repeats: must be at least 1, got " + repeats);
        }
        if (repeats > 1 && mode == ReadoutMode.DETERMINISTIC) {
            throw new BadInputException("--repeats " + repeats + ": the deterministic read-out gives the same states "
                    + "every time; use --readout stochastic to draw repeats");
        }
        if (limit != null && limit < 1) {
            throw new BadInputException("--limit: must be at least 1, got " + limit);
        }
        Network net = Network.open(model);
        Dataset d = data != null
                ? RunData.binarize(DataLoader.load(data), net.config(), "binarize relevance data")
                : RunData.training(net.config());
        d = limit != null && limit < d.rows() ? d.subset(0, limit) : d;
        net.checkWidth(d, data != null ? "--data " : "");
        boolean stochastic = mode == ReadoutMode.STOCHASTIC;
        int depth = net.depth();
        int[] widths = net.widths();
        log.printf(Locale.ROOT, "model %s: %s; %d inputs from %s; %s read-out%s, %d threads%n", model,
                net.stack().label(), d.rows(), d.source().path(), mode.mode, stochastic ? String.format(Locale.ROOT,
                        ", %d repeat%s, seed %d", repeats, repeats == 1 ? "" : "s", seed) : "", threads);
        log.flush();
        RelevanceBound bound = new RelevanceBound(d.rows());
        try (Compute compute = Compute.create(threads)) {
            List<LayerReport> layers = LayerReports.measure(compute, net.dbn(), mode.mode, seed, d, repeats, bound,
                    new LayerReports.Listener() {
                        @Override
                        public void readOut(int repeat, double seconds) {
                            log.printf(Locale.ROOT, "read-out%s: %.2fs%n", repeats == 1 ? "" : " " + repeat, seconds);
                        }

                        @Override
                        public void measured(int layer, LayerReport r) {
                            log.printf(Locale.ROOT, "  layer %d/%d (%d units): %d distinct states, H[s] %.3f, "
                                    + "H[K] %.3f bits%n", layer, depth, widths[layer], r.profile().distinct(),
                                    r.entropies().resolution(), r.entropies().relevance());
                            log.flush();
                        }
                    });
            RelevanceFile.Source source = RelevanceFile.Source.ofModel(model.toString(), widths,
                    d.source().path(), d.rows(), net.config().binarization(), mode.mode.toString(), repeats,
                    stochastic ? seed : null, threads, compute.kernels().name());
            return new Analysis(new RelevanceReport(source, bound, layers));
        }
    }

    /**
     * Counts the samples in {@code inputs} (files, or {@code -} for standard input; an .npz gives one sample per
     * array) and measures each as one layer of one table, against the bound for their common number of states M.
     *
     * @param binarize how real values become bits (threshold[:T] or quantile:q), or null for 0/1 values
     * @param bits     the units of bit-packed rows, or null
     * @param keys     the arrays of an .npz to read, or null for all
     * @param columns  the columns of a CSV table that are units, or null for all
     */
    public static Analysis ofInputs(List<String> inputs, SampleFormat format, String binarize, Integer bits,
                                    List<String> keys, List<String> columns, PrintWriter log, PrintWriter progress) {
        if (bits != null && bits < 1) {
            throw new BadInputException("--bits: must be at least 1, got " + bits);
        }
        InputOptions options = new InputOptions(binarize, bits, keys, columns);
        List<StateInputs.Counted> samples = new ArrayList<>();
        for (String input : inputs) {
            long start = System.nanoTime();
            List<StateInputs.Counted> counted = StateInputs.count(input, format.format, options,
                    KernelsProvider.best(), n -> {
                        progress.printf(Locale.ROOT, "  %s: %,d states so far%n", input, n);
                        progress.flush();
                    });
            for (StateInputs.Counted c : counted) {
                FrequencyProfile p = c.profile();
                log.printf(Locale.ROOT, "%s: %d states (%s%s%s), %d distinct, %.1fs%n", c.name(), p.samples(),
                        c.format(), c.width() > 0 ? ", " + c.width() + " bits" : "",
                        c.binarization() == null || c.binarization().equals("0/1") ? "" : ", " + c.binarization(),
                        p.distinct(), (System.nanoTime() - start) / 1e9);
                log.flush();
            }
            samples.addAll(counted);
        }
        long m = samples.getFirst().profile().samples();
        for (StateInputs.Counted c : samples) {
            if (c.profile().samples() != m) {
                throw new BadInputException("--input: the layers of one table must hold the same number of states: "
                        + samples.getFirst().name() + " has " + m + ", " + c.name() + " has " + c.profile().samples()
                        + "; analyse them in separate runs");
            }
        }
        RelevanceBound bound = new RelevanceBound(m);
        List<LayerReport> layers = new ArrayList<>();
        for (StateInputs.Counted c : samples) {
            // the file's own name (dir/x.npz:key gives x.npz:key), as the table's row label
            int slash = Math.max(c.name().lastIndexOf('/'), c.name().lastIndexOf(java.io.File.separatorChar));
            layers.add(LayerReport.of(c.name().substring(slash + 1), c.width(), 1, c.profile(), bound));
        }
        StateInputs.Counted first = samples.getFirst();
        RelevanceFile.Source source = RelevanceFile.Source.ofInputs(String.join(", ", inputs), first.format(),
                first.binarization(), samples.size() == 1 ? first.width() : null);
        return new Analysis(new RelevanceReport(source, bound, layers));
    }

    /**
     * One row per layer (the mean over repeats, ± the standard deviation when there are several), with a note on the
     * units and the bound's Zipf point.
     */
    public String table() {
        return report.table();
    }

    /** Writes {@link #FILES} into {@code dir}, made if need be. */
    public void write(Path dir) {
        AtomicFiles.createOutputDirectory(dir);
        RelevanceFiles.write(report, dir);
    }
}
