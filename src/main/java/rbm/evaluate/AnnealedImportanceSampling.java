package rbm.evaluate;

import rbm.kernels.Compute;
import rbm.model.Rbm;

/**
 * log Z of an RBM by annealed importance sampling (Neal 2001; for RBMs, Salakhutdinov &amp; Murray 2008). Each chain
 * starts at an exact draw x_0 from the base-rate model A, and moves through the intermediate distributions p_β_k of
 * {@link AnnealedChains} by one Gibbs transition each, collecting the importance weight
 * <pre>
 *   log w = Σ_{k=1..K} log p*_{β_k}(x_{k−1}) − log p*_{β_{k−1}}(x_{k−1}),   x_k ~ T_{β_k}(· | x_{k−1}),
 * </pre>
 * so that E[w] = Z / Z_A and Z_A·mean(w) is unbiased for Z ({@link LogPartitionEstimate}).
 */
public final class AnnealedImportanceSampling {
    /** Chains of the classic runs. */
    public static final int DEFAULT_CHAINS = 100;

    private final AnnealingSchedule schedule;
    private final int chains;
    private final long seed;

    /** R ≥ 2 chains along {@code schedule}, their draws determined by the seed and the thread count. */
    public AnnealedImportanceSampling(AnnealingSchedule schedule, int chains, long seed) {
        if (chains < 2) {
            throw new IllegalArgumentException("AIS needs at least 2 chains: " + chains);
        }
        this.schedule = schedule;
        this.chains = chains;
        this.seed = seed;
    }

    /** The classic run: 100 chains, 14,500 steps. */
    public static AnnealedImportanceSampling classic(long seed) {
        return new AnnealedImportanceSampling(AnnealingSchedule.classic(), DEFAULT_CHAINS, seed);
    }

    public LogPartitionEstimate logPartition(Rbm rbm, BaseRateModel base, Compute compute) {
        return logPartition(rbm, base, compute, AnnealingProgress.NONE);
    }

    public LogPartitionEstimate logPartition(Rbm rbm, BaseRateModel base, Compute compute,
                                             AnnealingProgress progress) {
        AnnealedChains run = new AnnealedChains(rbm, base, chains, compute, seed, "ais");
        int steps = schedule.steps();
        long every = Math.max(1, steps / 200);
        run.startFromBase();
        for (int k = 1; k <= steps; k++) {
            run.step(schedule.beta(k - 1), schedule.beta(k),
                    k < steps ? AnnealedChains.Move.AT_TO : AnnealedChains.Move.NONE);
            if (k % every == 0 || k == steps) {
                progress.stepsDone(k, steps);
            }
        }
        return LogPartitionEstimate.of(base.logPartition(rbm.hidden()), run.logWeights(), steps);
    }
}
