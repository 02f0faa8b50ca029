package rbm.evaluate;

import rbm.kernels.Compute;
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
 * layer is x. What differs is the weight: two softplus per unit of s and chain, in double, because a schedule adds
 * up thousands of differences of nearly equal terms that float would lose, so a scalar exp each. The smaller layer
 * is summed out (the hidden layer of a 784-500 RBM, as Salakhutdinov and Murray do), and x, sampled by the vector
 * kernels, is the larger. The softplus sum is taken as Σ max(z, 0) + log Π (1 + e^−|z|): one exp per unit, and one
 * log per 512 units, as each factor lies in (1, 2].
 */
final class AnnealedChains {
    /** Where a step moves the chains after weighing them. */
    enum Move { NONE, AT_FROM, AT_TO }

    /** Units of s multiplied before a log: a product of 512 factors in (1, 2] stays below 2^512. */
    private static final int PRODUCT_RUN = 512;

    private final Compute compute;
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
        this.s = new float[chains * ns];
        this.logWeights = new double[chains];
    }

    int chains() {
        return chains;
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
        java.util.Arrays.fill(logWeights, 0);
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
        java.util.Arrays.fill(logWeights, 0);
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
        compute.pool().run(chains, (2L * nx + 60L * ns) * chains, weigh); // two exps and a division: about 60 flops
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

    /** The weights of chains [from, to), then, for a move, s ~ σ(z(β)) scaled by β. */
    private void weighRows(int block, int from, int to) {
        double b0 = betaFrom;
        double b1 = betaTo;
        boolean moving = move != Move.NONE;
        boolean atTo = move == Move.AT_TO;
        for (int r = from; r < to; r++) {
            int xRow = r * nx;
            double linear = 0;
            for (int i = 0; i < nx; i++) {
                linear += slopeX[i] * x[xRow + i];
            }
            double sum = (b1 - b0) * linear;
            double product1 = 1;
            double product0 = 1;
            int sRow = r * ns;
            for (int j = 0; j < ns; j++) {
                double u = slopeS[j] + inputS[sRow + j];
                double z1 = aS[j] + b1 * u;
                double z0 = aS[j] + b0 * u;
                double e1 = Math.exp(-Math.abs(z1));
                double e0 = Math.exp(-Math.abs(z0));
                sum += Math.max(z1, 0) - Math.max(z0, 0);
                product1 *= 1 + e1;
                product0 *= 1 + e0;
                if (j % PRODUCT_RUN == PRODUCT_RUN - 1) {
                    sum += Math.log(product1 / product0);
                    product1 = product0 = 1;
                }
                if (moving) {
                    double z = atTo ? z1 : z0;
                    double e = atTo ? e1 : e0;
                    sProbabilities[sRow + j] = (float) (z >= 0 ? 1 / (1 + e) : e / (1 + e));
                }
            }
            logWeights[r] += sum + Math.log(product1 / product0);
        }
        if (moving) {
            sampleS.run(block, from, to, 0, ns);
            float beta = (float) (atTo ? b1 : b0);
            for (int k = from * ns; k < to * ns; k++) {
                s[k] *= beta;
            }
        }
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
