package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Rows of numbers binarised column by column: unit c is on when its value is above {@code thresholds[c]}. */
final class ThresholdRows implements RowDecoder {
    private final NpyDtype dtype;
    private final double[] thresholds;

    ThresholdRows(NpyDtype dtype, double[] thresholds) {
        this.dtype = dtype;
        this.thresholds = thresholds;
    }

    @Override
    public ByteOrder order() {
        return dtype.order();
    }

    @Override
    public int decode(ByteBuffer block, int at, long[] words) {
        int size = dtype.size();
        int n = thresholds.length;
        int c = 0;
        for (int w = 0; c < n; w++) {
            long word = 0;
            for (int end = Math.min(n, c + 64); c < end; c++) {
                double value = dtype.value(dtype.raw(block, at + c * size));
                if (Double.isNaN(value)) {
                    return c;
                }
                if (value > thresholds[c]) {
                    word |= 1L << (c & 63);
                }
            }
            words[w] = word;
        }
        return -1;
    }

    @Override
    public String refusal() {
        return "NaN is neither above nor below a threshold";
    }
}
