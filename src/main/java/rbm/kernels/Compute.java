package rbm.kernels;

/**
 * What the model code calls: the kernels, spread over the worker threads. Each call splits the rows of its output
 * into one static block per thread (see {@link WorkerPool}), so results depend on the thread count but on nothing
 * else. Calls come from one thread at a time and allocate nothing.
 */
public final class Compute implements AutoCloseable {
    private final Kernels kernels;
    private final WorkerPool pool;
    private final GemmTask gemmTask = new GemmTask();
    private final SigmoidTask sigmoidTask = new SigmoidTask();

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
        gemmTask.set(transA, transB, m, n, k, alpha, a, b, beta, c);
        pool.run(m, 2L * m * n * k, gemmTask);
        gemmTask.clear();
    }

    /** {@code out = σ(x + bias)} row by row, for a rows × cols matrix. */
    public void sigmoidBias(float[] x, float[] bias, float[] out, int rows, int cols) {
        sigmoidTask.x = x;
        sigmoidTask.bias = bias;
        sigmoidTask.out = out;
        sigmoidTask.cols = cols;
        pool.run(rows, 20L * rows * cols, sigmoidTask); // an exp costs about 20 flops
        sigmoidTask.x = sigmoidTask.bias = sigmoidTask.out = null;
    }

    /** One gemm call's arguments, reused so that a call allocates nothing; each block takes its rows of C. */
    private final class GemmTask implements WorkerPool.BlockTask {
        private boolean transA;
        private boolean transB;
        private int n;
        private int k;
        private int lda;
        private int ldb;
        private float alpha;
        private float beta;
        private float[] a;
        private float[] b;
        private float[] c;

        void set(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b, float beta,
                 float[] c) {
            this.transA = transA;
            this.transB = transB;
            this.n = n;
            this.k = k;
            this.lda = transA ? m : k;
            this.ldb = transB ? k : n;
            this.alpha = alpha;
            this.beta = beta;
            this.a = a;
            this.b = b;
            this.c = c;
        }

        void clear() {
            a = b = c = null;
        }

        @Override
        public void run(int block, int from, int to) {
            kernels.gemm(transA, transB, to - from, n, k, alpha, a, transA ? from : from * lda, lda, b, 0, ldb,
                    beta, c, from * n, n);
        }
    }

    private final class SigmoidTask implements WorkerPool.BlockTask {
        private float[] x;
        private float[] bias;
        private float[] out;
        private int cols;

        @Override
        public void run(int block, int from, int to) {
            kernels.sigmoidBias(x, bias, out, from * cols, to - from, cols);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
