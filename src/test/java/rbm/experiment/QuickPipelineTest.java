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
import rbm.io.JsonObject;
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
        JsonObject results = JsonObject.read(out.resolve("results.json"));
        double log2M = results.getObject("bound").getDouble("log2_samples");
        assertEquals(Math.log(5000) / Math.log(2), log2M, 1e-9);
        JsonObject groups = results.getObject("groups");
        assertTrue(groups.map().keySet().containsAll(List.of("stack stochastic", "stack deterministic",
                "untrained stack", "shuffled pixels", "single RBM")), groups.map().keySet().toString());
        int layers = 0;
        for (String group : groups.map().keySet()) {
            for (JsonObject layer : groups.getObjects(group)) {
                double hs = ((Number) ((Map<?, ?>) layer.map().get("resolution_bits")).get("mean")).doubleValue();
                double hk = ((Number) ((Map<?, ?>) layer.map().get("relevance_bits")).get("mean")).doubleValue();
                String where = group + " layer " + layer.getInt("layer") + " (" + layer.getInt("width") + " units)";
                assertTrue(0 <= hk, where + ": H[K] = " + hk);
                assertTrue(hk <= hs + 1e-9, where + ": H[K] = " + hk + " > H[s] = " + hs);
                assertTrue(hs <= log2M + 1e-9, where + ": H[s] = " + hs + " > log2 M");
                layers++;
            }
        }
        assertEquals(10 + 10 + 10 + 10 + 4, layers, "every layer of every group");
        assertEquals(3, results.getObject("verdicts").getObjects("claims").size());
    }
}
