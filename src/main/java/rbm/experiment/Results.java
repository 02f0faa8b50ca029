package rbm.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import rbm.evaluate.GenerationScore;
import rbm.io.Json;
import rbm.relevance.LayerReport;
import rbm.relevance.RelevanceBound;

/**
 * Everything the experiment measured, grouped as the report shows it: for each group ("stack stochastic",
 * "stack deterministic", the controls, the width sweep) one list of layer reports per run; the generation scores
 * per seed and layer; the generated images of the first seed; the training curves. {@link #toJson()} gives
 * {@code results.json}, with means and standard deviations over seeds, and the verdict on each claim.
 */
public final class Results {
    final ExperimentConfig config;
    final Map<String, List<List<LayerReport>>> groups = new LinkedHashMap<>();
    final List<List<Map<String, GenerationScore>>> generation = new ArrayList<>();
    final Map<Integer, float[][]> samples = new TreeMap<>();
    RelevanceBound bound;
    double classifierAccuracy;
    List<Map<String, Object>> trainingCurves = List.of();
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

        Map<String, Object> toJson() {
            return Json.object("mean", mean, "sd", sd, "n", n);
        }
    }

    /** The bound's relevance at a resolution: the diagonal left of the curve, the curve itself, 0 at log2 M. */
    double boundRelevance(double resolution) {
        double mu = bound.muAt(resolution);
        if (mu <= -1) {
            return resolution;
        }
        if (Double.isInfinite(mu)) {
            return 0;
        }
        return bound.at(mu).relevance();
    }

    Verdicts verdicts() {
        return Verdicts.of(this);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", Json.object("images", config.images(), "layers", config.widths(), "epochs",
                config.epochs(), "seeds", config.seeds(), "first_seed", config.firstSeed(), "sweep_widths",
                config.sweepWidths(), "generated_per_layer", config.generated(), "gibbs_steps", config.gibbsSteps(),
                "threads", config.threads()));
        root.put("seconds", seconds);
        root.put("kernels", kernels);
        root.put("machine", Json.object("cpu", rbm.run.Provenance.cpuModel(), "cores",
                Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version")));
        root.put("classifier_test_accuracy", classifierAccuracy);
        RelevanceBound.Point zipf = bound.at(1);
        List<Object> curve = new ArrayList<>();
        for (RelevanceBound.Point p : bound.curve(120)) {
            curve.add(Json.object("mu", p.mu(), "resolution_bits", p.resolution(), "relevance_bits",
                    p.relevance()));
        }
        root.put("bound", Json.object("samples", bound.samples(), "log2_samples",
                Math.log(bound.samples()) / Math.log(2), "zipf", Json.object("resolution_bits", zipf.resolution(),
                        "relevance_bits", zipf.relevance()), "curve", curve));
        Map<String, Object> groupJson = new LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            groupJson.put(e.getKey(), groupSummary(e.getKey(), e.getValue()));
        }
        root.put("groups", groupJson);
        root.put("generation", generationJson());
        root.put("verdicts", verdicts().toJson());
        root.put("training_curves", trainingCurves);
        return root;
    }

    private List<Object> groupSummary(String group, List<List<LayerReport>> runs) {
        List<Object> out = new ArrayList<>();
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", sweep ? 1 : l + 1);
            m.put("width", first.width());
            m.put("runs", at.size());
            m.put("distinct", Stat.of(doubles(at, r -> r.profile().distinct())).toJson());
            m.put("resolution_bits", Stat.of(doubles(at, r -> r.entropies().resolution())).toJson());
            m.put("relevance_bits", Stat.of(doubles(at, r -> r.entropies().relevance())).toJson());
            m.put("noise_bits", Stat.of(doubles(at, r -> r.entropies().noise())).toJson());
            m.put("resolution_normalised", Stat.of(doubles(at, r -> r.entropies().normalisedResolution())).toJson());
            m.put("relevance_normalised", Stat.of(doubles(at, r -> r.entropies().normalisedRelevance())).toJson());
            m.put("mu_bound", Stat.of(doubles(at, LayerReport::muBound)).toJson());
            m.put("mu_fit", Stat.of(doubles(at, r -> r.fit().mu())).toJson());
            m.put("mu_fit_error", first.fit().error());
            m.put("fit_k_min", first.fit().kMin());
            m.put("fit_tail_states", first.fit().tail());
            m.put("fit_ks_distance", first.fit().distance());
            double hs = first.entropies().resolution();
            m.put("bound_relevance_bits", boundRelevance(hs));
            m.put("frequencies", Json.object("k", first.profile().k(), "m_k", first.profile().m()));
            m.put("rank_frequency", rbm.relevance.RankFrequency.of(first.profile()).toJson());
            out.add(m);
        }
        return out;
    }

    private List<Object> generationJson() {
        List<Object> out = new ArrayList<>();
        if (generation.isEmpty()) {
            return out;
        }
        for (int l = 0; l < generation.getFirst().size(); l++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", l + 1);
            m.put("width", config.widths()[l + 1]);
            for (String method : generation.getFirst().get(l).keySet()) {
                m.put(method, Json.object(
                        "score", generationStat(l, method, GenerationScore::score).toJson(),
                        "confidence", generationStat(l, method, GenerationScore::confidence).toJson(),
                        "label_entropy_bits", generationStat(l, method, GenerationScore::labelEntropy).toJson(),
                        "distinct_fraction", generationStat(l, method, GenerationScore::distinctFraction).toJson(),
                        "nearest_distance", generationStat(l, method, GenerationScore::nearestDistance).toJson(),
                        "label_counts_first_seed", generation.getFirst().get(l).get(method).labelCounts()));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Double> doubles(List<LayerReport> rs, ToDoubleFunction<LayerReport> f) {
        List<Double> xs = new ArrayList<>();
        for (LayerReport r : rs) {
            xs.add(f.applyAsDouble(r));
        }
        return xs;
    }
}
