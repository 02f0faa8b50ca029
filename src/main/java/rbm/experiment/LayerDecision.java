package rbm.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import rbm.experiment.Results.Stat;
import rbm.random.RandomStreams;

/**
 * The decision on the paper's third claim, that the layer best at generating training-like patterns is the Zipf
 * layer (μ closest to 1) or next to it, from scores paired by seed: {@code score[seed][layer]}, one trained stack per
 * seed, higher is better.
 *
 * <p>The rule, fixed before the run:
 * <ul>
 *   <li>z is the Zipf layer; near = {z − 1, z, z + 1} among the layers; far = the layers at distance 2 or more.</li>
 *   <li>best is the layer with the highest mean score over seeds (ties: the lower layer).</li>
 *   <li>The comparisons use a one-sided lower bound at level 1 − α′ of the mean over seeds of a paired difference,
 *       from a paired percentile bootstrap ({@link PairedBootstrap}: seeds resampled with replacement, the same
 *       resampled seeds for every layer). α′ = α / m, m the number of far layers (Bonferroni).</li>
 *   <li><b>Reproduced</b> when best is near and, for every far layer j, the bound of score[best] − score[j] is
 *       above 0.</li>
 *   <li><b>Refuted</b> when some far layer j has, for every near layer c, the bound of score[j] − score[c] above 0.
 *       </li>
 *   <li><b>Undecided</b> otherwise; also with fewer than 3 seeds, and when no layer is far.</li>
 * </ul>
 *
 * <p>Why Bonferroni over the far layers. Refuting has m chances, one per far layer, each an intersection–union test
 * over the near layers (every comparison must pass, which needs no correction of its own), so α′ = α/m bounds the
 * chance of a false refutation by α. Reproducing is an intersection–union test over the far layers, but best is
 * picked from up to 3 near layers by the same data, so the chance of a false reproduction is at most 3α′, which is α
 * or less when m ≥ 3, as in the paper's stack. Bonferroni rather than Holm: to reproduce, every far comparison must
 * pass, and one level for all keeps the power estimate a single formula.
 *
 * <p>Seeds needed, when undecided: the comparison that limits the decision is the one between best and the other
 * side (the far layers when best is near, the near layers when best is far) with the smallest ratio of mean to
 * standard deviation of its paired differences, d. Its one-sided test at level α′ passes with probability 0.8 at
 * n = ((z_{1−α′} + z_{0.8}) · sd(d) / mean(d))² seeds (normal approximation; the other comparisons are taken to pass,
 * so this is a lower estimate when several are close). When mean(d) is 0, or n would exceed 10,000, no finite number
 * of seeds is reported.
 *
 * <p>Layers count from 1 here, as in {@code results.json}.
 *
 * @param zipfLayer     the Zipf layer
 * @param bestLayer     the layer with the highest mean score; 0 without seeds
 * @param seeds         the number of seeds (rows of scores) used
 * @param alpha         α, before the correction
 * @param level         α′ = α / m, the level of every comparison's one-sided bound
 * @param resamples     the bootstrap resamples, B
 * @param bootstrapSeed the seed of the bootstrap's random stream
 * @param layers        every layer's mean score with a 95% bootstrap interval
 * @param farLayers     every far layer's paired comparisons
 * @param seedsNeeded   when undecided, the seeds that would decide with probability 0.8; {@link #NO_FINITE_NUMBER}
 *                      when none would; 0 when decided or with fewer than 3 seeds
 * @param explanation   the decision and its numbers in one paragraph, for the report
 */
public record LayerDecision(Verdict verdict, int zipfLayer, int bestLayer, int seeds, double alpha, double level,
                            int resamples, long bootstrapSeed, List<LayerMean> layers, List<FarLayer> farLayers,
                            int seedsNeeded, String explanation) {

    public static final double ALPHA = 0.05;
    public static final int RESAMPLES = 10_000;
    public static final int MIN_SEEDS = 3;
    /** The probability of a decision that the seeds needed aim at. */
    public static final double POWER = 0.8;
    /** More seeds than this counts as no finite number. */
    public static final int MAX_SEEDS = 10_000;
    public static final int NO_FINITE_NUMBER = -1;
    static final String STREAM = "layer decision bootstrap";

    public enum Verdict { REPRODUCED, REFUTED, UNDECIDED }

    /** A layer's mean score over seeds and the 95% percentile bootstrap interval of that mean. */
    public record LayerMean(int layer, double mean, double low, double high) {
    }

    /**
     * A far layer j against the others.
     *
     * @param meanDifference  the mean over seeds of score[best] − score[j]
     * @param lowerBound      its lower bound at level 1 − α′
     * @param leadLowerBound  the smallest, over near layers c, of the lower bound of score[j] − score[c]; above 0
     *                        when j refutes the claim
     */
    public record FarLayer(int layer, double meanDifference, double lowerBound, double leadLowerBound) {
    }

    /** The decision with α = 0.05 and 10,000 resamples. */
    public static LayerDecision decide(double[][] scores, int zipf, long seed) {
        return decide(scores, zipf, ALPHA, RESAMPLES, seed);
    }

    /**
     * The decision on {@code scores[seed][layer]}.
     *
     * @param zipf the Zipf layer's column in {@code scores}, from 0
     * @param seed the seed of the bootstrap's random stream
     * @throws IllegalArgumentException if rows differ in length, a score is NaN or infinite, {@code zipf} is not a
     *                                  column, α is not in (0, 0.5) or there are no resamples
     */
    public static LayerDecision decide(double[][] scores, int zipf, double alpha, int resamples, long seed) {
        check(scores, zipf, alpha, resamples);
        int n = scores.length;
        int depth = n == 0 ? 0 : scores[0].length;
        double[] mean = new double[depth];
        int best = -1;
        for (int l = 0; l < depth; l++) {
            mean[l] = stat(column(scores, l, -1)).mean();
            if (best < 0 || mean[l] > mean[best]) {
                best = l;
            }
        }
        List<Integer> near = new ArrayList<>();
        List<Integer> far = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            (Math.abs(l - zipf) <= 1 ? near : far).add(l);
        }
        double level = far.isEmpty() ? alpha : alpha / far.size();
        Text text = new Text(n, zipf, best, alpha, far.size());

        List<LayerMean> layers = new ArrayList<>();
        List<FarLayer> farLayers = new ArrayList<>();
        if (n < MIN_SEEDS) {
            for (int l = 0; l < depth; l++) {
                layers.add(new LayerMean(l + 1, mean[l], Double.NaN, Double.NaN));
            }
            for (int j : far) {
                farLayers.add(new FarLayer(j + 1, mean[best] - mean[j], Double.NaN, Double.NaN));
            }
            return new LayerDecision(Verdict.UNDECIDED, zipf + 1, best + 1, n, alpha, level, resamples, seed, layers,
                    farLayers, 0, text.tooFewSeeds(mean));
        }

        PairedBootstrap boot = new PairedBootstrap(scores, resamples, RandomStreams.create(seed, STREAM));
        for (int l = 0; l < depth; l++) {
            double[] ci = boot.interval(l, 0.05);
            layers.add(new LayerMean(l + 1, mean[l], ci[0], ci[1]));
        }
        boolean allBehindBest = !far.isEmpty();
        int refuting = -1;
        double refutingLead = 0;
        for (int j : far) {
            double bound = boot.lowerBound(best, j, level);
            double lead = Double.POSITIVE_INFINITY;
            for (int c : near) {
                lead = Math.min(lead, boot.lowerBound(j, c, level));
            }
            farLayers.add(new FarLayer(j + 1, mean[best] - mean[j], bound, lead));
            allBehindBest &= bound > 0;
            if (lead > refutingLead) {
                refuting = j;
                refutingLead = lead;
            }
        }
        LayerMean top = layers.get(best);
        if (far.isEmpty()) {
            return new LayerDecision(Verdict.UNDECIDED, zipf + 1, best + 1, n, alpha, level, resamples, seed, layers,
                    farLayers, 0, text.noFarLayers(top));
        }
        boolean bestNear = near.contains(best);
        if (bestNear && allBehindBest) {
            FarLayer closest = farLayers.stream().min(Comparator.comparingDouble(FarLayer::lowerBound)).orElseThrow();
            return new LayerDecision(Verdict.REPRODUCED, zipf + 1, best + 1, n, alpha, level, resamples, seed, layers,
                    farLayers, 0, text.reproduced(top, closest));
        }
        if (refuting >= 0) {
            return new LayerDecision(Verdict.REFUTED, zipf + 1, best + 1, n, alpha, level, resamples, seed, layers,
                    farLayers, 0, text.refuted(top, refuting, closestNear(boot, refuting, near, level), refutingLead));
        }
        List<Integer> others = bestNear ? far : near;
        int limit = -1;
        for (int c : others) {
            if (c != best && (limit < 0 || effect(scores, best, c) < effect(scores, best, limit))) {
                limit = c;
            }
        }
        Stat d = stat(column(scores, best, limit));
        int needed = seedsNeeded(d, level);
        return new LayerDecision(Verdict.UNDECIDED, zipf + 1, best + 1, n, alpha, level, resamples, seed, layers,
                farLayers, needed, text.undecided(top, bestNear, limit, d.mean(),
                        boot.lowerBound(best, limit, level), d.sd(), needed));
    }

    /**
     * The seeds at which a one-sided test at level α′ of mean(d) > 0 passes with probability 0.8, by the normal
     * approximation: ((z_{1−α′} + z_{0.8}) · sd / mean)², at least 3; {@link #NO_FINITE_NUMBER} when the mean is
     * not above 0 or the count exceeds 10,000.
     */
    private static int seedsNeeded(Stat d, double level) {
        double m = d.mean();
        if (!(m > 0)) {
            return NO_FINITE_NUMBER;
        }
        double root = (StandardNormal.quantile(1 - level) + StandardNormal.quantile(POWER)) * d.sd() / m;
        double n = Math.ceil(root * root);
        return n > MAX_SEEDS ? NO_FINITE_NUMBER : Math.max(MIN_SEEDS, (int) n);
    }

    /** The near layer c that j leads by least. */
    private static int closestNear(PairedBootstrap boot, int j, List<Integer> near, double level) {
        int closest = near.getFirst();
        for (int c : near) {
            if (boot.lowerBound(j, c, level) < boot.lowerBound(j, closest, level)) {
                closest = c;
            }
        }
        return closest;
    }

    /** mean / sd of score[i] − score[j] over seeds: the standardised effect, infinite when sd is 0. */
    private static double effect(double[][] scores, int i, int j) {
        Stat d = stat(column(scores, i, j));
        double m = d.mean();
        double s = d.sd();
        return s > 0 ? m / s : m > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    /** score[·][i] − score[·][j] over seeds; score[·][i] alone when j is −1. */
    private static double[] column(double[][] scores, int i, int j) {
        double[] d = new double[scores.length];
        for (int s = 0; s < d.length; s++) {
            d[s] = scores[s][i] - (j < 0 ? 0 : scores[s][j]);
        }
        return d;
    }

    /** The mean and the sample standard deviation (divisor n − 1). */
    private static Stat stat(double[] x) {
        return Stat.of(Arrays.stream(x).boxed().toList());
    }

    private static void check(double[][] scores, int zipf, double alpha, int resamples) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), not " + alpha);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, not " + resamples);
        }
        if (scores.length == 0) {
            return;
        }
        int depth = scores[0].length;
        if (zipf < 0 || zipf >= depth) {
            throw new IllegalArgumentException("the Zipf layer's column " + zipf + " is not one of the " + depth
                    + " columns of scores");
        }
        for (int s = 0; s < scores.length; s++) {
            if (scores[s].length != depth) {
                throw new IllegalArgumentException("scores row " + s + " has " + scores[s].length
                        + " layers, row 0 has " + depth);
            }
            for (int l = 0; l < depth; l++) {
                if (!Double.isFinite(scores[s][l])) {
                    throw new IllegalArgumentException("score of seed row " + s + ", layer column " + l + " is "
                            + scores[s][l] + ", not a finite number");
                }
            }
        }
    }

    /** The explanation's sentences, with layers counted from 1. */
    private record Text(int seeds, int zipf, int best, double alpha, int far) {

        String tooFewSeeds(double[] mean) {
            String head = seeds == 0 ? "There are no seeds." : String.format(Locale.ROOT,
                    "Over %d seed%s, layer %d has the highest mean score, %.3f; the Zipf layer, whose μ is closest "
                            + "to 1, is layer %d.", seeds, seeds == 1 ? "" : "s", best + 1, mean[best], zipf + 1);
            return head + " The paired bootstrap needs at least " + MIN_SEEDS + " seeds, so the claim is undecided.";
        }

        String noFarLayers(LayerMean top) {
            return head(top) + " Every layer is within one of the Zipf layer, so there is no layer to test the claim "
                    + "against, and it is undecided.";
        }

        String reproduced(LayerMean top, FarLayer closest) {
            return head(top) + String.format(Locale.ROOT, " It is ahead of every layer two or more from the Zipf "
                            + "layer: the smallest lower bound of its lead (%s) is %.3f, over layer %d, whose mean "
                            + "it leads by %.3f. The claim is reproduced.", bound(), closest.lowerBound(),
                    closest.layer(), closest.meanDifference());
        }

        String refuted(LayerMean top, int j, int c, double lead) {
            return head(top) + String.format(Locale.ROOT, " Layer %d, two or more from the Zipf layer, is ahead of "
                    + "every layer within one of it: the smallest lower bound of its lead (%s) is %.3f, over layer "
                    + "%d. The claim is refuted.", j + 1, bound(), lead, c + 1);
        }

        String undecided(LayerMean top, boolean bestNear, int limit, double mean, double lower, double sd,
                         int needed) {
            String power = needed == NO_FINITE_NUMBER
                    ? mean > 0 ? String.format(Locale.ROOT, "More than %,d seeds would be needed to decide: the mean "
                    + "lead is far below its standard deviation over seeds, %.3g.", MAX_SEEDS, sd)
                    : "No finite number of seeds would decide: the mean lead is 0."
                    : String.format(Locale.ROOT, "About %d seeds would decide with probability %.1f, judging by "
                    + "this lead's mean and its standard deviation over seeds, %.3g.", needed, POWER, sd);
            return head(top) + String.format(Locale.ROOT, " Layer %d's lead over layer %d, %s the Zipf layer, is not "
                            + "established: mean %.3f, lower bound %.3f (%s). %s The claim is undecided.", best + 1,
                    limit + 1, bestNear ? "two or more from" : "within one of", mean, lower, bound(), power);
        }

        private String head(LayerMean top) {
            int distance = Math.abs(best - zipf);
            String where = distance == 0 ? "the Zipf layer itself" : distance == 1 ? "next to it"
                    : distance + " layers from it";
            return String.format(Locale.ROOT, "Over %d seeds, layer %d has the highest mean score, %.3f (95%% "
                            + "interval %.3f to %.3f); the Zipf layer, whose μ is closest to 1, is layer %d, so the "
                            + "best layer is %s.", seeds, best + 1, top.mean(), top.low(), top.high(), zipf + 1,
                    where);
        }

        private String bound() {
            return "one-sided, at level 1 − " + alpha + (far <= 1 ? "" : "/" + far + ", Bonferroni over the " + far
                    + " far layers");
        }
    }
}
