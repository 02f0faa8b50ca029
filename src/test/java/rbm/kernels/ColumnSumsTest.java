package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#columnSums}: the reference against sums in double, and the vector kernels against the reference bit
 * for bit (both sum each column over the rows in order), on blocks of columns of a wider matrix around the vector
 * length and the four-vector groups.
 */
class ColumnSumsTest {
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);

    @Test
    void columnSumsOfBlocksOfAWiderMatrix() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        Kernels reference = new ReferenceKernels();
        int ld = 801;
        for (int rows : new int[] {0, 1, 7, 100}) {
            float[] x = new float[3 + rows * ld];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextFloat();
            }
            for (int cols : new int[] {1, 15, 16, 17, 63, 64, 65, 250, 392, 500}) {
                int j0 = 3 + cols % 7;
                float[] want = new float[ld + 2];
                java.util.Arrays.fill(want, -1f); // outside the block must stay -1
                reference.columnSums(x, j0, ld, rows, cols, want, 1);
                for (int j = 0; j < ld + 2; j++) {
                    if (j < 1 || j >= 1 + cols) {
                        assertEquals(-1f, want[j], "written outside the block at " + j);
                        continue;
                    }
                    double sum = 0;
                    for (int r = 0; r < rows; r++) {
                        sum += x[j0 + r * ld + j - 1];
                    }
                    assertEquals(sum, want[j], 1e-5 * (rows + 1), rows + " rows, column " + j);
                }
                if (module) {
                    float[] got = new float[ld + 2];
                    java.util.Arrays.fill(got, -1f);
                    new VectorKernels().columnSums(x, j0, ld, rows, cols, got, 1);
                    assertArrayEquals(want, got, rows + " rows × " + cols + " columns");
                }
            }
        }
    }
}
