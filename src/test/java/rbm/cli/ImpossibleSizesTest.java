package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes no JVM could hold are refused from the flags, before any work: one line naming the flag and the bytes, exit
 * code 2, no run directory; not an overflowed array size or an out-of-memory error after minutes.
 */
class ImpossibleSizesTest {
    @TempDir
    Path tmp;

    private Cli train(String... extra) {
        String[] base = {"train", "--limit", "200", "--epochs", "1", "--seed", "1", "--threads", "1",
            "--monitor-rows", "50", "--out", tmp.resolve("run").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private void assertRefused(Cli r, String... fragments) {
        assertEquals(Main.BAD_INPUT, r.code(), "exit code; stderr: " + r.err());
        String line = r.errorLine();
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' missing from: " + line);
        }
        assertFalse(Files.exists(tmp.resolve("run")), "no run directory for a refused request");
    }

    @Test
    void moreWeightsThanAnArrayHolds() {
        assertRefused(train("--layers", "784-3000000"), "--layers", "2,352,000,000", "9.4 GB", "Java array");
        assertRefused(train("--layers", "784-100000000"), "--layers", "314 GB");
    }

    @Test
    void aBatchLargerThanAnArrayHolds() {
        assertRefused(train("--layers", "784-500", "--batch", "10000000"), "--batch", "GB", "Java array");
    }

    @Test
    void moreMemoryThanTheHeap() {
        assumeTrue(Runtime.getRuntime().maxMemory() < 9_000_000_000L, "a heap under 9 GB, as the tests get");
        long t0 = System.nanoTime();
        assertRefused(train("--layers", "784-1000000"), "--layers", "needs about 11 GB", "RBM_JAVA_OPTS=-Xmx");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused before any work");
    }

    /** A --limit beyond the data's rows is the data's rows: the check counts the rows read, not the flag. */
    @Test
    void aLimitBeyondTheDataIsNotRefused() {
        Cli r = train("--layers", "784-4", "--limit", "100000000", "--batch", "1000");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void moreChainsThanTheSamplerHolds() {
        Path model = tmp.resolve("model");
        Cli trained = Cli.run("train", "--limit", "100", "--layers", "784-8", "--epochs", "1", "--batch", "50",
                "--seed", "1", "--threads", "1", "--monitor-rows", "50", "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        Path png = tmp.resolve("samples.png");
        for (String chains : new String[] {"100000000", "3000000", "1000000"}) {
            Cli r = Cli.run("sample", "--model", model.toString(), "--chains", chains, "--steps", "1",
                    "--threads", "1", "--out", png.toString());
            assertEquals(Main.BAD_INPUT, r.code(), "--chains " + chains + ": " + r.err());
            String line = r.errorLine();
            assertTrue(line.startsWith("rbm: --chains: "), line);
            assertFalse(line.contains("--limit"), "sample has no --limit: " + line);
            assertFalse(Files.exists(png));
        }
    }

    @Test
    void moreChainsOrSamplesThanTheLikelihoodHolds() {
        Path model = tmp.resolve("model");
        Cli trained = Cli.run("train", "--limit", "100", "--layers", "784-8-4", "--epochs", "1", "--batch", "50",
                "--seed", "1", "--threads", "1", "--monitor-rows", "50", "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        String[][] asks = {{"--chains", "100000000"}, {"--samples", "1000000000"}};
        for (String[] ask : asks) {
            Cli r = Cli.run("likelihood", "--model", model.toString(), ask[0], ask[1], "--threads", "1",
                    "--out", tmp.resolve("likelihood").toString());
            assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", ask) + ": " + r.err());
            assertTrue(r.errorLine().startsWith("rbm: " + ask[0] + ": "), r.errorLine());
            assertFalse(Files.exists(tmp.resolve("likelihood")));
        }
    }

    /** Out of memory all the same, the advice names the command's own flags. */
    @Test
    void outOfMemoryAdviceNamesTheCommandsFlags() {
        String sample = Main.outOfMemory("sample", "--model", "runs/x", "--chains", "100000000");
        assertTrue(sample.contains("--chains"), sample);
        assertFalse(sample.contains("--limit"), sample);
        assertTrue(Main.outOfMemory("--debug", "train", "--layers", "784-500").contains("--limit"));
        assertTrue(Main.outOfMemory("relevance", "--model", "x").contains("--repeats"));
    }
}
