package rbm.readout;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;
import rbm.io.BadInputException;

/**
 * Streams of states from text: files, gzipped files (told by their first bytes, not their names) and standard
 * input. The text is parsed as bytes, in blocks, and each state packed straight into its words; a UTF-8 byte-order
 * mark is skipped, and a file that starts like binary data (a NUL byte, a .npy array, a zip archive) is refused.
 * <ul>
 *   <li>{@link #bits}: one state per line, a string of 0s and 1s, all of one length. Blank lines are skipped, and
 *       surrounding spaces, tabs and '\r' stripped.</li>
 *   <li>{@link #table}: CSV or TSV with a header line of column names; one state per row, one bit per unit column.
 *       Values are 0/1 ({@code 1.0}, {@code true} too), or real numbers with {@code --binarize threshold:T};
 *       quoted fields as in RFC 4180, on one line.</li>
 * </ul>
 * Every problem with the text is a one-line {@link BadInputException} naming the file and the line.
 */
public final class TextStates {
    private TextStates() {}

    /** The lines of 0s and 1s of a file. */
    public static StateStream bits(Path file) {
        return bits(ByteLines.open(file));
    }

    /** The lines of 0s and 1s of a stream (standard input, say), called {@code name} in errors; closes it. */
    public static StateStream bits(InputStream in, String name) {
        return bits(ByteLines.of(in, name));
    }

    /** The rows of a CSV or TSV file with a header; {@code options} picks the columns and the binarisation. */
    public static StateStream table(Path file, InputOptions options) {
        return table(ByteLines.open(file), options);
    }

    /** The rows of CSV or TSV from a stream, called {@code name} in errors (its name may say .tsv); closes it. */
    public static StateStream table(InputStream in, String name, InputOptions options) {
        return table(ByteLines.of(in, name), options);
    }

    private static StateStream bits(ByteLines lines) {
        return first(lines, "one state per line", l -> new BitLines(l, ""));
    }

    private static StateStream table(ByteLines lines, InputOptions options) {
        return first(lines, "a header line, then one state per row", l -> new CsvStates(l, options));
    }

    /**
     * Moves to the first non-blank line and hands the lines to {@code reader}; an empty or blank text, or an error
     * of the reader, closes them.
     */
    static <T> T first(ByteLines lines, String expected, Function<ByteLines, T> reader) {
        try {
            if (!lines.next()) {
                throw new BadInputException(lines.name() + ": no states (the file is empty or blank); expected "
                        + expected);
            }
            return reader.apply(lines);
        } catch (RuntimeException e) {
            lines.closeQuietly();
            throw e;
        }
    }
}
