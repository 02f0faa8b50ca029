package rbm.train;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import rbm.kernels.BinaryRows;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;
import rbm.kernels.WorkerPool;
import rbm.model.Rbm;
import rbm.random.BernoulliSampler;
import rbm.random.RandomStreams;

/**
 * Trains one RBM by contrastive divergence (CD-k) or persistent CD, on shuffled mini-batches, with momentum and L2
 * weight decay. For a mini-batch of B rows v⁰:
 * <pre>
 *   h⁰ = σ(v⁰W + c)                         positive phase (probabilities, for the statistics)
 *   hˢ ~ Bernoulli(h⁰)                       or the persistent chains' hidden states (PCD)
 *   k times:  vᵏ = σ(hˢWᵀ + b)               reconstruction: probabilities, sampled before the last step
 *             hᵏ = σ(vᵏW + c),  hˢ ~ Bernoulli(hᵏ)
 *   ∇W = v⁰ᵀh⁰/B − vᵏᵀhᵏ/B',   ∇b = mean(v⁰ − vᵏ),   ∇c = mean(h⁰ − hᵏ)
 *   Δ ← μ·Δ + ε(∇ − λW),   W ← W + Δ             (decay λ on W only)
 * </pre>
 * With {@link BatchSchedule#SKLEARN} the rows come in their order and both sums are divided by the data rows B of
 * the batch, as scikit-learn's {@code BernoulliRBM} does: ∇W = (v⁰ᵀh⁰ − vᵏᵀhᵏ)/B, also when the B' persistent chains
 * outnumber the rows of the short last batch.
 *
 * <p>All buffers are allocated once, for the largest batch. Randomness comes from per-thread streams, so a fixed
 * seed and thread count give bit-identical weights.
 */
public final class ContrastiveDivergence {
    private final Rbm rbm;
    private final TrainingConfig config;
    private final Compute compute;
    private final UniformRandomProvider shuffleRng;
    private final BernoulliSampler sampler;
    private final BatchGather gather;

    private final int nv;
    private final int nh;
    private final int batch;
    private final float[] v0;
    private final float[] h0;
    private final float[] hs;
    private final float[] vk;
    private final float[] hk;
    private final float[] gradW; // scratch of Kernels.weightStep: the plain-Java kernels, or batches past one block
    private final float[] velocityW;
    private final float[] velocityB;
    private final float[] velocityC;
    private final float[] posSumV; // column sums for the visible biases
    private final float[] negSumV;
    private final float[] posSumH; // and for the hidden biases: threads fill disjoint columns of each
    private final float[] negSumH;
    private final float[] chains; // PCD: hidden states of the persistent chains, batch × hidden
    private final BinaryRows v0Ones; // where v⁰ is 1, row by row, when the batch is 0/1
    private final BinaryRows v0Columns; // the same, visible unit by visible unit: the rows where each is 1
    private boolean v0Sparse; // this step multiplies by v⁰ as sums of rows
    private long[] phaseNanos; // when not null, the time of each phase of every step is added up here
    private boolean sumsAllowed = true;
    private final WorkerPool.BlockTask update = this::gradientAndUpdate; // made once: no allocation per step
    private float momentum;
    private int posRows; // rows of the positive and the negative statistics in this step
    private int negRows;
    private float stepLr; // ε and λ of this step: rescaled in scikit-learn's short batch
    private float stepDecay;

    public ContrastiveDivergence(Rbm rbm, TrainingConfig config, Compute compute, long seed, String name) {
        this.rbm = rbm;
        this.config = config;
        this.compute = compute;
        this.shuffleRng = RandomStreams.create(seed, name + " shuffle");
        this.sampler = new BernoulliSampler(compute, RandomStreams.perThread(seed, name + " sampling",
                compute.threads()), Math.max(rbm.visible(), rbm.hidden()));
        this.nv = rbm.visible();
        this.gather = new BatchGather(compute.kernels(), nv);
        this.nh = rbm.hidden();
        this.batch = config.batchSize();
        this.v0 = new float[batch * nv];
        this.h0 = new float[batch * nh];
        this.hs = new float[batch * nh];
        this.vk = new float[batch * nv];
        this.hk = new float[batch * nh];
        this.gradW = new float[nv * nh];
        this.velocityW = new float[nv * nh];
        this.velocityB = new float[nv];
        this.velocityC = new float[nh];
        this.chains = config.persistent() ? new float[batch * nh] : null;
        this.posSumV = new float[nv];
        this.negSumV = new float[nv];
        this.posSumH = new float[nh];
        this.negSumH = new float[nh];
        this.v0Ones = new BinaryRows(batch, nv);
        this.v0Columns = new BinaryRows(nv, batch);
    }

    /**
     * Initial parameters: W ~ N(0, initStd²); b = log(p/(1−p)) of each input's mean p when asked (p clipped to
     * [1e-4, 1 − 1e-4], so that an always-off pixel gets a large negative bias, not −∞), else 0; c = 0.
     */
    public static Rbm initialise(int visible, int hidden, float[] data, int rows, TrainingConfig config,
                                 UniformRandomProvider rng) {
        Rbm rbm = new Rbm(visible, hidden);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] w = rbm.weights();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (config.initStd() * gauss.sample());
        }
        if (config.visibleBiasFromData() && rows > 0) {
            double[] mean = new double[visible];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < visible; i++) {
                    mean[i] += data[r * visible + i];
                }
            }
            for (int i = 0; i < visible; i++) {
                double p = Math.min(1 - 1e-4, Math.max(1e-4, mean[i] / rows));
                rbm.visibleBias()[i] = (float) Math.log(p / (1 - p));
            }
        }
        return rbm;
    }

    public Rbm rbm() {
        return rbm;
    }

    /**
     * One pass over {@code rows} rows of {@code data} (row-major, {@code visible} wide) in a fresh random order, or in
     * their order for {@link BatchSchedule#SKLEARN}. The data must not change between calls: a binary training set is
     * packed into bits once (see {@link BatchGather}).
     */
    public void trainEpoch(float[] data, int rows, int epoch, ProgressListener progress) {
        int[] order = PermutationSampler.natural(rows);
        if (config.batches() == BatchSchedule.SHUFFLED) {
            // a fresh permutation each epoch, so the order depends only on the generator's state
            PermutationSampler.shuffle(shuffleRng, order);
        }
        gather.prepare(data, order);
        int batches = (rows + batch - 1) / batch;
        for (int bi = 0; bi < batches; bi++) {
            int from = bi * batch;
            trainBatch(data, order, from, Math.min(batch, rows - from), epoch);
            if (progress != null) {
                progress.batchDone(bi + 1, batches);
            }
        }
    }

    /** One CD update on rows {@code order[from .. from+size)} of {@code data}; allocates nothing in steady state. */
    public void trainBatch(float[] data, int[] order, int from, int size, int epoch) {
        long t = phaseNanos == null ? 0 : System.nanoTime();
        gather.gather(data, order, from, size, v0);
        boolean binary = gather.ones(data, order, from, size, v0Ones);
        v0Sparse = sumsAllowed && binary && Sparsity.sumsPay(v0Ones.density());
        t = lap(Phase.GATHER, t);
        step(size, (float) config.momentum(epoch), t);
    }

    /** The phases of a step, in order, as {@link #timePhases} times them. */
    public enum Phase { GATHER, HIDDEN_DATA, VISIBLE, HIDDEN_MODEL, WEIGHTS }

    /**
     * From now on, adds the nanoseconds of each phase of every step to {@code nanos[phase.ordinal()]} (null stops).
     * For the benchmarks: reading the clock between the phases costs nothing measurable against a step.
     */
    public void timePhases(long[] nanos) {
        this.phaseNanos = nanos;
    }

    /** Whether a 0/1 batch may be multiplied as sums of rows (the default); false keeps every product dense. */
    public void allowSums(boolean allowed) {
        this.sumsAllowed = allowed;
    }

    private long lap(Phase phase, long since) {
        if (phaseNanos == null) {
            return 0;
        }
        long now = System.nanoTime();
        phaseNanos[phase.ordinal()] += now - since;
        return now;
    }

    /** One CD update on the first {@code size} rows of {@code v0}. */
    void step(int size, float momentum, long t) {
        int chainsRows = size;
        if (config.persistent()) {
            hiddenFromData(size, null);
            chainsRows = batch;
            System.arraycopy(chains, 0, hs, 0, batch * nh);
        } else {
            // hˢ ~ Bernoulli(h⁰), each thread on the block of h⁰ it computed, in the same hand-over
            hiddenFromData(size, sampler.prepare(h0, hs, nh));
        }
        t = lap(Phase.HIDDEN_DATA, t);
        for (int s = 1; s <= config.cdSteps(); s++) {
            rbm.visibleProbabilities(compute, hs, chainsRows, vk);
            if (config.sampleVisible() || s < config.cdSteps()) {
                sample(vk, vk, chainsRows, nv);
            }
            t = lap(Phase.VISIBLE, t);
            rbm.hiddenProbabilities(compute, vk, chainsRows, hk);
            if (s < config.cdSteps()) {
                sample(hk, hs, chainsRows, nh);
            }
            t = lap(Phase.HIDDEN_MODEL, t);
        }
        if (config.persistent()) {
            sample(hk, chains, batch, nh);
        }
        if (v0Sparse) {
            v0Columns.setTransposeOf(v0Ones);
        }
        // ∇W and the updates of W, b and c in one hand-over
        this.momentum = momentum;
        this.posRows = size;
        this.negRows = chainsRows;
        this.stepLr = (float) config.learningRate();
        this.stepDecay = (float) config.weightDecay();
        if (config.batches() == BatchSchedule.SKLEARN && chainsRows > size) {
            divideByDataRows(size, chainsRows);
        }
        compute.pool().run(nv, 2L * nv * nh * (size + chainsRows), update);
        lap(Phase.WEIGHTS, t);
    }

    /**
     * The kernels divide each phase's sums by its own rows; scikit-learn divides both by the s data rows. Zero rows
     * pad the positive phase to the B' chains, which leaves its sums as they are, and ε·B'/s with λ·s/B' turns
     * ε((P − N)/B' − λW) into ε((P − N)/s − λW).
     */
    private void divideByDataRows(int size, int chainsRows) {
        Arrays.fill(v0, size * nv, chainsRows * nv, 0f);
        Arrays.fill(h0, size * nh, chainsRows * nh, 0f);
        this.posRows = chainsRows;
        this.stepLr = (float) (config.learningRate() * chainsRows / size);
        this.stepDecay = (float) (config.weightDecay() * size / chainsRows);
    }

    /** h⁰ = σ(v⁰W + c), as sums of the rows of W that v⁰ selects when that pays, then {@code then} on each block. */
    private void hiddenFromData(int size, Compute.BlockOfMatrix then) {
        if (v0Sparse) {
            compute.sumRowsSigmoid(v0Ones, rbm.weights(), nh, rbm.hiddenBias(), h0, then);
        } else {
            rbm.hiddenProbabilities(compute, v0, size, h0, then);
        }
    }

    /**
     * Rows [from, to) of ∇W = v⁰ᵀh⁰/B − vᵏᵀhᵏ/B' and of W ({@link Kernels#weightStep}: the vector kernels compute
     * ∇W as one product and update W six rows at a time, never storing ∇W), the visible biases [from, to) and the
     * hidden biases [nh·from/nv, nh·to/nv): the blocks of the threads cover each exactly once, and every element is
     * computed by the same operations whatever the block, so the results do not depend on the split.
     */
    private void gradientAndUpdate(int block, int from, int to) {
        Kernels kernels = compute.kernels();
        float lr = stepLr;
        if (v0Sparse) {
            kernels.weightStepBinary(from, to - from, nv, nh, v0Columns.start(), v0Columns.index(), h0, posRows, vk,
                    hk, negRows, rbm.weights(), velocityW, momentum, lr, stepDecay, gradW);
        } else {
            kernels.weightStep(from, to - from, nv, nh, v0, h0, posRows, vk, hk, negRows, rbm.weights(), velocityW,
                    momentum, lr, stepDecay, gradW);
        }
        updateBias(rbm.visibleBias(), velocityB, v0, posRows, vk, negRows, nv, from, to, posSumV, negSumV, lr);
        updateBias(rbm.hiddenBias(), velocityC, h0, posRows, hk, negRows, nh, (int) ((long) nh * from / nv),
                (int) ((long) nh * to / nv), posSumH, negSumH, lr);
    }

    /**
     * Δ ← μΔ + ε(mean(pos) − mean(neg)), bias ← bias + Δ on columns [j0, j1); the column means are summed row by
     * row, in order, into p and n.
     */
    private void updateBias(float[] bias, float[] velocity, float[] pos, int posRows, float[] neg, int negRows,
                            int width, int j0, int j1, float[] p, float[] n, float lr) {
        float momentum = this.momentum;
        Kernels kernels = compute.kernels();
        kernels.columnSums(pos, j0, width, posRows, j1 - j0, p, j0);
        kernels.columnSums(neg, j0, width, negRows, j1 - j0, n, j0);
        for (int j = j0; j < j1; j++) {
            velocity[j] = momentum * velocity[j] + lr * (p[j] / posRows - n[j] / negRows);
            bias[j] += velocity[j];
        }
    }

    private void sample(float[] p, float[] out, int rows, int cols) {
        sampler.sample(p, out, rows, cols);
    }

    /** Everything besides the RBM itself that a resumed run needs to continue bit for bit. */
    public TrainerState saveState() {
        return new TrainerState(velocityW.clone(), velocityB.clone(), velocityC.clone(),
                chains == null ? null : chains.clone(), RandomStreams.saveState(shuffleRng), sampler.saveState());
    }

    public void restoreState(TrainerState state) {
        System.arraycopy(state.velocityW(), 0, velocityW, 0, velocityW.length);
        System.arraycopy(state.velocityB(), 0, velocityB, 0, velocityB.length);
        System.arraycopy(state.velocityC(), 0, velocityC, 0, velocityC.length);
        if (chains != null && state.chains() != null) {
            System.arraycopy(state.chains(), 0, chains, 0, chains.length);
        }
        RandomStreams.restoreState(shuffleRng, state.shuffleRng());
        sampler.restoreState(state.sampleStreams());
    }

    /** Reports progress through an epoch. */
    @FunctionalInterface
    public interface ProgressListener {
        void batchDone(int done, int total);
    }
}
