package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import rbm.io.JsonFiles;
import rbm.run.ConfigFile;
import rbm.run.LikelihoodMonitoring;
import rbm.run.MetricsLog;
import rbm.run.Provenance;

/** What a user of 'train' and 'sample' finds: the printed progress, the run directory, the presets. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainWritesModelMetricsPicturesAndProvenance() throws IOException {
        Path run = tmp.resolve("run");
        Cli r = Cli.run("train", "--limit", "300", "--layers", "784-20-6", "--epochs", "2,1", "--seed", "4",
                "--monitor-rows", "100", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("layer 1 epoch 2/2"), r.out());
        assertTrue(r.out().contains("layer 2 epoch 1/1"), r.out());
        assertTrue(r.out().contains("exact ll"), "layer 2 is small enough for the exact likelihood:\n" + r.out());
        for (String f : new String[] {"config.json", "provenance.json", "model.json", "metrics.csv", "metrics.jsonl",
            "filters.png"}) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        assertEquals(4, Files.readAllLines(run.resolve("metrics.csv")).size(), "header and three epochs");
        Provenance prov = JsonFiles.read(run.resolve("provenance.json"), Provenance.class);
        String sha = prov.data().getFirst().sha256();
        assertTrue(sha.startsWith("ba891046e650"), "training data checksum " + sha);
        assertEquals(4, JsonFiles.read(run.resolve("config.json"), ConfigFile.class).seed());
        try (var files = Files.walk(run)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary files left");
        }

        Path png = tmp.resolve("s.png");
        Cli s = Cli.run("sample", "--model", run.toString(), "--layer", "2", "--chains", "9", "--steps", "20",
                "--seed", "1", "--out", png.toString());
        assertEquals(0, s.code(), s.err());
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(3 * 28 * 2 + 2, image.getWidth(), "3 tiles of 28 pixels, doubled, with 2 borders");
        assertEquals(2, Cli.run("sample", "--model", run.toString(), "--layer", "3").code());
    }

    /**
     * --likelihood-every 2 over 3 epochs estimates after epochs 2 and 3 (the last), with AIS values within 3 standard
     * errors and 0.1 nats of the exact ones of a 784-12 RBM, is kept in config.json, and changes no weight.
     */
    @Test
    void likelihoodEveryEstimatesTheLogLikelihoodByAis() throws IOException {
        String[] common = {"train", "--limit", "1000", "--batch", "20", "--layers", "784-12", "--epochs", "3",
            "--seed", "5", "--threads", "2", "--monitor-rows", "200"};
        Path plain = tmp.resolve("plain");
        assertEquals(0, Cli.run(concat(common, "--out", plain.toString())).code());
        Path run = tmp.resolve("ais");
        Cli r = Cli.run(concat(common, "--likelihood-every", "2", "--out", run.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("AIS ll"), r.out());
        assertEquals(new LikelihoodMonitoring(2, 1000, 100),
                JsonFiles.read(run.resolve("config.json"), ConfigFile.class).toConfig().likelihood());
        List<MetricsLog.Row> rows = new MetricsLog(run).rowsOnDisk();
        assertEquals(3, rows.size());
        MetricsLog.Row first = rows.getFirst();
        for (double v : new double[] {first.aisLogZ(), first.aisLogZStderr(), first.aisLogLikelihoodTrain(),
            first.aisLogLikelihoodHeldout()}) {
            assertTrue(Double.isNaN(v), "no estimate after epoch 1: " + first);
        }
        for (MetricsLog.Row row : rows.subList(1, 3)) {
            double tolerance = 3 * row.aisLogZStderr() + 0.1;
            assertTrue(row.aisLogZStderr() > 0, row.toString());
            assertEquals(row.exactLogLikelihoodHeldout(), row.aisLogLikelihoodHeldout(), tolerance, row.toString());
            assertEquals(row.exactLogLikelihoodTrain(), row.aisLogLikelihoodTrain(), tolerance, row.toString());
        }
        Path weights = Path.of("layer-01", "epoch-0003", "weights.npy");
        assertEquals(-1, Files.mismatch(plain.resolve(weights), run.resolve(weights)), "the same weights");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void sklearnPresetAndOverrides() {
        TrainCommand sk = new TrainCommand();
        picocli.CommandLine cli = Main.parser(sk);
        cli.parseArgs("--preset", "sklearn", "--seed", "1");
        var t = sk.buildConfig().training();
        assertTrue(t.persistent());
        assertTrue(t.sampleVisible());
        assertEquals(10, t.batchSize());
        assertEquals(0.1, t.learningRate());
        assertEquals(0.0, t.finalMomentum());
        assertEquals(0.0, t.weightDecay());
        assertFalse(t.visibleBiasFromData());

        TrainCommand over = new TrainCommand();
        Main.parser(over).parseArgs("--preset", "sklearn", "--batch", "100", "--no-persistent");
        assertEquals(100, over.buildConfig().training().batchSize());
        assertFalse(over.buildConfig().training().persistent());

        TrainCommand hinton = new TrainCommand();
        Main.parser(hinton).parseArgs();
        var h = hinton.buildConfig();
        assertEquals(0.5, h.training().initialMomentum());
        assertEquals(0.9, h.training().finalMomentum());
        assertEquals(2e-4, h.training().weightDecay());
        assertEquals(11, h.widths().length, "the paper's stack is the default");
    }

    /**
     * The console says what it knows: one momentum when it does not change (the sklearn preset), and no free-energy
     * gap when there is no held-out set to take it against (a --data file without --heldout).
     */
    @Test
    void theConsoleLeavesOutWhatDoesNotApply(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws IOException {
        Cli sk = Cli.run("train", "--preset", "sklearn", "--limit", "200", "--layers", "784-8", "--epochs", "1",
                "--out", tmp.resolve("sk").toString());
        assertEquals(0, sk.code(), sk.err());
        assertTrue(sk.out().contains("momentum 0.0, decay"), sk.out());
        assertFalse(sk.out().contains("then 0.0"), sk.out());
        java.nio.file.Path data = tmp.resolve("tiny.txt");
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < 40; r++) {
            rows.append(r % 2).append(',').append((r / 2) % 2).append(',').append((r / 4) % 2).append('\n');
        }
        java.nio.file.Files.writeString(data, rows);
        Cli own = Cli.run("train", "--data", data.toString(), "--layers", "3-2", "--epochs", "1", "--batch", "10",
                "--out", tmp.resolve("own").toString());
        assertEquals(0, own.code(), own.err());
        assertTrue(own.out().contains("recon"), own.out());
        assertFalse(own.out().contains("NaN"), own.out());
    }
}
