package rbm.api;

import java.util.Arrays;
import rbm.io.BadInputException;
import rbm.random.RandomStreams;
import rbm.run.LikelihoodMonitoring;
import rbm.run.RunConfig;

/**
 * What to train: the widths of a stack of RBMs, data first, the epochs of each RBM, the hyperparameters, and the
 * seed and thread count, which together fix every number (the same seed and thread count give the same weights).
 * {@link #of} starts from the paper's settings; each {@code with}-style method returns a changed copy.
 *
 * @param widths      layer widths, data first: 784, 500, 250 means two RBMs
 * @param epochs      epochs of each RBM
 * @param training    the hyperparameters of contrastive divergence
 * @param propagate   what each RBM passes up to the next one
 * @param seed        the seed of every random stream
 * @param threads     worker threads
 * @param monitorRows rows of training and held-out data measured after every epoch
 * @param likelihood  when to estimate the log-likelihood of the RBM being trained, by AIS
 */
public record Stack(int[] widths, int[] epochs, Recipe training, Propagation propagate, long seed, int threads,
                    int monitorRows, LikelihoodMonitoring likelihood) {
    /** The paper's stack, 784-500-250-120-60-30-25-20-15-10-5. */
    public static final String PAPER = "784-500-250-120-60-30-25-20-15-10-5";
    /** The inverse temperatures and chains of an estimate during training, unless {@link #likelihood} says. */
    public static final int LIKELIHOOD_BETAS = LikelihoodMonitoring.DEFAULT_BETAS;
    public static final int LIKELIHOOD_CHAINS = LikelihoodMonitoring.DEFAULT_CHAINS;

    public Stack {
        widths = widths.clone();
        epochs = epochs.clone();
        if (threads < 1) {
            throw new BadInputException("--threads: must be at least 1, got " + threads);
        }
        if (monitorRows < 1) {
            throw new BadInputException("--monitor-rows: must be at least 1, got " + monitorRows);
        }
        if (widths.length < 2 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new BadInputException("--layers: need two or more positive widths, such as 784-500, got "
                    + RunConfig.widthsLabel(widths));
        }
        if (epochs.length != widths.length - 1 || Arrays.stream(epochs).anyMatch(e -> e < 1)) {
            throw new BadInputException("--epochs: need one positive value per RBM, got " + Arrays.toString(epochs));
        }
        training.config(); // throws on hyperparameters that training would refuse
    }

    /**
     * A stack of these widths, data first, trained as the paper does: 10 epochs per RBM with {@link Recipe#hinton()},
     * sampled states passed up, a fresh seed, all cores, no estimates of the log-likelihood.
     */
    public static Stack of(int... widths) {
        int[] epochs = new int[Math.max(widths.length - 1, 0)];
        Arrays.fill(epochs, 10);
        return new Stack(widths, epochs, Recipe.hinton(), Propagation.SAMPLE, freshSeed(),
                Runtime.getRuntime().availableProcessors(), 1000, LikelihoodMonitoring.OFF);
    }

    /** A stack of the widths in {@code spec}, such as {@code 784-500-250}. */
    public static Stack of(String spec) {
        return of(RunConfig.parseWidths(spec));
    }

    /** The same stack trained for {@code e} epochs per RBM: one value for all, or one per RBM. */
    public Stack epochs(int... e) {
        return epochs(Arrays.stream(e).mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElse(""));
    }

    /** The same stack trained for the epochs in {@code spec}: {@code 10} for all, or {@code 10,10,5}, one per RBM. */
    public Stack epochs(String spec) {
        return new Stack(widths, RunConfig.parseEpochs(spec, widths.length - 1), training, propagate, seed, threads,
                monitorRows, likelihood);
    }

    public Stack training(Recipe recipe) {
        return new Stack(widths, epochs, recipe, propagate, seed, threads, monitorRows, likelihood);
    }

    public Stack propagate(Propagation p) {
        return new Stack(widths, epochs, training, p, seed, threads, monitorRows, likelihood);
    }

    public Stack seed(long s) {
        return new Stack(widths, epochs, training, propagate, s, threads, monitorRows, likelihood);
    }

    public Stack threads(int n) {
        return new Stack(widths, epochs, training, propagate, seed, n, monitorRows, likelihood);
    }

    public Stack monitorRows(int rows) {
        return new Stack(widths, epochs, training, propagate, seed, threads, rows, likelihood);
    }

    /**
     * The same stack, with the log-likelihood of each RBM estimated by AIS ({@code chains} chains, {@code betas}
     * inverse temperatures) after every {@code every}-th epoch and after its last; {@code every} = 0 for none.
     */
    public Stack likelihood(int every, int betas, int chains) {
        return new Stack(widths, epochs, training, propagate, seed, threads, monitorRows,
                new LikelihoodMonitoring(every, betas, chains));
    }

    /** A seed drawn from the system's entropy, as a stack gets when none is given. */
    public static long freshSeed() {
        return RandomStreams.freshSeed();
    }

    /** The widths as {@code --layers} writes them: {@code 784-500-250}. */
    public String label() {
        return RunConfig.widthsLabel(widths);
    }

    RunConfig config(Data data) {
        return new RunConfig(data.file() == null ? null : data.file().toString(),
                data.heldout() == null ? null : data.heldout().toString(), data.binarization(), data.limit(), widths,
                epochs, training.config(), propagate == Propagation.SAMPLE, seed, threads, monitorRows, likelihood);
    }

    static Stack of(RunConfig c) {
        return new Stack(c.widths(), c.epochs(), Recipe.of(c.training()),
                c.sampleUp() ? Propagation.SAMPLE : Propagation.PROBABILITIES, c.seed(), c.threads(), c.monitorRows(),
                c.likelihood());
    }
}
