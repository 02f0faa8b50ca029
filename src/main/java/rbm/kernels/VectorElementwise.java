package rbm.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise kernels on the Vector API: column sums, bias plus sigmoid, and Bernoulli sampling. Each loop runs
 * whole vectors up to {@code S.loopBound(n)} and finishes with a scalar tail that computes exactly what a lane of the
 * vector body computes, so a value's result does not depend on where it falls in its row.
 */
final class VectorElementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f; // ln 2 split in two (Cody–Waite): k·LN2_HI is exact
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f; // 1.5·2^23: t + ROUND − ROUND rounds t to the nearest integer
    private static final float LOWEST = -87.3f; // e^x for x in [LOWEST, HIGHEST]: 2^k stays a normal float
    private static final float HIGHEST = 88.3f;
    /** The degree-7 term 1/7!, where Horner's scheme starts. */
    private static final float EXP_TOP = 1f / 5040;
    /** 1/6!, 1/5!, ..., 1/1!, 1/0!: Horner's scheme from the degree-7 term 1/7! down. */
    private static final float[] EXP_COEFFICIENTS = {1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f};

    private VectorElementwise() {}

    /**
     * Column sums, 4 vectors of columns at a time, then one, each lane summed over the rows in order as
     * {@link Kernels#columnSums} does (so the bits are the same), and the last columns one by one in the same order.
     * The interface's loop stores into the sums array on every row, which C2 does not vectorise, as it cannot rule
     * out that the arrays overlap.
     */
    static void columnSums(float[] x, int off, int ld, int rows, int cols, float[] sums, int sumOff) {
        int j = 0;
        for (; j + 4 * L <= cols; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int r = 0, at = off + j; r < rows; r++, at += ld) {
                s0 = s0.add(FloatVector.fromArray(S, x, at));
                s1 = s1.add(FloatVector.fromArray(S, x, at + L));
                s2 = s2.add(FloatVector.fromArray(S, x, at + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, x, at + 3 * L));
            }
            s0.intoArray(sums, sumOff + j);
            s1.intoArray(sums, sumOff + j + L);
            s2.intoArray(sums, sumOff + j + 2 * L);
            s3.intoArray(sums, sumOff + j + 3 * L);
        }
        for (; j < S.loopBound(cols); j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int r = 0, at = off + j; r < rows; r++, at += ld) {
                s0 = s0.add(FloatVector.fromArray(S, x, at));
            }
            s0.intoArray(sums, sumOff + j);
        }
        for (; j < cols; j++) {
            float sum = 0f;
            for (int r = 0, at = off + j; r < rows; r++, at += ld) {
                sum += x[at];
            }
            sums[sumOff + j] = sum;
        }
    }

    /** σ(x + bias) = 1 / (1 + e^−(x + bias)), with the deterministic {@link #exp(FloatVector)}. */
    static void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = off + r * ld;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector z = FloatVector.fromArray(S, x, base + j).add(FloatVector.fromArray(S, bias, biasOff + j));
                FloatVector e = exp(z.neg());
                ONE.div(e.add(1f)).intoArray(out, base + j);
            }
            for (; j < cols; j++) {
                float z = x[base + j] + bias[biasOff + j];
                out[base + j] = 1f / (exp(-z) + 1f);
            }
        }
    }

    /**
     * e^x, as 2^k · p(r) with k = round(x / ln 2), r = x − k ln 2 in [−ln2/2, ln2/2] and p the Taylor polynomial of
     * degree 7 (truncation error below 1e-8, under one float ulp). Only +, ×, fma and exact conversions are used,
     * so the result is the same whether the JIT has compiled this code or not. The Vector API's EXP is not: compiled
     * it calls an SVML routine, interpreted it loops over StrictMath, and the two can differ in the last bit, so runs
     * with the same seed would differ. x is clamped to [LOWEST, HIGHEST], where 2^k stays a normal float.
     */
    private static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(LOWEST).min(HIGHEST);
        FloatVector k = xc.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), xc).sub(k.mul(LN2_LO));
        FloatVector p = FloatVector.broadcast(S, EXP_TOP);
        for (float c : EXP_COEFFICIENTS) {
            p = p.fma(r, FloatVector.broadcast(S, c));
        }
        FloatVector twoToK = ((IntVector) k.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(twoToK);
    }

    /** One lane of {@link #exp(FloatVector)}: the same operations in the same order, so the same bits. */
    private static float exp(float x) {
        float xc = Math.min(Math.max(x, LOWEST), HIGHEST);
        float k = xc * LOG2E + ROUND - ROUND;
        float r = Math.fma(k, -LN2_HI, xc) - k * LN2_LO;
        float p = EXP_TOP;
        for (float c : EXP_COEFFICIENTS) {
            p = Math.fma(p, r, c);
        }
        return p * Float.intBitsToFloat(((int) k + 127) << 23);
    }

    /** {@link Kernels#bernoulli}. */
    static void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n) {
        int i = 0;
        for (; i < S.loopBound(n); i += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, u, uOff + i).lt(FloatVector.fromArray(S, p, off + i));
            ZERO.blend(ONE, on).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            out[off + i] = u[uOff + i] < p[off + i] ? 1f : 0f;
        }
    }
}
