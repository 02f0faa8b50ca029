package rbm.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which kernels a fresh JVM gets, and what it says on stderr, with and without the vector module. */
class KernelsProviderTest {

    /** Prints the name of the kernels the provider chose. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(KernelsProvider.best().name());
        }
    }

    private record Run(String stdout, List<String> stderr) {}

    private static Run java(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), err);
        return new Run(out, err.isEmpty() ? List.of() : err.lines().toList());
    }

    @Test
    void withoutTheModuleTheReferenceKernelsRunAndOneLineSaysHowToTurnSimdOn() throws Exception {
        Run run = java();
        assertEquals("reference", run.stdout());
        assertEquals(List.of("rbm: SIMD kernels off: run java with --add-modules jdk.incubator.vector to turn them on"
                + " (using the plain-Java kernels)"), run.stderr());
    }

    @Test
    void withTheModuleTheVectorKernelsRun() throws Exception {
        Run run = java("--add-modules", "jdk.incubator.vector");
        assertEquals("vector", run.stdout());
        // only the JDK's own notice about incubator modules
        assertEquals(List.of("WARNING: Using incubator modules: jdk.incubator.vector"), run.stderr());
    }

    @Test
    void thePropertyForcesTheReferenceKernelsSilently() throws Exception {
        Run run = java("--add-modules", "jdk.incubator.vector", "-Drbm.kernels.reference=true");
        assertEquals("reference", run.stdout());
        assertEquals(List.of("WARNING: Using incubator modules: jdk.incubator.vector"), run.stderr());
    }
}
