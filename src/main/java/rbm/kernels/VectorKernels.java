package rbm.kernels;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Java Vector API. {@link KernelsProvider} loads this class by name, and only when the module
 * {@code jdk.incubator.vector} is present, so that a JVM without it never links this class.
 *
 * <p>{@code gemm} is blocked as in GotoBLAS/BLIS, around one micro-kernel that keeps a tile of MR = 6 rows × NR =
 * 4 vectors (64 columns with AVX-512) of C in registers. For each step p it loads row p of a packed panel of op(B)
 * (NR contiguous floats) and broadcasts the values at step p of six rows of op(A). Every index in its loop is the
 * loop variable times a constant (NR for B, 1 for A) plus a loop invariant, which is what lets C2 hoist the
 * bounds checks out of the loop; the previous kernel, with the strides as parameters, was only about 5% slower on
 * the same panels (200 against 210 GFLOP/s): most of the gain came from packing faster. The operands:
 * <ul>
 *   <li>op(B) is always packed, a block of column panels at a time (up to 256 KB, kept in L2 while every row panel
 *       of op(A) passes over it): B by vector copies, Bᵀ by 16 × 16 transposes in registers (three times faster
 *       than the gathers used before);</li>
 *   <li>op(A) = A is read in place, six rows at stride 1; op(A) = Aᵀ is transposed into a per-thread buffer the
 *       same way, so the kernel again reads rows at stride 1; a last partial row panel is copied with zero rows;</li>
 *   <li>a last column panel of at most one vector (A·Bᵀ with n = 784 = 12·64 + 16) goes through a 6 × 1-vector
 *       kernel instead of a tile padded to 64 columns;</li>
 *   <li>a full tile of the first block of the inner dimension with beta = 0 is stored from the registers into C;
 *       other tiles go through a small buffer ({@link #update}). For Aᵀ·B with k = 100, where C (1.6 MB) is mostly
 *       not in cache and each tile's work is short, the direct stores made the product 9–14% faster.</li>
 * </ul>
 * The inner dimension is cut into equal blocks of at most KC = 1024 steps (2000 = 2 × 1000), so that C is read and
 * written once per block; a panel of op(B) then takes up to 256 KB of L2. With 512 (784 = 2 × 392), A·B at
 * 100 × 500 × 784 ran 3–5% slower on one thread and 8–16% slower on two, whose threads write the same cache lines
 * of C where their blocks of columns meet (rows of 500 floats do not end on a line). The micro-kernel alone,
 * on panels in L1 or L2, runs at about 205 GFLOP/s on one core of the AMD EPYC (Zen 5, AVX-512) this was tuned on;
 * the whole product at the RBM shapes at 175–190 GFLOP/s for A·B, A·Bᵀ and Aᵀ·B, against about 4 for
 * {@link ReferenceKernels} (packing, padding and the loads and stores of C take the rest).
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
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the register tile of C. */
    private static final int MR = 6;
    /** Columns of the register tile of C: four vectors. */
    private static final int NR = 4 * L;
    /** Most steps of the inner dimension per block; k is cut into equal blocks of at most this many steps. */
    private static final int KC = 1024;
    /** Floats of a packed block of op(A) (MC rows × kc steps): 384 KB, which leaves room in a 1 MB L2 for B's panel. */
    private static final int A_BLOCK = 96 * 1024;
    /** Floats of a block of packed column panels of op(B) (kc steps × nc columns): at least one panel of KC steps. */
    private static final int B_BLOCK = Math.max(KC * NR, 64 * 1024);
    /** Most columns of G that {@link #weightStep} holds at a time (a multiple of NR): 6 × 512 floats, 12 KB. */
    private static final int G_COLUMNS = 512;
    /**
     * Floats of the packed block of op(B) in {@link #weightStep}, and so of the per-thread buffer: G_COLUMNS columns
     * at k = 200 (400 KB), so that a 784 × 500 step updates each row of W and V as one run of 500 floats instead of
     * two of 320 and 180 (with B_BLOCK): the hardware prefetcher follows longer runs further. In one JVM against
     * B_BLOCK: weight step 0.93–0.95×, CD-1 epoch 0.98× on 2 threads. (The products keep B_BLOCK: larger blocks
     * were slower for them; see benchmarks/README.md.)
     */
    private static final int WEIGHT_STEP_B_BLOCK = Math.max(B_BLOCK, G_COLUMNS * 200);
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    /** Ints in a vector of the same size as a float vector, and the lane index of each. */
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
    private static final IntVector LANE_INDEX = IntVector.zero(IS).addIndex(1);
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int LL = LS.length();
    /** The keys k_i = (i + 1)·φ of the first L words of a state (see {@link BitHash}). */
    private static final LongVector LANE_KEYS = LongVector.broadcast(LS, BitHash.GOLDEN)
            .mul(LongVector.broadcast(LS, 1).addIndex(1));
    /** Row r (r = 0 .. LL) of LL longs: −1 in the first r lanes, 0 in the rest; an AND keeps the first r lanes. */
    private static final long[] LANES_BELOW = lanesBelow();
    private static final LongVector MIX1 = LongVector.broadcast(LS, 0xBF58476D1CE4E5B9L);
    private static final LongVector MIX2 = LongVector.broadcast(LS, 0x94D049BB133111EBL);

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
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static long[] lanesBelow() {
        long[] rows = new long[(LL + 1) * LL];
        for (int r = 0; r <= LL; r++) {
            Arrays.fill(rows, r * LL, r * LL + r, -1L);
        }
        return rows;
    }

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
     * and G cross the memory system 4 times per step instead of 11. When k1 + k2 does not fit one block of the inner
     * dimension (KC), G would be summed over several blocks, and the two products of the default are used instead.
     * Every element of G is the same chain of FMAs wherever its row and column fall, so the result does not depend
     * on how the caller splits the rows.
     */
    @Override
    public void weightStep(int i0, int m, int nv, int n, float[] a1, float[] b1, int k1, float[] a2, float[] b2,
                           int k2, float[] w, float[] velocity, float momentum, float lr, float decay, float[] grad) {
        int k = k1 + k2;
        if (k > KC || k1 == 0 || k2 == 0) {
            Kernels.super.weightStep(i0, m, nv, n, a1, b1, k1, a2, b2, k2, w, velocity, momentum, lr, decay, grad);
            return;
        }
        if (m <= 0 || n <= 0) {
            return;
        }
        Buffers buf = BUFFERS.get();
        float alpha = 1f / k1;
        float scale2 = -(float) k1 / k2;
        int mcMax = Math.max(MR, A_BLOCK / k / MR * MR);
        int mBlocks = (m + mcMax - 1) / mcMax;
        int mcEven = ((m + mBlocks - 1) / mBlocks + MR - 1) / MR * MR;
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
                    for (int j0 = 0; j0 < nc; j0 += NR) {
                        int cols = Math.min(NR, nc - j0);
                        if (cols == NR) {
                            tile(buf.a, r0 * k, k, buf.b, j0 * k, k, null, buf.g, j0, nc, alpha);
                        } else {
                            multiply(buf.a, r0 * k, k, buf.b, j0 * k, k, cols, buf.tile);
                            update(buf.tile, MR, cols, alpha, 0f, buf.g, j0, nc);
                        }
                    }
                    momentumStep(buf.g, nc, Math.min(MR, mc - r0), nc, w, velocity, (i0 + i + r0) * n + jb, n,
                            momentum, lr, decay);
                }
            }
        }
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
     * prefetcher follows; updating W tile by tile instead (six runs of 64 floats) was 7% slower than two separate
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

    /** Columns [j0, j0 + cols) of op(B), steps [p0, p0 + kc), into {@code pb[p·NR + j]}, zero for j ≥ cols. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int j0, int cols, int p0, int kc,
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
    private static void transpose(float[] src, int s, int lds, int rows, int cols, float[] dst, int d, int ldd) {
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

    /**
     * The MR × {@code cols} tile of Σ_p A(·, p) ⊗ B(p, ·) into {@code part[r·NR + j]}: a last panel of at most one
     * vector (784 = 12·64 + 16) goes through {@link #narrowTile} instead of a tile padded to NR columns.
     */
    private static void multiply(float[] pa, int ai, int aRow, float[] pb, int bi, int kc, int cols, float[] part) {
        if (cols <= L) {
            narrowTile(pa, ai, aRow, pb, bi, kc, part);
        } else {
            tile(pa, ai, aRow, pb, bi, kc, part, null, 0, 0, 0f);
        }
    }

    /**
     * The micro-kernel: the MR × NR tile {@code Σ_p A(·, p) ⊗ B(p, ·)} over kc steps, for the six rows of op(A) at
     * {@code pa[ai + r·aRow + p]} and the packed column panel {@code pb[bi + p·NR + j]}: into {@code part[r·NR + j]}
     * when {@code c} is null (the caller then adds it into C with {@link #update}), else alpha times the tile straight
     * into {@code c[ci + r·ldc + j]} (C = alpha·AB, beta = 0).
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
    private static void tile(float[] pa, int ai, int aRow, float[] pb, int bi, int kc, float[] part, float[] c,
                             int ci, int ldc, float alpha) {
        int a0 = ai;
        int a1 = ai + aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int a4 = ai + 4 * aRow;
        int a5 = ai + 5 * aRow;
        // a fresh zero, not the constant ZERO: C2 keeps a loop variable that starts as a constant vector object
        // boxed, and the loop runs 40 times slower
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int p = 0; p < kc; p++) {
            int bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bp);
            FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, pb, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, pb, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, pa[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, pa[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, pa[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, pa[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
            x = FloatVector.broadcast(S, pa[a4 + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            c43 = b3.fma(x, c43);
            x = FloatVector.broadcast(S, pa[a5 + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            c53 = b3.fma(x, c53);
        }
        if (c == null) {
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
            return;
        }
        // a full tile with beta = 0 goes straight from the registers into C, with the operations of update: through
        // part, its 24 stores would queue in the store buffer behind C's, whose lines are mostly not in cache
        c00.mul(alpha).intoArray(c, ci);
        c01.mul(alpha).intoArray(c, ci + L);
        c02.mul(alpha).intoArray(c, ci + 2 * L);
        c03.mul(alpha).intoArray(c, ci + 3 * L);
        c10.mul(alpha).intoArray(c, ci + ldc);
        c11.mul(alpha).intoArray(c, ci + ldc + L);
        c12.mul(alpha).intoArray(c, ci + ldc + 2 * L);
        c13.mul(alpha).intoArray(c, ci + ldc + 3 * L);
        c20.mul(alpha).intoArray(c, ci + 2 * ldc);
        c21.mul(alpha).intoArray(c, ci + 2 * ldc + L);
        c22.mul(alpha).intoArray(c, ci + 2 * ldc + 2 * L);
        c23.mul(alpha).intoArray(c, ci + 2 * ldc + 3 * L);
        c30.mul(alpha).intoArray(c, ci + 3 * ldc);
        c31.mul(alpha).intoArray(c, ci + 3 * ldc + L);
        c32.mul(alpha).intoArray(c, ci + 3 * ldc + 2 * L);
        c33.mul(alpha).intoArray(c, ci + 3 * ldc + 3 * L);
        c40.mul(alpha).intoArray(c, ci + 4 * ldc);
        c41.mul(alpha).intoArray(c, ci + 4 * ldc + L);
        c42.mul(alpha).intoArray(c, ci + 4 * ldc + 2 * L);
        c43.mul(alpha).intoArray(c, ci + 4 * ldc + 3 * L);
        c50.mul(alpha).intoArray(c, ci + 5 * ldc);
        c51.mul(alpha).intoArray(c, ci + 5 * ldc + L);
        c52.mul(alpha).intoArray(c, ci + 5 * ldc + 2 * L);
        c53.mul(alpha).intoArray(c, ci + 5 * ldc + 3 * L);
    }

    /**
     * {@link #tile} for a panel of at most L columns: MR × 1 vector, the same chain of FMAs per element. Six
     * accumulators cannot hide the FMA latency and each step loads seven values for six FMAs, but that costs about a
     * third of a full tile, against the whole of one for a panel padded to NR columns.
     */
    private static void narrowTile(float[] pa, int ai, int aRow, float[] pb, int bi, int kc, float[] part) {
        int a0 = ai;
        int a1 = ai + aRow;
        int a2 = ai + 2 * aRow;
        int a3 = ai + 3 * aRow;
        int a4 = ai + 4 * aRow;
        int a5 = ai + 5 * aRow;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bi + p * NR);
            c0 = b0.fma(FloatVector.broadcast(S, pa[a0 + p]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, pa[a1 + p]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, pa[a2 + p]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, pa[a3 + p]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, pa[a4 + p]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, pa[a5 + p]), c5);
        }
        c0.intoArray(part, 0);
        c1.intoArray(part, NR);
        c2.intoArray(part, 2 * NR);
        c3.intoArray(part, 3 * NR);
        c4.intoArray(part, 4 * NR);
        c5.intoArray(part, 5 * NR);
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
                } else if (at + L <= c.length) {
                    VectorMask<Float> valid = S.indexInRange(v, cols);
                    if (beta != 0f) {
                        sum = FloatVector.fromArray(S, c, at, valid).fma(FloatVector.broadcast(S, beta), sum);
                    }
                    sum.intoArray(c, at, valid);
                } else {
                    // a masked access that reaches past the end of the array takes a slow path in the Vector API
                    // (it showed in profiles of the last row of C): one by one, with the same roundings
                    for (int j = v; j < cols; j++) {
                        float x = acc[r * NR + j] * alpha;
                        c[ci + r * ldc + j] = beta != 0f ? Math.fma(c[ci + r * ldc + j], beta, x) : x;
                    }
                }
            }
        }
    }

    /**
     * Column sums, L columns at a time, each lane summed over the rows in order as the scalar default does (so the
     * bits are the same); a last partial group of columns is summed by that scalar loop. The scalar loop stores into
     * the sums array on every row, which C2 does not vectorise, as it cannot rule out that the arrays overlap.
     */
    @Override
    public void columnSums(float[] x, int off, int ld, int rows, int cols, float[] sums, int sumOff) {
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
        for (; j + L <= cols; j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int r = 0, at = off + j; r < rows; r++, at += ld) {
                s0 = s0.add(FloatVector.fromArray(S, x, at));
            }
            s0.intoArray(sums, sumOff + j);
        }
        if (j < cols) {
            Kernels.super.columnSums(x, off + j, ld, rows, cols - j, sums, sumOff + j);
        }
    }

    /** σ(x + bias) = 1 / (1 + e^−(x + bias)), with the deterministic {@link #exp}. */
    @Override
    public void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = off + r * ld;
            for (int j = 0; j < cols; j += L) {
                VectorMask<Float> in = S.indexInRange(j, cols);
                FloatVector z = FloatVector.fromArray(S, x, base + j, in)
                        .add(FloatVector.fromArray(S, bias, biasOff + j, in));
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

    /**
     * L bits at a time: the bits, broadcast to every lane and shifted right by the lane's index, are 0 or 1 in bit 0,
     * and converted to float. On 100 random MNIST rows (packed) this took 16–20 µs, a mask made from the bits and a
     * blend of 0 and 1 21–27 µs, and System.arraycopy of the rows as floats 42–52 µs. The last partial vector is done
     * one by one, because a store that reaches past the end of the array takes a slow path in the Vector API.
     */
    @Override
    public void unpackBits(long[] words, int wordOff, int n, float[] out, int off) {
        int i = 0;
        for (; i + L <= n; i += L) {
            int bits = (int) (words[wordOff + (i >>> 6)] >>> (i & 63));
            ((FloatVector) IntVector.broadcast(IS, bits).lanewise(VectorOperators.LSHR, LANE_INDEX).and(1)
                    .convert(VectorOperators.I2F, 0)).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            out[off + i] = words[wordOff + (i >>> 6)] >>> (i & 63) & 1L;
        }
    }

    /**
     * {@link BitHash#hash}, LL words at a time: the sum of mix(w_i ⊕ k_i) does not depend on the order of its terms
     * (addition mod 2^64), so lanes summed in any order give the reference's value exactly. Whole vectors are loaded
     * without a mask and only the last, partial vector with one: a loop of masked loads and masked adds ran at
     * 18.5 ns for 13 words (784 bits) over a stream of states, this at 6.5–9 ns (and 10–18 → 4.4–6.2 ns for 8
     * words, where no mask is needed at all). Each vector is reduced to a scalar at once, so no vector is carried
     * around the loop (C2 kept such loop variables boxed in some shapes of this loop).
     */
    @Override
    public long hash(long[] words, int off, int nWords) {
        long sum = 0;
        int i = 0;
        for (; i <= nWords - LL; i += LL) {
            LongVector z = LongVector.fromArray(LS, words, off + i)
                    .lanewise(VectorOperators.XOR, LANE_KEYS.add(BitHash.GOLDEN * i));
            // BitHash.mix in every lane; written out here and below, not in a helper method, because a helper that
            // C2 declines to inline returns its vector boxed, on the heap
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            sum += z.reduceLanes(VectorOperators.ADD);
        }
        if (i < nWords && off + i + LL <= words.length) {
            // the last, partial vector loaded whole (the words past the state belong to whatever follows it), mixed,
            // and its lanes past the state zeroed by an AND before the sum: no mask, whose operations C2 does not
            // always compile to mask instructions
            LongVector z = LongVector.fromArray(LS, words, off + i)
                    .lanewise(VectorOperators.XOR, LANE_KEYS.add(BitHash.GOLDEN * i));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            sum += z.lanewise(VectorOperators.AND, LongVector.fromArray(LS, LANES_BELOW, (nWords - i) * LL))
                    .reduceLanes(VectorOperators.ADD);
        } else if (i < nWords) {
            VectorMask<Long> in = LS.indexInRange(i, nWords);
            LongVector z = LongVector.fromArray(LS, words, off + i, in)
                    .lanewise(VectorOperators.XOR, LANE_KEYS.add(BitHash.GOLDEN * i));
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            sum += z.reduceLanes(VectorOperators.ADD, in);
        }
        return BitHash.mix(BitHash.seed(nWords) + sum);
    }

    /**
     * Two vector compares for a 784-bit state instead of thirteen, unmasked but for the last partial vector (as in
     * {@link #hash}). Each compare returns at once on a difference rather than OR-ing the differences into a vector
     * carried around the loop: one JMH fork with that accumulator allocated 448 bytes per 500-bit state (C2 kept the
     * vectors boxed), and no vector crosses an iteration here.
     */
    @Override
    public boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords) {
        int i = 0;
        for (; i <= nWords - LL; i += LL) {
            LongVector a = LongVector.fromArray(LS, words, off + i);
            LongVector b = LongVector.fromMemorySegment(LS, seg, at + 8L * i, ByteOrder.nativeOrder());
            if (a.compare(VectorOperators.NE, b).anyTrue()) {
                return false;
            }
        }
        if (i < nWords && off + i + LL <= words.length && at + 8L * (i + LL) <= seg.byteSize()) {
            // whole vectors again, and only the differences in the state's lanes count
            LongVector a = LongVector.fromArray(LS, words, off + i);
            LongVector b = LongVector.fromMemorySegment(LS, seg, at + 8L * i, ByteOrder.nativeOrder());
            return (a.compare(VectorOperators.NE, b).toLong() & ((1L << (nWords - i)) - 1)) == 0;
        } else if (i < nWords) {
            VectorMask<Long> in = LS.indexInRange(i, nWords);
            LongVector a = LongVector.fromArray(LS, words, off + i, in);
            LongVector b = LongVector.fromMemorySegment(LS, seg, at + 8L * i, ByteOrder.nativeOrder(), in);
            return !a.compare(VectorOperators.NE, b, in).anyTrue();
        }
        return true;
    }
}
