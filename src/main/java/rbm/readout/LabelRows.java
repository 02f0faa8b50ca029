package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The elements of a 1-D integer array as labels: each is a 64-bit state, its two's-complement bits. */
final class LabelRows implements RowDecoder {
    private final NpyDtype dtype;

    LabelRows(NpyDtype dtype) {
        this.dtype = dtype;
    }

    @Override
    public ByteOrder order() {
        return dtype.order();
    }

    @Override
    public int decode(ByteBuffer block, int at, long[] words) {
        words[0] = dtype.integer(dtype.raw(block, at));
        return -1;
    }
}
