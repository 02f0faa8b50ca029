package rbm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @TempDir
    Path tmp;

    record Training(int epochs, double rate) {
    }

    record Config(String name, int[] layers, Training training, boolean verbose, List<String> tags) {
    }

    record Measured(double mu, double resolutionBits, Double spread) {
    }

    private static final Config CONFIG = new Config("mnist", new int[] {784, 500}, new Training(10, 0.01), true,
            List.of("a", "b"));

    @Test
    void writesRecordsAsSnakeCaseKeysInComponentOrderWithTwoSpaces() {
        String expected = """
                {
                  "name": "mnist",
                  "layers": [784, 500],
                  "training": {
                    "epochs": 10,
                    "rate": 0.01
                  },
                  "verbose": true,
                  "tags": ["a", "b"]
                }""";
        assertEquals(expected, JsonFiles.pretty(CONFIG));
        assertEquals("{\"mu\":1.5,\"resolution_bits\":2.0,\"spread\":null}",
                JsonFiles.line(new Measured(1.5, 2.0, null)));
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        Path file = tmp.resolve("config.json");
        JsonFiles.write(file, CONFIG);
        assertTrue(Files.readString(file).endsWith("}\n"));
        Config back = JsonFiles.read(file, Config.class);
        assertEquals("mnist", back.name());
        assertArrayEquals(new int[] {784, 500}, back.layers());
        assertEquals(new Training(10, 0.01), back.training());
        assertEquals(List.of("a", "b"), back.tags());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    /** JSON has no NaN or infinities: they are written as null, and null reads back as NaN. */
    @Test
    void nonFiniteNumbersAreNull() {
        String line = JsonFiles.line(new Measured(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals("{\"mu\":null,\"resolution_bits\":null,\"spread\":null}", line);
        Measured back = JsonFiles.parse(line, "test", Measured.class);
        assertTrue(Double.isNaN(back.mu()) && Double.isNaN(back.resolutionBits()) && Double.isNaN(back.spread()));
    }

    @Test
    void numbersKeepFullPrecision() {
        for (double d : new double[] {0.1, 1.0 / 3, -1.5e-300, 1e19, Double.MIN_VALUE, Math.PI}) {
            Measured back = JsonFiles.parse(JsonFiles.line(new Measured(d, d, d)), "test", Measured.class);
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(back.mu()), Double.toString(d));
        }
    }

    @Test
    void ignoresKeysTheRecordDoesNotHaveAndAcceptsAByteOrderMark() {
        Training t = JsonFiles.parse("\uFEFF {\"epochs\": 3, \"rate\": 0.5, \"comment\": [1, {}]}\r\n", "test",
                Training.class);
        assertEquals(new Training(3, 0.5), t);
    }

    @Test
    void namesTheFileAndKeyInErrors() {
        String ok = "\"name\": \"m\", \"layers\": [1], \"verbose\": true, \"tags\": [], ";
        BadInput.assertBadInput("config.json", ": missing key 'training'",
                () -> JsonFiles.parse("{" + ok.substring(0, ok.length() - 2) + "}", "config.json", Config.class));
        BadInput.assertBadInput("config.json", ": missing key 'training.rate'",
                () -> JsonFiles.parse("{" + ok + "\"training\": {\"epochs\": 1}}", "config.json", Config.class));
        BadInput.assertBadInput("config.json", ": key 'training.epochs' should be a number, found \"ten\"",
                () -> JsonFiles.parse("{" + ok + "\"training\": {\"epochs\": \"ten\", \"rate\": 1}}", "config.json",
                        Config.class));
        BadInput.assertBadInput("config.json", ": key 'training.epochs' should be a number, found null",
                () -> JsonFiles.parse("{" + ok + "\"training\": {\"epochs\": null, \"rate\": 1}}", "config.json",
                        Config.class));
        BadInput.assertBadInput("config.json", ": key 'verbose' should be true or false, found \"yes\"",
                () -> JsonFiles.parse("{\"name\": \"m\", \"layers\": [1], \"verbose\": \"yes\", \"tags\": [], "
                        + "\"training\": {\"epochs\": 1, \"rate\": 1}}", "config.json", Config.class));
        BadInput.assertBadInput("config.json", ": key 'layers[1]' should be a number, found \"x\"",
                () -> JsonFiles.parse("{\"name\": \"m\", \"layers\": [1, \"x\"]}", "config.json", Config.class));
        BadInput.assertBadInput("config.json", ": key 'training' should be an object, found an array",
                () -> JsonFiles.parse("{\"training\": []}", "config.json", Config.class));
        BadInput.assertBadInput("list.json", ": the top level should be an object, found an array",
                () -> JsonFiles.parse("[1, 2]", "list.json", Training.class));
    }

    @Test
    void reportsWhereMalformedInputGoesWrong() {
        String[][] cases = {
            {"{\"epochs\": 1,\n \"rate\": }", "line 2 column 10: Unexpected character ('}'"},
            {"{\"epochs\": 1, \"epochs\": 2, \"rate\": 1}", "line 1 column 23: Duplicate field 'epochs'"},
            {"{\"epochs\": 1, \"rate\": 1} x", "line 1 column 26: Unrecognized token 'x'"},
            {"{\"epochs\": 1, \"rate\": 1} {}", "line 1 column 26: more text after the JSON value"},
            {"{\"epochs\": 1", "line 1 column 13: Unexpected end-of-input"},
            {"{\"epochs\": 01, \"rate\": 1}", "line 1 column 13: Invalid numeric value: Leading zeroes"},
            {"{\"epochs\": 1, \"rate\": NaN}", "line 1 column 26: Non-standard token 'NaN'"},
            {"{\"epochs\": 1, \"rate\": 1, \"note\": \"a\u0001b\"}", "line 1 column 36: Illegal unquoted character"},
        };
        for (String[] c : cases) {
            String message = BadInput.assertBadInput("conf.json: malformed JSON at " + c[1], "",
                    () -> JsonFiles.parse(c[0], "conf.json", Training.class));
            assertFalse(message.contains("\u0001"), message);
        }
    }

    @Test
    void leavesMissingPartsEmptyWhenLenient() throws IOException {
        Path file = tmp.resolve("partial.json");
        Files.writeString(file, "{\"name\": \"m\"}");
        Config c = JsonFiles.readLenient(file, Config.class);
        assertEquals("m", c.name());
        assertNull(c.training());
        assertNull(c.layers());
        Files.writeString(file, "{}");
        Measured m = JsonFiles.readLenient(file, Measured.class);
        assertTrue(Double.isNaN(m.mu()) && Double.isNaN(m.resolutionBits()), "an absent number is NaN");
        BadInput.assertBadInput(file, ": missing key 'mu'", () -> JsonFiles.read(file, Measured.class));
    }

    record Part(double x) {
        public static final Part ABSENT = new Part(-1);
    }

    record Whole(Part part, Part other, Training training) {
    }

    /** A type's ABSENT constant stands for a null or missing object of that type; other types read null. */
    @Test
    void readsAMissingObjectAsItsTypesAbsentConstant() throws IOException {
        Whole w = JsonFiles.parse("{\"part\": null, \"other\": {\"x\": 2}, \"training\": null}", "test",
                Whole.class);
        assertEquals(Part.ABSENT, w.part());
        assertEquals(new Part(2), w.other());
        assertNull(w.training());
        Path partial = tmp.resolve("partial.json");
        Files.writeString(partial, "{\"other\": null}");
        assertEquals(Part.ABSENT, JsonFiles.readLenient(partial, Whole.class).part());
    }

    record Grown(int layer, @OptionalKey double score, @OptionalKey Part part, @OptionalKey Training training) {
    }

    /** A file from before the optional keys existed loads strictly and writes back without them. */
    @Test
    void optionalKeysMayBeMissingAndAreLeftOutWhenEmpty() {
        Grown old = JsonFiles.parse("{\"layer\": 2}", "old.json", Grown.class);
        assertEquals(2, old.layer());
        assertTrue(Double.isNaN(old.score()), "a missing number is NaN");
        assertEquals(Part.ABSENT, old.part());
        assertNull(old.training());
        assertEquals("{\"layer\":2}", JsonFiles.line(new Grown(2, Double.NaN, null, null)));
        Grown full = new Grown(3, 0.5, new Part(1), new Training(4, 0.1));
        String line = JsonFiles.line(full);
        assertEquals("{\"layer\":3,\"score\":0.5,\"part\":{\"x\":1.0},"
                + "\"training\":{\"epochs\":4,\"rate\":0.1}}", line);
        assertEquals(full, JsonFiles.parse(line, "new.json", Grown.class));
        BadInput.assertBadInput("old.json", ": missing key 'layer'", () -> JsonFiles.parse("{}", "old.json",
                Grown.class));
        BadInput.assertBadInput("new.json", ": missing key 'training.rate'", () -> JsonFiles.parse(
                "{\"layer\": 1, \"training\": {\"epochs\": 4}}", "new.json", Grown.class));
    }

    @Test
    void fileErrors() throws IOException {
        Path missing = tmp.resolve("missing.json");
        BadInput.assertBadInput(missing, ": no such file", () -> JsonFiles.read(missing, Training.class));
        Path binary = tmp.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        BadInput.assertBadInput(binary, ": not valid UTF-8", () -> JsonFiles.read(binary, Training.class));
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"epochs\"");
        BadInput.assertBadInput(broken + ": malformed JSON at line 1 column 10", "",
                () -> JsonFiles.read(broken, Training.class));
    }

    @Test
    void mapsKeepTheirKeysAsTheyAre() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        groups.put("stack stochastic", List.of(1));
        groups.put("single RBM", List.of());
        assertEquals("{\"stack stochastic\":[1],\"single RBM\":[]}", JsonFiles.line(groups));
    }
}
