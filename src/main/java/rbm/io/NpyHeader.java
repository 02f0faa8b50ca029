package rbm.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


/**
 * The header of an .npy file: a Python dictionary literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. Formats it byte for byte as numpy does and
 * parses the small subset of Python literals that numpy writes.
 */
final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to 64 bytes so that it can be memory-mapped efficiently. */
    private static final int ALIGN = 64;
    /** numpy leaves room for the first dimension to grow to this many digits, so appending can rewrite in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** What a header says; {@code descr} is a String for simple dtypes and a List for structured ones. */
    record Fields(Object descr, boolean fortranOrder, long[] shape) {
    }

    private NpyHeader() {
    }

    /** The complete version 1.0 preamble for a little-endian float32 C-order array: magic, version, length, dict. */
    static byte[] encodeFloat32(int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(shapeText(shape)).append(", }");
        if (shape.length > 0) {
            dict.repeat(' ', GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length());
        }
        // magic (6) + version (2) + header length (2) + dict + '\n' is padded with spaces to a multiple of 64;
        // numpy always adds at least one space, so an exact multiple gets a whole extra block.
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        dict.repeat(' ', ALIGN - unpadded % ALIGN).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);

        byte[] out = new byte[MAGIC.length + 4 + text.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    static String shapeText(int[] shape) {
        long[] wide = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            wide[i] = shape[i];
        }
        return shapeText(wide);
    }

    static String shapeText(long[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i] == -1 ? "?" : Long.toString(shape[i]));
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Parses the dictionary text and checks it has exactly the three keys numpy writes; the source names the file. */
    static Fields parse(String text, String source) {
        Object parsed = new LiteralParser(text, source).parseAll();
        if (!(parsed instanceof Map<?, ?> map)) {
            throw malformed(source, "the header is not a dictionary");
        }
        for (Object key : map.keySet()) {
            if (!List.of("descr", "fortran_order", "shape").contains(key)) {
                throw malformed(source, "unexpected key '" + key + "'");
            }
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!map.containsKey(key)) {
                throw malformed(source, "missing key '" + key + "'");
            }
        }
        if (!(map.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw malformed(source, "'fortran_order' should be True or False");
        }
        if (!(map.get("shape") instanceof List<?> dims)) {
            throw malformed(source, "'shape' should be a tuple");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long dim) || dim < 0) {
                throw malformed(source, "'shape' should hold non-negative integers");
            }
            shape[i] = dim;
        }
        return new Fields(map.get("descr"), fortranOrder, shape);
    }

    /** The dtype as text: '<f4' as it is, a structured dtype as the list numpy wrote, [('a', '<i4'), ('b', '<f8')]. */
    static String descrText(Object descr) {
        return descr instanceof String simple ? simple : literalText(descr, true);
    }

    /** Python's repr of a parsed literal; lists inside the outer one are the tuples of a structured dtype. */
    private static String literalText(Object value, boolean outer) {
        return switch (value) {
            case null -> "None";
            case String s -> "'" + s + "'";
            case Boolean b -> b ? "True" : "False";
            case List<?> items -> items.stream().map(item -> literalText(item, false))
                    .collect(Collectors.joining(", ", outer ? "[" : "(", outer ? "]" : ")"));
            default -> value.toString();
        };
    }

    static BadInputException malformed(String source, String what) {
        return new BadInputException(source + ": malformed .npy header: " + what.replaceAll("\\p{Cntrl}", "?"));
    }

    /** Recursive descent over Python literals: dict, tuple, list, str, int, True, False, None. */
    private static final class LiteralParser {
        private final String text;
        private final String source;
        private int pos;

        LiteralParser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Object parseAll() {
            Object value = value();
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected text after the dictionary");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end of header");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> dict();
                case '(' -> sequence(')');
                case '[' -> sequence(']');
                case '\'', '"' -> string(c);
                default -> {
                    if (c == '-' || Character.isDigit(c)) {
                        yield integer();
                    }
                    if (Character.isLetter(c)) {
                        yield word();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<Object, Object> dict() {
            pos++;
            Map<Object, Object> map = new LinkedHashMap<>();
            while (!closes('}')) {
                Object key = value();
                skipSpace();
                expect(':');
                map.put(key, value());
                separatorOrClose('}');
            }
            return map;
        }

        private List<Object> sequence(char close) {
            pos++;
            List<Object> items = new ArrayList<>();
            while (!closes(close)) {
                items.add(value());
                separatorOrClose(close);
            }
            return items;
        }

        /** Consumes the closing bracket if it comes next. */
        private boolean closes(char close) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == close) {
                pos++;
                return true;
            }
            return false;
        }

        private void separatorOrClose(char close) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos >= text.length() || text.charAt(pos) != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }

        private String string(char quote) {
            StringBuilder value = new StringBuilder();
            for (pos++; pos < text.length(); pos++) {
                char c = text.charAt(pos);
                if (c == quote) {
                    pos++;
                    return value.toString();
                }
                if (c == '\\' && pos + 1 < text.length()) {
                    c = text.charAt(++pos);
                }
                value.append(c);
            }
            throw error("unterminated string");
        }

        private Long integer() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
                pos++; // Python 2 long literal, found in old files
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + digits + "'");
            }
        }

        private Object word() {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            return switch (word) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> null;
                default -> throw error("unexpected word '" + word + "'");
            };
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private BadInputException error(String what) {
            return malformed(source, what + " at offset " + pos);
        }
    }
}
