package rbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.api.Reproduction;

/** {@code rbm reproduce}: the paper's experiment end to end, into an HTML report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce Song, Marsili & Jo (2018) on MNIST or Fashion-MNIST: train the 10-RBM stack "
                + "(11 layers of units) for 10 seeds, measure every layer's resolution and relevance, run the controls and the width "
                + "sweep, generate digits from every layer, and write report/index.html (the report page), "
                + "report/results.json (every number) and report/reproduction-table.md (the layer table)."})
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "The same pipeline on 5,000 images, 2 epochs and 3 seeds (under a "
            + "minute).")
    boolean quick;

    @Option(names = "--data", paramLabel = "SET", defaultValue = "mnist", description = "The image set: mnist (bundled) "
            + "or fashion-mnist (the Debian package dataset-fashion-mnist, or the directory in $RBM_FASHION_MNIST). "
            + "Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--seeds", paramLabel = "N", description = "Training runs, one stack each; the third claim's "
            + "decision needs at least 3 (default 10; 3 with --quick).")
    Integer seeds;

    @Option(names = "--images", paramLabel = "N", description = "Training images (default 60000).")
    Integer images;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per layer (default 10).")
    Integer epochs;

    @Option(names = "--no-controls", negatable = true, description = "Run the controls, an untrained stack and a "
            + "stack trained on shuffled pixels (the default); --no-controls leaves them out.")
    boolean controls = true;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--render-only", description = "Run nothing: redraw DIR/index.html and "
            + "DIR/reproduction-table.md from DIR/results.json and the pictures already in DIR (--out DIR).")
    boolean renderOnly;

    @Override
    public Integer call() {
        var log = spec.commandLine().getOut();
        if (renderOnly) {
            log.printf(Locale.ROOT, "redrawn: open %s%n", Reproduction.render(out));
            return 0;
        }
        Reproduction base = quick ? Reproduction.quick() : Reproduction.full();
        Reproduction r = new Reproduction(quick, data, Flags.positive("--images", images, base.images()),
                Flags.positive("--epochs", epochs, base.epochs()), Flags.positive("--seeds", seeds, base.seeds()),
                run.seed != null ? run.seed : base.firstSeed(), controls && base.controls(), run.threads());
        log.printf(Locale.ROOT, "reproducing Song, Marsili & Jo (2018) into %s: %s, %d images, %d epochs per layer, "
                + "%d seeds, %d threads%n", out, r.dataName(), r.images(), r.epochs(), r.seeds(), r.threads());
        double seconds = r.run(out, log);
        log.printf(Locale.ROOT, "done in %.1fs: open %s%n", seconds, out.resolve("index.html"));
        return 0;
    }
}
