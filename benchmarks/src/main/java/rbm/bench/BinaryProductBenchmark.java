package rbm.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.kernels.BinaryRows;
import rbm.kernels.Kernels;
import rbm.kernels.KernelsProvider;

/**
 * The three products of a CD-1 step of a 784-500 RBM whose left operand is 0/1, batch 100, one thread: as sums of the
 * selected rows ({@link Kernels#sumRows}, with the index lists built inside the timed call as the trainer builds them
 * for every batch: from the packed bits for v⁰, from the floats for hˢ), and as the dense vector product of the same
 * shape. {@code product}:
 * <ul>
 *   <li>{@code hidden}: v⁰·W, 100 × 784 · 784 × 500 (NN:100x500x784);</li>
 *   <li>{@code visible}: hˢ·Wᵀ, 100 × 500 · 500 × 784, summing rows of a stored Wᵀ (NT:100x784x500);</li>
 *   <li>{@code gradient}: v⁰ᵀ·h⁰, 784 × 100 · 100 × 500, summing rows of h⁰ over the lists of the transpose
 *       (TN:784x500x100).</li>
 * </ul>
 * {@code density}: "mnist" takes the first 100 MNIST training images, binarised at 0.5 (12–13% ones), as the 0/1
 * operand; a number draws each value 1 with that probability. The crossover density, where the sums stop beating
 * the dense product, sets the trainer's threshold.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BinaryProductBenchmark {
    private static final int BATCH = 100;
    private static final int NV = 784;
    private static final int NH = 500;

    @Param({"hidden", "visible", "gradient"})
    public String product;

    @Param({"mnist", "0.1", "0.15", "0.2", "0.25", "0.3"})
    public String density;

    @Param({"sums", "dense"})
    public String impl;

    private Kernels kernels;
    private float[] ones; // the 0/1 operand, rows × cols as the product reads it
    private int rows;
    private int cols;
    private float[] dense;
    private float[] out;
    private BinaryRows lists;
    private BinaryRows transposed;
    private long[] bits; // the 0/1 operand packed as the trainer keeps a binary training set
    private int wordsPerRow;

    @Setup
    public void setUp() {
        kernels = KernelsProvider.best();
        if (!kernels.name().equals("vector")) {
            throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
        }
        // the 0/1 operand as stored: batch × (784 or 500)
        int width = product.equals("visible") ? NH : NV;
        float[] batch = new float[BATCH * width];
        if (density.equals("mnist")) {
            if (width != NV) {
                throw new IllegalArgumentException("density mnist is for the products with v⁰");
            }
            Dataset d = Binarization.threshold(0.5).apply(DataLoader.mnistTrain().subset(0, BATCH), null);
            System.arraycopy(d.values(), 0, batch, 0, batch.length);
        } else {
            double p = Double.parseDouble(density);
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < batch.length; i++) {
                batch[i] = rng.nextDouble() < p ? 1f : 0f;
            }
        }
        ones = batch;
        rows = BATCH;
        cols = width;
        wordsPerRow = (width + 63) / 64;
        bits = new long[BATCH * wordsPerRow];
        for (int r = 0; r < BATCH; r++) {
            kernels.packBits(batch, r * width, width, 0.5f, bits, r * wordsPerRow);
        }
        SplittableRandom rng = new SplittableRandom(11);
        int denseRows = product.equals("gradient") ? BATCH : width;
        int denseCols = product.equals("visible") ? NV : NH;
        dense = new float[denseRows * denseCols];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (float) rng.nextGaussian() * 0.1f;
        }
        out = new float[NV * NH];
        lists = new BinaryRows(BATCH, NV);
        transposed = new BinaryRows(NV, BATCH);
    }

    @Benchmark
    public float[] multiply() {
        boolean sums = impl.equals("sums");
        switch (product) {
            case "hidden" -> {
                if (sums) {
                    lists.setFromBits(bits, 0, wordsPerRow, rows, cols);
                    kernels.sumRows(lists.start(), lists.index(), 0, rows, dense, 0, NH, NH, out, 0, NH);
                } else {
                    kernels.gemm(false, false, rows, NH, NV, 1f, ones, 0, NV, dense, 0, NH, 0f, out, 0, NH);
                }
            }
            case "visible" -> {
                if (sums) {
                    lists.setFromFloats(ones, 0, rows, cols);
                    kernels.sumRows(lists.start(), lists.index(), 0, rows, dense, 0, NV, NV, out, 0, NV);
                } else {
                    // hˢ·Wᵀ with W stored 784 × 500: here the same numbers serve as W
                    kernels.gemm(false, true, rows, NV, NH, 1f, ones, 0, NH, dense, 0, NH, 0f, out, 0, NV);
                }
            }
            default -> {
                if (sums) {
                    lists.setFromBits(bits, 0, wordsPerRow, rows, cols);
                    transposed.setTransposeOf(lists);
                    kernels.sumRows(transposed.start(), transposed.index(), 0, NV, dense, 0, NH, NH, out, 0, NH);
                } else {
                    kernels.gemm(true, false, NV, NH, rows, 1f, ones, 0, NV, dense, 0, NH, 0f, out, 0, NH);
                }
            }
        }
        return out;
    }
}
