package rbm.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.io.BadInputException;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.DataSource;
import rbm.data.Dataset;
import rbm.generate.Pictures;
import rbm.kernels.Compute;
import rbm.kernels.KernelsProvider;
import rbm.kernels.WarmUp;
import rbm.random.RandomStreams;
import rbm.run.Provenance;
import rbm.run.RunConfig;
import rbm.run.RunDirectory;
import rbm.run.StackTrainer;
import rbm.train.TrainingConfig;

/** {@code rbm train}: greedy layer-wise training of a deep belief network into a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a stack of RBMs (a deep belief network) layer by layer with contrastive divergence.",
            "With no data options it trains the paper's 11-layer stack on the bundled MNIST training set."})
final class TrainCommand implements Callable<Integer> {
    static final String DEFAULT_LAYERS = "784-500-250-120-60-30-25-20-15-10-5";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Training data: an IDX file (gzipped or not) or text rows (CSV or 0/1 strings). "
                    + "Default: the bundled MNIST training set.")
    Path data;

    @Option(names = "--heldout", paramLabel = "FILE",
            description = "Held-out data for the free-energy gap. Default: the bundled MNIST test set when training "
                    + "on bundled MNIST, otherwise none.")
    Path heldout;

    @Option(names = "--binarize", paramLabel = "MODE", defaultValue = "threshold:0.5",
            description = "threshold[:T] (1 when grey > T), stochastic (1 with probability = grey), or "
                    + "probabilities (keep grey levels). Default: ${DEFAULT-VALUE}.")
    String binarize;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N rows only.")
    Integer limit;

    @Option(names = "--layers", paramLabel = "W0-W1-...", defaultValue = DEFAULT_LAYERS,
            description = "Layer widths, data first. Default: ${DEFAULT-VALUE}.")
    String layers;

    @Option(names = "--epochs", paramLabel = "E[,E...]", defaultValue = "10",
            description = "Epochs per RBM: one value for all, or one per RBM. Default: ${DEFAULT-VALUE}.")
    String epochs;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "hinton",
            description = "hinton: CD-1, lr 0.1, momentum 0.5→0.9, decay 2e-4, batch 100. sklearn: like "
                    + "scikit-learn's BernoulliRBM (PCD-1, batch 10, lr 0.1, no momentum, no decay). "
                    + "The flags below override the preset.")
    String preset;

    @Option(names = {"-k", "--cd-steps"}, paramLabel = "K", description = "Gibbs steps of CD-k.")
    Integer cdSteps;

    @Option(names = "--persistent", negatable = true, description = "Persistent CD (PCD).")
    Boolean persistent;

    @Option(names = "--sample-visible", negatable = true,
            description = "Sample the negative-phase visible units instead of using probabilities.")
    Boolean sampleVisible;

    @Option(names = {"--learning-rate", "--lr"}, paramLabel = "RATE", description = "Learning rate.")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum of the first epochs.")
    Double momentum;

    @Option(names = "--final-momentum", paramLabel = "M", description = "Momentum after the switch.")
    Double finalMomentum;

    @Option(names = "--momentum-switch", paramLabel = "EPOCHS",
            description = "Epochs run with the initial momentum.")
    Integer momentumSwitch;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay on W.")
    Double weightDecay;

    @Option(names = {"--batch", "--batch-size"}, paramLabel = "B", description = "Rows per mini-batch.")
    Integer batch;

    @Option(names = "--init-std", paramLabel = "S", description = "Std. deviation of the initial weights.")
    Double initStd;

    @Option(names = "--visible-bias", paramLabel = "INIT", description = "data (log(p/(1−p))) or zero.")
    String visibleBias;

    @Option(names = "--propagate", paramLabel = "MODE", defaultValue = "sample",
            description = "What each RBM passes up to the next: sample (binary states) or probabilities. "
                    + "Default: ${DEFAULT-VALUE}.")
    String propagate;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random stream. Default: a fresh one, "
            + "recorded in config.json.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--monitor-rows", paramLabel = "N", defaultValue = "1000",
            description = "Rows used for the per-epoch metrics. Default: ${DEFAULT-VALUE}.")
    int monitorRows;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory. Default: runs/<date-time>.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its last completed epoch, with its own configuration.")
    Path resume;

    @Override
    public Integer call() {
        RunConfig config;
        if (resume != null) {
            config = RunDirectory.open(resume).readConfig();
            if (threads != null && threads != config.threads()) {
                throw new BadInputException("--threads " + threads + ": the run in " + resume + " uses "
                        + config.threads() + " threads; resuming with another count would change its numbers");
            }
        } else {
            config = buildConfig();
        }
        WarmUp.start(KernelsProvider.best()); // compiles the kernels while the data load
        Dataset train = loadTraining(config);
        Dataset held = loadHeldout(config);
        if (train.cols() != config.widths()[0]) {
            throw new BadInputException("--layers: the data in " + train.source().path() + " has "
                    + train.cols() + " values per row, but --layers starts with " + config.widths()[0]);
        }
        if (held != null && held.cols() != train.cols()) {
            throw new BadInputException("--heldout: " + held.source().path() + " has " + held.cols()
                    + " values per row, but the training data has " + train.cols());
        }
        RunDirectory run = resume != null ? RunDirectory.open(resume) : RunDirectory.create(out != null ? out
                : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Progress progress = new Progress(spec.commandLine().getOut(), spec.commandLine().getErr());
        try (Compute compute = Compute.create(config.threads())) {
            if (resume == null) {
                run.writeConfig(config);
                List<DataSource> sources = new ArrayList<>(List.of(train.source()));
                if (held != null) {
                    sources.add(held.source());
                }
                run.writeJson("provenance.json", Provenance.describe(commandLine(), compute, sources));
            }
            progress.start(run.root(), config, compute.kernels().name(), train.rows(),
                    held == null ? 0 : held.rows(), resume != null);
            StackTrainer trainer = new StackTrainer(config, run, compute, progress.listener((layer, rbm) -> {
                if (layer == 1) {
                    Pictures.writeFilters(rbm, 100, run.file("filters.png"));
                }
            }));
            trainer.train(train.values(), train.rows(), held == null ? null : held.values(),
                    held == null ? 0 : held.rows());
            progress.finish(run.root());
        }
        return 0;
    }

    /** The run's training data as its RBMs saw it: its file or the bundled MNIST, cut to --limit, binarised. */
    static Dataset loadTraining(RunConfig config) {
        Dataset d = config.data() == null ? DataLoader.mnistTrain() : DataLoader.load(Path.of(config.data()));
        if (config.limit() > 0 && config.limit() < d.rows()) {
            d = d.subset(0, config.limit());
        }
        return binarize(d, config, "binarize training data");
    }

    private Dataset loadHeldout(RunConfig config) {
        Dataset d;
        if (config.heldout() != null) {
            d = DataLoader.load(Path.of(config.heldout()));
        } else if (config.data() == null) {
            d = DataLoader.mnistTest();
        } else {
            return null;
        }
        return binarize(d, config, "binarize held-out data");
    }

    /** The run's binarisation of {@code d}; {@code purpose} names the random stream of stochastic binarisation. */
    static Dataset binarize(Dataset d, RunConfig config, String purpose) {
        return Binarization.parse(config.binarization()).apply(d, RandomStreams.create(config.seed(), purpose));
    }

    RunConfig buildConfig() {
        TrainingConfig base = switch (preset) {
            case "hinton" -> TrainingConfig.hinton();
            case "sklearn" -> TrainingConfig.sklearn();
            default -> throw new BadInputException("--preset: unknown preset '" + preset
                    + "'; choose hinton or sklearn");
        };
        TrainingConfig t;
        try {
            t = new TrainingConfig(
                    Flags.positive("--cd-steps", cdSteps, base.cdSteps()),
                    persistent != null ? persistent : base.persistent(),
                    sampleVisible != null ? sampleVisible : base.sampleVisible(),
                    Flags.positive("--learning-rate", learningRate, base.learningRate()),
                    Flags.fraction("--momentum", momentum, base.initialMomentum()),
                    Flags.fraction("--final-momentum", finalMomentum, base.finalMomentum()),
                    Flags.nonNegative("--momentum-switch", momentumSwitch, base.momentumSwitchEpoch()),
                    Flags.nonNegative("--weight-decay", weightDecay, base.weightDecay()),
                    Flags.positive("--batch", batch, base.batchSize()),
                    Flags.nonNegative("--init-std", initStd, base.initStd()),
                    visibleBiasFromData(base.visibleBiasFromData()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Binarization.parse(binarize); // fail early on a bad spec
        if (!propagate.equals("sample") && !propagate.equals("probabilities")) {
            throw new BadInputException("--propagate: '" + propagate + "' is not sample or probabilities");
        }
        int[] widths = RunConfig.parseWidths(layers);
        int[] perLayer = RunConfig.parseEpochs(epochs, widths.length - 1);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : Flags.positive("--threads", threads, 1);
        if (monitorRows < 1) {
            throw new BadInputException("--monitor-rows: must be at least 1, got " + monitorRows);
        }
        if (limit != null && limit < 1) {
            throw new BadInputException("--limit: must be at least 1, got " + limit);
        }
        long s = seed != null ? seed : RandomStreams.freshSeed();
        return new RunConfig(data == null ? null : data.toString(), heldout == null ? null : heldout.toString(),
                Binarization.parse(binarize).toString(), limit == null ? 0 : limit, widths, perLayer, t,
                propagate.equals("sample"), s, nThreads, monitorRows);
    }

    private boolean visibleBiasFromData(boolean fallback) {
        if (visibleBias == null) {
            return fallback;
        }
        return switch (visibleBias) {
            case "data" -> true;
            case "zero" -> false;
            default -> throw new BadInputException("--visible-bias: '" + visibleBias + "' is not data or zero");
        };
    }


    private List<String> commandLine() {
        List<String> args = new ArrayList<>(List.of("rbm"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }
}
