package rbm.experiment;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import rbm.data.Dataset;
import rbm.evaluate.GenerationScore;
import rbm.evaluate.Reliability;
import rbm.evaluate.StackLikelihood;
import rbm.evaluate.SoftmaxRegression;
import rbm.generate.GibbsSampler;
import rbm.generate.Pictures;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.kernels.WarmUp;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;
import rbm.readout.Readout;
import rbm.relevance.LayerReport;
import rbm.relevance.LayerReports;
import rbm.relevance.RelevanceBound;
import rbm.run.MetricsLog;
import rbm.run.LikelihoodMonitoring;
import rbm.run.RunConfig;
import rbm.run.RunDirectory;
import rbm.run.StackTrainer;
import rbm.train.ContrastiveDivergence;
import rbm.train.TrainingConfig;

/**
 * The experiment of Song, Marsili & Jo (2018), end to end: train the stack on MNIST for several seeds, read out
 * every layer (stochastically and deterministically), measure resolution, relevance and μ, run the controls and the
 * width sweep, generate digits from every layer and score them. The results go to a {@link Results} object, which
 * {@link ReportPage} turns into the HTML report and {@code results.json}.
 *
 * <p>Trained stacks are kept in {@code OUT/runs/}, as ordinary run directories; running the experiment again with the
 * same settings reuses them instead of training again.
 */
public final class PaperExperiment {
    private final ExperimentConfig config;
    private final Path out;
    private final PrintWriter log;
    private final long started = System.nanoTime();
    private ImageData images;

    public PaperExperiment(ExperimentConfig config, Path out, PrintWriter log) {
        this.config = config;
        this.out = out;
        this.log = log;
    }

    public Results run() {
        Results results = new Results(config);
        try (Compute compute = Compute.create(config.threads())) {
            WarmUp.start(compute.kernels()); // compiles the kernels while the images load
            images = ImageData.load(config.data(), config.images());
            step("loaded " + images.name() + ": " + images.train().rows() + " training and " + images.test().rows()
                    + " held-out images");
            Dataset train = images.train();
            Dataset test = images.test();
            results.kernels = compute.kernels().name();

            step("training the softmax classifier that scores generated images");
            SoftmaxRegression classifier = SoftmaxRegression.fit(train, 10,
                    SoftmaxRegression.Settings.defaults().withEpochs(config.classifierEpochs()), compute);
            results.classifierAccuracy = classifier.accuracy(test, compute);
            log("  test accuracy %.4f", results.classifierAccuracy);
            int references = Math.min(1000, test.rows());
            results.reliabilityReference = Reliability.median(GenerationScore.nearestJaccard(test.values(),
                    references, train.values(), train.rows(), train.cols(), compute));
            log("  a held-out image is at Jaccard distance %.3f from its nearest training image (median of %d)",
                    results.reliabilityReference, references);

            RelevanceBound bound = new RelevanceBound(train.rows());
            RelevanceBound heldoutBound = new RelevanceBound(test.rows());
            results.bound = bound;
            results.heldoutBound = heldoutBound;
            ExperimentConfig.Evaluation ev = config.evaluation();
            int likelihoodRows = Math.min(ev.likelihoodImages(), Math.min(train.rows(), test.rows()));
            Dataset likelihoodTrain = train.subset(0, likelihoodRows);
            Dataset likelihoodTest = test.subset(0, likelihoodRows);
            for (int s = 0; s < config.seeds(); s++) {
                long seed = config.firstSeed() + s;
                step("seed " + seed + " of " + (config.firstSeed() + config.seeds() - 1) + ": training the stack "
                        + RunConfig.widthsLabel(config.widths()));
                DeepBeliefNet dbn = trainStack(train, test, "seed-" + seed, seed, compute);
                if (s == 0) {
                    results.firstRun = out.resolve("runs").resolve("seed-" + seed);
                    results.trainingCurves = new MetricsLog(results.firstRun).rowsOnDisk();
                }
                step("seed " + seed + ": read-outs of every layer (training images, both modes; held-out images)");
                for (Readout.Mode mode : Readout.Mode.values()) {
                    results.add("stack " + mode, readout(dbn, train, mode, seed, bound, compute));
                }
                results.add(Results.HELDOUT, readout(dbn, test, Readout.Mode.STOCHASTIC, seed, heldoutBound,
                        compute));
                step("seed " + seed + ": the likelihood bound of the stack cut at every depth");
                StackLikelihood likelihood = StackLikelihood.measure(dbn, likelihoodTrain.values(), likelihoodRows,
                        likelihoodTest.values(), likelihoodRows, ev.aisBetas(), ev.aisChains(), ev.boundSamples(),
                        seed, compute);
                results.likelihood.add(likelihood);
                for (int l = 0; l < dbn.depth(); l++) {
                    log("  depth %d: %.2f nats (training), %.2f (held-out); log Z %s", l + 1,
                            likelihood.train().get(l).bound(), likelihood.heldout().get(l).bound(),
                            likelihood.exact()[l] ? "exact" : String.format(Locale.ROOT, "± %.3f by AIS",
                                    likelihood.logZError()[l]));
                }
                step("seed " + seed + ": generating images from every layer");
                results.addGeneration(generate(dbn, train, classifier, seed, compute, results, s == 0));
            }
            if (config.controls()) {
                long seed = config.firstSeed();
                step("control: an untrained stack");
                results.add("untrained stack", readout(untrained(train, seed, compute), train,
                        Readout.Mode.STOCHASTIC, seed, bound, compute));
                step("control: pixels shuffled independently across images, then a stack trained on them");
                Dataset shuffled = shufflePixels(train, seed);
                DeepBeliefNet onShuffled = trainStack(shuffled, null, "shuffled-seed-" + seed, seed, compute);
                results.add("shuffled pixels", readout(onShuffled, shuffled, Readout.Mode.STOCHASTIC, seed, bound,
                        compute));
            }
            for (int w : config.sweepWidths()) {
                step("sweep: one RBM " + config.widths()[0] + "-" + w);
                long seed = config.firstSeed();
                DeepBeliefNet single = trainStack(train, test, "sweep-" + w + "-seed-" + seed, seed, compute,
                        new int[] {config.widths()[0], w});
                results.add("single RBM", readout(single, train, Readout.Mode.STOCHASTIC, seed, bound, compute));
            }
        }
        results.seconds = (System.nanoTime() - started) / 1e9;
        return results;
    }

    private DeepBeliefNet trainStack(Dataset train, Dataset heldout, String name, long seed, Compute compute) {
        return trainStack(train, heldout, name, seed, compute, config.widths());
    }

    /** Trains (or reuses, when the run directory already holds the same run) one stack. */
    private DeepBeliefNet trainStack(Dataset train, Dataset heldout, String name, long seed, Compute compute,
                                     int[] widths) {
        int[] epochs = new int[widths.length - 1];
        java.util.Arrays.fill(epochs, config.epochs());
        RunConfig rc = new RunConfig(images.trainSource(), images.testSource(), "threshold:0.5", config.images(), widths, epochs,
                TrainingConfig.hinton(), true, seed, config.threads(), 1000, LikelihoodMonitoring.OFF);
        Path dir = out.resolve("runs").resolve(name);
        RunDirectory run;
        if (Files.exists(dir.resolve("model.json"))) {
            run = RunDirectory.resume(dir);
            if (!run.readConfig().toFile().equals(rc.toFile())) {
                throw new BadInputException(dir + ": holds a run with other settings; remove it or choose "
                        + "another --out");
            }
        } else {
            run = RunDirectory.create(dir);
            run.begin(rc);
        }
        StackTrainer trainer = new StackTrainer(rc, run, compute, new StackTrainer.Listener() {
            @Override
            public void layerStarted(int layer, int layers, Rbm rbm, int epochsDone, int epochs) {
            }

            @Override
            public void batchDone(int layer, int epoch, int done, int total) {
            }

            @Override
            public void epochDone(int layer, int epoch, int epochs, MetricsLog.Row m) {
                if (epoch == epochs) {
                    log("  layer %d (%d units): %d epochs, last %.2fs, reconstruction error %.3f", layer,
                            widths[layer], epochs, m.seconds(), m.reconstructionError());
                }
            }

            @Override
            public void layerDone(int layer, Rbm rbm) {
                if (layer == 1 && !Files.exists(run.file("filters.png"))) {
                    Pictures.writeFilters(rbm, 100, run.file("filters.png"));
                }
            }
        });
        try {
            return trainer.train(train.values(), train.rows(), heldout == null ? null : heldout.values(),
                    heldout == null ? 0 : heldout.rows());
        } finally {
            run.release();
        }
    }

    private List<LayerReport> readout(DeepBeliefNet dbn, Dataset data, Readout.Mode mode, long seed,
                                      RelevanceBound bound, Compute compute) {
        return LayerReports.measure(compute, dbn, mode, seed, data, 1, bound, LayerReports.Listener.NONE);
    }

    /**
     * For each layer ℓ, images made two ways and scored: chains in RBM ℓ (the layer's generative model) passed down
     * to the pixels, and layer-ℓ states of random training images (a draw from the layer's empirical state
     * distribution) passed down. Only the chains' images are compared with the training set for the reliability
     * curve: the empirical states of a wide layer reconstruct their own training images.
     */
    private List<Map<String, GenerationScore>> generate(DeepBeliefNet dbn, Dataset train, SoftmaxRegression classifier,
                                                        long seed, Compute compute, Results results, boolean keep) {
        int n = config.generated();
        int width = dbn.widths()[0];
        LayerSampler sampler = new LayerSampler(compute, dbn, seed, config);
        int widest = GibbsSampler.widest(dbn);
        UniformRandomProvider pick = RandomStreams.create(seed, "generation: empirical draws");
        float[] chosen = new float[n * width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(train.values(), pick.nextInt(train.rows()) * width, chosen, r * width, width);
        }
        BernoulliSampler up = BernoulliSampler.create(compute, seed, "generation: up", widest);
        BernoulliSampler down = BernoulliSampler.create(compute, seed, "generation: down", widest);
        List<Map<String, GenerationScore>> perLayer = new ArrayList<>();
        float[] states = chosen;
        for (int l = 1; l <= dbn.depth(); l++) {
            states = DeepBeliefNet.up(compute, dbn.rbm(l), states, n, up);
            LayerSampler.Draw draw = sampler.draw(l, n);
            float[] fromStates = sampler.down(l, states.clone(), n, down);
            Map<String, GenerationScore> scores = new LinkedHashMap<>();
            scores.put("gibbs", GenerationScore.of(draw.images(), n, train.values(), train.rows(), width, classifier,
                    compute));
            scores.put("empirical", GenerationScore.withoutDistances(fromStates, n, width, classifier, compute));
            perLayer.add(scores);
            if (keep) {
                results.samples.put(l, new float[][] {draw.images(), fromStates});
                results.mixing.put(l, draw.mixing());
            }
            log("  layer %d: score %.3f ± %.3f (chains), %.3f (empirical states); %s", l,
                    scores.get("gibbs").score(), scores.get("gibbs").scoreError(), scores.get("empirical").score(),
                    draw.mixing().summary());
        }
        return perLayer;
    }

    /** A stack with the initial parameters of training and no training: the control for "learning did this". */
    private DeepBeliefNet untrained(Dataset train, long seed, Compute compute) {
        List<Rbm> rbms = new ArrayList<>();
        float[] input = train.values();
        int[] w = config.widths();
        for (int l = 1; l < w.length; l++) {
            Rbm rbm = ContrastiveDivergence.initialise(w[l - 1], w[l], input, train.rows(), TrainingConfig.hinton(),
                    RandomStreams.create(seed, "untrained layer " + l));
            rbms.add(rbm);
            input = DeepBeliefNet.up(compute, rbm, input, train.rows(),
                    BernoulliSampler.create(compute, seed, "untrained propagation " + l, w[l]));
        }
        return new DeepBeliefNet(rbms);
    }

    /** Each pixel's column permuted on its own: the same pixel statistics, no structure across pixels. */
    static Dataset shufflePixels(Dataset d, long seed) {
        UniformRandomProvider rng = RandomStreams.create(seed, "shuffled pixels control");
        int rows = d.rows();
        int cols = d.cols();
        float[] v = new float[rows * cols];
        int[] order = new int[rows];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                order[r] = r;
            }
            PermutationSampler.shuffle(rng, order);
            for (int r = 0; r < rows; r++) {
                v[r * cols + c] = d.values()[order[r] * cols + c];
            }
        }
        return Dataset.of(v, rows, cols);
    }

    private void step(String what) {
        log("[%6.1fs] %s", (System.nanoTime() - started) / 1e9, what);
    }

    private void log(String format, Object... args) {
        log.println(String.format(Locale.ROOT, format, args));
        log.flush();
    }
}
