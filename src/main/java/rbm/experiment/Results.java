package rbm.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import rbm.evaluate.GenerationScore;
import rbm.evaluate.Reliability;
import rbm.evaluate.StackLikelihood;
import rbm.relevance.LayerReport;
import rbm.relevance.RankFrequency;
import rbm.relevance.RelevanceBound;
import rbm.relevance.RelevanceFile;
import rbm.run.MetricsLog;

/**
 * Everything the experiment measured, grouped as the report shows it: for each group ("stack stochastic",
 * "stack deterministic", the controls, the width sweep) one list of layer reports per run; the generation scores
 * per seed and layer; the generated images of the first seed; the training curves. {@link #toFile()} gives
 * {@code results.json}, with means and standard deviations over seeds, and the verdict on each claim.
 */
public final class Results {
    final ExperimentConfig config;
    final Map<String, List<List<LayerReport>>> groups = new LinkedHashMap<>();
    final List<List<Map<String, GenerationScore>>> generation = new ArrayList<>();
    final Map<Integer, float[][]> samples = new TreeMap<>();
    /** The mixing diagnostic of the first seed's chains, by layer. */
    final Map<Integer, LayerSampler.Mixing> mixing = new TreeMap<>();
    /** Per seed, the stack cut at every depth as a generative model. */
    final List<StackLikelihood> likelihood = new ArrayList<>();
    /** The group of the held-out read-out, measured against the bound for the held-out sample size. */
    public static final String HELDOUT = "held-out stochastic";
    RelevanceBound bound;
    RelevanceBound heldoutBound;
    /** The median Jaccard distance from a held-out image to its nearest training image: the reliability scale. */
    double reliabilityReference;
    double classifierAccuracy;
    List<MetricsLog.Row> trainingCurves = List.of();
    Path firstRun;
    String kernels;
    double seconds;

    Results(ExperimentConfig config) {
        this.config = config;
    }

    public ExperimentConfig config() {
        return config;
    }

    /** The generated patterns of the first seed by layer: Gibbs chains, then empirical states, each row-major. */
    public Map<Integer, float[][]> samples() {
        return samples;
    }

    /** Wall time of the whole experiment. */
    public double seconds() {
        return seconds;
    }

    void add(String group, List<LayerReport> layers) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(layers);
    }

    void addGeneration(List<Map<String, GenerationScore>> perLayer) {
        generation.add(perLayer);
    }

    /** Mean and standard deviation over runs of one quantity of layer {@code layer} (from 0) of a group. */
    Stat stat(String group, int layer, ToDoubleFunction<LayerReport> f) {
        List<Double> xs = new ArrayList<>();
        for (List<LayerReport> run : groups.getOrDefault(group, List.of())) {
            if (layer < run.size()) {
                xs.add(f.applyAsDouble(run.get(layer)));
            }
        }
        return Stat.of(xs);
    }

    /** Mean and standard deviation over seeds of a generation score of layer {@code layer} (from 0). */
    Stat generationStat(int layer, String method, ToDoubleFunction<GenerationScore> f) {
        List<Double> xs = new ArrayList<>();
        for (List<Map<String, GenerationScore>> seed : generation) {
            xs.add(f.applyAsDouble(seed.get(layer).get(method)));
        }
        return Stat.of(xs);
    }

    /** A mean with its standard deviation (0 for one value) and the number of values. */
    public record Stat(double mean, double sd, int n) {
        static Stat of(List<Double> xs) {
            double mean = 0;
            int n = 0;
            for (double x : xs) {
                if (Double.isFinite(x)) {
                    mean += x;
                    n++;
                }
            }
            if (n == 0) {
                return new Stat(xs.isEmpty() ? Double.NaN : xs.getFirst(), Double.NaN, xs.size());
            }
            mean /= n;
            double var = 0;
            for (double x : xs) {
                if (Double.isFinite(x)) {
                    var += (x - mean) * (x - mean);
                }
            }
            return new Stat(mean, n > 1 ? Math.sqrt(var / (n - 1)) : 0, n);
        }

        /** What a partial file lacks: no mean, no spread, no values. */
        public static final Stat ABSENT = new Stat(Double.NaN, Double.NaN, 0);
    }

    /** The bound's relevance at a resolution (see {@link RelevanceBound#relevanceAt}). */
    double boundRelevance(double resolution) {
        return bound.relevanceAt(resolution);
    }

    Verdicts verdicts() {
        return Verdicts.of(this);
    }

    /** Everything, as it is written to {@code results.json}. */
    public ResultsFile toFile() {
        ResultsFile.Config c = new ResultsFile.Config(config.images(), config.widths(), config.epochs(),
                config.seeds(), config.firstSeed(), config.sweepWidths(), config.generated(), config.gibbsSteps(),
                config.threads(), config.data().displayName(), config.evaluation());
        ResultsFile.Machine machine = new ResultsFile.Machine(rbm.run.Provenance.cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        ResultsFile.Bound b = boundFile(bound);
        Map<String, List<ResultsFile.GroupLayer>> groupSummaries = new LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            groupSummaries.put(e.getKey(), groupSummary(e.getKey(), e.getValue()));
        }
        return new ResultsFile(c, seconds, kernels, machine, classifierAccuracy, b, groupSummaries, generationSummary(),
                verdicts(), trainingCurves, heldoutBound == null ? ResultsFile.Bound.ABSENT : boundFile(heldoutBound),
                measures(), logPartitions(), reliabilityCurves(), mixingLayers());
    }

    private static ResultsFile.Bound boundFile(RelevanceBound bound) {
        RelevanceBound.Point zipf = bound.at(1);
        List<ResultsFile.Point> curve = new ArrayList<>();
        for (RelevanceBound.Point p : bound.curve(120)) {
            curve.add(new ResultsFile.Point(p.mu(), p.resolution(), p.relevance()));
        }
        return new ResultsFile.Bound(bound.samples(), Math.log(bound.samples()) / Math.log(2),
                new ResultsFile.Zipf(zipf.resolution(), zipf.relevance()), curve);
    }

    private List<ResultsFile.Measure> measures() {
        List<ResultsFile.Measure> out = new ArrayList<>();
        for (GenerativeMeasure m : GenerativeMeasure.values()) {
            double[][] x = m.perSeed(this);
            if (x.length == 0) {
                continue;
            }
            List<Stat> byLayer = new ArrayList<>();
            for (int l = 0; l < x[0].length; l++) {
                List<Double> column = new ArrayList<>();
                for (double[] seed : x) {
                    column.add(seed[l]);
                }
                byLayer.add(Stat.of(column));
            }
            out.add(new ResultsFile.Measure(m.label, m.unit, m.description, x, byLayer));
        }
        return out;
    }

    private List<ResultsFile.LogPartition> logPartitions() {
        List<ResultsFile.LogPartition> out = new ArrayList<>();
        if (!likelihood.isEmpty()) {
            StackLikelihood first = likelihood.getFirst();
            for (int l = 0; l < first.logZ().length; l++) {
                out.add(new ResultsFile.LogPartition(l + 1, first.logZ()[l], first.logZError()[l],
                        first.exact()[l]));
            }
        }
        return out;
    }

    private List<ResultsFile.ReliabilityLayer> reliabilityCurves() {
        List<ResultsFile.ReliabilityLayer> out = new ArrayList<>();
        if (generation.isEmpty() || generation.getFirst().getFirst().get("gibbs").nearest().length == 0) {
            return out;
        }
        int points = config.evaluation().reliabilityPoints();
        for (int l = 0; l < generation.getFirst().size(); l++) {
            double[] mean = new double[points];
            double[] thresholds = null;
            List<Double> at = new ArrayList<>();
            for (List<Map<String, GenerationScore>> seed : generation) {
                Reliability r = Reliability.of(seed.get(l).get("gibbs").nearest(), reliabilityReference, points);
                thresholds = r.thresholds();
                for (int i = 0; i < points; i++) {
                    mean[i] += r.fraction()[i] / generation.size();
                }
                at.add(r.atReference());
            }
            out.add(new ResultsFile.ReliabilityLayer(l + 1, reliabilityReference, thresholds, mean, Stat.of(at)));
        }
        return out;
    }

    private List<ResultsFile.MixingLayer> mixingLayers() {
        List<ResultsFile.MixingLayer> out = new ArrayList<>();
        for (var e : mixing.entrySet()) {
            out.add(new ResultsFile.MixingLayer(e.getKey(), e.getValue().swapRates().length + 1,
                    e.getValue().swapRates(), e.getValue().traceEvery(), e.getValue().energyTrace()));
        }
        return out;
    }

    private List<ResultsFile.GroupLayer> groupSummary(String group, List<List<LayerReport>> runs) {
        List<ResultsFile.GroupLayer> out = new ArrayList<>();
        boolean sweep = group.equals("single RBM");
        int layers = sweep ? runs.size() : runs.getFirst().size();
        for (int l = 0; l < layers; l++) {
            List<LayerReport> at = new ArrayList<>();
            if (sweep) {
                at.add(runs.get(l).getFirst());
            } else {
                for (List<LayerReport> run : runs) {
                    at.add(run.get(l));
                }
            }
            LayerReport first = at.getFirst();
            out.add(new ResultsFile.GroupLayer(sweep ? 1 : l + 1, first.width(), at.size(),
                    Stat.of(doubles(at, r -> r.profile().distinct())),
                    Stat.of(doubles(at, r -> r.entropies().resolution())),
                    Stat.of(doubles(at, r -> r.entropies().relevance())),
                    Stat.of(doubles(at, r -> r.entropies().noise())),
                    Stat.of(doubles(at, r -> r.entropies().normalisedResolution())),
                    Stat.of(doubles(at, r -> r.entropies().normalisedRelevance())),
                    Stat.of(doubles(at, LayerReport::muBound)),
                    Stat.of(doubles(at, r -> r.fit().mu())),
                    first.fit().error(), first.fit().kMin(), first.fit().tail(), first.fit().distance(),
                    (group.equals(HELDOUT) ? heldoutBound : bound).relevanceAt(first.entropies().resolution()),
                    new RelevanceFile.Frequencies(first.profile().k(), first.profile().m()),
                    RankFrequency.of(first.profile())));
        }
        return out;
    }

    private List<ResultsFile.GenerationLayer> generationSummary() {
        List<ResultsFile.GenerationLayer> out = new ArrayList<>();
        if (generation.isEmpty()) {
            return out;
        }
        for (int l = 0; l < generation.getFirst().size(); l++) {
            out.add(new ResultsFile.GenerationLayer(l + 1, config.widths()[l + 1], scores(l, "gibbs"),
                    scores(l, "empirical")));
        }
        return out;
    }

    private ResultsFile.Scores scores(int layer, String method) {
        return new ResultsFile.Scores(generationStat(layer, method, GenerationScore::score),
                generationStat(layer, method, GenerationScore::confidence),
                generationStat(layer, method, GenerationScore::labelEntropy),
                generationStat(layer, method, GenerationScore::distinctFraction),
                generationStat(layer, method, GenerationScore::nearestDistance),
                generation.getFirst().get(layer).get(method).labelCounts(),
                generationStat(layer, method, GenerationScore::scoreError));
    }

    private static List<Double> doubles(List<LayerReport> rs, ToDoubleFunction<LayerReport> f) {
        List<Double> xs = new ArrayList<>();
        for (LayerReport r : rs) {
            xs.add(f.applyAsDouble(r));
        }
        return xs;
    }
}
