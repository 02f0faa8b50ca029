package rbm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lenient read access to parsed JSON (maps, lists, numbers, strings, booleans, null), for the report page: a missing
 * key, a null or a value of another type reads as "absent" (NaN for a number, an empty list, null text) instead of
 * failing, so that a page can be drawn from a partial or older {@code results.json} with gaps where data is missing.
 */
record JsonView(Object value) {
    static final JsonView ABSENT = new JsonView(null);

    /** The value of a key of an object; absent if this is not an object or lacks the key. */
    JsonView get(String key) {
        return value instanceof Map<?, ?> m && m.get(key) != null ? new JsonView(m.get(key)) : ABSENT;
    }

    /** A path of keys, {@code path("bound", "zipf", "resolution_bits")}. */
    JsonView path(String... keys) {
        JsonView v = this;
        for (String k : keys) {
            v = v.get(k);
        }
        return v;
    }

    boolean present() {
        return value != null;
    }

    /** The elements of a list; empty if this is not a list. */
    List<JsonView> list() {
        List<JsonView> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                out.add(new JsonView(o));
            }
        }
        return out;
    }

    /** A list of numbers as an array (NaN for elements that are not numbers). */
    double[] doubles() {
        List<JsonView> l = list();
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).num();
        }
        return out;
    }

    /** The number, or NaN. */
    double num() {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The number rounded to an int, or {@code fallback}. */
    int integer(int fallback) {
        double d = num();
        return Double.isFinite(d) ? (int) Math.round(d) : fallback;
    }

    /** The text of a string, or of a number or boolean; null when absent. */
    String text() {
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    boolean bool() {
        return Boolean.TRUE.equals(value);
    }

    /** The mean of a {mean, sd, n} statistic under this key, or the number itself if it is a plain number. */
    double mean(String key) {
        JsonView v = get(key);
        return v.value instanceof Number ? v.num() : v.get("mean").num();
    }

    /** The standard deviation of a {mean, sd, n} statistic under this key, or NaN. */
    double sd(String key) {
        return get(key).get("sd").num();
    }
}
