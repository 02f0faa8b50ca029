package rbm.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Kernels on the Java Vector API. {@link KernelsProvider} loads this class by name, and only when the module
 * {@code jdk.incubator.vector} is present, so that a JVM without it never links this class or the classes it
 * delegates to, one by job: {@link VectorGemm} (the products and the fused weight step, on {@link VectorPacking} and
 * {@link VectorMicroKernel}), {@link VectorElementwise} (column sums, sigmoid, Bernoulli sampling) and
 * {@link VectorBits} (packing bits, hashing and comparing states).
 */
public final class VectorKernels implements Kernels {

    /** Fails where the vector length does not divide 64, as {@link VectorBits#packBits} needs. */
    public VectorKernels() {
        if (64 % VectorMicroKernel.L != 0) {
            throw new UnsupportedOperationException("vector length " + VectorMicroKernel.L + " does not divide 64");
        }
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@link VectorGemm#weightStep} where it takes the batches, else the interface's two products. */
    @Override
    public void weightStep(int i0, int m, int nv, int n, float[] a1, float[] b1, int k1, float[] a2, float[] b2,
                           int k2, float[] w, float[] velocity, float momentum, float lr, float decay, float[] grad) {
        if (VectorGemm.fusesWeightStep(k1, k2)) {
            VectorGemm.weightStep(i0, m, nv, n, a1, b1, k1, a2, b2, k2, w, velocity, momentum, lr, decay);
        } else {
            Kernels.super.weightStep(i0, m, nv, n, a1, b1, k1, a2, b2, k2, w, velocity, momentum, lr, decay, grad);
        }
    }

    /** {@link VectorGemm#weightStepBinary} where it takes the batches, else the interface's default. */
    @Override
    public void weightStepBinary(int i0, int m, int nv, int n, int[] start, int[] index, float[] b1, int k1,
                                 float[] a2, float[] b2, int k2, float[] w, float[] velocity, float momentum,
                                 float lr, float decay, float[] grad) {
        if (VectorGemm.fusesWeightStep(k1, k2)) {
            VectorGemm.weightStepBinary(i0, m, nv, n, start, index, b1, k1, a2, b2, k2, w, velocity, momentum, lr,
                    decay);
        } else {
            Kernels.super.weightStepBinary(i0, m, nv, n, start, index, b1, k1, a2, b2, k2, w, velocity, momentum, lr,
                    decay, grad);
        }
    }

    @Override
    public void sumRows(int[] start, int[] index, int r0, int r1, float[] b, int bOff, int ldb, int n, float[] c,
                        int cOff, int ldc) {
        VectorRowSums.sumRows(start, index, r0, r1, b, bOff, ldb, n, c, cOff, ldc);
    }

    @Override
    public void columnSums(float[] x, int off, int ld, int rows, int cols, float[] sums, int sumOff) {
        VectorElementwise.columnSums(x, off, ld, rows, cols, sums, sumOff);
    }

    @Override
    public void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows, int cols) {
        VectorElementwise.sigmoidBias(x, bias, biasOff, out, off, ld, rows, cols);
    }

    @Override
    public void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n) {
        VectorElementwise.bernoulli(p, u, uOff, out, off, n);
    }

    @Override
    public void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff) {
        VectorBits.packBits(x, off, n, threshold, words, wordOff);
    }

    @Override
    public void unpackBits(long[] words, int wordOff, int n, float[] out, int off) {
        VectorBits.unpackBits(words, wordOff, n, out, off);
    }

    @Override
    public long hash(long[] words, int off, int nWords) {
        return VectorBits.hash(words, off, nWords);
    }

    @Override
    public boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords) {
        return VectorBits.equalWords(words, off, seg, at, nWords);
    }
}
