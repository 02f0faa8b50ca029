package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rows of numpy.packbits(x, axis=1) with its default bit order 'big': unit i is bit 7 − i % 8 of byte i / 8, so
 * each byte holds its units most significant bit first, and the padding bits after the last unit are ignored.
 *
 * <p>Eight bytes read big-endian put unit 0 in bit 63 and unit 63 in bit 0; {@link Long#reverse} turns that into the
 * state's layout (unit i in bit i) in one step, an intrinsic on current CPUs.
 */
final class PackedRows implements RowDecoder {
    private final int fullWords;
    private final int tailBytes;
    private final int lastWord;
    private final long lastMask;

    PackedRows(int bits) {
        int bytes = (bits + 7) >>> 3;
        fullWords = bytes >>> 3;
        tailBytes = bytes & 7;
        lastWord = (bits - 1) >>> 6;
        lastMask = -1L >>> (-bits & 63);
    }

    @Override
    public ByteOrder order() {
        return ByteOrder.BIG_ENDIAN;
    }

    @Override
    public int decode(ByteBuffer block, int at, long[] words) {
        for (int w = 0; w < fullWords; w++) {
            words[w] = Long.reverse(block.getLong(at + 8 * w));
        }
        if (tailBytes > 0) {
            // the last 1..7 bytes, big-endian in the low bits, reversed and shifted down so byte 0 lands at bit 0
            long x = 0;
            for (int p = at + 8 * fullWords, end = p + tailBytes; p < end; p++) {
                x = (x << 8) | (block.get(p) & 0xff);
            }
            words[fullWords] = Long.reverse(x) >>> (64 - 8 * tailBytes);
        }
        words[lastWord] &= lastMask;
        return -1;
    }
}
