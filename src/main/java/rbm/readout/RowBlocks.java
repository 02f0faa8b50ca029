package rbm.readout;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** An array's rows in C order, a block of whole rows at a time, in one pass over its data. */
interface RowBlocks extends Closeable {
    /**
     * The next block of rows, from its position to its limit, valid until the next call; an empty block after the
     * last row.
     *
     * @throws rbm.io.BadInputException the data ends before the last row, or goes on after it
     */
    ByteBuffer next() throws IOException;

    /** Opens a new pass over an array's data; quantiles take several. */
    @FunctionalInterface
    interface Opener {
        RowBlocks open() throws IOException;
    }
}
