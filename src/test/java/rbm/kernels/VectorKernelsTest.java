package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against the reference kernels. Skipped when the JVM runs without {@code jdk.incubator.vector},
 * so that the suite also runs on a JVM without the module.
 *
 * <p>gemm is checked twice on every shape. With entries that are multiples of 1/4 in [−1, 1], and alpha and beta
 * powers of two, every partial sum is exact in float whatever the order, so the results must be equal (up to the
 * sign of zero): this catches any indexing slip, however small its effect.
 * With random reals the two implementations sum the same k products in different orders (the vector one with FMAs),
 * so each is within about (k + 2)·2⁻²⁴·M of the exact value, where M = |alpha|·Σ_p |a_ip|·|b_pj| + |beta|·|c_ij|; they
 * may differ by twice that. sigmoid: within 1e-7 absolute (measured at most 6e-8, 2 ulps: the vector EXP is within
 * about 1 ulp, the reference rounds a double). bernoulli, packBits and hash: exactly equal.
 */
class VectorKernelsTest {
    private static final float U = 0x1p-24f;
    private static Kernels vector;
    private static final Kernels REFERENCE = new ReferenceKernels();
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);

    @BeforeAll
    static void needsTheVectorModule() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector to test the vector kernels");
        vector = new VectorKernels();
    }

    /** Multiples of 1/4 in [−1, 1]: products and their sums are exact in float. */
    private float[] quarters(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rng.nextInt(9) - 4) / 4f;
        }
        return x;
    }

    private float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat() * 2 - 1;
        }
        return x;
    }

    /** One gemm problem with its operands laid out in larger arrays, at offsets and with padded rows. */
    private final class Problem {
        final boolean ta;
        final boolean tb;
        final int m;
        final int n;
        final int k;
        final float alpha;
        final float beta;
        final int aOff = 3;
        final int bOff = 5;
        final int cOff = 7;
        final int lda;
        final int ldb;
        final int ldc;
        final float[] a;
        final float[] b;
        final float[] c;
        final boolean exact;

        Problem(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta, int pad, boolean exact) {
            this.exact = exact;
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            lda = (ta ? m : k) + pad;
            ldb = (tb ? k : n) + pad;
            ldc = n + pad;
            a = exact ? quarters(aOff + (ta ? k : m) * lda + 2) : random(aOff + (ta ? k : m) * lda + 2);
            b = exact ? quarters(bOff + (tb ? n : k) * ldb + 2) : random(bOff + (tb ? n : k) * ldb + 2);
            c = exact ? quarters(cOff + m * ldc + 2) : random(cOff + m * ldc + 2);
        }

        float[] run(Kernels kernels) {
            float[] out = c.clone();
            kernels.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
            return out;
        }

        float av(int i, int p) {
            return ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float bv(int p, int j) {
            return tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        String describe() {
            return (ta ? "Aᵀ" : "A") + "·" + (tb ? "Bᵀ" : "B") + " " + m + "×" + n + "×" + k
                    + " alpha=" + alpha + " beta=" + beta + (exact ? " (exact)" : "");
        }

        /** Checks the vector result against the reference (exactly, or within the bound), and that nothing else moved. */
        void check() {
            float[] want = run(REFERENCE);
            float[] got = run(vector);
            if (exact) {
                assertArrayEquals(want, got, 0f, this::describe); // equal up to the sign of zero
                return;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double magnitude = beta == 0f ? 0 : Math.abs(beta * c[cOff + i * ldc + j]);
                    for (int p = 0; p < k; p++) {
                        magnitude += Math.abs(alpha * av(i, p) * bv(p, j));
                    }
                    int at = cOff + i * ldc + j;
                    double tolerance = 2 * (k + 2) * U * magnitude;
                    assertEquals(want[at], got[at], tolerance, () -> describe() + " at " + at);
                }
            }
            for (int at = 0; at < c.length; at++) {
                int row = (at - cOff) / ldc;
                int col = (at - cOff) % ldc;
                if (at < cOff || row >= m || col >= n) {
                    assertEquals(c[at], got[at], describe() + ": element " + at + " outside C was written");
                }
            }
        }
    }

    private static final boolean[] BOTH = {false, true};

    /** Checks one shape with exact data (alpha and beta made exact too) and with random reals. */
    private void check(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta, int pad) {
        new Problem(ta, tb, m, n, k, Math.scalb(1f, Math.getExponent(alpha)) * Math.signum(alpha),
                beta == 0f ? 0f : Math.scalb(1f, Math.getExponent(beta)) * Math.signum(beta), pad, true).check();
        new Problem(ta, tb, m, n, k, alpha, beta, pad, false).check();
    }

    @Test
    void gemmOnSmallAndOddShapes() {
        int[] sizes = {1, 2, 7, 13, 17};
        for (int m : sizes) {
            for (int n : sizes) {
                for (int k : sizes) {
                    for (boolean ta : BOTH) {
                        for (boolean tb : BOTH) {
                            check(ta, tb, m, n, k, 0.75f, -0.5f, 3);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gemmAroundTheVectorLengthAndTheTileSizes() {
        // the tile is 6 rows × 4 vectors; 16 lanes with AVX-512, 8 with AVX2: one below and above each multiple
        int[] ms = {5, 6, 7, 11, 12, 13, 31, 95, 97};
        int[] ns = {7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 95, 97, 127, 129};
        int[] ks = {1, 7, 31, 97};
        for (int m : ms) {
            for (int n : ns) {
                for (int k : ks) {
                    for (boolean ta : BOTH) {
                        for (boolean tb : BOTH) {
                            check(ta, tb, m, n, k, 1f, 0.25f, 1 + (m + n) % 5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void gemmOnTheShapesOfRbmTraining() {
        int[][] layers = {{784, 500}, {500, 250}, {250, 120}, {120, 30}};
        int batch = 100;
        for (int[] layer : layers) {
            int visible = layer[0];
            int hidden = layer[1];
            check(false, false, batch, hidden, visible, 1f, 0f, 0); // V·W
            check(false, true, batch, visible, hidden, 1f, 0f, 0); // H·Wᵀ
            check(true, false, visible, hidden, batch, 1f / batch, 0f, 0); // Vᵀ·H
            check(true, false, visible, hidden, batch, -1f / batch, 1f, 0); // − Vₖᵀ·Hₖ, accumulated
        }
    }

    @Test
    void gemmWithALongInnerDimensionThatSpansSeveralBlocks() {
        for (boolean ta : BOTH) {
            for (boolean tb : BOTH) {
                check(ta, tb, 13, 65, 1100, 0.5f, 2f, 2);
                check(ta, tb, 7, 17, 2049, -1f, 0f, 0);
            }
        }
    }

    @Test
    void gemmWithZeroBetaIgnoresNanInC() {
        for (boolean ta : BOTH) {
            for (boolean tb : BOTH) {
                Problem problem = new Problem(ta, tb, 13, 70, 19, 1.5f, 0f, 2, false);
                Arrays.fill(problem.c, Float.NaN);
                float[] got = problem.run(vector);
                float[] want = problem.run(REFERENCE);
                for (int i = 0; i < problem.m; i++) {
                    for (int j = 0; j < problem.n; j++) {
                        int at = problem.cOff + i * problem.ldc + j;
                        assertTrue(Float.isFinite(got[at]), problem.describe() + " at " + at);
                        assertEquals(want[at], got[at], 2 * 21 * U * 1.5f * 19, problem.describe());
                    }
                }
            }
        }
    }

    @Test
    void gemmWithAnEmptyInnerDimensionScalesC() {
        for (float beta : new float[] {0f, 0.5f}) {
            Problem problem = new Problem(false, false, 3, 20, 0, 1f, beta, 1, false);
            assertArrayEquals(problem.run(REFERENCE), problem.run(vector));
        }
    }

    /** Each element's sum must not depend on where its row block starts: any split gives the same bits. */
    @Test
    void gemmOnBlocksOfRowsEqualsTheWholeBitForBit() {
        int[][] shapes = {{37, 29, 41}, {100, 500, 784}, {100, 784, 500}, {784, 500, 100}, {13, 65, 1100}};
        for (int[] s : shapes) {
            for (boolean ta : BOTH) {
                for (boolean tb : BOTH) {
                    Problem problem = new Problem(ta, tb, s[0], s[1], s[2], 1f, 0.5f, 1, false);
                    float[] whole = problem.run(vector);
                    for (int split : new int[] {1, 5, 7, problem.m / 2, problem.m - 1}) {
                        float[] parts = problem.c.clone();
                        runRows(problem, 0, split, parts);
                        runRows(problem, split, problem.m, parts);
                        assertArrayEquals(whole, parts, problem.describe() + " split at row " + split);
                    }
                }
            }
        }
    }

    private static void runRows(Problem p, int from, int to, float[] c) {
        int aOff = p.ta ? p.aOff + from : p.aOff + from * p.lda;
        vector.gemm(p.ta, p.tb, to - from, p.n, p.k, p.alpha, p.a, aOff, p.lda, p.b, p.bOff, p.ldb,
                p.beta, c, p.cOff + from * p.ldc, p.ldc);
    }

    @Test
    void computeOnTwoThreadsEqualsOneThreadBitForBit() {
        int[][] shapes = {{37, 29, 41}, {100, 500, 784}, {100, 784, 500}, {784, 500, 100}};
        try (Compute one = new Compute(vector, 1); Compute two = new Compute(vector, 2)) {
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                for (boolean ta : BOTH) {
                    for (boolean tb : BOTH) {
                        float[] a = random(m * k);
                        float[] b = random(k * n);
                        float[] c1 = random(m * n);
                        float[] c2 = c1.clone();
                        one.gemm(ta, tb, m, n, k, 0.5f, a, b, 1f, c1);
                        two.gemm(ta, tb, m, n, k, 0.5f, a, b, 1f, c2);
                        assertArrayEquals(c1, c2, ta + "," + tb + " " + m + "×" + n + "×" + k);
                    }
                }
                float[] x = random(m * n);
                float[] bias = random(n);
                float[] s1 = new float[m * n];
                float[] s2 = new float[m * n];
                one.sigmoidBias(x, bias, s1, m, n);
                two.sigmoidBias(x, bias, s2, m, n);
                assertArrayEquals(s1, s2);
            }
        }
    }

    @Test
    void sigmoidBiasIsWithinATenMillionthOfTheReference() {
        for (int cols : new int[] {1, 7, 15, 16, 17, 33, 500, 784}) {
            int rows = 3;
            int off = 5;
            float[] x = new float[off + rows * cols + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (rng.nextFloat() * 2 - 1) * 20;
            }
            float[] bias = random(cols);
            float[] want = new float[x.length];
            float[] got = new float[x.length];
            REFERENCE.sigmoidBias(x, bias, want, off, rows, cols);
            vector.sigmoidBias(x, bias, got, off, rows, cols);
            assertArrayEquals(want, got, 1e-7f, "cols " + cols);
            // in place, as the model calls it
            float[] inPlace = x.clone();
            vector.sigmoidBias(inPlace, bias, inPlace, off, rows, cols);
            for (int i = off; i < off + rows * cols; i++) {
                assertEquals(got[i], inPlace[i], "in place at " + i);
            }
        }
        // a block of columns of a wider matrix, with the matching piece of the bias
        float[] wide = random(7 * 800);
        float[] wideBias = random(800);
        float[] wideWant = wide.clone();
        float[] wideGot = wide.clone();
        REFERENCE.sigmoidBias(wide, wideBias, 64, wideWant, 3 * 800 + 64, 800, 4, 321);
        vector.sigmoidBias(wide, wideBias, 64, wideGot, 3 * 800 + 64, 800, 4, 321);
        assertArrayEquals(wideWant, wideGot, 1e-7f, "block of columns");
        float[] extremes = {0f, -0f, 1e-8f, 88f, -88f, 100f, -100f, 1e30f, -1e30f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 15.9f, -15.9f, 0.5f, -0.5f, 3f};
        float[] zeros = new float[extremes.length];
        float[] want = new float[extremes.length];
        float[] got = new float[extremes.length];
        REFERENCE.sigmoidBias(extremes, zeros, want, 0, 1, extremes.length);
        vector.sigmoidBias(extremes, zeros, got, 0, 1, extremes.length);
        assertArrayEquals(want, got, 1e-7f);
    }

    /**
     * A row of 64 columns is all whole vectors (L divides 64); a row of one column is all tail where L > 1. Each value
     * must get the same bits either way, so that a unit's probability does not depend on the width of its layer.
     */
    @Test
    void sigmoidBiasGivesTheSameBitsInTheTailAsInTheVectorBody() {
        float[] x = new float[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (rng.nextFloat() * 2 - 1) * 30;
        }
        float[] special = {0f, -0f, 1e-8f, 87.3f, -87.3f, 88.3f, -88.3f, 100f, -100f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN};
        System.arraycopy(special, 0, x, 0, special.length);
        float[] bias = random(64);
        float[] body = new float[64];
        vector.sigmoidBias(x, bias, 0, body, 0, 64, 1, 64);
        float[] tail = new float[64];
        for (int j = 0; j < 64; j++) {
            vector.sigmoidBias(x, bias, j, tail, j, 1, 1, 1);
            assertEquals(Float.floatToRawIntBits(body[j]), Float.floatToRawIntBits(tail[j]), "x = " + x[j]);
        }
    }

    @Test
    void bernoulliEqualsTheReferenceExactly() {
        int off = 4;
        int uOff = 2;
        for (int n : new int[] {0, 1, 7, 15, 16, 17, 63, 64, 65, 500}) {
            float[] p = random(off + n + 3);
            float[] u = random(uOff + n + 3);
            for (int i = 0; i < n; i += 3) {
                u[uOff + i] = p[off + i]; // a tie draws 0
            }
            float[] want = random(off + n + 3);
            float[] got = want.clone();
            REFERENCE.bernoulli(p, u, uOff, want, off, n);
            vector.bernoulli(p, u, uOff, got, off, n);
            assertArrayEquals(want, got, "n " + n);
        }
    }

    @Test
    void packBitsEqualsTheReferenceExactly() {
        for (int n = 0; n <= 200; n++) {
            for (float threshold : new float[] {0.5f, -0.25f}) {
                float[] x = random(n + 3);
                x[rng.nextInt(x.length)] = Float.NaN;
                x[rng.nextInt(x.length)] = threshold;
                int words = (n + 63) / 64;
                long[] want = new long[words + 3];
                Arrays.fill(want, -1L);
                long[] got = want.clone();
                REFERENCE.packBits(x, 3, n, threshold, want, 1);
                vector.packBits(x, 3, n, threshold, got, 1);
                assertArrayEquals(want, got, "n " + n + " threshold " + threshold);
            }
        }
    }

    /** unpackBits inverts packBits on 0/1 data, and agrees with the reference bit for bit, at every length to 200. */
    @Test
    void unpackBitsInvertsPackBitsAndEqualsTheReference() {
        for (int n = 0; n <= 200; n++) {
            float[] x = new float[n + 3];
            for (int i = 3; i < x.length; i++) {
                x[i] = rng.nextBoolean() ? 1f : 0f;
            }
            long[] words = new long[(n + 63) / 64 + 2];
            vector.packBits(x, 3, n, 0.5f, words, 2);
            float[] want = new float[n + 5];
            Arrays.fill(want, -3f);
            float[] got = want.clone();
            REFERENCE.unpackBits(words, 2, n, want, 5);
            vector.unpackBits(words, 2, n, got, 5);
            assertArrayEquals(want, got, "n " + n);
            assertArrayEquals(Arrays.copyOfRange(x, 3, 3 + n), Arrays.copyOfRange(got, 5, 5 + n), "round trip, n " + n);
        }
    }

    /** Lengths of 0 to 70 words: one vector and a tail, several vectors, and one word either side of each. */
    @Test
    void hashEqualsTheReference() {
        for (int pad : new int[] {1, 9}) { // 9: the last partial vector is loaded whole and the lanes past n ANDed off
            for (int n = 0; n <= 70; n++) {
                long[] words = new long[n + 1 + pad];
                for (int i = 0; i < words.length; i++) {
                    words[i] = rng.nextLong();
                }
                assertEquals(REFERENCE.hash(words, 1, n), vector.hash(words, 1, n), n + " words, pad " + pad);
                for (int i = 0; i < words.length; i++) {
                    if (i < 1 || i > n) {
                        words[i] = ~words[i]; // outside the words hashed
                    }
                }
                assertEquals(REFERENCE.hash(words, 1, n), vector.hash(words, 1, n), n + " words, pad " + pad);
            }
        }
    }

    /**
     * Equal words, and a difference in each single word (first, inner, in the tail, last), at an offset; with the
     * arrays ending right after the words and with room for a whole vector past them.
     */
    @Test
    void equalWordsAgreesWithTheReference() {
        for (int pad : new int[] {1, 9}) {
            for (int n = 1; n <= 70; n++) {
                long[] words = new long[n + 2 + pad];
                for (int i = 0; i < words.length; i++) {
                    words[i] = rng.nextLong();
                }
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment seg = arena.allocate(8L * (n + 4 + pad));
                    MemorySegment.copy(words, 2, seg, ValueLayout.JAVA_LONG, 24, n); // stored 3 longs in
                    seg.set(ValueLayout.JAVA_LONG, 16, ~words[1]); // the neighbours differ
                    for (int i = n; i < n + 1 + pad; i++) {
                        seg.set(ValueLayout.JAVA_LONG, 24 + 8L * i, ~words[Math.min(words.length - 1, 2 + i)]);
                    }
                    String what = n + " words, pad " + pad;
                    assertTrue(vector.equalWords(words, 2, seg, 24, n), what);
                    assertTrue(REFERENCE.equalWords(words, 2, seg, 24, n), what);
                    for (int w = 0; w < n; w++) {
                        long[] other = words.clone();
                        other[2 + w] ^= 1L << rng.nextInt(64);
                        assertEquals(false, vector.equalWords(other, 2, seg, 24, n), what + ", differ in " + w);
                        assertEquals(false, REFERENCE.equalWords(other, 2, seg, 24, n), what + ", differ in " + w);
                    }
                }
            }
        }
    }

    @Test
    void theProviderPicksTheVectorKernels() {
        assumeTrue(!Boolean.getBoolean("rbm.kernels.reference"));
        assertEquals("vector", KernelsProvider.best().name());
    }
}
