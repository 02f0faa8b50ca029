package rbm.model;

import rbm.kernels.Compute;

/**
 * A Bernoulli–Bernoulli restricted Boltzmann machine: binary visible units v, binary hidden units h, and the energy
 * E(v, h) = −bᵀv − cᵀh − vᵀWh. The conditionals factorise:
 * p(h_j = 1 | v) = σ(c_j + Σ_i v_i W_ij) and p(v_i = 1 | h) = σ(b_i + Σ_j W_ij h_j).
 *
 * <p>W is stored row-major as visible × hidden, so a batch of visible rows times W gives the hidden inputs.
 */
public final class Rbm {
    private final int visible;
    private final int hidden;
    private final float[] weights;
    private final float[] visibleBias;
    private final float[] hiddenBias;

    public Rbm(int visible, int hidden) {
        this(visible, hidden, new float[visible * hidden], new float[visible], new float[hidden]);
    }

    public Rbm(int visible, int hidden, float[] weights, float[] visibleBias, float[] hiddenBias) {
        if (visible < 1 || hidden < 1) {
            throw new IllegalArgumentException("an RBM needs at least one visible and one hidden unit");
        }
        if (weights.length != visible * hidden || visibleBias.length != visible || hiddenBias.length != hidden) {
            throw new IllegalArgumentException("parameter sizes do not match " + visible + "×" + hidden);
        }
        this.visible = visible;
        this.hidden = hidden;
        this.weights = weights;
        this.visibleBias = visibleBias;
        this.hiddenBias = hiddenBias;
    }

    public int visible() {
        return visible;
    }

    public int hidden() {
        return hidden;
    }

    /** W, visible × hidden, row-major. Shared, not copied: the trainer updates it in place. */
    public float[] weights() {
        return weights;
    }

    /** b, one per visible unit. */
    public float[] visibleBias() {
        return visibleBias;
    }

    /** c, one per hidden unit. */
    public float[] hiddenBias() {
        return hiddenBias;
    }

    public Rbm copy() {
        return new Rbm(visible, hidden, weights.clone(), visibleBias.clone(), hiddenBias.clone());
    }

    /** {@code out = σ(v·W + c)} for {@code rows} visible rows. */
    public void hiddenProbabilities(Compute compute, float[] v, int rows, float[] out) {
        compute.gemmSigmoid(false, rows, hidden, visible, v, weights, hiddenBias, out, null);
    }

    /** The same, then {@code then} on each thread's block of {@code out} (see {@link Compute#gemmSigmoid}). */
    public void hiddenProbabilities(Compute compute, float[] v, int rows, float[] out, Compute.BlockOfMatrix then) {
        compute.gemmSigmoid(false, rows, hidden, visible, v, weights, hiddenBias, out, then);
    }

    /** {@code out = σ(h·Wᵀ + b)} for {@code rows} hidden rows. */
    public void visibleProbabilities(Compute compute, float[] h, int rows, float[] out) {
        compute.gemmSigmoid(true, rows, visible, hidden, h, weights, visibleBias, out, null);
    }

    /**
     * Free energy F(v) = −bᵀv − Σ_j softplus(c_j + (vW)_j), so that p(v) = e^−F(v) / Z. Computed in double for
     * the rows of {@code v}; {@code scratch} holds rows × hidden floats.
     */
    public void freeEnergies(Compute compute, float[] v, int rows, float[] scratch, double[] out) {
        compute.gemm(false, false, rows, hidden, visible, 1f, v, weights, 0f, scratch);
        for (int r = 0; r < rows; r++) {
            double f = 0;
            for (int i = 0; i < visible; i++) {
                f -= visibleBias[i] * v[r * visible + i];
            }
            for (int j = 0; j < hidden; j++) {
                f -= softplus(scratch[r * hidden + j] + hiddenBias[j]);
            }
            out[r] = f;
        }
    }

    /** log(1 + e^x), without overflow for large x. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** True when every parameter is a finite number. */
    public boolean isFinite() {
        return allFinite(weights) && allFinite(visibleBias) && allFinite(hiddenBias);
    }

    private static boolean allFinite(float[] xs) {
        for (float x : xs) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
