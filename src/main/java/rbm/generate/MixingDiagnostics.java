package rbm.generate;

/**
 * How well a sampler mixed in one RBM: the swap acceptance rate of each neighbouring pair of temperatures
 * (β_k, β_k+1), empty for plain Gibbs chains, and the mean free energy of the β = 1 chains every
 * {@code traceEvery} sweeps from the start.
 */
public record MixingDiagnostics(double[] betas, double[] swapRates, int traceEvery, double[] meanFreeEnergy) {

    public MixingDiagnostics {
        betas = betas.clone();
        swapRates = swapRates.clone();
        meanFreeEnergy = meanFreeEnergy.clone();
    }

    /** The diagnostics of plain Gibbs chains: one temperature, no swaps. */
    public static MixingDiagnostics gibbs(FreeEnergyTrace trace) {
        return new MixingDiagnostics(new double[] {1}, new double[0], trace.every(), trace.values());
    }

    @Override
    public double[] betas() {
        return betas.clone();
    }

    @Override
    public double[] swapRates() {
        return swapRates.clone();
    }

    @Override
    public double[] meanFreeEnergy() {
        return meanFreeEnergy.clone();
    }
}
