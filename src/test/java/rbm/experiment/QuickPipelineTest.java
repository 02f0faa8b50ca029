package rbm.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.cli.Main;
import rbm.io.JsonFiles;
import rbm.kernels.KernelsProvider;

/**
 * {@code reproduce --quick} end to end: it writes a report, and every layer of every group in results.json has
 * 0 ≤ H[K] ≤ H[s] ≤ log2 M. With the vector kernels it runs the quick preset as it is (about 15 s). The plain-Java
 * kernels are some 25 times slower at the matrix products, so without the Vector API module the same pipeline runs
 * on 1,000 images, one epoch and one seed, without the controls (under a minute).
 */
class QuickPipelineTest {
    @TempDir
    Path out;

    @Test
    void quickReproductionGivesEntropiesWithinTheirBounds() throws Exception {
        boolean vector = KernelsProvider.best().name().equals("vector");
        int images = vector ? 5000 : 1000;
        List<String> args = new ArrayList<>(List.of("reproduce", "--quick", "--out", out.toString()));
        if (!vector) {
            args.addAll(List.of("--images", Integer.toString(images), "--epochs", "1", "--seeds", "1",
                    "--no-controls"));
        }
        StringWriter log = new StringWriter();
        int code = Main.run(new PrintWriter(log), new PrintWriter(log), args.toArray(String[]::new));
        assertEquals(0, code, log.toString());
        assertTrue(Files.size(out.resolve("index.html")) > 100_000, "the report with its pictures");
        ResultsFile results = JsonFiles.read(out.resolve("results.json"), ResultsFile.class);
        double log2M = results.bound().log2Samples();
        assertEquals(Math.log(images) / Math.log(2), log2M, 1e-9);
        Map<String, List<ResultsFile.GroupLayer>> groups = results.groups();
        List<String> expected = vector
                ? List.of("stack stochastic", "stack deterministic", "untrained stack", "shuffled pixels", "single RBM")
                : List.of("stack stochastic", "stack deterministic", "single RBM");
        assertEquals(expected, List.copyOf(groups.keySet()));
        int layers = 0;
        for (String group : groups.keySet()) {
            for (ResultsFile.GroupLayer layer : groups.get(group)) {
                double hs = layer.resolutionBits().mean();
                double hk = layer.relevanceBits().mean();
                String where = group + " layer " + layer.layer() + " (" + layer.width() + " units)";
                assertTrue(0 <= hk, where + ": H[K] = " + hk);
                assertTrue(hk <= hs + 1e-9, where + ": H[K] = " + hk + " > H[s] = " + hs);
                assertTrue(hs <= log2M + 1e-9, where + ": H[s] = " + hs + " > log2 M");
                layers++;
            }
        }
        assertEquals(10 * (expected.size() - 1) + 4, layers, "every layer of every group");
        assertEquals(3, results.verdicts().claims().size());
    }
}
