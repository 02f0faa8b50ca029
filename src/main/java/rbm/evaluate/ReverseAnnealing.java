package rbm.evaluate;

import rbm.kernels.Compute;
import rbm.model.Rbm;

/**
 * RAISE (Burda, Grosse &amp; Salakhutdinov 2015): AIS run backwards from a data row, for a conservative estimate of
 * log p(v). Forward annealing ({@link AnnealedImportanceSampling}) followed by one more transition at β = 1 is a
 * generative model of its own, p_fwd, and when it anneals well p_fwd ≈ p. A reverse chain starts at x_K = v (or at
 * x_K ~ p(h | v) when the state is the hidden layer) and runs the same transitions in the other order, each
 * reversible with respect to its p_β; its weight
 * <pre>
 *   log ŵ = −F(v) − log Z_A − Σ_{k=0..K−1} [log p*_{β_{k+1}}(x_k) − log p*_{β_k}(x_k)],
 *   x_k ~ T_{β_{k+1}}(· | x_{k+1})
 * </pre>
 * is unbiased for p_fwd(v), so E[log ŵ] ≤ log p_fwd(v). Over data the model fits, p_fwd, blurred towards the base
 * rates, fits worse than p, so the estimate falls below the truth where AIS's lies above it, and the two bracket
 * the true log-likelihood. With several chains per row, a row's estimate is the log of its mean weight.
 */
public final class ReverseAnnealing {
    /** Chains in one matrix at most, so that a large data set does not take a large memory. */
    static final int MAX_CHAINS = 1000;

    private final AnnealingSchedule schedule;
    private final int chainsPerRow;
    private final long seed;

    public ReverseAnnealing(AnnealingSchedule schedule, int chainsPerRow, long seed) {
        if (chainsPerRow < 1) {
            throw new IllegalArgumentException("at least one chain per row: " + chainsPerRow);
        }
        this.schedule = schedule;
        this.chainsPerRow = chainsPerRow;
        this.seed = seed;
    }

    public ReverseEstimate estimate(Rbm rbm, BaseRateModel base, float[] v, int rows, Compute compute) {
        return estimate(rbm, base, v, rows, compute, AnnealingProgress.NONE);
    }

    /** The estimate over {@code rows} binary rows of {@code v}, in blocks of at most {@link #MAX_CHAINS} chains. */
    public ReverseEstimate estimate(Rbm rbm, BaseRateModel base, float[] v, int rows, Compute compute,
                                    AnnealingProgress progress) {
        int nv = rbm.visible();
        if (rows < 1 || v.length < (long) rows * nv) {
            throw new IllegalArgumentException("RAISE needs at least one row of " + nv + " values");
        }
        requireBinary(v, rows * nv);
        double[] freeEnergy = FreeEnergies.of(rbm, compute, v, rows);
        double logBase = base.logPartition(rbm.hidden());
        int steps = schedule.steps();
        int blockRows = Math.max(1, MAX_CHAINS / chainsPerRow);
        long totalSteps = (long) (steps + 1) * ((rows + blockRows - 1) / blockRows);
        double[] perRow = new double[rows];
        long done = 0;
        for (int first = 0; first < rows; first += blockRows) {
            int n = Math.min(blockRows, rows - first);
            AnnealedChains run = new AnnealedChains(rbm, base, n * chainsPerRow, compute, seed,
                    "raise rows " + first);
            run.startFromData(java.util.Arrays.copyOfRange(v, first * nv, (first + n) * nv), n, chainsPerRow);
            run.step(1, 1, AnnealedChains.Move.AT_TO);
            for (int k = steps - 1; k >= 0; k--) {
                run.step(schedule.beta(k), schedule.beta(k + 1),
                        k >= 1 ? AnnealedChains.Move.AT_FROM : AnnealedChains.Move.NONE);
                done++;
                if (done % Math.max(1, totalSteps / 200) == 0) {
                    progress.stepsDone(done, totalSteps);
                }
            }
            done++;
            double[] lw = run.logWeights();
            for (int r = 0; r < n; r++) {
                perRow[first + r] = -freeEnergy[first + r] - logBase + logMeanExpOfNegated(lw, r * chainsPerRow,
                        chainsPerRow);
            }
        }
        progress.stepsDone(totalSteps, totalSteps);
        MeanAndError m = MeanAndError.of(perRow);
        return new ReverseEstimate(m.mean(), m.stderr(), rows, chainsPerRow, steps);
    }

    /** log mean_c e^(−a_c) over a[from .. from+n), computed stably. */
    private static double logMeanExpOfNegated(double[] a, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = from; c < from + n; c++) {
            max = Math.max(max, -a[c]);
        }
        double sum = 0;
        for (int c = from; c < from + n; c++) {
            sum += Math.exp(-a[c] - max);
        }
        return max + Math.log(sum / n);
    }

    private static void requireBinary(float[] v, int n) {
        for (int i = 0; i < n; i++) {
            if (v[i] != 0 && v[i] != 1) {
                throw new IllegalArgumentException("RAISE starts at binary rows; value " + i + " is " + v[i]);
            }
        }
    }
}
