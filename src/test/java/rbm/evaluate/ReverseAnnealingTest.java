package rbm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.ExactLikelihood;
import rbm.model.Rbm;
import rbm.random.RandomStreams;

/**
 * RAISE against the exact mean log p(v), and beside AIS. The rows are drawn exactly from the model itself, so that
 * the mean of log p_fwd(v) − log p(v) is −KL(p ‖ p_fwd) &lt; 0 whatever the model: RAISE's expected estimate lies
 * below the truth by that much and more, AIS's above it (E[log Ẑ] ≤ log Z), and with few steps both gaps show.
 */
class ReverseAnnealingTest {
    private static final int ROWS = 300;
    private static Compute compute;

    @BeforeAll
    static void start() {
        compute = Compute.create(2);
    }

    @AfterAll
    static void stop() {
        compute.close();
    }

    /** {@code rows} visible rows drawn from p(v) by enumerating every v, p(v) = e^−F(v) / Z. */
    static float[] exactSamples(Rbm rbm, int rows, long seed) {
        int nv = rbm.visible();
        int patterns = 1 << nv;
        float[] all = new float[patterns * nv];
        for (int v = 0; v < patterns; v++) {
            for (int i = 0; i < nv; i++) {
                all[v * nv + i] = v >> i & 1;
            }
        }
        double[] freeEnergy = FreeEnergies.of(rbm, compute, all, patterns);
        double logZ = ExactLikelihood.logPartition(rbm, compute);
        double[] cumulative = new double[patterns];
        double total = 0;
        for (int v = 0; v < patterns; v++) {
            total += Math.exp(-freeEnergy[v] - logZ);
            cumulative[v] = total;
        }
        UniformRandomProvider rng = RandomStreams.create(seed, "exact samples");
        float[] out = new float[rows * nv];
        for (int r = 0; r < rows; r++) {
            double u = rng.nextDouble() * total;
            int v = 0;
            while (v < cumulative.length - 1 && cumulative[v] <= u) {
                v++;
            }
            for (int i = 0; i < nv; i++) {
                out[r * nv + i] = v >> i & 1;
            }
        }
        return out;
    }

    private static void assertBracketed(Rbm rbm) {
        String shape = rbm.visible() + "-" + rbm.hidden();
        float[] v = exactSamples(rbm, ROWS, 1);
        double exact = ExactLikelihood.meanLogLikelihood(rbm, compute, v, ROWS);
        BaseRateModel base = BaseRateModel.fromData(v, ROWS, rbm.visible());
        AnnealingSchedule few = AnnealingSchedule.of(3);
        // a RAISE run averages over the rows already; AIS's bias is that of the log of a mean of 5 weights, which
        // takes many runs to show against their spread
        double[] raise = new double[12];
        for (int s = 0; s < raise.length; s++) {
            raise[s] = new ReverseAnnealing(few, 1, s).estimate(rbm, base, v, ROWS, compute).meanLogLikelihood();
        }
        double[] ais = new double[400];
        for (int s = 0; s < ais.length; s++) {
            ais[s] = new AnnealedImportanceSampling(few, 5, s).logPartition(rbm, base, compute)
                    .meanLogLikelihood(rbm, compute, v, ROWS);
        }
        String report = String.format(Locale.ROOT, "%s: exact %.4f, RAISE %.4f ± %.4f, AIS %.4f ± %.4f", shape,
                exact, mean(raise), standardError(raise), mean(ais), standardError(ais));
        System.out.println(report);
        assertTrue(mean(raise) + 3 * standardError(raise) < exact, report);
        assertTrue(mean(ais) - 3 * standardError(ais) > exact, report);
    }

    @Test
    void withFewStepsRaiseFallsBelowTheTruthAndAisAboveOverRepeatedRuns() {
        assertBracketed(BruteForceAccess.randomRbm(10, 8, 2, 21)); // reverse chains over v
        assertBracketed(BruteForceAccess.randomRbm(5, 9, 1, 21)); // over h, started at h ~ p(h | v)
    }

    @Test
    void withManyStepsRaiseComesWithinAFewHundredthsOfTheTruth() {
        Rbm[] models = {BruteForceAccess.randomRbm(8, 6, 1.5, 21), BruteForceAccess.randomRbm(5, 9, 1.5, 22)};
        for (Rbm rbm : models) {
            float[] v = exactSamples(rbm, ROWS, 2);
            double exact = ExactLikelihood.meanLogLikelihood(rbm, compute, v, ROWS);
            BaseRateModel base = BaseRateModel.fromData(v, ROWS, rbm.visible());
            ReverseEstimate e = new ReverseAnnealing(AnnealingSchedule.of(2_000), 1, 3)
                    .estimate(rbm, base, v, ROWS, compute);
            String report = String.format(Locale.ROOT, "%d-%d: exact %.4f, RAISE %.4f ± %.4f", rbm.visible(),
                    rbm.hidden(), exact, e.meanLogLikelihood(), e.stderr());
            System.out.println(report);
            assertEquals(exact, e.meanLogLikelihood(), 0.05, report);
            assertEquals(ROWS, e.rows());
        }
    }

    @Test
    void sameSeedAndThreadsGiveTheSameNumbersAnotherSeedOthers() {
        Rbm rbm = BruteForceAccess.randomRbm(30, 20, 0.5, 6);
        float[] v = new float[20 * 30];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 < 3 ? 1 : 0;
        }
        BaseRateModel base = BaseRateModel.fromData(v, 20, 30);
        AnnealingSchedule schedule = AnnealingSchedule.of(200);
        ReverseEstimate a = new ReverseAnnealing(schedule, 2, 7).estimate(rbm, base, v, 20, compute);
        ReverseEstimate b = new ReverseAnnealing(schedule, 2, 7).estimate(rbm, base, v, 20, compute);
        ReverseEstimate c = new ReverseAnnealing(schedule, 2, 8).estimate(rbm, base, v, 20, compute);
        assertEquals(a, b);
        assertNotEquals(a.meanLogLikelihood(), c.meanLogLikelihood());
    }

    @Test
    void rejectsRowsThatAreNotBinaryOrTooShort() {
        Rbm rbm = BruteForceAccess.randomRbm(4, 3, 1, 1);
        ReverseAnnealing raise = new ReverseAnnealing(AnnealingSchedule.of(2), 1, 1);
        BaseRateModel base = new BaseRateModel(new float[4]);
        assertThrows(IllegalArgumentException.class,
                () -> raise.estimate(rbm, base, new float[] {1, 0, 0.5f, 1}, 1, compute));
        assertThrows(IllegalArgumentException.class,
                () -> raise.estimate(rbm, base, new float[] {1, 0, 1}, 1, compute));
        assertThrows(IllegalArgumentException.class, () -> raise.estimate(rbm, base, new float[0], 0, compute));
    }

    private static double mean(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m += x;
        }
        return m / xs.length;
    }

    private static double standardError(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.length - 1) / xs.length);
    }
}
