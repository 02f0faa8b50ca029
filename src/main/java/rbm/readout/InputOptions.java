package rbm.readout;

import java.util.List;

/**
 * The flags of {@code relevance --input} that say how a file's values become states.
 *
 * @param binarize how real values become bits: null (the values must be 0/1), {@code threshold:T} (on when the value is
 *                 above T; {@code threshold} alone means T = 0, the sign of a pre-activation or a ReLU output) or
 *                 {@code quantile:q} (on when the value is above the unit's q-quantile over the sample)
 * @param bits     for bit-packed uint8 arrays (numpy.packbits(..., axis=1)): the number of units n; null otherwise
 * @param keys     for .npz files: the arrays to read, in this order; empty for all of them in file order
 * @param columns  for CSV and TSV files: the header names or 0-based indices of the columns that are units; empty for
 *                 all
 */
public record InputOptions(String binarize, Integer bits, List<String> keys, List<String> columns) {
    public InputOptions {
        keys = keys == null ? List.of() : List.copyOf(keys);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** No flags: 0/1 values, every array, every column. */
    public static final InputOptions NONE = new InputOptions(null, null, List.of(), List.of());
}
