package rbm.train;

/**
 * When a product with a 0/1 operand runs faster as sums of the rows its ones select than as a dense product: below
 * a density of ones set by {@code BinaryProductBenchmark} (benchmarks/README.md), where the sums of the vector
 * kernels stop being faster than their dense product on the shapes of a 784-500 RBM. The choice depends on the
 * batch's data only, so the same seed and thread count still give the same bits.
 */
final class Sparsity {
    /** The crossover density of ones. */
    static final double MAX_DENSITY = 0.2;

    private Sparsity() {}

    static boolean sumsPay(double density) {
        return density <= MAX_DENSITY;
    }
}
