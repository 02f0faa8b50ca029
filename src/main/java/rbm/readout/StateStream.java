package rbm.readout;

import java.io.IOException;

/**
 * A sample of states read one at a time, for counting: the rows of a NumPy array, of a CSV file, or the lines of a
 * text file. Each state is a vector of {@link #width()} bits, handed over packed as {@link rbm.kernels.Kernels#packBits}
 * lays them out (bit i in word i/64 at position i % 64, unused high bits zero). A sample of labels (a 1-D integer
 * array: cluster ids, token ids) is a stream of 64-bit states, the label's two's-complement bits.
 *
 * <p>Readers hold a fixed amount of memory whatever the number of states, so that a sample of 10^8 states is counted
 * without the heap growing with it.
 */
public interface StateStream extends AutoCloseable {
    /** What the states are called in tables and files: the file name, or {@code file.npz:key}. */
    String name();

    /** Bits per state (64 for labels). */
    int width();

    /** Whether the states are labels (a 1-D array of integers) rather than vectors of units. */
    boolean labels();

    /** The number of states when the header says so, else −1 (a text stream). */
    long rows();

    /** How values became bits, as recorded in relevance.json: "0/1", "threshold:0.0", "quantile:0.5", "labels"… */
    String binarization();

    /**
     * Writes the next state into {@code words[0 .. (width + 63) / 64)} and returns true, or returns false at the end.
     *
     * @throws rbm.io.BadInputException a value that is not a state (a 2 in a 0/1 array, a short last row), with the
     *                                  file and the row or line in its one-line message
     */
    boolean next(long[] words) throws IOException;

    @Override
    void close() throws IOException;
}
