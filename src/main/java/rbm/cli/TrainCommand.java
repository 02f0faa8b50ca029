package rbm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.api.Data;
import rbm.api.Preset;
import rbm.api.Propagation;
import rbm.api.Recipe;
import rbm.api.Stack;
import rbm.api.Training;
import rbm.api.VisibleBias;
import rbm.io.BadInputException;

/** {@code rbm train}: greedy layer-wise training of a deep belief network into a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a stack of RBMs (a deep belief network) layer by layer with contrastive divergence.",
            "With no data options it trains the paper's 10-RBM stack (11 layers of units) on the bundled MNIST "
                + "training set."})
final class TrainCommand implements Callable<Integer> {
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

    @Option(names = "--layers", paramLabel = "W0-W1-...", defaultValue = Stack.PAPER,
            description = "Layer widths, data first. Default: ${DEFAULT-VALUE}.")
    String layers;

    @Option(names = "--epochs", paramLabel = "E[,E...]", defaultValue = "10",
            description = "Epochs per RBM: one value for all, or one per RBM. Default: ${DEFAULT-VALUE}.")
    String epochs;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "hinton",
            description = "hinton: CD-1, lr 0.1, momentum 0.5→0.9, decay 2e-4, batch 100. sklearn-exact: "
                    + "scikit-learn's BernoulliRBM.fit step for step (PCD-1, batch 10, lr 0.1, no momentum, no decay, "
                    + "rows in file order, its batch slices and short-batch division), with rbm's random streams and "
                    + "float32. sklearn: the same hyperparameters on batches shuffled every epoch. "
                    + "The flags below override the preset.")
    Preset preset;

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
    VisibleBias visibleBias;

    @Option(names = "--propagate", paramLabel = "MODE", defaultValue = "sample",
            description = "What each RBM passes up to the next: sample (binary states) or probabilities. "
                    + "Default: ${DEFAULT-VALUE}.")
    Propagation propagate;

    @Mixin
    RunOptions run;

    @Option(names = "--monitor-rows", paramLabel = "N", defaultValue = "1000",
            description = "Rows used for the per-epoch metrics. Default: ${DEFAULT-VALUE}.")
    int monitorRows;

    @Option(names = "--likelihood-every", paramLabel = "E", defaultValue = "0",
            description = "Estimate the log-likelihood of each RBM by AIS after every E-th epoch and after its last "
                    + "epoch, into the ais_ columns of metrics.csv. Default: ${DEFAULT-VALUE}, never.")
    int likelihoodEvery;

    @Option(names = "--likelihood-betas", paramLabel = "K", defaultValue = "" + Stack.LIKELIHOOD_BETAS,
            description = "Inverse temperatures of each estimate (rbm likelihood uses 14,500). "
                    + "Default: ${DEFAULT-VALUE}.")
    int likelihoodBetas;

    @Option(names = "--likelihood-chains", paramLabel = "R", defaultValue = "" + Stack.LIKELIHOOD_CHAINS,
            description = "AIS chains of each estimate. Default: ${DEFAULT-VALUE}.")
    int likelihoodChains;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory. Default: runs/<date-time>.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = {"Continue the run in DIR from its last completed epoch, with its own configuration and "
                    + "data (checked against the sha256 in its provenance.json); other flags are refused.",
                "With --epochs, extend the run, finished or not, to that many epochs per RBM: an RBM given more "
                    + "continues from its checkpoint, and the RBMs above it are trained again on its new output, so "
                    + "the run ends as one asked for those epochs from the start."})
    Path resume;

    @Override
    public Integer call() {
        var o = spec.commandLine().getOut();
        var e = spec.commandLine().getErr();
        if (resume != null) {
            refuseIgnoredFlags();
            boolean extend = spec.commandLine().getParseResult().hasMatchedOption("--epochs");
            Training.resume(resume, run.threads, extend ? epochs : null, o, e);
        } else {
            Stack stack = buildConfig();
            if (out != null) {
                Training.start(data(), stack, out, commandLine(), o, e);
            } else {
                Training.startNamed(data(), stack, Path.of("runs"), commandLine(), o, e);
            }
        }
        return 0;
    }

    /** The flags that --resume honours; every other one is the run's own, in its config.json. */
    private static final List<String> RESUME_FLAGS = List.of("--resume", "--threads", "--epochs", "--debug");

    /** Refuses flags given with --resume that it would ignore, naming them. */
    private void refuseIgnoredFlags() {
        List<String> ignored = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(option -> option.longestName())
                .filter(name -> !RESUME_FLAGS.contains(name))
                .distinct().toList();
        if (!ignored.isEmpty()) {
            throw new BadInputException("--resume " + resume + ": " + String.join(", ", ignored)
                    + (ignored.size() == 1 ? " is" : " are") + " the run's own (in its config.json) and cannot be "
                    + "changed; leave " + (ignored.size() == 1 ? "it" : "them") + " out (--resume takes --threads, "
                    + "which must be the run's, and --epochs, which extends it)");
        }
    }

    /** The data of --data, --heldout, --binarize and --limit. */
    Data data() {
        Data d = (data == null ? Data.mnist() : Data.file(data)).binarize(binarize);
        d = heldout == null ? d : d.heldout(heldout);
        return limit == null ? d : d.limit(limit);
    }

    /** The stack of --layers and --epochs, trained by the preset with the flags that override it. */
    Stack buildConfig() {
        Recipe base = preset.recipe();
        Recipe t = new Recipe(
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
                visibleBias != null ? visibleBias == VisibleBias.DATA : base.visibleBiasFromData(), base.batches());
        return Stack.of(layers).epochs(epochs).training(t).propagate(propagate).seed(run.seed())
                .threads(run.threads()).monitorRows(monitorRows)
                .likelihood(likelihoodEvery, likelihoodBetas, likelihoodChains);
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>(List.of("rbm"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }
}
