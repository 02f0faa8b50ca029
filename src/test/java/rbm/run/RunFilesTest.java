package rbm.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.cli.Main;
import rbm.data.Binarization;
import rbm.data.DataLoader;
import rbm.data.Dataset;
import rbm.io.BadInputException;
import rbm.kernels.Compute;
import rbm.model.BruteForceAccess;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.random.RandomStreams;
import rbm.train.BatchSchedule;
import rbm.train.TrainerState;
import rbm.train.TrainingConfig;

/** Model files round-trip, a resumed run equals an uninterrupted one bit for bit, and seeds reproduce. */
class RunFilesTest {
    @TempDir
    Path tmp;

    static final String[] ARGS = {"--limit", "300", "--layers", "784-16-8", "--epochs", "3,2", "--batch", "50",
        "--monitor-rows", "100", "--threads", "2"};

    private static int train(Path out, long seed, String... extra) {
        String[] args = new String[ARGS.length + 5 + extra.length];
        args[0] = "train";
        System.arraycopy(ARGS, 0, args, 1, ARGS.length);
        args[ARGS.length + 1] = "--seed";
        args[ARGS.length + 2] = Long.toString(seed);
        args[ARGS.length + 3] = "--out";
        args[ARGS.length + 4] = out.toString();
        System.arraycopy(extra, 0, args, ARGS.length + 5, extra.length);
        java.io.StringWriter sink = new java.io.StringWriter();
        return Main.run(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), args);
    }

    private static DeepBeliefNet load(Path run) {
        return RunDirectory.open(run).loadModel();
    }

    private static void assertSameModel(DeepBeliefNet a, DeepBeliefNet b) {
        assertEquals(a.depth(), b.depth());
        for (int l = 1; l <= a.depth(); l++) {
            assertArrayEquals(a.rbm(l).weights(), b.rbm(l).weights(), "weights of layer " + l);
            assertArrayEquals(a.rbm(l).visibleBias(), b.rbm(l).visibleBias(), "visible bias of layer " + l);
            assertArrayEquals(a.rbm(l).hiddenBias(), b.rbm(l).hiddenBias(), "hidden bias of layer " + l);
        }
    }

    @Test
    void checkpointRoundTrips() {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        run.writeManifest(new Manifest(java.util.List.of()));
        Rbm model = BruteForceAccess.randomRbm(7, 5, 1.0, 3);
        // the states must be ones the generator accepts: loading checks them
        byte[] shuffle = RandomStreams.saveState(RandomStreams.create(1, "shuffle"));
        byte[][] streams = {RandomStreams.saveState(RandomStreams.create(1, "a")),
                RandomStreams.saveState(RandomStreams.create(1, "b"))};
        TrainerState state = new TrainerState(new float[35], new float[7], new float[5], null, shuffle, streams);
        run.saveCheckpoint(1, 2, 4, model, state);
        Manifest.LayerEntry e = run.readManifest().layer(1);
        assertEquals(2, e.epochsDone());
        assertFalse(e.complete());
        Rbm back = run.loadRbm(e);
        assertArrayEquals(model.weights(), back.weights());
        assertArrayEquals(model.visibleBias(), back.visibleBias());
        assertArrayEquals(model.hiddenBias(), back.hiddenBias());
        TrainerState s = run.loadTrainerState(e, false, 10, 2);
        assertArrayEquals(shuffle, s.shuffleRng());
        assertArrayEquals(streams[1], s.sampleStreams()[1]);
        // the next checkpoint replaces the old directory
        run.saveCheckpoint(1, 3, 4, model, state);
        assertFalse(Files.exists(run.root().resolve(e.dir())), "old checkpoint removed");
        assertEquals(3, run.readManifest().layer(1).epochsDone());
    }

    /**
     * A start writes its configuration before the manifest ({@link RunDirectory#begin}): a start killed in between
     * leaves no model.json, and the same directory is started again.
     */
    @Test
    void aStartKilledBeforeItsManifestIsStartedAgain() {
        Path dir = tmp.resolve("r");
        RunConfig config = new RunConfig(null, null, "threshold:0.5", 200, new int[] {7, 5}, new int[] {1},
                TrainingConfig.hinton(), true, 1, 1, 100, LikelihoodMonitoring.OFF);
        RunDirectory killed = RunDirectory.create(dir);
        killed.writeConfig(config); // begin's first write, then the kill
        killed.release();
        assertTrue(Files.exists(dir.resolve("config.json")));
        assertFalse(Files.exists(dir.resolve("model.json")), "a manifest without its configuration");
        RunDirectory run = RunDirectory.create(dir);
        run.begin(config);
        assertEquals(config.seed(), run.readConfig().seed());
        assertEquals(0, run.readManifest().layers().size());
        run.release();
    }

    /** A kill in an atomic write leaves its temporary file; the resumed run removes it and nothing else. */
    @Test
    void leftoversOfAKillAreRemoved() throws IOException {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        run.writeManifest(new Manifest(java.util.List.of()));
        Rbm model = BruteForceAccess.randomRbm(7, 5, 1.0, 3);
        run.saveCheckpoint(1, 1, 2, model, null);
        run.step = s -> {
            if (s == RunDirectory.Step.WRITTEN) {
                throw new Crash();
            }
        };
        assertThrows(Crash.class, () -> run.saveCheckpoint(1, 2, 2, model, null));
        Path[] temporaries = {run.file(".model.json.tmp-0123456789abcdef"),
            run.file(".metrics.csv.tmp-fedcba9876543210")};
        for (Path t : temporaries) {
            Files.writeString(t, "{");
        }
        Files.writeString(run.file("notes.txt"), "the user's own");
        run.removeLeftovers(run.readManifest());
        for (Path t : temporaries) {
            assertFalse(Files.exists(t), t.toString());
        }
        assertFalse(Files.exists(run.file("layer-01/epoch-0002")), "the checkpoint the manifest does not name");
        assertTrue(Files.exists(run.file("layer-01/epoch-0001/weights.npy")), "the one it names");
        assertTrue(Files.exists(run.file("notes.txt")), "a file of the user's");
    }

    @Test
    void weightsWithTheWrongShapeAreRefused() {
        RunDirectory run = RunDirectory.create(tmp.resolve("r"));
        run.writeManifest(new Manifest(java.util.List.of()));
        run.saveCheckpoint(1, 1, 1, BruteForceAccess.randomRbm(7, 5, 1.0, 3), null);
        Manifest.LayerEntry e = run.readManifest().layer(1);
        rbm.io.Npy.write(run.root().resolve(e.dir()).resolve("weights.npy"), new float[6], 2, 3);
        BadInputException ex = assertThrows(BadInputException.class, () -> run.loadModel());
        assertTrue(ex.getMessage().contains("weights.npy"), ex.getMessage());
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedDoesNot() {
        assertEquals(0, train(tmp.resolve("a"), 11));
        assertEquals(0, train(tmp.resolve("b"), 11));
        assertEquals(0, train(tmp.resolve("c"), 12));
        assertSameModel(load(tmp.resolve("a")), load(tmp.resolve("b")));
        assertFalse(java.util.Arrays.equals(load(tmp.resolve("a")).rbm(1).weights(),
                load(tmp.resolve("c")).rbm(1).weights()));
    }

    /** Stops training right after the given epoch of the given layer has been checkpointed, like a crash. */
    private static final class Crash extends RuntimeException {
    }

    /** Sets up a run as 'train' would, with the configuration of {@code model}, and trains until the crash. */
    private void crashAt(Path dir, Path model, int crashLayer, int crashEpoch) {
        RunConfig config = RunDirectory.open(model).readConfig();
        RunDirectory run = RunDirectory.create(dir);
        run.begin(config);
        Dataset d = Binarization.parse(config.binarization()).apply(DataLoader.mnistTrain().subset(0, 300), null);
        Dataset held = Binarization.parse(config.binarization()).apply(DataLoader.mnistTest(), null);
        StackTrainer.Listener crash = new StackTrainer.Listener() {
            public void layerStarted(int layer, int layers, Rbm rbm, int done, int epochs) {
            }

            public void batchDone(int layer, int epoch, int done, int total) {
            }

            public void epochDone(int layer, int epoch, int epochs, MetricsLog.Row metrics) {
                if (layer == crashLayer && epoch == crashEpoch) {
                    throw new Crash();
                }
            }

            public void layerDone(int layer, Rbm rbm) {
            }
        };
        try (Compute compute = Compute.create(config.threads())) {
            assertThrows(Crash.class, () -> new StackTrainer(config, run, compute, crash)
                    .train(d.values(), d.rows(), held.values(), held.rows()));
        }
        run.release(); // as the killed process's end would
    }

    @Test
    void resumedRunEqualsUninterruptedRunBitForBit() throws IOException {
        assertEquals(0, train(tmp.resolve("whole"), 21));
        DeepBeliefNet whole = load(tmp.resolve("whole"));
        for (int[] at : new int[][] {{1, 2}, {2, 1}}) {
            Path dir = tmp.resolve("crash-" + at[0] + "-" + at[1]);
            crashAt(dir, tmp.resolve("whole"), at[0], at[1]);
            assertEquals(at[1], RunDirectory.open(dir).readManifest().layer(at[0]).epochsDone());
            java.io.StringWriter sink = new java.io.StringWriter();
            assertEquals(0, Main.run(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), "train",
                    "--resume", dir.toString()), sink.toString());
            assertSameModel(whole, load(dir));
            long rows = Files.readAllLines(dir.resolve("metrics.csv")).size() - 1;
            assertEquals(5, rows, "one metrics row per epoch, none repeated");
        }
    }

    /** The same for scikit-learn's batches, whose last batch (300 = 4·70 + 20 rows) is short. */
    @Test
    void resumedSklearnExactRunEqualsUninterruptedRunBitForBit() {
        String[] exact = {"--preset", "sklearn-exact", "--batch", "70"};
        assertEquals(0, train(tmp.resolve("whole"), 22, exact));
        assertEquals(BatchSchedule.SKLEARN, RunDirectory.open(tmp.resolve("whole")).readConfig().training().batches());
        Path dir = tmp.resolve("crash");
        crashAt(dir, tmp.resolve("whole"), 1, 2);
        java.io.StringWriter sink = new java.io.StringWriter();
        assertEquals(0, Main.run(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), "train",
                "--resume", dir.toString()), sink.toString());
        assertSameModel(load(tmp.resolve("whole")), load(dir));
        assertEquals(0, train(tmp.resolve("again"), 22, exact));
        assertSameModel(load(tmp.resolve("whole")), load(tmp.resolve("again")));
    }

    /** Trains as {@code crashAt} does, and stops at {@code step} of the {@code checkpoint}-th checkpoint, like a kill. */
    private void killAt(Path dir, Path model, int checkpoint, RunDirectory.Step step) {
        RunConfig config = RunDirectory.open(model).readConfig();
        RunDirectory run = RunDirectory.create(dir);
        run.begin(config);
        int[] seen = new int[1];
        run.step = s -> {
            if (s == RunDirectory.Step.WRITTEN) {
                seen[0]++;
            }
            if (s == step && seen[0] == checkpoint) {
                throw new Crash();
            }
        };
        Dataset d = Binarization.parse(config.binarization()).apply(DataLoader.mnistTrain().subset(0, 300), null);
        Dataset held = Binarization.parse(config.binarization()).apply(DataLoader.mnistTest(), null);
        StackTrainer.Listener quiet = new StackTrainer.Listener() {
            public void layerStarted(int layer, int layers, Rbm rbm, int done, int epochs) {
            }

            public void batchDone(int layer, int epoch, int done, int total) {
            }

            public void epochDone(int layer, int epoch, int epochs, MetricsLog.Row metrics) {
            }

            public void layerDone(int layer, Rbm rbm) {
            }
        };
        try (Compute compute = Compute.create(config.threads())) {
            assertThrows(Crash.class, () -> new StackTrainer(config, run, compute, quiet)
                    .train(d.values(), d.rows(), held.values(), held.rows()));
        }
        run.release(); // as the killed process's end would
    }

    /**
     * A kill after the checkpoint is written, after its metrics row is logged, or after the manifest is switched
     * leaves a run that resumes to the files of an uninterrupted run: weights, trainer state, manifest and every
     * metrics row (all but the timing column), and no stale checkpoint.
     */
    @Test
    void aKillAtAnyStepOfACheckpointResumesToTheSameFiles() throws IOException {
        assertEquals(0, train(tmp.resolve("whole"), 31));
        java.util.Map<String, String> whole = RunContents.of(tmp.resolve("whole"));
        for (int checkpoint : new int[] {3, 4}) { // within layer 1 (after its last epoch), and layer 2's first
            for (RunDirectory.Step step : RunDirectory.Step.values()) {
                Path dir = tmp.resolve("kill-" + checkpoint + "-" + step);
                killAt(dir, tmp.resolve("whole"), checkpoint, step);
                java.io.StringWriter sink = new java.io.StringWriter();
                assertEquals(0, Main.run(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), "train",
                        "--resume", dir.toString()), sink.toString());
                // the killed runs are set up without a provenance.json, and RunContents leaves it out
                assertEquals(java.util.Set.of(), RunContents.differences(whole, RunContents.of(dir)),
                        "files that differ, killed at " + step + " of checkpoint " + checkpoint);
            }
        }
    }
}
