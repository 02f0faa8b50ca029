package rbm.kernels;

import static rbm.kernels.VectorMicroKernel.L;
import static rbm.kernels.VectorMicroKernel.MR;
import static rbm.kernels.VectorMicroKernel.NR;
import static rbm.kernels.VectorMicroKernel.S;
import static rbm.kernels.VectorMicroKernel.multiply;
import static rbm.kernels.VectorMicroKernel.tile;
import static rbm.kernels.VectorMicroKernel.update;
import static rbm.kernels.VectorPacking.packB;
import static rbm.kernels.VectorPacking.transpose;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The matrix products {@code C = alpha·op(A)·op(B) + beta·C} and the fused CD weight step on the Vector API.
 *
 * <p>{@code gemm} is blocked as in GotoBLAS/BLIS, around the micro-kernel of {@link VectorMicroKernel}, which keeps a
 * tile of MR = 6 rows × NR = 4 vectors (64 columns with AVX-512) of C in registers. For each step p it loads row p
 * of a packed panel of op(B) (NR contiguous floats) and broadcasts the values at step p of six rows of op(A). The
 * operands:
 * <ul>
 *   <li>op(B) is always packed ({@link VectorPacking}), a block of column panels at a time (up to 256 KB, kept in L2
 *       while every row panel of op(A) passes over it): B by vector copies, Bᵀ by 16 × 16 transposes in registers
 *       (three times faster than gathers);</li>
 *   <li>op(A) = A is read in place, six rows at stride 1; op(A) = Aᵀ is transposed into a per-thread buffer the
 *       same way, so the kernel again reads rows at stride 1; a last partial row panel is copied with zero rows;</li>
 *   <li>a last column panel of at most one vector (A·Bᵀ with n = 784 = 12·64 + 16) goes through a 6 × 1-vector
 *       kernel instead of a tile padded to 64 columns;</li>
 *   <li>a full tile of the first block of the inner dimension with beta = 0 is stored from the registers into C;
 *       other tiles go through a small buffer ({@link VectorMicroKernel#update}). For Aᵀ·B with k = 100, where C
 *       (1.6 MB) is mostly not in cache and each tile's work is short, the direct stores make the product 9–14%
 *       faster.</li>
 * </ul>
 * The inner dimension is cut into equal blocks of at most KC = 1024 steps (2000 = 2 × 1000), so that C is read and
 * written once per block; a panel of op(B) then takes up to 256 KB of L2. With 512 (784 = 2 × 392), A·B at
 * 100 × 500 × 784 runs 3–5% slower on one thread and 8–16% slower on two, whose threads write the same cache lines
 * of C where their blocks of columns meet (rows of 500 floats do not end on a line). The micro-kernel alone,
 * on panels in L1 or L2, runs at about 205 GFLOP/s on one core of an AMD EPYC (Zen 5, AVX-512); the whole product
 * at the RBM shapes at 175–190 GFLOP/s for A·B, A·Bᵀ and Aᵀ·B, against about 4 for {@link ReferenceKernels}
 * (packing, padding and the loads and stores of C take the rest).
 *
 * <p>{@link #weightStep} runs the same micro-kernel over the positive and the negative statistics as one product
 * of inner dimension 2B, holds six rows of the gradient at a time in an L1 buffer and updates those rows of W and
 * of the velocity right away, so the gradient never goes to memory.
 *
 * <p>Summation order: every element of C is the same chain of FMAs over p (in blocks that depend on k only, each
 * block's sum scaled by alpha and added to C), computed by the same operations whether its row of op(A) is read in
 * place or packed, whichever tile (full, partial or narrow) holds it and wherever its row or column falls in a
 * block. Padded rows and columns are computed and not stored. So results do not depend on how {@link Compute}
 * splits the rows or the columns over threads.
 */
final class VectorGemm {
    /** Most steps of the inner dimension per block; k is cut into equal blocks of at most this many steps. */
    private static final int KC = 1024;
    /**
     * Floats of a packed block of op(A) (MC rows × kc steps): 3/8 of L2 (384 KB of a 1 MB L2, as tuned on Zen 5),
     * which leaves room for B's panel; from {@link CacheSizes}, at most 4 MB.
     */
    private static final int A_BLOCK = (int) Math.min(1L << 20, CacheSizes.L2 * 3 / 8 / Float.BYTES);
    /**
     * Floats of a block of packed column panels of op(B) (kc steps × nc columns): a quarter of L2 (256 KB of 1 MB),
     * and at least one panel of KC steps.
     */
    private static final int B_BLOCK = (int) Math.max(KC * NR, Math.min(1L << 20, CacheSizes.L2 / 4 / Float.BYTES));
    /** Most columns of G that {@link #weightStep} holds at a time (a multiple of NR): 6 × 512 floats, 12 KB. */
    private static final int G_COLUMNS = 512;
    /**
     * Floats of the packed block of op(B) in {@link #weightStep}, and so of the per-thread buffer: G_COLUMNS columns
     * at k = 200 (400 KB), so that a 784 × 500 step updates each row of W and V as one run of 500 floats instead of
     * two of 320 and 180 (with B_BLOCK): the hardware prefetcher follows longer runs further. Against B_BLOCK in
     * one JVM: weight step 0.93–0.95× the time, CD-1 epoch 0.98× on 2 threads. The products keep B_BLOCK, as larger
     * blocks make them slower.
     */
    private static final int WEIGHT_STEP_B_BLOCK = Math.max(B_BLOCK, G_COLUMNS * 200);
    /** Per-thread buffers, because the row blocks of one call run concurrently; allocated once per thread. */
    private static final class Buffers {
        /** A block of op(A) = Aᵀ, packed by rows: {@code a[i·kc + p]} = op(A)(i, p), zero rows up to a multiple of MR. */
        final float[] a = new float[A_BLOCK];
        /** The last, partial row panel of op(A) = A, copied with zero rows: {@code edge[r·kc + p]}. */
        final float[] edge = new float[MR * KC];
        /** One column panel of op(B), packed: {@code b[p·NR + j]} = op(B)(p, j), zero for columns past n. */
        final float[] b = new float[WEIGHT_STEP_B_BLOCK];
        /** A partial tile of C as the micro-kernel leaves it: MR × NR. */
        final float[] tile = new float[MR * NR];
        /** Six rows of the gradient in {@link #weightStep}: {@code g[r·nc + j]}, nc ≤ G_COLUMNS. */
        final float[] g = new float[MR * G_COLUMNS];
        /** Six rows of the positive statistics in {@link #weightStepBinary}, laid out as {@link #g}. */
        final float[] p = new float[MR * G_COLUMNS];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private VectorGemm() {}

    /** {@link Kernels#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
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
        // k in equal blocks (2000 = 2 × 1000, not 1024 + 976); the blocks depend on k only, so the summation order does
        // not depend on m, and so not on how Compute splits the rows
        int kBlocks = (k + KC - 1) / KC;
        int kcMax = (k + kBlocks - 1) / kBlocks;
        // op(A) = A is read in place, all rows at once; op(A) = Aᵀ is packed, in equal blocks of rows that fit A_BLOCK
        int mcMax = transA ? Math.max(MR, A_BLOCK / kcMax / MR * MR) : m;
        int mBlocks = (m + mcMax - 1) / mcMax;
        int mcEven = transA ? ((m + mBlocks - 1) / mBlocks + MR - 1) / MR * MR : m;
        // columns per block of packed panels of op(B): a multiple of NR, as many as fit B_BLOCK
        int ncMax = Math.max(NR, B_BLOCK / kcMax / NR * NR);
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            float blockBeta = p0 == 0 ? beta : 1f;
            for (int i0 = 0; i0 < m; i0 += mcEven) {
                int mc = Math.min(mcEven, m - i0);
                // row r of op(A) for this block is at pa[ai + r·aRow + p], p in [0, kc), for r below fullRows
                float[] pa;
                int ai;
                int aRow;
                int fullRows;
                if (transA) {
                    transpose(a, aOff + p0 * lda + i0, lda, kc, mc, buf.a, 0, kc);
                    fullRows = (mc + MR - 1) / MR * MR;
                    Arrays.fill(buf.a, mc * kc, fullRows * kc, 0f);
                    pa = buf.a;
                    ai = 0;
                    aRow = kc;
                } else {
                    fullRows = mc - mc % MR;
                    pa = a;
                    ai = aOff + i0 * lda + p0;
                    aRow = lda;
                    for (int r = 0; r < MR && fullRows < mc; r++) {
                        if (fullRows + r < mc) {
                            System.arraycopy(a, ai + (fullRows + r) * lda, buf.edge, r * kc, kc);
                        } else {
                            Arrays.fill(buf.edge, r * kc, (r + 1) * kc, 0f);
                        }
                    }
                }
                for (int jb = 0; jb < n; jb += ncMax) {
                    // a block of column panels, packed one after the other: panel q at pb[q·kc·NR + p·NR + j]
                    int nc = Math.min(ncMax, n - jb);
                    for (int j0 = 0; j0 < nc; j0 += NR) {
                        packB(transB, b, bOff, ldb, jb + j0, Math.min(NR, nc - j0), p0, kc, buf.b, j0 * kc);
                    }
                    for (int r0 = 0; r0 < mc; r0 += MR) {
                        int rows = Math.min(MR, mc - r0);
                        float[] ra = r0 < fullRows ? pa : buf.edge;
                        int rai = r0 < fullRows ? ai + r0 * aRow : 0;
                        int rowStride = r0 < fullRows ? aRow : kc;
                        int ci = cOff + (i0 + r0) * ldc + jb;
                        for (int j0 = 0; j0 < nc; j0 += NR) {
                            int cols = Math.min(NR, nc - j0);
                            if (rows == MR && cols == NR && blockBeta == 0f) {
                                tile(ra, rai, rowStride, buf.b, j0 * kc, kc, null, c, ci + j0, ldc, alpha);
                            } else {
                                multiply(ra, rai, rowStride, buf.b, j0 * kc, kc, cols, buf.tile);
                                update(buf.tile, rows, cols, alpha, blockBeta, c, ci + j0, ldc);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The CD weight step as one product of inner dimension k1 + k2: G = (1/k1)·[A1; A2]ᵀ·[B1; s·B2] with
     * s = −k1/k2 (−1, exact, when k1 = k2), six rows of G at a time into a 12 KB buffer, and right after each six
     * rows the update of those rows of V and W. Against two products and a pass over W, G never goes to memory: W, V
     * and G cross the memory system 4 times per step instead of 11. Only for {@link #fusesWeightStep} batches.
     * Every element of G is the same chain of FMAs wherever its row and column fall, so the result does not depend
     * on how the caller splits the rows.
     */
    static void weightStep(int i0, int m, int nv, int n, float[] a1, float[] b1, int k1, float[] a2, float[] b2,
                           int k2, float[] w, float[] velocity, float momentum, float lr, float decay) {
        int k = k1 + k2;
        if (m <= 0 || n <= 0) {
            return;
        }
        Buffers buf = BUFFERS.get();
        float alpha = 1f / k1;
        float scale2 = -(float) k1 / k2;
        int mcEven = weightStepRows(m, k);
        int ncMax = Math.min(G_COLUMNS, Math.max(NR, WEIGHT_STEP_B_BLOCK / k / NR * NR));
        for (int i = 0; i < m; i += mcEven) {
            int mc = Math.min(mcEven, m - i);
            // rows of op(A) = columns i0 + i.. of A1, then of A2, side by side: buf.a[r·k + p]
            transpose(a1, i0 + i, nv, k1, mc, buf.a, 0, k);
            transpose(a2, i0 + i, nv, k2, mc, buf.a, k1, k);
            int fullRows = (mc + MR - 1) / MR * MR;
            Arrays.fill(buf.a, mc * k, fullRows * k, 0f);
            for (int jb = 0; jb < n; jb += ncMax) {
                int nc = Math.min(ncMax, n - jb);
                for (int j0 = 0; j0 < nc; j0 += NR) {
                    int cols = Math.min(NR, nc - j0);
                    packB(false, b1, 0, n, jb + j0, cols, 0, k1, buf.b, j0 * k);
                    packB(false, b2, 0, n, jb + j0, cols, 0, k2, buf.b, j0 * k + k1 * NR);
                    scale(buf.b, j0 * k + k1 * NR, k2 * NR, scale2);
                }
                for (int r0 = 0; r0 < mc; r0 += MR) {
                    // the six rows of G (buf.a has zero rows up to a multiple of MR, so every tile has MR rows), then
                    // the update of those rows of W and V, each a run of nc contiguous floats
                    gradientRows(buf, r0, k, nc, alpha);
                    momentumStep(buf.g, nc, Math.min(MR, mc - r0), nc, w, velocity, (i0 + i + r0) * n + jb, n,
                            momentum, lr, decay);
                }
            }
        }
    }

    /**
     * {@link Kernels#weightStepBinary}, fused as {@link #weightStep} is: for six rows of G at a time, the negative
     * statistics by the micro-kernel straight into the L1 buffer (alpha = −1/k2), then the positive ones added as sums
     * of the rows of B1 that each visible unit's list selects ({@link VectorRowSums}), scaled by 1/k1, then the update
     * of those rows of V and W. Only for {@link #fusesWeightStep} batches (k2 within one block).
     */
    static void weightStepBinary(int i0, int m, int nv, int n, int[] start, int[] index, float[] b1, int k1,
                                 float[] a2, float[] b2, int k2, float[] w, float[] velocity, float momentum, float lr,
                                 float decay) {
        if (m <= 0 || n <= 0) {
            return;
        }
        Buffers buf = BUFFERS.get();
        int k = k2;
        float alpha = -1f / k2;
        float scale1 = 1f / k1;
        int mcEven = weightStepRows(m, k);
        int ncMax = Math.min(G_COLUMNS, Math.max(NR, WEIGHT_STEP_B_BLOCK / k / NR * NR));
        for (int i = 0; i < m; i += mcEven) {
            int mc = Math.min(mcEven, m - i);
            transpose(a2, i0 + i, nv, k2, mc, buf.a, 0, k);
            int fullRows = (mc + MR - 1) / MR * MR;
            Arrays.fill(buf.a, mc * k, fullRows * k, 0f);
            for (int jb = 0; jb < n; jb += ncMax) {
                int nc = Math.min(ncMax, n - jb);
                for (int j0 = 0; j0 < nc; j0 += NR) {
                    packB(false, b2, 0, n, jb + j0, Math.min(NR, nc - j0), 0, k2, buf.b, j0 * k);
                }
                for (int r0 = 0; r0 < mc; r0 += MR) {
                    gradientRows(buf, r0, k, nc, alpha);
                    int rows = Math.min(MR, mc - r0);
                    int first = i0 + i + r0;
                    // the positive sums of these rows into buf.p, row first + r at p[r·nc]
                    VectorRowSums.sumRows(start, index, first, first + rows, b1, jb, n, nc, buf.p, -first * nc, nc);
                    addScaled(buf.p, scale1, buf.g, rows * nc);
                    momentumStep(buf.g, nc, rows, nc, w, velocity, first * n + jb, n, momentum, lr, decay);
                }
            }
        }
    }

    /** Rows of A per block of the weight step: equal blocks, each a multiple of MR, that fit A_BLOCK at k steps. */
    private static int weightStepRows(int m, int k) {
        int mcMax = Math.max(MR, A_BLOCK / k / MR * MR);
        int mBlocks = (m + mcMax - 1) / mcMax;
        return ((m + mBlocks - 1) / mBlocks + MR - 1) / MR * MR;
    }

    /** Six rows of G, from row r0 of the packed A and the nc packed columns of B, times alpha into buf.g. */
    private static void gradientRows(Buffers buf, int r0, int k, int nc, float alpha) {
        for (int j0 = 0; j0 < nc; j0 += NR) {
            int cols = Math.min(NR, nc - j0);
            if (cols == NR) {
                tile(buf.a, r0 * k, k, buf.b, j0 * k, k, null, buf.g, j0, nc, alpha);
            } else {
                multiply(buf.a, r0 * k, k, buf.b, j0 * k, k, cols, buf.tile);
                update(buf.tile, MR, cols, alpha, 0f, buf.g, j0, nc);
            }
        }
    }

    /** {@code g[i] += s·p[i]} for i < len. */
    private static void addScaled(float[] p, float s, float[] g, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(S, p, i).mul(s).add(FloatVector.fromArray(S, g, i)).intoArray(g, i);
        }
        for (; i < len; i++) {
            g[i] = p[i] * s + g[i];
        }
    }

    /**
     * Whether {@link #weightStep} takes batches of k1 and k2 rows: both non-empty, and k1 + k2 within one block of
     * the inner dimension (KC), as G summed over several blocks would have to go to memory between them.
     */
    static boolean fusesWeightStep(int k1, int k2) {
        return k1 > 0 && k2 > 0 && k1 + k2 <= KC;
    }

    /** {@code x[from .. from + len) *= s}; len is a multiple of L. */
    private static void scale(float[] x, int from, int len, float s) {
        if (s == -1f) {
            for (int i = from; i < from + len; i += L) {
                FloatVector.fromArray(S, x, i).neg().intoArray(x, i);
            }
        } else {
            for (int i = from; i < from + len; i += L) {
                FloatVector.fromArray(S, x, i).mul(s).intoArray(x, i);
            }
        }
    }

    /**
     * V ← μ·V + ε·(G − λ·W), W ← W + V on rows × cols of W and V from {@code wi} (row stride ldw), G at
     * {@code g[r·ldg + j]}, with the operations of {@link Kernels#weightStep}'s loop in the same order (no FMA), so that
     * both give the same W for the same G. Rows of W are read and written as contiguous runs, which the hardware
     * prefetcher follows; updating W tile by tile instead (six runs of 64 floats) is 7% slower than two separate
     * products and a pass over W.
     */
    private static void momentumStep(float[] g, int ldg, int rows, int cols, float[] w, float[] velocity, int wi,
                                     int ldw, float momentum, float lr, float decay) {
        for (int r = 0; r < rows; r++) {
            int gi = r * ldg;
            int at = wi + r * ldw;
            int j = 0;
            for (; j + L <= cols; j += L) {
                FloatVector gv = FloatVector.fromArray(S, g, gi + j);
                FloatVector wv = FloatVector.fromArray(S, w, at + j);
                FloatVector vel = FloatVector.fromArray(S, velocity, at + j).mul(momentum)
                        .add(gv.sub(wv.mul(decay)).mul(lr));
                vel.intoArray(velocity, at + j);
                wv.add(vel).intoArray(w, at + j);
            }
            // the last columns one by one: a masked store that reaches past the end of the array (the last row of W)
            // takes a slow path in the Vector API
            for (; j < cols; j++) {
                velocity[at + j] = momentum * velocity[at + j] + lr * (g[gi + j] - decay * w[at + j]);
                w[at + j] += velocity[at + j];
            }
        }
    }
}
