package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run stopped from outside (SIGTERM here; Ctrl-C's SIGINT runs the same shutdown hooks) says on standard
 * error how to go on from its last checkpoint.
 */
class InterruptHintTest {
    @TempDir
    Path tmp;

    @Test
    void aStoppedRunSaysHowToResume() throws Exception {
        Path run = tmp.resolve("run");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = Child.start(out, err, List.of("train", "--limit", "2000", "--layers", "784-200", "--epochs", "500",
                "--threads", "1", "--out", run.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(out).contains("epoch 1/") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.readString(out).contains("epoch 1/"), "a first epoch: " + Files.readString(err));
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops");
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(text.contains("./rbm train --resume " + run), text);
    }
}
