package rbm.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import rbm.kernels.Compute;
import rbm.kernels.Kernels;

/**
 * A product as the benchmarks name it, "FORM:m×n×k" (FORM is NN for C = A·B, NT for C = A·Bᵀ, TN for C = Aᵀ·B; C is
 * m × n, the inner dimension k), with random operands in [0, 1) and its output, ready to be run.
 */
final class Shape {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final float[] a;
    final float[] b;
    final float[] c;

    Shape(String spec) {
        String[] parts = spec.split(":");
        String[] dims = parts[1].split("x");
        transA = parts[0].charAt(0) == 'T';
        transB = parts[0].charAt(1) == 'T';
        m = Integer.parseInt(dims[0]);
        n = Integer.parseInt(dims[1]);
        k = Integer.parseInt(dims[2]);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        a = random(rng, m * k);
        b = random(rng, k * n);
        c = new float[m * n];
    }

    /** C = op(A)·op(B) by one kernel call on this thread. */
    float[] run(Kernels kernels) {
        kernels.gemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
        return c;
    }

    /** C = op(A)·op(B) through Compute, on its threads. */
    float[] run(Compute compute) {
        compute.gemm(transA, transB, m, n, k, 1f, a, b, 0f, c);
        return c;
    }

    private static float[] random(UniformRandomProvider rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextFloat();
        }
        return x;
    }
}
