package rbm.evaluate;

import java.util.Arrays;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;
import rbm.kernels.WorkerPool;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/**
 * Chains annealed between the base-rate model A and an RBM B, all in one matrix so that each transition is two
 * matrix products on the worker threads. The path is the geometric one between the two joint distributions,
 * p*_β(v, h) = exp((1−β)·aᵀv + β·(bᵀv + cᵀh + vᵀWh)), with a the base rates.
 *
 * <p>The state of a chain is one layer, x; the other, s, is summed out:
 * <pre>
 *   log p*_β(x) = ((1−β)·a_X + β·b_X)ᵀx + Σ_j softplus(z_j(β)),   z_j(β) = a_Sj + β·(b_Sj − a_Sj + (xW)_j)
 * </pre>
 * where a_X, a_S are A's biases on the two layers (the base rates on the visible one, 0 on the hidden one) and W is
 * taken as x-width × s-width. A step from β to β' adds log p*_β'(x) − log p*_β(x) to the chain's log weight, and
 * may then move x by one Gibbs transition at β or β', which leaves that p_β invariant:
 * s ~ σ(z(β)), then x ~ σ((1−β)·a_X + β·(b_X + sWᵀ)).
 *
 * <p>Which layer to sum out: both products, and a sigmoid and a draw per unit of each layer, cost the same whichever
 * layer is x. What differs is the weight, a sum over the units of s per chain, in double because a schedule adds up
 * thousands of small differences: the one part of a step that runs as scalar code. So the smaller layer is summed
 * out (the hidden layer of a 784-500 RBM, as Salakhutdinov and Murray do), and x, the larger, is drawn by the
 * vector kernels.
 */
final class AnnealedChains {
    /** Where a step moves the chains after weighing them. */
    enum Move { NONE, AT_FROM, AT_TO }

    /** Units of s multiplied before a log: 512 factors within e^±(1/16) stay within e^±32. */
    private static final int PRODUCT_RUN = 512;
    /** The largest |δ| whose softplus difference comes from the product (see {@link #softplusDifference}). */
    private static final double SMALL_STEP = 1.0 / 16;

    private final Compute compute;
    private final Kernels kernels;
    private final BernoulliSampler sampler;
    private final boolean stateIsVisible;
    private final int chains;
    private final int nx;
    private final int ns;
    private final float[] w; // nx × ns
    private final double[] aX;
    private final double[] bX;
    private final double[] aS;
    private final double[] slopeX; // b_X − a_X
    private final double[] slopeS; // b_S − a_S
    private final float[] x;
    private final float[] xProbabilities;
    private final float[] xBias;
    private final float[] inputS; // xW
    private final float[] sProbabilities;
    private final float[] noBias;
    private final float[] s; // β·s, the input of the product sWᵀ at the β of the move
    private final double[] logWeights;
    private final WorkerPool.BlockTask weigh = this::weighRows; // made once: a method reference allocates
    private double betaFrom;
    private double betaTo;
    private Move move;
    private Compute.BlockOfMatrix sampleS;

    /** {@code chains} chains for {@code rbm}, their draws determined by (seed, purpose) and the thread count. */
    AnnealedChains(Rbm rbm, BaseRateModel base, int chains, Compute compute, long seed, String purpose) {
        if (base.visible() != rbm.visible()) {
            throw new IllegalArgumentException("base rates for " + base.visible() + " units, the RBM has "
                    + rbm.visible());
        }
        if (chains < 1) {
            throw new IllegalArgumentException("at least one chain: " + chains);
        }
        this.compute = compute;
        this.kernels = compute.kernels();
        this.chains = chains;
        this.stateIsVisible = rbm.visible() >= rbm.hidden();
        double[] baseRates = toDouble(base.visibleBias());
        if (stateIsVisible) {
            nx = rbm.visible();
            ns = rbm.hidden();
            w = rbm.weights();
            aX = baseRates;
            bX = toDouble(rbm.visibleBias());
            aS = new double[ns];
            slopeS = toDouble(rbm.hiddenBias());
        } else {
            nx = rbm.hidden();
            ns = rbm.visible();
            w = transpose(rbm.weights(), ns, nx);
            aX = new double[nx];
            bX = toDouble(rbm.hiddenBias());
            aS = baseRates;
            slopeS = toDouble(rbm.visibleBias());
        }
        for (int j = 0; j < ns; j++) {
            slopeS[j] -= aS[j];
        }
        slopeX = bX.clone();
        for (int i = 0; i < nx; i++) {
            slopeX[i] -= aX[i];
        }
        this.sampler = BernoulliSampler.create(compute, seed, purpose, Math.max(nx, ns));
        this.x = new float[chains * nx];
        this.xProbabilities = new float[chains * nx];
        this.xBias = new float[nx];
        this.inputS = new float[chains * ns];
        this.sProbabilities = new float[chains * ns];
        this.noBias = new float[ns];
        this.s = new float[chains * ns];
        this.logWeights = new double[chains];
    }

    int chains() {
        return chains;
    }

    /** The chains' states, chains × the width of x. */
    float[] state() {
        return x;
    }

    /** The chains' log weights: Σ over the steps so far of log p*_β'(x) − log p*_β(x). */
    double[] logWeights() {
        return logWeights;
    }

    /** x drawn from the base model, which is x's marginal at β = 0; the weights set to 0. */
    void startFromBase() {
        for (int i = 0; i < nx; i++) {
            xBias[i] = (float) (1 / (1 + Math.exp(-aX[i])));
        }
        for (int r = 0; r < chains; r++) {
            System.arraycopy(xBias, 0, xProbabilities, r * nx, nx);
        }
        sampler.sample(xProbabilities, x, chains, nx);
        Arrays.fill(logWeights, 0);
    }

    /**
     * Starts {@code copies} chains at each of {@code rows} binary visible rows (chains = rows × copies): x is the
     * row when x is the visible layer, else x ~ p_B(h | v). The weights are set to 0.
     */
    void startFromData(float[] v, int rows, int copies) {
        if (rows * copies != chains) {
            throw new IllegalArgumentException(rows + " rows × " + copies + " copies != " + chains + " chains");
        }
        float[] target = stateIsVisible ? x : s;
        int width = stateIsVisible ? nx : ns;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < copies; c++) {
                System.arraycopy(v, r * width, target, (r * copies + c) * width, width);
            }
        }
        if (!stateIsVisible) {
            moveState(1);
        }
        Arrays.fill(logWeights, 0);
    }

    /**
     * Adds log p*_to(x) − log p*_from(x) to each chain's log weight, then moves x by one transition at the β that
     * {@code move} names.
     */
    void step(double from, double to, Move move) {
        compute.gemm(false, false, chains, ns, nx, 1f, x, w, 0f, inputS);
        this.betaFrom = from;
        this.betaTo = to;
        this.move = move;
        this.sampleS = move == Move.NONE ? null : sampler.prepare(sProbabilities, s, ns);
        compute.pool().run(chains, (2L * nx + 50L * ns) * chains, weigh); // a sigmoid and a series: about 50 flops
        this.sampleS = null;
        if (move != Move.NONE) {
            moveState(move == Move.AT_TO ? to : from);
        }
    }

    /** x ~ σ((1−β)·a_X + β·(b_X + sWᵀ)), with s already multiplied by β. */
    private void moveState(double beta) {
        for (int i = 0; i < nx; i++) {
            xBias[i] = (float) ((1 - beta) * aX[i] + beta * bX[i]);
        }
        compute.gemmSigmoid(true, chains, nx, ns, s, w, xBias, xProbabilities,
                sampler.prepare(xProbabilities, x, nx));
    }

    /**
     * The weights of chains [from, to), from σ(z(β)) at the β of the move (at β' when there is none), then, for a
     * move, s ~ σ(z(β)) scaled by β.
     */
    private void weighRows(int block, int from, int to) {
        double b0 = betaFrom;
        double b1 = betaTo;
        boolean atTo = move != Move.AT_FROM;
        double beta = atTo ? b1 : b0;
        for (int r = from; r < to; r++) {
            int sRow = r * ns;
            for (int j = 0; j < ns; j++) {
                sProbabilities[sRow + j] = (float) (aS[j] + beta * (slopeS[j] + inputS[sRow + j]));
            }
            kernels.sigmoidBias(sProbabilities, noBias, 0, sProbabilities, sRow, ns, 1, ns);
            logWeights[r] += (b1 - b0) * linear(r) + softplusDifference(sRow, b0, b1, atTo);
        }
        if (move != Move.NONE) {
            sampleS.run(block, from, to, 0, ns);
            float scale = (float) beta;
            for (int k = from * ns; k < to * ns; k++) {
                s[k] *= scale;
            }
        }
    }

    /** (b_X − a_X)ᵀx of chain r, in four sums so that the additions overlap. */
    private double linear(int r) {
        int row = r * nx;
        double l0 = 0;
        double l1 = 0;
        double l2 = 0;
        double l3 = 0;
        int i = 0;
        for (; i + 3 < nx; i += 4) {
            l0 += slopeX[i] * x[row + i];
            l1 += slopeX[i + 1] * x[row + i + 1];
            l2 += slopeX[i + 2] * x[row + i + 2];
            l3 += slopeX[i + 3] * x[row + i + 3];
        }
        for (; i < nx; i++) {
            l0 += slopeX[i] * x[row + i];
        }
        return (l0 + l1) + (l2 + l3);
    }

    /**
     * Σ_j softplus(z_j(β1)) − softplus(z_j(β0)) for one chain, from σ_j = σ(z_j) at β1 ({@code atTo}) or at β0 in
     * {@code sProbabilities}. With δ_j = z_j(β1) − z_j(β0) = (β1 − β0)·(b_Sj − a_Sj + (xW)_j), each term is
     * −log(1 + σ_j(β1)·(e^−δ_j − 1)), or log(1 + σ_j(β0)·(e^δ_j − 1)): a term as accurate, relatively, as σ_j, where
     * the difference of the two softplus would cancel. Steps of |δ| ≤ 1/16 (all of them in a fine schedule) take
     * e^δ − 1 from its Taylor series and multiply their factors, each within e^±(1/16); larger ones take the
     * difference of the softplus in double.
     */
    private double softplusDifference(int sRow, double b0, double b1, boolean atTo) {
        double sign = atTo ? -1 : 1;
        double sum = 0;
        double product = 1;
        for (int j = 0; j < ns; j++) {
            double u = slopeS[j] + inputS[sRow + j];
            double delta = (b1 - b0) * u;
            if (Math.abs(delta) <= SMALL_STEP) {
                product *= 1 + sProbabilities[sRow + j] * expm1Small(sign * delta);
            } else {
                sum += Rbm.softplus(aS[j] + b1 * u) - Rbm.softplus(aS[j] + b0 * u);
            }
            if (j % PRODUCT_RUN == PRODUCT_RUN - 1) {
                sum += sign * Math.log(product);
                product = 1;
            }
        }
        return sum + sign * Math.log(product);
    }

    /**
     * e^d − 1 for |d| ≤ 1/16 to double precision: the Taylor series to d^9/9!, whose remainder is below 10^−18, by
     * Horner's scheme with fused multiply-adds.
     */
    private static double expm1Small(double d) {
        double p = Math.fma(d, 1.0 / 362_880, 1.0 / 40_320);
        p = Math.fma(d, p, 1.0 / 5_040);
        p = Math.fma(d, p, 1.0 / 720);
        p = Math.fma(d, p, 1.0 / 120);
        p = Math.fma(d, p, 1.0 / 24);
        p = Math.fma(d, p, 1.0 / 6);
        p = Math.fma(d, p, 0.5);
        p = Math.fma(d, p, 1);
        return d * p;
    }

    private static double[] toDouble(float[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i];
        }
        return out;
    }

    /** The rows × cols matrix m, transposed. */
    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
