package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Turns one row of an array, its elements in C order, into a state packed as {@link StateStream#next} gives it. */
interface RowDecoder {
    /** The byte order the block must be read in. */
    ByteOrder order();

    /**
     * Writes the state of the row starting at byte {@code at} of {@code block} into words.
     *
     * @return -1, or the column of the first element that is not a state (then the words are incomplete)
     */
    int decode(ByteBuffer block, int at, long[] words);

    /** Why an element that {@link #decode} refused is not a state, to follow "row R, column C holds V; ". */
    default String refusal() {
        return "it is not a state";
    }
}
