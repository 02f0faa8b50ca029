package rbm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.api.Network;
import rbm.io.BadInputException;

/**
 * {@code rbm sample}: Gibbs chains, or parallel tempering, in one RBM of a trained stack, passed down to the pixels,
 * as a PNG grid.
 */
@Command(name = "sample", aliases = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate patterns: run Gibbs chains (or parallel tempering) in RBM L of a trained stack, "
                + "pass the result down to the pixels, and write the samples as a PNG grid."})
final class SampleCommand implements Callable<Integer> {
    /** How the chains in RBM L move. */
    enum Sampler { GIBBS, PT }

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
            description = "Gibbs steps (with --sampler pt, sweeps of every replica) per chain. "
                    + "Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--sampler", paramLabel = "KIND", defaultValue = "gibbs",
            description = "gibbs (block Gibbs chains) or pt (parallel tempering: each chain has replicas at "
                    + "inverse temperatures 1 > … > 0.5 that exchange states, and only β = 1 is shown; prints "
                    + "the swap acceptance rates). Default: ${DEFAULT-VALUE}.")
    Sampler sampler;

    @Option(names = "--temperatures", paramLabel = "R",
            description = "With --sampler pt: replicas per chain, at least 2, at β evenly spaced from 1 to 0.5. "
                    + "Default: " + Network.DEFAULT_TEMPERATURES + ".")
    Integer temperatures;

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
        PrintWriter o = spec.commandLine().getOut();
        if (sampler == Sampler.GIBBS) {
            if (temperatures != null) {
                throw new BadInputException("--temperatures: only with --sampler pt");
            }
            net.writeSamples(l, chains, steps, seed, threads, png);
            o.printf(Locale.ROOT, "%d samples from layer %d after %d Gibbs steps (seed %d): %s%n",
                    chains, l, steps, seed, png);
            return 0;
        }
        int r = temperatures == null ? Network.DEFAULT_TEMPERATURES : temperatures;
        Network.Mixing d = net.writeTemperedSamples(l, chains, steps, r, seed, threads, png);
        o.printf(Locale.ROOT, "%d samples from layer %d after %d parallel-tempering sweeps of %d replicas (seed %d): "
                + "%s%n", chains, l, steps, r, seed, png);
        double[] f = d.meanFreeEnergy();
        o.printf(Locale.ROOT, "mean free energy of the β = 1 chains: %.2f at the start, %.2f at the end%n", f[0],
                f[f.length - 1]);
        double[] betas = d.betas();
        double[] rates = d.swapRates();
        o.println("swap acceptance between neighbouring temperatures:");
        for (int k = 0; k < rates.length; k++) {
            o.printf(Locale.ROOT, "  β %.4f ↔ %.4f  %.3f%n", betas[k], betas[k + 1], rates[k]);
        }
        return 0;
    }
}
