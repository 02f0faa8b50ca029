package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python of README.md as it stands there: the snippet of "Run directories" that loads a run in NumPy, and
 * the round trip of the "Relevance" section, with {@code ./rbm} standing for
 * this build's command line: NumPy writes two layers of binarised units to an .npz, {@code rbm relevance} measures
 * them, and Python reads relevance.json back. Checks what Python printed against the JSON, and that the layers are
 * the arrays of the .npz in order. Skipped, with a message, where python3 or NumPy is missing.
 */
class ReadmePythonTest {
    @TempDir
    Path tmp;

    /** The first fenced {@code python} block after {@code marker} in README.md, as it stands there. */
    private static String block(String marker) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(marker);
        assertTrue(section >= 0, "README.md has no '" + marker + "'");
        int start = readme.indexOf("```python\n", section) + "```python\n".length();
        int end = readme.indexOf("\n```", start);
        assertTrue(start > section && end > start, "no python block after '" + marker + "'");
        return readme.substring(start, end + 1);
    }

    /**
     * The snippet of "Run directories" that loads a run's arrays in NumPy, run as written on a small run trained here
     * (its one path replaced), and p(h | v) checked for shape and range.
     */
    @Test
    void theRunDirectorySnippetRunsAsWritten() throws Exception {
        assumeTrue(numpyPresent(), "python3 with NumPy is not installed here: the README's Python snippet is not run");
        Path run = tmp.resolve("run");
        Cli trained = Cli.run("train", "--limit", "300", "--layers", "784-20-6", "--epochs", "1", "--seed", "3",
                "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
        String code = block("so Python reads them directly");
        assertTrue(code.contains("run = \"runs/"), "the snippet names a run directory");
        code = code.replaceFirst("run = \"runs/[^\"]*\"", "run = r\"" + run.toString().replace("\\", "\\\\") + "\"")
                + "print(W.shape, h.shape, float(h.min()) >= 0, float(h.max()) <= 1)\n";
        Path script = tmp.resolve("load.py");
        Files.writeString(script, code);
        Process p = new ProcessBuilder("python3", script.toString()).directory(tmp.toFile())
                .redirectError(tmp.resolve("stderr2.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the snippet took more than 2 minutes");
        assertEquals(0, p.exitValue(), "python3 failed: " + Files.readString(tmp.resolve("stderr2.txt")));
        assertEquals("(784, 20) (4, 20) True True", out.strip());
    }

    private static boolean numpyPresent() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This JVM's java, the test class path and the command line's main class, as Python list items. */
    private static String rbmCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return "r'" + java + "', " + (vector ? "'--add-modules', 'jdk.incubator.vector', " : "") + "'-cp', r'"
                + System.getProperty("java.class.path") + "', 'rbm.cli.Main'";
    }

    @Test
    void theRoundTripRunsAsWritten() throws Exception {
        assumeTrue(numpyPresent(), "python3 with NumPy is not installed here: the README's Python round trip is not run");
        String code = block("**From Python.**");
        assertTrue(code.contains("\"./rbm\""), "the example calls ./rbm");
        Path script = tmp.resolve("roundtrip.py");
        Files.writeString(script, code.replace("\"./rbm\"", rbmCommand()));
        Process p = new ProcessBuilder("python3", script.toString()).directory(tmp.toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the round trip took more than 5 minutes");
        assertEquals(0, p.exitValue(), "python3 failed: " + Files.readString(tmp.resolve("stderr.txt")));

        JsonNode json = new ObjectMapper().readTree(tmp.resolve("hidden-relevance/relevance.json").toFile());
        JsonNode layers = json.get("layers");
        assertEquals(2, layers.size(), "one layer per array of the .npz");
        assertEquals(20000, json.get("samples").asLong());
        // what Python printed comes last, after rbm's own table on the same standard output
        List<String> all = out.lines().toList();
        List<String> lines = all.subList(Math.max(0, all.size() - 2), all.size());
        assertEquals(2, lines.size(), out);
        for (int i = 0; i < 2; i++) {
            JsonNode layer = layers.get(i);
            assertTrue(layer.get("layer").asText().endsWith(i == 0 ? "h1" : "h2"), layer.get("layer").asText());
            String[] printed = lines.get(i).split(" ");
            assertEquals(layer.get("distinct").asLong(), Long.parseLong(printed[1]));
            assertEquals(layer.get("resolution_bits").asDouble(), Double.parseDouble(printed[2]), 1e-9);
            // 32 and 12 random hyperplanes over 20,000 inputs: many distinct states, fewer in the narrower layer
            assertTrue(layer.get("distinct").asLong() > 100 && layer.get("distinct").asLong() <= 20000);
        }
        assertTrue(layers.get(1).get("distinct").asLong() < layers.get(0).get("distinct").asLong());
        assertTrue(Files.exists(tmp.resolve("hidden-relevance/index.html")));
        assertTrue(Files.exists(tmp.resolve("hidden-relevance/relevance.svg")));
    }
}
