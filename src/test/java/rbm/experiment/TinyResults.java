package rbm.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rbm.count.FrequencyProfile;
import rbm.evaluate.GenerationScore;
import rbm.relevance.LayerReport;
import rbm.relevance.RelevanceBound;
import rbm.run.MetricsLog;

/**
 * A tiny hand-made experiment (no training) for the report's tests: M = 200 inputs of 16 pixels, a stack 16-8-4-2,
 * two seeds, the controls and a two-width sweep.
 */
public final class TinyResults {
    public static final int M = 200;
    public static final int[] WIDTHS = {16, 8, 4, 2};

    private TinyResults() {
    }

    /** A layer sample of M states from its counts, the last count topped up so that they sum to M. */
    private static FrequencyProfile counts(long... k) {
        long sum = 0;
        for (int i = 0; i < k.length - 1; i++) {
            sum += k[i];
        }
        long[] all = k.clone();
        all[k.length - 1] = M - sum;
        return FrequencyProfile.ofCounts(all);
    }

    private static long[] ones(int n) {
        long[] k = new long[n];
        java.util.Arrays.fill(k, 1);
        return k;
    }

    private static List<LayerReport> stack(RelevanceBound bound, int shift) {
        List<FrequencyProfile> layers = List.of(
                FrequencyProfile.ofCounts(ones(M)),
                counts(40 + shift, 25, 18, 14, 12, 10, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0),
                counts(90 + shift, 60, 30, 0));
        List<LayerReport> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            out.add(LayerReport.of(Integer.toString(l + 1), WIDTHS[l + 1], 1, layers.get(l), bound));
        }
        return out;
    }

    /** The results of the tiny experiment; the first run's directory is {@code dir/runs/seed-1}. */
    public static Results of(Path dir) {
        ExperimentConfig config = new ExperimentConfig(M, WIDTHS, 1, 2, 1, new int[] {4, 8}, 4, 10, true, 1, 1);
        Results r = new Results(config);
        RelevanceBound bound = new RelevanceBound(M);
        r.bound = bound;
        r.classifierAccuracy = 0.9;
        r.kernels = "reference";
        r.seconds = 12.5;
        r.firstRun = dir.resolve("runs/seed-1");
        for (int seed = 0; seed < 2; seed++) {
            r.add(Verdicts.STACK, stack(bound, 3 * seed));
            r.add("stack deterministic", stack(bound, 10 + seed));
            List<Map<String, GenerationScore>> generation = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                Map<String, GenerationScore> scores = new LinkedHashMap<>();
                scores.put("gibbs", new GenerationScore(4, 3.0, 0.8, 1.5 + 0.1 * l, 1.0,
                        new int[] {1, 1, 2, 0, 0, 0, 0, 0, 0, 0}, 0.3 + 0.1 * l + 0.01 * seed, 0.01, new double[] {0.05, 0.2, 0.3, 0.6}));
                scores.put("empirical", new GenerationScore(4, 2.5, 0.85, 2.0 - 0.2 * l, 1.0,
                        new int[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, 0.6 - 0.05 * l + 0.01 * seed, 0.02, new double[0]));
                generation.add(scores);
            }
            r.addGeneration(generation);
        }
        r.add("untrained stack", stack(bound, 5));
        r.add("shuffled pixels", stack(bound, 7));
        for (int w : config.sweepWidths()) {
            r.add("single RBM", List.of(LayerReport.of("1", w, 1, counts(50, 30, 20, 10, 5, 5, 0), bound)));
        }
        for (int l = 1; l <= 3; l++) {
            float[] pixels = new float[4 * 16];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (i * l) % 3 == 0 ? 1 : 0;
            }
            r.samples.put(l, new float[][] {pixels, pixels.clone()});
        }
        List<MetricsLog.Row> curves = new ArrayList<>();
        for (int l = 1; l <= 3; l++) {
            curves.add(new MetricsLog.Row(l, 1, Double.NaN, 10.0 / l, -0.5, Double.NaN, Double.NaN, 0.1 * l,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        r.trainingCurves = curves;
        return r;
    }

}
