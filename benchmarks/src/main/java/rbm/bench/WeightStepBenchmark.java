package rbm.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import rbm.kernels.Kernels;

/**
 * The weight update of one CD-1 step of a 784-500 RBM with batch 100, one thread: ∇W = v⁰ᵀh⁰/B − vᵏᵀhᵏ/B and the
 * momentum update of W ({@link Kernels#weightStep}), 2 · 2·784·500·100 = 157 MFLOP. {@code vector} computes ∇W as one
 * product of inner dimension 200 and updates six rows of W right after their six rows of ∇W; {@code unfused} is
 * the same vector gemm run as two products into a gradient array followed by a pass over W (the interface's
 * default, which the vector kernels take for batches too large to fuse); {@code reference} is the plain-Java
 * kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WeightStepBenchmark {
    @Param({"vector", "unfused", "reference"})
    public String impl;

    private static final int NV = 784;
    private static final int NH = 500;
    private static final int B = 100;
    private Kernels kernels;
    private float[] v0;
    private float[] h0;
    private float[] vk;
    private float[] hk;
    private final float[] w = new float[NV * NH];
    private final float[] velocity = new float[NV * NH];
    private final float[] grad = new float[NV * NH];

    @Setup
    public void setUp() {
        kernels = impl.equals("unfused") ? new Unfused(Impl.of("vector")) : Impl.of(impl);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        v0 = binary(rng, B * NV);
        vk = probabilities(rng, B * NV);
        h0 = probabilities(rng, B * NH);
        hk = probabilities(rng, B * NH);
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.01f * (rng.nextFloat() - 0.5f);
        }
    }

    private static float[] binary(UniformRandomProvider rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat() < 0.13f ? 1f : 0f;
        }
        return x;
    }

    private static float[] probabilities(UniformRandomProvider rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextFloat();
        }
        return x;
    }

    @Benchmark
    public float[] weightStep() {
        // a tiny learning rate and some decay keep W bounded over millions of calls
        kernels.weightStep(0, NV, NV, NH, v0, h0, B, vk, hk, B, w, velocity, 0.5f, 1e-6f, 0.1f, grad);
        return w;
    }

    /** The given kernels without their own weightStep: two products and a pass, as {@link Kernels} defaults. */
    private record Unfused(Kernels k) implements Kernels {
        @Override
        public String name() {
            return "unfused";
        }

        @Override
        public void gemm(boolean transA, boolean transB, int m, int n, int kk, float alpha, float[] a, int aOff,
                         int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            k.gemm(transA, transB, m, n, kk, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }

        @Override
        public void sumRows(int[] start, int[] index, int r0, int r1, float[] b, int bOff, int ldb, int n, float[] c,
                            int cOff, int ldc) {
            k.sumRows(start, index, r0, r1, b, bOff, ldb, n, c, cOff, ldc);
        }

        @Override
        public void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows,
                                int cols) {
            k.sigmoidBias(x, bias, biasOff, out, off, ld, rows, cols);
        }

        @Override
        public void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n) {
            k.bernoulli(p, u, uOff, out, off, n);
        }

        @Override
        public void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff) {
            k.packBits(x, off, n, threshold, words, wordOff);
        }

        @Override
        public void unpackBits(long[] words, int wordOff, int n, float[] out, int off) {
            k.unpackBits(words, wordOff, n, out, off);
        }

        @Override
        public long hash(long[] words, int off, int nWords) {
            return k.hash(words, off, nWords);
        }

        @Override
        public boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords) {
            return k.equalWords(words, off, seg, at, nWords);
        }
    }
}
