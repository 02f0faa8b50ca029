package rbm.evaluate;

import rbm.kernels.Compute;
import rbm.model.Rbm;

/**
 * Row sums of log-probabilities of binary layers, from a layer's inputs z rather than from σ(z) in float, so that they
 * stay finite and exact where σ saturates: log Bernoulli(x; σ(z)) = x·z − softplus(z), since log σ(z) = −softplus(−z)
 * and log(1 − σ(z)) = −softplus(z). In double, one block of rows per worker thread.
 */
final class LayerLogProbabilities {
    /** An exp and a log cost about this many flops. */
    private static final long SOFTPLUS_WORK = 20;

    private LayerLogProbabilities() {}

    /**
     * {@code out[r] += sign · Σ_k (x_rk z_rk − softplus(z_rk))} with z = pre + bias: sign times log Π_k Bernoulli(x_rk;
     * σ(z_rk)), for rows × cols matrices x and pre.
     */
    static void addLogBernoulli(Compute compute, float[] x, float[] pre, float[] bias, int rows, int cols, double sign,
                                double[] out) {
        compute.pool().run(rows, SOFTPLUS_WORK * rows * cols, (block, from, to) -> {
            for (int r = from; r < to; r++) {
                double sum = 0;
                for (int k = 0, at = r * cols; k < cols; k++, at++) {
                    double z = (double) pre[at] + bias[k];
                    sum += x[at] * z - softplus(z);
                }
                out[r] += sign * sum;
            }
        });
    }

    /**
     * {@code out[r] = −F(x_r) = bᵀx_r + Σ_k softplus(pre_rk + c_k)}, the unnormalised log p(x_r) of {@code rbm} with its
     * hidden layer summed out, from the hidden inputs pre = xW that the caller has already computed.
     */
    static void negativeFreeEnergies(Compute compute, Rbm rbm, float[] x, float[] pre, int rows, double[] out) {
        int nv = rbm.visible();
        int nh = rbm.hidden();
        float[] b = rbm.visibleBias();
        float[] c = rbm.hiddenBias();
        compute.pool().run(rows, SOFTPLUS_WORK * rows * nh, (block, from, to) -> {
            for (int r = from; r < to; r++) {
                double sum = 0;
                for (int i = 0; i < nv; i++) {
                    sum += (double) b[i] * x[r * nv + i];
                }
                for (int k = 0; k < nh; k++) {
                    sum += softplus((double) pre[r * nh + k] + c[k]);
                }
                out[r] = sum;
            }
        });
    }

    /**
     * log(1 + e^z) = max(z, 0) + log(1 + e^−|z|). These terms are summed, so what matters is their absolute error, and
     * log(1 + y) for y in (0, 1] is within 3·10⁻¹⁶ of the truth: the rounding of 1 + y is at most 2.2·10⁻¹⁶ and the
     * slope of log there is at most 1. It takes half the time of {@link Rbm#softplus}: Math.log is an intrinsic and
     * Math.log1p is not, and log1p was two thirds of the profile of this class's callers on MNIST.
     */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z)));
    }
}
