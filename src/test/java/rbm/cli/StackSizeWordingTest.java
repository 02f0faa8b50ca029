package rbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default stack is 10 RBMs, 11 layers of units, and the console counts RBMs ("layer 1/10"): the help texts and
 * the README call it that, never an "11-layer stack" a reader would count as 11 RBMs.
 */
class StackSizeWordingTest {
    private static final Pattern ELEVEN_LAYER = Pattern.compile("11[- ]layer(?!s of units)", Pattern.CASE_INSENSITIVE);

    @Test
    void helpTextsAndReadmeCountTheRbms() throws IOException {
        for (String command : new String[] {"train", "reproduce"}) {
            Cli r = Cli.run(command, "--help");
            assertEquals(0, r.code(), r.err());
            String help = r.out().replaceAll("\\s+", " ");
            assertFalse(ELEVEN_LAYER.matcher(help).find(), command + " --help: " + help);
            assertTrue(help.contains("10-RBM stack (11 layers of units)"), command + " --help: " + help);
        }
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertFalse(ELEVEN_LAYER.matcher(readme).find(), "README.md");
        assertTrue(readme.contains("10 RBMs 784-500-250-120-60-30-25-20-15-10-5 (11 layers of units)"), "README.md");
    }
}
