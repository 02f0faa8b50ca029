package rbm.kernels;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The reference kernels against textbook definitions computed in double. */
class ReferenceKernelsTest {
    private final Kernels k = new ReferenceKernels();
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);

    private float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat() * 2 - 1;
        }
        return x;
    }

    @Test
    void gemmMatchesTheDefinitionForEveryTransposeWithOffsetsAndStrides() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {17, 1, 9}, {8, 33, 2}, {31, 16, 15}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int kk = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    int aRows = ta ? kk : m;
                    int aCols = ta ? m : kk;
                    int bRows = tb ? n : kk;
                    int bCols = tb ? kk : n;
                    int lda = aCols + 3;
                    int ldb = bCols + 2;
                    int ldc = n + 1;
                    float[] a = random(5 + aRows * lda);
                    float[] b = random(7 + bRows * ldb);
                    float[] c = random(4 + m * ldc);
                    float[] c0 = c.clone();
                    float alpha = 0.75f;
                    float beta = -0.5f;
                    k.gemm(ta, tb, m, n, kk, alpha, a, 5, lda, b, 7, ldb, beta, c, 4, ldc);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = 0;
                            for (int p = 0; p < kk; p++) {
                                double av = ta ? a[5 + p * lda + i] : a[5 + i * lda + p];
                                double bv = tb ? b[7 + j * ldb + p] : b[7 + p * ldb + j];
                                sum += av * bv;
                            }
                            double want = alpha * sum + beta * c0[4 + i * ldc + j];
                            assertEquals(want, c[4 + i * ldc + j], 1e-5 * (1 + kk),
                                    "gemm " + ta + "," + tb + " " + m + "x" + n + "x" + kk + " at " + i + "," + j);
                        }
                        // padding between rows is left alone
                        assertEquals(c0[4 + i * ldc + n], c[4 + i * ldc + n]);
                    }
                }
            }
        }
    }

    @Test
    void gemmWithZeroBetaIgnoresNanInTheOutput() {
        float[] a = {1, 2};
        float[] b = {3, 4};
        float[] c = {Float.NaN};
        k.gemm(false, false, 1, 1, 2, 1f, a, 0, 2, b, 0, 1, 0f, c, 0, 1);
        assertEquals(11f, c[0]);
    }

    @Test
    void sigmoidBiasIsTheLogisticOfTheSum() {
        float[] x = {0f, 1f, -2f, 30f, -30f, 0.5f};
        float[] bias = {0f, -1f, 2f};
        float[] out = new float[6];
        k.sigmoidBias(x, bias, out, 0, 2, 3);
        float[] want = {0.5f, 0.5f, 0.5f, (float) (1 / (1 + Math.exp(-30))), (float) (1 / (1 + Math.exp(31))),
            (float) (1 / (1 + Math.exp(-2.5)))};
        assertArrayEquals(want, out, 1e-7f);
    }

    @Test
    void bernoulliComparesUniformsWithProbabilities() {
        float[] p = {0f, 1f, 0.5f, 0.5f, 0.25f};
        float[] u = {9, 9, 0f, 0.3f, 0.7f, 0.25f};
        float[] out = new float[5];
        k.bernoulli(p, u, 1, out, 0, 5);
        // u = 9 < 0 is false; 0 < 1 true; 0.3 < 0.5 true; 0.7 < 0.5 false; 0.25 < 0.25 false
        assertArrayEquals(new float[] {0, 1, 1, 0, 0}, out);
    }

    @Test
    void packBitsPutsUnitIInBitIModulo64() {
        float[] x = new float[130];
        x[0] = 1;
        x[63] = 1;
        x[64] = 0.6f;
        x[129] = 1;
        x[5] = 0.5f; // not above the 0.5 threshold
        long[] words = {-1, -1, -1, -1};
        k.packBits(x, 0, 130, 0.5f, words, 1);
        assertEquals(-1L, words[0]);
        assertEquals(1L | (1L << 63), words[1]);
        assertEquals(1L, words[2]);
        assertEquals(2L, words[3]);
    }

    @Test
    void unpackBitsWritesBitIOfTheWordsAsOneOrZero() {
        long[] words = {-1L, 1L | (1L << 63), 2L, 1L | (1L << 5)}; // bit 133 is past n
        float[] out = new float[132];
        Arrays.fill(out, 7f);
        k.unpackBits(words, 1, 130, out, 1);
        for (int i = 0; i < 130; i++) {
            float want = i == 0 || i == 63 || i == 65 || i == 128 ? 1f : 0f;
            assertEquals(want, out[1 + i], "bit " + i);
        }
        assertEquals(7f, out[0]); // nothing written outside [off, off + n)
        assertEquals(7f, out[131]);
    }

    @Test
    void hashSeparatesNearbyKeysAndDependsOnWidth() {
        long[] a = {1L, 2L, 3L};
        long[] b = {1L, 2L, 3L ^ (1L << 40)};
        assertEquals(k.hash(a, 0, 3), k.hash(a.clone(), 0, 3));
        assertNotEquals(k.hash(a, 0, 3), k.hash(b, 0, 3));
        assertNotEquals(k.hash(new long[] {0L}, 0, 1), k.hash(new long[] {0L, 0L}, 0, 2));
        // avalanche: flipping one input bit flips about half of the output bits
        int flips = 0;
        for (int bit = 0; bit < 64; bit++) {
            long[] c = {1L, 2L, 3L ^ (1L << bit)};
            flips += Long.bitCount(k.hash(a, 0, 3) ^ k.hash(c, 0, 3));
        }
        double mean = flips / 64.0;
        assertEquals(32, mean, 4, "mean flipped output bits");
    }
}
