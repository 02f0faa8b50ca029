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
import rbm.data.FashionMnist;
import rbm.data.FashionMnistSubset;
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
        check(vector ? 5000 : 1000, 10000, List.of());
    }

    /**
     * The same pipeline on Fashion-MNIST, from the 1,000 training and 200 test images committed for tests (the
     * Debian package need not be installed).
     */
    @Test
    void quickReproductionRunsOnFashionMnist() throws Exception {
        String before = System.getProperty(FashionMnist.DIR_PROPERTY);
        System.setProperty(FashionMnist.DIR_PROPERTY, FashionMnistSubset.directory().toString());
        try {
            check(FashionMnistSubset.TRAIN_ROWS, FashionMnistSubset.TEST_ROWS, List.of("--data", "fashion-mnist"));
        } finally {
            if (before == null) {
                System.clearProperty(FashionMnist.DIR_PROPERTY);
            } else {
                System.setProperty(FashionMnist.DIR_PROPERTY, before);
            }
        }
    }

    private void check(int images, int heldout, List<String> extra) throws Exception {
        boolean vector = KernelsProvider.best().name().equals("vector");
        List<String> args = new ArrayList<>(List.of("reproduce", "--quick", "--out", out.toString()));
        args.addAll(extra);
        if (!vector || images < 5000) {
            args.addAll(List.of("--images", Integer.toString(images)));
        }
        if (!vector) {
            args.addAll(List.of("--epochs", "1", "--seeds", "1", "--no-controls"));
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
                ? List.of("stack stochastic", "stack deterministic", Results.HELDOUT, "untrained stack",
                        "shuffled pixels", "single RBM")
                : List.of("stack stochastic", "stack deterministic", Results.HELDOUT, "single RBM");
        assertEquals(expected, List.copyOf(groups.keySet()));
        int layers = 0;
        for (String group : groups.keySet()) {
            for (ResultsFile.GroupLayer layer : groups.get(group)) {
                double hs = layer.resolutionBits().mean();
                double hk = layer.relevanceBits().mean();
                String where = group + " layer " + layer.layer() + " (" + layer.width() + " units)";
                assertTrue(0 <= hk, where + ": H[K] = " + hk);
                assertTrue(hk <= hs + 1e-9, where + ": H[K] = " + hk + " > H[s] = " + hs);
                double top = group.equals(Results.HELDOUT) ? results.heldoutBound().log2Samples() : log2M;
                assertTrue(hs <= top + 1e-9, where + ": H[s] = " + hs + " > log2 M");
                layers++;
            }
        }
        assertEquals(10 * (expected.size() - 1) + 4, layers, "every layer of every group");
        assertEquals(3, results.verdicts().claims().size());
        assertEquals(heldout, results.heldoutBound().samples(), "the held-out read-out has its own bound");
        int seeds = vector ? 3 : 1;
        assertEquals(List.of("held-out likelihood", "training likelihood", "sample score", "reliability"),
                results.measures().stream().map(ResultsFile.Measure::name).toList());
        for (ResultsFile.Measure m : results.measures()) {
            assertEquals(seeds, m.perSeed().length, m.name());
            assertEquals(10, m.perSeed()[0].length, m.name());
        }
        for (double[] seed : results.measures().getFirst().perSeed()) {
            for (double nats : seed) {
                assertTrue(nats < 0 && nats > -784 * Math.log(2), "a bound on log p(v) of 784 binary pixels: " + nats);
            }
        }
        assertEquals(4, results.verdicts().claims().get(2).decisions().size(), "each measure decided");
        assertEquals(10, results.mixing().size(), "a mixing diagnostic per layer");
        assertEquals(results.config().evaluation().temperatures() - 1, results.mixing().getFirst().swapRates().length,
                "a swap rate per pair of neighbouring temperatures");
        assertEquals(10, results.reliability().size());
        assertTrue(Files.readString(out.resolve("index.html")).contains("id=\"generative\""));
    }
}
