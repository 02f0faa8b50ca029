package rbm.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One edit of a file's bytes. {@code at} and {@code value} are free integers, reduced to the file at hand, so that
 * jqwik can shrink an edit list without knowing the file.
 */
record Mutation(Kind kind, int at, int value) {
    enum Kind { FLIP, SET, INSERT, DELETE, TRUNCATE, INT_BE, INT_LE, NUMBER, SPLICE, DUPLICATE }

    /** Values that break size fields: zero, signs, the int limits, sizes far beyond any small file. */
    private static final int[] WORDS = {0, 1, -1, 2, 255, 256, 65535, 1 << 24, 1_000_000_000, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE - 7, 0x7fff_fff0, 46341};
    /** Numbers as text, for the headers and JSON files that write sizes in decimal. */
    static final String[] NUMBERS = {"0", "-1", "1000000000", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "99999999999999999999999", "1e999", "-0", "1.5", "NaN", "", "0x10", "1_0", "65536",
            "46341", "3037000500"};
    /** Fragments of JSON, .npy dictionaries and CSV that readers must handle in any place. */
    static final String[] SPLICES = {"null", "[]", "{}", "\"\"", "[null]", "{\"a\":", ",", ":", "\"", "'", "(",
            ")", "((", "True", "False", "'descr': '|u1', ", "'descr': '<U3', ", "'descr': 'O', ", "'descr': [('a', '<f4')], ",
            "'shape': (), ", "'shape': (0,), ", "'shape': (1000000000, 1000000000), ", "'shape': (-1, 2), ",
            "'fortran_order': True, ", "\"..\"", "\n", "\r\n", "\t", ",,", "\"\"\"", "\u0000", "\uFEFF", "01", "2",
            "0.5", "-", "1e9", "\\", "\\u0000"};

    byte[] apply(byte[] in) {
        int n = in.length;
        int pos = n == 0 ? 0 : Math.floorMod(at, n);
        return switch (kind) {
            case FLIP -> {
                byte[] out = in.clone();
                if (n > 0) {
                    out[pos] ^= (byte) (1 << Math.floorMod(value, 8));
                }
                yield out;
            }
            case SET -> {
                byte[] out = in.clone();
                if (n > 0) {
                    out[pos] = (byte) value;
                }
                yield out;
            }
            case INSERT -> splice(in, Math.floorMod(at, n + 1), 0, randomBytes(value));
            case DELETE -> splice(in, pos, Math.min(n - pos, 1 + Math.floorMod(value, 16)), new byte[0]);
            case TRUNCATE -> Arrays.copyOf(in, Math.floorMod(at, n + 1));
            case INT_BE, INT_LE -> {
                byte[] out = in.clone();
                int w = WORDS[Math.floorMod(value, WORDS.length)];
                for (int i = 0; i < 4 && pos + i < n; i++) {
                    int shift = kind == Kind.INT_BE ? 24 - 8 * i : 8 * i;
                    out[pos + i] = (byte) (w >>> shift);
                }
                yield out;
            }
            case NUMBER -> number(in);
            case SPLICE -> {
                byte[] text = SPLICES[Math.floorMod(value, SPLICES.length)].getBytes(StandardCharsets.UTF_8);
                int from = Math.floorMod(at, n + 1);
                yield splice(in, from, Math.min(n - from, Math.floorMod(value >> 8, 4)), text);
            }
            case DUPLICATE -> {
                int len = Math.min(n - pos, 1 + Math.floorMod(value, 64));
                yield splice(in, pos, 0, Arrays.copyOfRange(in, pos, pos + len));
            }
        };
    }

    /** Replaces the run of digits that starts at or after {@code at} with one of {@link #NUMBERS}. */
    private byte[] number(byte[] in) {
        int n = in.length;
        for (int k = 0; k < n; k++) {
            int i = Math.floorMod(at + k, n);
            if (Character.isDigit(in[i]) && (i == 0 || !Character.isDigit(in[i - 1]))) {
                int end = i;
                while (end < n && (Character.isDigit(in[end]) || in[end] == '.')) {
                    end++;
                }
                byte[] text = NUMBERS[Math.floorMod(value, NUMBERS.length)].getBytes(StandardCharsets.US_ASCII);
                return splice(in, i, end - i, text);
            }
        }
        return in;
    }

    private static byte[] randomBytes(int value) {
        int len = 1 + Math.floorMod(value >> 8, 8);
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) value);
        b[0] = (byte) (value >> 16);
        return b;
    }

    static byte[] splice(byte[] in, int from, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + inserted.length);
        out.write(in, 0, from);
        out.write(inserted, 0, inserted.length);
        out.write(in, from + removed, in.length - from - removed);
        return out.toByteArray();
    }
}
