package rbm.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.evaluate.AnnealedImportanceSampling;
import rbm.evaluate.AnnealingProgress;
import rbm.evaluate.AnnealingSchedule;
import rbm.evaluate.BaseRateModel;
import rbm.evaluate.DbnBound;
import rbm.evaluate.DbnBoundEstimator;
import rbm.evaluate.LikelihoodFile;
import rbm.evaluate.LogPartitionEstimate;
import rbm.evaluate.ReverseAnnealing;
import rbm.evaluate.ReverseEstimate;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.MemoryNeed;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;
import rbm.report.LikelihoodFiles;
import rbm.run.RunData;

/**
 * The likelihood analysis of {@code rbm likelihood}: for every RBM of a trained stack, log Z by annealed importance
 * sampling (and exactly where the smaller layer can be enumerated), the mean log-likelihood of its training and
 * held-out inputs, RAISE's stochastic lower bound on the held-out one; for every depth ℓ, the variational lower bound
 * on log p(v) of the images under the stack cut with RBM ℓ as its prior. Each RBM's inputs are the states of the
 * layer below, drawn by one upward pass that samples every layer (a directed layer of the DBN emits binary states).
 */
public final class Likelihood {
    /** The defaults: Salakhutdinov and Murray's 100 chains and 14,500 inverse temperatures. */
    public static final int DEFAULT_CHAINS = AnnealedImportanceSampling.DEFAULT_CHAINS;
    public static final int DEFAULT_BETAS = AnnealingSchedule.CLASSIC_STEPS;

    private final LikelihoodFile file;

    private Likelihood(LikelihoodFile file) {
        this.file = file;
    }

    /** The estimates as they go to likelihood.json. */
    public LikelihoodFile file() {
        return file;
    }

    /**
     * Measures the run in {@code model}.
     *
     * @param data         training inputs (binarised as the run's were), or null for the run's own
     * @param heldout      held-out inputs, or null for the run's own (the MNIST test set for a run on MNIST)
     * @param limit        use the first {@code limit} rows of each, or null for all
     * @param raiseRows    held-out rows that RAISE anneals back from (each costs as much as one AIS chain)
     * @param boundSamples samples of the upward pass per image for the DBN bound (at least 2)
     */
    public static Likelihood of(Path model, Path data, Path heldout, Integer limit, int chains, int betas,
                                int raiseRows, int boundSamples, long seed, int threads, PrintWriter log) {
        require("--chains", chains, 2);
        require("--betas", betas, 2);
        require("--raise-rows", raiseRows, 1);
        require("--samples", boundSamples, 2);
        if (limit != null) {
            require("--limit", limit, 1);
        }
        Network net = Network.open(model);
        memory(net.dbn(), chains, boundSamples).check(); // before any data is read
        Dataset train = load(net, data, "--data ", RunData.training(net.config()), limit);
        Dataset held = load(net, heldout, "--heldout ", heldout == null ? RunData.heldout(net.config()) : null, limit);
        DeepBeliefNet dbn = net.dbn();
        int depth = dbn.depth();
        log.printf(Locale.ROOT, "model %s: %s; %d training rows, %s held-out rows; AIS with %d chains and %d "
                        + "inverse temperatures, seed %d, %d threads%n", model, net.stack().label(), train.rows(),
                held == null ? "no" : Integer.toString(held.rows()), chains, betas, seed, threads);
        log.flush();
        AnnealingSchedule schedule = betas == DEFAULT_BETAS ? AnnealingSchedule.classic() : AnnealingSchedule.of(betas);
        List<LikelihoodFile.Layer> layers = new ArrayList<>();
        double[] logZ = new double[depth];
        try (Compute compute = Compute.create(threads)) {
            float[] up = train.values();
            float[] upHeld = held == null ? null : held.values();
            BernoulliSampler sampler = BernoulliSampler.create(compute, seed, "likelihood inputs", widest(dbn));
            for (int l = 1; l <= depth; l++) {
                Rbm rbm = dbn.rbm(l);
                long start = System.nanoTime();
                LikelihoodFile.Layer layer = layer(l, rbm, up, train.rows(), upHeld, held == null ? 0 : held.rows(),
                        schedule, chains, raiseRows, seed, compute, new Bar(log, l, rbm));
                layers.add(layer);
                logZ[l - 1] = layer.logZExact() != null ? layer.logZExact() : layer.logZAis();
                log.printf(Locale.ROOT, "  RBM %d (%d-%d): log Z %.3f (AIS, ± %.3f), %.1fs%n", l, rbm.visible(),
                        rbm.hidden(), layer.logZAis(), layer.logZAisStderr(), (System.nanoTime() - start) / 1e9);
                log.flush();
                if (l < depth) {
                    up = DeepBeliefNet.up(compute, rbm, up, train.rows(), sampler);
                    upHeld = upHeld == null ? null : DeepBeliefNet.up(compute, rbm, upHeld, held.rows(), sampler);
                }
            }
            log.printf(Locale.ROOT, "  the DBN bound at depths 1 to %d, %d samples per image%n", depth, boundSamples);
            log.flush();
            List<DbnBound> boundTrain = DbnBoundEstimator.estimate(dbn, logZ, train.values(), train.rows(),
                    boundSamples, RandomStreams.seedFor(seed, "likelihood bound, training"), compute);
            List<DbnBound> boundHeld = held == null ? null : DbnBoundEstimator.estimate(dbn, logZ, held.values(),
                    held.rows(), boundSamples, RandomStreams.seedFor(seed, "likelihood bound, held-out"), compute);
            List<LikelihoodFile.Depth> depths = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                DbnBound t = boundTrain.get(l);
                DbnBound h = boundHeld == null ? null : boundHeld.get(l);
                depths.add(new LikelihoodFile.Depth(l + 1, t.bound(), t.imagesStandardError(),
                        h == null ? null : h.bound(), h == null ? null : h.imagesStandardError()));
            }
            return new Likelihood(new LikelihoodFile(model.toString(), train.rows(), held == null ? 0 : held.rows(),
                    held == null ? 0 : Math.min(raiseRows, held.rows()), boundSamples, chains, betas, seed, threads,
                    layers, depths));
        }
    }

    private static LikelihoodFile.Layer layer(int l, Rbm rbm, float[] v, int rows, float[] held, int heldRows,
                                              AnnealingSchedule schedule, int chains, int raiseRows, long seed,
                                              Compute compute, Bar bar) {
        BaseRateModel base = BaseRateModel.fromData(v, rows, rbm.visible());
        LogPartitionEstimate ais = new AnnealedImportanceSampling(schedule, chains,
                RandomStreams.seedFor(seed, "likelihood RBM " + l + " AIS"))
                .logPartition(rbm, base, compute, bar.phase("AIS"));
        Double exact = ExactLikelihood.feasibleOnce(rbm) ? ExactLikelihood.logPartition(rbm, compute) : null;
        Double heldAis = held == null ? null : ais.meanLogLikelihood(rbm, compute, held, heldRows);
        Double heldExact = held == null || exact == null ? null : ExactLikelihood.meanLogLikelihood(rbm, compute, held,
                heldRows);
        Double raise = null;
        Double raiseError = null;
        Double aisOnRaiseRows = null;
        if (held != null && binary(held, heldRows * rbm.visible())) {
            int n = Math.min(raiseRows, heldRows);
            ReverseEstimate r = new ReverseAnnealing(schedule, 1,
                    RandomStreams.seedFor(seed, "likelihood RBM " + l + " RAISE"))
                    .estimate(rbm, base, held, n, compute, bar.phase("RAISE"));
            raise = r.meanLogLikelihood();
            raiseError = r.stderr();
            aisOnRaiseRows = ais.meanLogLikelihood(rbm, compute, held, n);
        }
        bar.clear();
        return new LikelihoodFile.Layer(l, rbm.visible(), rbm.hidden(), ais.logZ(), ais.stderr(), ais.lower(),
                ais.upper(), ais.effectiveSampleSize(), exact, ais.meanLogLikelihood(rbm, compute, v, rows), heldAis,
                raise, raiseError, aisOnRaiseRows, heldExact);
    }

    private static Dataset load(Network net, Path file, String flag, Dataset fallback, Integer limit) {
        Dataset d = file != null ? RunData.binarize(DataLoader.load(file), net.config(), "binarize " + flag)
                : fallback;
        if (d == null) {
            return null;
        }
        net.checkWidth(d, file != null ? flag : "");
        return limit != null && limit < d.rows() ? d.subset(0, limit) : d;
    }

    private static boolean binary(float[] x, int n) {
        for (int i = 0; i < n; i++) {
            if (x[i] != 0 && x[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The heap of the chains and the bound's passes: per RBM, the AIS chains hold 3 arrays of chains × the width
     * they sample and 2 of chains × the width they sum out (at most, the larger width takes the 3); the bound holds
     * 4 arrays of rows × the widest layer, rows being whole images of {@code samples} samples.
     */
    private static MemoryNeed memory(DeepBeliefNet dbn, int chains, int samples) {
        int[] w = dbn.widths();
        int big = 0;
        int small = 0;
        for (int l = 1; l <= dbn.depth(); l++) { // one RBM's chains at a time: the one with the most units
            int max = Math.max(w[l - 1], w[l]);
            int min = Math.min(w[l - 1], w[l]);
            if (3L * max + 2L * min > 3L * big + 2L * small) {
                big = max;
                small = min;
            }
        }
        MemoryNeed need = new MemoryNeed("the likelihood of " + dbn.depth() + " RBMs");
        for (int i = 0; i < 5; i++) {
            need.array("--chains", "the AIS chains", chains, i < 3 ? big : small, Float.BYTES);
        }
        for (int i = 0; i < 4; i++) {
            need.array("--samples", "the samples of the DBN bound", DbnBoundEstimator.rowsPerPass(samples),
                    widest(dbn), Float.BYTES);
        }
        return need;
    }

    private static int widest(DeepBeliefNet dbn) {
        int w = 0;
        for (int x : dbn.widths()) {
            w = Math.max(w, x);
        }
        return w;
    }

    private static void require(String flag, int value, int least) {
        if (value < least) {
            throw new BadInputException(flag + ": must be at least " + least + ", got " + value);
        }
    }

    /** One row per RBM and one per depth, in nats. */
    public String table() {
        return LikelihoodFiles.table(file);
    }

    /** Writes likelihood.json, likelihood.csv and index.html into {@code dir}, made if need be. */
    public void write(Path dir) {
        AtomicFiles.createOutputDirectory(dir);
        LikelihoodFiles.write(file, dir);
    }

    /**
     * The progress of one RBM's annealing runs, redrawn in place on a terminal at most five times a second; elsewhere
     * silent, as the line printed after each RBM is the progress.
     */
    private static final class Bar {
        private static final long REDRAW_NANOS = 200_000_000L;
        private final PrintWriter err;
        private final String label;
        private final boolean terminal = System.console() != null && System.console().isTerminal();
        private long lastDraw;

        Bar(PrintWriter err, int layer, Rbm rbm) {
            this.err = err;
            this.label = String.format(Locale.ROOT, "  RBM %d (%d-%d)", layer, rbm.visible(), rbm.hidden());
        }

        AnnealingProgress phase(String name) {
            if (!terminal) {
                return AnnealingProgress.NONE;
            }
            return (done, total) -> {
                long now = System.nanoTime();
                if (done < total && now - lastDraw < REDRAW_NANOS) {
                    return;
                }
                lastDraw = now;
                err.printf(Locale.ROOT, "\r%s: %s %3d%% ", label, name, 100L * done / total);
                err.flush();
            };
        }

        void clear() {
            if (terminal) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }
}
