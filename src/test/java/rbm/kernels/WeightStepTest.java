package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#weightStep}, the CD weight update V ← μV + ε(A1ᵀB1/k1 − A2ᵀB2/k2 − λW), W ← W + V, against a
 * computation in double, for the reference kernels (two products and a pass) and the vector kernels (one product of
 * inner dimension k1 + k2 with the update applied to each tile).
 *
 * <p>With entries that are multiples of 1/4, k1 and k2 powers of two with k1/k2 a power of two, and μ, ε, λ powers of
 * two, every intermediate value is exact in float, so both must equal the double computation exactly. With random
 * reals, G is within 2(k1 + k2 + 2)·2⁻²⁴·M of the truth (M = Σ|a·b|/k, the bound of the gemm tests), and the update
 * adds a few roundings of values below 4: W within ε·that + 4·2⁻²² of the truth.
 */
class WeightStepTest {
    private static final float U = 0x1p-24f;
    private static final Kernels REFERENCE = new ReferenceKernels();
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);

    private static Kernels vector() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector to test the vector kernels");
        return new VectorKernels();
    }

    /** 0/1 values, about one in eight a one, as binarised MNIST. */
    private float[] ones(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(8) == 0 ? 1f : 0f;
        }
        return x;
    }

    private float[] values(int n, boolean exact) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = exact ? (rng.nextInt(9) - 4) / 4f : rng.nextFloat() * 2 - 1;
        }
        return x;
    }

    /** One step's operands; {@link #run} applies it to rows [i0, i0 + m) of copies of W and V. */
    private final class Step {
        final int nv;
        final int n;
        final int k1;
        final int k2;
        final float[] a1;
        final float[] b1;
        final float[] a2;
        final float[] b2;
        final float[] w;
        final float[] v;
        final float momentum = 0.5f;
        final float lr = 0.25f;
        final float decay = 0.125f;
        /** When A1 is 0/1: where its ones are, visible unit by visible unit, for {@link Kernels#weightStepBinary}. */
        final BinaryRows a1Columns;

        Step(int nv, int n, int k1, int k2, boolean exact) {
            this(nv, n, k1, k2, exact, false);
        }

        Step(int nv, int n, int k1, int k2, boolean exact, boolean binary) {
            this.nv = nv;
            this.n = n;
            this.k1 = k1;
            this.k2 = k2;
            a1 = binary ? ones(k1 * nv) : values(k1 * nv, exact);
            b1 = values(k1 * n, exact);
            a2 = values(k2 * nv, exact);
            b2 = values(k2 * n, exact);
            w = values(nv * n, exact);
            v = values(nv * n, exact);
            if (binary) {
                BinaryRows rows = new BinaryRows(k1, nv);
                rows.setFromFloats(a1, 0, k1, nv);
                a1Columns = new BinaryRows(nv, k1);
                a1Columns.setTransposeOf(rows);
            } else {
                a1Columns = null;
            }
        }

        private void apply(Kernels kernels, int i0, int m, float[] w2, float[] v2, float[] grad) {
            if (a1Columns != null) {
                kernels.weightStepBinary(i0, m, nv, n, a1Columns.start(), a1Columns.index(), b1, k1, a2, b2, k2, w2,
                        v2, momentum, lr, decay, grad);
            } else {
                kernels.weightStep(i0, m, nv, n, a1, b1, k1, a2, b2, k2, w2, v2, momentum, lr, decay, grad);
            }
        }

        /** W and V after the step on rows [i0, i0 + m), one after the other in one array. */
        float[] run(Kernels kernels, int i0, int m) {
            float[] w2 = w.clone();
            float[] v2 = v.clone();
            apply(kernels, i0, m, w2, v2, new float[nv * n]);
            float[] both = new float[2 * nv * n];
            System.arraycopy(w2, 0, both, 0, nv * n);
            System.arraycopy(v2, 0, both, nv * n, nv * n);
            return both;
        }

        /** Rows split at {@code split}, as two threads would run them. */
        float[] runSplit(Kernels kernels, int split) {
            float[] w2 = w.clone();
            float[] v2 = v.clone();
            float[] grad = new float[nv * n];
            apply(kernels, 0, split, w2, v2, grad);
            apply(kernels, split, nv - split, w2, v2, grad);
            float[] both = new float[2 * nv * n];
            System.arraycopy(w2, 0, both, 0, nv * n);
            System.arraycopy(v2, 0, both, nv * n, nv * n);
            return both;
        }

        /** Checks {@code got} (from {@link #run}) against the step computed in double; rows outside stay as they were. */
        void check(float[] got, int i0, int m, boolean exact, String who) {
            for (int i = 0; i < nv; i++) {
                for (int j = 0; j < n; j++) {
                    int at = i * n + j;
                    String where = who + " " + nv + "×" + n + " k=" + k1 + "+" + k2 + " at (" + i + ", " + j + ")";
                    if (i < i0 || i >= i0 + m) {
                        assertEquals(w[at], got[at], where + ": W outside the rows moved");
                        assertEquals(v[at], got[nv * n + at], where + ": V outside the rows moved");
                        continue;
                    }
                    double pos = 0;
                    double neg = 0;
                    double magnitude = 0;
                    for (int p = 0; p < k1; p++) {
                        pos += (double) a1[p * nv + i] * b1[p * n + j];
                        magnitude += Math.abs((double) a1[p * nv + i] * b1[p * n + j]) / k1;
                    }
                    for (int p = 0; p < k2; p++) {
                        neg += (double) a2[p * nv + i] * b2[p * n + j];
                        magnitude += Math.abs((double) a2[p * nv + i] * b2[p * n + j]) / k2;
                    }
                    double g = pos / k1 - neg / k2;
                    double vel = momentum * v[at] + lr * (g - decay * w[at]);
                    double tolerance = exact ? 0 : lr * 2 * (k1 + k2 + 2) * U * magnitude + 16 * U;
                    assertEquals(vel, got[nv * n + at], tolerance, where + ": V");
                    assertEquals(w[at] + vel, got[at], exact ? 0 : 2 * tolerance, where + ": W");
                }
            }
        }
    }

    /** nv, n, k1, k2, i0, m: odd sizes, tile edges, a thread's half of the RBM shape, and k1 + k2 beyond one block. */
    private static final int[][] SHAPES = {
        {1, 1, 1, 1, 0, 1}, {13, 17, 4, 4, 0, 13}, {97, 65, 8, 4, 5, 90}, {50, 16, 2, 1, 0, 50},
        {784, 500, 64, 64, 392, 392}, {31, 129, 16, 32, 7, 19}, {20, 33, 1024, 512, 0, 20}, {12, 70, 256, 128, 3, 9},
    };

    @Test
    void exactDataGivesTheExactStep() {
        checkBothKernels(SHAPES, true);
    }

    @Test
    void randomDataIsWithinTheRoundingBound() {
        checkBothKernels(new int[][] {{784, 500, 100, 100, 0, 784}, {97, 65, 100, 37, 5, 90}, {29, 31, 300, 300, 0, 29}},
                false);
    }

    @Test
    void binaryPositiveStatisticsGiveTheSameStep() {
        checkBothKernels(SHAPES, true, true);
        checkBothKernels(new int[][] {{784, 500, 100, 100, 0, 784}, {97, 65, 100, 37, 5, 90}, {29, 31, 300, 300, 0, 29}},
                false, true);
    }

    private void checkBothKernels(int[][] shapes, boolean exact) {
        checkBothKernels(shapes, exact, false);
    }

    /**
     * Each shape (nv, n, k1, k2, i0, m) with the reference kernels, and with the vector kernels when present; with A1
     * 0/1 and given by its ones when {@code binary}.
     */
    private void checkBothKernels(int[][] shapes, boolean exact, boolean binary) {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        for (int[] s : shapes) {
            Step step = new Step(s[0], s[1], s[2], s[3], exact, binary);
            step.check(step.run(REFERENCE, s[4], s[5]), s[4], s[5], exact, "reference");
            if (module) {
                step.check(step.run(vector(), s[4], s[5]), s[4], s[5], exact, "vector");
            }
        }
    }

    /** Each element's result must not depend on where its block of rows starts: threads split the rows. */
    @Test
    void rowBlocksGiveTheWholeStepBitForBit() {
        Kernels vector = vector();
        for (boolean binary : new boolean[] {false, true}) {
            for (int[] s : new int[][] {{784, 500, 100, 100}, {37, 29, 41, 13}}) {
                Step step = new Step(s[0], s[1], s[2], s[3], false, binary);
                float[] whole = step.run(vector, 0, s[0]);
                for (int split : new int[] {1, 6, 7, s[0] / 2, s[0] - 1}) {
                    assertArrayEquals(whole, step.runSplit(vector, split), "split at row " + split + ", 0/1 " + binary);
                }
            }
        }
    }
}
