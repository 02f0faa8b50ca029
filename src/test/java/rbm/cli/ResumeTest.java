package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.run.RunContents;

/**
 * {@code train --resume} verifies what it continues and does what it is asked: the data must be the run's own, the
 * flags it would ignore are refused, {@code --epochs} extends a run to the bytes of a run asked for those epochs
 * from the start, and a damaged checkpoint is named rather than trained on.
 */
class ResumeTest {
    @TempDir
    Path tmp;

    /** 300 rows of 24 random 0/1 values as text, from a fixed seed. */
    private Path data(String name, int rows) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 24; j++) {
                sb.append(j == 0 ? "" : " ").append(r.nextInt(4) == 0 ? 1 : 0);
            }
            sb.append('\n');
        }
        return Files.writeString(tmp.resolve(name), sb);
    }

    private static Cli train(Path data, Path out, String epochs) {
        return Cli.run("train", "--data", data.toString(), "--layers", "24-10-6-4", "--epochs", epochs,
                "--batch", "20", "--seed", "3", "--threads", "1", "--monitor-rows", "50", "--out", out.toString());
    }

    private static Map<String, String> contents(Path run) throws IOException {
        return RunContents.of(run);
    }

    /** The same files with the same bytes; a difference names the file. */
    private static void assertSameRun(Path expected, Path actual) throws IOException {
        Set<String> differ = RunContents.differences(contents(expected), contents(actual));
        assertEquals(Set.of(), differ, "files that differ between " + expected + " and " + actual);
    }

    @Test
    void aChangedDataFileIsRefused() throws IOException {
        Path data = data("data.txt", 300);
        Path run = tmp.resolve("run");
        assertEquals(0, train(data, run, "1").code());
        Map<String, String> before = contents(run);
        // the same row count, one value changed
        String text = Files.readString(data);
        Files.writeString(data, (text.charAt(0) == '0' ? "1" : "0") + text.substring(1));
        Cli changed = Cli.run("train", "--resume", run.toString(), "--epochs", "2");
        assertEquals(2, changed.code(), changed.err());
        assertTrue(changed.errorLine().contains("--data " + data + ": the file changed since the run started"),
                changed.err());
        // other rows, as a file replaced by a longer one
        data("data.txt", 320);
        Cli longer = Cli.run("train", "--resume", run.toString(), "--epochs", "2");
        assertEquals(2, longer.code(), longer.err());
        assertTrue(longer.errorLine().contains("320 rows"), longer.err());
        assertEquals(before, contents(run), "the run is untouched");
    }

    @Test
    void flagsThatResumeWouldIgnoreAreRefusedByName() throws IOException {
        Path data = data("data.txt", 300);
        Path run = tmp.resolve("run");
        assertEquals(0, train(data, run, "1").code());
        Cli c = Cli.run("train", "--resume", run.toString(), "--out", tmp.resolve("other").toString(), "--layers",
                "24-5", "--lr", "0.5");
        assertEquals(2, c.code(), c.err());
        assertTrue(c.errorLine().contains("--out, --layers, --learning-rate are the run's own"), c.err());
        assertFalse(Files.exists(tmp.resolve("other")));
        Cli threads = Cli.run("train", "--resume", run.toString(), "--threads", "2");
        assertEquals(2, threads.code(), threads.err());
        assertTrue(threads.errorLine().contains("uses 1 threads"), threads.err());
    }

    @Test
    void epochsExtendAFinishedRunToTheBytesOfALongerOne() throws IOException {
        Path data = data("data.txt", 300);
        Path whole = tmp.resolve("whole");
        Path extended = tmp.resolve("extended");
        assertEquals(0, train(data, whole, "3").code());
        assertEquals(0, train(data, extended, "2").code());
        Map<String, String> finished = contents(extended);
        Cli again = Cli.run("train", "--resume", extended.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(finished, contents(extended), "a finished run resumed without --epochs stays as it is");
        Cli more = Cli.run("train", "--resume", extended.toString(), "--epochs", "3");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("extending RBM 1 from 2 to 3 epochs"), more.out());
        assertTrue(more.out().contains("RBMs 2 to 3 are trained again on the new output of RBM 1"), more.out());
        assertSameRun(whole, extended);
        Cli shorter = Cli.run("train", "--resume", extended.toString(), "--epochs", "3,2,3");
        assertEquals(2, shorter.code(), shorter.err());
        assertTrue(shorter.errorLine().contains("RBM 2 of the run in " + extended + " has trained 3 epochs already"),
                shorter.err());
    }

    @Test
    void extendingTheTopRbmKeepsTheOnesBelow() throws IOException {
        Path data = data("data.txt", 300);
        Path whole = tmp.resolve("whole");
        Path extended = tmp.resolve("extended");
        assertEquals(0, train(data, whole, "2,2,4").code());
        assertEquals(0, train(data, extended, "2").code());
        String lower = contents(extended).get("layer-01/epoch-0002/weights.npy");
        Cli more = Cli.run("train", "--resume", extended.toString(), "--epochs", "2,2,4");
        assertEquals(0, more.code(), more.err());
        assertFalse(more.out().contains("trained again"), more.out());
        assertEquals(lower, contents(extended).get("layer-01/epoch-0002/weights.npy"));
        assertSameRun(whole, extended);
    }

    /** A damaged checkpoint is refused before anything in the run changes: config.json keeps its epochs. */
    @Test
    void nanInACheckpointIsRefusedNamingTheFile() throws IOException {
        Path data = data("data.txt", 300);
        Path run = tmp.resolve("run");
        assertEquals(0, train(data, run, "1").code());
        List<Path> arrays = new ArrayList<>();
        for (String name : List.of("weights.npy", "hidden_bias.npy", "trainer/velocity_weights.npy")) {
            arrays.add(run.resolve("layer-01/epoch-0001").resolve(name));
        }
        String config = Files.readString(run.resolve("config.json"));
        String manifest = Files.readString(run.resolve("model.json"));
        for (Path array : arrays) {
            byte[] original = Files.readAllBytes(array);
            plantNaN(array);
            Cli c = Cli.run("train", "--resume", run.toString(), "--epochs", "2");
            assertEquals(2, c.code(), c.err());
            assertTrue(c.errorLine().contains(array + ": NaN at index"), c.err());
            assertEquals(config, Files.readString(run.resolve("config.json")), "the refused extension left no trace");
            assertEquals(manifest, Files.readString(run.resolve("model.json")));
            Files.write(array, original);
        }
        plantNaN(arrays.getFirst());
        Cli sample = Cli.run("sample", "--model", run.toString(), "--out", tmp.resolve("s").toString());
        assertEquals(2, sample.code(), sample.err());
        assertTrue(sample.errorLine().contains(arrays.getFirst() + ": NaN"), sample.err());
    }

    /** Writes a NaN over the last float32 of an .npy file. */
    private static void plantNaN(Path npy) throws IOException {
        try (FileChannel ch = FileChannel.open(npy, StandardOpenOption.WRITE)) {
            ByteBuffer nan = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN).flip();
            ch.write(nan, ch.size() - 4);
        }
    }

    @Test
    void configRecordsTheBundledHeldOutSet() throws IOException {
        Path run = tmp.resolve("run");
        Cli c = Cli.run("train", "--limit", "200", "--layers", "784-8", "--epochs", "1", "--threads", "1",
                "--seed", "1", "--monitor-rows", "50", "--out", run.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"heldout\": \"bundled:mnist-test\""));
        Path own = tmp.resolve("own");
        assertEquals(0, train(data("data.txt", 300), own, "1").code());
        assertTrue(Files.readString(own.resolve("config.json")).contains("\"heldout\": null"));
    }
}
