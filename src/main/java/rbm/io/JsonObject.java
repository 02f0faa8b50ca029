package rbm.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import rbm.io.BadInputException;

/**
 * Typed access to a parsed JSON object. A missing key or a value of the wrong type raises
 * {@link BadInputException} naming the source and the key, with its path for nested objects
 * ({@code config.json: key 'training.epochs' should be a number, found a string}).
 */
public final class JsonObject {
    private final Map<String, Object> map;
    private final String source;
    /** The keys leading to this object, each followed by a dot; empty at the top level. */
    private final String path;

    public JsonObject(Map<String, Object> map, String source) {
        this(map, source, "");
    }

    private JsonObject(Map<String, Object> map, String source, String path) {
        this.map = Collections.unmodifiableMap(map);
        this.source = source;
        this.path = path;
    }

    /** Parses text whose top level must be an object. */
    @SuppressWarnings("unchecked")
    public static JsonObject parse(String text, String sourceName) {
        Object value = Json.parse(text, sourceName);
        if (!(value instanceof Map<?, ?> map)) {
            throw new BadInputException(sourceName + ": expected a JSON object at the top level, found "
                    + typeName(value));
        }
        return new JsonObject((Map<String, Object>) map, sourceName);
    }

    /** Reads a UTF-8 file whose top level must be an object. */
    public static JsonObject read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + AtomicFiles.reason(e), e);
        }
        return parse(text, file.toString());
    }

    public String source() {
        return source;
    }

    /** The entries, unmodifiable, in file order. */
    public Map<String, Object> map() {
        return map;
    }

    /** Whether the key is present with a value other than null. */
    public boolean has(String key) {
        return map.get(key) != null;
    }

    public String getString(String key) {
        return get(key, String.class, "a string");
    }

    public boolean getBoolean(String key) {
        return get(key, Boolean.class, "true or false");
    }

    public double getDouble(String key) {
        return get(key, Number.class, "a number").doubleValue();
    }

    /** An integer; a number such as 1e3 or 10.0 is accepted when it is a whole number. */
    public long getLong(String key) {
        Number value = get(key, Number.class, "a number");
        if (value instanceof Long whole) {
            return whole;
        }
        double d = value.doubleValue();
        // 2^63 is exactly representable, so this keeps d within long range
        if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
            throw wrong(key, "an integer", value);
        }
        return (long) d;
    }

    public int getInt(String key) {
        long value = getLong(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadInputException(source + ": key '" + path + key + "' should be an integer between "
                    + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", found " + value);
        }
        return (int) value;
    }

    @SuppressWarnings("unchecked")
    public JsonObject getObject(String key) {
        return new JsonObject(get(key, Map.class, "an object"), source, path + key + ".");
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        return Collections.unmodifiableList(get(key, List.class, "an array"));
    }

    /** An array whose elements are all objects. */
    @SuppressWarnings("unchecked")
    public List<JsonObject> getObjects(String key) {
        List<Object> list = getList(key);
        List<JsonObject> out = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new BadInputException(source + ": key '" + path + key + "[" + i + "]' should be an object, found "
                        + typeName(list.get(i)));
            }
            out.add(new JsonObject((Map<String, Object>) m, source, path + key + "[" + i + "]."));
        }
        return out;
    }

    private <T> T get(String key, Class<T> type, String expected) {
        if (!map.containsKey(key)) {
            throw new BadInputException(source + ": missing key '" + path + key + "'");
        }
        Object value = map.get(key);
        if (!type.isInstance(value)) {
            throw wrong(key, expected, value);
        }
        return type.cast(value);
    }

    private BadInputException wrong(String key, String expected, Object value) {
        String found = value instanceof Number ? value.toString() : typeName(value);
        return new BadInputException(source + ": key '" + path + key + "' should be " + expected + ", found " + found);
    }

    private static String typeName(Object value) {
        return switch (value) {
            case null -> "null";
            case String _ -> "a string";
            case Boolean _ -> "a boolean";
            case Number _ -> "a number";
            case Map<?, ?> _ -> "an object";
            case List<?> _ -> "an array";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    @Override
    public String toString() {
        return Json.write(map);
    }
}
