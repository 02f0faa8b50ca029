package rbm.kernels;

import java.lang.foreign.MemorySegment;

/**
 * The numerical inner loops of the project, behind one small interface. {@link ReferenceKernels} is plain Java and
 * is the truth the faster implementations are tested against.
 *
 * <p>Matrices are row-major {@code float[]} with an offset and a leading dimension (the distance between rows), as in
 * BLAS, so that a caller can hand a kernel one block of rows or columns of a larger matrix.
 */
public interface Kernels {

    /** A short name for logs and provenance. */
    String name();

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C}, where C is m×n and op(A) is m×k, op(B) is k×n.
     * op(X) is X, or Xᵀ when the flag is set: with {@code transA} the stored A is k×m, with {@code transB} the
     * stored B is n×k. When {@code beta == 0} the old content of C is ignored (it may hold NaN).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /**
     * The weight update of contrastive divergence with momentum and weight decay, on rows [i0, i0 + m) of an
     * nv × n weight matrix W and its velocity V (both row-major, n wide):
     * <pre>
     *   G = A1ᵀ·B1 / k1 − A2ᵀ·B2 / k2        A1: k1 × nv, B1: k1 × n (positive phase); A2: k2 × nv, B2: k2 × n
     *   V ← μ·V + ε·(G − λ·W),   W ← W + V
     * </pre>
     * {@code grad} (nv × n) is scratch that an implementation may use for G; its content afterwards is unspecified.
     * This default is two products and one pass over W; an implementation may instead never store G in memory.
     */
    default void weightStep(int i0, int m, int nv, int n, float[] a1, float[] b1, int k1, float[] a2, float[] b2,
                            int k2, float[] w, float[] velocity, float momentum, float lr, float decay, float[] grad) {
        gemm(true, false, m, n, k1, 1f / k1, a1, i0, nv, b1, 0, n, 0f, grad, i0 * n, n);
        gemm(true, false, m, n, k2, -1f / k2, a2, i0, nv, b2, 0, n, 1f, grad, i0 * n, n);
        for (int i = i0 * n; i < (i0 + m) * n; i++) {
            velocity[i] = momentum * velocity[i] + lr * (grad[i] - decay * w[i]);
            w[i] += velocity[i];
        }
    }

    /**
     * The product of a 0/1 matrix A, given by where its ones are, and a dense B, on rows [r0, r1) of A and n columns:
     * <pre>
     *   C[r][j] = Σ_{t = start[r] .. start[r+1]−1} B[index[t]][j]      c[cOff + r·ldc + j],  b[bOff + i·ldb + j]
     * </pre>
     * each element summed from 0f in the order of the list, with additions only, so that every implementation gives
     * the same bits. An empty list gives a row of zeros.
     */
    void sumRows(int[] start, int[] index, int r0, int r1, float[] b, int bOff, int ldb, int n, float[] c, int cOff,
                 int ldc);

    /**
     * {@link #weightStep} where A1 is 0/1 and given by the ones of its transpose: row i of A1ᵀ (visible unit i) lists
     * the rows of the batch where unit i is on, {@code index[start[i] .. start[i+1])}, so that
     * {@code (A1ᵀ·B1)[i] = Σ_t B1[index[t]]} ({@link #sumRows}). This default stores G in {@code grad}: the sums
     * scaled by 1/k1, the dense negative statistics added by a product, then the pass over W.
     */
    default void weightStepBinary(int i0, int m, int nv, int n, int[] start, int[] index, float[] b1, int k1,
                                  float[] a2, float[] b2, int k2, float[] w, float[] velocity, float momentum,
                                  float lr, float decay, float[] grad) {
        sumRows(start, index, i0, i0 + m, b1, 0, n, n, grad, 0, n);
        float scale = 1f / k1;
        for (int i = i0 * n; i < (i0 + m) * n; i++) {
            grad[i] *= scale;
        }
        gemm(true, false, m, n, k2, -1f / k2, a2, i0, nv, b2, 0, n, 1f, grad, i0 * n, n);
        for (int i = i0 * n; i < (i0 + m) * n; i++) {
            velocity[i] = momentum * velocity[i] + lr * (grad[i] - decay * w[i]);
            w[i] += velocity[i];
        }
    }

    /** {@code out[r][j] = σ(x[r][j] + bias[j])} for rows × cols values starting at {@code off}; σ(z) = 1/(1+e^−z). */
    default void sigmoidBias(float[] x, float[] bias, float[] out, int off, int rows, int cols) {
        sigmoidBias(x, bias, 0, out, off, cols, rows, cols);
    }

    /**
     * The same on a block of a wider matrix: {@code out[off + r·ld + j] = σ(x[off + r·ld + j] + bias[biasOff + j])}
     * for r < rows, j < cols, so that a thread can take a block of columns.
     */
    void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows, int cols);

    /**
     * Column sums: {@code sums[sumOff + j] = Σ_r x[off + r·ld + j]} for j < cols, r < rows, each summed in row order
     * from 0f, so every implementation gives the same bits.
     */
    default void columnSums(float[] x, int off, int ld, int rows, int cols, float[] sums, int sumOff) {
        java.util.Arrays.fill(sums, sumOff, sumOff + cols, 0f);
        for (int r = 0; r < rows; r++) {
            int base = off + r * ld;
            for (int j = 0; j < cols; j++) {
                sums[sumOff + j] += x[base + j];
            }
        }
    }

    /** Bernoulli sampling: {@code out[off+i] = u[uOff+i] < p[off+i] ? 1 : 0} for i in [0, n); u is uniform in [0, 1). */
    void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n);

    /**
     * Packs {@code x[off + i] > threshold} for i in [0, n) into bits, little-endian within each long:
     * bit i lands in {@code words[wordOff + i/64]} at position {@code i % 64}. Unused high bits are zero.
     */
    void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff);

    /**
     * The inverse of {@link #packBits} for 0/1 data: {@code out[off + i] = bit i of words[wordOff ..]} as 1f or 0f,
     * for i in [0, n). The trainer keeps a binary training set packed this way and unpacks its mini-batches.
     */
    void unpackBits(long[] words, int wordOff, int n, float[] out, int off);

    /**
     * A strong 64-bit hash of {@code nWords} words, {@link BitHash#hash}: equal words give equal hashes whatever the
     * kernels.
     */
    long hash(long[] words, int off, int nWords);

    /** Whether {@code words[off ..]} and the longs stored at byte {@code at} of {@code seg} agree on nWords words. */
    boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords);
}
