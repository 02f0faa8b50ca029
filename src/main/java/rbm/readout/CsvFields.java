package rbm.readout;

import java.nio.charset.StandardCharsets;
import rbm.io.BadInputException;

/**
 * The fields of one line of a CSV or TSV file, one after another, as ranges of its bytes stripped of surrounding
 * spaces (and tabs, in CSV). A field may be quoted as RFC 4180 says: {@code "a, b"} is the field {@code a, b}, and
 * {@code ""} inside the quotes is one quote; a quoted field that runs on to the next line is refused.
 */
final class CsvFields {
    private final byte delimiter;
    private byte[] b;
    private int pos;
    private int lineEnd;
    private boolean more;
    private int start;
    private int end;
    private boolean escapedQuotes;

    CsvFields(byte delimiter) {
        this.delimiter = delimiter;
    }

    /** Starts on the current line of {@code lines}. */
    void reset(ByteLines lines) {
        b = lines.buffer();
        pos = lines.start();
        lineEnd = lines.end();
        more = true;
    }

    /**
     * Makes the next field the current one and returns true, or returns false after the last field of the line.
     *
     * @throws BadInputException a quote left open, or text after a closing quote
     */
    boolean next(ByteLines lines) {
        if (!more) {
            return false;
        }
        int i = pos;
        int e = lineEnd;
        while (i < e && isBlank(b[i])) {
            i++;
        }
        escapedQuotes = false;
        if (i < e && b[i] == '"') {
            int j = i + 1;
            while (true) {
                while (j < e && b[j] != '"') {
                    j++;
                }
                if (j == e) {
                    throw new BadInputException(lines.where() + ": a quoted field is not closed on its line ("
                            + "quoted fields that span lines are not read)");
                }
                if (j + 1 < e && b[j + 1] == '"') {
                    escapedQuotes = true;
                    j += 2;
                } else {
                    break;
                }
            }
            start = i + 1;
            end = j;
            int k = j + 1;
            while (k < e && isBlank(b[k])) {
                k++;
            }
            if (k < e && b[k] != delimiter) {
                throw new BadInputException(lines.where() + ": text after the closing quote of a field");
            }
            more = k < e;
            pos = k + 1;
            return true;
        }
        int j = i;
        while (j < e && b[j] != delimiter) {
            j++;
        }
        more = j < e;
        pos = j + 1;
        start = i;
        while (j > i && isBlank(b[j - 1])) {
            j--;
        }
        end = j;
        return true;
    }

    private boolean isBlank(byte c) {
        return c == ' ' || (c == '\t' && delimiter != '\t');
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current field as text: decoded as UTF-8, a doubled quote made one. */
    String text() {
        String s = new String(b, start, end - start, StandardCharsets.UTF_8);
        return escapedQuotes ? s.replace("\"\"", "\"") : s;
    }
}
