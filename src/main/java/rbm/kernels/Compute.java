package rbm.kernels;

/**
 * What the model code calls: the kernels, spread over the worker threads. Each call splits the rows of its output
 * into one static block per thread (see {@link WorkerPool}), so results depend on the thread count but on nothing
 * else.
 */
public final class Compute implements AutoCloseable {
    private final Kernels kernels;
    private final WorkerPool pool;

    public Compute(Kernels kernels, int threads) {
        this.kernels = kernels;
        this.pool = new WorkerPool(threads);
    }

    /** The best kernels this JVM offers, on {@code threads} threads. */
    public static Compute create(int threads) {
        return new Compute(KernelsProvider.best(), threads);
    }

    public Kernels kernels() {
        return kernels;
    }

    public int threads() {
        return pool.threads();
    }

    public WorkerPool pool() {
        return pool;
    }

    /** {@code C = alpha·op(A)·op(B) + beta·C} on dense row-major matrices (leading dimension = stored width). */
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, float[] b, float beta, float[] c) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        pool.run(m, (block, from, to) -> kernels.gemm(transA, transB, to - from, n, k, alpha,
                a, transA ? from : from * lda, lda, b, 0, ldb, beta, c, from * n, n));
    }

    /** {@code out = σ(x + bias)} row by row, for a rows × cols matrix. */
    public void sigmoidBias(float[] x, float[] bias, float[] out, int rows, int cols) {
        pool.run(rows, (block, from, to) -> kernels.sigmoidBias(x, bias, out, from * cols, to - from, cols));
    }

    @Override
    public void close() {
        pool.close();
    }
}
