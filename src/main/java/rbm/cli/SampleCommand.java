package rbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.io.BadInputException;
import rbm.generate.GibbsSampler;
import rbm.generate.Pictures;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.random.RandomStreams;
import rbm.run.RunDirectory;

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

    @Option(names = "--seed", paramLabel = "S", description = "Seed. Default: a fresh one, printed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG file. Default: DIR/samples-layer-L.png.")
    Path out;

    @Override
    public Integer call() {
        if (chains < 1) {
            throw new BadInputException("--chains: must be at least 1, got " + chains);
        }
        if (steps < 0) {
            throw new BadInputException("--steps: must be zero or positive, got " + steps);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads: must be at least 1, got " + threads);
        }
        RunDirectory run = RunDirectory.open(model);
        DeepBeliefNet dbn = run.loadModel();
        int l = layer == null ? dbn.depth() : layer;
        if (l < 1 || l > dbn.depth()) {
            throw new BadInputException("--layer: " + l + " is not between 1 and " + dbn.depth()
                    + " (the trained layers of " + model + ")");
        }
        long s = seed != null ? seed : RandomStreams.freshSeed();
        Path png = out != null ? out : run.file("samples-layer-" + l + ".png");
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Compute compute = Compute.create(nThreads)) {
            float[] pixels = new GibbsSampler(compute, dbn, s).sample(l, chains, steps);
            int columns = (int) Math.ceil(Math.sqrt(chains));
            Pictures.writePatterns(pixels, chains, dbn.widths()[0], columns, png);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%d samples from layer %d after %d Gibbs steps (seed %d): %s%n",
                chains, l, steps, s, png);
        return 0;
    }
}
