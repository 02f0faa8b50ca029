package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rows of one-byte 0/1 elements (bool, uint8, int8), eight at a time: a little-endian long holds columns c..c+7 in
 * bytes 0..7, and when every byte is 0 or 1 the product with {@link #GATHER} collects their low bits in bits 56..63.
 */
final class ZeroOneByteRows implements RowDecoder {
    private static final long LOW_BITS = 0x0101010101010101L;
    /**
     * Σ_j 2^(56 − 7j), j = 0..7: byte j's bit, at 8j, is carried to 56 + j. The other products land at 56 + 8j − 7k
     * for k ≠ j, which are distinct and either above bit 63 or below bit 56, so no carry reaches the top byte.
     */
    private static final long GATHER = 0x0102040810204080L;

    private final int n;

    ZeroOneByteRows(int n) {
        this.n = n;
    }

    @Override
    public ByteOrder order() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public int decode(ByteBuffer block, int at, long[] words) {
        int c = 0;
        for (int w = 0; c < n; w++) {
            int end = Math.min(n, c + 64);
            long word = 0;
            for (; c + 8 <= end; c += 8) {
                long x = block.getLong(at + c);
                if ((x & ~LOW_BITS) != 0) {
                    return firstRefused(block, at, c);
                }
                word |= ((x * GATHER) >>> 56) << (c & 63);
            }
            for (; c < end; c++) {
                int v = block.get(at + c);
                if ((v & ~1) != 0) {
                    return c;
                }
                word |= (long) v << (c & 63);
            }
            words[w] = word;
        }
        return -1;
    }

    private static int firstRefused(ByteBuffer block, int at, int c) {
        while ((block.get(at + c) & ~1) == 0) {
            c++;
        }
        return c;
    }

    @Override
    public String refusal() {
        return ZeroOneRows.REFUSAL;
    }
}
