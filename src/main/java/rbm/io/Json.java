package rbm.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small JSON support for manifests, configuration files and JSON-lines metrics. Writes maps (in their iteration
 * order), lists, strings, numbers, booleans, null and primitive arrays; NaN and infinities become null. Parses to
 * LinkedHashMap, ArrayList, String, Long, Double, Boolean and null; see {@link JsonObject} for typed access.
 */
public final class Json {
    private Json() {
    }

    /** Pretty-printed JSON with a two-space indent, without a trailing newline. */
    public static String write(Object value) {
        return JsonWriter.write(value, true);
    }

    /** JSON on one line with no spaces. */
    public static String writeCompact(Object value) {
        return JsonWriter.write(value, false);
    }

    /** Appends {@code record} as one compact line (the JSON-lines format); flushing is left to the caller. */
    public static void writeLine(Writer out, Map<String, ?> record) throws IOException {
        out.write(writeCompact(record));
        out.write('\n');
    }

    /** Atomically writes {@code value} pretty-printed, with a final newline, as UTF-8. */
    public static void writeFile(Path file, Object value) {
        AtomicFiles.writeString(file, write(value) + "\n");
    }

    /** Parses JSON text; {@code sourceName} (usually the file name) starts every error message. */
    public static Object parse(String text, String sourceName) {
        return JsonParser.parse(text, sourceName);
    }

    /** An insertion-ordered map from alternating keys and values: {@code object("epochs", 10, "rate", 0.1)}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object() needs keys and values in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, found " + keysAndValues[i]);
            }
            map.put(key, keysAndValues[i + 1]);
        }
        return map;
    }
}
