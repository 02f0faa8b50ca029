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
import rbm.random.RandomStreams;
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
 *   .claim             locked by the process that writes the run ({@link RunLock}); holds its process id
 * </pre>
 * A new run writes provenance.json and config.json before its first model.json ({@link #begin}), so a directory with
 * a manifest can be resumed, and one without holds a start to be made again. A checkpoint is written into a new epoch directory,
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

    /** The file whose lock ({@link RunLock}) claims a directory for the one process that writes its run. */
    static final String CLAIM = ".claim";

    /** The steps of a checkpoint, in order, for tests that stop a run between them. */
    enum Step { WRITTEN, LOGGED, SWITCHED }

    private final Path root;
    /** The claim of the process that writes this run; null when the directory is only read. */
    private RunLock lock;
    /** Whether this process made the directory, so that {@link #abandon} may remove it. */
    private final boolean made;
    /** Sees each {@link Step} as it completes; a test throws from it to simulate a kill. */
    Consumer<Step> step = s -> { };

    private RunDirectory(Path root, RunLock lock, boolean made) {
        this.root = root;
        this.lock = lock;
        this.made = made;
    }

    /**
     * A new run directory, claimed by locking {@value #CLAIM}: of two processes given the same directory at once,
     * exactly one gets the lock and the other fails here. A directory with a {@code model.json} holds a run and is
     * refused. One with only the files of a start that was killed before it wrote {@code model.json} (no live process
     * holds its lock) is taken over: nothing was trained in it. {@link #begin} makes it a run.
     */
    public static RunDirectory create(Path root) {
        if (Files.exists(root.resolve("model.json"))) {
            throw taken(root);
        }
        boolean existed = Files.exists(root);
        AtomicFiles.createOutputDirectory(root);
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new BadInputException("--out " + root + ": the directory cannot be written");
        }
        RunLock lock = RunLock.tryAcquire(root);
        if (lock == null) {
            throw new BadInputException("--out " + root + ": " + RunLock.holder(root)
                    + " is starting or training a run in it; choose another directory");
        }
        if (Files.exists(root.resolve("model.json"))) {
            lock.release();
            throw taken(root);
        }
        return new RunDirectory(root, lock, !existed);
    }

    /**
     * A new run directory under {@code parent} named {@code name}, or {@code name-2}, {@code name-3}, ... when that
     * is taken. Each name is tried with an atomic directory creation, so two runs started at once get two names.
     */
    public static RunDirectory createNamed(Path parent, String name) {
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
            RunLock lock = RunLock.tryAcquire(root);
            if (lock != null) {
                return new RunDirectory(root, lock, true);
            }
        }
    }

    private static BadInputException taken(Path root) {
        return new BadInputException("--out " + root + ": already holds a run; use --resume " + root
                + " to continue it, or choose another directory");
    }

    /**
     * Makes the claimed directory a run: {@code config.json}, then an empty {@code model.json}. The manifest comes
     * last, so a directory with one always has its configuration (and {@code provenance.json}, written before).
     */
    public void begin(RunConfig config) {
        writeConfig(config);
        writeManifest(new Manifest(List.of()));
    }

    /**
     * Gives up a claimed directory that never became a run (the data failed to load): the claim file goes, and the
     * directory too if this process made it and it is empty. A directory that holds a run is left as it is.
     */
    public void abandon() {
        if (lock != null && !Files.exists(root.resolve("model.json"))) {
            try {
                Files.deleteIfExists(root.resolve(CLAIM));
                if (made) {
                    Files.deleteIfExists(root);
                }
            } catch (IOException e) {
                // a directory that is not empty, or cannot be removed, stays; a later start takes it over
            }
        }
        release();
    }

    /** Lets another process claim the directory; the process ending does the same. */
    public void release() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    /**
     * An existing run directory, claimed for {@code --resume}: a run that another process is training is refused,
     * as two processes writing one run would mix their checkpoints.
     */
    public static RunDirectory resume(Path root) {
        open(root);
        RunLock lock = RunLock.tryAcquire(root);
        if (lock == null) {
            throw new BadInputException("--resume " + root + ": " + RunLock.holder(root)
                    + " is training this run; wait for it to finish or stop it");
        }
        return new RunDirectory(root, lock, false);
    }

    /** An existing run directory, for resuming, sampling or analysis. */
    public static RunDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": no such run directory");
        }
        if (!Files.isRegularFile(root.resolve("model.json")) && Files.exists(root.resolve(CLAIM))) {
            throw new BadInputException(root + ": a run that stopped before it began (no model.json), so nothing was "
                    + "trained in it; start it again with --out " + root);
        }
        if (!Files.isRegularFile(root.resolve("model.json"))) {
            throw new BadInputException(root + ": not a run directory (no model.json)");
        }
        return new RunDirectory(root, null, false);
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
        float[] w = finite(dir.resolve("weights.npy"), e.visible(), e.hidden());
        float[] b = finite(dir.resolve("visible_bias.npy"), e.visible());
        float[] c = finite(dir.resolve("hidden_bias.npy"), e.hidden());
        return new Rbm(e.visible(), e.hidden(), w, b, c);
    }

    /**
     * The trainer state of a layer's latest checkpoint, for a trainer of {@code threads} sampling streams. The
     * generators' states are checked here, where the file is known: a stream per thread, each a state the generator
     * accepts.
     */
    public TrainerState loadTrainerState(Manifest.LayerEntry e, boolean persistent, int batchSize, int threads) {
        Path t = root.resolve(e.dir()).resolve("trainer");
        // the small file first: a corrupt one is refused before the arrays are read
        Path file = t.resolve(RANDOM);
        RandomState rng = JsonFiles.read(file, RandomState.class);
        if (rng.sampling() == null) {
            throw new BadInputException(file + ": corrupt generator state (sampling is null)");
        }
        if (rng.sampling().size() != threads) {
            throw new BadInputException(file + ": the checkpoint was written with --threads " + rng.sampling().size()
                    + "; resume with --threads " + rng.sampling().size() + " to continue bit for bit");
        }
        byte[] shuffle = decode(rng.shuffle(), file);
        byte[][] streams = new byte[threads][];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = decode(rng.sampling().get(i), file);
        }
        int nv = e.visible();
        int nh = e.hidden();
        float[] vw = finite(t.resolve("velocity_weights.npy"), nv, nh);
        float[] vb = finite(t.resolve("velocity_visible_bias.npy"), nv);
        float[] vc = finite(t.resolve("velocity_hidden_bias.npy"), nh);
        float[] chains = persistent ? finite(t.resolve("chains.npy"), batchSize, nh) : null;
        return new TrainerState(vw, vb, vc, chains, shuffle, streams);
    }

    /**
     * The array in {@code file}, of the given shape, with every value finite. Training never writes NaN or Inf (a
     * diverged epoch is not checkpointed), so one on disk is damage, reported here rather than as divergence later.
     */
    private static float[] finite(Path file, int... shape) {
        float[] a = Npy.read(file, shape).data();
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new BadInputException(file + ": " + a[i] + " at index " + i
                        + "; the checkpoint is damaged (training writes only finite values)");
            }
        }
        return a;
    }

    private static byte[] decode(String base64, Path source) {
        byte[] state;
        try {
            state = base64 == null ? null : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException ex) {
            state = null;
        }
        if (state == null || !RandomStreams.isState(state)) {
            throw new BadInputException(source + ": corrupt generator state");
        }
        return state;
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
