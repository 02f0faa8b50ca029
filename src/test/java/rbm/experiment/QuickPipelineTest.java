package rbm.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.cli.Main;
import rbm.io.JsonFiles;
import rbm.kernels.KernelsProvider;

/**
 * {@code reproduce --quick} end to end: it writes a report, and every layer of every group in results.json has
 * 0 ≤ H[K] ≤ H[s] ≤ log2 M. Runs with the vector kernels only (about 15 s); the plain-Java kernels would take minutes.
 */
class QuickPipelineTest {
    @TempDir
    Path out;

    @Test
    void quickReproductionGivesEntropiesWithinTheirBounds() throws Exception {
        Assumptions.assumeTrue(KernelsProvider.best().name().equals("vector"), "needs the vector kernels");
        StringWriter log = new StringWriter();
        int code = Main.run(new PrintWriter(log), new PrintWriter(log), "reproduce", "--quick", "--out",
                out.toString());
        assertEquals(0, code, log.toString());
        assertTrue(Files.size(out.resolve("index.html")) > 100_000, "the report with its pictures");
        ResultsFile results = JsonFiles.read(out.resolve("results.json"), ResultsFile.class);
        double log2M = results.bound().log2Samples();
        assertEquals(Math.log(5000) / Math.log(2), log2M, 1e-9);
        Map<String, List<ResultsFile.GroupLayer>> groups = results.groups();
        assertTrue(groups.keySet().containsAll(List.of("stack stochastic", "stack deterministic",
                "untrained stack", "shuffled pixels", "single RBM")), groups.keySet().toString());
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
        assertEquals(10 + 10 + 10 + 10 + 4, layers, "every layer of every group");
        assertEquals(3, results.verdicts().claims().size());
    }
}
