package rbm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rbm.api.Likelihood;

/** {@code rbm likelihood}: log Z and log-likelihoods of every RBM of a trained stack, and the DBN bound per depth. */
@Command(name = "likelihood", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimate how good each RBM of a trained stack, and the stack cut at each depth, is as a "
                + "generative model: log Z by annealed importance sampling (exact where the smaller layer has at most "
                + "24 units, and 2^units × the other width is at most 2^29), the mean log-likelihood of the training and held-out inputs, RAISE's lower bound on the "
                + "held-out one, and the DBN's variational lower bound on log p(v) per depth, all in nats. Prints "
                + "the tables and writes likelihood.json, likelihood.csv and index.html."})
final class LikelihoodCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A run directory from 'train'.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Training inputs, binarised as the run's were. Default: the run's training data.")
    Path data;

    @Option(names = "--heldout", paramLabel = "FILE",
            description = "Held-out inputs. Default: the run's held-out data (the MNIST test set for a run on MNIST).")
    Path heldout;

    @Option(names = "--limit", paramLabel = "N", description = "Use the first N rows of each data set.")
    Integer limit;

    @Option(names = "--chains", paramLabel = "N", defaultValue = "100",
            description = "AIS chains per RBM (at least 2). Default: ${DEFAULT-VALUE}.")
    int chains;

    @Option(names = "--betas", paramLabel = "N", defaultValue = "14500",
            description = "Inverse temperatures of the annealing (at least 2); the classic 14,500 put 500 in "
                    + "[0, 0.5], 4,000 in [0.5, 0.9] and 10,000 in [0.9, 1], and other counts scale them. "
                    + "Default: ${DEFAULT-VALUE}.")
    int betas;

    @Option(names = "--raise-rows", paramLabel = "N", defaultValue = "100",
            description = "Held-out rows that RAISE anneals back from, one chain each. Default: ${DEFAULT-VALUE}.")
    int raiseRows;

    @Option(names = "--samples", paramLabel = "S", defaultValue = "10",
            description = "Samples of the upward pass per image for the DBN bound (at least 2). "
                    + "Default: ${DEFAULT-VALUE}.")
    int samples;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the files go. Default: DIR/likelihood.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Likelihood likelihood = Likelihood.of(model, data, heldout, limit, chains, betas, raiseRows, samples,
                run.seed(), run.threads(), spec.commandLine().getErr());
        Path dir = out != null ? out : model.resolve("likelihood");
        likelihood.write(dir);
        o.print(likelihood.table());
        o.println("wrote likelihood.json, likelihood.csv and index.html in " + dir);
        o.flush();
        return 0;
    }
}
