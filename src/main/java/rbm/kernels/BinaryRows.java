package rbm.kernels;

/**
 * Where the ones are in a rows × cols matrix of 0/1 values: for each row r, the columns of its ones in increasing
 * order, {@code index[start[r] .. start[r + 1])}. A product with such a matrix as its left operand adds the rows of
 * the right operand that the ones select ({@link Kernels#sumRows}), which costs the density of ones times a dense
 * product. The buffers are allocated once, for the largest shape, and refilled per mini-batch.
 */
public final class BinaryRows {
    private final int maxRows;
    private final int maxCols;
    private final int[] start;
    private final int[] index;
    private int rows;
    private int cols;

    /** Room for up to {@code maxRows} × {@code maxCols}. */
    public BinaryRows(int maxRows, int maxCols) {
        if ((long) maxRows * maxCols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too large for index lists: " + maxRows + " × " + maxCols);
        }
        this.maxRows = maxRows;
        this.maxCols = maxCols;
        this.start = new int[maxRows + 1];
        this.index = new int[maxRows * maxCols];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** {@code start[r]}: where row r's list begins in {@link #index()}; {@code start[rows]} is the count of ones. */
    public int[] start() {
        return start;
    }

    public int[] index() {
        return index;
    }

    /** The count of ones. */
    public int ones() {
        return start[rows];
    }

    /** The fraction of the matrix that is ones; 0 for an empty one. */
    public double density() {
        return rows == 0 || cols == 0 ? 0 : (double) ones() / ((long) rows * cols);
    }

    /**
     * The ones of {@code x[off + r·cols + j]}, r < rows, j < cols. Returns false, with the lists undefined, at the
     * first value that is not exactly +0f or 1f.
     */
    public boolean setFromFloats(float[] x, int off, int rows, int cols) {
        shape(rows, cols);
        int n = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = n;
            int base = off + r * cols;
            for (int j = 0; j < cols; j++) {
                float v = x[base + j];
                if (v == 1f) {
                    index[n++] = j;
                } else if (Float.floatToRawIntBits(v) != 0) {
                    return false;
                }
            }
        }
        start[rows] = n;
        return true;
    }

    /**
     * The ones of {@code rows} rows of packed bits (as {@link Kernels#packBits} lays them out), row r starting at
     * word {@code wordOff + r·wordsPerRow}, cols bits each.
     */
    public void setFromBits(long[] words, int wordOff, int wordsPerRow, int rows, int cols) {
        shape(rows, cols);
        int n = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = n;
            n = appendBits(words, wordOff + r * wordsPerRow, wordsPerRow, n);
        }
        start[rows] = n;
    }

    /** The same for rows {@code order[from + r]}, r < rows, of packed bits, each row starting at a word. */
    public void setFromRows(long[] words, int[] order, int from, int wordsPerRow, int rows, int cols) {
        shape(rows, cols);
        int n = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = n;
            n = appendBits(words, order[from + r] * wordsPerRow, wordsPerRow, n);
        }
        start[rows] = n;
    }

    private int appendBits(long[] words, int base, int wordsPerRow, int n) {
        for (int w = 0; w < wordsPerRow; w++) {
            long bits = words[base + w];
            while (bits != 0) {
                index[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return n;
    }

    /** The transpose of {@code m} into this: row j lists the rows of m whose column j is one, in increasing order. */
    public void setTransposeOf(BinaryRows m) {
        shape(m.cols, m.rows);
        int[] counts = start; // counts per column, then turned into starts in place
        java.util.Arrays.fill(counts, 0, rows + 1, 0);
        int ones = m.ones();
        for (int t = 0; t < ones; t++) {
            counts[m.index[t] + 1]++;
        }
        for (int j = 0; j < rows; j++) {
            counts[j + 1] += counts[j];
        }
        // fill row by row of m, so each list comes out in increasing order; start[j] moves to the end of list j
        for (int r = 0; r < m.rows; r++) {
            for (int t = m.start[r]; t < m.start[r + 1]; t++) {
                index[start[m.index[t]]++] = r;
            }
        }
        for (int j = rows; j > 0; j--) {
            start[j] = start[j - 1];
        }
        start[0] = 0;
    }

    private void shape(int rows, int cols) {
        if (rows > maxRows || cols > maxCols) {
            throw new IllegalArgumentException(rows + " × " + cols + " exceeds " + maxRows + " × " + maxCols);
        }
        this.rows = rows;
        this.cols = cols;
    }
}
