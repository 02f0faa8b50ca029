package rbm.io;

import java.util.Arrays;

/** A float32 array read from an .npy file: the values in C (row-major) order and the shape. */
public record NpyArray(float[] data, int[] shape) {
    public NpyArray {
        long count = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + NpyHeader.shapeText(shape));
            }
            count *= dim;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + NpyHeader.shapeText(shape) + " holds " + count
                    + " values but data has " + data.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + NpyHeader.shapeText(shape);
    }
}
