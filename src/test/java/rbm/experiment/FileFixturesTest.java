package rbm.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rbm.io.JsonFiles;
import rbm.model.DeepBeliefNet;
import rbm.relevance.RelevanceFile;
import rbm.run.ConfigFile;
import rbm.run.Manifest;
import rbm.run.MetricsLog;
import rbm.run.Provenance;
import rbm.run.RunConfig;
import rbm.run.RunDirectory;
import rbm.train.TrainerState;

/**
 * Files in the format of the first release load through their records: a run directory of a 784-4 model from
 * {@code rbm train --limit 100 --layers 784-4 --epochs 1 --threads 1 --seed 3}, the {@code results.json} of a quick
 * reproduction (arrays and the bound's curve thinned), and the {@code relevance.json} of a 784-10 model. The expected
 * values are read off the files by eye; writing a loaded record back gives the same JSON, key for key.
 */
class FileFixturesTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static Path fixture(String name) {
        try {
            return Path.of(FileFixturesTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@code file} as a {@code type}, checks that writing it back gives the same JSON, and returns it. */
    private static <T> T loadAndRewrite(Path file, Class<T> type) throws Exception {
        T record = JsonFiles.read(file, type);
        assertSameJson(Files.readString(file), JsonFiles.pretty(record), file.toString());
        return record;
    }

    /** The same keys and values; numbers compare by value, so 5000 and 5000.0 are equal. */
    private static void assertSameJson(String expected, String actual, String what) throws Exception {
        JsonNode a = PLAIN.readTree(expected);
        JsonNode b = PLAIN.readTree(actual);
        assertTrue(a.equals((x, y) -> x.isNumber() && y.isNumber()
                ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1, b),
                what + " changed:\n" + a + "\n" + b);
    }

    @Test
    void configOfTheFirstFormat() throws Exception {
        RunConfig config = loadAndRewrite(fixture("run/config.json"), ConfigFile.class).toConfig();
        assertEquals(null, config.data(), "bundled:mnist-train");
        assertEquals("threshold:0.5", config.binarization());
        assertEquals(100, config.limit());
        assertArrayEquals(new int[] {784, 4}, config.widths());
        assertArrayEquals(new int[] {1}, config.epochs());
        assertEquals(0.1, config.training().learningRate());
        assertEquals(2.0E-4, config.training().weightDecay());
        assertEquals(100, config.training().batchSize());
        assertTrue(config.sampleUp());
        assertEquals(3, config.seed());
        assertEquals(1, config.threads());
        assertEquals(1000, config.monitorRows());
    }

    @Test
    void manifestProvenanceMetricsAndGeneratorsOfTheFirstFormat() throws Exception {
        Manifest manifest = loadAndRewrite(fixture("run/model.json"), Manifest.class);
        assertEquals(List.of(new Manifest.LayerEntry(1, 784, 4, 1, 1, true, "layer-01/epoch-0001")),
                manifest.layers());
        Provenance p = loadAndRewrite(fixture("run/provenance.json"), Provenance.class);
        assertEquals("0.1.0", p.version());
        assertEquals("--seed", p.commandLine().get(10));
        assertEquals("25.0.3", p.jvm().javaVersion());
        assertEquals(6320816128L, p.machine().maxHeapBytes());
        assertEquals("vector", p.kernels());
        assertEquals(2, p.data().size());
        assertEquals("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", p.data().get(1).sha256());
        assertEquals(10000, p.data().get(1).rows());
        String line = Files.readAllLines(fixture("run/metrics.jsonl")).getFirst();
        MetricsLog.Row row = JsonFiles.parse(line, "metrics.jsonl", MetricsLog.Row.class);
        assertSameJson(line, JsonFiles.line(row), "metrics.jsonl");
        assertEquals(64.02831024099005, row.reconstructionError());
        assertEquals(-207.62559826080667, row.exactLogLikelihoodHeldout());
        loadAndRewrite(fixture("run/layer-01/epoch-0001/trainer/random.json"), Random.class);
    }

    /** The generator states of a checkpoint, as the test reads them. */
    record Random(String shuffle, List<String> sampling) {
    }

    /** The run directory loads, and its weights are the float32 values stored after the .npy header. */
    @Test
    void runDirectoryOfTheFirstFormatLoads() throws Exception {
        RunDirectory run = RunDirectory.open(fixture("run"));
        DeepBeliefNet dbn = run.loadModel();
        assertArrayEquals(new int[] {784, 4}, dbn.widths());
        Path layer = fixture("run/layer-01/epoch-0001");
        assertArrayEquals(npyFloats(layer.resolve("weights.npy")), dbn.rbm(1).weights());
        assertArrayEquals(npyFloats(layer.resolve("visible_bias.npy")), dbn.rbm(1).visibleBias());
        assertArrayEquals(npyFloats(layer.resolve("hidden_bias.npy")), dbn.rbm(1).hiddenBias());
        TrainerState state = run.loadTrainerState(run.readManifest().layer(1), false, 100, 1);
        assertArrayEquals(npyFloats(layer.resolve("trainer/velocity_weights.npy")), state.velocityW());
        assertEquals(1, state.sampleStreams().length);
        assertEquals(32, state.shuffleRng().length, "44 Base64 characters with one '=' are 32 bytes");
        assertEquals(1, new MetricsLog(fixture("run")).rowsOnDisk().size());
    }

    /** A version-1 .npy file: magic, version, a little-endian header length, the header, then the data. */
    private static float[] npyFloats(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int header = Short.toUnsignedInt(bytes.getShort(8));
        bytes.position(10 + header);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    @Test
    void resultsOfTheFirstFormat() throws Exception {
        ResultsFile r = loadAndRewrite(fixture("results.json"), ResultsFile.class);
        assertArrayEquals(new int[] {784, 500, 250, 120, 60, 30, 25, 20, 15, 10, 5}, r.config().layers());
        assertEquals(200, r.config().gibbsSteps());
        assertEquals(0.8882, r.classifierTestAccuracy());
        assertEquals(5000, r.bound().samples());
        assertEquals(9.59869462230478, r.bound().zipf().resolutionBits());
        assertEquals(13, r.bound().curve().size());
        ResultsFile.GroupLayer third = r.group(Verdicts.STACK).get(2);
        assertEquals(120, third.width());
        assertEquals(12.28771237954945, third.resolutionBits().mean());
        assertEquals(2, third.resolutionBits().n());
        assertTrue(Double.isNaN(third.muFitError()), "null in the file");
        assertArrayEquals(new long[] {5000}, third.frequencies().mK());
        assertArrayEquals(new long[] {5000}, third.rankFrequency().last());
        assertEquals(0.4824364951699673, r.generation().get(1).gibbs().score().mean());
        assertArrayEquals(new int[] {7, 9, 7, 5, 15, 7, 13, 21, 3, 13},
                r.generation().get(1).empirical().labelCountsFirstSeed());
        assertEquals(9, r.verdicts().zipfLayer());
        assertEquals(9, r.verdicts().bestGibbsLayer());
        assertEquals(1, r.verdicts().bestLayer());
        assertEquals(List.of(false, true, true), r.verdicts().claims().stream().map(Verdicts.Claim::reproduced).toList());
        assertEquals(39.76337822204011, r.trainingCurves().getFirst().reconstructionError());
        assertTrue(Double.isNaN(r.trainingCurves().getFirst().exactLogLikelihoodTrain()));
        assertEquals(List.of("stack stochastic", "stack deterministic", "untrained stack", "shuffled pixels",
                "single RBM"), List.copyOf(r.groups().keySet()));
    }

    @Test
    void relevanceOfTheFirstFormat() throws Exception {
        RelevanceFile r = loadAndRewrite(fixture("relevance.json"), RelevanceFile.class);
        assertEquals("stochastic", r.source().readout());
        assertEquals(5000, r.samples());
        assertEquals(202, r.bound().mu0().distinct());
        assertEquals(1669, r.bound().zipf().distinct());
        RelevanceFile.Layer layer = r.layers().getFirst();
        assertEquals("1", layer.layer());
        assertEquals(236, layer.distinct());
        assertEquals(5.491425828654298, layer.relevanceBits());
        assertEquals(38, layer.powerLaw().kMin());
        assertEquals(41, layer.powerLaw().tailStates());
        assertArrayEquals(new long[] {62, 34, 14}, java.util.Arrays.copyOf(layer.frequencies().mK(), 3));
        assertArrayEquals(new long[] {1, 2, 3}, java.util.Arrays.copyOf(layer.rankFrequency().first(), 3));
        assertFalse(r.bound().curve().isEmpty());
    }
}
