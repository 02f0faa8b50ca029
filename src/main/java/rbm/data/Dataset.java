package rbm.data;

import java.util.Arrays;
import java.util.Objects;

import rbm.io.BadInputException;

/**
 * A table of rows × cols values in [0,1], stored row-major in one {@code float[]}, with optional integer labels
 * (one per row) and the {@link DataSource} it was read from. Instances are immutable by convention: the arrays
 * are shared, not copied, and must not be modified.
 */
public final class Dataset {
    private final float[] values;
    private final int rows;
    private final int cols;
    private final int[] labels;
    private final DataSource source;

    /**
     * Takes over {@code values} and {@code labels} without copying them.
     *
     * @throws IllegalArgumentException if the sizes do not fit together
     * @throws BadInputException        if a value is NaN, infinite or outside [0,1]
     */
    public Dataset(float[] values, int rows, int cols, int[] labels, DataSource source) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(source, "source");
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("need rows >= 0 and cols >= 1, got " + rows + "×" + cols);
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(rows + "×" + cols + " does not match " + values.length + " values");
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0f && v <= 1f)) { // also catches NaN
                throw new BadInputException(source.path() + ": value " + v + " at row " + i / cols + ", column "
                        + i % cols + " (counting from 0); values must be finite numbers in [0,1]");
            }
        }
        this.values = values;
        this.rows = rows;
        this.cols = cols;
        this.labels = labels;
        this.source = source;
    }

    /** A dataset without labels from values held in memory; {@code values} is taken over, not copied. */
    public static Dataset of(float[] values, int rows, int cols) {
        return new Dataset(values, rows, cols, null, DataSource.inMemory(rows, cols));
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (value (r, c) is at {@code r * cols() + c}); do not modify it. */
    public float[] values() {
        return values;
    }

    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return values[row * cols + col];
    }

    /** One label per row, or null when there are none; the backing array, do not modify it. */
    public int[] labels() {
        return labels;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The file this data came from; a subset keeps the source of the dataset it was cut from. */
    public DataSource source() {
        return source;
    }

    /** A copy of rows {@code from} (inclusive) to {@code to} (exclusive), with their labels. */
    public Dataset subset(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        float[] part = Arrays.copyOfRange(values, from * cols, to * cols);
        int[] partLabels = labels == null ? null : Arrays.copyOfRange(labels, from, to);
        return new Dataset(part, to - from, cols, partLabels, source);
    }

    /** The same values with these labels (copied), one per row. */
    public Dataset withLabels(int[] newLabels) {
        Objects.requireNonNull(newLabels, "labels");
        if (newLabels.length != rows) {
            throw new BadInputException(source.path() + ": has " + rows + " rows but " + newLabels.length
                    + " labels were given; need one label per row");
        }
        return new Dataset(values, rows, cols, newLabels.clone(), source);
    }

    @Override
    public String toString() {
        return "Dataset[" + rows + "×" + cols + (labels == null ? "" : ", labelled") + ", from " + source.path() + "]";
    }
}
