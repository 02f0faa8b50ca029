package rbm.experiment;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The paired bootstrap of per-layer means over seeds. Each resample draws n seed indices with replacement, the same
 * indices for every layer, and keeps the mean of each layer over them. A mean difference between two layers is linear,
 * so its resampled value is the difference of the two resampled means, and every pair of layers is read from one
 * table of B × layers means.
 *
 * <p>The quantile at p of B resampled values is the ⌈pB⌉-th smallest: the smallest value v with at least a
 * fraction p of the resamples at or below v. So a lower bound at level 1 − a is above 0 exactly when fewer than a
 * fraction a of the resamples are at or below 0.
 */
final class PairedBootstrap {
    private final double[][] means; // [resample][layer]

    /** Resamples the rows (seeds) of {@code scores[seed][layer]} {@code resamples} times. */
    PairedBootstrap(double[][] scores, int resamples, UniformRandomProvider rng) {
        int n = scores.length;
        int layers = scores[0].length;
        means = new double[resamples][layers];
        for (double[] mean : means) {
            for (int k = 0; k < n; k++) {
                double[] row = scores[rng.nextInt(n)];
                for (int l = 0; l < layers; l++) {
                    mean[l] += row[l];
                }
            }
            for (int l = 0; l < layers; l++) {
                mean[l] /= n;
            }
        }
    }

    /** The lower bound at level 1 − a of the mean over seeds of score[i] − score[j]. */
    double lowerBound(int i, int j, double a) {
        double[] d = new double[means.length];
        for (int b = 0; b < d.length; b++) {
            d[b] = means[b][i] - means[b][j];
        }
        Arrays.sort(d);
        return quantile(d, a);
    }

    /** The percentile interval of layer l's mean: its quantiles at a/2 and 1 − a/2. */
    double[] interval(int l, double a) {
        double[] m = new double[means.length];
        for (int b = 0; b < m.length; b++) {
            m[b] = means[b][l];
        }
        Arrays.sort(m);
        return new double[] {quantile(m, a / 2), quantile(m, 1 - a / 2)};
    }

    /** The ⌈pB⌉-th smallest of the B sorted values. */
    static double quantile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
