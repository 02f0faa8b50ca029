package rbm.kernels;

/**
 * What the model code calls: the kernels, spread over the worker threads. Each call splits the rows of its output
 * (or, for a product at least as wide as tall, its columns) into one static block per thread (see
 * {@link WorkerPool}), so results depend on the thread count but on nothing else; the products' results do not
 * even depend on that. Calls come from one thread at a time and allocate nothing.
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
        if (splitsByColumns(m, n)) {
            gemmTask.byColumns = true;
            pool.run(threads(), 2L * m * n * k, gemmTask);
        } else {
            gemmTask.byColumns = false;
            pool.run(m, 2L * m * n * k, gemmTask);
        }
        gemmTask.clear();
    }

    /**
     * Work on one block of a rows × cols matrix, rows [r0, r1) × columns [c0, c1), as block {@code block} of the
     * pool's threads: what {@link #gemmSigmoid} runs on each block of its output after the sigmoid.
     */
    @FunctionalInterface
    public interface BlockOfMatrix {
        void run(int block, int r0, int r1, int c0, int c1);
    }

    /**
     * {@code out = σ(a·op(b) + bias)} for a rows × k matrix a (row-major) and op(b) k × n, in one hand-over: each
     * thread applies the sigmoid to the block of the product it computed, then, if {@code then} is not null, runs it
     * on that block (all rows and a block of columns when the product is split by columns, else a block of rows and
     * all columns). The blocks depend on the sizes and the thread count only.
     */
    public void gemmSigmoid(boolean transB, int rows, int n, int k, float[] a, float[] b, float[] bias, float[] out,
                            BlockOfMatrix then) {
        gemmTask.set(false, transB, rows, n, k, 1f, a, b, 0f, out);
        gemmTask.bias = bias;
        gemmTask.then = then;
        long work = 2L * rows * n * k + 20L * rows * n;
        boolean byColumns = splitsByColumns(rows, n);
        gemmTask.byColumns = byColumns;
        pool.run(byColumns ? threads() : rows, work, gemmTask);
        gemmTask.clear();
    }

    /**
     * {@code out = σ(A·B + bias)} for a 0/1 matrix A given by where its ones are (rows × k) and a dense k × n matrix B,
     * as sums of the rows of B ({@link Kernels#sumRows}), then {@code then} on each block, as {@link #gemmSigmoid}
     * does. The columns are split over the threads (at multiples of 64), so each thread keeps its columns of B in its
     * own cache while every row of A passes over them.
     */
    public void sumRowsSigmoid(BinaryRows a, float[] b, int n, float[] bias, float[] out, BlockOfMatrix then) {
        int rows = a.rows();
        gemmTask.set(false, false, rows, n, a.cols(), 1f, null, b, 0f, out);
        gemmTask.ones = a;
        gemmTask.bias = bias;
        gemmTask.then = then;
        gemmTask.byColumns = threads() > 1;
        pool.run(gemmTask.byColumns ? threads() : rows, (long) a.ones() * n + 20L * rows * n, gemmTask);
        gemmTask.clear();
    }

    /**
     * A product at least as wide as tall is split by columns on several threads: the kernel packs the panels of op(B)
     * it reads, so splitting the rows of C would make every thread pack all of op(B) (measured for A·Bᵀ: 1.14x on 2
     * threads); by columns each packs its own part, and op(A), read in place or small, is shared.
     */
    private boolean splitsByColumns(int m, int n) {
        return n >= m && threads() > 1;
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
        private boolean byColumns;
        private int m;
        /** If not null, out = σ(C + bias) on each block after its product. */
        private float[] bias;
        /** If not null, run on each block after the sigmoid. */
        private BlockOfMatrix then;
        /** If not null, A is 0/1 and given by its ones: C = A·B as sums of rows of B. */
        private BinaryRows ones;

        void set(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b, float beta,
                 float[] c) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
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
            a = b = c = bias = null;
            then = null;
            ones = null;
        }

        @Override
        public void run(int block, int from, int to) {
            if (byColumns) {
                // block t of T takes columns [j0, j1), split at multiples of 64 (a full register tile of C)
                int j0 = columnSplit(from);
                int j1 = columnSplit(to);
                if (j0 < j1) {
                    if (ones != null) {
                        kernels.sumRows(ones.start(), ones.index(), 0, m, b, j0, n, j1 - j0, c, j0, n);
                    } else {
                        // columns j0.. of op(B): rows j0.. of the stored B when transposed, else its columns j0..
                        kernels.gemm(transA, transB, m, j1 - j0, k, alpha, a, 0, lda, b, transB ? j0 * ldb : j0,
                                ldb, beta, c, j0, n);
                    }
                    if (bias != null) {
                        kernels.sigmoidBias(c, bias, j0, c, j0, n, m, j1 - j0);
                    }
                    if (then != null) {
                        then.run(block, 0, m, j0, j1);
                    }
                }
                return;
            }
            if (ones != null) {
                kernels.sumRows(ones.start(), ones.index(), from, to, b, 0, n, n, c, 0, n);
            } else {
                kernels.gemm(transA, transB, to - from, n, k, alpha, a, transA ? from : from * lda, lda, b, 0, ldb,
                        beta, c, from * n, n);
            }
            if (bias != null) {
                kernels.sigmoidBias(c, bias, 0, c, from * n, n, to - from, n);
            }
            if (then != null) {
                then.run(block, from, to, 0, n);
            }
        }

        /** The first column of block t (t = T gives n), rounded to a multiple of 64. */
        private int columnSplit(int t) {
            int threads = threads();
            if (t >= threads) {
                return n;
            }
            int j = (int) ((long) n * t / threads);
            return Math.min(n, (j + 32) / 64 * 64);
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
