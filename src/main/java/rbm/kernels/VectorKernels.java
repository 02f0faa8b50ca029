package rbm.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Java Vector API. {@link KernelsProvider} loads this class by name, and only when the module
 * {@code jdk.incubator.vector} is present, so that a JVM without it never links this class.
 *
 * <p>{@code gemm} is blocked as in GotoBLAS/BLIS, around one micro-kernel that keeps a tile of MR = 6 rows × NR =
 * 4 vectors (64 columns with AVX-512) of C in registers. For each step p it loads row p of a panel of op(B) (NR
 * contiguous floats) and broadcasts the six values of column p of a panel of op(A). The kernel takes the distance
 * between consecutive steps as a parameter, so a panel can be read where it is stored whenever the layout already
 * has that shape, and is packed only where it does not:
 * <ul>
 *   <li>op(B) = B: row p of the panel is a piece of row p of B, read in place (stride ldb);</li>
 *   <li>op(B) = Bᵀ: column p of the stored B is scattered over n rows, so each panel is packed, with gathers, into
 *       a per-thread buffer of KC × NR floats (stride NR);</li>
 *   <li>op(A) = A: the six values are one float from each of six rows (row stride lda, step stride 1);
 *       op(A) = Aᵀ: they are six contiguous floats of row p of the stored A (step stride lda);</li>
 *   <li>the last, partial panels (m or n not a multiple of the tile) are packed with zero padding.</li>
 * </ul>
 * Reading in place instead of packing every operand was measured at +5–10% for A·B and +15% for Aᵀ·B on one thread
 * (100×784·784×500 and 784×100ᵀ·100×500), and +20–30% for A·B on two threads, where each thread packs all of B.
 * The inner dimension is split into blocks of KC = 512 steps, so that a panel of B (KC × NR floats, 128 KB) stays in
 * the L2 cache while all the row panels of A pass over it. On one core of the AMD EPYC (AVX-512) this was tuned on,
 * that is about 155 GFLOP/s for A·B and Aᵀ·B and 130 for A·Bᵀ, whose gathers take a fifth of its time, against
 * about 4 for {@link ReferenceKernels}.
 *
 * <p>Summation order: every element of C is the same chain of FMAs over p (in blocks of KC, each block's sum scaled
 * by alpha and added to C), computed by the same instructions whether its tile is read in place or packed and
 * wherever its row falls in a block of rows. Padded rows and columns are computed and not stored. So results do
 * not depend on how {@link Compute} splits the rows over threads.
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the register tile of C. */
    private static final int MR = 6;
    /** Columns of the register tile of C: four vectors. */
    private static final int NR = 4 * L;
    /** Most steps of the inner dimension per block; k is cut into equal blocks of at most this many steps. */
    private static final int KC = 512;
    /** Floats of a packed block of op(A) (MC rows × kc steps): 384 KB, which leaves room in a 1 MB L2 for B's panel. */
    private static final int A_BLOCK = 96 * 1024;
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    /** Per-thread buffers, because the row blocks of one call run concurrently; allocated once per thread. */
    private static final class Buffers {
        /** A block of op(A), packed as row panels of MR rows: {@code a[q·kc·MR + p·MR + r]} = op(A)(q·MR + r, p). */
        final float[] a = new float[A_BLOCK];
        /** One column panel of op(B), packed: {@code b[p·NR + j]} = op(B)(p, j). */
        final float[] b = new float[KC * NR];
        /** A partial tile of C as the micro-kernel leaves it: MR × NR. */
        final float[] tile = new float[MR * NR];
        /** Offsets {@code l·ldb} of the lanes of a gather down a column of the stored B, for {@code ldb = gatherStride}. */
        final int[] gather = new int[L];
        int gatherStride = -1;
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    public VectorKernels() {
        if (64 % L != 0) {
            throw new UnsupportedOperationException("vector length " + L + " does not divide 64");
        }
    }

    @Override
    public String name() {
        return "vector";
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
        // k in equal blocks (784 = 2 × 392, not 512 + 272); the blocks depend on k only, so the summation order does
        // not depend on m, and so not on how Compute splits the rows
        int kBlocks = (k + KC - 1) / KC;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        // rows per packed block of op(A): a multiple of MR, as many as fit A_BLOCK, in equal blocks
        int mcMax = Math.max(MR, A_BLOCK / kcMax / MR * MR);
        int mBlocks = (m + mcMax - 1) / mcMax;
        int mcEven = ((m + mBlocks - 1) / mBlocks + MR - 1) / MR * MR;
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            float blockBeta = p0 == 0 ? beta : 1f;
            for (int i0 = 0; i0 < m; i0 += mcEven) {
                int mc = Math.min(mcEven, m - i0);
                packA(transA, a, aOff, lda, i0, mc, p0, kc, buf.a);
                for (int j0 = 0; j0 < n; j0 += NR) {
                    int cols = Math.min(NR, n - j0);
                    packB(transB, b, bOff, ldb, j0, cols, p0, kc, buf);
                    for (int r0 = 0; r0 < mc; r0 += MR) {
                        tile(buf.a, r0 * kc, buf.b, kc, Math.min(MR, mc - r0), cols, alpha, blockBeta,
                                c, cOff + (i0 + r0) * ldc + j0, ldc, buf.tile);
                    }
                }
            }
        }
    }

    /**
     * Rows [i0, i0 + rows) of op(A), steps [p0, p0 + kc), into row panels {@code pa[q·kc·MR + p·MR + r]}; the rows of
     * the last panel past {@code rows} are zero.
     */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int rows, int p0, int kc,
                              float[] pa) {
        for (int q = 0; q * MR < rows; q++) {
            int base = q * kc * MR;
            int r1 = Math.min(MR, rows - q * MR);
            for (int r = 0; r < MR; r++) {
                int row = i0 + q * MR + r;
                if (r >= r1) {
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * MR + r] = 0f;
                    }
                } else if (transA) {
                    // op(A)(row, p) = A(p, row): down a column of the stored A
                    int src = aOff + p0 * lda + row;
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * MR + r] = a[src + p * lda];
                    }
                } else {
                    int src = aOff + row * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * MR + r] = a[src + p];
                    }
                }
            }
        }
    }

    /** Columns [j0, j0 + cols) of op(B), steps [p0, p0 + kc), into {@code buf.b[p·NR + j]}, zero for j ≥ cols. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int j0, int cols, int p0, int kc,
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
     * The micro-kernel: {@code C = alpha·Σ_p A(·, p) ⊗ B(p, ·) + beta·C} over kc steps, for one packed row panel
     * {@code pa[ai + p·MR + r]} and the packed column panel {@code pb[p·NR + j]}; only the first {@code rows} ×
     * {@code cols} of the tile are stored, at {@code c[ci + r·ldc + j]}.
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
    private static void tile(float[] pa, int ai, float[] pb, int kc, int rows, int cols, float alpha, float beta,
                             float[] c, int ci, int ldc, float[] part) {
        // a fresh zero, not the constant ZERO: C2 keeps a loop variable that starts as a constant vector object
        // boxed, and the loop runs 40 times slower
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int p = 0; p < kc; p++) {
            int bp = p * NR;
            int ap = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bp);
            FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, pb, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, pb, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, pa[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, pa[ap + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, pa[ap + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, pa[ap + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
            x = FloatVector.broadcast(S, pa[ap + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            c43 = b3.fma(x, c43);
            x = FloatVector.broadcast(S, pa[ap + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            c53 = b3.fma(x, c53);
        }
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
        update(part, rows, cols, alpha, beta, c, ci, ldc);
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

    /** σ(x + bias) = 1 / (1 + e^−(x + bias)), with the deterministic {@link #exp}. */
    @Override
    public void sigmoidBias(float[] x, float[] bias, float[] out, int off, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = off + r * cols;
            for (int j = 0; j < cols; j += L) {
                VectorMask<Float> in = S.indexInRange(j, cols);
                FloatVector z = FloatVector.fromArray(S, x, base + j, in).add(FloatVector.fromArray(S, bias, j, in));
                FloatVector e = exp(z.neg());
                ONE.div(e.add(1f)).intoArray(out, base + j, in);
            }
        }
    }

    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f; // ln 2 split in two (Cody–Waite): k·LN2_HI is exact
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f; // 1.5·2^23: t + ROUND − ROUND rounds t to the nearest integer
    /** 1/6!, 1/5!, ..., 1/1!, 1/0!: Horner's scheme from the degree-7 term 1/7! down. */
    private static final float[] EXP_COEFFICIENTS = {1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f};

    /**
     * e^x, as 2^k · p(r) with k = round(x / ln 2), r = x − k ln 2 in [−ln2/2, ln2/2] and p the Taylor polynomial of
     * degree 7 (truncation error below 1e-8, under one float ulp). Only +, ×, fma and exact conversions are used,
     * so the result is the same whether the JIT has compiled this code or not. The Vector API's EXP is not: compiled
     * it calls an SVML routine, interpreted it loops over StrictMath, and the two can differ in the last bit, which
     * made runs with the same seed differ. x is clamped to [−87.3, 88.3], where 2^k stays a normal float.
     */
    private static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(-87.3f).min(88.3f);
        FloatVector k = xc.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), xc).sub(k.mul(LN2_LO));
        FloatVector p = FloatVector.broadcast(S, 1f / 5040);
        for (float c : EXP_COEFFICIENTS) {
            p = p.fma(r, FloatVector.broadcast(S, c));
        }
        FloatVector twoToK = ((IntVector) k.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(twoToK);
    }

    @Override
    public void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            VectorMask<Float> on = FloatVector.fromArray(S, u, uOff + i, in)
                    .lt(FloatVector.fromArray(S, p, off + i, in));
            ZERO.blend(ONE, on).intoArray(out, off + i, in);
        }
    }

    /** L divides 64 (checked in the constructor), so the L bits of one vector never straddle two words. */
    @Override
    public void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff) {
        Arrays.fill(words, wordOff, wordOff + ((n + 63) >>> 6), 0L);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            long bits = FloatVector.fromArray(S, x, off + i, in).compare(VectorOperators.GT, threshold, in).toLong();
            words[wordOff + (i >>> 6)] |= bits << (i & 63);
        }
    }

    /** The hash is a sequential mix of words, so there is nothing to vectorise: the reference's value, exactly. */
    @Override
    public long hash(long[] words, int off, int nWords) {
        return BitHash.hash(words, off, nWords);
    }
}
