package rbm.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.JsonFiles;
import rbm.io.Npy;
import rbm.model.DeepBeliefNet;
import rbm.model.Rbm;
import rbm.train.TrainerState;

/**
 * A run directory: the configuration, provenance, metrics and trained layers of one run.
 * <pre>
 *   config.json        the run's configuration, seed and thread count ({@link RunConfig})
 *   provenance.json    software, machine and data (with sha256) that made it
 *   model.json         the manifest ({@link Manifest}): layers, progress, file locations
 *   metrics.csv/.jsonl one row per epoch
 *   layer-01/epoch-0010/weights.npy        W, visible × hidden, float32, C order
 *                       visible_bias.npy   b
 *                       hidden_bias.npy    c
 *                       trainer/           velocities, PCD chains and generator states, for --resume
 *   filters.png        layer-1 weights as images
 *   .claim             empty; created exclusively when the run starts
 * </pre>
 * A new run writes config.json and provenance.json before its first model.json, so a directory with a manifest can
 * be resumed, and one without holds a start to be made again. A checkpoint is written into a new epoch directory,
 * then the epoch's metrics row is logged, then the manifest is switched to it atomically, then the old one is
 * removed. A crash at any point leaves the manifest pointing at a complete checkpoint whose metrics rows are all
 * logged.
 */
public final class RunDirectory {
    /** The generator states of a checkpoint, in its trainer directory. */
    private static final String RANDOM = "random.json";

    /** {@code random.json}: the shuffling generator's state and one sampling stream's per thread, in Base64. */
    record RandomState(String shuffle, List<String> sampling) {
    }

    /** The file whose exclusive creation claims a directory for one run. */
    static final String CLAIM = ".claim";

    /** The steps of a checkpoint, in order, for tests that stop a run between them. */
    enum Step { WRITTEN, LOGGED, SWITCHED }

    private final Path root;
    /** Sees each {@link Step} as it completes; a test throws from it to simulate a kill. */
    Consumer<Step> step = s -> { };

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * A new run directory, claimed by creating {@value #CLAIM} exclusively: of two runs given the same directory at
     * once, exactly one creates it and the other fails here. The empty file stays, so a finished or crashed run's
     * directory is never claimed again. The manifest is written empty.
     */
    public static RunDirectory create(Path root) {
        return create(root, run -> { });
    }

    /**
     * A new run directory as {@link #create(Path)} makes it, with {@code firstFiles} (the configuration and
     * provenance) written after the claim and before the manifest: a directory with a {@code model.json} has them
     * all, and a kill before it leaves a start to be made again.
     */
    public static RunDirectory create(Path root, Consumer<RunDirectory> firstFiles) {
        checkFree(root);
        AtomicFiles.createOutputDirectory(root);
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new BadInputException("--out " + root + ": the directory cannot be written");
        }
        if (!claim(root)) {
            throw taken(root);
        }
        return started(root, firstFiles);
    }

    /**
     * A new run directory under {@code parent} named {@code name}, or {@code name-2}, {@code name-3}, ... when that
     * is taken, with {@code firstFiles} written before the manifest as {@link #create(Path, Consumer)} does. Each
     * name is tried with an atomic directory creation, so two runs started at once get two names.
     */
    public static RunDirectory createNamed(Path parent, String name, Consumer<RunDirectory> firstFiles) {
        AtomicFiles.createOutputDirectory(parent);
        for (int n = 1; ; n++) {
            Path root = parent.resolve(n == 1 ? name : name + "-" + n);
            try {
                Files.createDirectory(root);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new BadInputException(root + ": cannot create the directory (" + reason(e) + ")");
            }
            if (claim(root)) {
                return started(root, firstFiles);
            }
        }
    }

    /** Fails unless {@code root} is free for a new run; a cheap check before the data load, not a claim. */
    public static void checkFree(Path root) {
        if (Files.exists(root.resolve("model.json")) || Files.exists(root.resolve("config.json"))
                || Files.exists(root.resolve(CLAIM))) {
            throw taken(root);
        }
    }

    private static BadInputException taken(Path root) {
        return new BadInputException("--out " + root + ": already holds a run, or another one is starting in it; "
                + "use --resume " + root + " to continue it, or choose another directory");
    }

    /** Creates the claim file; false if it exists already. */
    private static boolean claim(Path root) {
        try {
            Files.createFile(root.resolve(CLAIM));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new BadInputException(root + ": cannot claim the run directory (" + reason(e) + ")");
        }
    }

    private static RunDirectory started(Path root, Consumer<RunDirectory> firstFiles) {
        RunDirectory run = new RunDirectory(root);
        firstFiles.accept(run);
        run.writeManifest(new Manifest(List.of()));
        return run;
    }

    /** An existing run directory, for resuming, sampling or analysis. */
    public static RunDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": no such run directory");
        }
        if (!Files.isRegularFile(root.resolve("model.json"))) {
            throw new BadInputException(root + ": not a run directory (no model.json)");
        }
        return new RunDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    /** Atomically writes {@code record} as the JSON file {@code name}. */
    public void writeJson(String name, Object record) {
        JsonFiles.write(root.resolve(name), record);
    }

    public void writeConfig(RunConfig config) {
        writeJson("config.json", config.toFile());
    }

    /** The run's configuration; a file whose values the trainer refuses (a batch of 0) is bad input, named. */
    public RunConfig readConfig() {
        Path file = root.resolve("config.json");
        ConfigFile config = JsonFiles.read(file, ConfigFile.class);
        try {
            return config.toConfig();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    public Manifest readManifest() {
        Path file = root.resolve("model.json");
        return JsonFiles.read(file, Manifest.class).check(file.toString());
    }

    public void writeManifest(Manifest manifest) {
        writeJson("model.json", manifest);
    }

    /** Writes layer {@code layer} after {@code epochsDone} epochs, points the manifest at it, drops the old one. */
    public void saveCheckpoint(int layer, int epochsDone, int epochsPlanned, Rbm rbm, TrainerState state) {
        saveCheckpoint(layer, epochsDone, epochsPlanned, rbm, state, () -> { });
    }

    /**
     * Writes the checkpoint, runs {@code beforeSwitch} (which logs the epoch's metrics), points the manifest at the
     * checkpoint, then drops the old one. A kill before the switch leaves the old manifest, whose epoch the resumed
     * run redoes after {@link #removeLeftovers} and {@link MetricsLog#resumeAt} undo the extra files and row;
     * a kill after it leaves a complete epoch.
     */
    public void saveCheckpoint(int layer, int epochsDone, int epochsPlanned, Rbm rbm, TrainerState state,
                               Runnable beforeSwitch) {
        String dirName = String.format("layer-%02d/epoch-%04d", layer, epochsDone);
        Path dir = root.resolve(dirName);
        try {
            Files.createDirectories(dir.resolve("trainer"));
        } catch (IOException e) {
            throw new BadInputException(root + ": cannot write the checkpoint (" + reason(e) + ")");
        }
        int nv = rbm.visible();
        int nh = rbm.hidden();
        Npy.write(dir.resolve("weights.npy"), rbm.weights(), nv, nh);
        Npy.write(dir.resolve("visible_bias.npy"), rbm.visibleBias(), nv);
        Npy.write(dir.resolve("hidden_bias.npy"), rbm.hiddenBias(), nh);
        if (state != null) {
            Path t = dir.resolve("trainer");
            Npy.write(t.resolve("velocity_weights.npy"), state.velocityW(), nv, nh);
            Npy.write(t.resolve("velocity_visible_bias.npy"), state.velocityB(), nv);
            Npy.write(t.resolve("velocity_hidden_bias.npy"), state.velocityC(), nh);
            if (state.chains() != null) {
                Npy.write(t.resolve("chains.npy"), state.chains(), state.chains().length / nh, nh);
            }
            List<String> streams = new ArrayList<>();
            for (byte[] s : state.sampleStreams()) {
                streams.add(Base64.getEncoder().encodeToString(s));
            }
            JsonFiles.write(t.resolve(RANDOM), new RandomState(Base64.getEncoder().encodeToString(state.shuffleRng()),
                    streams));
        }
        step.accept(Step.WRITTEN);
        beforeSwitch.run();
        step.accept(Step.LOGGED);
        Manifest old = readManifest();
        Manifest.LayerEntry previous = old.layer(layer);
        writeManifest(old.with(new Manifest.LayerEntry(layer, nv, nh, epochsPlanned, epochsDone,
                epochsDone >= epochsPlanned, dirName)));
        step.accept(Step.SWITCHED);
        if (previous != null && !previous.dir().equals(dirName)) {
            deleteTree(root.resolve(previous.dir()));
        }
    }

    /**
     * Deletes what a kill leaves behind: the checkpoint directories {@code manifest} does not name, and the temporary
     * files of atomic writes (the manifest, the metrics) that never reached their rename.
     */
    public void removeLeftovers(Manifest manifest) {
        for (Path child : children(root)) {
            String name = child.getFileName().toString();
            if (AtomicFiles.isTemporary(child)) {
                deleteTree(child);
                continue;
            }
            if (!name.matches("layer-\\d+") || !Files.isDirectory(child)) {
                continue;
            }
            Manifest.LayerEntry entry = manifest.layer(Integer.parseInt(name.substring("layer-".length())));
            for (Path epochDir : children(child)) {
                if (entry == null || !root.resolve(entry.dir()).equals(epochDir)) {
                    deleteTree(epochDir);
                }
            }
            if (entry == null) {
                deleteTree(child);
            }
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list (" + reason(e) + ")");
        }
    }

    /** The RBM of a layer's latest checkpoint, with its shapes checked against the manifest. */
    public Rbm loadRbm(Manifest.LayerEntry e) {
        Path dir = root.resolve(e.dir());
        float[] w = Npy.read(dir.resolve("weights.npy"), e.visible(), e.hidden()).data();
        float[] b = Npy.read(dir.resolve("visible_bias.npy"), e.visible()).data();
        float[] c = Npy.read(dir.resolve("hidden_bias.npy"), e.hidden()).data();
        return new Rbm(e.visible(), e.hidden(), w, b, c);
    }

    /** The trainer state of a layer's latest checkpoint. */
    public TrainerState loadTrainerState(Manifest.LayerEntry e, boolean persistent, int batchSize) {
        Path t = root.resolve(e.dir()).resolve("trainer");
        int nv = e.visible();
        int nh = e.hidden();
        float[] vw = Npy.read(t.resolve("velocity_weights.npy"), nv, nh).data();
        float[] vb = Npy.read(t.resolve("velocity_visible_bias.npy"), nv).data();
        float[] vc = Npy.read(t.resolve("velocity_hidden_bias.npy"), nh).data();
        float[] chains = persistent ? Npy.read(t.resolve("chains.npy"), batchSize, nh).data() : null;
        RandomState rng = JsonFiles.read(t.resolve(RANDOM), RandomState.class);
        byte[] shuffle = decode(rng.shuffle(), t.resolve(RANDOM));
        byte[][] streams = new byte[rng.sampling().size()][];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = decode(rng.sampling().get(i), t.resolve(RANDOM));
        }
        return new TrainerState(vw, vb, vc, chains, shuffle, streams);
    }

    private static byte[] decode(String base64, Path source) {
        if (base64 == null) {
            throw new BadInputException(source + ": corrupt generator state");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(source + ": corrupt generator state");
        }
    }

    /** The trained stack: every layer that finished training. */
    public DeepBeliefNet loadModel() {
        Manifest m = readManifest();
        int complete = m.completeLayers();
        if (complete == 0) {
            throw new BadInputException(root + ": no layer has finished training yet");
        }
        List<Rbm> rbms = new ArrayList<>();
        for (int l = 1; l <= complete; l++) {
            rbms.add(loadRbm(m.layer(l)));
        }
        return new DeepBeliefNet(rbms);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // an old checkpoint that cannot be removed wastes space but does no harm: the manifest moved on
        }
    }

    static String reason(IOException e) {
        return AtomicFiles.reason(e);
    }
}
