package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An --out that already holds a run is refused before the data is read: the bundled MNIST takes seconds to load, and
 * the user should not wait for them to learn that the directory is taken. The data here cannot be loaded, so an error
 * about it would show that the load came first.
 */
class OutBeforeDataTest {
    @TempDir
    Path tmp;

    @Test
    void anOutThatHoldsARunIsRefusedBeforeTheDataLoad() throws IOException {
        Path run = tmp.resolve("run");
        Cli first = Cli.run("train", "--limit", "100", "--layers", "784-4", "--epochs", "1", "--batch", "50",
                "--seed", "1", "--threads", "1", "--monitor-rows", "50", "--out", run.toString());
        assertEquals(0, first.code(), first.err());
        Path junk = Files.write(tmp.resolve("junk.csv"), new byte[] {'0', ',', 0, 7, (byte) 0xff, '\n'});
        Cli second = Cli.run("train", "--data", junk.toString(), "--layers", "3-2", "--epochs", "1",
                "--out", run.toString());
        assertEquals(Main.BAD_INPUT, second.code(), second.err());
        String line = second.errorLine();
        assertTrue(line.startsWith("rbm: --out " + run + ": already holds a run"), line);
        assertFalse(line.contains(junk.toString()), "the data was read first: " + line);
    }
}
