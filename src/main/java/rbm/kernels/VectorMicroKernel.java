package rbm.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorGemm}: the MR × NR micro-kernel, its one-vector-wide variant for a last narrow
 * panel, and the update of C from a tile left in a buffer. Each element of a tile is one chain of FMAs over the
 * steps p, in the same order in every variant, so that a result does not depend on which tile computed it.
 */
final class VectorMicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the register tile of C. */
    static final int MR = 6;
    /** Columns of the register tile of C: four vectors. */
    static final int NR = 4 * L;

    private VectorMicroKernel() {}

    /**
     * The MR × {@code cols} tile of Σ_p A(·, p) ⊗ B(p, ·) into {@code part[r·NR + j]}: a last panel of at most one
     * vector (784 = 12·64 + 16) goes through {@link #narrowTile} instead of a tile padded to NR columns.
     */
    static void multiply(float[] pa, int ai, int aRow, float[] pb, int bi, int kc, int cols, float[] part) {
        if (cols <= L) {
            narrowTile(pa, ai, aRow, pb, bi, kc, part);
        } else {
            tile(pa, ai, aRow, pb, bi, kc, part, null, 0, 0, 0f);
        }
    }

    /**
     * The micro-kernel: the MR × NR tile {@code Σ_p A(·, p) ⊗ B(p, ·)} over kc steps, for the six rows of op(A) at
     * {@code pa[ai + r·aRow + p]} and the packed column panel {@code pb[bi + p·NR + j]}: into {@code part[r·NR + j]}
     * when {@code c} is null (the caller then adds it into C with {@link #update}), else alpha times the tile straight
     * into {@code c[ci + r·ldc + j]} (C = alpha·AB, beta = 0).
     *
     * <p>Both panels are read at constant strides (MR and NR floats per step), so every index is the loop variable
     * times a constant plus an invariant: C2 then hoists the bounds checks out of the loop.
     *
     * <p>Why 6 × 4 vectors: AVX-512 has 32 vector registers; the tile takes 24 accumulators, plus 4 for the row of B
     * and 1 for the broadcast A value. Each step does 24 independent FMAs (two FMA pipes with a latency of 4 cycles
     * need 8 in flight) against 4 vector loads and 6 broadcasts, so the FMA pipes, not the load ports, are the bound.
     * Measured on A·B 100×784·784×500 against other tiles of up to 24 accumulators: 5 × 4 −3%, 8 × 3 −5%, 4 × 3 and
     * 4 × 6 −20%, 12 × 2 −25%. (With AVX2's 16 registers this tile spills: a 4 × 3 tile would then be 1.7× faster.)
     */
    static void tile(float[] pa, int ai, int aRow, float[] pb, int bi, int kc, float[] part, float[] c,
                     int ci, int ldc, float alpha) {
        int a0 = ai;
        int a1 = ai + aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int a4 = ai + 4 * aRow;
        int a5 = ai + 5 * aRow;
        // a fresh zero, not a static final zero vector: C2 keeps a loop variable that starts as a constant vector
        // object boxed, and the loop runs 40 times slower
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bp);
            FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, pb, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, pb, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, pa[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, pa[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, pa[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, pa[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
            x = FloatVector.broadcast(S, pa[a4 + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            c43 = b3.fma(x, c43);
            x = FloatVector.broadcast(S, pa[a5 + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            c53 = b3.fma(x, c53);
        }
        if (c == null) {
            c00.intoArray(part, 0);
            c01.intoArray(part, L);
            c02.intoArray(part, 2 * L);
            c03.intoArray(part, 3 * L);
            c10.intoArray(part, NR);
            c11.intoArray(part, NR + L);
            c12.intoArray(part, NR + 2 * L);
            c13.intoArray(part, NR + 3 * L);
            c20.intoArray(part, 2 * NR);
            c21.intoArray(part, 2 * NR + L);
            c22.intoArray(part, 2 * NR + 2 * L);
            c23.intoArray(part, 2 * NR + 3 * L);
            c30.intoArray(part, 3 * NR);
            c31.intoArray(part, 3 * NR + L);
            c32.intoArray(part, 3 * NR + 2 * L);
            c33.intoArray(part, 3 * NR + 3 * L);
            c40.intoArray(part, 4 * NR);
            c41.intoArray(part, 4 * NR + L);
            c42.intoArray(part, 4 * NR + 2 * L);
            c43.intoArray(part, 4 * NR + 3 * L);
            c50.intoArray(part, 5 * NR);
            c51.intoArray(part, 5 * NR + L);
            c52.intoArray(part, 5 * NR + 2 * L);
            c53.intoArray(part, 5 * NR + 3 * L);
            return;
        }
        // a full tile with beta = 0 goes straight from the registers into C, with the operations of update: through
        // part, its 24 stores would queue in the store buffer behind C's, whose lines are mostly not in cache
        c00.mul(alpha).intoArray(c, ci);
        c01.mul(alpha).intoArray(c, ci + L);
        c02.mul(alpha).intoArray(c, ci + 2 * L);
        c03.mul(alpha).intoArray(c, ci + 3 * L);
        c10.mul(alpha).intoArray(c, ci + ldc);
        c11.mul(alpha).intoArray(c, ci + ldc + L);
        c12.mul(alpha).intoArray(c, ci + ldc + 2 * L);
        c13.mul(alpha).intoArray(c, ci + ldc + 3 * L);
        c20.mul(alpha).intoArray(c, ci + 2 * ldc);
        c21.mul(alpha).intoArray(c, ci + 2 * ldc + L);
        c22.mul(alpha).intoArray(c, ci + 2 * ldc + 2 * L);
        c23.mul(alpha).intoArray(c, ci + 2 * ldc + 3 * L);
        c30.mul(alpha).intoArray(c, ci + 3 * ldc);
        c31.mul(alpha).intoArray(c, ci + 3 * ldc + L);
        c32.mul(alpha).intoArray(c, ci + 3 * ldc + 2 * L);
        c33.mul(alpha).intoArray(c, ci + 3 * ldc + 3 * L);
        c40.mul(alpha).intoArray(c, ci + 4 * ldc);
        c41.mul(alpha).intoArray(c, ci + 4 * ldc + L);
        c42.mul(alpha).intoArray(c, ci + 4 * ldc + 2 * L);
        c43.mul(alpha).intoArray(c, ci + 4 * ldc + 3 * L);
        c50.mul(alpha).intoArray(c, ci + 5 * ldc);
        c51.mul(alpha).intoArray(c, ci + 5 * ldc + L);
        c52.mul(alpha).intoArray(c, ci + 5 * ldc + 2 * L);
        c53.mul(alpha).intoArray(c, ci + 5 * ldc + 3 * L);
    }

    /**
     * {@link #tile} for a panel of at most L columns: MR × 1 vector, the same chain of FMAs per element. Six
     * accumulators cannot hide the FMA latency and each step loads seven values for six FMAs, but that costs about a
     * third of a full tile, against the whole of one for a panel padded to NR columns.
     */
    private static void narrowTile(float[] pa, int ai, int aRow, float[] pb, int bi, int kc, float[] part) {
        int a0 = ai;
        int a1 = ai + aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int a4 = ai + 4 * aRow;
        int a5 = ai + 5 * aRow;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bi + p * NR);
            c0 = b0.fma(FloatVector.broadcast(S, pa[a0 + p]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, pa[a1 + p]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, pa[a2 + p]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, pa[a3 + p]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, pa[a4 + p]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, pa[a5 + p]), c5);
        }
        c0.intoArray(part, 0);
        c1.intoArray(part, NR);
        c2.intoArray(part, 2 * NR);
        c3.intoArray(part, 3 * NR);
        c4.intoArray(part, 4 * NR);
        c5.intoArray(part, 5 * NR);
    }

    /** {@code C = alpha·acc + beta·C} on the first {@code rows} rows and {@code cols} columns of a tile. */
    static void update(float[] acc, int rows, int cols, float alpha, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < cols; v += L) {
                int at = ci + r * ldc + v;
                FloatVector sum = FloatVector.fromArray(S, acc, r * NR + v).mul(alpha);
                if (v + L <= cols) {
                    if (beta != 0f) {
                        sum = FloatVector.fromArray(S, c, at).fma(FloatVector.broadcast(S, beta), sum);
                    }
                    sum.intoArray(c, at);
                } else if (at + L <= c.length) {
                    VectorMask<Float> valid = S.indexInRange(v, cols);
                    if (beta != 0f) {
                        sum = FloatVector.fromArray(S, c, at, valid).fma(FloatVector.broadcast(S, beta), sum);
                    }
                    sum.intoArray(c, at, valid);
                } else {
                    // a masked access that reaches past the end of the array takes a slow path in the Vector API
                    // (it shows in profiles of the last row of C): one by one, with the same roundings
                    for (int j = v; j < cols; j++) {
                        float x = acc[r * NR + j] * alpha;
                        c[ci + r * ldc + j] = beta != 0f ? Math.fma(c[ci + r * ldc + j], beta, x) : x;
                    }
                }
            }
        }
    }
}
