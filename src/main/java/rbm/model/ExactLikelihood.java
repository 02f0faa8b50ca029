package rbm.model;

import rbm.kernels.Compute;

/**
 * The exact log-likelihood of a small RBM, by enumerating the smaller layer. Summing the hidden units out,
 * log Z = log Σ_h exp(cᵀh + Σ_i softplus(b_i + (Wh)_i)); symmetrically over v when the visible layer is smaller.
 * Then log p(v) = −F(v) − log Z. The cost is 2^min(n_v, n_h) · max(n_v, n_h) softplus evaluations.
 */
public final class ExactLikelihood {
    /** Enumerate at most this many units: 2^20 states. */
    public static final int MAX_UNITS = 20;
    /** Skip models where enumeration would take more than this many softplus evaluations (a few seconds). */
    public static final double MAX_WORK = Math.pow(2, 28);
    private static final int CHUNK = 4096;

    private ExactLikelihood() {}

    /** Once per model, not every epoch: at most 2^24 states, and 2^29 evaluations (about 10 s on 2 cores). */
    public static final int ONCE_MAX_UNITS = 24;
    public static final double ONCE_MAX_WORK = Math.pow(2, 29);

    /** Whether the exact likelihood is cheap enough to compute every epoch. */
    public static boolean feasible(Rbm rbm) {
        return within(rbm, MAX_UNITS, MAX_WORK);
    }

    /** Whether the exact likelihood is cheap enough to compute once, beside an estimate of it. */
    public static boolean feasibleOnce(Rbm rbm) {
        return within(rbm, ONCE_MAX_UNITS, ONCE_MAX_WORK);
    }

    private static boolean within(Rbm rbm, int units, double work) {
        int small = Math.min(rbm.visible(), rbm.hidden());
        int large = Math.max(rbm.visible(), rbm.hidden());
        return small <= units && Math.pow(2, small) * large <= work;
    }

    /** log Z in nats. */
    public static double logPartition(Rbm rbm, Compute compute) {
        boolean overHidden = rbm.hidden() <= rbm.visible();
        int n = overHidden ? rbm.hidden() : rbm.visible();
        int other = overHidden ? rbm.visible() : rbm.hidden();
        if (n > 30) {
            throw new IllegalArgumentException("cannot enumerate 2^" + n + " states");
        }
        float[] ownBias = overHidden ? rbm.hiddenBias() : rbm.visibleBias();
        float[] otherBias = overHidden ? rbm.visibleBias() : rbm.hiddenBias();
        long total = 1L << n;
        int chunk = (int) Math.min(CHUNK, total);
        float[] states = new float[chunk * n];
        float[] inputs = new float[chunk * other];
        double[] terms = new double[chunk];
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0; // Σ exp(term − max), rescaled whenever max grows
        for (long first = 0; first < total; first += chunk) {
            int rows = (int) Math.min(chunk, total - first);
            for (int r = 0; r < rows; r++) {
                long s = first + r;
                for (int u = 0; u < n; u++) {
                    states[r * n + u] = (s >>> u & 1L) == 1L ? 1f : 0f;
                }
            }
            // inputs to the other layer: over h that is h·Wᵀ, over v it is v·W
            compute.gemm(false, overHidden, rows, other, n, 1f, states, rbm.weights(), 0f, inputs);
            final int rowsF = rows;
            compute.pool().run(rowsF, (block, from, to) -> {
                for (int r = from; r < to; r++) {
                    double t = 0;
                    for (int u = 0; u < n; u++) {
                        t += ownBias[u] * states[r * n + u];
                    }
                    for (int o = 0; o < other; o++) {
                        t += Rbm.softplus(inputs[r * other + o] + otherBias[o]);
                    }
                    terms[r] = t;
                }
            });
            for (int r = 0; r < rows; r++) {
                double t = terms[r];
                if (t > max) {
                    sum = sum * Math.exp(max - t) + 1;
                    max = t;
                } else {
                    sum += Math.exp(t - max);
                }
            }
        }
        return max + Math.log(sum);
    }

    /** Mean of log p(v) over the rows of {@code v}, in nats. */
    public static double meanLogLikelihood(Rbm rbm, Compute compute, float[] v, int rows) {
        double logZ = logPartition(rbm, compute);
        double[] f = new double[rows];
        rbm.freeEnergies(compute, v, rows, new float[rows * rbm.hidden()], f);
        double mean = 0;
        for (double x : f) {
            mean += x;
        }
        return -mean / rows - logZ;
    }
}
