package rbm.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rbm.io.BadInputException;

/**
 * A strict JSON (RFC 8259) parser producing LinkedHashMap, ArrayList, String, Long (integers without fraction or
 * exponent), Double, Boolean and null. Errors name the source and the line and column where parsing stopped.
 */
final class JsonParser {
    /** Deeper nesting is surely a mistake, and recursing further could overflow the stack. */
    private static final int MAX_DEPTH = 500;

    private final String text;
    private final String source;
    private int pos;
    private int depth;

    private JsonParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    static Object parse(String text, String source) {
        JsonParser parser = new JsonParser(text, source);
        if (text.startsWith("\uFEFF")) {
            parser.pos = 1;
        }
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the JSON value");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c)) {
            return literal();
        }
        throw error("unexpected " + describeNext() + ", expected a value");
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a key in double quotes, found " + describeNext());
            }
            int keyStart = pos;
            String key = string();
            if (map.containsKey(key)) {
                throw errorAt(keyStart, "duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            if (!consume(':')) {
                throw error("expected ':' after the key, found " + describeNext());
            }
            map.put(key, value());
            skipWhitespace();
            if (consume('}')) {
                depth--;
                return map;
            }
            if (!consume(',')) {
                throw error("expected ',' or '}', found " + describeNext());
            }
        }
    }

    private List<Object> array() {
        enter();
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipWhitespace();
            if (consume(']')) {
                depth--;
                return list;
            }
            if (!consume(',')) {
                throw error("expected ',' or ']', found " + describeNext());
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        pos++;
    }

    private String string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw errorAt(start, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character " + describe(c) + " in a string must be escaped");
            }
            if (c != '\\') {
                value.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw errorAt(start, "unterminated string");
            }
            char escape = text.charAt(pos + 1);
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> value.append(unicodeEscape());
                default -> throw error("invalid escape \\" + (escape < 0x20 ? describe(escape) : escape)
                        + " in a string");
            }
            pos += escape == 'u' ? 6 : 2;
        }
    }

    private char unicodeEscape() {
        int code = 0;
        for (int i = pos + 2; i < pos + 6; i++) {
            int digit = i < text.length() ? Character.digit(text.charAt(i), 16) : -1;
            if (digit < 0) {
                throw error("invalid \\u escape, expected four hex digits");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() {
        int start = pos;
        consume('-');
        if (consume('0')) {
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                throw errorAt(start, "numbers must not have leading zeros");
            }
        } else {
            digits("a digit after '-'");
        }
        boolean integer = true;
        if (consume('.')) {
            integer = false;
            digits("a digit after the decimal point");
        }
        if (consume('e') || consume('E')) {
            integer = false;
            if (!consume('+')) {
                consume('-');
            }
            digits("a digit in the exponent");
        }
        String token = text.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException tooLong) {
                // beyond the range of long: keep the magnitude as a double
            }
        }
        double value = Double.parseDouble(token);
        if (Double.isInfinite(value)) {
            throw errorAt(start, "number " + token + " is out of range");
        }
        return value;
    }

    private void digits(String expected) {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + expected + ", found " + describeNext());
        }
    }

    private Object literal() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw errorAt(start, "unknown word '" + word + "', expected a value (strings need double"
                    + " quotes; literals are true, false and null)");
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean consume(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeNext() {
        return pos < text.length() ? describe(text.charAt(pos)) : "end of input";
    }

    /** A character as it can appear in a one-line message. */
    private static String describe(char c) {
        if (c == '\'') {
            return "\"'\"";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c) || (Character.isWhitespace(c) && c != ' ')) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private BadInputException error(String what) {
        return errorAt(pos, what);
    }

    private BadInputException errorAt(int at, String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String message = source + ": malformed JSON at line " + line + " column " + column + ": " + what;
        return new BadInputException(message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?"));
    }
}
