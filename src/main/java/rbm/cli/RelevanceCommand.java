package rbm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.io.BadInputException;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.io.AtomicFiles;
import rbm.kernels.Compute;
import rbm.kernels.KernelsProvider;
import rbm.model.DeepBeliefNet;
import rbm.random.RandomStreams;
import rbm.count.FrequencyProfile;
import rbm.relevance.LayerReport;
import rbm.readout.Readout;
import rbm.relevance.RelevanceBound;
import rbm.relevance.RelevanceReport;
import rbm.readout.SampleFile;
import rbm.count.StateCounter;
import rbm.run.RunConfig;
import rbm.run.RunDirectory;
import rbm.report.RelevanceFiles;

/** {@code rbm relevance}: resolution, relevance and μ of every layer of a trained stack, or of any sample of states. */
@Command(name = "relevance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Count the states of every layer of a trained stack over a data set (--model), or the states "
                + "in a file (--input), and report per layer: distinct states, resolution H[s], relevance H[K], "
                + "noise, and mu from the bound and from a power-law fit. Prints a table and writes relevance.csv, "
                + "relevance.json, two charts (relevance.svg, rank-frequency.svg) and index.html with all of them."})
final class RelevanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "A run directory from 'train'.")
    Path model;

    @Option(names = "--input", paramLabel = "FILE",
            description = "A sample: one state per line, a string of 0s and 1s or any token (plain or gzipped).")
    Path input;

    @Option(names = "--data", paramLabel = "FILE",
            description = "With --model: the inputs, binarised as the run's training data was. "
                    + "Default: the run's training data, with its --limit.")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "With --model: use the first N rows of the data.")
    Integer limit;

    @Option(names = "--readout", paramLabel = "MODE", defaultValue = "stochastic",
            description = "stochastic (sample each layer from the one below, as the paper does) or deterministic "
                    + "(a unit is on when its probability is above 0.5). Default: ${DEFAULT-VALUE}.")
    String readout;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "1",
            description = "Stochastic read-outs to draw; the table shows mean ± sd. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the stochastic read-out. Default: a fresh one, "
            + "printed and recorded in relevance.json.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "With --input: bits (0/1 strings of one length), tokens (any line), or auto (bits when the "
                    + "first state is a 0/1 string). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the files go. Default: DIR/relevance with --model, "
                    + "NAME-relevance beside FILE with --input (NAME is the file name without its extension).")
    Path out;

    @Override
    public Integer call() {
        if ((model == null) == (input == null)) {
            throw new BadInputException("give either --model DIR (a trained stack) or --input FILE (a sample, one "
                    + "state per line)");
        }
        RelevanceReport report = model != null ? analyseModel() : analyseInput();
        Path dir = out != null ? out : model != null ? model.resolve("relevance") : defaultInputOut(input);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create the directory (" + AtomicFiles.reason(e)
                    + ")");
        }
        RelevanceFiles.write(report, dir);
        PrintWriter o = spec.commandLine().getOut();
        o.print(report.table());
        o.printf(Locale.ROOT, "wrote %s, %s, %s, %s and %s (the table and both charts) in %s%n", RelevanceReport.CSV,
                RelevanceReport.JSON, RelevanceReport.TRADE_OFF_SVG, RelevanceReport.RANK_FREQUENCY_SVG,
                RelevanceReport.PAGE, dir);
        o.flush();
        return 0;
    }

    private RelevanceReport analyseModel() {
        only("--format", !format.equals("auto"), "--input");
        Readout.Mode mode = switch (readout) {
            case "stochastic" -> Readout.Mode.STOCHASTIC;
            case "deterministic" -> Readout.Mode.DETERMINISTIC;
            default -> throw new BadInputException("--readout: '" + readout + "' is not stochastic or deterministic");
        };
        if (repeats < 1) {
            throw new BadInputException("--repeats: must be at least 1, got " + repeats);
        }
        if (repeats > 1 && mode == Readout.Mode.DETERMINISTIC) {
            throw new BadInputException("--repeats " + repeats + ": the deterministic read-out gives the same states "
                    + "every time; use --readout stochastic to draw repeats");
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads: must be at least 1, got " + threads);
        }
        if (limit != null && limit < 1) {
            throw new BadInputException("--limit: must be at least 1, got " + limit);
        }
        RunDirectory run = RunDirectory.open(model);
        DeepBeliefNet dbn = run.loadModel();
        RunConfig config = run.readConfig();
        Dataset d = inputs(config);
        if (d.cols() != dbn.widths()[0]) {
            throw new BadInputException((data != null ? "--data " : "") + d.source().path() + ": has " + d.cols()
                    + " values per row, but the model in " + model + " has " + dbn.widths()[0] + " visible units");
        }
        long s = seed != null ? seed : RandomStreams.freshSeed();
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter o = spec.commandLine().getOut();
        boolean stochastic = mode == Readout.Mode.STOCHASTIC;
        o.printf(Locale.ROOT, "model %s: %s; %d inputs from %s; %s read-out%s, %d threads%n", model, widths(dbn),
                d.rows(), d.source().path(), mode, stochastic ? String.format(Locale.ROOT, ", %d repeat%s, seed %d",
                        repeats, repeats == 1 ? "" : "s", s) : "", nThreads);
        o.flush();
        RelevanceBound bound = new RelevanceBound(d.rows());
        List<LayerReport> layers = new ArrayList<>();
        try (Compute compute = Compute.create(nThreads)) {
            Readout reader = new Readout(compute, dbn, mode, s);
            for (int rep = 1; rep <= repeats; rep++) {
                long started = System.nanoTime();
                StateCounter[] counters = reader.count(d.values(), d.rows(), rep);
                try {
                    o.printf(Locale.ROOT, "read-out%s: %.2fs%n", repeats == 1 ? "" : " " + rep,
                            (System.nanoTime() - started) / 1e9);
                    for (int l = 1; l <= dbn.depth(); l++) {
                        FrequencyProfile p = FrequencyProfile.of(counters[l - 1]);
                        LayerReport r = LayerReport.of(Integer.toString(l), dbn.widths()[l], rep, p, bound);
                        layers.add(r);
                        o.printf(Locale.ROOT, "  layer %d/%d (%d units): %d distinct states, H[s] %.3f, H[K] %.3f "
                                + "bits%n", l, dbn.depth(), dbn.widths()[l], p.distinct(), r.entropies().resolution(),
                                r.entropies().relevance());
                        o.flush();
                    }
                } finally {
                    for (StateCounter c : counters) {
                        c.close();
                    }
                }
            }
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("model", model.toString());
            source.put("layers", dbn.widths());
            source.put("data", d.source().path());
            source.put("rows", d.rows());
            source.put("binarization", config.binarization());
            source.put("readout", mode.toString());
            source.put("repeats", repeats);
            source.put("seed", stochastic ? s : null);
            source.put("threads", nThreads);
            source.put("kernels", compute.kernels().name());
            return new RelevanceReport(source, bound, layers);
        }
    }

    /** The inputs: --data or the run's training data, binarised as in training, cut to --limit. */
    private Dataset inputs(RunConfig config) {
        Dataset d;
        if (data != null) {
            d = TrainCommand.binarize(DataLoader.load(data), config, "binarize relevance data");
        } else {
            d = TrainCommand.loadTraining(config);
        }
        return limit != null && limit < d.rows() ? d.subset(0, limit) : d;
    }

    private RelevanceReport analyseInput() {
        only("--data", data != null, "--model");
        only("--limit", limit != null, "--model");
        only("--readout", !readout.equals("stochastic"), "--model");
        only("--repeats", repeats != 1, "--model");
        only("--seed", seed != null, "--model");
        only("--threads", threads != null, "--model");
        SampleFile.Format f = switch (format) {
            case "auto" -> SampleFile.Format.AUTO;
            case "bits" -> SampleFile.Format.BITS;
            case "tokens" -> SampleFile.Format.TOKENS;
            default -> throw new BadInputException("--format: '" + format + "' is not auto, bits or tokens");
        };
        SampleFile.Sample sample = SampleFile.read(input, f, KernelsProvider.best());
        FrequencyProfile p = sample.profile();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d states (%s%s), %d distinct%n", input, p.samples(), sample.format(),
                sample.width() > 0 ? ", " + sample.width() + " bits" : "", p.distinct());
        o.flush();
        RelevanceBound bound = new RelevanceBound(p.samples());
        LayerReport r = LayerReport.of(input.getFileName().toString(), sample.width(), 1, p, bound);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("input", input.toString());
        source.put("format", sample.format().toString());
        source.put("width", sample.width());
        return new RelevanceReport(source, bound, List.of(r));
    }

    private static void only(String flag, boolean given, String mode) {
        if (given) {
            throw new BadInputException(flag + ": only with " + mode);
        }
    }

    private static Path defaultInputOut(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = file.toAbsolutePath().getParent();
        return parent.resolve(stem + "-relevance");
    }

    private static String widths(DeepBeliefNet dbn) {
        return Arrays.stream(dbn.widths()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }
}
