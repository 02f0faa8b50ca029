package rbm.generate;

import java.util.Arrays;
import rbm.kernels.Compute;
import rbm.model.Rbm;

/**
 * The mean free energy F(v) = −bᵀv − Σ_j softplus(c_j + (vW)_j) of a sampler's chains at β = 1, every
 * {@code every} sweeps: a chain that is still falling, or that sits far above the others' level, has not mixed.
 * Gibbs chains and the β = 1 replicas of parallel tempering record it the same way, so the two can be compared.
 */
public final class FreeEnergyTrace {
    private final int every;
    private double[] values = new double[16];
    private int size;
    private float[] scratch = new float[0];
    private double[] energies = new double[0];

    /** Records every {@code every} sweeps (sweep 0, the start, included). */
    public FreeEnergyTrace(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("a trace records every sweep or fewer, got every " + every);
        }
        this.every = every;
    }

    public int every() {
        return every;
    }

    /** Adds the mean of F over the first {@code chains} rows of {@code v} when {@code sweep} is a multiple of every. */
    void record(Compute compute, Rbm rbm, int sweep, float[] v, int chains) {
        if (sweep % every != 0) {
            return;
        }
        if (scratch.length < chains * rbm.hidden()) {
            scratch = new float[chains * rbm.hidden()];
            energies = new double[chains];
        }
        rbm.freeEnergies(compute, v, chains, scratch, energies);
        double sum = 0;
        for (int c = 0; c < chains; c++) {
            sum += energies[c];
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = sum / chains;
    }

    /** The means recorded, at sweeps 0, every, 2·every, … */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }
}
