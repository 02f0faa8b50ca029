package rbm.kernels;

/**
 * Compiles the hot kernels before they are needed. Vector API code runs many times slower than scalar Java until
 * C2 has compiled it (before that, every vector operation is a call that builds objects), and C2 compiles the
 * register-tile kernel only after tens of thousands of its loop iterations, about half a second of compiling on its
 * own. A training run therefore spent its first 2–3 seconds at a fraction of its speed. This runs the kernels on
 * small inputs on a background thread while the data load, so that the compiler has seen them before the first
 * mini-batch. It touches only its own arrays, so it changes no result.
 */
public final class WarmUp {
    private static final int ROUNDS = 400;

    private WarmUp() {}

    /** Starts warming {@code kernels} on a daemon thread and returns it (join it to wait; nobody needs to). */
    public static Thread start(Kernels kernels) {
        Thread t = new Thread(() -> run(kernels), "rbm-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /**
     * The three products, the weight step, the bias sums, the sigmoid, sampling and the bits, at shapes with full and
     * partial tiles; the sums of selected rows and the weight step on 0/1 data, with blocks of 16 and of 4 vectors.
     */
    static void run(Kernels k) {
        int m = 12;
        int n = 136; // two full register tiles and a narrow one
        int kk = 200;
        float[] a = new float[m * kk];
        float[] b = new float[kk * n];
        float[] c = new float[Math.max(m, kk) * n];
        float[] w = new float[kk * n];
        float[] v = new float[kk * n];
        float[] bias = new float[n];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        long[] words = new long[(n + 63) / 64];
        int wide = 300;
        float[] ones = new float[m * kk];
        for (int i = 0; i < ones.length; i += 7) {
            ones[i] = 1f;
        }
        BinaryRows rows = new BinaryRows(m, kk);
        rows.setFromFloats(ones, 0, m, kk);
        BinaryRows columns = new BinaryRows(kk, m);
        columns.setTransposeOf(rows);
        float[] wideB = new float[kk * wide];
        float[] wideC = new float[m * wide];
        for (int round = 0; round < ROUNDS; round++) {
            k.sumRows(rows.start(), rows.index(), 0, m, wideB, 0, wide, wide, wideC, 0, wide);
            k.weightStepBinary(0, kk, kk, n, columns.start(), columns.index(), c, m, a, c, m, w, v, 0.5f, 0.1f,
                    0.0002f, c);
            k.gemm(false, false, m, n, kk, 1f, a, 0, kk, b, 0, n, 0f, c, 0, n);
            k.gemm(false, true, m, n, kk, 1f, a, 0, kk, b, 0, kk, 1f, c, 0, n);
            k.gemm(true, false, kk, n, m, 1f, a, 0, kk, c, 0, n, 0f, w, 0, n);
            k.weightStep(0, kk, kk, n, a, c, m / 2, a, c, m / 2, w, v, 0.5f, 0.1f, 0.0002f, c);
            k.columnSums(c, 0, n, m, n, bias, 0);
            k.sigmoidBias(c, bias, c, 0, m, n);
            k.bernoulli(c, b, 0, c, 0, n);
            k.packBits(c, 0, n, 0.5f, words, 0);
            k.unpackBits(words, 0, n, c, 0);
        }
    }
}
