package rbm.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import rbm.evaluate.GenerationScore;
import rbm.io.OptionalKey;
import rbm.random.RandomStreams;
import rbm.relevance.LayerReport;

/**
 * Whether this run reproduces each of the paper's three claims, decided by stated rules on the stochastic read-out
 * of the trained stack (means over seeds):
 * <ol>
 *   <li>Deeper layers trade resolution for relevance and lie close to the curve of maximal relevance: H[s] never
 *       rises with depth by more than 0.05 bits, and the median over layers of H[K] / H_bound(H[s]) is at least
 *       0.8 (layers whose bound is below 0.5 bits, where every input has its own state, are left out).</li>
 *   <li>The state frequencies follow power laws: in most layers with at least 30 states in the fitted tail, the
 *       Kolmogorov–Smirnov distance between the data and the fitted discrete power law is at most 0.1.</li>
 *   <li>The layer best at generating training-like digits is the one with μ ≈ 1: decided by {@link LayerDecision}
 *       separately on each {@link GenerativeMeasure} (held-out and training likelihood, sample score, reliability),
 *       with seeds paired: reproduced, refuted or undecided, with the seeds a decision would need. The claim is
 *       reproduced when at least one measure reproduces it and none refutes it, refuted when at least one refutes
 *       and none reproduces, and undecided otherwise. States drawn from a layer's empirical distribution are scored
 *       too, but in wide layers such a state identifies its training image, so passing it down reconstructs that
 *       image rather than generating a new one; they are reported, not used for the verdict.</li>
 * </ol>
 * In {@code results.json} the best layers are {@code best_generating_layer} (by Gibbs chains, the verdict's measure)
 * and {@code best_generating_layer_empirical}.
 *
 * @param zipfLayer      the layer (from 1) whose μ is closest to 1
 * @param bestLayer      the layer with the best score by empirical states
 * @param bestGibbsLayer the layer with the best score by Gibbs chains
 */
public record Verdicts(List<Claim> claims, int zipfLayer,
                       @JsonProperty("best_generating_layer_empirical") int bestLayer,
                       @JsonProperty("best_generating_layer") int bestGibbsLayer) {

    /** What a partial {@code results.json} without verdicts holds. */
    public static final Verdicts ABSENT = new Verdicts(List.of(), 0, 0, 0);

    public Verdicts {
        claims = Objects.requireNonNullElse(claims, List.of());
    }

    public static final String REPRODUCED = "reproduced";
    public static final String NOT_REPRODUCED = "not reproduced";
    public static final String REFUTED = "refuted";
    public static final String UNDECIDED = "undecided";

    /**
     * One claim: its statement, whether it reproduced, the numbers that decided it, the verdict in words
     * ({@link #REPRODUCED}, {@link #NOT_REPRODUCED}; the third claim {@link #REFUTED} or {@link #UNDECIDED} too),
     * and for the third claim the decision of each measure.
     */
    public record Claim(String statement, boolean reproduced, String evidence, @OptionalKey String verdict,
                        @OptionalKey List<MeasureDecision> decisions, @OptionalKey Interval interval) {
        public Claim {
            decisions = Objects.requireNonNullElse(decisions, List.of());
        }

        /** The verdict in words; a file without it gives {@link #REPRODUCED} or {@link #NOT_REPRODUCED}. */
        public String verdictText() {
            return verdict != null ? verdict : reproduced ? REPRODUCED : NOT_REPRODUCED;
        }

        Claim(String statement, boolean reproduced, String evidence, Interval interval) {
            this(statement, reproduced, evidence, reproduced ? REPRODUCED : NOT_REPRODUCED, List.of(), interval);
        }
    }

    /**
     * The quantity a claim's rule reads, computed seed by seed: its mean over seeds and the 95% percentile bootstrap
     * interval of that mean (10,000 resamples of the seeds), so the verdict can be read against its uncertainty.
     */
    public record Interval(String quantity, double mean, double low, double high, int seeds) {
        static Interval of(String quantity, List<Double> perSeed, long seed) {
            double[][] column = new double[perSeed.size()][1];
            double mean = 0;
            for (int i = 0; i < column.length; i++) {
                column[i][0] = perSeed.get(i);
                mean += perSeed.get(i) / column.length;
            }
            if (column.length == 0 || !Double.isFinite(mean)) {
                return new Interval(quantity, Double.NaN, Double.NaN, Double.NaN, column.length);
            }
            double[] ci = new PairedBootstrap(column, LayerDecision.RESAMPLES,
                    RandomStreams.create(seed, "verdict interval: " + quantity)).interval(0, 0.05);
            return new Interval(quantity, mean, ci[0], ci[1], column.length);
        }

        /** "Quantity: mean, 95% interval [low, high] over n seeds", to end a sentence of evidence. */
        public String text() {
            String q = quantity.isEmpty() ? quantity
                    : Character.toUpperCase(quantity.charAt(0)) + quantity.substring(1);
            return String.format(Locale.ROOT, "%s: %.3f, 95%% interval [%.3f, %.3f] over %d seed%s", q, mean, low,
                    high, seeds, seeds == 1 ? "" : "s");
        }
    }

    /** The third claim's rule applied to one measure (see {@link LayerDecision}). */
    public record MeasureDecision(String measure, String unit, LayerDecision decision) {
    }

    public static final String STACK = "stack stochastic";

    static Verdicts of(Results r) {
        int depth = r.config.depth();
        double[] hs = new double[depth];
        double[] hk = new double[depth];
        double[] mu = new double[depth];
        for (int l = 0; l < depth; l++) {
            hs[l] = r.stat(STACK, l, x -> x.entropies().resolution()).mean();
            hk[l] = r.stat(STACK, l, x -> x.entropies().relevance()).mean();
            mu[l] = r.stat(STACK, l, LayerReport::muBound).mean();
        }
        List<Claim> claims = new ArrayList<>();

        int rises = 0;
        StringBuilder res = new StringBuilder();
        for (int l = 0; l < depth; l++) {
            res.append(String.format(Locale.ROOT, "%s%.2f", l == 0 ? "" : ", ", hs[l]));
            if (l > 0 && hs[l] > hs[l - 1] + 0.05) {
                rises++;
            }
        }
        List<Double> ratios = new ArrayList<>();
        StringBuilder rel = new StringBuilder();
        for (int l = 0; l < depth; l++) {
            double b = r.boundRelevance(hs[l]);
            rel.append(String.format(Locale.ROOT, "%s%.2f/%.2f", l == 0 ? "" : ", ", hk[l], b));
            if (b >= 0.5) {
                ratios.add(hk[l] / b);
            }
        }
        double median = median(ratios);
        boolean claim1 = rises == 0 && median >= 0.8;
        List<Double> medians = new ArrayList<>();
        for (List<LayerReport> run : r.groups.get(STACK)) {
            List<Double> own = new ArrayList<>();
            for (int l = 0; l < depth && l < run.size(); l++) {
                double b = r.boundRelevance(run.get(l).entropies().resolution());
                if (b >= 0.5) {
                    own.add(run.get(l).entropies().relevance() / b);
                }
            }
            if (!own.isEmpty()) {
                medians.add(median(own));
            }
        }
        Interval ratioInterval = Interval.of("the median ratio H[K] / bound, seed by seed", medians,
                r.config.firstSeed());
        claims.add(new Claim("Deeper layers trade resolution for relevance, and lie close to the curve of maximal "
                + "relevance.", claim1, String.format(Locale.ROOT,
                "H[s] by layer (bits): %s; H[s] rises with depth at %d of %d steps. H[K] / bound by layer: %s; "
                        + "median ratio %.2f (rule: no rise and median at least 0.80). %s.",
                res, rises, depth - 1, rel, median, ratioInterval.text()), ratioInterval));

        int tested = 0;
        int consistent = 0;
        StringBuilder fits = new StringBuilder();
        for (int l = 0; l < depth; l++) {
            LayerReport first = r.groups.get(STACK).getFirst().get(l);
            if (first.fit().tail() >= 30) {
                tested++;
                boolean ok = first.fit().distance() <= 0.1;
                consistent += ok ? 1 : 0;
                fits.append(String.format(Locale.ROOT, "%slayer %d: μ = %.2f ± %.2f, D = %.3f", fits.isEmpty() ? ""
                        : "; ", l + 1, first.fit().mu(), first.fit().error(), first.fit().distance()));
            }
        }
        boolean claim2 = tested > 0 && consistent * 2 > tested;
        List<Double> fractions = new ArrayList<>();
        for (List<LayerReport> run : r.groups.get(STACK)) {
            int own = 0;
            int ownFit = 0;
            for (LayerReport layer : run) {
                if (layer.fit().tail() >= 30) {
                    own++;
                    ownFit += layer.fit().distance() <= 0.1 ? 1 : 0;
                }
            }
            if (own > 0) {
                fractions.add((double) ownFit / own);
            }
        }
        Interval fitInterval = Interval.of("the fraction of tested layers that fit, seed by seed", fractions,
                r.config.firstSeed());
        claims.add(new Claim("The state frequencies follow power laws.", claim2, String.format(Locale.ROOT,
                "%d of %d layers with at least 30 states in the fitted tail have a Kolmogorov–Smirnov distance at "
                        + "most 0.1 (first seed): %s. %s.", consistent, tested, fits.isEmpty() ? "none" : fits,
                fitInterval.text()), fitInterval));

        int zipf = 0;
        for (int l = 1; l < depth; l++) {
            if (Math.abs(mu[l] - 1) < Math.abs(mu[zipf] - 1)) {
                zipf = l;
            }
        }
        int best = argmaxScore(r, "empirical");
        int bestGibbs = argmaxScore(r, "gibbs");
        List<MeasureDecision> decisions = new ArrayList<>();
        int reproduced = 0;
        int refuted = 0;
        StringBuilder by = new StringBuilder();
        for (GenerativeMeasure m : GenerativeMeasure.values()) {
            double[][] x = m.perSeed(r);
            if (x.length == 0 || !allFinite(x)) {
                continue;
            }
            LayerDecision d = LayerDecision.decide(x, zipf, RandomStreams.seedFor(r.config.firstSeed(),
                    "verdict: " + m.label));
            decisions.add(new MeasureDecision(m.label, m.unit, d));
            reproduced += d.verdict() == LayerDecision.Verdict.REPRODUCED ? 1 : 0;
            refuted += d.verdict() == LayerDecision.Verdict.REFUTED ? 1 : 0;
            by.append(String.format(Locale.ROOT, "%s%s: %s (best layer %d)", by.isEmpty() ? "" : "; ", m.label,
                    d.verdict().name().toLowerCase(Locale.ROOT), d.bestLayer()));
        }
        String verdict3 = decisions.isEmpty() ? UNDECIDED
                : reproduced > 0 && refuted == 0 ? REPRODUCED
                : refuted > 0 && reproduced == 0 ? REFUTED : UNDECIDED;
        claims.add(new Claim("The layer best at generating training-like digits is the one with μ ≈ 1.",
                verdict3.equals(REPRODUCED), String.format(Locale.ROOT, "μ closest to 1: layer %d (μ = %.2f, %d "
                        + "units). By measure, over %d seeds: %s. With states drawn from each layer's empirical "
                        + "distribution, the best score is layer %d's (not a measure of generation: see the rule).",
                        zipf + 1, mu[zipf], r.config.widths()[zipf + 1], r.generation.size(),
                        by.isEmpty() ? "no measure" : by, best + 1), verdict3, decisions, null));
        return new Verdicts(claims, zipf + 1, best + 1, bestGibbs + 1);
    }

    private static boolean allFinite(double[][] x) {
        for (double[] row : x) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int argmaxScore(Results r, String method) {
        if (r.generation.isEmpty()) {
            return -1;
        }
        int best = 0;
        for (int l = 1; l < r.config.depth(); l++) {
            if (r.generationStat(l, method, GenerationScore::score).mean()
                    > r.generationStat(best, method, GenerationScore::score).mean()) {
                best = l;
            }
        }
        return best;
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
