package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Threaded computation gives exactly the single-threaded result, and the pool covers every row once. */
class ComputeTest {

    @Test
    void threadedGemmEqualsSingleThreadedBitForBit() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int m = 67; // 2·67·59·71 flops: above WorkerPool.MIN_PARALLEL_WORK, so the threads do share the work
        int n = 59;
        int k = 71;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextFloat();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextFloat();
        }
        float[] at = new float[k * m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                at[p * m + i] = a[i * k + p];
            }
        }
        float[] one = new float[m * n];
        float[] three = new float[m * n];
        float[] threeT = new float[m * n];
        try (Compute c1 = new Compute(new ReferenceKernels(), 1); Compute c3 = new Compute(new ReferenceKernels(), 3)) {
            c1.gemm(false, false, m, n, k, 1f, a, b, 0f, one);
            c3.gemm(false, false, m, n, k, 1f, a, b, 0f, three);
            c3.gemm(true, false, m, n, k, 1f, at, b, 0f, threeT);
        }
        assertArrayEquals(one, three);
        assertArrayEquals(one, threeT, 1e-5f);
    }

    @Test
    void everyRowIsVisitedExactlyOnce() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int n : new int[] {0, 1, 2, 3, 10, 1001}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
                pool.run(n, (block, from, to) -> {
                    for (int r = from; r < to; r++) {
                        seen.incrementAndGet(r);
                    }
                });
                for (int r = 0; r < n; r++) {
                    assertEquals(1, seen.get(r), "row " + r + " of " + n);
                }
            }
        }
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(10,
                    (block, from, to) -> {
                        if (block == 1) {
                            throw new IllegalStateException("boom");
                        }
                    }));
            assertEquals("boom", e.getMessage());
            // and the pool still works afterwards
            int[] sum = new int[1];
            pool.run(4, (block, from, to) -> {
                synchronized (sum) {
                    sum[0] += to - from;
                }
            });
            assertEquals(4, sum[0]);
        }
    }

    /**
     * σ(A·B + bias) for a 0/1 A given by its ones: the same bits on 1, 2 and 3 threads (the columns are split), the
     * same values as the dense product within rounding, and {@code then} called once for every element.
     */
    @Test
    void sumsOfSelectedRowsMatchTheDenseProductOnAnyThreadCount() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        int rows = 100;
        int k = 784;
        int n = 500;
        float[] a = new float[rows * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(8) == 0 ? 1f : 0f;
        }
        float[] b = new float[k * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextFloat() * 0.2f - 0.1f;
        }
        float[] bias = new float[n];
        for (int j = 0; j < n; j++) {
            bias[j] = rng.nextFloat() - 0.5f;
        }
        BinaryRows ones = new BinaryRows(rows, k);
        ones.setFromFloats(a, 0, rows, k);
        Kernels kernels = KernelsProvider.best();
        float[] dense = new float[rows * n];
        float[][] sums = new float[3][rows * n];
        try (Compute c1 = new Compute(kernels, 1)) {
            c1.gemmSigmoid(false, rows, n, k, a, b, bias, dense, null);
        }
        for (int t = 1; t <= 3; t++) {
            AtomicIntegerArray seen = new AtomicIntegerArray(rows * n);
            try (Compute c = new Compute(kernels, t)) {
                c.sumRowsSigmoid(ones, b, n, bias, sums[t - 1], (block, r0, r1, c0, c1) -> {
                    for (int r = r0; r < r1; r++) {
                        for (int j = c0; j < c1; j++) {
                            seen.incrementAndGet(r * n + j);
                        }
                    }
                });
            }
            for (int i = 0; i < rows * n; i++) {
                assertEquals(1, seen.get(i), "then() on element " + i + " with " + t + " threads");
            }
        }
        assertArrayEquals(sums[0], sums[1], "2 threads");
        assertArrayEquals(sums[0], sums[2], "3 threads");
        for (int i = 0; i < rows * n; i++) {
            // σ' ≤ 1/4, and the sums of ~100 values of at most 0.1 differ from the dense product by a few ulps of 10
            assertEquals(dense[i], sums[0][i], 1e-5f, "element " + i);
        }
    }
}
