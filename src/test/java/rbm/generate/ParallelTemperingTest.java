package rbm.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;

/**
 * Parallel tempering against exact enumeration of an RBM with two modes that plain Gibbs chains do not cross, its swap
 * rule against detailed balance, and its determinism and diagnostics.
 */
class ParallelTemperingTest {
    private static final int VISIBLE = 8;
    private static final int HIDDEN = 3;
    /** Hidden unit 0 turns units 0–3 on and 4–7 off, unit 1 the reverse; block Gibbs relaxes in about 1,700 steps. */
    private static final double COUPLING = 6;
    private static final TemperatureLadder LADDER = TemperatureLadder.linear(10, 0.1);

    /**
     * Two modes, 11110000 and 00001111 (p ≈ 0.52 and 0.33, the rest spread over their neighbours), separated by
     * states of energy about 4·COUPLING higher: W_i0 = ±COUPLING, W_i1 = ∓COUPLING, c = −1.5·COUPLING, b = −COUPLING/2
     * (+0.4 on the first four), and a weak third hidden unit that breaks the symmetry.
     */
    static Rbm twoModes() {
        float[] w = new float[VISIBLE * HIDDEN];
        float[] b = new float[VISIBLE];
        for (int i = 0; i < VISIBLE; i++) {
            double s = i < VISIBLE / 2 ? 1 : -1;
            w[i * HIDDEN] = (float) (COUPLING * s);
            w[i * HIDDEN + 1] = (float) (-COUPLING * s);
            w[i * HIDDEN + 2] = (float) (-0.5 + i / 7.0);
            b[i] = (float) (-COUPLING / 2 + (i < VISIBLE / 2 ? 0.4 : 0));
        }
        float[] c = {(float) (-1.5 * COUPLING), (float) (-1.5 * COUPLING), 0};
        return new Rbm(VISIBLE, HIDDEN, w, b, c);
    }

    /** p(v) for every visible state, bit i of the index being unit i. */
    private static double[] exact(Rbm rbm) {
        double[] p = new double[1 << rbm.visible()];
        for (int v = 0; v < p.length; v++) {
            p[v] = Math.exp(BruteForceAccess.logProbability(rbm, v));
        }
        return p;
    }

    /** How often each visible state occurs among the rows of {@code v}. */
    private static long[] counts(float[] v, int nv) {
        long[] counts = new long[1 << nv];
        for (int r = 0; r < v.length / nv; r++) {
            int s = 0;
            for (int i = 0; i < nv; i++) {
                s |= (v[r * nv + i] == 1f ? 1 : 0) << i;
            }
            counts[s]++;
        }
        return counts;
    }

    /** The RBM that replica β samples: βW, βc and βb + (1 − β)a. */
    private static Rbm tempered(Rbm rbm, float[] base, double beta) {
        float[] w = rbm.weights().clone();
        float[] b = rbm.visibleBias().clone();
        float[] c = rbm.hiddenBias().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= (float) beta;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (beta * b[i] + (1 - beta) * base[i]);
        }
        for (int j = 0; j < c.length; j++) {
            c[j] *= (float) beta;
        }
        return new Rbm(rbm.visible(), rbm.hidden(), w, b, c);
    }

    @Test
    void theModelHasTwoWellSeparatedModes() {
        double[] p = exact(twoModes());
        assertTrue(p[0x0F] > 0.4 && p[0xF0] > 0.25, "modes 11110000 and 00001111: " + p[0x0F] + ", " + p[0xF0]);
    }

    @Test
    void temperedSamplesMatchTheExactDistribution() {
        Rbm rbm = twoModes();
        int chains = 1000;
        try (Compute compute = Compute.create(2)) {
            ParallelTempering pt = new ParallelTempering(compute, new DeepBeliefNet(List.of(rbm)), 7, LADDER);
            // 20 samples per chain, 30 sweeps apart: more than the time of a round trip through the ladder
            float[] v = pt.visibleStates(1, chains, 900, 300, 30);
            assertEquals(20 * chains * VISIBLE, v.length);
            ChiSquare.Result r = ChiSquare.test(counts(v, VISIBLE), exact(rbm));
            assertTrue(r.degreesOfFreedom() >= 20, r.toString());
            assertTrue(r.pValue() > 0.001, r.toString());
        }
    }

    @Test
    void gibbsChainsStartedInOneModeFailTheSameTest() {
        Rbm rbm = twoModes();
        int chains = 1000;
        int kept = 20;
        float[] samples = new float[kept * chains * VISIBLE];
        try (Compute compute = Compute.create(2)) {
            BernoulliSampler sampler = BernoulliSampler.create(compute, 7, "gibbs from one mode", VISIBLE);
            float[] v = new float[chains * VISIBLE];
            float[] h = new float[chains * HIDDEN];
            for (int c = 0; c < chains; c++) {
                Arrays.fill(v, c * VISIBLE + VISIBLE / 2, (c + 1) * VISIBLE, 1f); // 00001111
            }
            // as many sweeps as the tempered test keeps, all from the mode the chains start in
            for (int s = 1; s <= 50 * kept; s++) {
                rbm.hiddenProbabilities(compute, v, chains, h);
                sampler.sample(h, h, chains, HIDDEN);
                rbm.visibleProbabilities(compute, h, chains, v);
                sampler.sample(v, v, chains, VISIBLE);
                if (s % 50 == 0) {
                    System.arraycopy(v, 0, samples, (s / 50 - 1) * chains * VISIBLE, chains * VISIBLE);
                }
            }
        }
        ChiSquare.Result r = ChiSquare.test(counts(samples, VISIBLE), exact(rbm));
        assertTrue(r.pValue() < 1e-6, r.toString());
    }

    @Test
    void everyReplicaSamplesItsOwnTemperature() {
        Rbm rbm = twoModes();
        float[] base = {-1, -0.5f, 0, 0.5f, 1, -2, 2, 0.25f};
        int chains = 1000;
        int[] checked = {3, 9}; // β = 0.7 and β = 0.1
        long[][] counts = new long[checked.length][1 << VISIBLE];
        try (Compute compute = Compute.create(2)) {
            BernoulliSampler sampler = BernoulliSampler.create(compute, 3, "replicas", VISIBLE);
            TemperedChains pt = new TemperedChains(compute, rbm, base, LADDER, chains, sampler,
                    RandomStreams.create(3, "replica swaps"));
            for (int s = 1; s <= 480; s++) {
                pt.sweep();
                if (s > 150 && s % 30 == 0) {
                    for (int i = 0; i < checked.length; i++) {
                        int from = checked[i] * chains * VISIBLE;
                        long[] c = counts(Arrays.copyOfRange(pt.visible(), from, from + chains * VISIBLE), VISIBLE);
                        for (int x = 0; x < c.length; x++) {
                            counts[i][x] += c[x];
                        }
                    }
                }
            }
        }
        for (int i = 0; i < checked.length; i++) {
            double beta = LADDER.beta(checked[i]);
            ChiSquare.Result r = ChiSquare.test(counts[i], exact(tempered(rbm, base, beta)));
            assertTrue(r.pValue() > 0.001, "β " + beta + ": " + r);
        }
    }

    /** A joint state (v, h) of a tiny RBM, v in the low bits. */
    private record State(float[] v, float[] h) {
        static State of(int bits, int nv, int nh) {
            float[] v = new float[nv];
            float[] h = new float[nh];
            for (int i = 0; i < nv; i++) {
                v[i] = bits >> i & 1;
            }
            for (int j = 0; j < nh; j++) {
                h[j] = bits >> (nv + j) & 1;
            }
            return new State(v, h);
        }

        /** −E(v, h) = bᵀv + cᵀh + vᵀWh. */
        double negativeEnergy(Rbm rbm) {
            double e = 0;
            for (int i = 0; i < v.length; i++) {
                e += rbm.visibleBias()[i] * v[i];
                for (int j = 0; j < h.length; j++) {
                    e += v[i] * rbm.weights()[i * h.length + j] * h[j];
                }
            }
            for (int j = 0; j < h.length; j++) {
                e += rbm.hiddenBias()[j] * h[j];
            }
            return e;
        }

        /** log p*_β(v, h) = −β·E + (1 − β)·aᵀv, unnormalised. */
        double logDensity(Rbm rbm, float[] base, double beta) {
            double a = 0;
            for (int i = 0; i < v.length; i++) {
                a += base[i] * v[i];
            }
            return beta * negativeEnergy(rbm) + (1 - beta) * a;
        }

        double swapEnergy(Rbm rbm, float[] base) {
            float[] vw = new float[h.length];
            for (int j = 0; j < h.length; j++) {
                for (int i = 0; i < v.length; i++) {
                    vw[j] += v[i] * rbm.weights()[i * h.length + j];
                }
            }
            return TemperedChains.swapEnergy(rbm, base, v, 0, h, 0, vw, 0);
        }
    }

    @Test
    void aSwapKeepsTheProductOfTheTwoTemperaturesInDetailedBalance() {
        int nv = 3;
        int nh = 2;
        Rbm rbm = BruteForceAccess.randomRbm(nv, nh, 1.5, 5);
        float[] base = {0.3f, -1.2f, 0.8f};
        double hot = 0.35;
        int below1 = 0;
        for (int x = 0; x < 1 << (nv + nh); x++) {
            for (int y = 0; y < 1 << (nv + nh); y++) {
                State sx = State.of(x, nv, nh);
                State sy = State.of(y, nv, nh);
                // (x at β = 1, y at β = hot) → (y at 1, x at hot) and back
                double forward = sx.logDensity(rbm, base, 1) + sy.logDensity(rbm, base, hot)
                        + Math.log(TemperedChains.acceptance(1, hot, sx.swapEnergy(rbm, base), sy.swapEnergy(rbm, base)));
                double backward = sy.logDensity(rbm, base, 1) + sx.logDensity(rbm, base, hot)
                        + Math.log(TemperedChains.acceptance(1, hot, sy.swapEnergy(rbm, base), sx.swapEnergy(rbm, base)));
                assertEquals(forward, backward, 1e-5, "states " + x + ", " + y);
                if (TemperedChains.acceptance(1, hot, sx.swapEnergy(rbm, base), sy.swapEnergy(rbm, base)) < 1) {
                    below1++;
                }
            }
        }
        assertTrue(below1 > 100, "many proposals are rejected sometimes: " + below1);
    }

    @Test
    void acceptanceByHand() {
        // a 1×1 RBM, W = 2, b = 0.5, c = −1, uniform base: E(1, 1) = −1.5, E(0, 0) = 0
        Rbm rbm = new Rbm(1, 1, new float[] {2}, new float[] {0.5f}, new float[] {-1});
        float[] none = {0};
        double g11 = TemperedChains.swapEnergy(rbm, none, new float[] {1}, 0, new float[] {1}, 0, new float[] {2}, 0);
        double g00 = TemperedChains.swapEnergy(rbm, none, new float[] {0}, 0, new float[] {0}, 0, new float[] {0}, 0);
        assertEquals(-1.5, g11, 1e-12);
        assertEquals(0, g00, 1e-12);
        // (0,0) at β = 1 and (1,1) at β = 0.5: the exchange raises the density, exp(0.5 · 1.5) > 1
        assertEquals(1, TemperedChains.acceptance(1, 0.5, g00, g11));
        // the reverse exchange: exp(0.5 · (−1.5))
        assertEquals(Math.exp(-0.75), TemperedChains.acceptance(1, 0.5, g11, g00), 1e-15);
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(twoModes()));
        try (Compute compute = Compute.create(2)) {
            ParallelTempering first = new ParallelTempering(compute, dbn, 9, LADDER);
            ParallelTempering again = new ParallelTempering(compute, dbn, 9, LADDER);
            float[] a = first.visibleStates(1, 64, 40, 10, 3);
            float[] b = again.visibleStates(1, 64, 40, 10, 3);
            float[] c = new ParallelTempering(compute, dbn, 10, LADDER).visibleStates(1, 64, 40, 10, 3);
            assertArrayEquals(a, b);
            assertArrayEquals(first.diagnostics().swapRates(), again.diagnostics().swapRates());
            assertArrayEquals(first.diagnostics().meanFreeEnergy(), again.diagnostics().meanFreeEnergy());
            assertFalse(Arrays.equals(a, c), "another seed gives other chains");
        }
    }

    @Test
    void theDefaultBaseIsTheRbmsOwnVisibleBiases() {
        Rbm rbm = twoModes();
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(rbm));
        try (Compute compute = Compute.create(2)) {
            float[] byDefault = new ParallelTempering(compute, dbn, 5, LADDER).visibleStates(1, 64, 30, 0, 3);
            float[] own = new ParallelTempering(compute, dbn, 5, LADDER).visibleStates(1, 64, 30, 0, 3,
                    rbm.visibleBias().clone());
            float[] uniform = new ParallelTempering(compute, dbn, 5, LADDER).visibleStates(1, 64, 30, 0, 3,
                    new float[VISIBLE]);
            assertArrayEquals(own, byDefault);
            assertFalse(Arrays.equals(uniform, byDefault), "a uniform base gives other chains");
        }
    }

    @Test
    void swapRatesAreFractionsAndNearOneForNearlyEqualTemperatures() {
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(twoModes()));
        try (Compute compute = Compute.create(2)) {
            ParallelTempering wide = new ParallelTempering(compute, dbn, 1, LADDER);
            wide.visibleStates(1, 200, 100, 0, 1);
            for (double rate : wide.diagnostics().swapRates()) {
                assertTrue(rate >= 0 && rate <= 1, "rate " + rate);
            }
            ParallelTempering close = new ParallelTempering(compute, dbn, 1,
                    new TemperatureLadder(new double[] {1, 0.999, 0.998, 0.997}));
            close.visibleStates(1, 200, 100, 0, 1);
            double[] rates = close.diagnostics().swapRates();
            assertEquals(3, rates.length);
            for (double rate : rates) {
                assertTrue(rate > 0.97, "nearly equal temperatures swap almost always: " + Arrays.toString(rates));
            }
            double[] far = wide.diagnostics().swapRates();
            assertTrue(Arrays.stream(far).min().orElseThrow() < 0.97, "wide gaps reject some: " + Arrays.toString(far));
        }
    }

    /** F(v) = −bᵀv − Σ_j softplus(c_j + Σ_i v_i W_ij) for the visible state with bits {@code state}, in double. */
    private static double freeEnergy(Rbm rbm, int state) {
        int nh = rbm.hidden();
        double f = 0;
        for (int i = 0; i < rbm.visible(); i++) {
            f -= rbm.visibleBias()[i] * (state >> i & 1);
        }
        for (int j = 0; j < nh; j++) {
            double x = rbm.hiddenBias()[j];
            for (int i = 0; i < rbm.visible(); i++) {
                x += rbm.weights()[i * nh + j] * (state >> i & 1);
            }
            f -= Rbm.softplus(x);
        }
        return f;
    }

    @Test
    void theTraceIsTheMeanFreeEnergyOfTheColdChains() {
        Rbm rbm = twoModes();
        int chains = 16;
        int steps = 12;
        try (Compute compute = Compute.create(2)) {
            ParallelTempering pt = new ParallelTempering(compute, new DeepBeliefNet(List.of(rbm)), 4, LADDER);
            float[] v = pt.visibleStates(1, chains, steps, 0, 1);
            double[] trace = pt.diagnostics().meanFreeEnergy();
            assertEquals(steps + 1, trace.length, "the start and every sweep");
            for (int s = 1; s <= steps; s++) {
                long[] counts = counts(Arrays.copyOfRange(v, (s - 1) * chains * VISIBLE, s * chains * VISIBLE), VISIBLE);
                double mean = 0;
                for (int state = 0; state < counts.length; state++) {
                    mean += counts[state] * freeEnergy(rbm, state);
                }
                assertEquals(mean / chains, trace[s], 1e-4, "sweep " + s);
            }
        }
    }

    @Test
    void gibbsChainsTraceTheirMeanFreeEnergy() {
        Rbm rbm = BruteForceAccess.randomRbm(6, 3, 1.0, 2);
        double[] p = exact(rbm);
        double expected = 0;
        for (int v = 0; v < p.length; v++) {
            expected += p[v] * freeEnergy(rbm, v);
        }
        try (Compute compute = Compute.create(2)) {
            FreeEnergyTrace trace = new FreeEnergyTrace(5);
            new GibbsSampler(compute, new DeepBeliefNet(List.of(rbm)), 1).sample(1, 4000, 100, trace);
            MixingDiagnostics d = MixingDiagnostics.gibbs(trace);
            assertEquals(0, d.swapRates().length, "no swaps");
            assertEquals(5, d.traceEvery());
            double[] values = d.meanFreeEnergy();
            assertEquals(20, values.length, "steps 0, 5, …, 95");
            double late = Arrays.stream(values, 10, 20).average().orElseThrow();
            // each value averages 4000 chains (the free energy's spread is about 1): the mean of ten is within 0.05
            assertEquals(expected, late, 0.05);
        }
    }

    @Test
    void samplesPassDownToTheDataLayer() {
        Rbm bottom = BruteForceAccess.randomRbm(5, VISIBLE, 1.0, 8);
        DeepBeliefNet dbn = new DeepBeliefNet(List.of(bottom, twoModes()));
        try (Compute compute = Compute.create(2)) {
            ParallelTempering pt = new ParallelTempering(compute, dbn, 2, 4);
            float[] pixels = pt.sample(2, 10, 5);
            assertEquals(10 * 5, pixels.length);
            for (float x : pixels) {
                assertTrue(x > 0 && x < 1, "pixel probabilities: " + x);
            }
            assertEquals(TemperatureLadder.standard(4), pt.ladder());
            assertEquals(4, pt.diagnostics().betas().length);
        }
    }
}
