package rbm.kernels;

import static rbm.kernels.VectorMicroKernel.L;
import static rbm.kernels.VectorMicroKernel.NR;
import static rbm.kernels.VectorMicroKernel.S;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * The packing of {@link VectorGemm}: column panels of op(B) laid out as the micro-kernel reads them (NR contiguous
 * floats per step), and transposes, by 16 × 16 blocks in registers where the vector has 16 lanes. A transposed
 * operand is packed so that the micro-kernel always reads rows at stride 1.
 */
final class VectorPacking {
    /**
     * Two-source permutation indices for {@link #transpose16}: for bit b = 1, 2, 4, 8, the pair (lo, hi) that swaps
     * bit b of the row index with bit b of the lane index in rows i and i + b (i without bit b). Lane j of the new
     * row i is x_i[j] if j lacks bit b, else x_{i+b}[j − b]; of the new row i + b, x_i[j + b] or x_{i+b}[j].
     * Indices 16..31 select from the second source.
     */
    private static final float[] TRANSPOSE_INDEX = new float[8 * 16];

    static {
        for (int stage = 0; stage < 4; stage++) {
            int bit = 1 << stage;
            for (int j = 0; j < 16; j++) {
                boolean low = (j & bit) == 0;
                TRANSPOSE_INDEX[2 * stage * 16 + j] = low ? j : 16 + j - bit;
                TRANSPOSE_INDEX[(2 * stage + 1) * 16 + j] = low ? j + bit : 16 + j;
            }
        }
    }

    private VectorPacking() {}

    /** Columns [j0, j0 + cols) of op(B), steps [p0, p0 + kc), into {@code pb[p·NR + j]}, zero for j ≥ cols. */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int j0, int cols, int p0, int kc,
                      float[] pb, int pbi) {
        if (transB) {
            // op(B)(p, j) = B(j, p): a transpose of the stored rows j0.. of B
            transpose(b, bOff + j0 * ldb + p0, ldb, cols, kc, pb, pbi, NR);
            for (int p = 0; cols < NR && p < kc; p++) {
                Arrays.fill(pb, pbi + p * NR + cols, pbi + (p + 1) * NR, 0f);
            }
            return;
        }
        int src = bOff + p0 * ldb + j0;
        if (cols == NR) {
            for (int p = 0; p < kc; p++, src += ldb) {
                int dst = pbi + p * NR;
                FloatVector.fromArray(S, b, src).intoArray(pb, dst);
                FloatVector.fromArray(S, b, src + L).intoArray(pb, dst + L);
                FloatVector.fromArray(S, b, src + 2 * L).intoArray(pb, dst + 2 * L);
                FloatVector.fromArray(S, b, src + 3 * L).intoArray(pb, dst + 3 * L);
            }
            return;
        }
        for (int v = 0; v < NR; v += L) {
            VectorMask<Float> in = S.indexInRange(v, cols);
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, b, src + p * ldb + v, in).intoArray(pb, pbi + p * NR + v);
            }
        }
    }

    /**
     * {@code dst[d + j·ldd + i] = src[s + i·lds + j]} for i < rows, j < cols: the transpose of a rows × cols block.
     * With 16 lanes, by 16 × 16 tiles transposed in registers; the rest, and other vector lengths, one by one.
     */
    static void transpose(float[] src, int s, int lds, int rows, int cols, float[] dst, int d, int ldd) {
        int rows16 = L == 16 ? rows - rows % 16 : 0;
        int cols16 = L == 16 ? cols - cols % 16 : 0;
        for (int i = 0; i < rows16; i += 16) {
            for (int j = 0; j < cols16; j += 16) {
                transpose16(src, s + i * lds + j, lds, dst, d + j * ldd + i, ldd);
            }
        }
        for (int i = 0; i < rows; i++) {
            // the columns the tiles left: all of them in rows past rows16, the last cols % 16 in the others
            for (int j = i < rows16 ? cols16 : 0; j < cols; j++) {
                dst[d + j * ldd + i] = src[s + i * lds + j];
            }
        }
    }

    /**
     * The 16 × 16 block at {@code src[s + i·lds + j]} into {@code dst[d + j·ldd + i]}: 16 loads, 4 rounds of 16
     * two-source permutations (each swaps one bit of the row index with the same bit of the lane index), 16 stores.
     * Only called with L = 16.
     */
    private static void transpose16(float[] src, int s, int lds, float[] dst, int d, int ldd) {
        FloatVector x0 = FloatVector.fromArray(S, src, s);
        FloatVector x1 = FloatVector.fromArray(S, src, s + 1 * lds);
        FloatVector x2 = FloatVector.fromArray(S, src, s + 2 * lds);
        FloatVector x3 = FloatVector.fromArray(S, src, s + 3 * lds);
        FloatVector x4 = FloatVector.fromArray(S, src, s + 4 * lds);
        FloatVector x5 = FloatVector.fromArray(S, src, s + 5 * lds);
        FloatVector x6 = FloatVector.fromArray(S, src, s + 6 * lds);
        FloatVector x7 = FloatVector.fromArray(S, src, s + 7 * lds);
        FloatVector x8 = FloatVector.fromArray(S, src, s + 8 * lds);
        FloatVector x9 = FloatVector.fromArray(S, src, s + 9 * lds);
        FloatVector x10 = FloatVector.fromArray(S, src, s + 10 * lds);
        FloatVector x11 = FloatVector.fromArray(S, src, s + 11 * lds);
        FloatVector x12 = FloatVector.fromArray(S, src, s + 12 * lds);
        FloatVector x13 = FloatVector.fromArray(S, src, s + 13 * lds);
        FloatVector x14 = FloatVector.fromArray(S, src, s + 14 * lds);
        FloatVector x15 = FloatVector.fromArray(S, src, s + 15 * lds);
        FloatVector lo;
        FloatVector hi;
        FloatVector t;
        // swap bit 0 of the row index with bit 0 of the lane index
        lo = FloatVector.fromArray(S, TRANSPOSE_INDEX, 0 * L);
        hi = FloatVector.fromArray(S, TRANSPOSE_INDEX, 1 * L);
        t = lo.selectFrom(x0, x1); x1 = hi.selectFrom(x0, x1); x0 = t;
        t = lo.selectFrom(x2, x3); x3 = hi.selectFrom(x2, x3); x2 = t;
        t = lo.selectFrom(x4, x5); x5 = hi.selectFrom(x4, x5); x4 = t;
        t = lo.selectFrom(x6, x7); x7 = hi.selectFrom(x6, x7); x6 = t;
        t = lo.selectFrom(x8, x9); x9 = hi.selectFrom(x8, x9); x8 = t;
        t = lo.selectFrom(x10, x11); x11 = hi.selectFrom(x10, x11); x10 = t;
        t = lo.selectFrom(x12, x13); x13 = hi.selectFrom(x12, x13); x12 = t;
        t = lo.selectFrom(x14, x15); x15 = hi.selectFrom(x14, x15); x14 = t;
        // swap bit 1 of the row index with bit 1 of the lane index
        lo = FloatVector.fromArray(S, TRANSPOSE_INDEX, 2 * L);
        hi = FloatVector.fromArray(S, TRANSPOSE_INDEX, 3 * L);
        t = lo.selectFrom(x0, x2); x2 = hi.selectFrom(x0, x2); x0 = t;
        t = lo.selectFrom(x1, x3); x3 = hi.selectFrom(x1, x3); x1 = t;
        t = lo.selectFrom(x4, x6); x6 = hi.selectFrom(x4, x6); x4 = t;
        t = lo.selectFrom(x5, x7); x7 = hi.selectFrom(x5, x7); x5 = t;
        t = lo.selectFrom(x8, x10); x10 = hi.selectFrom(x8, x10); x8 = t;
        t = lo.selectFrom(x9, x11); x11 = hi.selectFrom(x9, x11); x9 = t;
        t = lo.selectFrom(x12, x14); x14 = hi.selectFrom(x12, x14); x12 = t;
        t = lo.selectFrom(x13, x15); x15 = hi.selectFrom(x13, x15); x13 = t;
        // swap bit 2 of the row index with bit 2 of the lane index
        lo = FloatVector.fromArray(S, TRANSPOSE_INDEX, 4 * L);
        hi = FloatVector.fromArray(S, TRANSPOSE_INDEX, 5 * L);
        t = lo.selectFrom(x0, x4); x4 = hi.selectFrom(x0, x4); x0 = t;
        t = lo.selectFrom(x1, x5); x5 = hi.selectFrom(x1, x5); x1 = t;
        t = lo.selectFrom(x2, x6); x6 = hi.selectFrom(x2, x6); x2 = t;
        t = lo.selectFrom(x3, x7); x7 = hi.selectFrom(x3, x7); x3 = t;
        t = lo.selectFrom(x8, x12); x12 = hi.selectFrom(x8, x12); x8 = t;
        t = lo.selectFrom(x9, x13); x13 = hi.selectFrom(x9, x13); x9 = t;
        t = lo.selectFrom(x10, x14); x14 = hi.selectFrom(x10, x14); x10 = t;
        t = lo.selectFrom(x11, x15); x15 = hi.selectFrom(x11, x15); x11 = t;
        // swap bit 3 of the row index with bit 3 of the lane index
        lo = FloatVector.fromArray(S, TRANSPOSE_INDEX, 6 * L);
        hi = FloatVector.fromArray(S, TRANSPOSE_INDEX, 7 * L);
        t = lo.selectFrom(x0, x8); x8 = hi.selectFrom(x0, x8); x0 = t;
        t = lo.selectFrom(x1, x9); x9 = hi.selectFrom(x1, x9); x1 = t;
        t = lo.selectFrom(x2, x10); x10 = hi.selectFrom(x2, x10); x2 = t;
        t = lo.selectFrom(x3, x11); x11 = hi.selectFrom(x3, x11); x3 = t;
        t = lo.selectFrom(x4, x12); x12 = hi.selectFrom(x4, x12); x4 = t;
        t = lo.selectFrom(x5, x13); x13 = hi.selectFrom(x5, x13); x5 = t;
        t = lo.selectFrom(x6, x14); x14 = hi.selectFrom(x6, x14); x6 = t;
        t = lo.selectFrom(x7, x15); x15 = hi.selectFrom(x7, x15); x7 = t;
        x0.intoArray(dst, d);
        x1.intoArray(dst, d + 1 * ldd);
        x2.intoArray(dst, d + 2 * ldd);
        x3.intoArray(dst, d + 3 * ldd);
        x4.intoArray(dst, d + 4 * ldd);
        x5.intoArray(dst, d + 5 * ldd);
        x6.intoArray(dst, d + 6 * ldd);
        x7.intoArray(dst, d + 7 * ldd);
        x8.intoArray(dst, d + 8 * ldd);
        x9.intoArray(dst, d + 9 * ldd);
        x10.intoArray(dst, d + 10 * ldd);
        x11.intoArray(dst, d + 11 * ldd);
        x12.intoArray(dst, d + 12 * ldd);
        x13.intoArray(dst, d + 13 * ldd);
        x14.intoArray(dst, d + 14 * ldd);
        x15.intoArray(dst, d + 15 * ldd);
    }
}
