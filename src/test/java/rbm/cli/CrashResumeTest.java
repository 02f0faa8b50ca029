package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.run.RunContents;

/**
 * {@code train} in a child JVM, killed with SIGKILL at random instants and started again each time, ends with the
 * files of an uninterrupted run, byte for byte: weights, biases, trainer state, {@code model.json},
 * {@code config.json}, {@code filters.png}, and the metrics apart from the timing column; with no file left over.
 *
 * <p>After a kill, a directory with a {@code model.json} is resumed ({@code --resume}); one without is started again
 * with the same {@code --out}, as a user would. The child runs alternate between two kinds of kill: at a uniform
 * random instant within the length of an uninterrupted run, and 0 to 2 ms after the first change to the run
 * directory that follows such an instant (a file appears, changes or goes: a checkpoint file, a temporary file of
 * an atomic write, the manifest, the metrics). A child that ends before its kill counts none. A killed run that
 * finishes before the test has made {@value #KILLS} kills is compared, and a new one is started; the rounds
 * alternate between CD-1 with momentum and PCD (sklearn), whose chains are trainer state too.
 *
 * <p>The random instants come from a seed the test prints; {@code -Drbm.crash.seed=N} replays its choices (the
 * instants, not the timing of the processes). It runs only in the pass with the Vector API module: it starts some
 * 40 JVMs, and the other pass runs the same checkpoint code.
 */
class CrashResumeTest {
    /** Kills of a live process per test run. */
    private static final int KILLS = 20;
    /** Killed runs the test may start before it has made its kills; each takes at least one kill. */
    private static final int MAX_ROUNDS = KILLS;
    /** The exit code of a process killed by SIGKILL, as Java reports it on Linux and macOS. */
    private static final int KILLED = 128 + 9;

    /** The two ways of training the rounds alternate, each with several layers and epochs: many checkpoints. */
    private static final List<List<String>> CONFIGS = List.of(
            List.of("--layers", "64-24-12-8", "--epochs", "3", "--monitor-rows", "100", "--threads", "1",
                    "--seed", "17"),
            List.of("--preset", "sklearn", "--limit", "500", "--layers", "64-24-12", "--epochs", "2",
                    "--monitor-rows", "100", "--threads", "1", "--seed", "18"));

    @TempDir
    Path tmp;

    private Random random;
    private Path data;
    private int kills;
    private int afterFile;
    private int children;
    /**
     * How long an uninterrupted run of each configuration takes, start to exit, as last measured: the kills fall
     * within it. It is measured again whenever a run goes through from the start, as the load of the machine moves.
     */
    private long[] lengths;

    /** What a child is to be stopped by. */
    private enum Kill { NONE, UNIFORM, AFTER_FILE }

    /** An uninterrupted run: its files and how long it took, start to exit. */
    private record Reference(Path dir, Map<String, String> files, long nanos) {
    }

    @Test
    void killedAndResumedRunsEndWithTheBytesOfAnUninterruptedOne() throws Exception {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "runs in the pass with the Vector API module only");
        long seed = Long.getLong("rbm.crash.seed", System.nanoTime());
        System.out.println("CrashResumeTest: seed " + seed + " (-Drbm.crash.seed=" + seed + " replays the choices)");
        random = new Random(seed);
        data = tmp.resolve("data.txt");
        writeData(data);
        List<Reference> references = references();
        lengths = references.stream().mapToLong(Reference::nanos).toArray();
        int rounds = 0;
        while (kills < KILLS) {
            assertTrue(rounds < MAX_ROUNDS, "killed runs: " + rounds + ", kills: " + kills + " (seed " + seed + ")");
            int c = rounds % CONFIGS.size();
            killedRun(rounds, c, references.get(c));
            rounds++;
        }
        System.out.printf("CrashResumeTest: %d kills (%d at a uniform instant, %d after a file changed) of %d "
                + "child runs in %d killed runs, each ending with the bytes of its uninterrupted run%n", kills,
                kills - afterFile, afterFile, children, rounds);
    }

    /** Rows of 64 bits: 8 random prototypes with one bit in ten flipped, from a fixed seed. */
    private static void writeData(Path file) throws IOException {
        Random r = new Random(2024);
        boolean[][] prototypes = new boolean[8][64];
        for (boolean[] p : prototypes) {
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextDouble() < 0.3;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < 1500; row++) {
            boolean[] p = prototypes[r.nextInt(prototypes.length)];
            for (boolean bit : p) {
                text.append(bit != (r.nextDouble() < 0.1) ? '1' : '0');
            }
            text.append('\n');
        }
        Files.writeString(file, text);
    }

    private List<String> startArgs(List<String> config, Path dir) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString()));
        args.addAll(config);
        args.addAll(List.of("--out", dir.toString()));
        return args;
    }

    /** One uninterrupted run of each configuration, both at once. */
    private List<Reference> references() throws Exception {
        List<Process> running = new ArrayList<>();
        List<Long> started = new ArrayList<>();
        for (int c = 0; c < CONFIGS.size(); c++) {
            Path dir = tmp.resolve("reference-" + c);
            started.add(System.nanoTime());
            running.add(Child.start(tmp.resolve("reference-" + c + ".out"), tmp.resolve("reference-" + c + ".err"),
                    startArgs(CONFIGS.get(c), dir)));
        }
        List<Reference> references = new ArrayList<>();
        for (int c = 0; c < CONFIGS.size(); c++) {
            assertEquals(0, Child.exitCode(running.get(c)), "reference run: "
                    + Files.readString(tmp.resolve("reference-" + c + ".err")));
            long nanos = System.nanoTime() - started.get(c);
            references.add(new Reference(tmp.resolve("reference-" + c), RunContents.of(tmp.resolve("reference-" + c)),
                    nanos));
            System.out.printf("CrashResumeTest: reference %d: %s, %.1f s%n", c, CONFIGS.get(c), nanos / 1e9);
        }
        return references;
    }

    /**
     * Starts a run in a new directory, kills it until it finishes (or, once the test has its kills, lets it
     * finish), and compares its files with the reference's.
     */
    private void killedRun(int round, int c, Reference reference) throws Exception {
        Path dir = tmp.resolve("killed-" + round);
        List<String> config = CONFIGS.get(c);
        List<String> log = new ArrayList<>();
        for (int cycle = 0; ; cycle++) {
            boolean resume = Files.exists(dir.resolve("model.json"));
            List<String> args = resume ? List.of("train", "--resume", dir.toString(), "--threads", "1")
                    : startArgs(config, dir);
            Kill kind = kills >= KILLS ? Kill.NONE : children % 2 == 0 ? Kill.UNIFORM : Kill.AFTER_FILE;
            Path err = tmp.resolve("child.err");
            Process p = Child.start(tmp.resolve("child.out"), err, args);
            long t0 = System.nanoTime();
            children++;
            String instant = switch (kind) {
                case NONE -> "";
                case UNIFORM -> {
                    waitUntil(p, t0 + random.nextLong(lengths[c]));
                    yield "at " + millis(t0);
                }
                case AFTER_FILE -> {
                    waitUntil(p, t0 + random.nextLong(lengths[c]));
                    String change = nextChange(p, dir);
                    long extra = random.nextInt(3);
                    if (extra > 0) {
                        Thread.sleep(extra);
                    }
                    yield "at " + millis(t0) + ", " + extra + " ms after " + change;
                }
            };
            if (kind != Kill.NONE) {
                p.destroyForcibly();
            }
            int code = Child.exitCode(p);
            if (code == 0 && cycle == 0) {
                lengths[c] = System.nanoTime() - t0;
            }
            String what = String.format("round %d cycle %d (%s): ", round, cycle, resume ? "--resume" : "--out");
            if (code == KILLED && kind != Kill.NONE) {
                kills++;
                afterFile += kind == Kill.AFTER_FILE ? 1 : 0;
                log.add(what + "killed " + instant);
            } else if (code == 0) {
                log.add(what + "finished" + (kind == Kill.NONE ? "" : " before the kill " + instant));
                break;
            } else {
                fail(what + "exit code " + code + " after the kills above: " + Files.readString(err));
            }
            System.out.println("CrashResumeTest: " + log.getLast());
        }
        System.out.println("CrashResumeTest: " + log.getLast());
        assertTrue(Files.isRegularFile(dir.resolve("provenance.json")), "provenance.json of killed run " + round
                + ":\n" + String.join("\n", log));
        Set<String> differ = RunContents.differences(reference.files(), RunContents.of(dir));
        assertEquals(Set.of(), differ, "files that differ from the uninterrupted run, or that only one has, after:\n"
                + String.join("\n", log) + RunContents.texts(differ, reference.dir(), dir));
    }

    private static String millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }

    /** Sleeps until {@code deadline} (System.nanoTime) or until the process ends. */
    private static void waitUntil(Process p, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            p.waitFor(left, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Polls {@code dir} until a file or directory in it appears, changes (size or time) or goes, and names the
     * first such change; a path that goes while being listed counts too. Returns when the process ends as well.
     */
    private static String nextChange(Process p, Path dir) throws InterruptedException {
        Map<String, String> before = listing(dir);
        while (p.isAlive()) {
            Map<String, String> now = listing(dir);
            if (now == null || before == null) {
                return "a path that went while listing";
            }
            for (String path : RunContents.differences(before, now)) {
                return (now.containsKey(path) ? before.containsKey(path) ? "~" : "+" : "-") + path;
            }
            Thread.sleep(1);
        }
        return "the end of the process";
    }

    /** Every path under {@code dir} with its size and modification time; null if one went while listing. */
    private static Map<String, String> listing(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path f : paths.toList()) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                String name = f.equals(dir) ? "the run directory" : dir.relativize(f).toString();
                out.put(name, a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return out;
    }
}
