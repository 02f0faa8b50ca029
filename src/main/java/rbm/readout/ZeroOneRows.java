package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Rows of 0/1 integers of any width and byte order: 1 is an on unit, 0 an off one, anything else is refused. */
final class ZeroOneRows implements RowDecoder {
    static final String REFUSAL = "a 0/1 array was expected (use --binarize for other values)";

    private final NpyDtype dtype;
    private final int n;

    ZeroOneRows(NpyDtype dtype, int n) {
        this.dtype = dtype;
        this.n = n;
    }

    @Override
    public ByteOrder order() {
        return dtype.order();
    }

    @Override
    public int decode(ByteBuffer block, int at, long[] words) {
        int size = dtype.size();
        int c = 0;
        for (int w = 0; c < n; w++) {
            long word = 0;
            for (int end = Math.min(n, c + 64); c < end; c++) {
                long raw = dtype.raw(block, at + c * size);
                if ((raw & ~1L) != 0) {
                    return c;
                }
                word |= raw << (c & 63);
            }
            words[w] = word;
        }
        return -1;
    }

    @Override
    public String refusal() {
        return REFUSAL;
    }
}
