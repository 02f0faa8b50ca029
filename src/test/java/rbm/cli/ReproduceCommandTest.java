package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The flags of {@code rbm reproduce}: what --help says of them, and what they set. */
class ReproduceCommandTest {
    private static ReproduceCommand parse(String... args) {
        ReproduceCommand c = new ReproduceCommand();
        Main.parser(c).parseArgs(args);
        return c;
    }

    @Test
    void controlsRunUnlessTurnedOff() {
        assertTrue(parse().controls);
        assertTrue(parse("--controls").controls);
        assertFalse(parse("--no-controls").controls);
    }

    /** The help of --[no-]controls says what the flag does, not the opposite. */
    @Test
    void helpDescribesTheControls() {
        Cli r = Cli.run("reproduce", "--help");
        assertEquals(0, r.code());
        String line = r.out().lines().filter(l -> l.strip().startsWith("--[no-]controls")).findFirst().orElseThrow();
        assertFalse(line.contains("Skip the controls."), line);
        assertTrue(r.out().contains("untrained stack"), r.out());
    }

    /** An unknown image set is one line that names the flag and the valid sets, before anything runs. */
    @Test
    void anUnknownDataSetIsRefusedInOneLine() {
        Cli r = Cli.run("reproduce", "--data", "cifar", "--out", "target/never-written");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--data") && r.err().contains("fashion-mnist"), r.err());
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("target/never-written")));
    }

    @Test
    void theDataSetDefaultsToMnist() {
        assertEquals("mnist", parse().data);
        assertEquals("fashion-mnist", parse("--data", "fashion-mnist").data);
    }
}
