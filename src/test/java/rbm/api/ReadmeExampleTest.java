package rbm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of README.md's "Java API" section, exactly as it stands there, in JShell, and checks what it
 * computed against the definitions: H[s] and H[K] recomputed from the layer's m_k, and the digits' shape and range.
 */
class ReadmeExampleTest {

    /** The first fenced {@code java} block under the heading "## Java API". */
    static String example() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("\n## Java API\n");
        assertTrue(section >= 0, "README.md has no section '## Java API'");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("\n```", start);
        assertTrue(start > section && end > start && readme.indexOf("\n## ", section + 1) > end,
                "no java block in the section");
        return readme.substring(start, end + 1);
    }

    /** The complete snippets of {@code source}, in order, as JShell splits them. */
    private static List<String> snippets(JShell shell, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> out = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            assertEquals(SourceCodeAnalysis.Completeness.COMPLETE, info.completeness(), "incomplete: " + rest);
            out.add(info.source());
            rest = info.remaining();
        }
        return out;
    }

    private static String eval(JShell shell, String code) {
        String value = null;
        for (SnippetEvent e : shell.eval(code)) {
            assertTrue(e.status() == Snippet.Status.VALID, code + ": " + e.status() + " "
                    + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
            assertEquals(null, e.exception(), code);
            value = e.value();
        }
        return value;
    }

    private static double number(JShell shell, String code) {
        return Double.parseDouble(eval(shell, code));
    }

    @Test
    void theReadmeExampleRunsAndMeasuresWhatItSays() throws IOException {
        String example = example();
        assertTrue(example.lines().count() <= 5, "at most 5 lines:\n" + example);
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (String snippet : snippets(shell, example)) {
                eval(shell, snippet);
            }
            double samples = number(shell, "(double) layer.samples()");
            assertEquals(5000, samples, "5,000 images read out");
            assertEquals(samples, number(shell, "(double) java.util.stream.IntStream.range(0, layer.k().length)"
                    + ".mapToLong(i -> layer.k()[i] * layer.m()[i]).sum()"), "Σ k·m_k = M");
            // H[s] = −Σ_k m_k (k/M) log2(k/M) and H[K] = −Σ_k (k·m_k/M) log2(k·m_k/M), summed here from m_k
            double resolution = number(shell, "java.util.stream.IntStream.range(0, layer.k().length).mapToDouble(i -> "
                    + "{ double p = layer.k()[i] / 5000.0; return -layer.m()[i] * p * Math.log(p) / Math.log(2); })"
                    + ".sum()");
            double relevance = number(shell, "java.util.stream.IntStream.range(0, layer.k().length).mapToDouble(i -> "
                    + "{ double q = layer.k()[i] * layer.m()[i] / 5000.0; return -q * Math.log(q) / Math.log(2); })"
                    + ".sum()");
            assertEquals(resolution, number(shell, "layer.resolution()"), 1e-9);
            assertEquals(relevance, number(shell, "layer.relevance()"), 1e-9);
            assertTrue(relevance > 0 && relevance < resolution && resolution <= Math.log(5000) / Math.log(2) + 1e-9,
                    "0 < H[K] < H[s] <= log2 M");
            assertEquals(30, number(shell, "(double) layer.width()"), "layer 5 of 784-500-250-120-60-30");
            assertEquals(16, number(shell, "(double) digits.length"));
            assertEquals("true", eval(shell, "java.util.Arrays.stream(digits).allMatch(d -> d.length == 784)"));
            assertEquals(0, number(shell, "(double) java.util.Arrays.stream(digits).flatMapToDouble(d -> "
                    + "java.util.stream.IntStream.range(0, d.length).mapToDouble(i -> d[i])).filter(x -> !(x >= 0 "
                    + "&& x <= 1)).count()"), "pixel probabilities in [0, 1]");
        }
    }
}
