package rbm.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.cli.Main;
import rbm.count.FrequencyProfile;
import rbm.count.StateCounter;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.io.JsonFiles;
import rbm.kernels.Compute;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.relevance.RelevanceFile;
import rbm.relevance.RelevanceReport;
import rbm.relevance.ResolutionRelevance;
import rbm.run.RunDirectory;

/**
 * The read-out of a small trained stack against an independent recomputation in plain Java: double-precision
 * loops over the weights, a unit on when its input is positive (probability above 0.5), and the states as strings
 * of 0s and 1s counted in a HashMap.
 */
class ReadoutTest {
    private static final int ROWS = 400;

    @TempDir
    static Path tmp;
    private static Path run;
    private static DeepBeliefNet dbn;
    private static float[] inputs;

    @BeforeAll
    static void trainSmallStack() {
        run = tmp.resolve("run");
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "train",
                "--limit", Integer.toString(ROWS), "--layers", "784-24-12-6", "--epochs", "2", "--seed", "3",
                "--threads", "2", "--monitor-rows", "100", "--out", run.toString());
        assertEquals(0, code);
        dbn = RunDirectory.open(run).loadModel();
        float[] grey = DataLoader.mnistTrain().subset(0, ROWS).values();
        inputs = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            inputs[i] = grey[i] > 0.5f ? 1 : 0;
        }
    }

    /** Per layer, state string → count, recomputed from the weights with plain loops. */
    private static List<Map<String, Integer>> plainJavaCounts() {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int l = 1; l <= dbn.depth(); l++) {
            counts.add(new HashMap<>());
        }
        double closest = Double.MAX_VALUE; // the smallest |z| relative to what float rounding could change in it
        for (int r = 0; r < ROWS; r++) {
            double[] v = new double[784];
            for (int i = 0; i < 784; i++) {
                v[i] = inputs[r * 784 + i];
            }
            for (int l = 1; l <= dbn.depth(); l++) {
                Rbm rbm = dbn.rbm(l);
                double[] h = new double[rbm.hidden()];
                StringBuilder state = new StringBuilder();
                for (int j = 0; j < rbm.hidden(); j++) {
                    double z = rbm.hiddenBias()[j];
                    double scale = Math.abs(z);
                    for (int i = 0; i < rbm.visible(); i++) {
                        z += v[i] * rbm.weights()[i * rbm.hidden() + j];
                        scale += Math.abs(v[i] * rbm.weights()[i * rbm.hidden() + j]);
                    }
                    closest = Math.min(closest, Math.abs(z) / (1e-5 * scale + 2e-7));
                    h[j] = z > 0 ? 1 : 0;
                    state.append(z > 0 ? '1' : '0');
                }
                counts.get(l - 1).merge(state.toString(), 1, Integer::sum);
                v = h;
            }
        }
        // a float sum of n ≤ 784 terms is typically off by √n·2^−24 ≈ 2e-6 of Σ|terms| (1e-5 leaves a factor 5), and
        // σ(z) rounds to 0.5f only for |z| < 1e-7: beyond that margin float and double put a unit on the same side
        assertTrue(closest > 1, "a unit sits so close to probability 0.5 that float rounding could flip it");
        return counts;
    }

    private static String bits(long[] words, int width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < width; i++) {
            s.append((words[i >>> 6] >>> (i & 63) & 1) == 1 ? '1' : '0');
        }
        return s.toString();
    }

    @Test
    void deterministicReadoutMatchesPlainJava() {
        List<Map<String, Integer>> expected = plainJavaCounts();
        try (Compute compute = Compute.create(2)) {
            StateCounter[] counters = new Readout(compute, dbn, Readout.Mode.DETERMINISTIC, 0).count(inputs, ROWS, 1);
            for (int l = 1; l <= dbn.depth(); l++) {
                try (StateCounter c = counters[l - 1]) {
                    Map<String, Integer> ref = expected.get(l - 1);
                    assertEquals(ROWS, c.total());
                    assertEquals(ref.size(), c.distinct(), "layer " + l);
                    long[] key = new long[c.words()];
                    for (long id = 0; id < c.distinct(); id++) {
                        c.copyKey(id, key, 0);
                        assertEquals(ref.get(bits(key, c.width())), (int) c.count(id), "layer " + l + " state " + id);
                    }
                }
            }
            assertTrue(expected.get(2).size() > 3 && expected.get(2).size() < ROWS, "the top layer merges inputs");
        }
    }

    /** The command gives the same m_k as the plain recomputation, and reproducible stochastic read-outs. */
    @Test
    void commandWritesTheSameFrequencies() {
        List<Map<String, Integer>> expected = plainJavaCounts();
        RelevanceFile det = relevance("det", "--readout", "deterministic");
        List<RelevanceFile.Layer> layers = det.layers();
        assertEquals(dbn.depth(), layers.size());
        for (int l = 1; l <= dbn.depth(); l++) {
            long[] counts = expected.get(l - 1).values().stream().mapToLong(Integer::longValue).toArray();
            FrequencyProfile p = FrequencyProfile.ofCounts(counts);
            RelevanceFile.Frequencies freq = layers.get(l - 1).frequencies();
            assertArrayEquals(p.k(), freq.k(), "layer " + l);
            assertArrayEquals(p.m(), freq.mK(), "layer " + l);
            assertEquals(ResolutionRelevance.of(p).resolution(), layers.get(l - 1).resolutionBits(), 1e-12);
        }
        RelevanceFile a = relevance("a", "--seed", "9", "--repeats", "2");
        RelevanceFile b = relevance("b", "--seed", "9", "--repeats", "2");
        assertEquals(2 * dbn.depth(), a.layers().size());
        assertEquals(JsonFiles.line(a.layers()), JsonFiles.line(b.layers()), "same seed, same states");
        int top = dbn.depth() - 1;
        assertNotEquals(JsonFiles.line(a.layers().get(top).frequencies()),
                JsonFiles.line(a.layers().get(top + dbn.depth()).frequencies()), "repeats draw anew");
    }

    private static RelevanceFile relevance(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("relevance", "--model", run.toString(), "--threads", "2",
                "--out", tmp.resolve(out).toString()));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return JsonFiles.read(tmp.resolve(out).resolve(RelevanceReport.JSON), RelevanceFile.class);
    }
}
