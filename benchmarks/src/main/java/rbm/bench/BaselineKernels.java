package rbm.bench;

import java.lang.foreign.MemorySegment;
import rbm.kernels.Kernels;


import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * A frozen copy of the gemm of {@code rbm.kernels.VectorKernels} as it was before the packed micro-kernel (commit
 * 0e08913: a micro-kernel with variable strides reading A and B in place where it could, Bᵀ packed by gathers), so
 * that the kernels can be measured against it in the same JMH run: {@code -p impl=baseline,vector}. Only gemm is
 * copied; the other kernels are the reference ones.
 */
final class BaselineKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the register tile of C. */
    private static final int MR = 6;
    /** Columns of the register tile of C: four vectors. */
    private static final int NR = 4 * L;
    /** Steps of the inner dimension per block. */
    private static final int KC = 512;
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    /** Per-thread buffers, because the row blocks of one call run concurrently; allocated once per thread. */
    private static final class Buffers {
        /** The last, partial row panel of op(A): KC steps × MR rows. */
        final float[] a = new float[KC * MR];
        /** One packed column panel of op(B): KC steps × NR columns. */
        final float[] b = new float[KC * NR];
        /** The tile of C as the micro-kernel leaves it: MR × NR. */
        final float[] tile = new float[MR * NR];
        /** Offsets {@code l·ldb} of the lanes of a gather down a column of the stored B, for {@code ldb = gatherStride}. */
        final int[] gather = new int[L];
        int gatherStride = -1;
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    BaselineKernels() {
        if (64 % L != 0) {
            throw new UnsupportedOperationException("vector length " + L + " does not divide 64");
        }
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int at = cOff + i * ldc + j;
                    c[at] = beta == 0f ? 0f : beta * c[at];
                }
            }
            return;
        }
        Buffers buf = BUFFERS.get();
        int fullRows = m - m % MR;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            float blockBeta = p0 == 0 ? beta : 1f;
            if (fullRows < m) {
                packRows(transA, a, aOff, lda, fullRows, m - fullRows, p0, kc, buf.a);
            }
            for (int j0 = 0; j0 < n; j0 += NR) {
                int cols = Math.min(NR, n - j0);
                float[] pb = b;
                int bi = bOff + p0 * ldb + j0;
                int bStep = ldb;
                if (transB || cols < NR) {
                    packColumns(transB, b, bOff, ldb, j0, cols, p0, kc, buf);
                    pb = buf.b;
                    bi = 0;
                    bStep = NR;
                }
                for (int i0 = 0; i0 < m; i0 += MR) {
                    if (i0 < fullRows) {
                        int ai = transA ? aOff + p0 * lda + i0 : aOff + i0 * lda + p0;
                        tile(a, ai, transA ? 1 : lda, transA ? lda : 1, pb, bi, bStep, kc, buf.tile);
                    } else {
                        tile(buf.a, 0, 1, MR, pb, bi, bStep, kc, buf.tile);
                    }
                    update(buf.tile, Math.min(MR, m - i0), cols, alpha, blockBeta, c, cOff + i0 * ldc + j0, ldc);
                }
            }
        }
    }

    /** Rows [i0, i0 + rows) of op(A), steps [p0, p0 + kc), into {@code pa[p·MR + r]}, zero for rows ≥ {@code rows}. */
    private static void packRows(boolean transA, float[] a, int aOff, int lda, int i0, int rows, int p0, int kc,
                                 float[] pa) {
        for (int p = 0; p < kc; p++) {
            for (int r = 0; r < MR; r++) {
                pa[p * MR + r] = r >= rows ? 0f
                        : transA ? a[aOff + (p0 + p) * lda + i0 + r] : a[aOff + (i0 + r) * lda + p0 + p];
            }
        }
    }

    /**
     * Columns [j0, j0 + cols) of op(B), steps [p0, p0 + kc), into {@code buf.b[p·NR + j]}, zero for columns ≥
     * {@code cols}.
     */
    private static void packColumns(boolean transB, float[] b, int bOff, int ldb, int j0, int cols, int p0, int kc,
                                    Buffers buf) {
        float[] pb = buf.b;
        for (int v = 0; v < NR; v += L) {
            if (!transB) {
                VectorMask<Float> in = S.indexInRange(v, cols);
                for (int p = 0; p < kc; p++) {
                    FloatVector.fromArray(S, b, bOff + (p0 + p) * ldb + j0 + v, in).intoArray(pb, p * NR + v);
                }
            } else if (v + L <= cols) {
                // L values of column p of the stored n×k matrix, ldb apart: one gather
                int[] gather = gatherOffsets(buf, ldb);
                int src = bOff + (j0 + v) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    FloatVector.fromArray(S, b, src + p, gather, 0).intoArray(pb, p * NR + v);
                }
            } else {
                // a gather checks the bounds of all its lanes, even masked ones, so the last columns go one by one
                for (int p = 0; p < kc; p++) {
                    for (int l = 0; l < L; l++) {
                        pb[p * NR + v + l] = v + l < cols ? b[bOff + (j0 + v + l) * ldb + p0 + p] : 0f;
                    }
                }
            }
        }
    }

    private static int[] gatherOffsets(Buffers buf, int ldb) {
        if (buf.gatherStride != ldb) {
            for (int l = 0; l < L; l++) {
                buf.gather[l] = l * ldb;
            }
            buf.gatherStride = ldb;
        }
        return buf.gather;
    }

    /**
     * The micro-kernel: {@code acc = Σ_p A(·, p) ⊗ B(p, ·)} over kc steps, for the 6 rows of A at
     * {@code a[ai + r·aRow + p·aStep]} and the NR columns of B at {@code b[bi + p·bStep + j]}.
     *
     * <p>Why 6 × 4 vectors: AVX-512 has 32 vector registers; the tile takes 24 accumulators, plus 4 for the row of B
     * and 1 for the broadcast A value. Each step does 24 independent FMAs (two FMA pipes with a latency of 4 cycles
     * need 8 in flight) against 4 vector loads and 6 broadcasts, so the FMA pipes, not the load ports, are the bound.
     * Measured on A·B 100×784·784×500 against other tiles of up to 24 accumulators: 5 × 4 −3%, 8 × 3 −5%, 4 × 3 and
     * 4 × 6 −20%, 12 × 2 −25%. (With AVX2's 16 registers this tile spills: a 4 × 3 tile would then be 1.7× faster.)
     *
     * <p>The tile leaves through memory: a call that took the 24 vectors as arguments is not inlined (this method is
     * too big) and would box them.
     */
    private static void tile(float[] a, int ai, int aRow, int aStep, float[] b, int bi, int bStep, int kc,
                             float[] acc) {
        int a0 = ai;
        int a1 = ai + aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int a4 = ai + 4 * aRow;
        int a5 = ai + 5 * aRow;
        // a fresh zero, not the constant ZERO: C2 keeps a loop variable that starts as a constant vector object
        // boxed, and the loop runs 40 times slower
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * bStep;
            int ap = p * aStep;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            c43 = b3.fma(x, c43);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            c53 = b3.fma(x, c53);
        }
        c00.intoArray(acc, 0);
        c01.intoArray(acc, L);
        c02.intoArray(acc, 2 * L);
        c03.intoArray(acc, 3 * L);
        c10.intoArray(acc, NR);
        c11.intoArray(acc, NR + L);
        c12.intoArray(acc, NR + 2 * L);
        c13.intoArray(acc, NR + 3 * L);
        c20.intoArray(acc, 2 * NR);
        c21.intoArray(acc, 2 * NR + L);
        c22.intoArray(acc, 2 * NR + 2 * L);
        c23.intoArray(acc, 2 * NR + 3 * L);
        c30.intoArray(acc, 3 * NR);
        c31.intoArray(acc, 3 * NR + L);
        c32.intoArray(acc, 3 * NR + 2 * L);
        c33.intoArray(acc, 3 * NR + 3 * L);
        c40.intoArray(acc, 4 * NR);
        c41.intoArray(acc, 4 * NR + L);
        c42.intoArray(acc, 4 * NR + 2 * L);
        c43.intoArray(acc, 4 * NR + 3 * L);
        c50.intoArray(acc, 5 * NR);
        c51.intoArray(acc, 5 * NR + L);
        c52.intoArray(acc, 5 * NR + 2 * L);
        c53.intoArray(acc, 5 * NR + 3 * L);
    }

    /** {@code C = alpha·acc + beta·C} on the first {@code rows} rows and {@code cols} columns of a tile. */
    private static void update(float[] acc, int rows, int cols, float alpha, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < cols; v += L) {
                int at = ci + r * ldc + v;
                FloatVector sum = FloatVector.fromArray(S, acc, r * NR + v).mul(alpha);
                if (v + L <= cols) {
                    if (beta != 0f) {
                        sum = FloatVector.fromArray(S, c, at).fma(FloatVector.broadcast(S, beta), sum);
                    }
                    sum.intoArray(c, at);
                } else {
                    VectorMask<Float> valid = S.indexInRange(v, cols);
                    if (beta != 0f) {
                        sum = FloatVector.fromArray(S, c, at, valid).fma(FloatVector.broadcast(S, beta), sum);
                    }
                    sum.intoArray(c, at, valid);
                }
            }
        }
    }

    private static final rbm.kernels.Kernels REF = rbm.kernels.KernelsProvider.reference();

    @Override
    public void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows, int cols) {
        REF.sigmoidBias(x, bias, biasOff, out, off, ld, rows, cols);
    }

    @Override
    public void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n) {
        REF.bernoulli(p, u, uOff, out, off, n);
    }

    @Override
    public void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff) {
        REF.packBits(x, off, n, threshold, words, wordOff);
    }

    @Override
    public void unpackBits(long[] words, int wordOff, int n, float[] out, int off) {
        REF.unpackBits(words, wordOff, n, out, off);
    }

    @Override
    public long hash(long[] words, int off, int nWords) {
        return REF.hash(words, off, nWords);
    }

    @Override
    public boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords) {
        return REF.equalWords(words, off, seg, at, nWords);
    }
}
