package rbm.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns maps, lists, strings, numbers, booleans, null and primitive arrays into JSON text, either pretty-printed
 * (two-space indent; arrays of plain values stay on one line) or compact.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String write(Object value, boolean pretty) {
        JsonWriter writer = new JsonWriter(pretty);
        writer.value(value, 0);
        return writer.out.toString();
    }

    private void value(Object value, int indent) {
        switch (value) {
            case null -> out.append("null");
            case CharSequence text -> string(text);
            case Character c -> string(c.toString());
            case Enum<?> e -> string(e.name());
            case Boolean b -> out.append(b);
            case Number n -> number(n);
            case JsonObject object -> object(object.map(), indent);
            case Map<?, ?> map -> object(map, indent);
            case Iterable<?> items -> array(items, indent);
            case Object[] items -> array(Arrays.asList(items), indent);
            case int[] items -> array(Arrays.stream(items).boxed().toList(), indent);
            case long[] items -> array(Arrays.stream(items).boxed().toList(), indent);
            case double[] items -> array(Arrays.stream(items).boxed().toList(), indent);
            case float[] items -> array(boxed(items), indent);
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private void number(Number n) {
        switch (n) {
            // Double.toString and Float.toString give the shortest text that reads back as the same value
            case Double d -> out.append(Double.isFinite(d) ? d.toString() : "null");
            case Float f -> out.append(Float.isFinite(f) ? f.toString() : "null");
            case Long _, Integer _, Short _, Byte _, BigInteger _, BigDecimal _ -> out.append(n);
            default -> number(n.doubleValue());
        }
    }

    private void object(Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, found " + entry.getKey());
            }
            out.append(first ? "" : ",");
            newline(indent + 1);
            string(key);
            out.append(pretty ? ": " : ":");
            value(entry.getValue(), indent + 1);
            first = false;
        }
        newline(indent);
        out.append('}');
    }

    private void array(Iterable<?> items, int indent) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean oneLine = list.stream().noneMatch(JsonWriter::isContainer);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",");
            if (oneLine) {
                out.append(pretty && i > 0 ? " " : "");
            } else {
                newline(indent + 1);
            }
            value(list.get(i), indent + 1);
        }
        if (!oneLine) {
            newline(indent);
        }
        out.append(']');
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof JsonObject
                || (value != null && value.getClass().isArray());
    }

    private void newline(int indent) {
        if (pretty) {
            out.append('\n').repeat("  ", indent);
        }
    }

    private void string(CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(text, i)) {
                        // a lone surrogate cannot be encoded as UTF-8, so it is kept as an escape
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static List<Float> boxed(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(value);
        }
        return list;
    }
}
