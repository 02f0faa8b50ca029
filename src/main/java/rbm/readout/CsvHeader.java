package rbm.readout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import rbm.io.BadInputException;

/**
 * The first line of a CSV or TSV file: the names of its columns, and the delimiter. A file is TSV when its name ends
 * in .tsv or .tab (gzipped or not), or when its header holds tabs and no commas; else CSV.
 */
record CsvHeader(String file, List<String> names, byte delimiter) {
    private static final int NAMES_SHOWN = 6;

    /** The header in the current line of {@code lines}. */
    static CsvHeader read(ByteLines lines) {
        String file = lines.name();
        String lower = file.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        byte delimiter = lower.endsWith(".tsv") || lower.endsWith(".tab") || tabsWithoutCommas(lines)
                ? (byte) '\t' : (byte) ',';
        if (delimiter == '\t') {
            lines.keepTabs();
        }
        CsvFields fields = new CsvFields(delimiter);
        fields.reset(lines);
        List<String> names = new ArrayList<>();
        while (fields.next(lines)) {
            names.add(fields.text());
        }
        if (looksLikeData(names)) {
            throw new BadInputException(lines.where() + " ('" + lines.quote() + "') looks like data, not a header; "
                    + "the first line of a CSV or TSV file must name its columns");
        }
        return new CsvHeader(file, List.copyOf(names), delimiter);
    }

    private static boolean tabsWithoutCommas(ByteLines lines) {
        byte[] b = lines.buffer();
        boolean tabs = false;
        for (int i = lines.start(); i < lines.end(); i++) {
            if (b[i] == ',') {
                return false;
            }
            tabs |= b[i] == '\t';
        }
        return tabs;
    }

    /** Numbers other than 0, 1, 2, … (the names pandas gives unnamed columns) are a first row of data. */
    private static boolean looksLikeData(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.ISO_8859_1);
            if (Double.isNaN(FieldBinarization.parse(name, 0, name.length))) {
                return false;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(Integer.toString(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bit of each column: {@code bits[c]} is the bit of column c in a state, or −1 for a column that is not a
     * unit. {@code columns} names the unit columns in bit order, each by header name or else by 0-based index;
     * empty means every column, in file order.
     */
    int[] bits(List<String> columns) {
        int[] bits = new int[names.size()];
        if (columns.isEmpty()) {
            Arrays.setAll(bits, c -> c);
            return bits;
        }
        Arrays.fill(bits, -1);
        for (int i = 0; i < columns.size(); i++) {
            int c = column(columns.get(i));
            if (bits[c] >= 0) {
                throw new BadInputException(file + ": column '" + columns.get(i) + "' is picked twice by --columns");
            }
            bits[c] = i;
        }
        return bits;
    }

    private int column(String wanted) {
        int at = names.indexOf(wanted);
        if (at >= 0) {
            if (names.lastIndexOf(wanted) != at) {
                throw new BadInputException(file + ": the header names two columns '" + wanted
                        + "'; pick them by 0-based index (" + at + ", " + names.lastIndexOf(wanted) + ")");
            }
            return at;
        }
        if (!wanted.isEmpty() && wanted.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            int index = wanted.length() <= 9 ? Integer.parseInt(wanted) : Integer.MAX_VALUE;
            if (index < names.size()) {
                return index;
            }
            throw new BadInputException(file + ": no column " + wanted + "; the header has " + names.size()
                    + " columns, 0 to " + (names.size() - 1));
        }
        throw new BadInputException(file + ": no column '" + wanted + "'; the header has " + names.size()
                + " columns: " + shown() + " (pick columns by name or by 0-based index)");
    }

    /** The first few names, quoted. */
    private String shown() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(names.size(), NAMES_SHOWN); i++) {
            s.append(i > 0 ? ", " : "").append('\'').append(names.get(i)).append('\'');
        }
        return names.size() > NAMES_SHOWN ? s + ", ..." : s.toString();
    }
}
