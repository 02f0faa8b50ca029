package rbm.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import rbm.data.Dataset;
import rbm.generate.GibbsSampler;
import rbm.generate.MixingDiagnostics;
import rbm.generate.ParallelTempering;
import rbm.generate.Pictures;
import rbm.generate.TemperatureLadder;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.relevance.LayerReports;
import rbm.relevance.RelevanceBound;
import rbm.run.RunConfig;
import rbm.run.RunData;
import rbm.run.RunDirectory;

/**
 * A trained stack of RBMs (a deep belief network) and the run directory that holds it: {@link #train} makes one,
 * {@link #open} loads one that {@code rbm train} made. It reads out the states of every layer and measures them
 * ({@link #readout}), and generates patterns from any layer ({@link #sample}). Both use the run's seed and thread
 * count unless told otherwise, so they give the same numbers every time.
 */
public final class Network {
    private final RunDirectory run;
    private final RunConfig config;
    private final DeepBeliefNet dbn;

    Network(RunDirectory run, RunConfig config, DeepBeliefNet dbn) {
        this.run = run;
        this.config = config;
        this.dbn = dbn;
    }

    /** Trains {@code stack} on {@code data}, silently, into a new temporary run directory. */
    public static Network train(Data data, Stack stack) {
        try {
            return train(data, stack, Files.createTempDirectory("rbm-run-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains {@code stack} on {@code data}, silently, into the new run directory {@code dir}. */
    public static Network train(Data data, Stack stack, Path dir) {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        return Training.start(data, stack, dir, List.of("rbm.api.Network.train"), quiet, quiet);
    }

    /** The trained layers of the run directory {@code dir}. */
    public static Network open(Path dir) {
        RunDirectory run = RunDirectory.open(dir);
        DeepBeliefNet dbn = run.loadModel();
        return new Network(run, run.readConfig(), dbn);
    }

    public Path directory() {
        return run.root();
    }

    /** The data it was trained on. */
    public Data data() {
        return Data.of(config);
    }

    /** How it was trained. */
    public Stack stack() {
        return Stack.of(config);
    }

    /** The widths of its trained layers, data first. */
    public int[] widths() {
        return dbn.widths();
    }

    /** The number of trained RBMs. */
    public int depth() {
        return dbn.depth();
    }

    /** Reads out every layer over {@code data} with the run's seed and thread count, and measures each layer. */
    public Relevance readout(Data data, ReadoutMode mode) {
        return readout(data, mode, config.seed(), config.threads());
    }

    /** Reads out every layer over {@code data} and measures each layer; {@code seed} seeds a stochastic read-out. */
    public Relevance readout(Data data, ReadoutMode mode, long seed, int threads) {
        Dataset d = RunData.training(stack().config(data));
        checkWidth(d, "");
        try (Compute compute = Compute.create(threads)) {
            return Relevance.of(LayerReports.measure(compute, dbn, mode.mode, seed, d, 1,
                    new RelevanceBound(d.rows()), LayerReports.Listener.NONE));
        }
    }

    /**
     * {@code chains} patterns of pixel probabilities, each as wide as the data, after {@code steps} Gibbs steps in
     * RBM {@code layer} (from 1), passed down to the pixels; with the run's seed and thread count.
     */
    public float[][] sample(int layer, int chains, int steps) {
        return sample(layer, chains, steps, config.seed(), config.threads());
    }

    /** {@link #sample(int, int, int)} with another seed and thread count. */
    public float[][] sample(int layer, int chains, int steps, long seed, int threads) {
        float[] pixels = samples(layer, chains, steps, seed, threads);
        int width = dbn.widths()[0];
        float[][] rows = new float[chains][];
        for (int r = 0; r < chains; r++) {
            rows[r] = Arrays.copyOfRange(pixels, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** Samples as {@link #sample(int, int, int, long, int)} does and writes them as a PNG grid, a tile per chain. */
    public void writeSamples(int layer, int chains, int steps, long seed, int threads, Path png) {
        int columns = (int) Math.ceil(Math.sqrt(chains));
        if (layer >= 1 && layer <= dbn.depth() && chains >= 1) {
            GibbsSampler.memory(dbn, layer, chains, columns).check(); // before the chains run
        }
        float[] pixels = samples(layer, chains, steps, seed, threads);
        Pictures.writePatterns(pixels, chains, dbn.widths()[0], columns, png);
    }

    /** Replicas per chain of {@link #writeTemperedSamples} unless told otherwise. */
    public static final int DEFAULT_TEMPERATURES = TemperatureLadder.DEFAULT_REPLICAS;

    /**
     * How parallel tempering mixed: the inverse temperatures, 1 first, the swap acceptance rate of each
     * neighbouring pair, and the mean free energy of the β = 1 replicas after each sweep (the start first).
     */
    public record Mixing(double[] betas, double[] swapRates, double[] meanFreeEnergy) {
        static Mixing of(MixingDiagnostics d) {
            return new Mixing(d.betas(), d.swapRates(), d.meanFreeEnergy());
        }
    }

    /**
     * Samples as {@link #writeSamples} does, with parallel tempering of {@code temperatures} replicas per chain
     * ({@link ParallelTempering}) in place of plain Gibbs chains, and returns how well they mixed.
     */
    public Mixing writeTemperedSamples(int layer, int chains, int steps, int temperatures, long seed, int threads,
                                       Path png) {
        if (temperatures < 2) {
            throw new BadInputException("--temperatures: must be at least 2 (β = 1 and a hotter one), got "
                    + temperatures);
        }
        checkSampling(layer, chains, steps);
        int columns = (int) Math.ceil(Math.sqrt(chains));
        ParallelTempering.memory(dbn, layer, chains, temperatures, columns).check(); // before the chains run
        try (Compute compute = Compute.create(threads)) {
            ParallelTempering pt = new ParallelTempering(compute, dbn, seed, temperatures);
            float[] pixels = pt.sample(layer, chains, steps);
            Pictures.writePatterns(pixels, chains, dbn.widths()[0], columns, png);
            return Mixing.of(pt.diagnostics());
        }
    }

    private float[] samples(int layer, int chains, int steps, long seed, int threads) {
        checkSampling(layer, chains, steps);
        try (Compute compute = Compute.create(threads)) {
            return new GibbsSampler(compute, dbn, seed).sample(layer, chains, steps);
        }
    }

    private void checkSampling(int layer, int chains, int steps) {
        if (layer < 1 || layer > dbn.depth()) {
            throw new BadInputException("--layer: " + layer + " is not between 1 and " + dbn.depth()
                    + " (the trained layers of " + run.root() + ")");
        }
        if (chains < 1) {
            throw new BadInputException("--chains: must be at least 1, got " + chains);
        }
        if (steps < 0) {
            throw new BadInputException("--steps: must be zero or positive, got " + steps);
        }
    }

    DeepBeliefNet dbn() {
        return dbn;
    }

    RunConfig config() {
        return config;
    }

    /** Checks that {@code d} is as wide as the data layer; {@code flag} names where it came from, or is empty. */
    void checkWidth(Dataset d, String flag) {
        if (d.cols() != dbn.widths()[0]) {
            throw new BadInputException(flag + d.source().path() + ": has " + d.cols()
                    + " values per row, but the model in " + run.root() + " has " + dbn.widths()[0]
                    + " visible units");
        }
    }
}
