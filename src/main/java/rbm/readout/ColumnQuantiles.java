package rbm.readout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import rbm.io.BadInputException;

/**
 * The q-quantile of every column of an M × n array, exactly and in bounded memory: the value at 0-based rank
 * k = ⌊q·(M − 1)⌋ of the column sorted in ascending order (q = 0 the minimum, q = 1 the maximum, q = 0.5 the lower
 * median).
 *
 * <p>A radix selection over the elements' order-preserving keys ({@link NpyDtype#key}), most significant byte first:
 * each pass counts, per column, the next byte of the keys that agree with the bytes chosen so far, and chooses the
 * byte whose counts straddle the rank. An element of s bytes takes s passes over the data and 2 KB of counts per
 * column, instead of holding the M·n values.
 */
final class ColumnQuantiles {
    private ColumnQuantiles() {
    }

    static double[] of(RowBlocks.Opener data, String name, NpyDtype dtype, int n, long rows, double q)
            throws IOException {
        int size = dtype.size();
        long[] rank = new long[n];
        Arrays.fill(rank, (long) Math.floor(q * (rows - 1)));
        long[] prefix = new long[n];
        long[] counts = new long[n * 256];
        for (int pass = 0; pass < size; pass++) {
            int shift = 8 * (size - 1 - pass);
            Arrays.fill(counts, 0);
            count(data, name, dtype, n, pass, prefix, counts);
            for (int c = 0; c < n; c++) {
                int digit = 0;
                while (counts[c * 256 + digit] <= rank[c]) {
                    rank[c] -= counts[c * 256 + digit++];
                }
                prefix[c] |= (long) digit << shift;
            }
        }
        double[] quantiles = new double[n];
        for (int c = 0; c < n; c++) {
            quantiles[c] = dtype.value(dtype.rawOfKey(prefix[c]));
        }
        return quantiles;
    }

    /** Counts the byte at {@code pass} of the keys whose earlier bytes are the column's prefix. */
    private static void count(RowBlocks.Opener data, String name, NpyDtype dtype, int n, int pass, long[] prefix,
                              long[] counts) throws IOException {
        int size = dtype.size();
        int shift = 8 * (size - 1 - pass);
        // the bytes above the one counted must match; on the first pass there are none (a shift by 64 would be 0)
        long matched = pass == 0 ? 0 : -1L << (shift + 8);
        long row = 0;
        try (RowBlocks blocks = data.open()) {
            for (ByteBuffer block = blocks.next(); block.hasRemaining(); block = blocks.next()) {
                block.order(dtype.order());
                for (int at = block.position(), end = block.limit(); at < end; at += n * size, row++) {
                    for (int c = 0; c < n; c++) {
                        long raw = dtype.raw(block, at + c * size);
                        if (pass == 0 && dtype.isNaN(raw)) {
                            throw new BadInputException(name + ": row " + row + ", column " + c
                                    + " holds NaN, which has no place in a quantile");
                        }
                        long key = dtype.key(raw);
                        if (((key ^ prefix[c]) & matched) == 0) {
                            counts[c * 256 + (int) ((key >>> shift) & 0xff)]++;
                        }
                    }
                }
                block.position(block.limit());
            }
        }
    }
}
