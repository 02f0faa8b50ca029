package rbm.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels#sumRows} on the Vector API: the product of a 0/1 matrix and a dense one as sums of the selected
 * rows. A block of columns of a row of C is held in registers while the rows of B that its list selects are added
 * into it: 16 vectors (256 columns with AVX-512, half of its 32 registers) per pass while more than 12 vectors of
 * columns remain, then 4. A block that ends inside a vector still loads whole vectors (the lanes past its end read
 * the next columns of B and are never stored), because masked loads run at half the speed or less; only a row of B
 * whose whole vectors would reach past the end of the array is added lane by lane. Each element is the sum from 0f
 * of its column of the selected rows, in list order, as in {@link ReferenceKernels}, so both give the same bits.
 *
 * <p>What bounds it is the traffic from L2: each selected row brings 16 cache lines of B into L1 for 16 additions,
 * and the rows come in no order that a prefetcher could follow. So the caller splits the columns over the threads,
 * and each keeps its block of B (784 × 256 floats of W: 800 KB) in its own L2 while all the rows pass over it.
 */
final class VectorRowSums {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** One row of a block of sums on its way to C, per thread. */
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[16 * L]);

    private VectorRowSums() {}

    static void sumRows(int[] start, int[] index, int r0, int r1, float[] b, int bOff, int ldb, int n, float[] c,
                        int cOff, int ldc) {
        int j = 0;
        while (n - j > 12 * L) {
            int end = Math.min(16 * L, n - j);
            sixteen(start, index, r0, r1, b, bOff + j, ldb, c, cOff + j, ldc, end);
            j += end;
        }
        for (; j < n; j += 4 * L) {
            four(start, index, r0, r1, b, bOff + j, ldb, c, cOff + j, ldc, Math.min(4 * L, n - j));
        }
    }

    /**
     * Where the rows of a list whose whole vectors stay inside b end: the lists are in increasing order, so only rows
     * at the end of a list can be the last rows of B, whose {@code reach} floats may run past the end of the array.
     */
    private static int wholeRows(int[] index, int first, int stop, float[] b, int bj, int ldb, int reach) {
        int whole = stop;
        while (whole > first && bj + index[whole - 1] * ldb + reach > b.length) {
            whole--;
        }
        return whole;
    }

    /**
     * Adds the rows {@code index[whole .. stop)} to the sums in {@code row} lane by lane, then stores the first
     * {@code end} sums at {@code c[out ..]}: whole vectors, the last one masked by {@code edge}.
     */
    private static void finish(float[] row, int[] index, int whole, int stop, float[] b, int bj, int ldb, int end,
                               VectorMask<Float> edge, float[] c, int out) {
        for (int t = whole; t < stop; t++) {
            int at = bj + index[t] * ldb;
            for (int q = 0; q < end; q++) {
                row[q] += b[at + q];
            }
        }
        int q = 0;
        for (; q + L < end; q += L) {
            FloatVector.fromArray(S, row, q).intoArray(c, out + q);
        }
        if (out + q + L <= c.length) {
            FloatVector.fromArray(S, row, q).intoArray(c, out + q, edge);
        } else {
            for (; q < end; q++) {
                c[out + q] = row[q];
            }
        }
    }

    /** Columns [j, j + end) of rows [r0, r1), end ≤ 16·L: 16 vectors of sums in registers. */
    private static void sixteen(int[] start, int[] index, int r0, int r1, float[] b, int bj, int ldb, float[] c,
            int cj, int ldc, int end) {
        VectorMask<Float> edge = S.indexInRange(0, end - (end - 1) / L * L);
        float[] row = ROW.get();
        for (int r = r0; r < r1; r++) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0, s8 = s0;
            FloatVector s9 = s0, s10 = s0, s11 = s0, s12 = s0, s13 = s0, s14 = s0, s15 = s0;
            int first = start[r];
            int stop = start[r + 1];
            int whole = wholeRows(index, first, stop, b, bj, ldb, 16 * L);
            for (int t = first; t < whole; t++) {
                int at = bj + index[t] * ldb;
                s0 = s0.add(FloatVector.fromArray(S, b, at));
                s1 = s1.add(FloatVector.fromArray(S, b, at + L));
                s2 = s2.add(FloatVector.fromArray(S, b, at + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, b, at + 3 * L));
                s4 = s4.add(FloatVector.fromArray(S, b, at + 4 * L));
                s5 = s5.add(FloatVector.fromArray(S, b, at + 5 * L));
                s6 = s6.add(FloatVector.fromArray(S, b, at + 6 * L));
                s7 = s7.add(FloatVector.fromArray(S, b, at + 7 * L));
                s8 = s8.add(FloatVector.fromArray(S, b, at + 8 * L));
                s9 = s9.add(FloatVector.fromArray(S, b, at + 9 * L));
                s10 = s10.add(FloatVector.fromArray(S, b, at + 10 * L));
                s11 = s11.add(FloatVector.fromArray(S, b, at + 11 * L));
                s12 = s12.add(FloatVector.fromArray(S, b, at + 12 * L));
                s13 = s13.add(FloatVector.fromArray(S, b, at + 13 * L));
                s14 = s14.add(FloatVector.fromArray(S, b, at + 14 * L));
                s15 = s15.add(FloatVector.fromArray(S, b, at + 15 * L));
            }
            s0.intoArray(row, 0);
            s1.intoArray(row, L);
            s2.intoArray(row, 2 * L);
            s3.intoArray(row, 3 * L);
            s4.intoArray(row, 4 * L);
            s5.intoArray(row, 5 * L);
            s6.intoArray(row, 6 * L);
            s7.intoArray(row, 7 * L);
            s8.intoArray(row, 8 * L);
            s9.intoArray(row, 9 * L);
            s10.intoArray(row, 10 * L);
            s11.intoArray(row, 11 * L);
            s12.intoArray(row, 12 * L);
            s13.intoArray(row, 13 * L);
            s14.intoArray(row, 14 * L);
            s15.intoArray(row, 15 * L);
            finish(row, index, whole, stop, b, bj, ldb, end, edge, c, cj + r * ldc);
        }
    }

    /** Columns [j, j + end) of rows [r0, r1), end ≤ 4·L: 4 vectors of sums in registers. */
    private static void four(int[] start, int[] index, int r0, int r1, float[] b, int bj, int ldb, float[] c,
            int cj, int ldc, int end) {
        VectorMask<Float> edge = S.indexInRange(0, end - (end - 1) / L * L);
        float[] row = ROW.get();
        for (int r = r0; r < r1; r++) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0, s2 = s0, s3 = s0;
            int first = start[r];
            int stop = start[r + 1];
            int whole = wholeRows(index, first, stop, b, bj, ldb, 4 * L);
            for (int t = first; t < whole; t++) {
                int at = bj + index[t] * ldb;
                s0 = s0.add(FloatVector.fromArray(S, b, at));
                s1 = s1.add(FloatVector.fromArray(S, b, at + L));
                s2 = s2.add(FloatVector.fromArray(S, b, at + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, b, at + 3 * L));
            }
            s0.intoArray(row, 0);
            s1.intoArray(row, L);
            s2.intoArray(row, 2 * L);
            s3.intoArray(row, 3 * L);
            finish(row, index, whole, stop, b, bj, ldb, end, edge, c, cj + r * ldc);
        }
    }
}
