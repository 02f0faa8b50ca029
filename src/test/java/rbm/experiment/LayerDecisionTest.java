package rbm.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rbm.experiment.LayerDecision.FarLayer;
import rbm.experiment.LayerDecision.Verdict;
import rbm.io.JsonFiles;
import rbm.random.RandomStreams;

/**
 * The rule of {@link LayerDecision} on scores built so that the answer is known: clear winners near and far from the
 * Zipf layer, difference vectors whose exact bootstrap quantile is computed by hand or by enumerating every
 * resample, and normal differences whose seeds needed are checked by simulating experiments of that many seeds.
 */
class LayerDecisionTest {
    /** z_{0.95}, z_{0.8} and z_{0.975} of the standard normal distribution, from tables. */
    private static final double Z95 = 1.6448536269514722;
    private static final double Z80 = 0.8416212335729143;
    private static final double Z975 = 1.959963984540054;
    /** A layer this much behind another, seed by seed, is behind by 0.005 on average, but not clearly. */
    private static final double[] BEHIND = {0.03, -0.02, 0.03, -0.02, 0.03, -0.02, 0.03, -0.02, 0.03, -0.02};

    /** score[seed][layer] = means[layer] + sd · a standard normal draw. */
    private static double[][] normalScores(int seeds, double[] means, double sd, long seed) {
        UniformRandomProvider rng = RandomStreams.create(seed, "test scores");
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] scores = new double[seeds][means.length];
        for (double[] row : scores) {
            for (int l = 0; l < means.length; l++) {
                row[l] = means[l] + sd * normal.sample();
            }
        }
        return scores;
    }

    /** Eight layers at 0.5 but for one at 0.8; noise 0.02 over 10 seeds. */
    private static double[][] clearWinner(int winner) {
        double[] means = new double[8];
        Arrays.fill(means, 0.5);
        means[winner] = 0.8;
        return normalScores(10, means, 0.02, 1);
    }

    @ParameterizedTest
    @CsvSource({"0, REPRODUCED", "1, REPRODUCED", "-1, REPRODUCED", "2, REFUTED", "-2, REFUTED", "-3, REFUTED",
            "3, REFUTED"})
    void aClearWinnerReproducesWithinOneOfTheZipfLayerAndRefutesFurther(int offset, Verdict expected) {
        int zipf = 4;
        LayerDecision d = LayerDecision.decide(clearWinner(zipf + offset), zipf, 7);
        assertEquals(expected, d.verdict(), d.explanation());
        assertEquals(zipf + offset + 1, d.bestLayer());
        assertEquals(zipf + 1, d.zipfLayer());
        assertEquals(0, d.seedsNeeded());
        assertEquals(0.05 / 5, d.level(), 1e-15, "5 far layers, whichever layer wins");
        assertTrue(d.explanation().contains("The claim is " + expected.name().toLowerCase()), d.explanation());
        assertTrue(d.explanation().contains(String.format("layer %d has the highest mean score, %.3f", zipf + offset
                + 1, d.layers().get(zipf + offset).mean())), d.explanation());
    }

    @Test
    void equalLayersWithNoiseAreUndecidedWithAFiniteNumberOfSeedsNeeded() {
        double[] means = new double[6];
        Arrays.fill(means, 0.5);
        LayerDecision d = LayerDecision.decide(normalScores(10, means, 0.05, 2), 2, 7);
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.explanation());
        assertTrue(d.seedsNeeded() > 10 && d.seedsNeeded() <= LayerDecision.MAX_SEEDS, d.explanation());
        assertTrue(d.explanation().contains("About " + d.seedsNeeded() + " seeds would decide"), d.explanation());
    }

    /**
     * Four layers, the Zipf layer first: layer 0 = effect + noise·e₀, layer 1 = −10, layer 2 = noise·e₂, layer 3 = −5,
     * where e₀ and e₂ have mean exactly 0 over the seeds. The comparison that limits the decision is then 0 against 2,
     * with mean exactly {@code effect}; layer 3 is far behind.
     */
    private static double[][] zipfAheadOfTwoFarLayers(double effect, double noise) {
        double[][] e = normalScores(10, new double[] {0, 0}, 1, 3);
        double[][] scores = new double[10][];
        for (int l = 0; l < 2; l++) {
            double mean = 0;
            for (double[] row : e) {
                mean += row[l] / e.length;
            }
            for (double[] row : e) {
                row[l] -= mean;
            }
        }
        for (int s = 0; s < 10; s++) {
            scores[s] = new double[] {effect + noise * e[s][0], -10, noise * e[s][1], -5};
        }
        return scores;
    }

    /** ((z_{0.975} + z_{0.8}) · sd / mean)² for layer 0 − layer 2, rounded up: α′ = 0.05/2 with two far layers. */
    private static int formula(double[][] scores) {
        double[] d = new double[scores.length];
        for (int s = 0; s < d.length; s++) {
            d[s] = scores[s][0] - scores[s][2];
        }
        double mean = Arrays.stream(d).average().orElseThrow();
        double ss = Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum();
        double root = (Z975 + Z80) * Math.sqrt(ss / (d.length - 1)) / mean;
        return (int) Math.ceil(root * root);
    }

    @Test
    void seedsNeededFollowTheFormulaAndGrowAsTheEffectShrinksOrTheNoiseGrows() {
        int[] needed = new int[3];
        double[][] cases = {{0.02, 0.05}, {0.01, 0.05}, {0.02, 0.1}};
        for (int i = 0; i < 3; i++) {
            double[][] scores = zipfAheadOfTwoFarLayers(cases[i][0], cases[i][1]);
            LayerDecision d = LayerDecision.decide(scores, 0, 7);
            assertEquals(Verdict.UNDECIDED, d.verdict(), d.explanation());
            assertEquals(formula(scores), d.seedsNeeded(), d.explanation());
            needed[i] = d.seedsNeeded();
        }
        assertTrue(needed[1] > 3 * needed[0], "half the effect: about 4 times the seeds " + Arrays.toString(needed));
        assertTrue(needed[2] > 3 * needed[0], "twice the noise: about 4 times the seeds " + Arrays.toString(needed));
    }

    @Test
    void noFiniteNumberOfSeedsDecidesAMeanDifferenceOfZero() {
        double[][] level = new double[10][];
        for (int s = 0; s < 10; s++) { // layers 0 and 2 swap 0.6 and 0.4: equal means, differences ±0.2
            level[s] = s % 2 == 0 ? new double[] {0.6, -10, 0.4} : new double[] {0.4, -10, 0.6};
        }
        LayerDecision d = LayerDecision.decide(level, 0, 7);
        assertEquals(Verdict.UNDECIDED, d.verdict());
        assertEquals(1, d.bestLayer(), "a tie goes to the lower layer");
        assertEquals(LayerDecision.NO_FINITE_NUMBER, d.seedsNeeded());
        assertTrue(d.explanation().contains("No finite number of seeds"), d.explanation());

        double[][] tiny = zipfAheadOfTwoFarLayers(1e-4, 0.05);
        assertTrue(formula(tiny) > LayerDecision.MAX_SEEDS);
        LayerDecision far = LayerDecision.decide(tiny, 0, 7);
        assertEquals(LayerDecision.NO_FINITE_NUMBER, far.seedsNeeded());
        assertTrue(far.explanation().contains("More than 10,000 seeds"), far.explanation());
    }

    /**
     * Layer 0 (the Zipf layer) minus layer 2 (the one far layer) is d = (−x, 1, 1, 1, 1). A resample that draws the
     * first seed k times has mean ((5 − k) − kx)/5, and k is binomial(5, 1/5): P(k ≥ 3) = 0.05792 and
     * P(k ≥ 4) = 0.00672. At α = 0.03 the lower bound is therefore the mean at k = 3, (2 − 3x)/5, with the Monte
     * Carlo fractions more than 12 standard errors from α: just above 0 for x = 0.66, just below for x = 0.68.
     */
    @ParameterizedTest
    @CsvSource({"0.66, REPRODUCED", "0.68, UNDECIDED"})
    void aFarLayerIsBehindWhenTheLowerBoundOfItsDifferenceIsAbove0(double x, Verdict expected) {
        double[] d = {-x, 1, 1, 1, 1};
        double[][] scores = new double[5][];
        for (int s = 0; s < 5; s++) {
            scores[s] = new double[] {d[s], -10, 0};
        }
        LayerDecision decision = LayerDecision.decide(scores, 0, 0.03, 10_000, 7);
        FarLayer far = decision.farLayers().getFirst();
        assertEquals(3, far.layer());
        assertEquals((2 - 3 * x) / 5, far.lowerBound(), 1e-12);
        assertEquals(expected, decision.verdict(), decision.explanation());
    }

    /**
     * The difference of the last test with x = 0.7 at α = 0.1. With one far layer the bound is at level 0.9, and
     * P(k ≥ 2) = 0.263 ≥ 0.1 > P(k ≥ 3) puts it at k = 2, (3 − 2x)/5 > 0. A second far layer, far behind, halves the
     * level of every comparison to 0.05, and P(k ≥ 3) = 0.0579 ≥ 0.05 moves the bound to k = 3, (2 − 3x)/5 < 0.
     */
    @Test
    void theFarLayersShareAlphaByBonferroni() {
        double x = 0.7;
        double[] d = {-x, 1, 1, 1, 1};
        double[][] one = new double[5][];
        double[][] two = new double[5][];
        for (int s = 0; s < 5; s++) {
            one[s] = new double[] {d[s], -10, 0};
            two[s] = new double[] {d[s], -10, 0, -5};
        }
        LayerDecision single = LayerDecision.decide(one, 0, 0.1, 10_000, 7);
        assertEquals(Verdict.REPRODUCED, single.verdict(), single.explanation());
        assertEquals((3 - 2 * x) / 5, single.farLayers().getFirst().lowerBound(), 1e-12);
        LayerDecision corrected = LayerDecision.decide(two, 0, 0.1, 10_000, 7);
        assertEquals(0.05, corrected.level(), 1e-15);
        assertEquals(Verdict.UNDECIDED, corrected.verdict(), corrected.explanation());
        assertEquals((2 - 3 * x) / 5, corrected.farLayers().getFirst().lowerBound(), 1e-12);
    }

    /**
     * Seeds differ far more than layers do, but layer 0 beats layer 2 by exactly 0.1 on every seed. Resampling the
     * same seeds for both layers sees a difference of 0.1 every time; resampling each layer's seeds on its own would
     * see the spread between seeds.
     */
    @Test
    void theBootstrapResamplesTheSameSeedsForEveryLayer() {
        double[] seedEffect = {0, 10, -7, 3, 25, -12};
        double[][] scores = new double[6][];
        for (int s = 0; s < 6; s++) {
            scores[s] = new double[] {seedEffect[s] + 0.1, seedEffect[s] - 1, seedEffect[s]};
        }
        LayerDecision d = LayerDecision.decide(scores, 0, 7);
        assertEquals(0.1, d.farLayers().getFirst().lowerBound(), 1e-12);
        assertEquals(Verdict.REPRODUCED, d.verdict(), d.explanation());
    }

    @Test
    void toReproduceTheBestLayerMustBeAheadOfEveryFarLayer() {
        double[] means = {0.5, 0.8, 0.5, 0.5, 0.5};
        double[][] scores = normalScores(10, means, 0.02, 4);
        assertEquals(Verdict.REPRODUCED, LayerDecision.decide(scores, 1, 7).verdict());
        for (int s = 0; s < scores.length; s++) {
            scores[s][4] = scores[s][1] - BEHIND[s];
        }
        LayerDecision d = LayerDecision.decide(scores, 1, 7);
        assertEquals(2, d.bestLayer());
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.explanation());
        assertTrue(d.explanation().contains("Layer 2's lead over layer 5"), d.explanation());
    }

    @Test
    void toRefuteAFarLayerMustBeAheadOfEveryNearLayer() {
        // Zipf layer 2 (from 0): near = {1, 2, 3}, far = {0, 4, 5}. Layer 5 is far ahead of layers 1 and 2.
        double[] means = {0.1, 0.3, 0.3, 0.3, 0.1, 0.8};
        double[][] scores = normalScores(10, means, 0.02, 5);
        assertEquals(Verdict.REFUTED, LayerDecision.decide(scores, 2, 7).verdict());
        for (int s = 0; s < scores.length; s++) {
            scores[s][3] = scores[s][5] - BEHIND[s];
        }
        LayerDecision d = LayerDecision.decide(scores, 2, 7);
        assertEquals(6, d.bestLayer());
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.explanation());
        assertTrue(d.farLayers().getLast().leadLowerBound() <= 0);
        assertTrue(d.explanation().contains("Layer 6's lead over layer 4, within one of"), d.explanation());
    }

    /**
     * With 4 seeds there are 4⁴ = 256 equally likely resamples; their means give the exact bootstrap distribution.
     * The Monte Carlo quantile at p must have at least p − tol of the exact distribution at or below it and at most
     * p + tol strictly below it, tol = 4 standard errors of a fraction of 10,000 resamples.
     */
    @Test
    void theBootstrapQuantilesAgreeWithExactEnumerationOfAllResamples() {
        double[] d = {-1.0, 0.3, 2.2, 5.1};
        double[] all = new double[256];
        for (int r = 0; r < 256; r++) {
            double sum = 0;
            for (int k = 0, code = r; k < 4; k++, code /= 4) {
                sum += d[code % 4];
            }
            all[r] = sum / 4;
        }
        double[][] scores = new double[4][];
        for (int s = 0; s < 4; s++) {
            scores[s] = new double[] {d[s], -100, 0};
        }
        for (double alpha : new double[] {0.05, 0.1, 0.2, 0.3}) {
            LayerDecision decision = LayerDecision.decide(scores, 0, alpha, 10_000, 11);
            assertQuantile(all, alpha, decision.farLayers().getFirst().lowerBound());
        }
        LayerDecision.LayerMean layer1 = LayerDecision.decide(scores, 0, 11).layers().getFirst();
        assertQuantile(all, 0.025, layer1.low());
        assertQuantile(all, 0.975, layer1.high());
    }

    private static void assertQuantile(double[] exact, double p, double q) {
        double tol = 4 * Math.sqrt(p * (1 - p) / 10_000);
        double atOrBelow = Arrays.stream(exact).filter(v -> v <= q + 1e-12).count() / (double) exact.length;
        double below = Arrays.stream(exact).filter(v -> v < q - 1e-12).count() / (double) exact.length;
        assertTrue(atOrBelow >= p - tol && below <= p + tol,
                "quantile " + p + " = " + q + ": exact fractions " + below + " below, " + atOrBelow + " at or below");
    }

    @Test
    void theSameInputsAndSeedGiveTheSameDecision() {
        double[] means = {0.5, 0.52, 0.5, 0.49, 0.5};
        double[][] scores = normalScores(8, means, 0.03, 6);
        LayerDecision a = LayerDecision.decide(scores, 1, 7);
        assertEquals(a, LayerDecision.decide(scores, 1, 7));
        assertNotEquals(a.farLayers().getFirst().lowerBound(),
                LayerDecision.decide(scores, 1, 8).farLayers().getFirst().lowerBound(), "the seed is used");
    }

    /**
     * A pilot of 20 seeds whose differences (Zipf layer minus the one far layer) have mean exactly 0.3 and standard
     * deviation exactly 1 gives n = ⌈((z_{0.95} + z_{0.8}) / 0.3)²⌉ = 69 seeds. Experiments of n seeds with normal
     * differences of that mean and deviation should then decide about 80% of the time (300 experiments: the
     * fraction's standard error is 0.023). 2,000 resamples each keep the test quick.
     */
    @Test
    void experimentsWithTheSeedsNeededDecideAbout80PercentOfTheTime() {
        double[] pilot = Arrays.stream(normalScores(20, new double[] {0}, 1, 9)).mapToDouble(r -> r[0]).toArray();
        double mean = Arrays.stream(pilot).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(pilot).map(x -> (x - mean) * (x - mean)).sum() / 19);
        double[][] scores = new double[20][];
        for (int s = 0; s < 20; s++) {
            scores[s] = new double[] {0.3 + (pilot[s] - mean) / sd, -10, 0};
        }
        LayerDecision d = LayerDecision.decide(scores, 0, 7);
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.explanation());
        int n = d.seedsNeeded();
        assertEquals((int) Math.ceil(Math.pow((Z95 + Z80) / 0.3, 2)), n);

        int decided = 0;
        int experiments = 300;
        for (int e = 0; e < experiments; e++) {
            double[][] run = normalScores(n, new double[] {0.3, -10, 0}, 1, 100 + e);
            for (double[] row : run) {
                row[1] = -10;
                row[2] = 0;
            }
            decided += LayerDecision.decide(run, 0, 0.05, 2_000, e).verdict() != Verdict.UNDECIDED ? 1 : 0;
        }
        double power = decided / (double) experiments;
        assertTrue(power >= 0.65 && power <= 0.95, "decided in " + power + " of experiments with " + n + " seeds");
    }

    @Test
    void fewerThan3SeedsAreUndecidedWithTheReason() {
        for (int seeds = 0; seeds < 3; seeds++) {
            double[][] scores = clearWinner(4);
            LayerDecision d = LayerDecision.decide(Arrays.copyOf(scores, seeds), 4, 7);
            assertEquals(Verdict.UNDECIDED, d.verdict());
            assertEquals(seeds, d.seeds());
            assertTrue(d.explanation().contains("needs at least 3 seeds"), d.explanation());
        }
        assertEquals(Verdict.REPRODUCED, LayerDecision.decide(Arrays.copyOf(clearWinner(4), 3), 4, 7).verdict());
    }

    @Test
    void badScoresAreRefused() {
        double[][] scores = clearWinner(4);
        scores[3][2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerDecision.decide(scores, 4, 7));
        assertTrue(e.getMessage().contains("seed row 3, layer column 2 is NaN"), e.getMessage());
        scores[3][2] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> LayerDecision.decide(scores, 4, 7));
        scores[3] = new double[7];
        assertThrows(IllegalArgumentException.class, () -> LayerDecision.decide(scores, 4, 7));
        assertThrows(IllegalArgumentException.class, () -> LayerDecision.decide(clearWinner(4), 8, 7));
        assertThrows(IllegalArgumentException.class, () -> LayerDecision.decide(clearWinner(4), 4, 0.5, 100, 7));
    }

    @Test
    void theDecisionRoundTripsThroughJsonWithSnakeCaseKeys() {
        for (LayerDecision d : new LayerDecision[] {LayerDecision.decide(clearWinner(2), 4, 7),
                LayerDecision.decide(Arrays.copyOf(clearWinner(2), 2), 4, 7)}) {
            String json = JsonFiles.pretty(d);
            assertTrue(json.contains("\"far_layers\"") && json.contains("\"seeds_needed\""), json);
            assertEquals(d, JsonFiles.parse(json, "decision", LayerDecision.class));
        }
    }
}
