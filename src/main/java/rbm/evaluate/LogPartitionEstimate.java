package rbm.evaluate;

import rbm.kernels.Compute;
import rbm.model.Rbm;

/**
 * An AIS estimate of log Z from R chains with importance weights w_r: log Ẑ = log Z_A + log mean(w), computed as
 * m + log mean(e^(log w − m)) with m the largest log weight. Ẑ is unbiased for Z, so E[log Ẑ] ≤ log Z, and
 * likelihoods computed with it, log p(v) = −F(v) − log Ẑ, tend to be too high.
 *
 * <p>The spread: se = sd(w)/√R is the standard error of mean(w); {@code stderr} = se / mean(w) is that of log Ẑ by
 * the delta method, and the bounds are log Z_A + log(mean(w) ± 3·se), as Salakhutdinov and Murray give them (the
 * lower one is −∞ when 3·se ≥ mean(w)). The effective sample size (Σw)²/Σw² is R when the weights are equal and
 * near 1 when one chain carries them all, in which case the standard error means little.
 *
 * @param logZ                the estimate of log Z, nats
 * @param lower               log Z_A + log(mean(w) − 3·se)
 * @param upper               log Z_A + log(mean(w) + 3·se)
 * @param stderr              the standard error of log Ẑ, se / mean(w)
 * @param effectiveSampleSize (Σw)²/Σw², between 1 and R
 * @param chains              R
 * @param steps               K, the number of inverse temperatures after β_0 = 0
 */
public record LogPartitionEstimate(double logZ, double lower, double upper, double stderr,
                                   double effectiveSampleSize, int chains, int steps) {

    /** The estimate from log Z_A and the chains' log weights (at least 2). */
    static LogPartitionEstimate of(double logBase, double[] logWeights, int steps) {
        int n = logWeights.length;
        if (n < 2) {
            throw new IllegalArgumentException("a standard error needs at least 2 chains");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logWeights) {
            max = Math.max(max, lw);
        }
        double sum = 0;
        double sumSquares = 0;
        for (double lw : logWeights) {
            double scaled = Math.exp(lw - max);
            sum += scaled;
            sumSquares += scaled * scaled;
        }
        double mean = sum / n;
        double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
        double relative = Math.sqrt(variance / n) / mean;
        double logZ = logBase + max + Math.log(mean);
        return new LogPartitionEstimate(logZ, logZ + Math.log(Math.max(0, 1 - 3 * relative)),
                logZ + Math.log1p(3 * relative), relative, sum * sum / sumSquares, n, steps);
    }

    /** The mean of log p(v) = −F(v) − log Ẑ over the rows of {@code v}, in nats. */
    public double meanLogLikelihood(Rbm rbm, Compute compute, float[] v, int rows) {
        double mean = 0;
        for (double f : FreeEnergies.of(rbm, compute, v, rows)) {
            mean -= f;
        }
        return mean / rows - logZ;
    }
}
