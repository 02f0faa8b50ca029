package rbm.cli;

import picocli.CommandLine.Option;
import rbm.api.Stack;
import rbm.io.BadInputException;

/** The options of every command that computes: the seed and the thread count, which together fix every number. */
final class RunOptions {
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random streams. Default: a fresh one, "
            + "printed and recorded (reproduce: 1, its first seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; the same seed and thread count give "
            + "the same numbers. Default: all cores.")
    Integer threads;

    /** The seed given, or a fresh one. */
    long seed() {
        return seed != null ? seed : Stack.freshSeed();
    }

    /** The thread count given, or the number of cores. */
    int threads() {
        return Flags.positive("--threads", threads, Runtime.getRuntime().availableProcessors());
    }
}
