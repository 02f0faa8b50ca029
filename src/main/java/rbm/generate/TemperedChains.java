package rbm.generate;

import org.apache.commons.rng.UniformRandomProvider;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;
import rbm.kernels.WorkerPool;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;

/**
 * Parallel tempering in one RBM (Desjardins, Courville, Bengio, Vincent &amp; Delalleau 2010): every chain has a
 * replica at each β of a {@link TemperatureLadder}, and all chains × replicas are rows of one matrix, so that a
 * sweep is two matrix products on the worker threads. Rows are ordered by temperature: rows
 * [k·chains, (k+1)·chains) hold the replicas at β_k, so the β = 1 replicas are the first {@code chains} rows.
 *
 * <p>Replica k samples the path that annealed importance sampling takes (Salakhutdinov &amp; Murray 2008),
 * <pre>
 *   p_β(v, h) ∝ exp(−β·E(v, h) + (1 − β)·aᵀv),   E(v, h) = −bᵀv − cᵀh − vᵀWh,
 * </pre>
 * with a the visible biases of a base model whose units are independent. Its conditionals are those of an RBM with
 * parameters βW, βc and βb + (1 − β)a:
 * p(h_j = 1 | v) = σ(β(c_j + (vW)_j)) and p(v_i = 1 | h) = σ(β(b_i + (Wh)_i) + (1 − β)a_i).
 * With a = 0 the replica at β = 0 is uniform; with a set to base rates it draws patterns with the right density of
 * ones, nearer to what the colder replicas hold (the choice and its measured swap rates: {@link ParallelTempering}).
 *
 * <p>After each sweep, neighbours (k, k+1) with k even, then with k odd on the next sweep, propose to exchange their
 * whole state (v, h). Writing −β·E + (1 − β)aᵀv = −β·G + aᵀv with G(v, h) = E(v, h) + aᵀv, the ratio of the product
 * of the two replicas' densities after and before the exchange is exp((β_k − β_k+1)(G_k − G_k+1)), and the exchange
 * is accepted with probability min(1, that) (Metropolis), which keeps the product of the p_βk invariant.
 */
final class TemperedChains {
    private final Compute compute;
    private final Kernels kernels;
    private final Rbm rbm;
    private final float[] base;
    private final double[] betas;
    private final int chains;
    private final int rows;
    private final int nv;
    private final int nh;
    private final BernoulliSampler sampler;
    private final UniformRandomProvider swaps;
    private final float[] v;
    private final float[] h;
    private final float[] vw; // v·W, without bias or β: for the next hidden step and for G
    private final float[] hiddenBias; // β_k·c, row k
    private final float[] visibleBias; // β_k·b + (1 − β_k)·a, row k
    private final double[] g;
    private final long[] proposed;
    private final long[] accepted;
    private final float[] rowBuffer;
    private int sweeps;
    private float[] scaleOut;
    private float[] scaleBias;
    private int scaleCols;
    private final WorkerPool.BlockTask scale = this::scaleRows; // made once: a method reference allocates

    /**
     * Chains that start from random hidden states (each unit on with probability ½) and visible states drawn from
     * p_βk(v | h), as {@link GibbsSampler} starts.
     *
     * @param base     a, the visible biases of the β = 0 model
     * @param sampler  draws every state, as wide as the RBM's widest layer
     * @param swaps   draws the uniforms of the swap decisions, on the calling thread
     */
    TemperedChains(Compute compute, Rbm rbm, float[] base, TemperatureLadder ladder, int chains,
                   BernoulliSampler sampler, UniformRandomProvider swaps) {
        if (base.length != rbm.visible()) {
            throw new IllegalArgumentException("the base model has " + base.length + " visible biases, the RBM "
                    + rbm.visible() + " visible units");
        }
        this.compute = compute;
        this.kernels = compute.kernels();
        this.rbm = rbm;
        this.base = base;
        this.betas = ladder.betas();
        this.chains = chains;
        this.rows = Math.multiplyExact(chains, betas.length);
        this.nv = rbm.visible();
        this.nh = rbm.hidden();
        this.sampler = sampler;
        this.swaps = swaps;
        this.v = new float[rows * nv];
        this.h = new float[rows * nh];
        this.vw = new float[rows * nh];
        this.hiddenBias = new float[betas.length * nh];
        this.visibleBias = new float[betas.length * nv];
        for (int k = 0; k < betas.length; k++) {
            double beta = betas[k];
            for (int j = 0; j < nh; j++) {
                hiddenBias[k * nh + j] = (float) (beta * rbm.hiddenBias()[j]);
            }
            for (int i = 0; i < nv; i++) {
                visibleBias[k * nv + i] = (float) (beta * rbm.visibleBias()[i] + (1 - beta) * base[i]);
            }
        }
        this.g = new double[rows];
        this.proposed = new long[betas.length - 1];
        this.accepted = new long[betas.length - 1];
        this.rowBuffer = new float[Math.max(nv, nh)];
        java.util.Arrays.fill(h, 0.5f);
        sampler.sample(h, h, rows, nh);
        visibleStep();
        compute.gemm(false, false, rows, nh, nv, 1f, v, rbm.weights(), 0f, vw);
    }

    /** One block Gibbs sweep of every replica, h ~ p_β(h | v) then v ~ p_β(v | h), then the swap proposals. */
    void sweep() {
        System.arraycopy(vw, 0, h, 0, rows * nh);
        tempered(h, hiddenBias, nh);
        sampler.sample(h, h, rows, nh);
        visibleStep();
        compute.gemm(false, false, rows, nh, nv, 1f, v, rbm.weights(), 0f, vw);
        proposeSwaps(sweeps % 2);
        sweeps++;
    }

    private void visibleStep() {
        compute.gemm(false, true, rows, nv, nh, 1f, h, rbm.weights(), 0f, v);
        tempered(v, visibleBias, nv);
        sampler.sample(v, v, rows, nv);
    }

    /** x ← σ(β_k·x + bias_k) on every row of replica k: x holds the products without bias. */
    private void tempered(float[] x, float[] bias, int cols) {
        scaleOut = x;
        scaleBias = bias;
        scaleCols = cols;
        compute.pool().run(rows, 21L * rows * cols, scale); // a multiply and an exp of about 20 flops
        scaleOut = scaleBias = null;
    }

    private void scaleRows(int block, int from, int to) {
        int cols = scaleCols;
        float[] x = scaleOut;
        for (int r = from; r < to; r++) {
            int k = r / chains;
            float beta = (float) betas[k];
            int off = r * cols;
            for (int i = off; i < off + cols; i++) {
                x[i] *= beta;
            }
            kernels.sigmoidBias(x, scaleBias, k * cols, x, off, cols, 1, cols);
        }
    }

    /** Proposes exchanges between every pair (k, k+1) with k of the given parity, chain by chain. */
    private void proposeSwaps(int parity) {
        for (int r = 0; r < rows; r++) {
            g[r] = swapEnergy(rbm, base, v, r * nv, h, r * nh, vw, r * nh);
        }
        for (int k = parity; k + 1 < betas.length; k += 2) {
            for (int c = 0; c < chains; c++) {
                int r1 = k * chains + c;
                int r2 = r1 + chains;
                double p = acceptance(betas[k], betas[k + 1], g[r1], g[r2]);
                proposed[k]++;
                if (swaps.nextDouble() < p) {
                    accepted[k]++;
                    exchange(v, r1, r2, nv);
                    exchange(h, r1, r2, nh);
                    exchange(vw, r1, r2, nh);
                    double t = g[r1];
                    g[r1] = g[r2];
                    g[r2] = t;
                }
            }
        }
    }

    private void exchange(float[] x, int r1, int r2, int cols) {
        System.arraycopy(x, r1 * cols, rowBuffer, 0, cols);
        System.arraycopy(x, r2 * cols, x, r1 * cols, cols);
        System.arraycopy(rowBuffer, 0, x, r2 * cols, cols);
    }

    /**
     * G(v, h) = E(v, h) + aᵀv = −(b − a)ᵀv − Σ_j (c_j + (vW)_j)·h_j for the state at {@code v[vOff..]},
     * {@code h[hOff..]}, given its product vW at {@code vw[vwOff..]}; in double.
     */
    static double swapEnergy(Rbm rbm, float[] base, float[] v, int vOff, float[] h, int hOff, float[] vw, int vwOff) {
        float[] b = rbm.visibleBias();
        float[] c = rbm.hiddenBias();
        double sum = 0;
        for (int i = 0; i < rbm.visible(); i++) {
            sum += ((double) b[i] - base[i]) * v[vOff + i];
        }
        for (int j = 0; j < rbm.hidden(); j++) {
            sum += ((double) c[j] + vw[vwOff + j]) * h[hOff + j];
        }
        return -sum;
    }

    /**
     * The Metropolis probability of exchanging the states of replicas at β_i and β_j whose states have G values
     * g_i and g_j: min(1, exp((β_i − β_j)(g_i − g_j))).
     */
    static double acceptance(double betaI, double betaJ, double gI, double gJ) {
        double log = (betaI - betaJ) * (gI - gJ);
        return log >= 0 ? 1 : Math.exp(log);
    }

    /** The visible states of every row, replica k's chains in rows [k·chains, (k+1)·chains). Not copied. */
    float[] visible() {
        return v;
    }

    /** The hidden states of every row, as {@link #visible}. Not copied. */
    float[] hidden() {
        return h;
    }

    /** The fraction of proposed exchanges accepted between β_k and β_k+1, k < R − 1 (NaN when none was proposed). */
    double[] swapRates() {
        double[] rates = new double[proposed.length];
        for (int k = 0; k < rates.length; k++) {
            rates[k] = proposed[k] == 0 ? Double.NaN : (double) accepted[k] / proposed[k];
        }
        return rates;
    }
}
