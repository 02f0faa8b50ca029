package rbm.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import rbm.io.BadInputException;

/**
 * Reads the plain text format, meant to be written by hand: one row per line, values in [0,1] separated by commas,
 * semicolons or whitespace, or a line of bare 0/1 characters such as {@code 0110100} with one value per
 * character. Blank lines and lines starting with {@code #} are skipped, and so is a header: a first row none of
 * whose fields is a number. Gzipped text works too. Labels are one whole number per line.
 */
public final class TextReader {
    static final String FORMAT = "text";
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+");
    private static final int MAX_QUOTE = 40;

    private TextReader() {
    }

    public static Dataset read(Path path) {
        return dataset(RawContent.read(path));
    }

    public static int[] readLabels(Path path) {
        return labels(RawContent.read(path));
    }

    static Dataset dataset(RawContent content) {
        String name = content.name();
        List<String> lines = lines(content);
        float[] values = new float[1024];
        int size = 0;
        int rows = 0;
        int cols = -1;
        int firstRowLine = 0;
        boolean headerPossible = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String[] fields = fields(line);
            if (headerPossible) {
                headerPossible = false;
                if (Arrays.stream(fields).noneMatch(f -> parseNumber(f) != null)) {
                    continue;
                }
            }
            if (cols < 0) {
                cols = fields.length;
                firstRowLine = lineNo;
            } else if (fields.length != cols) {
                throw new BadInputException(name + ": line " + lineNo + ": ragged rows, found " + fields.length
                        + " values, expected " + cols + " like the first row (line " + firstRowLine + ")");
            }
            if (size + cols > values.length) {
                values = Arrays.copyOf(values, Math.max(size + cols, values.length * 2));
            }
            for (int c = 0; c < cols; c++) {
                values[size++] = value(name, lineNo, c + 1, fields[c], rows == 0);
            }
            rows++;
        }
        if (rows == 0) {
            throw new BadInputException(name + ": no data rows (only blank lines, comments or a header)");
        }
        DataSource source = new DataSource(name, FORMAT, content.sha256(), rows, cols);
        return new Dataset(Arrays.copyOf(values, size), rows, cols, null, source);
    }

    static int[] labels(RawContent content) {
        String name = content.name();
        List<String> lines = lines(content);
        int[] labels = new int[256];
        int count = 0;
        boolean headerPossible = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String[] fields = SEPARATOR.split(line, -1);
            if (headerPossible) {
                headerPossible = false;
                if (fields.length == 1 && parseNumber(line) == null) {
                    continue;
                }
            }
            if (fields.length != 1) {
                throw new BadInputException(name + ": line " + lineNo + ": found " + fields.length
                        + " values; a label file has one whole number per line");
            }
            int label;
            try {
                label = Integer.parseInt(line);
            } catch (NumberFormatException e) {
                throw new BadInputException(name + ": line " + lineNo + ": '" + quote(line)
                        + "' is not a label; labels must be whole numbers, 0 or more");
            }
            if (label < 0) {
                throw new BadInputException(name + ": line " + lineNo + ": label " + label
                        + " is negative; labels must be whole numbers, 0 or more");
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, count * 2);
            }
            labels[count++] = label;
        }
        if (count == 0) {
            throw new BadInputException(name + ": no labels (only blank lines, comments or a header)");
        }
        return Arrays.copyOf(labels, count);
    }

    /** The fields of a non-blank line: one per character for a bare 0/1 string, else split at separators. */
    private static String[] fields(String line) {
        if (line.chars().allMatch(ch -> ch == '0' || ch == '1')) {
            String[] bits = new String[line.length()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = line.charAt(i) == '1' ? "1" : "0";
            }
            return bits;
        }
        return SEPARATOR.split(line, -1);
    }

    private static float value(String name, int lineNo, int col, String field, boolean firstRow) {
        String where = name + ": line " + lineNo + ", column " + col + ": ";
        if (field.isEmpty()) {
            throw new BadInputException(where + "empty value (two separators in a row, or one at the start or end"
                    + " of the line)");
        }
        if (isNonFiniteWord(field)) {
            throw new BadInputException(where + "'" + quote(field) + "' is not allowed; values must be finite"
                    + " numbers in [0,1]");
        }
        Double v = parseNumber(field);
        if (v == null) {
            throw new BadInputException(where + "'" + quote(field) + "' is not a number" + (firstRow
                    ? " (a header line is skipped only when none of its fields is a number)" : ""));
        }
        if (v.isInfinite()) {
            throw new BadInputException(where + "'" + quote(field) + "' is too large; values must be finite"
                    + " numbers in [0,1]");
        }
        if (v < 0 || v > 1) {
            throw new BadInputException(where + "value " + quote(field) + " is outside [0,1]; values must lie in"
                    + " [0,1] (divide 0..255 grey levels by 255)");
        }
        return v.floatValue();
    }

    /** A plain decimal number such as 0.5, .5, 1e-3; null for anything else (Java's extras like "1f", "0x1p0"). */
    private static Double parseNumber(String s) {
        if (s.isEmpty() || !s.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || "+-.eE".indexOf(ch) >= 0)) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNonFiniteWord(String s) {
        String word = s.toLowerCase().replaceFirst("^[+-]", "");
        return word.equals("nan") || word.equals("inf") || word.equals("infinity");
    }

    private static List<String> lines(RawContent content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content.bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(content.name() + ": neither an IDX file nor UTF-8 text; expected IDX, or"
                    + " text with one row of numbers in [0,1] per line");
        }
        if (text.startsWith("\uFEFF")) { // byte order mark some editors write
            text = text.substring(1);
        }
        return text.lines().toList();
    }

    private static String quote(String s) {
        return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE) + "...";
    }
}
