package rbm.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rbm.count.FrequencyProfile;
import rbm.evaluate.DbnBound;
import rbm.evaluate.GenerationScore;
import rbm.evaluate.StackLikelihood;
import rbm.relevance.LayerReport;
import rbm.relevance.PowerLawFit;
import rbm.relevance.RelevanceBound;
import rbm.relevance.ResolutionRelevance;

/**
 * Each rule of {@link Verdicts} just inside and just outside its threshold, on a three-layer stack of one seed
 * whose layers are given directly: H[s], H[K] as a fraction of the bound at that H[s], the power-law tail and KS
 * distance, μ of the bound, and the Gibbs score.
 */
class VerdictsTest {
    private static final int M = 1000;
    private static final int[] WIDTHS = {16, 8, 4, 2};
    private static final double[] HS = {7.0, 6.0, 5.0};
    private static final double[] RATIO = {0.9, 0.9, 0.9};
    private static final long[] TAIL = {40, 40, 40};
    private static final double[] KS = {0.05, 0.05, 0.05};
    private static final double[] MU = {3.0, 1.2, 0.5};
    private static final double[] SCORE = {0.2, 0.5, 0.3};

    /** The stack: layer l has H[s] = hs[l], H[K] = ratio[l] × the bound at hs[l], and so on. */
    private static Verdicts verdicts(double[] hs, double[] ratio, long[] tail, double[] ks, double[] mu,
                                     double[] score) {
        return results(hs, ratio, tail, ks, mu, new double[][] {score}, null).verdicts();
    }

    /**
     * The stack of one seed per row of {@code scores} (the sample score by layer), each seed's read-out the same;
     * with {@code heldout}, the held-out likelihood by seed and layer too.
     */
    private static Results results(double[] hs, double[] ratio, long[] tail, double[] ks, double[] mu,
                                   double[][] scores, double[][] heldout) {
        Results r = new Results(new ExperimentConfig(M, WIDTHS, 1, scores.length, 1, new int[0], 4, 10, false, 1,
                1));
        r.bound = new RelevanceBound(M);
        for (double[] score : scores) {
            List<LayerReport> layers = new ArrayList<>();
            List<Map<String, GenerationScore>> generation = new ArrayList<>();
            for (int l = 0; l < hs.length; l++) {
                double hk = ratio[l] * r.boundRelevance(hs[l]);
                layers.add(new LayerReport(Integer.toString(l + 1), WIDTHS[l + 1], 1, FrequencyProfile.ofCounts(M),
                        new ResolutionRelevance(M, hs[l], hk), mu[l],
                        new PowerLawFit(1.0, 0.1, 2, tail[l], ks[l])));
                int[] labels = new int[10];
                generation.add(Map.of("gibbs", new GenerationScore(4, 1, 1, 1, 1, labels, score[l], 0.01,
                        new double[0]), "empirical", new GenerationScore(4, 1, 1, 1, 1, labels, 0.1, 0.01,
                        new double[0])));
            }
            r.add(Verdicts.STACK, layers);
            r.addGeneration(generation);
        }
        if (heldout != null) {
            for (double[] seed : heldout) {
                List<DbnBound> bounds = new ArrayList<>();
                for (int l = 0; l < seed.length; l++) {
                    bounds.add(new DbnBound(l + 1, seed[l], 0.1, 0.1, 100, 10));
                }
                r.likelihood.add(new StackLikelihood(bounds, bounds, new double[seed.length],
                        new double[seed.length], new boolean[seed.length]));
            }
        }
        return r;
    }

    /** Five seeds of sample scores: layer {@code winner} (from 0) ahead of the others by {@code lead}, plus noise. */
    private static double[][] seeds(int winner, double lead, double noise) {
        double[][] x = new double[5][3];
        double[] wobble = {0.3, -0.5, 0.1, 0.4, -0.3};
        for (int s = 0; s < 5; s++) {
            for (int l = 0; l < 3; l++) {
                x[s][l] = 0.5 + (l == winner ? lead : 0) + noise * wobble[(s + 2 * l) % 5];
            }
        }
        return x;
    }

    private static String verdict3(Results r) {
        return r.verdicts().claims().get(2).verdictText();
    }

    private static boolean claim(int i, double[] hs, double[] ratio, long[] tail, double[] ks, double[] mu,
                                 double[] score) {
        return verdicts(hs, ratio, tail, ks, mu, score).claims().get(i).reproduced();
    }

    private static double[] with(double[] base, int i, double value) {
        double[] out = base.clone();
        out[i] = value;
        return out;
    }

    private static long[] with(long[] base, int i, long value) {
        long[] out = base.clone();
        out[i] = value;
        return out;
    }

    @Test
    void theBaseStackReproducesTheFirstTwoClaims() {
        Verdicts v = verdicts(HS, RATIO, TAIL, KS, MU, SCORE);
        assertEquals(List.of(true, true, false), v.claims().stream().map(Verdicts.Claim::reproduced).toList());
        assertEquals(List.of(Verdicts.REPRODUCED, Verdicts.REPRODUCED, Verdicts.UNDECIDED),
                v.claims().stream().map(Verdicts.Claim::verdictText).toList());
        assertEquals(2, v.zipfLayer(), "μ = 1.2 is closest to 1");
        assertEquals(2, v.bestGibbsLayer());
        assertEquals(1, v.bestLayer(), "every empirical score ties, so the first layer");
    }

    /** Claim 1: H[s] may rise by 0.05 bits from one layer to the next, not more. */
    @Test
    void resolutionMayRiseByAtMostAFiftiethOfABit() {
        assertTrue(claim(0, with(HS, 1, 7.049), RATIO, TAIL, KS, MU, SCORE));
        assertFalse(claim(0, with(HS, 1, 7.051), RATIO, TAIL, KS, MU, SCORE));
    }

    /** Claim 1: the median of H[K] / bound over the layers is at least 0.8. */
    @Test
    void medianRelevanceMustReachFourFifthsOfTheBound() {
        assertTrue(claim(0, HS, new double[] {0.5, 0.801, 0.9}, TAIL, KS, MU, SCORE));
        assertFalse(claim(0, HS, new double[] {0.5, 0.799, 0.9}, TAIL, KS, MU, SCORE));
    }

    /** Claim 1: a layer whose bound is below 0.5 bits does not count towards the median. */
    @Test
    void layersWithATinyBoundAreLeftOut() {
        double[] hs = {7.0, 6.0, 0.49};
        double[] ratio = {0.9, 0.75, 0.0};
        assertTrue(claim(0, hs, ratio, TAIL, KS, MU, SCORE), "median of 0.9 and 0.75");
        assertFalse(claim(0, with(hs, 2, 0.51), ratio, TAIL, KS, MU, SCORE), "median of 0.9, 0.75 and 0");
    }

    /** Claim 2: a layer is tested from 30 states in the tail, and fits at a KS distance up to 0.1. */
    @Test
    void powerLawsNeedThirtyTailStatesAndDistanceAtMostATenth() {
        long[] few = {29, 29, 29};
        assertFalse(claim(1, HS, RATIO, few, KS, MU, SCORE), "no layer tested");
        assertTrue(claim(1, HS, RATIO, with(few, 0, 30), KS, MU, SCORE));
        assertTrue(claim(1, HS, RATIO, TAIL, new double[] {0.1, 0.1, 0.2}, MU, SCORE));
        assertFalse(claim(1, HS, RATIO, TAIL, new double[] {0.1, 0.1001, 0.2}, MU, SCORE));
    }

    /** Claim 2: more than half of the tested layers must fit; half is not enough. */
    @Test
    void powerLawsNeedAMajority() {
        long[] two = {40, 40, 29};
        assertTrue(claim(1, HS, RATIO, two, new double[] {0.05, 0.05, 0.5}, MU, SCORE));
        assertFalse(claim(1, HS, RATIO, two, new double[] {0.05, 0.5, 0.05}, MU, SCORE));
    }

    /** Claim 3 needs seeds: one seed leaves every measure undecided. */
    @Test
    void oneSeedLeavesTheThirdClaimUndecided() {
        Verdicts v = verdicts(HS, RATIO, TAIL, KS, MU, SCORE);
        assertEquals(Verdicts.UNDECIDED, v.claims().get(2).verdictText());
        assertEquals(1, v.claims().get(2).decisions().size(), "the sample score only: no likelihood, no distances");
    }

    /**
     * Claim 3, paired over five seeds, μ closest to 1 at layer 1: a clear lead of layer 1 or its neighbour layer 2
     * reproduces, a lead of layer 3 (two steps away) refutes, and a lead buried in noise is undecided.
     */
    @Test
    void theThirdClaimIsDecidedOverPairedSeeds() {
        double[] zipfFirst = {1.1, 2.0, 3.0};
        assertEquals(Verdicts.REPRODUCED, verdict3(results(HS, RATIO, TAIL, KS, zipfFirst, seeds(0, 0.2, 0.01),
                null)));
        assertEquals(Verdicts.REPRODUCED, verdict3(results(HS, RATIO, TAIL, KS, zipfFirst, seeds(1, 0.2, 0.01),
                null)));
        Results far = results(HS, RATIO, TAIL, KS, zipfFirst, seeds(2, 0.2, 0.01), null);
        assertEquals(Verdicts.REFUTED, verdict3(far));
        assertFalse(far.verdicts().claims().get(2).reproduced());
        assertEquals(1, far.verdicts().zipfLayer());
        assertEquals(3, far.verdicts().bestGibbsLayer());
        Results noisy = results(HS, RATIO, TAIL, KS, zipfFirst, seeds(0, 0.01, 1.0), null);
        assertEquals(Verdicts.UNDECIDED, verdict3(noisy));
        assertTrue(noisy.verdicts().claims().get(2).decisions().getFirst().decision().seedsNeeded() != 0,
                "an undecided measure says how many seeds would decide it");
    }

    /** Claim 3 over several measures: one reproducing and one refuting is undecided; agreement decides. */
    @Test
    void measuresThatDisagreeLeaveTheClaimUndecided() {
        double[] zipfFirst = {1.1, 2.0, 3.0};
        double[][] samplesAtZipf = seeds(0, 0.2, 0.01);
        Results disagree = results(HS, RATIO, TAIL, KS, zipfFirst, samplesAtZipf, seeds(2, 5, 0.1));
        List<Verdicts.MeasureDecision> d = disagree.verdicts().claims().get(2).decisions();
        assertEquals(List.of("held-out likelihood", "training likelihood", "sample score"),
                d.stream().map(Verdicts.MeasureDecision::measure).toList());
        assertEquals(LayerDecision.Verdict.REFUTED, d.getFirst().decision().verdict());
        assertEquals(LayerDecision.Verdict.REPRODUCED, d.get(2).decision().verdict());
        assertEquals(Verdicts.UNDECIDED, verdict3(disagree));
        Results agree = results(HS, RATIO, TAIL, KS, zipfFirst, samplesAtZipf, seeds(0, 5, 0.1));
        assertEquals(Verdicts.REPRODUCED, verdict3(agree));
        Results refute = results(HS, RATIO, TAIL, KS, zipfFirst, seeds(2, 0.2, 0.01), seeds(2, 5, 0.1));
        assertEquals(Verdicts.REFUTED, verdict3(refute));
    }

    /** Claims 1 and 2 carry the quantity their rule reads, seed by seed, with a bootstrap interval of its mean. */
    @Test
    void theFirstTwoClaimsCarryAnIntervalOverSeeds() {
        Verdicts same = results(HS, RATIO, TAIL, KS, MU, seeds(0, 0.2, 0.01), null).verdicts();
        Verdicts.Interval ratio = same.claims().get(0).interval();
        assertEquals(5, ratio.seeds());
        assertEquals(0.9, ratio.mean(), 1e-9, "every layer at 0.9 of the bound in every seed");
        assertEquals(ratio.mean(), ratio.low(), 1e-12, "identical seeds: no spread");
        assertEquals(ratio.mean(), ratio.high(), 1e-12);
        Verdicts.Interval fit = same.claims().get(1).interval();
        assertEquals(1.0, fit.mean(), 1e-12, "every tested layer fits");
        assertEquals(null, same.claims().get(2).interval(), "the third claim's intervals are its decisions'");
        Results tiny = TinyResults.of(java.nio.file.Path.of("unused"));
        Verdicts.Interval spread = tiny.verdicts().claims().get(0).interval();
        assertEquals(2, spread.seeds());
        assertTrue(spread.low() < spread.high(), "two seeds with different read-outs: " + spread);
        assertTrue(spread.low() <= spread.mean() && spread.mean() <= spread.high(), spread.toString());
    }
}
