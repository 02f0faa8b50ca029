package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The index lists of 0/1 matrices and the products that sum rows along them: against the dense reference product
 * with entries that make every sum exact (so any slip shows), vector against reference bit for bit, the lists
 * from floats, from packed bits and transposed against a plain scan.
 */
class BinaryRowsTest {
    private static final Kernels REFERENCE = new ReferenceKernels();
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);

    private float[] ones(int rows, int cols, double p) {
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < p ? 1f : 0f;
        }
        return x;
    }

    /** Multiples of 1/4 in [−1, 1]: sums of a few hundred of them are exact in float, in any order. */
    private float[] quarters(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rng.nextInt(9) - 4) / 4f;
        }
        return x;
    }

    private static int[] list(BinaryRows m, int r) {
        return Arrays.copyOfRange(m.index(), m.start()[r], m.start()[r + 1]);
    }

    @Test
    void listsFromFloatsAndBitsAreTheColumnsOfTheOnes() {
        int rows = 37;
        int cols = 131;
        float[] x = ones(rows, cols, 0.2);
        BinaryRows fromFloats = new BinaryRows(40, 140);
        assertTrue(fromFloats.setFromFloats(x, 0, rows, cols));
        long[] bits = new long[rows * 3];
        int ones = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                if (x[r * cols + j] == 1f) {
                    bits[r * 3 + (j >>> 6)] |= 1L << (j & 63);
                    ones++;
                }
            }
        }
        BinaryRows fromBits = new BinaryRows(40, 140);
        fromBits.setFromBits(bits, 0, 3, rows, cols);
        assertEquals(ones, fromFloats.ones());
        assertEquals((double) ones / (rows * cols), fromFloats.density(), 1e-12);
        for (int r = 0; r < rows; r++) {
            final int row = r;
            int[] expected = java.util.stream.IntStream.range(0, cols).filter(j -> x[row * cols + j] == 1f).toArray();
            assertArrayEquals(expected, list(fromFloats, r), "row " + r);
            assertArrayEquals(expected, list(fromBits, r), "row " + r + " from bits");
        }
    }

    @Test
    void aValueOtherThanZeroOrOneIsNotBinary() {
        BinaryRows m = new BinaryRows(2, 3);
        assertTrue(m.setFromFloats(new float[] {0f, 1f, 0f, 1f, 1f, 0f}, 0, 2, 3));
        assertFalse(m.setFromFloats(new float[] {0f, 1f, 0f, 1f, 0.5f, 0f}, 0, 2, 3));
        assertFalse(m.setFromFloats(new float[] {0f, 1f, -0f, 1f, 1f, 0f}, 0, 2, 3), "−0f");
        assertFalse(m.setFromFloats(new float[] {0f, 2f, 0f, 1f, 1f, 0f}, 0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> m.setFromFloats(new float[12], 0, 3, 4));
    }

    @Test
    void theTransposeListsTheRowsOfEachColumnInOrder() {
        int rows = 50;
        int cols = 70;
        float[] x = ones(rows, cols, 0.15);
        BinaryRows m = new BinaryRows(rows, cols);
        m.setFromFloats(x, 0, rows, cols);
        BinaryRows t = new BinaryRows(cols, rows);
        t.setTransposeOf(m);
        assertEquals(cols, t.rows());
        assertEquals(rows, t.cols());
        assertEquals(m.ones(), t.ones());
        for (int j = 0; j < cols; j++) {
            final int col = j;
            int[] expected = java.util.stream.IntStream.range(0, rows).filter(r -> x[r * cols + col] == 1f).toArray();
            assertArrayEquals(expected, list(t, j), "column " + j);
        }
    }

    /** sumRows of every kernel on rows [r0, r1) and a block of columns, against the dense reference product. */
    private void checkSums(Kernels kernels, int rows, int k, int n, double p) {
        float[] a = ones(rows, k, p);
        int ldb = n + 5;
        float[] b = quarters(k * ldb);
        BinaryRows m = new BinaryRows(rows, k);
        m.setFromFloats(a, 0, rows, k);
        // the whole product, dense, exact
        float[] expected = new float[rows * n];
        REFERENCE.gemm(false, false, rows, n, k, 1f, a, 0, k, b, 3, ldb, 0f, expected, 0, n);
        int ldc = n + 2;
        float[] c = new float[rows * ldc];
        Arrays.fill(c, Float.NaN);
        int r0 = rows / 3;
        int c0 = Math.min(17, n / 2);
        kernels.sumRows(m.start(), m.index(), r0, rows, b, 3 + c0, ldb, n - c0, c, 1 + c0, ldc);
        kernels.sumRows(m.start(), m.index(), r0, rows, b, 3, ldb, c0, c, 1, ldc);
        kernels.sumRows(m.start(), m.index(), 0, r0, b, 3, ldb, n, c, 1, ldc);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                assertEquals(expected[r * n + j], c[1 + r * ldc + j], 0f,
                        kernels.name() + " " + rows + "×" + k + "·" + k + "×" + n + " at " + r + "," + j);
            }
            assertTrue(Float.isNaN(c[r * ldc]), "left alone before the block");
        }
    }

    @Test
    void sumsEqualTheDenseProduct() {
        Kernels vector = KernelsProvider.best();
        for (Kernels kernels : new Kernels[] {REFERENCE, vector}) {
            checkSums(kernels, 100, 784, 500, 0.13);
            checkSums(kernels, 100, 500, 784, 0.3);
            checkSums(kernels, 33, 60, 257, 0.5);
            checkSums(kernels, 7, 20, 5, 0.0);
            checkSums(kernels, 9, 30, 300, 1.0);
        }
    }

    @Test
    void vectorAndReferenceGiveTheSameBits() {
        Kernels vector = KernelsProvider.best();
        int rows = 100;
        int k = 784;
        int n = 500;
        BinaryRows m = new BinaryRows(rows, k);
        m.setFromFloats(ones(rows, k, 0.2), 0, rows, k);
        float[] b = new float[k * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = (rng.nextFloat() - 0.5f) * 0.3f; // sums that round, so the order of the additions matters
        }
        float[] c1 = new float[rows * n];
        float[] c2 = new float[rows * n];
        REFERENCE.sumRows(m.start(), m.index(), 0, rows, b, 0, n, n, c1, 0, n);
        vector.sumRows(m.start(), m.index(), 0, rows, b, 0, n, n, c2, 0, n);
        assertArrayEquals(c1, c2);
    }
}
