package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.run.RunConfig;
import rbm.run.RunContents;
import rbm.run.RunDirectory;

/**
 * Two {@code train --out DIR} processes with different seeds, started together on one directory, {@value #STARTS}
 * times: exactly one exits 0 and the other exits 2 with a one-line error naming the directory, and every file in
 * the directory is the winner's: its seed and data in {@code config.json} and {@code provenance.json}, and the
 * weights, trainer state and metrics of a run of its seed alone.
 *
 * <p>The two children start back to back, and each claims the directory as soon as it has read its flags, before it
 * loads any data, so the two claims come within the few milliseconds by which their JVMs' starts differ. Each reads
 * a copy of the data of its own, so that the files show whose run the directory holds. Runs only in the pass with
 * the Vector API module, as it starts some 40 JVMs.
 */
class ConcurrentStartTest {
    private static final int STARTS = 20;
    /** Races run at the same time: JVMs start faster side by side than one pair after another. */
    private static final int AT_ONCE = 4;
    private static final long[] SEEDS = {101, 202};
    private static final List<String> ARGS = List.of("--layers", "16-8", "--epochs", "1", "--monitor-rows", "50",
            "--threads", "1");

    @TempDir
    Path tmp;

    /** One race: two children on one directory, child i with data file {@code files[i]} and seed {@code seeds[i]}. */
    private record Race(Path dir, List<Path> files, List<Long> seeds, List<Process> children, List<Path> errors) {
    }

    @Test
    void ofTwoRunsStartedTogetherOnOneDirectoryExactlyOneWins() throws Exception {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "runs in the pass with the Vector API module only");
        byte[] data = data();
        Path plain = tmp.resolve("data.txt");
        Files.write(plain, data);
        List<Process> solo = new ArrayList<>();
        for (long seed : SEEDS) {
            solo.add(Child.start(tmp.resolve("solo-" + seed + ".out"), tmp.resolve("solo-" + seed + ".err"),
                    args(plain, seed, tmp.resolve("solo-" + seed))));
        }
        int[] winsByOrder = new int[2];
        int[] winsBySeed = new int[2];
        for (int first = 0; first < STARTS; first += AT_ONCE) {
            List<Race> races = new ArrayList<>();
            for (int i = first; i < Math.min(first + AT_ONCE, STARTS); i++) {
                races.add(start(i, data));
            }
            if (first == 0) {
                for (int s = 0; s < SEEDS.length; s++) {
                    assertEquals(0, Child.exitCode(solo.get(s)),
                            Files.readString(tmp.resolve("solo-" + SEEDS[s] + ".err")));
                }
            }
            for (Race race : races) {
                int winner = check(race);
                winsByOrder[winner]++;
                winsBySeed[race.seeds().get(winner) == SEEDS[0] ? 0 : 1]++;
            }
        }
        System.out.printf("ConcurrentStartTest: %d races, one winner each: the first started won %d, the second %d; "
                + "seed %d won %d, seed %d won %d%n", STARTS, winsByOrder[0], winsByOrder[1], SEEDS[0], winsBySeed[0],
                SEEDS[1], winsBySeed[1]);
    }

    /** 200 rows of 16 bits from a fixed seed, as 0/1 text. */
    private static byte[] data() {
        Random r = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < 200; row++) {
            for (int i = 0; i < 16; i++) {
                text.append(r.nextDouble() < (i < 8 ? 0.7 : 0.2) ? '1' : '0');
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> args(Path data, long seed, Path out) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--seed", Long.toString(seed)));
        args.addAll(ARGS);
        args.addAll(List.of("--out", out.toString()));
        return args;
    }

    /** Starts race {@code i}; the seeds swap places from one race to the next, so neither is always first. */
    private Race start(int i, byte[] data) throws Exception {
        Path dir = tmp.resolve("race-" + i);
        List<Path> files = new ArrayList<>();
        List<Long> seeds = List.of(SEEDS[i % 2], SEEDS[1 - i % 2]);
        List<Process> children = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Path file = tmp.resolve("race-" + i + "-data-" + c + ".txt");
            Files.write(file, data);
            files.add(file);
            errors.add(tmp.resolve("race-" + i + "-" + c + ".err"));
            children.add(Child.start(tmp.resolve("race-" + i + "-" + c + ".out"), errors.get(c),
                    args(file, seeds.get(c), dir)));
        }
        return new Race(dir, files, seeds, children, errors);
    }

    /** Checks that exactly one child won the race and the directory is all its own; returns which one. */
    private int check(Race race) throws Exception {
        int[] codes = {Child.exitCode(race.children().get(0)), Child.exitCode(race.children().get(1))};
        String both = "exit codes " + codes[0] + " and " + codes[1] + " in " + race.dir() + "; standard errors:\n"
                + Files.readString(race.errors().get(0)) + "\n" + Files.readString(race.errors().get(1));
        assertTrue(codes[0] + codes[1] == 2 && codes[0] * codes[1] == 0, both);
        int winner = codes[0] == 0 ? 0 : 1;
        int loser = 1 - winner;
        List<String> error = Child.errorLines(race.errors().get(loser));
        assertEquals(1, error.size(), both);
        assertTrue(error.getFirst().startsWith("rbm: ") && error.getFirst().contains(race.dir().toString()), both);

        RunConfig config = RunDirectory.open(race.dir()).readConfig();
        assertEquals(race.seeds().get(winner), config.seed(), "the seed in config.json, " + both);
        assertEquals(race.files().get(winner).toString(), config.data(), "the data in config.json, " + both);
        String provenance = Files.readString(race.dir().resolve("provenance.json"));
        assertTrue(provenance.contains(race.files().get(winner).toString()), provenance);
        assertFalse(provenance.contains(race.files().get(loser).toString()), provenance);

        // config.json names the data it was given, a copy of its own here: checked above
        Path alone = tmp.resolve("solo-" + race.seeds().get(winner));
        Map<String, String> files = RunContents.of(race.dir());
        Map<String, String> solo = RunContents.of(alone);
        files.remove("config.json");
        solo.remove("config.json");
        Set<String> differ = RunContents.differences(solo, files);
        assertEquals(Set.of(), differ, "files unlike those of seed " + race.seeds().get(winner) + " alone; " + both
                + RunContents.texts(differ, alone, race.dir()));
        return winner;
    }
}
