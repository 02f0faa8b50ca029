package rbm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsNestedStructuresKeepingKeyOrder() {
        Map<String, Object> inner = Json.object("z", true, "a", null, "m", List.of());
        Map<String, Object> value = Json.object(
                "name", "dbn",
                "layers", List.of(Json.object("visible", 784L, "hidden", 500L), Json.object("hidden", 10L)),
                "inner", inner,
                "empty", Map.of(),
                "matrix", List.of(List.of(1L, 2L), List.of(), List.of(List.of("deep"))),
                "rate", 0.1,
                "flag", false);
        Object parsed = Json.parse(Json.write(value), "test");
        assertEquals(value, parsed);
        assertEquals(List.of("name", "layers", "inner", "empty", "matrix", "rate", "flag"),
                new ArrayList<>(((Map<?, ?>) parsed).keySet()));
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(((Map<?, ?>) ((Map<?, ?>) parsed).get("inner")).keySet()));
        assertEquals(value, Json.parse(Json.writeCompact(value), "test"));
    }

    @Test
    void prettyPrintsWithTwoSpacesAndPlainArraysOnOneLine() {
        Map<String, Object> value = Json.object("shape", new int[] {784, 500}, "layers",
                List.of(Json.object("n", 1)), "none", new LinkedHashMap<>(), "list", List.of());
        String expected = """
                {
                  "shape": [784, 500],
                  "layers": [
                    {
                      "n": 1
                    }
                  ],
                  "none": {},
                  "list": []
                }""";
        assertEquals(expected, Json.write(value));
    }

    @Test
    void writesCompactLines() throws IOException {
        StringWriter out = new StringWriter();
        Json.writeLine(out, Json.object("epoch", 1, "loss", 0.25, "tags", List.of("a", "b")));
        Json.writeLine(out, Json.object("epoch", 2, "loss", Double.NaN));
        assertEquals("{\"epoch\":1,\"loss\":0.25,\"tags\":[\"a\",\"b\"]}\n{\"epoch\":2,\"loss\":null}\n",
                out.toString());
    }

    @Test
    void escapesAndUnicodeRoundTrip() {
        String tricky = "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000 é 中 😀 \u2028";
        String written = Json.write(tricky);
        assertFalse(written.contains("\n"), written);
        assertTrue(written.contains("\\u0007") && written.contains("\\u0000") && written.contains("\\\""), written);
        assertEquals(tricky, Json.parse(written, "test"));
        assertEquals("é😀/\b\f", Json.parse("\"\\u00e9\\uD83D\\uDE00\\/\\b\\f\"", "test"));
        // a lone surrogate is kept as an escape so it survives UTF-8
        assertEquals("\"\\ud800x\"", Json.write("\ud800x"));
        assertEquals("\ud800x", Json.parse(Json.write("\ud800x"), "test"));
    }

    @Test
    void numbersKeepFullPrecision() {
        double[] doubles = {1e-7, 0.1, -0.5, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 123456.789, 2.0, -0.0};
        for (double d : doubles) {
            Object parsed = Json.parse(Json.write(d), "test");
            assertEquals(d, (Double) parsed, 0.0, Json.write(d));
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) parsed), Json.write(d));
        }
        for (long n : new long[] {0, -42, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53}) {
            assertEquals(n, Json.parse(Json.write(n), "test"));
        }
        assertEquals("0.1", Json.write(0.1f));
        assertEquals("[0.1, 2.5]", Json.write(new float[] {0.1f, 2.5f}));
        assertEquals("[1, -2]", Json.write(new long[] {1, -2}));
        assertEquals("[1.0E-7, 3.0]", Json.write(new double[] {1e-7, 3}));
        assertEquals("[null, null, null]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN)));
        assertEquals(Arrays.asList(12L, 0L, 1.0, 100.0, -1.5e-300, 1.0E19),
                Json.parse("[12, -0, 1.0, 1E2, -1.5e-300, 10000000000000000000]", "test"));
    }

    @Test
    void rejectsUnwritableValues() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> Json.object("odd"));
    }

    @Test
    void reportsWhereMalformedInputGoesWrong() {
        String[][] cases = {
                {"{\"a\": 1,}", "line 1 column 9: expected a key in double quotes, found '}'"},
                {"{\n  \"a\": tru\n}", "line 2 column 8: unknown word 'tru'"},
                {"[1, 2", "line 1 column 6: expected ',' or ']', found end of input"},
                {"\"abc", "line 1 column 1: unterminated string"},
                {"{\"a\": 01}", "line 1 column 7: numbers must not have leading zeros"},
                {"{\"a\": \"x\\q\"}", "line 1 column 9: invalid escape \\q"},
                {"{\"a\" 1}", "line 1 column 6: expected ':' after the key, found '1'"},
                {"{\"a\": 1} x", "line 1 column 10: unexpected 'x' after the JSON value"},
                {"", "line 1 column 1: unexpected end of input, expected a value"},
                {"{\"a\": 1, \"a\": 2}", "line 1 column 10: duplicate key \"a\""},
                {"[1.]", "line 1 column 4: expected a digit after the decimal point, found ']'"},
                {"[1e]", "line 1 column 4: expected a digit in the exponent"},
                {"[-]", "line 1 column 3: expected a digit after '-'"},
                {"\"a\nb\"", "line 1 column 3: control character U+000A in a string must be escaped"},
                {"\"\\u12G4\"", "line 1 column 2: invalid \\u escape"},
                {"{'a': 1}", "line 1 column 2: expected a key in double quotes, found \"'\""},
                {"[1e999]", "line 1 column 2: number 1e999 is out of range"},
                {"[NaN]", "line 1 column 2: unknown word 'NaN'"},
                {"\r\n\r\n  @", "line 3 column 3: unexpected '@', expected a value"},
                {"[".repeat(600), "line 1 column 501: nested more than 500 levels deep"},
        };
        for (String[] c : cases) {
            BadInput.assertBadInput("conf.json: malformed JSON at " + c[1], "", () -> Json.parse(c[0], "conf.json"));
        }
    }

    @Test
    void acceptsByteOrderMarkAndSurroundingWhitespace() {
        assertEquals(Map.of("a", 1L), Json.parse("\uFEFF \n{\"a\" : 1}\r\n", "test"));
    }

    @Test
    void jsonObjectGivesTypedAccess() {
        JsonObject config = JsonObject.parse("""
                {"name": "mnist", "epochs": 10, "rate": 0.01, "big": 1e3, "verbose": true, "nothing": null,
                 "training": {"batch": 100, "momentum": [0.5, 0.9]}}""", "config.json");
        assertEquals("mnist", config.getString("name"));
        assertEquals(10, config.getInt("epochs"));
        assertEquals(10L, config.getLong("epochs"));
        assertEquals(10.0, config.getDouble("epochs"));
        assertEquals(0.01, config.getDouble("rate"));
        assertEquals(1000, config.getInt("big"));
        assertTrue(config.getBoolean("verbose"));
        assertTrue(config.has("name"));
        assertFalse(config.has("nothing"));
        assertFalse(config.has("absent"));
        JsonObject training = config.getObject("training");
        assertEquals(100, training.getInt("batch"));
        assertEquals(List.of(0.5, 0.9), training.getList("momentum"));
    }

    @Test
    void jsonObjectNamesTheSourceAndKeyInErrors() {
        JsonObject config = JsonObject.parse("""
                {"name": "x", "rate": 0.5, "huge": 3000000000, "nothing": null, "training": {"epochs": "ten"}}""",
                "config.json");
        BadInput.assertBadInput("config.json", ": missing key 'epochs'", () -> config.getInt("epochs"));
        BadInput.assertBadInput("config.json", ": key 'name' should be a number, found a string",
                () -> config.getDouble("name"));
        BadInput.assertBadInput("config.json", ": key 'rate' should be an integer, found 0.5",
                () -> config.getLong("rate"));
        BadInput.assertBadInput("config.json", ": key 'huge' should be an integer between", () -> config.getInt("huge"));
        BadInput.assertBadInput("config.json", ": key 'nothing' should be a string, found null",
                () -> config.getString("nothing"));
        BadInput.assertBadInput("config.json", ": key 'name' should be true or false, found a string",
                () -> config.getBoolean("name"));
        BadInput.assertBadInput("config.json", ": key 'rate' should be an object, found 0.5",
                () -> config.getObject("rate"));
        BadInput.assertBadInput("config.json", ": key 'training' should be an array, found an object",
                () -> config.getList("training"));
        BadInput.assertBadInput("config.json", ": key 'training.epochs' should be a number, found a string",
                () -> config.getObject("training").getInt("epochs"));
        BadInput.assertBadInput("list.json", ": expected a JSON object at the top level, found an array",
                () -> JsonObject.parse("[1]", "list.json"));
    }

    @Test
    void writesAndReadsFiles() throws IOException {
        Path file = dir.resolve("manifest.json");
        Map<String, Object> manifest = Json.object("version", 1L, "files", List.of("w0.npy", "b0.npy"));
        Json.writeFile(file, manifest);
        assertTrue(Files.readString(file).endsWith("}\n"));
        assertEquals(manifest, JsonObject.read(file).map());
        Path missing = dir.resolve("missing.json");
        BadInput.assertBadInput(missing, ": no such file", () -> JsonObject.read(missing));
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {'{', (byte) 0xff, '}'});
        BadInput.assertBadInput(binary, ": not valid UTF-8", () -> JsonObject.read(binary));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"a\": }");
        BadInput.assertBadInput(broken + ": malformed JSON at line 1 column 7", "", () -> JsonObject.read(broken));
    }
}
