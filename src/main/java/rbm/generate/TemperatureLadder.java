package rbm.generate;

import java.util.Arrays;

/**
 * The inverse temperatures of parallel tempering, 1 = β_1 > β_2 > … > β_R ≥ 0. Replica k samples
 * p_βk(v, h) ∝ exp(−β_k·E(v, h) + (1 − β_k)·aᵀv), the path between the RBM (β = 1) and a base model with independent
 * visible units (β = 0; see {@link TemperedChains}).
 *
 * <p>A swap between neighbours k, k+1 is accepted with mean probability that falls as (β_k − β_k+1)² times the
 * variance of the energy, which grows with the number of units; so the gaps have to shrink as the RBM grows, and a
 * ladder that reaches β = 0 needs many more rungs than one that stops near 1.
 */
public record TemperatureLadder(double[] betas) {
    /**
     * The default number of replicas. With {@link #DEFAULT_LOWEST_BETA}, neighbours in RBM 1 (784-500) of the bundled
     * MNIST stack swap at rates of 0.19 to 0.55, in RBMs 5 and 8 at 0.67 to 0.77 (the README's Sampling section).
     */
    public static final int DEFAULT_REPLICAS = 10;
    /** The smallest β of the default ladder. */
    public static final double DEFAULT_LOWEST_BETA = 0.5;

    public TemperatureLadder {
        betas = betas.clone();
        if (betas.length < 1 || betas[0] != 1.0) {
            throw new IllegalArgumentException("a ladder starts at β = 1: " + Arrays.toString(betas));
        }
        for (int k = 1; k < betas.length; k++) {
            if (!(betas[k] < betas[k - 1]) || betas[k] < 0) {
                throw new IllegalArgumentException("the β of a ladder decrease strictly to no less than 0: "
                        + Arrays.toString(betas));
            }
        }
    }

    /** {@code replicas} inverse temperatures evenly spaced from 1 down to {@code lowestBeta}. */
    public static TemperatureLadder linear(int replicas, double lowestBeta) {
        if (replicas < 1) {
            throw new IllegalArgumentException("a ladder needs at least one temperature, got " + replicas);
        }
        double[] b = new double[replicas];
        for (int k = 0; k < replicas; k++) {
            b[k] = replicas == 1 ? 1 : 1 - (1 - lowestBeta) * k / (replicas - 1);
        }
        return new TemperatureLadder(b);
    }

    /** {@code replicas} rungs from 1 down to {@link #DEFAULT_LOWEST_BETA}. */
    public static TemperatureLadder standard(int replicas) {
        return linear(replicas, DEFAULT_LOWEST_BETA);
    }

    public int replicas() {
        return betas.length;
    }

    public double beta(int k) {
        return betas[k];
    }

    @Override
    public double[] betas() {
        return betas.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemperatureLadder l && Arrays.equals(betas, l.betas);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(betas);
    }

    @Override
    public String toString() {
        return "TemperatureLadder" + Arrays.toString(betas);
    }
}
