package rbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.api.Network;

/** {@code rbm sample}: Gibbs chains in one RBM of a trained stack, passed down to the pixels, as a PNG grid. */
@Command(name = "sample", aliases = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate patterns: run Gibbs chains in RBM L of a trained stack, pass the result down "
                + "to the pixels, and write the samples as a PNG grid."})
final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A run directory from 'train'.")
    Path model;

    @Option(names = "--layer", paramLabel = "L", description = "RBM to run the chains in. Default: the top one.")
    Integer layer;

    @Option(names = "--chains", paramLabel = "N", defaultValue = "100",
            description = "Number of chains (images). Default: ${DEFAULT-VALUE}.")
    int chains;

    @Option(names = "--steps", paramLabel = "S", defaultValue = "1000",
            description = "Gibbs steps per chain. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG file. Default: DIR/samples-layer-L.png.")
    Path out;

    @Override
    public Integer call() {
        int threads = run.threads();
        Network net = Network.open(model);
        int l = layer == null ? net.depth() : layer;
        long seed = run.seed();
        Path png = out != null ? out : model.resolve("samples-layer-" + l + ".png");
        net.writeSamples(l, chains, steps, seed, threads, png);
        spec.commandLine().getOut().printf(Locale.ROOT, "%d samples from layer %d after %d Gibbs steps (seed %d): %s%n",
                chains, l, steps, seed, png);
        return 0;
    }
}
