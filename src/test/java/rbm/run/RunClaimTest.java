package rbm.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.io.BadInputException;
import rbm.model.BruteForceAccess;
import rbm.model.Rbm;
import rbm.train.TrainingConfig;

/** Two runs started at once on one directory: exactly one claims it, and its files are its own. */
class RunClaimTest {
    @TempDir
    Path tmp;

    private static RunConfig config(long seed) {
        return new RunConfig(null, null, "threshold:0.5", 200, new int[] {7, 5}, new int[] {1},
                TrainingConfig.hinton(), true, seed, 1, 100, LikelihoodMonitoring.OFF);
    }

    /** Runs {@code body} for seeds 1 and 2 on two threads released together; the failures, by seed. */
    private static List<RuntimeException> race(ThrowingSeed body) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(2);
        List<AtomicReference<RuntimeException>> failures = List.of(new AtomicReference<>(), new AtomicReference<>());
        List<Thread> threads = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            final int s = seed;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    body.run(s);
                } catch (RuntimeException e) {
                    failures.get(s - 1).set(e);
                } catch (Exception e) {
                    failures.get(s - 1).set(new RuntimeException(e));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<RuntimeException> out = new ArrayList<>();
        failures.forEach(f -> out.add(f.get()));
        return out;
    }

    interface ThrowingSeed {
        void run(int seed) throws Exception;
    }

    @Test
    void oneOfTwoRunsOnOneDirectoryWins() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            Path dir = tmp.resolve("run-" + attempt);
            if (attempt % 2 == 1) {
                Files.createDirectory(dir); // an existing empty directory, as --out may name
            }
            List<RuntimeException> failures = race(seed -> {
                RunDirectory run = RunDirectory.create(dir);
                run.writeConfig(config(seed));
                run.saveCheckpoint(1, 1, 1, BruteForceAccess.randomRbm(7, 5, 1.0, seed), null);
            });
            long losers = failures.stream().filter(f -> f != null).count();
            assertEquals(1, losers, "attempt " + attempt + ": exactly one run fails, got " + failures);
            int winner = failures.get(0) == null ? 1 : 2;
            RuntimeException lost = failures.get(2 - winner);
            assertTrue(lost instanceof BadInputException && lost.getMessage().contains(dir.toString())
                    && !lost.getMessage().contains("\n"), "one line naming the directory: " + lost);
            RunDirectory run = RunDirectory.open(dir);
            assertEquals(winner, run.readConfig().seed(), "attempt " + attempt);
            Rbm rbm = run.loadRbm(run.readManifest().layer(1));
            assertArrayEquals(BruteForceAccess.randomRbm(7, 5, 1.0, winner).weights(), rbm.weights());
        }
    }

    @Test
    void runsStartedInTheSameSecondGetTwoNames() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            Path parent = tmp.resolve("runs-" + attempt);
            List<Path> roots = java.util.Collections.synchronizedList(new ArrayList<>());
            List<RuntimeException> failures = race(seed ->
                    roots.add(RunDirectory.createNamed(parent, "20261202-110000", r -> { }).root()));
            assertEquals(List.of(), failures.stream().filter(f -> f != null).toList());
            assertEquals(2, roots.size());
            assertNotEquals(roots.get(0), roots.get(1));
            assertEquals(List.of("20261202-110000", "20261202-110000-2"), roots.stream()
                    .map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aDirectoryThatHoldsARunIsRefusedBeforeTheClaim() {
        Path dir = tmp.resolve("run");
        RunDirectory.create(dir);
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> RunDirectory.checkFree(dir));
        assertTrue(e.getMessage().startsWith("--out " + dir + ": already holds a run"), e.getMessage());
    }
}
