package rbm.io;

import java.util.List;

/** Tables for the terminal: right-aligned columns, two spaces apart, the first row the header. */
public final class TextTable {
    private TextTable() {
    }

    /** The rows as aligned lines, each ended by the platform's line separator. */
    public static String aligned(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                out.append(c == 0 ? "" : "  ").append(" ".repeat(widths[c] - row[c].length())).append(row[c]);
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
