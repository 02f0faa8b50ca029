package rbm.train;

import rbm.kernels.BinaryRows;
import rbm.kernels.Kernels;

/**
 * Copies the rows of a mini-batch out of the training set. The rows are drawn in a random order from a large array
 * (MNIST: 188 MB of floats), so the copy waits on memory, about 5% of a two-thread CD step at the MNIST shapes, time
 * in which the other threads have nothing to do. A binary training set (every value exactly 0 or 1, as binarised
 * images are) is therefore packed once into bits, 32 times smaller (MNIST: 6 MB, which stays in the caches), and each
 * row is unpacked by {@link Kernels#unpackBits}; it gives the same floats, so training is bit for bit the same either
 * way. Other data are copied as they are.
 *
 * <p>Even packed, rows drawn at random miss the caches once the step's weights have pushed them out, which makes the
 * gather of 100 rows inside an epoch several times slower than alone. So at the start of an epoch, {@link #prepare}
 * lays the packed rows out in the epoch's order, one tight loop whose misses overlap, and each mini-batch then reads
 * one contiguous run that the hardware prefetcher follows.
 *
 * <p>The packed copy belongs to one data array, and the reordered copy to one order array, both recognised by
 * identity: the training set must not change while it is being trained on, nor an epoch's order during the epoch.
 */
final class BatchGather {
    /** 1f is 0x3F800000: of +0f and 1f, only 1f has bit 29 set. */
    private static final int ONE_BITS = Float.floatToRawIntBits(1f);

    private final Kernels kernels;
    private final int cols;
    private final int wordsPerRow;
    /** The data array {@link #packed} was made from, or last found not binary. */
    private float[] source;
    /** The rows of {@link #source} as bits, each row starting at a word; null when the data are not all 0/1. */
    private long[] packed;
    /** The order {@link #ordered} was laid out for, or null. */
    private int[] order;
    /** Row r of this is row order[r] of {@link #packed}. */
    private long[] ordered;

    BatchGather(Kernels kernels, int cols) {
        this.kernels = kernels;
        this.cols = cols;
        this.wordsPerRow = (cols + 63) >>> 6;
    }

    /** Lays the packed rows of {@code data} out in the order of {@code order} (an epoch's permutation of its rows). */
    void prepare(float[] data, int[] order) {
        use(data);
        this.order = null;
        if (packed == null || order.length * wordsPerRow > packed.length) {
            return;
        }
        if (ordered == null || ordered.length < order.length * wordsPerRow) {
            ordered = new long[order.length * wordsPerRow];
        }
        for (int r = 0; r < order.length; r++) {
            System.arraycopy(packed, order[r] * wordsPerRow, ordered, r * wordsPerRow, wordsPerRow);
        }
        this.order = order;
    }

    /** {@code out[r] = data[order[from + r]]} for r < size, rows of {@code cols} floats. */
    void gather(float[] data, int[] order, int from, int size, float[] out) {
        use(data);
        if (packed != null && order == this.order) {
            for (int r = 0; r < size; r++) {
                kernels.unpackBits(ordered, (from + r) * wordsPerRow, cols, out, r * cols);
            }
        } else if (packed != null) {
            for (int r = 0; r < size; r++) {
                kernels.unpackBits(packed, order[from + r] * wordsPerRow, cols, out, r * cols);
            }
        } else {
            for (int r = 0; r < size; r++) {
                System.arraycopy(data, order[from + r] * cols, out, r * cols, cols);
            }
        }
    }

    /**
     * The ones of the rows that {@link #gather} copied for the same arguments, from the packed bits, into {@code out};
     * false, with {@code out} untouched, when the data are not packed (not all 0/1).
     */
    boolean ones(float[] data, int[] order, int from, int size, BinaryRows out) {
        use(data);
        if (packed == null) {
            return false;
        }
        if (order == this.order) {
            out.setFromBits(ordered, from * wordsPerRow, wordsPerRow, size, cols);
        } else {
            out.setFromRows(packed, order, from, wordsPerRow, size, cols);
        }
        return true;
    }

    private void use(float[] data) {
        if (data != source) {
            source = data;
            packed = pack(data);
            order = null;
        }
    }

    /** Whether the packed copy is in use; for tests. */
    boolean packs() {
        return packed != null;
    }

    /**
     * The rows as bits, or null if a value is not +0f or 1f (bit patterns: −0f, which unpacking would not give back,
     * is not binary). Plain Java, one pass: this runs once, before the kernels are compiled, and the vector kernels
     * are slow until they are.
     */
    private long[] pack(float[] data) {
        int rows = data.length / cols;
        if ((long) rows * wordsPerRow > Integer.MAX_VALUE - 8) {
            return null; // too many rows for one long[]: copy the floats instead
        }
        long[] bits = new long[rows * wordsPerRow];
        int odd = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                int raw = Float.floatToRawIntBits(data[base + j]);
                int bit = raw >>> 29 & 1;
                odd |= raw ^ bit * ONE_BITS; // 0 for +0f and for 1f, and for nothing else
                bits[r * wordsPerRow + (j >>> 6)] |= (long) bit << (j & 63);
            }
            if (odd != 0) {
                return null;
            }
        }
        return bits;
    }
}
