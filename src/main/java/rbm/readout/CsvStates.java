package rbm.readout;

import java.util.Arrays;
import rbm.io.BadInputException;

/**
 * States in the rows of a CSV or TSV file with a header: one state per row, one bit per unit column, in the order
 * {@code --columns} gives them (or the file's). Every row must have as many fields as the header; blank lines are
 * skipped.
 */
final class CsvStates extends LineStates {
    /** Bit 56 + k of x·GATHER is byte 2k of x, when the even bytes of x are 0 or 1 and the odd ones 0. */
    private static final long GATHER = (1L << 56) | (1L << 41) | (1L << 26) | (1L << 11);
    /** The bits that must be clear in "0,0,0,0," less a group of four fields of one 0/1 character each. */
    private static final long NOT_BIT = 0xfffefffefffefffeL;

    private final CsvHeader header;
    private final CsvFields fields;
    private final FieldBinarization binarization;
    /** The bit of each column, −1 for a column that is not a unit. */
    private final int[] bits;
    private final int width;
    /** Whether bit c is column c: every column a unit, in file order. */
    private final boolean identity;
    /** "0,0,0,0," (or with tabs) as a little-endian long: four fields of one character. */
    private final long zeros;
    /** Whether the single characters 0 and 1 are the bits 0 and 1. */
    private final boolean plainDigits;
    /** The row of one-character fields, one bit per column, before the unit columns are picked from it. */
    private final long[] row;
    private boolean pending;

    /** The states after the header in the current line of {@code lines}. */
    CsvStates(ByteLines lines, InputOptions options) {
        super(lines);
        String name = lines.name();
        if (options.bits() != null) {
            throw new BadInputException(name + ": --bits is for bit-packed .npy arrays, not for CSV or TSV files");
        }
        if (!options.keys().isEmpty()) {
            throw new BadInputException(name + ": --keys picks the arrays of an .npz file, not columns; "
                    + "use --columns for CSV or TSV files");
        }
        this.binarization = FieldBinarization.of(options.binarize(), name);
        this.header = CsvHeader.read(lines);
        this.fields = new CsvFields(header.delimiter());
        this.bits = header.bits(options.columns());
        this.width = options.columns().isEmpty() ? bits.length : options.columns().size();
        this.identity = options.columns().isEmpty();
        this.zeros = 0x0001_0001_0001_0001L * (header.delimiter() << 8 | '0');
        byte[] digits = {'0', '1'};
        this.plainDigits = binarization.bit(digits, 0, 1) == 0 && binarization.bit(digits, 1, 2) == 1;
        this.row = new long[(bits.length + 63) >>> 6];
        this.pending = lines.next();
        if (!pending) {
            throw new BadInputException(name + ": no states, only a header line; expected one state per row");
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public String binarization() {
        return binarization.label();
    }

    @Override
    public boolean next(long[] words) {
        if (pending) {
            pending = false;
        } else if (!lines.next()) {
            return false;
        }
        if (plainDigits && packDigits(words)) {
            return true;
        }
        Arrays.fill(words, 0, (width + 63) >>> 6, 0L);
        fields.reset(lines);
        byte[] b = lines.buffer();
        int column = 0;
        for (; fields.next(lines); column++) {
            int bit = column < bits.length ? bits[column] : -1;
            if (bit < 0) {
                continue;
            }
            int on = binarization.bit(b, fields.start(), fields.end());
            if (on < 0) {
                throw badValue(column);
            }
            words[bit >>> 6] |= (long) on << bit;
        }
        if (column != bits.length) {
            throw new BadInputException(lines.where() + " has " + column + " fields but the header has "
                    + bits.length + (header.delimiter() == '\t' ? " (tab-separated)" : " (comma-separated)"));
        }
        return true;
    }

    /**
     * The fast path of a row whose fields are all one character, '0' or '1': the line is then "d,d,…,d", and four
     * fields (eight bytes) are checked and gathered at a time. Returns false, having written nothing of use, for any
     * other row.
     */
    private boolean packDigits(long[] words) {
        int n = bits.length;
        int s = lines.start();
        if (lines.end() - s != 2 * n - 1) {
            return false;
        }
        byte[] b = lines.buffer();
        long[] out = identity ? words : row;
        Arrays.fill(out, 0, (n + 63) >>> 6, 0L);
        long bad = 0;
        int c = 0;
        for (; 2 * c + 8 <= 2 * n - 1; c += 4) {
            long x = (long) ByteLines.LONGS.get(b, s + 2 * c) ^ zeros;
            bad |= x;
            out[c >>> 6] |= ((x * GATHER) >>> 56) << (c & 63);
        }
        for (; c < n; c++) {
            long x = (b[s + 2 * c] ^ '0') & 0xff;
            bad |= x | (c < n - 1 && b[s + 2 * c + 1] != header.delimiter() ? 2 : 0);
            out[c >>> 6] |= x << (c & 63);
        }
        if ((bad & NOT_BIT) != 0) {
            return false;
        }
        if (!identity) {
            Arrays.fill(words, 0, (width + 63) >>> 6, 0L);
            for (int column = 0; column < n; column++) {
                int bit = bits[column];
                if (bit >= 0) {
                    words[bit >>> 6] |= ((row[column >>> 6] >>> column) & 1L) << bit;
                }
            }
        }
        return true;
    }

    private BadInputException badValue(int column) {
        String field = fields.text();
        String where = lines.where() + ", column " + column + " '" + header.names().get(column) + "': ";
        if (field.isEmpty()) {
            return new BadInputException(where + "empty value");
        }
        String quoted = "'" + (field.length() <= 40 ? field : field.substring(0, 37) + "...") + "'";
        return new BadInputException(where + quoted + (binarization.zeroOne()
                ? " is not 0 or 1; use --binarize threshold:T to read real values as bits"
                : " is not a number"));
    }
}
