package rbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.io.BadInputException;
import rbm.experiment.ExperimentConfig;
import rbm.experiment.PaperExperiment;
import rbm.report.ReportPage;
import rbm.experiment.Results;

/** {@code rbm reproduce}: the paper's experiment end to end, into an HTML report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce Song, Marsili & Jo (2018) on MNIST: train the 11-layer stack for several seeds, "
                + "measure every layer's resolution and relevance, run the controls and the width sweep, generate "
                + "digits from every layer, and write report/index.html (the report page), report/results.json (every "
                + "number) and report/reproduction-table.md (the layer table)."})
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "The same pipeline on 5,000 images, 2 epochs and 2 seeds (under a "
            + "minute).")
    boolean quick;

    @Option(names = "--seeds", paramLabel = "N", description = "Training runs (default 3; 2 with --quick).")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "First seed (default 1).")
    Long seed;

    @Option(names = "--images", paramLabel = "N", description = "Training images (default 60000).")
    Integer images;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per layer (default 10).")
    Integer epochs;

    @Option(names = "--no-controls", negatable = true, description = "Skip the controls.")
    boolean controls = true;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--render-only", description = "Run nothing: redraw DIR/index.html and "
            + "DIR/reproduction-table.md from DIR/results.json and the pictures already in DIR (--out DIR).")
    boolean renderOnly;

    @Override
    public Integer call() {
        if (renderOnly) {
            ReportPage.render(out);
            spec.commandLine().getOut().printf(Locale.ROOT, "redrawn: open %s%n", out.resolve(ReportPage.PAGE));
            return 0;
        }
        ExperimentConfig base = quick ? ExperimentConfig.quick() : ExperimentConfig.full();
        ExperimentConfig c = new ExperimentConfig(
                Flags.positive("--images", images, base.images()), base.widths(), Flags.positive("--epochs", epochs, base.epochs()),
                Flags.positive("--seeds", seeds, base.seeds()), seed != null ? seed : base.firstSeed(), base.sweepWidths(),
                base.generated(), base.gibbsSteps(), controls && base.controls(), base.classifierEpochs(),
                Flags.positive("--threads", threads, base.threads()));
        if (c.images() > 60000) {
            throw new BadInputException("--images: MNIST has 60000 training images, got " + c.images());
        }
        var log = spec.commandLine().getOut();
        log.printf(Locale.ROOT, "reproducing Song, Marsili & Jo (2018) into %s: %d images, %d epochs per layer, "
                + "%d seeds, %d threads%n", out, c.images(), c.epochs(), c.seeds(), c.threads());
        Results results = new PaperExperiment(c, out, log).run();
        new ReportPage(results).write(out);
        log.printf(Locale.ROOT, "done in %.1fs: open %s%n", results.seconds(), out.resolve("index.html"));
        return 0;
    }
}
